import Testing
@testable import DecisionAid

/// The aid starts without swift-argument-parser only for its own simple
/// options; everything else is the parser's, messages and all.
@Suite struct QuickStartTests {
    @Test func takesOnlyTheAidsOwnSimpleOptions() throws {
        #expect(QuickStart([]) != nil)
        let colourless = try #require(QuickStart(["--no-color", "--no-mouse"]))
        #expect(colourless.noColor && colourless.noMouse && !colourless.kiosk)
        let kiosk = try #require(QuickStart(["--kiosk", "--idle-timeout=60", "--printer=clinic-desk"]))
        #expect(kiosk.kiosk && kiosk.idleTimeout == 60 && kiosk.printer == "clinic-desk")
        for line in [["--help"], ["--version"], ["assess"], ["rules"], ["--content=/tmp"], ["--plain"], ["--clinician"],
                     ["--kiosk", "--idle-timeout=2"], ["--kiosk", "--idle-timeout=soon"], ["--printer=desk"],
                     ["--kiosk", "--printer=-o"], ["--generate-completion-script=bash"], ["--resume=answers.json"]] {
            #expect(QuickStart(line) == nil, "\(line)")
        }
    }

    @Test func everyOptionItTakesIsOneTheParserKnows() {
        let known = Set(ArgumentCheck.root.options.map(\.name))
        for name in ["no-color", "no-mouse", "kiosk", "idle-timeout", "printer"] {
            #expect(known.contains(name), "\(name)")
        }
    }
}
