import Foundation
import Testing
@testable import Content
@testable import DecisionAid
import BuiltInContent

/// The summary's first page, up to the form feed, fits one printed sheet:
/// at most 60 lines of 80 columns, for every kind of person, with the
/// shipped content (its real key numbers, reasons and questions).
enum SummaryPeople {
    static let content = BuiltInContent.content
    static let today = Day(year: 2026, month: 11, day: 21)

    /// Everything a person can fill in: every value rated, every question
    /// ticked, a 500-character concern, SURE before and after with some "no".
    static func everything(_ c: ContentSet) -> Deliberation {
        var d = Deliberation()
        for (index, value) in c.values.enumerated() { d.ratings[value.id] = index % 6 == 5 ? .notSure : .score(4 - index % 5) }
        d.concern = String(repeating: "Who looks after my two children, and my job, while I am in hospital for weeks? ", count: 8)
        d.leaning = c.leanings.last?.value
        d.role = c.roles.first?.value
        d.sureBefore = Dictionary(uniqueKeysWithValues: c.sure.map { ($0.id, false) })
        d.sureAfter = Dictionary(uniqueKeysWithValues: c.sure.enumerated().map { ($1.id, $0 % 2 == 0) })
        d.asked = Set(c.doctorQuestions.map(\.id))
        return d
    }

    static let ownQuestions = [
        String(repeating: "Could I keep working from home during the months of treatment and recovery? ", count: 4),
        "What happens to my MS if the transplant does not work?",
        "How soon would I know if it worked, and what scans would show it?",
    ]

    /// 58, secondary progressive, EDSS 6.5, 20 years: not supported, with many reasons.
    static func progressive() -> Answers {
        var a = Answers()
        a.age = 58
        a.subtype = .secondaryProgressive
        a.relapsesLast12Months = 0
        a.newMRIActivityLast12Months = .no
        a.edss = 6.5
        a.disabilityFromRecentRelapse = .no
        a.yearsSinceDiagnosis = 20
        a.therapies = ["ocrelizumab"]
        a.activeOnTreatment = .no
        a.highEfficacyContraindicated = false
        a.seriousComorbidity = true
        return a
    }

    /// 40, not sure of the type of MS, the MRI or a serious illness, the rest not given.
    static func manyUnknowns() -> Answers {
        var a = Answers()
        a.age = 40
        a.subtype = .unsure
        a.newMRIActivityLast12Months = .unknown
        a.disabilityFromRecentRelapse = .unsure
        a.notSure = [.seriousComorbidity]
        return a
    }

    /// Some of everything: three ratings, a leaning and role, SURE before and after, three questions.
    static func some(_ c: ContentSet) -> Deliberation {
        var d = Deliberation()
        for value in c.values.prefix(3) { d.ratings[value.id] = .score(3) }
        d.concern = "Will I be able to keep driving?"
        d.leaning = c.leanings.first?.value
        d.role = c.roles.last?.value
        d.sureBefore = Dictionary(uniqueKeysWithValues: c.sure.map { ($0.id, false) })
        d.sureAfter = Dictionary(uniqueKeysWithValues: c.sure.map { ($0.id, true) })
        d.asked = Set(c.doctorQuestions.prefix(3).map(\.id))
        return d
    }

    /// The people whose first page must fit: the four of the issue, and the
    /// other two levels with everything filled in.
    static var people: [(name: String, input: SummaryInput)] {
        let c = content
        return [
            ("strong", SummaryInput(answers: strongPerson(), deliberation: some(c), content: c, today: today)),
            ("not supported, progressive", SummaryInput(answers: progressive(), deliberation: some(c), content: c, today: today)),
            ("need more information, many unknowns", SummaryInput(answers: manyUnknowns(), deliberation: some(c), content: c, today: today)),
            ("strong, rated and ticked everything, long concern",
             SummaryInput(answers: strongPerson(), deliberation: everything(c), ticked: Set(c.checklist.prefix(5).map(\.id)),
                          content: c, today: today)),
            ("not supported, progressive, rated and ticked everything, long concern",
             SummaryInput(answers: progressive(), deliberation: everything(c), ticked: Set(c.checklist.map(\.id)), content: c, today: today)),
            ("need more information, rated and ticked everything, long concern",
             SummaryInput(answers: manyUnknowns(), deliberation: everything(c), content: c, today: today)),
        ]
    }

    /// Beyond what fits: everything above and three long questions of their own.
    static var extremes: [(name: String, input: SummaryInput)] {
        people.suffix(3).map { person in
            var input = person.input
            input.ownQuestions = ownQuestions
            return (person.name + ", three own questions", input)
        }
    }

    /// Page 1 and the rest, split at the form feed.
    static func pages(_ doc: String) -> (first: [String], rest: String)? {
        let parts = doc.split(separator: "\u{0C}", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        var first = parts[0].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if first.last == "" { first.removeLast() }
        return (first, String(parts[1]))
    }
}

@Suite struct SummaryPageTests {
    typealias P = SummaryPeople

    @Test(arguments: [SummaryFormat.text, .markdown])
    func firstPageIsAtMost60LinesOf80Columns(format: SummaryFormat) throws {
        var counts: [String] = []
        for (name, input) in P.people {
            let doc = SummaryDocument.render(input, format: format)
            let (first, rest) = try #require(P.pages(doc), "\(name): no form feed")
            counts.append("\(first.count) \(name)")
            #expect(first.count <= SummaryDocument.pageLines, "\(name) (\(format)): page 1 is \(first.count) lines:\n\(first.joined(separator: "\n"))")
            for line in first {
                #expect(Frame.width(of: line) <= SummaryDocument.pageColumns, "\(name) (\(format)): \(line)")
                // No URL on page 1: sources are numbered there and listed on page 2.
                #expect(!line.contains("://"), "\(name): \(line)")
            }
            // One form feed, and page 2 is not empty.
            #expect(!rest.contains("\u{0C}"))
            #expect(rest.split(separator: "\n").count > 20)
            // Page 2 wraps too, except a URL that cannot be broken.
            for line in rest.split(separator: "\n") where Frame.width(of: String(line)) > SummaryDocument.pageColumns {
                #expect(line.split(separator: " ").contains { $0.count > 60 && $0.contains("://") }, "\(name): \(line)")
            }
        }
        print("page 1 lines (\(format)):\n  " + counts.joined(separator: "\n  "))
    }

    /// What the neurologist needs is on page 1; what page 1 shortens is whole
    /// on page 2; the checklist, trials and sources are on page 2.
    @Test(arguments: [SummaryFormat.text, .markdown])
    func firstPageHoldsWhatTheNeurologistNeeds(format: SummaryFormat) throws {
        let c = P.content
        for (name, input) in P.people + P.extremes {
            let doc = SummaryDocument.render(input, format: format)
            let (firstLines, rest) = try #require(P.pages(doc))
            let first = flat(firstLines.joined(separator: "\n"))
            let second = flat(rest)
            let assessment = Assessor.assess(input.answers, content: c)
            // Answers, in short.
            #expect(first.contains("My answers: " + SummaryAnswers.sentence(input.answers, c)), "\(name)")
            if let age = input.answers.age { #expect(first.contains("Age \(age);"), "\(name)") }
            // "Not sure" is not "not given".
            if input.answers.notSure.contains(.seriousComorbidity) {
                #expect(first.contains("serious heart, lung, liver or kidney illness: not sure"), "\(name)")
                #expect(!first.contains("serious illness: not given"), "\(name)")
            }
            // A question the aid did not ask is named on page 1 (it is not a "no"), and why is on page 2.
            for field in AnswerField.allCases {
                guard let why = SummaryAnswers.notAsked(field, input.answers) else { continue }
                #expect(first.contains("not asked: ") && first.contains(SummaryAnswers.label(field)), "\(name): \(field)")
                #expect(second.contains(QuestionView.shortLabel(field) + ": " + flat(why)), "\(name): \(field)")
            }
            // The level and every reason, each at least its first sentence and its "because".
            #expect(first.contains(assessment.headline), "\(name)")
            for reason in assessment.reasons {
                #expect(first.contains(SummaryBuilder.firstSentence(reason.text)), "\(name): \(reason.rule)")
                if (1...3).contains(reason.because.count) {
                    let because = "Because: " + reason.fields.map { SummaryAnswers.phrase($0, input.answers, c) }.joined(separator: "; ") + "."
                    #expect(first.contains(because) || first.contains(SummaryBuilder.firstSentence(reason.text) + " Because of the answers above."),
                            "\(name): \(reason.rule)")
                }
                if reason.kind == .level(.needMoreInformation) && !reason.missing && !reason.settledBy.isEmpty {
                    #expect(first.contains("Would settle it: "), "\(name): \(reason.rule)")
                }
                // In full on page 2.
                #expect(second.contains(flat(reason.text)), "\(name): \(reason.rule)")
            }
            // Every key number with a figure, and who was studied for it.
            for number in c.keyNumbers {
                #expect(first.contains(number.outcome + " " + number.timeFrame + ":"), "\(name): \(number.id)")
                for figure in number.figures where figure.per100 != nil {
                    #expect(first.contains(flat(figure.group)), "\(name): \(number.id) \(figure.option)")
                }
            }
            // What matters most by name on page 1, every rating on one page or the other.
            let d = input.deliberation
            for value in c.values {
                switch d.ratings[value.id] {
                case nil: break
                case .score(let n)? where n < 3:
                    #expect(first.contains(value.text) || second.contains(value.text + ": \(n) of 4"), "\(name): \(value.id)")
                default: #expect(first.contains(value.text), "\(name): \(value.id)")
                }
            }
            if let leaning = d.leaning, let label = c.leanings.first(where: { $0.value == leaning })?.label {
                #expect(first.contains("Leaning: " + label), "\(name)")
            }
            if let role = d.role, let label = c.roles.first(where: { $0.value == role })?.label {
                #expect(first.contains("How I want to decide: " + label), "\(name)")
            }
            #expect(first.contains("SURE test before using the aid: "), "\(name)")
            // Ticked questions: at least their first sentence on page 1, whole on one page or the other.
            for question in c.doctorQuestions where d.asked.contains(question.id) {
                #expect(first.contains(SummaryBuilder.firstSentence(question.text)), "\(name): \(question.id)")
                #expect(first.contains(question.text) || second.contains(question.text), "\(name): \(question.id)")
            }
            // The person's own words: on page 1 (or pointed to from it), and whole on one page or the other.
            let concern = flat(SummaryLayout.cleaned(d.concern, limit: 500))
            if !concern.isEmpty {
                #expect(first.contains("My own concern: " + String(concern.prefix(30))) || first.contains("My own concern: on page 2.")
                        || first.contains("My own concern and"), "\(name)")
                #expect(first.contains("My own concern: " + concern) || second.contains("My own concern: " + concern), "\(name)")
            }
            for question in input.ownQuestions {
                let whole = flat(SummaryLayout.cleaned(question, limit: 300))
                #expect(first.contains("My own question: " + String(whole.prefix(30))) || first.contains("own questions: on page 2."), "\(name)")
                #expect(first.contains("My own question: " + whole) || second.contains("My own question: " + whole), "\(name)")
            }
            // Page 2: the checklist, trials and sources, and none of them on page 1.
            for heading in ["Clinic checklist", "Trials", "Sources", "About this summary"] {
                #expect(second.contains(heading), "\(name): \(heading)")
                #expect(!first.contains(heading), "\(name): \(heading)")
            }
            for item in c.checklist { #expect(second.contains(flat(item.question)), "\(name): \(item.id)") }
        }
    }

    /// However much a person writes, page 1 does not run onto a second sheet.
    @Test(arguments: [SummaryFormat.text, .markdown])
    func evenTheMostWrittenFirstPageFits(format: SummaryFormat) throws {
        for (name, input) in P.extremes {
            let (first, _) = try #require(P.pages(SummaryDocument.render(input, format: format)))
            #expect(first.count <= SummaryDocument.pageLines, "\(name) (\(format)): \(first.count) lines")
            print("page 1 lines (\(format)): \(first.count) \(name)")
        }
    }

    @Test func strongAndProgressivePeopleGetTheirOwnNumbersAndWarnings() throws {
        let young = try #require(P.pages(SummaryDocument.render(P.people[0].input, format: .text)))
        let old = try #require(P.pages(SummaryDocument.render(P.people[1].input, format: .text)))
        let youngText = flat(young.first.joined(separator: "\n")), oldText = flat(old.first.joined(separator: "\n"))
        // The same figures, each with the letter of who was studied.
        for text in [youngText, oldText] {
            #expect(text.contains("Key numbers, of 100 people (of 1,000 for deaths); none for Stay as now -"))
            #expect(text.contains("No sign of MS activity at 3 years: AHSCT 88 in 100 (B); Other drug 37 in 100 (C)."))
            #expect(text.contains("Dying from the treatment in the months after treatment: AHSCT 21 in 1,000, range 0 to 42 (D); Other drug: no good number."))
            #expect(text.contains("Who was studied: (A) 55 adults with relapsing-remitting MS"))
            #expect(text.contains("(B) 69 people with relapsing-remitting MS who had AHSCT, in one observational study. ["))
        }
        // Only the progressive person is told the numbers come from relapsing MS, and that the risk is higher for them.
        #expect(oldText.contains("Only people with relapsing MS were studied in (A), (B) and (C), not people with progressive MS."))
        #expect(!youngText.contains("Only people with relapsing MS"))
        #expect(oldText.contains("! Higher for people like me: A severe side effect early on and Dying from the treatment (who, and why: page 2)."))
        let oldSecond = flat(old.rest)
        #expect(oldSecond.contains("! Higher for people like me: Older people: in a large registry study"))
        #expect(!youngText.contains("Higher for people like me"))
    }

    @Test func assessPrintsTheSameSummary() throws {
        let args = ["--age", "34", "--subtype", "relapsing-remitting", "--relapses-last-12-months", "2",
                    "--new-mri-activity-last-12-months", "yes", "--walking", "unlimited", "--years-since-diagnosis", "4",
                    "--therapy", "ocrelizumab", "--active-on-treatment", "yes", "--no-high-efficacy-contraindicated",
                    "--no-serious-comorbidity"]
        for (flag, format) in [("text", SummaryFormat.text), ("markdown", .markdown)] {
            let run = try Binary.run(["assess"] + args + ["--format", flag])
            #expect(run.status == 0)
            let expected = SummaryDocument.render(SummaryInput(answers: strongPerson(), content: P.content, today: Day.today()), format: format)
            #expect(run.stdout == expected, "\(flag)")
            let (first, _) = try #require(P.pages(run.stdout))
            #expect(first.count <= SummaryDocument.pageLines)
        }
    }
}
