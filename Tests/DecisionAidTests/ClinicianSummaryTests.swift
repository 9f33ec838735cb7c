import Testing
@testable import Content
@testable import DecisionAid

/// The clinician's printout (`assess --format clinician`): page 1 is at most
/// 60 lines of 80 columns and names every rule that fired by id, with its
/// reason and sources; every source is cited in full somewhere in it.
enum ClinicianPeople {
    typealias P = SummaryPeople

    /// Strong, with an exact EDSS of 3.0 typed by the neurologist (no walking answer).
    static func strongExact() -> Answers {
        var a = strongPerson()
        a.walking = nil
        a.edss = 3.0
        a.highEfficacyContraindicated = false
        return a
    }

    /// The three people of the issue: strong (exact EDSS), not supported
    /// (58, progressive, EDSS 6.5, serious illness) and need more information
    /// (unsure of the type, the MRI and a serious illness; no EDSS at all).
    static var three: [(name: String, input: SummaryInput)] {
        let c = P.content
        return [
            ("strong", SummaryInput(answers: strongExact(), content: c, today: P.today)),
            ("not-supported", SummaryInput(answers: P.progressive(), deliberation: P.some(c), content: c, today: P.today)),
            ("need-more-information", SummaryInput(answers: P.manyUnknowns(), deliberation: P.everything(c),
                                                   ticked: Set(c.checklist.prefix(3).map(\.id)), ownQuestions: P.ownQuestions,
                                                   content: c, today: P.today)),
        ]
    }

    /// Everyone whose page 1 must fit: the three, and every person of the
    /// patient summary's page test (long concern, every question ticked,
    /// three long questions of their own).
    static var everyone: [(name: String, input: SummaryInput)] { three + P.people + P.extremes + [mostOfAll] }

    /// The most a page 1 can be asked to hold: need more information with
    /// every unknown rule firing, every value rated "very much", everything
    /// ticked, a long concern, long words about others, three long own questions.
    static var mostOfAll: (name: String, input: SummaryInput) {
        let c = P.content
        var d = P.everything(c)
        for value in c.values { d.ratings[value.id] = .score(4) }
        d.others = String(repeating: "My partner and my mother, who would care for our children. ", count: 6)
        d.pressure = c.pressure.first?.value
        d.concernRating = .score(4)
        d.knowledge = Dictionary(uniqueKeysWithValues: c.knowledgeCheck.map { ($0.id, KnowledgeAnswer.notSure) })
        var a = P.manyUnknowns()
        a.relapsesLast12Months = 1
        a.edss = 7.0
        a.activeOnTreatment = .unsure
        a.therapies = ["ocrelizumab"]
        return ("need more information, the most of everything",
                SummaryInput(answers: a, deliberation: d, ticked: Set(c.checklist.map(\.id)), ownQuestions: P.ownQuestions, content: c, today: P.today))
    }
}

@Suite struct ClinicianSummaryTests {
    typealias P = SummaryPeople
    typealias C = ClinicianPeople

    @Test func threePeopleHaveTheirLevels() {
        let levels = C.three.map { Assessor.assess($0.input.answers, content: P.content).level }
        #expect(levels == [.strong, .notSupported, .needMoreInformation])
    }

    @Test func firstPageIsAtMost60LinesOf80Columns() throws {
        for (name, input) in C.everyone {
            let doc = ClinicianSummary.render(input)
            let (first, rest) = try #require(P.pages(doc), "\(name): no form feed")
            #expect(first.count <= ClinicianSummary.pageLines, "\(name): page 1 is \(first.count) lines:\n\(first.joined(separator: "\n"))")
            for line in first {
                #expect(Frame.width(of: line) <= ClinicianSummary.pageColumns, "\(name): \(line)")
            }
            #expect(!rest.contains("\u{0C}"), "\(name): one form feed only")
            // Page 2 wraps at 80 too, except a web address that cannot be broken.
            for line in rest.split(separator: "\n") where Frame.width(of: String(line)) > ClinicianSummary.pageColumns {
                #expect(line.split(separator: " ").contains { $0.contains("://") }, "\(name): \(line)")
            }
            // Nothing that could drive a terminal or printer, but the one form feed.
            #expect(!doc.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\u{0C}" }, "\(name)")
        }
    }

    /// Every rule that fired is on page 1 by id with its level, its reason
    /// (the clinician's words where content gives them) and its sources by
    /// name and number; each number leads to that source's full citation.
    @Test func everyRuleThatFiredIsOnPageOneWithItsReasonAndFullSources() throws {
        let c = P.content
        for (name, input) in C.everyone {
            let doc = ClinicianSummary.render(input)
            let (firstLines, _) = try #require(P.pages(doc))
            let first = flat(firstLines.joined(separator: "\n"))
            let whole = flat(doc)
            let assessment = Assessor.assess(input.answers, content: c)
            #expect(first.contains("Level: " + ClinicianBuilder.levelName(assessment.level) + " ---"), "\(name)")
            let references = try #require(Self.references(doc), "\(name): no reference list")
            for reason in assessment.reasons {
                #expect(first.contains("- \(reason.rule) ["), "\(name): \(reason.rule) not on page 1")
                let words = try #require(c.rule(reason.rule))
                // The reason: on page 1 for the deciding level (at least its first
                // sentence when page 1 is full), and always in full on page 2.
                let reasonText = flat(words.clinician ?? reason.text)
                #expect(whole.contains(reasonText), "\(name): \(reason.rule)")
                if reason.kind == .level(assessment.level) {
                    #expect(first.contains(flat(SummaryBuilder.gist(reasonText))), "\(name): \(reason.rule)")
                }
                // Each source by name and number on page 1, or (when page 1 is
                // full) by number after the rule's id; the number leads to its
                // full citation.
                var numbers: [String] = []
                var named = true
                for id in reason.sources {
                    let source = try #require(c.source(id))
                    let number = try #require(references.firstIndex { $0.id == id }.map { $0 + 1 }, "\(name): \(id) not in the references")
                    numbers.append(String(number))
                    named = named && first.contains(source.short + " [\(number)]")
                    #expect(references[number - 1].text == flat(source.fullCitation), "\(name): [\(number)] \(id)")
                }
                let kind = reason.kind == .note ? "note, does not change the level" : reason.kind.name.replacingHyphens()
                let numbered = "- \(reason.rule) [\(kind)] [" + numbers.joined(separator: ", ") + "]"
                #expect(named || first.contains(numbered), "\(name): \(reason.rule): neither '\(numbered)' nor each source's name")
            }
        }
    }

    /// The numbered reference list, wherever it is: each entry's source id
    /// (found from its citation) and flattened text.
    static func references(_ doc: String) -> [(id: String, text: String)]? {
        let lines = doc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("References") }) else { return nil }
        var entries: [String] = []
        for line in lines[(start + 1)...] {
            if line.hasPrefix("[") { entries.append(String(line.drop { $0 != " " }.dropFirst())); continue }
            if line.hasPrefix("    "), !entries.isEmpty { entries[entries.count - 1] += " " + line.trimmingSpaces(); continue }
            if line.hasPrefix("---") || line.isEmpty && entries.isEmpty { continue }
            break
        }
        return entries.map { text in
            let flatText = flat(text)
            let id = P.content.sources.first { flat($0.fullCitation) == flatText }?.id ?? "?"
            return (id, flatText)
        }
    }

    @Test func theAnswersAreAsGivenWithTheExactEDSSAndUnknownsMarked() throws {
        let (strong, notSupported, unknowns) = (C.three[0].input, C.three[1].input, C.three[2].input)
        let strongPage = try #require(P.pages(ClinicianSummary.render(strong))).first
        #expect(strongPage.contains("EDSS                        3.0 (exact score given; the rules use it)"))
        #expect(!strongPage.contains { $0.hasPrefix("Walking ") }, "no walking row when the exact score was given and walking was not")
        #expect(strongPage.contains("Age                         34"))
        #expect(strongPage.contains("High-efficacy DMT ruled out no"))
        #expect(strongPage.contains("DMTs ever taken             Ocrelizumab (high-efficacy)"))

        let progressivePage = try #require(P.pages(ClinicianSummary.render(notSupported))).first
        #expect(progressivePage.contains("EDSS                        6.5 (exact score given; the rules use it)"))
        #expect(progressivePage.contains("EDSS from a recent relapse  no"))
        #expect(progressivePage.contains("Serious comorbidity         yes"))

        let unknownPage = try #require(P.pages(ClinicianSummary.render(unknowns))).first
        #expect(unknownPage.contains("MS type                     NOT SURE"))
        #expect(unknownPage.contains("Serious comorbidity         NOT SURE"))
        #expect(unknownPage.contains("Relapses, last 12 months    NOT GIVEN"))
        #expect(unknownPage.contains("EDSS                        NOT GIVEN (no exact score and no walking answer)"))
        // The answers that change the level are named, each with NOT SURE or NOT GIVEN.
        let first = flat(unknownPage.joined(separator: "\n"))
        #expect(first.contains("Would change it: relapses NOT GIVEN; MRI activity NOT SURE; EDSS NOT GIVEN; EDSS from a relapse NOT SURE; serious comorbidity NOT SURE."))
        #expect(first.contains("Would not change it: years since diagnosis NOT GIVEN; DMTs taken NOT GIVEN;"))
        #expect(Assessor.assess(unknowns.answers, content: P.content).unknownsThatChangeIt == [.relapsesLast12Months, .newMRIActivityLast12Months, .edss, .disabilityFromRecentRelapse, .seriousComorbidity])
    }

    @Test func aWalkingBandShowsItsRangeAndAnExactScoreIsCheckedAgainstIt() throws {
        var a = strongPerson()
        var page = try #require(P.pages(ClinicianSummary.render(SummaryInput(answers: a, content: P.content, today: P.today)))).first
        #expect(page.contains("Walking                     walks without aid or limit (band EDSS 0.0-3.5)"))
        #expect(page.contains("EDSS                        none given; the rules use 3.5, the band's top"))
        a.edss = 6.0
        page = try #require(P.pages(ClinicianSummary.render(SummaryInput(answers: a, content: P.content, today: P.today)))).first
        #expect(page.contains("Walking                     walks without aid or limit (band EDSS 0.0-3.5)"))
        #expect(flat(page.joined(separator: "\n")).contains("EDSS 6.0 (exact, used by the rules). CHECK: outside the walking band"))
        a.edss = 2.5
        page = try #require(P.pages(ClinicianSummary.render(SummaryInput(answers: a, content: P.content, today: P.today)))).first
        #expect(page.contains("EDSS                        2.5 (exact, used by the rules; in the walking band)"))
        // A band with no top (in bed most of the day): any score from 8.0 is in it.
        a.walking = .bedbound
        a.edss = 9.5
        page = try #require(P.pages(ClinicianSummary.render(SummaryInput(answers: a, content: P.content, today: P.today)))).first
        #expect(page.contains("Walking                     in bed or a chair most of the day (band EDSS 8.0 or"))
        #expect(page.contains("EDSS                        9.5 (exact, used by the rules; in the walking band)"))
    }

    @Test func riskFlagsAndThePatientsValues() throws {
        let c = P.content
        let input = C.three[1].input
        let doc = ClinicianSummary.render(input)
        let (firstLines, rest) = try #require(P.pages(doc))
        let first = flat(firstLines.joined(separator: "\n"))
        #expect(first.contains("Answers that make some risks higher. Present: age 45 or more; EDSS 6.0 or more; progressive MS; serious comorbidity."))
        for match in Assessor.assess(input.answers, content: c).risks where match.higherForYou {
            #expect(first.contains(match.risk.name + " ["), "\(match.risk.id)")
            #expect(flat(rest).contains(flat(match.risk.higherFor?.text ?? "?")), "\(match.risk.id)")
        }
        let d = input.deliberation
        let leaning = try #require(c.leanings.first { $0.value == d.leaning }?.label)
        let role = try #require(c.roles.first { $0.value == d.role }?.label)
        #expect(first.contains("Leaning: \"\(leaning)\". How they want to decide: \"\(role)\"."))
        #expect(first.contains("Own concern: \"Will I be able to keep driving?\""))
        #expect(first.contains("SURE test (4 of 4 means no decisional conflict): before 0 of 4, after 4 of 4."))
        #expect(first.contains("Questions ticked for you: 3 (listed on page 2)."))
        for value in c.values.prefix(3) { #expect(first.contains(value.text), "\(value.id)") }
        for question in c.doctorQuestions.prefix(3) { #expect(flat(rest).contains("Ticked for you: " + flat(question.text))) }

        // No values at all: one line says so.
        let bare = try #require(P.pages(ClinicianSummary.render(C.three[0].input))).first
        #expect(bare.contains("- None recorded (no ratings, leaning, SURE answers or questions)."))
    }

    /// Page 1 gives the start of long own words; page 2 gives them in full.
    @Test func ownWordsCutOnPageOneAreWholeOnPageTwo() throws {
        for (name, input) in P.extremes {
            let (_, rest) = try #require(P.pages(ClinicianSummary.render(input)))
            // As kept: the first 300 characters of each (the patient summary keeps the same).
            for question in P.ownQuestions { #expect(flat(rest).contains("Own question: \"" + flat(SummaryLayout.cleaned(question, limit: 300)) + "\""), "\(name)") }
            #expect(flat(rest).contains("Own concern: \"" + flat(SummaryLayout.cleaned(input.deliberation.concern, limit: 500)) + "\""), "\(name)")
        }
    }

    /// Without a clinician text, the printout gives the patient's reason.
    @Test func aRuleWithoutClinicianWordsFallsBackToThePatientsReason() throws {
        var c = P.content
        let index = try #require(c.rules.firstIndex { $0.id == "strong-profile" })
        let clinician = try #require(c.rules[index].clinician)
        c.rules[index].clinician = nil
        let input = SummaryInput(answers: C.strongExact(), content: c, today: P.today)
        let first = flat(try #require(P.pages(ClinicianSummary.render(input))).first.joined(separator: "\n"))
        #expect(first.contains(flat(c.rules[index].text)))
        #expect(!first.contains(flat(clinician)))
        // With it, the clinician's words, and the patient's on page 2.
        let doc = ClinicianSummary.render(C.three[0].input)
        let (withFirst, withRest) = try #require(P.pages(doc))
        #expect(flat(withFirst.joined(separator: "\n")).contains(flat(clinician)))
        #expect(flat(withRest).contains("The patient read: " + flat(c.rules[index].text)))
    }

    @Test func clinicianTextsExistWhereThePatientTextSpeaksToThePatient() {
        // Rules whose patient text says "you" or "your" read oddly to a neurologist.
        for rule in P.content.rules {
            let words = rule.text.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }
            if words.contains("you") || words.contains("your") {
                #expect(rule.clinician != nil, "rule '\(rule.id)' speaks to the patient but has no clinician text")
            }
            if let clinician = rule.clinician {
                let clinicianWords = clinician.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }
                #expect(!clinicianWords.contains("you") && !clinicianWords.contains("your"), "rule '\(rule.id)': \(clinician)")
            }
        }
    }

    @Test func fullCitationIsTheCitationAndItsLink() throws {
        let nmss = try #require(P.content.source("nmss-2021"))
        #expect(nmss.fullCitation == nmss.citation + " " + nmss.link)
        #expect(nmss.fullCitation.hasSuffix(" https://doi.org/10.1001/jamaneurol.2020.4025"))
        var inline = nmss
        inline.citation = "A guideline. " + nmss.link
        #expect(inline.fullCitation == inline.citation, "a link already in the citation is not repeated")
        inline.citation = "A guideline.\u{1B}[2J"
        #expect(inline.fullCitation == "A guideline.[2J " + nmss.link, "control characters are removed")
    }

    /// The printouts of the three people, read line by line when made
    /// (UPDATE_GOLDENS=1 writes them).
    @Test func goldens() {
        for (name, input) in C.three {
            Golden.check("clinician-\(name)", ClinicianSummary.render(input))
        }
    }
}

extension String {
    /// "not-supported" as "not supported".
    func replacingHyphens() -> String { String(map { $0 == "-" ? " " : $0 }) }

    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
