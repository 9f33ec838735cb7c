import Testing

/// A neurologist at a 132×40 clinic terminal runs `decision-aid --clinician`:
/// the real binary in tmux, screens read back.
@Suite(.serialized, .enabled(if: Tmux.unavailableReason == nil, "needs tmux and a built binary"))
struct ClinicianEndToEndTests {
    func typeNumber(_ tmux: Tmux, _ value: String, then next: String) throws {
        try tmux.type(value)
        try tmux.send("Enter")
        try tmux.waitFor(next)
    }

    @Test func exactEDSSFullCitationsAndTheWholeWidth() throws {
        let tmux = try Tmux(arguments: ["--clinician"], width: 132, height: 40, term: "xterm-256color", lang: "C.UTF-8")
        defer { tmux.close() }
        try tmux.waitFor("Welcome")
        #expect(try tmux.screen().hasPrefix(" AHSCT decision aid [CLINICIAN MODE]"))
        #expect(try tmux.screen().contains("Clinician mode, for a consultation"))
        try tmux.send("Enter")
        try tmux.waitFor("Before you start")
        try tmux.send("Enter")
        try tmux.waitFor("How old are you?")
        try typeNumber(tmux, "34", then: "Which type of MS")
        try tmux.send("1", "Enter")                                  // relapsing-remitting
        try tmux.waitFor("How many relapses")
        try typeNumber(tmux, "2", then: "what is your latest EDSS score?")   // no walking question

        // A score that is not a half step: asked again, with assess's words.
        try tmux.type("6.3")
        try tmux.send("Enter")
        try tmux.waitFor("6.3 is not an EDSS score; allowed: a score from 0 to 10 in steps of 0.5 (for example 3.5).")
        #expect(try tmux.screen().contains("Your answer: 6.3"))
        try tmux.send("BSpace", "BSpace", "BSpace")
        // Typed exactly, with its walking band beside it before Enter.
        try tmux.type("2")
        try tmux.waitFor("2.0 = walking band \"I can walk as far as I like without help\" (EDSS 0.0-3.5). Press Enter to keep it.")
        try tmux.send("Enter")
        try tmux.waitFor("years ago were you told")                  // below 6.5: the relapse question is skipped
        try typeNumber(tmux, "4", then: "Tick each one you have taken")
        for _ in 0..<12 { try tmux.send("Down") }
        try tmux.waitFor("›   [ ] Ocrelizumab")
        try tmux.send("Space")
        try tmux.waitFor("[✓] Ocrelizumab")
        try tmux.send("Enter")
        try tmux.send("1", "Enter")
        try tmux.waitFor("not safe for you")
        try tmux.send("2", "Enter")
        try tmux.waitFor("heart, lung, liver or kidney")
        try tmux.send("2", "Enter")
        try tmux.waitFor("Review your answers")
        let review = try tmux.screen()
        #expect(review.contains("EDSS: 2.0 = walking band \"I can walk as far as I like without help\" (EDSS 0.0-3.5)"))
        #expect(!review.contains("Walking:"))

        // The Summary: the rules that fired, by id, with the guidelines in full.
        try tmux.send("End", "Enter")
        try tmux.waitFor("Rules that fired")
        try tmux.waitFor("strong-profile [strong]")
        #expect(try tmux.screen().contains("NMSS 2021, guideline: Miller AE, et al."))

        // Numbers: a figure's full citation, with its DOI.
        try tmux.send("3")
        try tmux.waitFor("[3 Numbers]")
        var found = false
        for _ in 0..<4 where !found {
            let screen = try tmux.screen()
            found = screen.contains("Source: Burt RK, et al. Effect of nonmyeloablative hematopoietic stem cell transplantation")
                && screen.contains("doi:10.1001/jama.2018.18743")
            if !found { try tmux.send("PageDown") }
        }
        let numbers = try tmux.screen()
        #expect(found, "no full citation on the Numbers screen:\n\(numbers)")

        // Options at 132×40: the table uses the width.
        try tmux.send("2")
        try tmux.waitFor("[2 Options]")
        try tmux.waitFor("│")
        let options = try tmux.screen().split(separator: "\n")
        let table = options.filter { $0.contains("│") }
        #expect(table.contains { $0.count > 120 }, "the options table does not use the width:\n\(options.joined(separator: "\n"))")
        #expect(table.first?.contains("Stay on my current") == true, "every option in one row of the table")
        #expect(options.contains { $0.contains("[1] ") })

        try tmux.send("q")
        try tmux.waitFor("Quit the decision aid?")
        try tmux.send("y")
        #expect(try tmux.exitCode() == 0)
    }

    @Test func refusedWithKioskInOneLine() throws {
        let tmux = try Tmux(arguments: ["--clinician", "--kiosk"], width: 100, height: 10)
        defer { tmux.close() }
        #expect(try tmux.exitCode() == 2)
        #expect(try tmux.screen().contains("decision-aid: --clinician cannot be used with --kiosk"))
    }
}
