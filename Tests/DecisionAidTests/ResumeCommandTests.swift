import Foundation
import Testing
@testable import DecisionAid

/// The command line around sessions: `assess --answers` reads a session
/// file, and `--resume` refuses what it cannot open with one line, before
/// any screen, leaving the file alone.
@Suite(.serialized) struct ResumeCommandTests {
    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("resume-cli-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func assessReadsASessionFile() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = SessionTests.full()
        let path = dir + "/session.json"
        try session.encode().write(toFile: path, atomically: true, encoding: .utf8)
        let run = try Binary.run(["assess", "--answers", path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let answers = try json(run.stdout)["answers"] as? [String: Any]
        #expect(answers?["age"] as? Int == 34)
        #expect(answers?["therapies"] as? [String] == ["ocrelizumab", "natalizumab"])
        #expect(answers?["highEfficacyContraindicated"] as? String == "unsure")
        // Flags still override the file, and text works too.
        let text = try Binary.run(["assess", "--answers", path, "--age", "40"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("40"))
        // A damaged session: one line, with the line in the file.
        try session.encode().replacingOccurrences(of: "\"age\": 34", with: "\"age\": 300").write(toFile: path, atomically: true, encoding: .utf8)
        let bad = try Binary.run(["assess", "--answers", path])
        #expect(bad.status == 2)
        #expect(bad.stderrLines.count == 1)
        #expect(bad.stderr.hasPrefix("decision-aid assess: the saved session at line 8, column 5: age: 300 is outside the allowed range"), "\(bad.stderr)")
    }

    @Test func resumeRefusesWhatItCannotOpenWithOneLine() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let damaged = dir + "/damaged.json"
        let text = "{\"format\": \"decision-aid-session\", \"version\": 1,\n \"ratings\": {\"x\": 9}}\n"
        try text.write(toFile: damaged, atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["--resume", dir + "/missing.json"], "does not exist; give the file you saved your answers in with s."),
            (["--resume", dir], "is not an ordinary file"),
            (["--resume", "/dev/zero"], "'/dev/zero' is not an ordinary file"),
            (["--resume", damaged], "cannot open the saved answers in '\(damaged)' (line 2, column 14): a rating must be a whole number from 0 to 4"),
            (["--kiosk", "--resume", damaged], "--kiosk keeps nothing of a person and reads no files, so it does not take --resume"),
            (["--resume"], "--resume: no value was given; allowed: the file you saved your answers in with s"),
            (["--resume", damaged, "--resume", dir], "--resume was given twice with different values"),
        ]
        for (arguments, message) in cases {
            let run = try Binary.run(arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderrLines.count == 1, "\(arguments): \(run.stderr)")
            #expect(run.stderr.hasPrefix("decision-aid: "), "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            #expect(run.stdout.isEmpty, "\(arguments): nothing drawn")
        }
        #expect(try String(contentsOfFile: damaged, encoding: .utf8) == text, "the damaged file is untouched")
    }

    @Test func thePlainLineModeResumesAtItsReviewToo() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var session = SessionTests.full()
        session.ticked.insert("a-checklist-item-since-removed")
        let path = dir + "/a.json"
        try session.encode().write(toFile: path, atomically: true, encoding: .utf8)
        // Standard input a pipe: the plain line mode.
        let run = try Binary.run(["--resume", path], stdin: "q\ny\n")
        #expect(run.status == 0, "\(run.stderr)")
        let text = flat(run.stdout)
        #expect(text.contains("Welcome back. Your answers from \(path) (saved on 2026-11-20) are back"), "\(run.stdout)")
        #expect(text.contains("left out: a tick on the clinic checklist ('a-checklist-item-since-removed')"), "\(run.stdout)")
        #expect(text.contains("1. Age: You are 34"))
        #expect(text.contains("Your answers are saved in \(path). Quit now?"), "\(run.stdout)")
        #expect(!run.stdout.utf8.contains(0x1B), "plain lines only")
    }

    @Test func helpNamesResume() throws {
        let run = try Binary.run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("--resume <FILE>"))
    }
}
