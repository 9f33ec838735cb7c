import Content
import Testing
@testable import DecisionAid

/// Issue 9: the time Welcome promises is honest. It is measured here as the
/// reading a whole walk asks for: every question a person answers, and every
/// results section, counted in words at 80 columns, read at 150 words a
/// minute (a slow, careful pace: fatigue and blurred vision slow reading).
@Suite struct TimePromiseTests {
    static func words(_ m: Model) -> Int {
        var tall = m
        tall.size = Size(width: 80, height: 3000)
        let rows = ReachabilityTests.bodyRows(Views.render(tall, testContext).frame)
        return rows.reduce(0) { $0 + $1.split(whereSeparator: \.isWhitespace).count }
    }

    static func walkWords() -> (questions: Int, results: [(ResultsSection, Int)]) {
        var m = Model(size: Size(width: 80, height: 24))
        var questions = words(m)                       // Welcome
        press(&m, .enter)
        questions += words(m)                          // SURE
        let person = strongPerson()
        for field in QuestionFlow.asked(person, exactEDSS: false) {
            var q = m
            q.interview = Interview.resumed(person, exactEDSS: false)
            open(field, &q, testContext)
            questions += words(q)
        }
        var r = walkStrongPerson()
        press(&r, .end, .enter)
        let results = ResultsSection.allCases.map { section -> (ResultsSection, Int) in
            var s = r
            s.page = .results(section)
            return (section, words(s))
        }
        return (questions, results)
    }

    @Test func welcomeSaysHowLongReadingEverythingTakes() {
        let (questions, results) = Self.walkWords()
        let total = questions + results.map(\.1).reduce(0, +)
        let minutes = Double(total) / 150
        print("time promise: \(questions) words before the results, \(total) in all; \(Int(minutes.rounded())) minutes at 150 words a minute;",
              results.map { "\($0.0.title) \($0.1)" }.joined(separator: ", "))
        let promise = testContext.content.about.timeNeeded
        let core = results.filter { [.summary, .options, .numbers].contains($0.0) }.map(\.1).reduce(0, +)
        #expect(promise.contains("The questions take about 10 minutes"), "\(promise)")
        #expect(Double(questions) / 150 <= 12, "the questions take \(Double(questions) / 150) minutes to read")
        #expect(promise.contains("Summary, Options and Numbers take about half an hour"), "\(promise)")
        #expect((15...45).contains(Double(core) / 150), "Summary, Options and Numbers: \(Double(core) / 150) minutes")
        // Two to three hours since every option's harms and studies are told in
        // equal detail (issue 14): about 143 minutes, most of it on Risks.
        #expect(promise.contains("two to three hours"), "\(promise)")
        #expect((100...180).contains(minutes), "every part: \(minutes) minutes")
    }
}
