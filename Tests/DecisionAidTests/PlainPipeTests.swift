import Foundation
import Testing

/// The real binary with its input a pipe: the plain line mode is chosen by
/// itself, a whole walk is typed, the summary is saved, and the saved summary
/// is the one `assess` prints for the same answers.
@Suite(.serialized) struct PlainPipeTests {
    struct Person {
        var name: String
        var typed: [String]
        var answersJSON: String
        var level: String
    }

    static let people = [
        Person(name: "strong", typed: plainStrong,
               answersJSON: #"{"age": 34, "subtype": "relapsing-remitting", "relapsesLast12Months": 2, "walking": "unlimited", "yearsSinceDiagnosis": 4, "therapies": ["ocrelizumab"], "activeOnTreatment": "yes", "highEfficacyContraindicated": false, "seriousComorbidity": false}"#,
               level: "strong"),
        // 70, no relapses and no new MRI activity, never treated.
        Person(name: "not supported", typed: ["70", "1", "0", "2", "1", "20", "0", "2", "2"],
               answersJSON: #"{"age": 70, "subtype": "relapsing-remitting", "relapsesLast12Months": 0, "newMRIActivityLast12Months": "no", "walking": "unlimited", "yearsSinceDiagnosis": 20, "therapies": [], "highEfficacyContraindicated": false, "seriousComorbidity": false}"#,
               level: "not-supported"),
        // Not sure of the MS type, the MRI, the activity on the drug, whether strong drugs are ruled out, or other illness.
        Person(name: "need more information", typed: ["30", "5", "1", "3", "1", "3", "12", "4", "3", "3"],
               answersJSON: #"{"age": 30, "subtype": "unsure", "relapsesLast12Months": 1, "newMRIActivityLast12Months": "unknown", "walking": "unlimited", "yearsSinceDiagnosis": 3, "therapies": ["ocrelizumab"], "activeOnTreatment": "unsure", "highEfficacyContraindicated": "unsure", "seriousComorbidity": "unsure"}"#,
               level: "need-more-information"),
    ]

    @Test(arguments: people.indices)
    func aWholeWalkThroughAPipeSavesTheSummaryAssessPrints(_ index: Int) throws {
        let person = Self.people[index]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(getpid())-\(index)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        // The person is who the test says.
        let json = try Binary.run(["assess", "--answers", "-", "--format", "json"], stdin: person.answersJSON)
        #expect(json.stdout.contains(#""level":"\#(person.level)""#) || json.stdout.contains(#""level" : "\#(person.level)""#), "\(person.name): \(json.stdout.prefix(300))")

        let typed = plainStart + person.typed + ["", "s", "1", "summary.txt", "q", "y"]
        let run = try Binary.run([], stdin: typed.joined(separator: "\n") + "\n", directory: folder.path)
        #expect(run.status == 0, "\(person.name): \(run.stderr)")
        #expect(run.stdout.contains("AHSCT decision aid (plain version)"))
        #expect(run.stdout.contains("Section 1 of 12: Summary"))
        #expect(run.stdout.contains("Saved the summary to \(folder.path)/summary.txt."))
        // Only appended lines: no escape sequences, no carriage returns, no backspaces.
        #expect(!run.stdout.utf8.contains(0x1B) && !run.stdout.utf8.contains(0x0D) && !run.stdout.utf8.contains(0x08), "\(person.name)")
        #expect(run.stderr.isEmpty, "\(person.name): \(run.stderr)")

        let saved = try String(contentsOf: folder.appendingPathComponent("summary.txt"), encoding: .utf8)
        let assess = try Binary.run(["assess", "--answers", "-", "--format", "text"], stdin: person.answersJSON)
        #expect(assess.status == 0)
        #expect(saved == assess.stdout, "\(person.name): the plain walk's summary differs from assess's")
    }

    @Test func inputEndingEarlyExitsThreeAndSavesNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(getpid())-eof")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Binary.run([], stdin: (plainStart + ["34"]).joined(separator: "\n") + "\n", directory: folder.path)
        #expect(run.status == 3)
        #expect(run.stdout.hasSuffix("Nothing was saved.\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func answersSavedHalfWayAreResumedAtTheReview() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(getpid())-session")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Three answers, then "save" at the fourth question's prompt, then quit.
        let first = try Binary.run([], stdin: (plainStart + ["34", "1", "2", "save", "", "q", "y"]).joined(separator: "\n") + "\n", directory: folder.path)
        #expect(first.status == 0, "\(first.stderr)")
        let file = folder.appendingPathComponent("ahsct-answers.json").path
        #expect(first.stdout.contains("Saved your answers to \(file). Only you can read the file. To go on later: decision-aid --resume \(file)"))
        #expect(first.stdout.contains("Your answers are saved in \(file)."))
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // Resumed: straight to the review with the three answers; input ends there.
        let second = try Binary.run(["--resume", file], stdin: "", directory: folder.path)
        #expect(second.status == 3)
        #expect(second.stdout.contains("1. Age: You are 34"))
        #expect(second.stdout.contains("3. Relapses: You had 2 relapses in the last 12 months"))
        #expect(second.stdout.contains("Your answers are still in \(file) as they were when you saved them."))
    }

    @Test func plainWithKioskIsRefused() throws {
        let run = try Binary.run(["--kiosk", "--plain"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--kiosk runs the full-screen aid on a clinic terminal, so it does not take --plain"))
    }
}
