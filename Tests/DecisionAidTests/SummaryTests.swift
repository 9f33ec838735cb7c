import Foundation
import Testing
@testable import Content
@testable import DecisionAid
import BuiltInContent

/// The shipped content with small options and deliberation lists of the
/// tests' own, so these tests do not depend on options.yaml or
/// deliberation.yaml.
func summaryContent() throws -> ContentSet {
    var c = BuiltInContent.content
    c.options = [
        TreatmentOption(id: "ahsct", name: "AHSCT at an accredited centre", short: "AHSCT",
                        summary: Cited(text: "A stem cell transplant.", sources: ["burt-2019"], line: 0), line: 0),
        TreatmentOption(id: "drug", name: "A high-efficacy MS drug", short: "MS drug",
                        summary: Cited(text: "A strong MS drug.", sources: ["burt-2019"], line: 0), line: 0),
    ]
    do {
        c.keyNumbers = [
            KeyNumber(id: "worse", outcome: "Disability got worse", event: "got worse", nonEvent: "did not", harm: true,
                      denominator: 100, timeFrame: "over about 5 years", risk: nil, figures: [
                KeyFigure(option: "ahsct", per100: 9, low: nil, high: nil, text: "In the MIST trial, about 9 of 100 got worse.",
                          group: "RRMS", certainty: "one small trial", sources: ["burt-2019"], line: 0),
                KeyFigure(option: "drug", per100: nil, low: nil, high: nil, text: "Studies do not give a figure we can use.",
                          group: "RRMS", certainty: "", sources: ["mssociety-uk"], line: 0),
            ], line: 0),
            KeyNumber(id: "death", outcome: "Died from the treatment", event: "died", nonEvent: "did not", harm: true,
                      denominator: 1000, timeFrame: "in the first 100 days", risk: "treatment-related-death", figures: [
                KeyFigure(option: "ahsct", per100: 0.3, low: nil, high: nil, text: "About 3 of 1,000 died.",
                          group: "recent studies", certainty: "studies without a comparison group", sources: ["sormani-2017"], line: 0),
            ], line: 0),
        ]
    }
    c.values = [
        ValueStatement(id: "avoid-death", text: "Avoiding a small chance of dying from the treatment", touches: [:], line: 0),
        ValueStatement(id: "stop-ms", text: "Stopping my MS getting worse", touches: [:], line: 0),
        ValueStatement(id: "work", text: "Keeping working through treatment", touches: [:], line: 0),
        ValueStatement(id: "children", text: "Being able to have children later", touches: [:], line: 0),
    ]
    c.leanings = [
        Labelled(value: "ahsct", label: "Towards AHSCT", line: 0),
        Labelled(value: "other-treatment", label: "Towards another treatment", line: 0),
    ]
    c.roles = [
        Labelled(value: "shared", label: "Together with my neurologist", line: 0),
        Labelled(value: "doctor", label: "I want my neurologist to decide", line: 0),
    ]
    c.sure = [
        SureItem(id: "sure", letter: "S", question: "Do you feel SURE about the best choice for you?", ifNo: "Look at the summary again later.", line: 0),
        SureItem(id: "understand", letter: "U", question: "Do you know the benefits and risks of each option?", ifNo: "Read the key numbers again.", line: 0),
        SureItem(id: "risk-benefit", letter: "R", question: "Are you clear about which benefits and risks matter most to you?", ifNo: "Try the values exercise.", line: 0),
        SureItem(id: "encouragement", letter: "E", question: "Do you have enough support and advice to make a choice?", ifNo: "Talk to your MS nurse.", line: 0),
    ]
    c.doctorQuestions = [
        DoctorQuestion(id: "fit", text: "Do I fit the guidelines for AHSCT?", line: 0),
        DoctorQuestion(id: "centre", text: "Which centre near me does AHSCT for MS?", line: 0),
        DoctorQuestion(id: "drugs", text: "Which other drugs could I still try?", line: 0),
    ]
    c.trials = [
        Trial(id: "beat-ms", name: "BEAT-MS", registration: "NCT04047628", places: "the USA and the UK",
              compares: "AHSCT with the best drugs", ageMin: 18, ageMax: 55, edssMin: 0, edssMax: 5.5,
              activity: "relapses or new lesions", status: "Recruitment closed", takesUntreated: false,
              sources: ["beat-ms"], line: 0),
    ]
    return c
}

/// 32, active relapsing-remitting MS after natalizumab: the strong profile.
func youngActive() -> Answers {
    var a = strongPerson()
    a.age = 32
    a.therapies = ["natalizumab"]
    return a
}

/// 62, primary progressive MS with no activity: not supported.
func olderProgressive() -> Answers {
    var a = Answers()
    a.age = 62
    a.subtype = .primaryProgressive
    a.relapsesLast12Months = 0
    a.newMRIActivityLast12Months = .no
    a.edss = 6.5
    a.yearsSinceDiagnosis = 12
    a.therapies = ["ocrelizumab"]
    a.activeOnTreatment = .no
    a.highEfficacyContraindicated = false
    a.seriousComorbidity = false
    return a
}

/// The headings every summary has, in order: page 1's, the form feed, page 2's.
let summaryHeadings = [
    "Key numbers, of 100 people (of 1,000 for deaths)", "What matters to me, and am I ready to decide?",
    "Questions for my neurologist", "\u{0C}", "AHSCT decision aid: my summary, page 2: the details",
    "What the guidelines say, in full", "Key numbers, in full", "Am I ready to decide? (SURE test)", "Clinic checklist",
    "Trials", "Sources", "About this summary",
]

/// The summary's headings in order, as words, and "\u{0C}" where page 1 ends:
/// in text a one-line rule ("Words ----") or a line underlined, in Markdown "# " and "## ".
func headingTitles(_ doc: String, format: SummaryFormat) -> [String] {
    let lines = doc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var out: [String] = []
    for (i, line) in lines.enumerated() {
        if line == "\u{0C}" { out.append(line); continue }
        switch format {
        case .markdown:
            if line.hasPrefix("# ") { out.append(String(line.dropFirst(2))) }
            if line.hasPrefix("## ") { out.append(String(line.dropFirst(3))) }
        case .text:
            if let range = line.range(of: #" (-{3,}|={3,})$"#, options: .regularExpression) {
                out.append(String(line[..<range.lowerBound]))
            } else if !line.isEmpty, i + 1 < lines.count, lines[i + 1] == String(repeating: "-", count: line.count) {
                out.append(line)
            }
        }
    }
    return out
}

/// Whitespace runs (line breaks and hanging indents) made single spaces, so
/// phrases can be found however the text wrapped.
func flat(_ s: String) -> String {
    s.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
}

/// The Markdown between "## heading" and the next "## ".
func mdSection(_ doc: String, _ heading: String) -> String {
    guard let start = doc.range(of: "\n## \(heading)\n") else { return "" }
    let rest = doc[start.upperBound...]
    return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
}

/// The [n] numbers cited in some text ("[3]", "[1, 4]").
func citedNumbers(_ s: String) -> [Int] {
    let regex = try! NSRegularExpression(pattern: #"\[(\d+(?:, \d+)*)\]"#)
    return regex.matches(in: s, range: NSRange(s.startIndex..., in: s)).flatMap { match in
        String(s[Range(match.range(at: 1), in: s)!]).split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }
}

@Suite struct SummaryTests {
    let today = Day(year: 2026, month: 11, day: 21)

    func personA(_ c: ContentSet) -> SummaryInput {
        var d = Deliberation()
        d.ratings = ["avoid-death": .score(4), "stop-ms": .score(3), "work": .notSure]
        d.concern = "Who looks after my children while I am in hospital?"
        d.leaning = "ahsct"
        d.role = "shared"
        d.sureBefore = ["sure": false, "understand": true, "risk-benefit": false, "encouragement": true]
        d.sureAfter = ["sure": true, "understand": true, "risk-benefit": true, "encouragement": true]
        d.asked = ["centre", "fit"]
        return SummaryInput(answers: youngActive(), deliberation: d,
                            ticked: ["registered-trial", "accredited", "listing-as-proof"], content: c, today: today)
    }

    func personB(_ c: ContentSet) -> SummaryInput {
        var d = Deliberation()
        d.ratings = ["avoid-death": .score(0), "children": .score(2)]
        d.role = "doctor"
        d.sureBefore = ["sure": true]
        d.sureAfter = ["sure": true, "understand": false, "risk-benefit": true, "encouragement": true]
        return SummaryInput(answers: olderProgressive(), deliberation: d, content: c, today: today)
    }

    @Test(arguments: [SummaryFormat.markdown, .text])
    func everySectionHeadingInOrder(format: SummaryFormat) throws {
        for input in [personA(c0), personB(c0)] {
            let doc = SummaryDocument.render(input, format: format)
            let lines = doc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines[0] == (format == .markdown ? "# AHSCT decision aid: my summary, made on 2026-11-21 (not medical advice)"
                                  : "AHSCT decision aid: my summary, made on 2026-11-21 (not medical advice) ========"))
            let titles = headingTitles(doc, format: format)
            var from = 0
            for heading in summaryHeadings {
                let found = titles.indices.dropFirst(from).first { titles[$0].hasPrefix(heading) }
                #expect(found != nil, "\(heading) missing or out of order (\(format)): \(titles)")
                if let found { from = found + 1 }
            }
        }
    }

    var c0: ContentSet { try! summaryContent() }

    @Test func strongPersonWithTheirDeliberation() throws {
        let c = try summaryContent()
        let doc = SummaryDocument.render(personA(c), format: .markdown)
        let page1 = flat(String(doc.split(separator: "\u{0C}")[0]))
        #expect(page1.contains("My answers: Age 32; relapsing-remitting MS;"))
        #expect(page1.contains("has taken Natalizumab;"))
        #expect(page1.contains("**\(c.levels["strong"]!.headline).**"))
        // The reason's gist, with its because.
        #expect(page1.contains("- Studies show the best results in people like this. They have relapsing-remitting MS"))
        #expect(page1.contains("Because of the answers above. [1, 2, 3, 4, 5]"))

        let values = mdSection(doc, "What matters to me, and am I ready to decide?")
        #expect(flat(values).contains("- 4 of 4 (very much): Avoiding a small chance of dying from the treatment. 3 of 4 (a lot): Stopping my MS getting worse. Not sure: Keeping working through treatment. Not rated: 1 of the 4 statements."))
        #expect(values.contains("- My own concern: Who looks after my children while I am in hospital?\n"))
        #expect(values.contains("- Leaning: Towards AHSCT. How I want to decide: Together with my neurologist.\n"))
        #expect(values.contains("- SURE test before using the aid: 2 of 4; after: 4 of 4."))
        #expect(!values.contains("I said no to"))
        #expect(flat(mdSection(doc, "Am I ready to decide? (SURE test)")).contains("A score of 3 or less of 4 means there may be things still to settle"))

        // Ticked doctor questions in content order.
        let questions = mdSection(doc, "Questions for my neurologist")
        let fit = try #require(questions.range(of: "- Do I fit the guidelines for AHSCT?\n"))
        let centre = try #require(questions.range(of: "- Which centre near me does AHSCT for MS?\n"))
        #expect(fit.lowerBound < centre.lowerBound)
        #expect(!questions.contains("Which other drugs could I still try?"))
        #expect(!questions.contains("None ticked"))

        // Every checklist item says in words whether it was checked.
        let checklist = flat(mdSection(doc, "Clinic checklist"))
        #expect(checklist.contains("3 of \(c.checklist.count) checked."))
        for item in c.checklist {
            let done = ["registered-trial", "accredited", "listing-as-proof"].contains(item.id)
            #expect(checklist.contains("- " + (done ? "Checked: " : "Not yet checked: ") + flat(item.question)), "\(item.id)")
        }
        #expect(checklist.contains("Warning signs to look out for"))
        #expect(!checklist.contains("[x]") && !checklist.contains("[ ]"))

        let trials = flat(mdSection(doc, "Trials"))
        #expect(trials.contains("BEAT-MS (NCT04047628): my answers fit the limits checked here. Recruitment closed."))
    }

    @Test func notSupportedPersonWithTheirDeliberation() throws {
        let c = try summaryContent()
        let doc = SummaryDocument.render(personB(c), format: .markdown)
        let page1 = flat(String(doc.split(separator: "\u{0C}")[0]))
        #expect(page1.contains("My answers: Age 62; primary progressive MS;"))
        #expect(page1.contains("EDSS 6.5;"))
        // The headline is the heading.
        #expect(doc.contains("\n## \(c.levels["not-supported"]!.headline)\n"))
        #expect(page1.contains("Because of the answers above."))
        #expect(page1.contains("Guidelines see the best results in people who have had MS for less than 10 years. Because: diagnosed 12 years ago."))
        // "What could change this" is on page 2, with the reason in full.
        #expect(!page1.contains("What could change this:"))
        let full = flat(mdSection(doc, "What the guidelines say, in full"))
        #expect(full.contains("Because you are 62."))
        #expect(full.contains("What could change this:"))

        let values = flat(mdSection(doc, "What matters to me, and am I ready to decide?"))
        #expect(values.contains("- 2 of 4 (some): Being able to have children later. 0 of 4 (not at all): Avoiding a small chance of dying from the treatment. Not rated: 2 of the 4 statements."))
        #expect(!values.contains("My own concern"))
        #expect(values.contains("- Leaning: not recorded. How I want to decide: I want my neurologist to decide."))
        #expect(values.contains("- SURE test before using the aid: not done; after: 3 of 4. After, I said no to: Do you know the benefits and risks of each option?"))
        let sure = flat(mdSection(doc, "Am I ready to decide? (SURE test)"))
        #expect(sure.contains("I said no to \"Do you know the benefits and risks of each option?\" What may help: Read the key numbers again."))
        #expect(!sure.contains("Talk to your MS nurse"))

        #expect(mdSection(doc, "Questions for my neurologist").contains("- None ticked."))
        let checklist = flat(mdSection(doc, "Clinic checklist"))
        #expect(checklist.contains("0 of \(c.checklist.count) checked."))
        #expect(!checklist.contains("- Checked:"))
        for item in c.checklist { #expect(checklist.contains("- Not yet checked: " + flat(item.question))) }

        let trials = flat(mdSection(doc, "Trials"))
        #expect(trials.contains("my answers do not fit its limits: age 18 to 55, EDSS 0.0 to 5.5 and MS activity in the past year."))
    }

    @Test func keyNumbersPerOptionAndHigherForPeopleLikeMe() throws {
        let c = try summaryContent()
        let a = mdSection(SummaryDocument.render(personA(c), format: .markdown), "Key numbers, of 100 people (of 1,000 for deaths); none for MS drug")
        #expect(a.contains("- Disability got worse over about 5 years: AHSCT 9 in 100 (A).\n"))
        #expect(a.contains("- Died from the treatment in the first 100 days: AHSCT 3 in 1,000 (B).\n"))
        #expect(a.contains("- Who was studied: (A) RRMS. [3] (B) recent studies. ["))
        #expect(!a.contains("Higher for people like me"))
        let fullA = mdSection(SummaryDocument.render(personA(c), format: .markdown), "Key numbers, in full")
        #expect(flat(fullA).contains("- AHSCT: In the MIST trial, about 9 of 100 got worse. Who was studied: RRMS. (one small trial) ["))
        #expect(flat(fullA).contains("- MS drug: No good number. Studies do not give a figure we can use. Who was studied: RRMS. ["))

        let docB = SummaryDocument.render(personB(c), format: .markdown)
        let b = mdSection(docB, "Key numbers, of 100 people (of 1,000 for deaths); none for MS drug")
        #expect(b.contains("- ! Higher for people like me: Died from the treatment (who, and why: page 2).\n"))
        let higher = c.risk("treatment-related-death")!.higherFor!.text
        #expect(flat(mdSection(docB, "Key numbers, in full")).contains("- ! Higher for people like me: \(flat(higher)) ["))
    }

    @Test(arguments: [SummaryFormat.markdown, .text])
    func sourcesAreNumberedInTheOrderCitedAndMatchTheRefs(format: SummaryFormat) throws {
        let c = try summaryContent()
        for input in [personA(c), personB(c)] {
            let doc = SummaryDocument.render(input, format: format)
            let marker = format == .markdown ? "\n## Sources\n" : "\nSources\n-------\n"
            let split = try #require(doc.range(of: marker))
            let body = String(doc[..<split.lowerBound])
            let tail = String(doc[split.upperBound...])
            let list = String(tail[..<(tail.range(of: format == .markdown ? "\n## " : "\n\nAbout this summary")?.lowerBound ?? tail.endIndex)])
            // The list's own numbers, in order.
            let pattern = format == .markdown ? #"(?m)^(\d+)\. "# : #"(?m)^\[(\d+)\] "#
            let regex = try NSRegularExpression(pattern: pattern)
            let listed = regex.matches(in: list, range: NSRange(list.startIndex..., in: list)).map { Int(list[Range($0.range(at: 1), in: list)!])! }
            #expect(!listed.isEmpty)
            #expect(listed == Array(1...listed.count))
            // Every number cited above is in the list, every listed source is cited, and first citations run 1, 2, 3 ...
            let refs = citedNumbers(flat(body))
            #expect(Set(refs) == Set(listed))
            var firstUses: [Int] = []
            for n in refs where !firstUses.contains(n) { firstUses.append(n) }
            #expect(firstUses == listed)
            // A number points at the right source: the trial's ref is the BEAT-MS registration.
            let trialLine = try #require(flat(body).components(separatedBy: "BEAT-MS (NCT04047628)").last)
            let n = try #require(citedNumbers(trialLine).first)
            let entry = (" " + flat(list)).components(separatedBy: format == .markdown ? " \(n). " : " [\(n)] ").dropFirst().first ?? ""
            #expect(entry.hasPrefix(c.source("beat-ms")!.short), "\(entry)")
            #expect(entry.contains(c.source("beat-ms")!.link))
        }
    }

    @Test func reviewNoticeOnlyAfterTheReviewByDate() throws {
        let c = try summaryContent()
        let by = c.about.reviewBy
        let notice = "The content was due for review on \(by) and has not been reviewed since. Newer evidence may exist."
        for (day, shown) in [(by, false), (Day(year: by.year, month: 1, day: 1), false), (Day(year: by.year + 1, month: 1, day: 1), true)] {
            var input = personA(c)
            input.today = day
            for format in [SummaryFormat.markdown, .text] {
                let about = flat(SummaryDocument.render(input, format: format).components(separatedBy: "About this summary").last!)
                #expect(about.contains(notice) == shown, "\(day) \(format)")
                #expect(about.contains("Content version \(c.about.version), reviewed \(c.about.reviewed), review by \(by)."))
                #expect(about.contains("Made with decision-aid; nothing was sent anywhere."))
            }
        }
    }

    @Test func concernHasControlCharactersRemovedAndIsCappedAt500() throws {
        let c = try summaryContent()
        var input = personA(c)
        input.deliberation.concern = "  Hair\u{1B}[31m loss\u{07}\u{1B}]0;title\u{07}\nand\tpain\u{9B}2J\u{7F}\u{202E}drow " + String(repeating: "x", count: 600)
        for format in [SummaryFormat.markdown, .text] {
            let doc = SummaryDocument.render(input, format: format)
            // No control character but line ends and the one form feed that ends page 1.
            let bad = doc.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\u{0C}") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" }
            #expect(bad.isEmpty, "\(format): \(bad.map { $0.value })")
            #expect(doc.unicodeScalars.filter { $0 == "\u{0C}" }.count == 1)
            #expect(flat(doc).contains("My own concern: Hair[31m loss]0;title and pain2Jdrow xxx"))
        }
        let kept = SummaryLayout.cleaned(input.deliberation.concern, limit: 500)
        #expect(kept.count == 500)
        #expect(kept.hasPrefix("Hair[31m loss]0;title and pain2Jdrow x"))
        #expect(SummaryLayout.cleaned("caf\u{E9} \u{1F600} ok") == "caf\u{E9} \u{1F600} ok")
    }

    @Test func bothFormatsAreWrappedToTheWidthButNeverBreakAURL() throws {
        let c = try summaryContent()
        for format in [SummaryFormat.text, .markdown] {
            for width in [80, 60] {
                let doc = SummaryDocument.render(personA(c), format: format, width: width)
                // A Markdown heading cannot wrap; at 80 columns every heading fits (SummaryPageTests).
                for line in doc.split(separator: "\n") where Frame.width(of: String(line)) > width && !(format == .markdown && line.hasPrefix("#")) {
                    // Only a URL too long for any line, alone on its line.
                    let words = line.split(separator: " ")
                    #expect(words.count == 1 && words[0].contains("://"), "\(format) \(width): \(line)")
                }
                // Every source's link is whole on one line.
                for source in c.sources where doc.contains(source.short) && !source.link.isEmpty {
                    #expect(doc.split(separator: "\n").contains { $0.contains(source.link) }, "\(format) \(width): \(source.id)")
                }
            }
        }
        // Markdown list items continue under their text.
        let doc = SummaryDocument.render(personA(c), format: .markdown)
        #expect(doc.contains("\n- 4 of 4 (very much): Avoiding a small chance of dying from the treatment. 3 of\n  4 (a lot)"))
    }

    @Test func wrapKeepsAURLWholeOnlyWhenAsked() {
        let url = "https://www.example.org/" + String(repeating: "long-path/", count: 8)
        let kept = wrap("See " + url + " for more.", width: 30, keepingURLs: true)
        #expect(kept == ["See", url, "for more."])
        #expect(wrap("<" + url + ">", width: 30, keepingURLs: true) == ["<" + url + ">"])
        // On screen a long word is still broken to the width.
        let broken = wrap("See " + url, width: 30)
        #expect(broken.allSatisfy { Frame.width(of: $0) <= 30 })
        #expect(broken.joined().replacingOccurrences(of: " ", with: "") == "See" + url)
        // A long word that is not a URL is broken either way.
        #expect(wrap(String(repeating: "x", count: 50), width: 20, keepingURLs: true).count == 3)
    }

    @Test func markdownLinesThatWouldStartABlockAreEscaped() {
        #expect(SummaryLayout.escapedLineStart("- not a list") == "\\- not a list")
        #expect(SummaryLayout.escapedLineStart("12. not a list") == "12\\. not a list")
        #expect(SummaryLayout.escapedLineStart("# not a heading") == "\\# not a heading")
        #expect(SummaryLayout.escapedLineStart("-0.5 is fine") == "-0.5 is fine")
        #expect(SummaryLayout.escapedLineStart("2.8 years") == "2.8 years")
        #expect(SummaryLayout.escapedLineStart("1,000 people") == "1,000 people")
    }
}
