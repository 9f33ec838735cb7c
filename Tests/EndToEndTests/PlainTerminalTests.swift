import Foundation
import Testing

/// The plain line mode in a real terminal: chosen by TERM=dumb or ACCESSIBLE,
/// typed answers echoed by the terminal, the prompt last on its line.
@Suite(.serialized, .enabled(if: Tmux.unavailableReason == nil, "needs tmux and a built binary"))
struct PlainTerminalTests {
    @Test(arguments: [("dumb", [String: String]()), ("xterm-256color", ["ACCESSIBLE": "1"])])
    func plainLinesAreChosenAndAnswered(_ term: String, _ environment: [String: String]) throws {
        let tmux = try Tmux(width: 80, height: 24, term: term, lang: "C.UTF-8", environment: environment)
        defer { tmux.close() }
        try tmux.waitFor("AHSCT decision aid (plain version)")
        try tmux.waitFor("Press Enter to begin")
        try tmux.send("Enter")
        for _ in 0..<4 {
            try tmux.send("Enter")
            usleep(200_000)
        }
        try tmux.waitFor("Question 1 of 11: How old are you?")
        // The prompt is the last thing on the last line, where the cursor is.
        let lines = try tmux.screen().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(lines.last == "Type a whole number of years from 1 to 120 (b = back, ? = help):", "\(lines.suffix(3))")
        try tmux.type("forty")
        try tmux.send("Enter")
        try tmux.waitFor("'forty' is not a number; allowed: a whole number of years from 1 to 120.")
        try tmux.type("34")
        try tmux.send("Enter")
        try tmux.waitFor("Question 2 of 11: Which type of MS do you have?")
        try tmux.type("q")
        try tmux.send("Enter")
        try tmux.waitFor("Your answers are not saved anywhere. Quit now?")
        try tmux.type("y")
        try tmux.send("Enter")
        #expect(try tmux.exitCode() == 0)
        // Only appended lines: everything asked is still in the scrollback, in order.
        let history = try tmux.history()
        let first = history.range(of: "Question 1 of 11")
        let second = history.range(of: "Question 2 of 11")
        #expect(first != nil && second != nil && first!.lowerBound < second!.lowerBound)
    }
}
