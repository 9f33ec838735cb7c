import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Real people walked through the real binary in tmux, screens read back.
@Suite(.serialized, .enabled(if: Tmux.unavailableReason == nil, "needs tmux and a built binary"))
struct WalkthroughTests {
    /// Checks the terminal was handed back in its normal state.
    func expectSane(_ tmux: Tmux, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let stty = try tmux.stty()
        #expect(stty.contains(" icanon") && !stty.contains("-icanon"), "terminal left without icanon: \(stty)", sourceLocation: sourceLocation)
        #expect(stty.contains(" echo ") && !stty.contains("-echo "), "terminal left without echo: \(stty)", sourceLocation: sourceLocation)
    }

    func answerNumber(_ tmux: Tmux, _ value: String, then next: String) throws {
        try tmux.type(value)
        try tmux.send("Enter")
        try tmux.waitFor(next)
    }

    /// The strong person's answers from the MS type question to the review
    /// (a digit highlights a choice, Enter takes it):
    /// relapsing-remitting, 2 relapses (MRI skipped), walks without help,
    /// 4 years, active on ocrelizumab, high-efficacy not ruled out, no serious illness.
    func answerStrongPersonFromType(_ tmux: Tmux) throws {
        try tmux.send("1", "Enter")
        try tmux.waitFor("How many relapses")
        try answerNumber(tmux, "2", then: "walking on most days")
        try tmux.send("1", "Enter")
        try tmux.waitFor("years ago were you told")
        try answerNumber(tmux, "4", then: "Tick each one you have taken")
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
    }

    @Test func youngRelapsingPersonReachesStrongAndQuitsWithQ() throws {
        let tmux = try Tmux(width: 80, height: 24, term: "xterm-256color", lang: "C.UTF-8")
        defer { tmux.close() }
        try tmux.waitFor("Welcome")
        try tmux.send("Enter")
        try tmux.waitFor("Before you start")
        try tmux.send("Enter")                                // SURE: skipped
        try tmux.waitFor("How old are you?")
        try answerNumber(tmux, "34", then: "Which type of MS")

        // Resize mid-way: too small, then back, and nothing is lost.
        try tmux.resize(width: 50, height: 14)
        try tmux.waitFor("Please make this window bigger")
        try tmux.waitFor("It is 50 x 14")
        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor("Which type of MS")

        try answerStrongPersonFromType(tmux)
        let review = try tmux.screen()
        #expect(review.contains("Age: You are 34"))
        #expect(review.contains("MRI: Not asked"))
        try tmux.send("End", "Enter")
        try tmux.waitFor("People like you are the group in whom the evidence for AHSCT is strongest")
        let results = try tmux.screen()
        #expect(results.contains("Because you have relapsing-remitting MS"))
        #expect(results.contains("[1 Summary]"))
        try tmux.send("Tab")
        try tmux.waitFor("[2 Options]")
        try tmux.send("4")
        try tmux.waitFor("[4 Evidence]")
        try tmux.waitFor("MIST trial")

        try tmux.send("q")
        try tmux.waitFor("Quit the decision aid?")
        try tmux.send("y")
        #expect(try tmux.exitCode() == 0)
        try expectSane(tmux)
    }

    @Test func olderProgressivePersonOnTheTextConsoleInASCII() throws {
        let tmux = try Tmux(width: 80, height: 24, term: "linux", lang: "C")
        defer { tmux.close() }
        try tmux.waitFor("Welcome")
        let welcome = try tmux.screen()
        #expect(welcome.contains("-----"))
        #expect(!welcome.contains("─"), "LANG=C must give ASCII rules")
        try tmux.send("Enter")
        try tmux.waitFor("Before you start")
        try tmux.send("y", "n", "n", "y")                    // SURE before: 2 of 4
        try tmux.waitFor("Your score: 2 of 4.")
        let sure = try tmux.screen()
        #expect(sure.unicodeScalars.allSatisfy { $0.value < 0x80 }, "non-ASCII on a LANG=C screen:\n\(sure)")
        try tmux.send("Enter")
        try tmux.waitFor("How old are you?")
        try tmux.type("sixty")
        try tmux.send("Enter")
        try tmux.waitFor("'sixty' is not a number; allowed: a whole number of years from 1 to 120")
        for _ in 0..<5 { try tmux.send("BSpace") }
        try answerNumber(tmux, "63", then: "Which type of MS")
        try tmux.send("3", "Enter")                                    // primary progressive
        try tmux.waitFor("How many relapses")
        try answerNumber(tmux, "0", then: "Did an MRI scan")
        try tmux.send("2", "Enter")                                    // no new MRI activity
        try tmux.waitFor("walking on most days")
        try tmux.send("5", "Enter")                                    // wheelchair: EDSS 7.0-7.5
        try tmux.waitFor("Did your current disability come from a relapse")
        try tmux.send("2", "Enter")                                    // no
        try tmux.waitFor("years ago were you told")
        try answerNumber(tmux, "20", then: "Tick each one you have taken")
        try tmux.send("1", "Space", "Enter")                           // none
        try tmux.waitFor("not safe for you")
        try tmux.send("2", "Enter")
        try tmux.waitFor("heart, lung, liver or kidney")
        try tmux.send("2", "Enter")
        try tmux.waitFor("Review your answers")
        try tmux.send("End", "Enter")
        try tmux.waitFor("The guidelines do not support AHSCT for people like you")
        let results = try tmux.screen()
        #expect(results.contains("Because you are 63"))
        #expect(results.unicodeScalars.allSatisfy { $0.value < 0x80 }, "non-ASCII on a LANG=C screen:\n\(results)")

        try tmux.send("C-c")
        try tmux.waitFor("Quit the decision aid?")
        try tmux.send("y")
        #expect(try tmux.exitCode() == 0)
        try expectSane(tmux)
    }

    @Test func unsurePersonOnVT100WithoutColourEndsWithSIGTERM() throws {
        let tmux = try Tmux(width: 80, height: 24, term: "vt100", lang: "C.UTF-8", noColor: true)
        defer { tmux.close() }
        try tmux.waitFor("Welcome")
        try tmux.send("Enter")
        try tmux.waitFor("Before you start")
        try tmux.send("Enter")                                // SURE: skipped
        try answerNumber(tmux, "41", then: "Which type of MS")
        try tmux.send("5", "Enter")                                    // I'm not sure
        try tmux.waitFor("How many relapses")
        try answerNumber(tmux, "1", then: "Did an MRI scan")
        try tmux.send("3", "Enter")                                    // I don't know
        try tmux.waitFor("walking on most days")
        try tmux.send("2", "Enter")
        try tmux.waitFor("years ago were you told")
        // Back, and the typed answer is still there.
        try tmux.send("BSpace")
        try tmux.waitFor("walking on most days")
        try tmux.send("Enter")
        try answerNumber(tmux, "3", then: "Tick each one you have taken")
        try tmux.send("Down", "Down", "Space", "Enter")       // glatiramer acetate: a platform drug,
        try tmux.waitFor("not safe for you")                  // so "active on it" is not asked
        try tmux.send("2", "Enter")
        try tmux.waitFor("heart, lung, liver or kidney")
        try tmux.send("2", "Enter")
        try tmux.waitFor("Review your answers")
        try tmux.send("End", "Enter")
        try tmux.waitFor("We need more information to match you to the guidelines")
        #expect(try tmux.screen().contains("Because you are not sure which type of MS you have"))

        try tmux.kill(signal: SIGTERM)
        #expect(try tmux.exitCode() == 143)
        try expectSane(tmux)
    }

    @Test func helpListsEveryKeyAndEscapeGoesBackAtOnce() throws {
        let tmux = try Tmux(width: 80, height: 24, term: "tmux-256color", lang: "C.UTF-8")
        defer { tmux.close() }
        try tmux.waitFor("Welcome")
        try tmux.send("?")
        try tmux.waitFor("Ctrl-C: quit from anywhere")
        try tmux.send("Escape")
        try tmux.waitFor("Welcome")
        try tmux.send("Enter")
        try tmux.waitFor("Before you start")
        try tmux.send("Enter")                                // SURE: skipped
        try answerNumber(tmux, "30", then: "Which type of MS")
        try tmux.send("Escape")
        try tmux.waitFor("How old are you?", timeout: 0.8)   // well under the 1 s default ESC delay
        try tmux.send("C-c")
        try tmux.waitFor("Quit the decision aid?")
        try tmux.send("n")
        try tmux.waitFor("How old are you?")
        try tmux.kill(signal: SIGHUP)
        #expect(try tmux.exitCode() == 129)
    }

    @Test func lostTerminalEndsTheProgramInsteadOfSpinning() throws {
        let tmux = try Tmux(width: 80, height: 24, term: "screen", lang: "C.UTF-8")
        defer { tmux.close() }
        try tmux.waitFor("Welcome")
        let pid = try tmux.programPID()
        try tmux.hangUp()
        let deadline = Date().addingTimeInterval(5)
        var alive = true
        while Date() < deadline {
            if Glibc.kill(pid, 0) != 0 { alive = false; break }
            usleep(50_000)
        }
        #expect(!alive, "decision-aid still running 5 s after its terminal went away")
        if alive { _ = Glibc.kill(pid, SIGKILL) }
    }

    /// The deciding part, end to end: SURE, options, numbers, values, the
    /// finish page, and saving the summary (new file, existing file, bad folder).
    @Test func valuesOptionsAndSavingTheSummary() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("decision-aid-save-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("my summary.md").path

        let tmux = try Tmux(width: 100, height: 30, term: "xterm-256color", lang: "C.UTF-8")
        defer { tmux.close() }
        try tmux.waitFor("Welcome")
        try tmux.send("Enter")
        try tmux.waitFor("Before you start")
        try tmux.send("y", "y", "n", "n")
        try tmux.waitFor("Your score: 2 of 4.")
        try tmux.send("Enter")
        try tmux.waitFor("How old are you?")
        try answerNumber(tmux, "34", then: "Which type of MS")
        try answerStrongPersonFromType(tmux)
        try tmux.send("End", "Enter")
        try tmux.waitFor("[1 Summary]")

        // Options side by side (100 columns: the wide grid).
        try tmux.send("2")
        try tmux.waitFor("[2 Options]")
        let options = try tmux.screen()
        #expect(options.contains("│"), "the wide grid has column rules:\n\(options)")
        // Risk pictures: an icon array of 100 and a number with both framings.
        try tmux.send("3")
        try tmux.waitFor("[3 Numbers]")
        try tmux.waitFor(" in 100")
        try tmux.send("End")
        try tmux.waitFor("No picture: there is no good number.")
        // The 1,000-array's legend comes before its people: page back up to it.
        for _ in 0..<6 where !(try tmux.screen()).contains("■ = died from the treatment") {
            try tmux.send("PPage")
            usleep(150_000)
        }
        try tmux.waitFor("■ = died from the treatment")
        // The marked people are in the array's first row, on the same screen as the legend
        // (↓ scrolls a line here, if paging left the legend on the last line).
        for _ in 0..<3 where !(try tmux.screen()).contains("■■■■■■■■■■ ■■■■■■■■■■ ■") {
            try tmux.send("Down")
            usleep(150_000)
        }
        let picture = try tmux.screen()
        #expect(picture.contains("■ = died from the treatment"), "\(picture)")
        #expect(picture.contains("20 rows of 50 people follow, the marked ones first."), "\(picture)")
        #expect(picture.contains("■■■■■■■■■■ ■■■■■■■■■■ ■"), "the 21 marked people show with the legend:\n\(picture)")

        // What matters: rate three statements, add a concern, pick a leaning.
        try tmux.send("6")
        try tmux.waitFor("[6 What matters]")
        try tmux.send("4", "3", "n")
        try tmux.waitFor("[4] ")
        try tmux.waitFor("[?] ")
        try tmux.waitFor("What each option means for what you rated highest")
        try tmux.send("End")
        for _ in 0..<14 { try tmux.send("Up") }      // past 4 pressure answers, who else, 3 roles, 5 leanings and the concern
        let values = try tmux.screen()
        #expect(values.contains("›"), "a row is highlighted:\n\(values)")

        // Number keys rate statements here, so Tab moves on: to Finish, SURE again, then save.
        try tmux.send("9")
        try tmux.waitFor("Rate with 0 (does not matter to me) to 4")
        try tmux.send("Tab", "Tab", "Tab")
        try tmux.waitFor("[9 Finish]")
        try tmux.send("y", "y", "y", "n")
        try tmux.waitFor("Your score: 3 of 4.")
        try tmux.send("s")
        try tmux.waitFor("Save your summary")
        for _ in 0..<20 { try tmux.send("BSpace") }
        try tmux.type(target)
        try tmux.send("Enter")
        try tmux.waitFor("Saved the summary to")
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "summary file mode: \(attributes[.posixPermissions] ?? "none")")
        let saved = try String(contentsOfFile: target, encoding: .utf8)
        #expect(saved.hasPrefix("#"), "a .md name saves Markdown")
        #expect(saved.contains("4 of 4"), "the rating of 4 is on the summary")
        #expect(saved.contains("2 of 4") && saved.contains("3 of 4"), "SURE before and after are on the summary")

        // The same name again: asks, and keeps the file until y.
        try tmux.send("s")
        try tmux.waitFor("Save your summary")
        for _ in 0..<20 { try tmux.send("BSpace") }
        try tmux.type(target)
        try tmux.send("Enter")
        try tmux.waitFor("A file with this name already exists")
        try tmux.send("y")
        try tmux.waitFor("Saved the summary to")

        // A folder that does not exist: a message, and the name is kept to fix.
        try tmux.send("s")
        try tmux.waitFor("Save your summary")
        for _ in 0..<20 { try tmux.send("BSpace") }
        try tmux.type("/no-such-folder-here/summary.txt")
        try tmux.send("Enter")
        try tmux.waitFor("The folder /no-such-folder-here does not exist.")
        let failed = try tmux.screen()
        #expect(failed.contains("File name: /no-such-folder-here/summary.txt"))
        try tmux.send("Escape")
        try tmux.waitFor("[9 Finish]")

        try tmux.send("q")
        try tmux.waitFor("Quit the decision aid?")
        try tmux.send("y")
        #expect(try tmux.exitCode() == 0)
        try expectSane(tmux)
    }
}
