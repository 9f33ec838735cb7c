import Testing
@testable import DecisionAid

/// Printing runs beside the screen: update asks for it once, the status row
/// says it is going on while keys keep working, and the outcome replaces it.
struct PrintingStatusTests {
    func atResults() -> Model {
        var m = walkStrongPerson()
        press(&m, .end, .enter)
        #expect(m.page == .results(.summary))
        return m
    }

    @Test func pStartsOnePrintJobAndTheStatusRowSaysSo() {
        var m = atResults()
        // p asks first; y sends one job.
        #expect(press(&m, .character("p")).isEmpty)
        let effects = press(&m, .character("y"))
        #expect(effects.count == 1)
        guard case .print(let text, _)? = effects.first else { Issue.record("no print effect: \(effects)"); return }
        #expect(text.contains("34"))
        #expect(m.printing)
        #expect(m.notice == .printing)
        #expect(Views.render(m, testContext).frame.text.contains("Printing the summary."))

        // A second p and yes while lp runs starts nothing.
        #expect(press(&m, .character("p"), .character("y")).isEmpty)
    }

    @Test func keysKeepWorkingWhilePrintingAndTheStatusStays() {
        var m = atResults()
        press(&m, .character("p"), .character("y"))
        press(&m, .tab)
        #expect(m.page == .results(.options))
        #expect(m.notice == .printing)
        #expect(Views.render(m, testContext).frame.text.contains("Printing the summary."))
        press(&m, .character("3"))
        #expect(m.page == .results(.numbers))
        #expect(m.printing)
    }

    @Test func theOutcomeReplacesTheStatus() {
        var m = atResults()
        press(&m, .character("p"), .character("y"))
        _ = update(&m, .printed(.failed("No printer is set up; press s to save instead.")), testContext)
        #expect(!m.printing)
        #expect(m.notice == .printFailed("No printer is set up; press s to save instead."))
        press(&m, .tab)
        #expect(m.notice == nil)
        // And printing can start again.
        #expect(press(&m, .character("p"), .character("y")).count == 1)
        _ = update(&m, .printed(.sent("Sent to the printer.")), testContext)
        #expect(m.notice == .printed("Sent to the printer."))
    }
}
