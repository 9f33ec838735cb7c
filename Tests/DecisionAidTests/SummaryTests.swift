import Foundation
import Testing
@testable import Content
@testable import DecisionAid

/// The shipped content with small options and deliberation lists of the
/// tests' own, so these tests do not depend on options.yaml or
/// deliberation.yaml.
func summaryContent() throws -> ContentSet {
    var c = try ContentLoader.loadEmbedded()
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

let summaryHeadings = [
    "AHSCT decision aid: my summary", "My answers", "What the guidelines say about people like me", "Key numbers",
    "What matters to me", "Am I ready to decide? (SURE test)", "Questions for my neurologist", "Clinic checklist",
    "Trials", "Sources", "About this summary",
]

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
        let c = try summaryContent()
        for input in [personA(c), personB(c)] {
            let doc = SummaryDocument.render(input, format: format)
            var from = doc.startIndex
            for heading in summaryHeadings {
                let line = format == .markdown ? (heading == summaryHeadings[0] ? "# " : "## ") + heading + "\n" : heading + "\n"
                let found = doc.range(of: line, range: from..<doc.endIndex)
                #expect(found != nil, "\(heading) missing or out of order")
                if let found {
                    from = found.upperBound
                    if format == .text {
                        // Underlined in text.
                        #expect(doc[from...].hasPrefix(String(repeating: heading == summaryHeadings[0] ? "=" : "-", count: heading.count) + "\n"))
                    }
                }
            }
        }
    }

    @Test func strongPersonWithTheirDeliberation() throws {
        let c = try summaryContent()
        let doc = SummaryDocument.render(personA(c), format: .markdown)
        #expect(doc.contains("Made on 2026-11-21"))
        #expect(doc.contains(c.about.notAdvice))
        #expect(doc.contains("- You are 32\n"))
        #expect(doc.contains("- You have taken Natalizumab\n"))
        #expect(mdSection(doc, "What the guidelines say about people like me").contains("**\(c.levels["strong"]!.headline)**"))

        let values = mdSection(doc, "What matters to me")
        #expect(values.contains("- Avoiding a small chance of dying from the treatment: 4 of 4, matters very much\n"))
        #expect(values.contains("- Stopping my MS getting worse: 3 of 4, matters a lot\n"))
        #expect(values.contains("- Keeping working through treatment: not sure\n"))
        #expect(values.contains("- Being able to have children later: not rated\n"))
        #expect(values.contains("- My own concern: Who looks after my children while I am in hospital? (not rated)\n"))
        #expect(values.contains("Leaning: Towards AHSCT\n"))
        #expect(values.contains("How I want to decide: Together with my neurologist\n"))

        let sure = mdSection(doc, "Am I ready to decide? (SURE test)")
        #expect(sure.contains("Before using the aid: 2 of 4"))
        #expect(sure.contains("After using the aid: 4 of 4"))
        #expect(!sure.contains("I said no to"))
        #expect(sure.contains("3 or less of 4"))

        // Ticked doctor questions in content order; ticked clinic items are not "still to check".
        let questions = mdSection(doc, "Questions for my neurologist")
        let fit = try #require(questions.range(of: "- Do I fit the guidelines for AHSCT?\n"))
        let centre = try #require(questions.range(of: "- Which centre near me does AHSCT for MS?\n"))
        #expect(fit.lowerBound < centre.lowerBound)
        #expect(!questions.contains("Which other drugs could I still try?"))
        #expect(!questions.contains("None ticked"))
        let stillToCheck = try #require(questions.range(of: "Still to check about a clinic:")).upperBound
        for item in c.checklist where !item.redFlag {
            let listed = questions[stillToCheck...].contains("- " + item.question + "\n")
            #expect(listed == !["registered-trial", "accredited"].contains(item.id), "\(item.id)")
        }

        let checklist = mdSection(doc, "Clinic checklist")
        #expect(checklist.contains("3 of \(c.checklist.count) checked."))
        for item in c.checklist where item.redFlag {
            let box = item.id == "listing-as-proof" ? "- [x] ! " : "- [ ] ! "
            #expect(checklist.contains(box + item.question + "\n"), "\(item.id)")
        }

        let trials = mdSection(doc, "Trials")
        #expect(trials.contains("BEAT-MS (NCT04047628): my answers fit the limits checked here. Recruitment closed."))
    }

    @Test func notSupportedPersonWithTheirDeliberation() throws {
        let c = try summaryContent()
        let doc = SummaryDocument.render(personB(c), format: .markdown)
        #expect(doc.contains("- You are 62\n"))
        #expect(doc.contains("- Your EDSS score is 6.5\n"))
        let guidelines = mdSection(doc, "What the guidelines say about people like me")
        #expect(guidelines.contains("**\(c.levels["not-supported"]!.headline)**"))
        #expect(guidelines.contains("Because you are 62."))
        #expect(guidelines.contains("What could change this:"))

        let values = mdSection(doc, "What matters to me")
        #expect(values.contains("- Avoiding a small chance of dying from the treatment: 0 of 4, does not matter to me\n"))
        #expect(values.contains("- Being able to have children later: 2 of 4, matters some\n"))
        #expect(values.contains("- Stopping my MS getting worse: not rated\n"))
        #expect(!values.contains("My own concern"))
        #expect(values.contains("Leaning: not recorded\n"))
        #expect(values.contains("How I want to decide: I want my neurologist to decide\n"))

        let sure = mdSection(doc, "Am I ready to decide? (SURE test)")
        #expect(sure.contains("Before using the aid: not done"))
        #expect(sure.contains("After using the aid: 3 of 4"))
        #expect(sure.contains("I said no to \"Do you know the benefits and risks of each option?\" What may help: Read the key numbers again."))
        #expect(!sure.contains("Talk to your MS nurse"))

        let questions = mdSection(doc, "Questions for my neurologist")
        #expect(questions.contains("None ticked."))
        for item in c.checklist where !item.redFlag { #expect(questions.contains("- " + item.question + "\n")) }
        #expect(mdSection(doc, "Clinic checklist").contains("0 of \(c.checklist.count) checked."))
        #expect(!mdSection(doc, "Clinic checklist").contains("- [x]"))

        let trials = mdSection(doc, "Trials")
        #expect(trials.contains("my answers do not fit its limits: age 18 to 55, EDSS 0.0 to 5.5 and MS activity in the past year."))
    }

    @Test func keyNumbersPerOptionAndHigherForPeopleLikeMe() throws {
        let c = try summaryContent()
        let a = mdSection(SummaryDocument.render(personA(c), format: .markdown), "Key numbers")
        #expect(a.contains("- Disability got worse (over about 5 years):\n"))
        #expect(a.contains("  - AHSCT: In the MIST trial, about 9 of 100 got worse. Who was studied: RRMS. (one small trial) ["))
        #expect(a.contains("  - MS drug: No good number. Studies do not give a figure we can use. Who was studied: RRMS. ["))
        #expect(!a.contains("Higher for people like me"))
        let b = mdSection(SummaryDocument.render(personB(c), format: .markdown), "Key numbers")
        let higher = c.risk("treatment-related-death")!.higherFor!.text
        #expect(b.contains("- Died from the treatment (in the first 100 days):\n  - AHSCT: About 3 of 1,000 died."))
        #expect(b.contains("  - Higher for people like me: \(higher) ["))
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
            let bad = doc.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" }
            #expect(bad.isEmpty, "\(format): \(bad.map { $0.value })")
            #expect(flat(doc).contains("My own concern: Hair[31m loss]0;title and pain2Jdrow xxx"))
        }
        let kept = SummaryLayout.cleaned(input.deliberation.concern, limit: 500)
        #expect(kept.count == 500)
        #expect(kept.hasPrefix("Hair[31m loss]0;title and pain2Jdrow x"))
        #expect(SummaryLayout.cleaned("caf\u{E9} \u{1F600} ok") == "caf\u{E9} \u{1F600} ok")
    }

    @Test func textIsWrappedToTheWidthAndMarkdownIsNot() throws {
        let c = try summaryContent()
        for width in [78, 60] {
            let doc = SummaryDocument.render(personB(c), format: .text, width: width)
            for line in doc.split(separator: "\n") { #expect(Frame.width(of: String(line)) <= width, "\(line)") }
        }
        let doc = SummaryDocument.render(personA(c), format: .markdown)
        // Markdown is not wrapped: only nested list items are indented.
        for line in doc.split(separator: "\n") where line.first == " " {
            #expect(line.hasPrefix("  - "), "\(line)")
        }
        #expect(doc.split(separator: "\n").contains { $0.count > 100 })
    }
}
