import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Saving the answers to finish later and coming back with --resume, in
/// the real binary in tmux: the file on disk (mode 0600, never replaced
/// without a yes), the review it opens at, clinician mode, an older file,
/// a damaged one, and the kiosk's refusal.
@Suite(.serialized, .enabled(if: Tmux.unavailableReason == nil, "needs tmux and a built binary"))
struct SessionEndToEndTests {
    /// A fresh folder for the program to run in, removed afterwards.
    func folder(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("decision-aid-\(name)-\(getpid())").path
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// The screen with its lines joined, so a sentence wrapped across lines is found whole.
    func flat(_ screen: String) -> String {
        screen.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    func waitForText(_ tmux: Tmux, _ text: String, timeout: Double = 5) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = try tmux.screen()
            if flat(last).contains(text) { return }
            usleep(50_000)
        } while Date() < deadline
        throw Tmux.Failure(description: "timed out waiting for \"\(text)\"; screen was:\n\(last)")
    }

    @Test func saveHalfWayQuitAndResumeAtTheReview() throws {
        let cwd = try folder("session")
        defer { try? FileManager.default.removeItem(atPath: cwd) }
        let file = cwd + "/my answers.json"

        // Part way through: age, type, relapses, then s on the walking question.
        do {
            let tmux = try Tmux(width: 80, height: 24, directory: cwd)
            defer { tmux.close() }
            try tmux.waitFor("Welcome")
            try tmux.send("Enter")
            try tmux.waitFor("Before you start")
            try tmux.send("y")
            try tmux.send("Enter")
            try tmux.waitFor("How old are you?")
            try tmux.type("34")
            try tmux.send("Enter")
            try tmux.waitFor("Which type of MS")
            try tmux.send("1", "Enter")
            try tmux.waitFor("How many relapses")
            try tmux.type("2")
            try tmux.send("Enter")
            try tmux.waitFor("walking on most days")
            #expect(try tmux.screen().contains("s save"))
            try tmux.send("s")
            try tmux.waitFor("Save your answers to finish later")
            try tmux.waitFor("File name: ahsct-answers.json")
            for _ in 0..<20 { try tmux.send("BSpace") }
            try tmux.type("my answers.json")
            try waitForText(tmux, "decision-aid --resume 'my answers.json'")
            try tmux.send("Enter")
            try waitForText(tmux, "Saved your answers to \(file).")
            #expect(try mode(file) == 0o600, "the file is private")

            // The same name again: asks first, and n keeps the file.
            let before = try Data(contentsOf: URL(fileURLWithPath: file))
            try tmux.send("1", "Enter")          // walks without help: a change since the save
            try tmux.waitFor("years ago were you told")
            try tmux.send("C-s")
            try tmux.waitFor("Save your answers to finish later")
            try waitForText(tmux, "File name: \(file)")
            try tmux.send("Enter")
            try tmux.waitFor("A file with this name already exists")
            try tmux.send("n")
            try tmux.waitFor("Save your answers to finish later")
            try tmux.send("Escape")
            #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before, "not replaced without a yes")

            // The quit dialog says the file is behind.
            try tmux.send("C-c")
            try tmux.waitFor("Quit the decision aid?")
            try waitForText(tmux, "Your answers were saved in \(file), but you have changed things since then.")
            // s from there saves them; y replaces.
            try tmux.send("s")
            try tmux.waitFor("Save your answers to finish later")
            try tmux.send("Enter")
            try tmux.waitFor("A file with this name already exists")
            try tmux.send("y")
            try waitForText(tmux, "Saved your answers to \(file).")
            #expect(try mode(file) == 0o600, "still private after replacing")
            try tmux.send("C-c")
            try waitForText(tmux, "Your answers are saved in \(file). To go on later, start the aid with: decision-aid --resume '\(file)'")
            #expect(!(try tmux.screen()).contains("not saved anywhere"))
            try tmux.send("y")
            #expect(try tmux.exitCode() == 0)
        }

        // The file is what assess reads.
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("{\n  \"format\": \"decision-aid-session\",\n  \"version\": 1,"))
        #expect(text.contains("\"walking\": \"unlimited\""))

        // Coming back: the review, with the answers.
        let tmux = try Tmux(arguments: ["--resume", "my answers.json"], width: 80, height: 24, directory: cwd)
        defer { tmux.close() }
        try tmux.waitFor("Review your answers")
        try waitForText(tmux, "Welcome back. These are your answers from \(file)")
        let review = try tmux.screen()
        #expect(review.contains("Relapses: You had 2 relapses in the last 12 months"), "\(review)")
        #expect(review.contains("Walking: You can walk as far as you like without help"), "\(review)")
        #expect(review.contains("Not answered yet"), "the rest is still to answer:\n\(review)")
        #expect(review.contains("› See what the guidelines say"), "the way on is highlighted:\n\(review)")
        // Nothing changed: quitting says the file has it all, and quits.
        try tmux.send("q")
        try waitForText(tmux, "Your answers are saved in \(file).")
        try tmux.send("y")
        #expect(try tmux.exitCode() == 0)
    }

    /// A session file written as a newer or older aid would, or damaged.
    func session(audience: String = "patient", therapies: String = "[\"ocrelizumab\"]", checklist: String = "[]", extra: String = "") -> String {
        """
        {
          "format": "decision-aid-session",
          "version": 1,
          "saved": "2026-11-20",
          "content": "1.0.0",
          "audience": "\(audience)",
          "answers": {
            "age": 34,
            "subtype": "relapsing-remitting",
            "relapsesLast12Months": 2,
            "walking": "unlimited",
            "edss": 3.5,
            "yearsSinceDiagnosis": 4,
            "therapies": \(therapies)
          },
          "checklist": \(checklist)\(extra)
        }

        """
    }

    @Test func aClinicianSessionOpensInClinicianMode() throws {
        let cwd = try folder("clinician")
        defer { try? FileManager.default.removeItem(atPath: cwd) }
        try session(audience: "clinician").write(toFile: cwd + "/consult.json", atomically: true, encoding: .utf8)
        let tmux = try Tmux(arguments: ["--resume", "consult.json"], width: 80, height: 24, directory: cwd)
        defer { tmux.close() }
        try tmux.waitFor("Welcome back")
        try waitForText(tmux, "They were saved in clinician mode, so the aid is in clinician mode now.")
        try tmux.send("Enter")
        try tmux.waitFor("Review your answers")
        // The exact EDSS, not walking ability, is on the review.
        try tmux.send("Home")
        try tmux.waitFor("Age: You are 34")
        let review = try tmux.screen()
        #expect(review.contains("3.5"), "the exact EDSS is shown:\n\(review)")
        #expect(!review.contains("Walking:"), "clinician mode asks the EDSS instead of walking:\n\(review)")
        try tmux.send("q")
        try tmux.send("y")
        #expect(try tmux.exitCode() == 0)
    }

    @Test func aFileFromAnOlderContentDropsWhatIsGoneWithANotice() throws {
        let cwd = try folder("older")
        defer { try? FileManager.default.removeItem(atPath: cwd) }
        let text = session(therapies: "[\"ocrelizumab\", \"daclizumab\"]", checklist: "[\"a-checklist-item-since-removed\"]")
        let path = cwd + "/old.json"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let tmux = try Tmux(arguments: ["--resume", path], width: 80, height: 24, directory: cwd)
        defer { tmux.close() }
        try tmux.waitFor("Welcome back")
        try waitForText(tmux, "This version of the aid no longer has 2 things you saved, so they were left out:")
        try waitForText(tmux, "The treatment 'daclizumab'")
        try waitForText(tmux, "A tick on the clinic checklist ('a-checklist-item-since-removed')")
        try waitForText(tmux, "Your file has not been changed.")
        try tmux.send("Enter")
        try tmux.waitFor("Review your answers")
        try waitForText(tmux, "Treatments: You have taken Ocrelizumab")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text, "the file is untouched")
        try tmux.send("q")
        try tmux.send("y")
        #expect(try tmux.exitCode() == 0)
    }

    @Test func aDamagedOrNewerFileIsRefusedBeforeTheScreenOpensAndLeftAlone() throws {
        let cwd = try folder("damaged")
        defer { try? FileManager.default.removeItem(atPath: cwd) }
        let cases: [(String, String, String)] = [
            ("cut.json", String(session().prefix(150)), "'cut.json' (line 8, column 10): this is not a file of saved answers, or it is damaged"),
            ("bad.json", session().replacingOccurrences(of: "\"age\": 34", with: "\"age\": \"thirty\""), "'bad.json' (line 8, column 5): age: must be a number"),
            ("newer.json", session().replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2"), "cannot open 'newer.json' (line 3, column 3): it was saved by a newer decision-aid"),
        ]
        for (name, text, message) in cases {
            let path = cwd + "/" + name
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            chmod(path, 0o600)
            let before = try FileManager.default.attributesOfItem(atPath: path)
            // Wide, so the one line of the message does not wrap.
            let tmux = try Tmux(arguments: ["--resume", name], width: 300, height: 24, directory: cwd)
            defer { tmux.close() }
            #expect(try tmux.exitCode() == 2, "\(name)")
            let screen = flat(try tmux.screen())
            #expect(screen.contains("decision-aid: --resume: "), "\(name): \(screen)")
            #expect(screen.contains(message), "\(name): \(screen)")
            #expect(screen.contains("The file has not been changed."), "\(name): \(screen)")
            #expect(!screen.contains("Welcome"), "the aid never opened: \(screen)")
            #expect(try tmux.modes()["alternate_on"] == "0", "the screen was never taken over")
            let after = try FileManager.default.attributesOfItem(atPath: path)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == text, "\(name) untouched")
            #expect(before[.modificationDate] as? Date == after[.modificationDate] as? Date, "\(name) not rewritten")
            #expect(try mode(path) == 0o600)
        }
    }

    @Test func aKioskRefusesResume() throws {
        let cwd = try folder("kiosk-resume")
        defer { try? FileManager.default.removeItem(atPath: cwd) }
        try session().write(toFile: cwd + "/a.json", atomically: true, encoding: .utf8)
        let tmux = try Tmux(arguments: ["--kiosk", "--resume", "a.json"], width: 300, height: 24, term: "linux", directory: cwd)
        defer { tmux.close() }
        #expect(try tmux.exitCode() == 2)
        #expect(flat(try tmux.screen()).contains("--kiosk keeps nothing of a person and reads no files, so it does not take --resume"))
    }
}
