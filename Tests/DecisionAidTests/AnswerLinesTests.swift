import Foundation
import Testing

/// `assess --answers-lines`: one JSON answers object per line in, one JSON
/// line out per set, in order; a bad line gets an error object naming its
/// line and field, and the rest go on; memory does not grow with the lines.
@Suite struct AnswerLinesTests {
    func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test func eachLineIsAssessedInOrderAndBadLinesSayWhy() throws {
        let long = "{\"age\": \"" + String(repeating: "x", count: 1_100_000) + "\"}"
        let input = [
            #"{"age": 34, "subtype": "relapsing-remitting"}"#,
            "",
            #"{"age": -1}"#,
            "not json",
            long,
            #"{"age": 70}"#,
        ].joined(separator: "\n") + "\n"
        let run = try Binary.runBounded(["assess", "--answers-lines", "-"], stdin: input)
        #expect(run.status == 2)
        #expect(run.stderrLines == ["decision-aid assess: 3 of 5 lines could not be assessed; each has an error object in the output"])
        let out = try objects(run.stdout)
        #expect(out.count == 5, "the blank line is skipped, every other line answered")
        #expect(out[0]["line"] as? Int == 1)
        #expect((out[0]["candidacy"] as? [String: Any])?["level"] as? String == "need-more-information")
        #expect(out[0]["risks"] == nil, "the parts that are the same for every line are left out")
        let error3 = out[1]["error"] as? [String: Any]
        #expect(error3?["line"] as? Int == 3 && error3?["field"] as? String == "age")
        #expect((error3?["message"] as? String)?.contains("-1 is outside the allowed range") == true)
        #expect((out[2]["error"] as? [String: Any])?["line"] as? Int == 4)
        let error5 = out[3]["error"] as? [String: Any]
        #expect(error5?["line"] as? Int == 5 && (error5?["message"] as? String)?.contains("longer than 1 MB") == true)
        #expect(out[4]["line"] as? Int == 6)
        #expect((out[4]["candidacy"] as? [String: Any])?["level"] as? String == "not-supported")
    }

    @Test func allGoodLinesExitZeroAndFlagsAreRefusedBeside() throws {
        let ok = try Binary.runBounded(["assess", "--answers-lines", "-"], stdin: "{\"age\": 30}\n{\"age\": 80}")
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try objects(ok.stdout).count == 2, "a last line without a newline still counts")
        let mixed = try Binary.runBounded(["assess", "--answers-lines", "-", "--age", "30"], stdin: "{}\n")
        #expect(mixed.status == 2)
        #expect(mixed.stderrLines.count == 1)
        let markdown = try Binary.runBounded(["assess", "--answers-lines", "-", "--format", "markdown"], stdin: "{}\n")
        #expect(markdown.status == 2)
    }

    @Test func memoryDoesNotGrowWithTheNumberOfLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let line = #"{"age": 34, "subtype": "relapsing-remitting", "relapsesLast12Months": 2, "walking": "unlimited", "yearsSinceDiagnosis": 4, "therapies": ["ocrelizumab"], "activeOnTreatment": "yes", "highEfficacyContraindicated": false, "seriousComorbidity": false}"#
        func file(_ count: Int) throws -> String {
            let path = folder.appendingPathComponent("\(count).jsonl").path
            try String(repeating: line + "\n", count: count).write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        // Both files first: a child's peak starts from this test process's size
        // when it is spawned, so nothing may grow here between the two runs.
        let smallFile = try file(200), largeFile = try file(20_000)
        let (small, smallPeak) = try Binary.runMeasuringMemory(["assess", "--answers-lines", "-"], stdinPath: smallFile)
        let (large, largePeak) = try Binary.runMeasuringMemory(["assess", "--answers-lines", "-"], stdinPath: largeFile)
        #expect(small.status == 0 && large.status == 0)
        #expect(large.stdout.split(separator: "\n").count == 20_000)
        // A hundred times the lines (5 MB in, about 35 MB out), about the same peak:
        // holding the input or the output would add several MB.
        #expect(largePeak - smallPeak < 8_000, "200 lines: \(smallPeak) KB, 20,000 lines: \(largePeak) KB")
    }
}
