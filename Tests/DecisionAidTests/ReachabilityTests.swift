import Content
import Testing
@testable import DecisionAid

/// Every word reachable at 80×24: each screen is paged through with Page
/// Down at 80×24, and every line the same screen shows at 80×2000 (all of it
/// at once, same width, so the same wrapping) must have been seen.
@Suite struct ReachabilityTests {
    /// The body rows of a frame, with the focus pointer blanked (paging moves
    /// the focus, which only changes the pointer in front of an item).
    static func bodyRows(_ frame: Frame) -> [String] {
        let rows = frame.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return rows.dropFirst(2).prefix(max(0, frame.size.height - 4)).map {
            $0.replacingOccurrences(of: "›", with: " ").replacingOccurrences(of: "▶", with: " ")
                .trimmingCharacters(in: .whitespaces)
        }
    }

    /// Lines shown at 80×2000 that paging at 80×24 never showed.
    static func unreached(_ start: Model, ctx: Context = testContext) -> [String] {
        var m = start
        m.size = Size(width: 80, height: 24)
        settle(&m, ctx)
        var seen = Set(bodyRows(Views.render(m, ctx).frame))
        for _ in 0..<400 {
            let before = m.overlay == nil ? m.view.top : m.overlayView.top
            press(&m, .pageDown, ctx: ctx)
            seen.formUnion(bodyRows(Views.render(m, ctx).frame))
            let after = m.overlay == nil ? m.view.top : m.overlayView.top
            if after == before { break }
        }
        var tall = start
        tall.size = Size(width: 80, height: 2000)
        let all = bodyRows(Views.render(tall, ctx).frame).filter { !$0.isEmpty }
        #expect(all.count < 1990, "the 2000-row screen did not hold the whole page")
        return all.filter { !seen.contains($0) }
    }

    static func results(_ section: ResultsSection) -> Model {
        var m = walkStrongPerson()
        press(&m, .end, .enter)
        m.page = .results(section)
        m.highlight = 0
        return m
    }

    @Test func welcomeHelpAndAbout() {
        let welcome = Model(size: Size(width: 80, height: 24))
        #expect(Self.unreached(welcome) == [])
        var help = welcome
        help.overlay = .help
        #expect(Self.unreached(help) == [])
        var about = welcome
        about.page = .about(from: .welcome)
        #expect(Self.unreached(about) == [])
    }

    @Test(arguments: ResultsSection.allCases)
    func everyResultsSection(section: ResultsSection) {
        #expect(Self.unreached(Self.results(section)) == [], "\(section)")
    }

    @Test func theTreatmentsQuestionAndTheReview() {
        var m = atFirstQuestion()
        open(.therapies, &m, testContext)
        #expect(Self.unreached(m) == [])
        #expect(Self.unreached(walkStrongPerson()) == [])
    }

    @Test func aMarkOnlyWhenAKeyReachesMore() {
        // "more below" shows exactly when Page Down can still move the view.
        for section in ResultsSection.allCases {
            var m = Self.results(section)
            settle(&m)
            for _ in 0..<200 {
                let frame = Views.render(m, testContext).frame
                let mark = frame.text.contains("more below")
                let top = m.view.top
                press(&m, .pageDown)
                #expect(mark == (m.view.top != top), "\(section) at line \(top)")
                if !mark { break }
            }
        }
    }

    @Test func arrowsMoveTheFocusAndTheViewFollows() {
        var m = Self.results(.checklist)
        settle(&m)
        for _ in 0..<(testContext.content.checklist.count - 1) { press(&m, .down) }
        #expect(m.highlight == testContext.content.checklist.count - 1)
        let frame = Views.render(m, testContext).frame
        #expect(frame.text.contains(testContext.content.checklist.last!.question.prefix(30)))
        // The last item's "why" is in view too, and the rest is reachable by arrows as well.
        for _ in 0..<50 { press(&m, .down) }
        #expect(!Views.render(m, testContext).frame.text.contains("more below"))
    }

    @Test func pagingMovesTheFocusIntoView() {
        var m = Self.results(.checklist)
        settle(&m)
        press(&m, .pageDown)
        let measured = try! #require(m.view.measured)
        let line = try! #require(measured.itemLines[m.highlight])
        #expect(m.highlight > 0)
        #expect((m.view.top..<(m.view.top + measured.height)).contains(line))
    }
}
