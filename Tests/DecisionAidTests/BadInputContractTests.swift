import Foundation
import Testing
@testable import DecisionAid

/// The bad-input contract, end to end: exit 2, nothing on standard output,
/// and ONE line on standard error naming the field or option, what was wrong
/// and what is allowed. Input shown back is escaped and cut short.
@Suite struct BadInputContractTests {
    func expectOneLine(_ run: Run, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == 2, "status \(run.status): \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(run.stderrLines.count == 1, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains(message), "stderr was: \(run.stderr)", sourceLocation: sourceLocation)
        #expect(!run.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "raw control character: \(run.stderr.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        (["assess", "--age", "-1"], "decision-aid assess: --age: -1 is outside the allowed range; allowed: a whole number of years from 1 to 120"),
        (["assess", "--age=-1"], "--age: -1 is outside the allowed range"),
        (["assess", "--relapses-last-12-months", "-3"], "--relapses-last-12-months: -3 is outside the allowed range; allowed: a whole number from 0 to 50"),
        (["assess", "--age="], "--age: no value was given; allowed: a whole number of years from 1 to 120"),
        (["assess", "--age"], "--age: no value was given; allowed: a whole number of years from 1 to 120"),
        (["assess", "--age", "--subtype", "unsure"], "--age: no value was given"),
        (["assess", "--format="], "--format: no value was given; allowed: text, json, markdown"),
        (["assess", "--answers="], "--answers: no value was given; allowed: a JSON file, or - for standard input"),
        (["assess", "--age", "34", "--age", "35"], "--age was given twice with different values ('34' and '35'); give it once"),
        (["assess", "--serious-comorbidity", "--no-serious-comorbidity"], "--serious-comorbidity and --no-serious-comorbidity contradict each other"),
        (["assess", "--no-serious-comorbidity=yes"], "--no-serious-comorbidity takes no value"),
        (["assess", "--agee", "34"], "decision-aid assess: unknown option '--agee'; did you mean '--age'? (see 'decision-aid assess --help')"),
        (["assess", "--therapies", "none"], "did you mean '--therapy'?"),
        (["assess", "-a", "34"], "unknown option '-a'"),
        (["assess", "-1"], "unexpected '-1'; a number is given after its option, like --age 34"),
        (["assess", "34"], "unexpected argument '34'"),
        (["asess"], "decision-aid: unknown command 'asess'; did you mean 'assess'?"),
        (["rule"], "did you mean 'rules'?"),
        (["--no-colour"], "unknown option '--no-colour'; did you mean '--no-color'?"),
        (["rules", "extra"], "decision-aid rules: unexpected argument 'extra'"),
        (["check-content", "a", "b"], "decision-aid check-content: unexpected argument 'b'; give only one folder"),
        (["help", "asess"], "unknown command 'asess'; did you mean 'assess'?"),
        (["assess", "--format", "xml"], "--format: 'xml' is not one of the choices; allowed: text, json, markdown"),
        (["assess", "--edss", "0x1.8p1"], "--edss: '0x1.8p1' is not a number; allowed: a score from 0 to 10 in steps of 0.5"),
        (["assess", "--edss", "inf"], "--edss: 'inf' is not a number"),
        (["assess", "--edss", "nan"], "--edss: 'nan' is not a number"),
        (["assess", "--edss", "3e0"], "--edss: '3e0' is not a number"),
        (["assess", "--age", "0x22"], "--age: '0x22' is not a number"),
        (["assess", "--age", "99999999999999999999999"], "--age: 99999999999999999999999 is outside the allowed range"),
        (["assess", "--age", "3_4"], "--age: '3_4' is not a number"),
        (["assess", "--age", "  "], "--age: no value was given"),
    ])
    func commandLineMistakes(arguments: [String], message: String) throws {
        expectOneLine(try Binary.runBounded(arguments), message)
    }

    /// Same value twice is harmless and allowed (README); so is --x twice.
    @Test func theSameValueTwiceIsAccepted() throws {
        let run = try Binary.run(["assess", "--age", "34", "--age=34", "--no-serious-comorbidity", "--no-serious-comorbidity", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try json(run.stdout)["answers"] as? [String: Any] != nil)
    }

    @Test func minusZeroIsZeroAndPrintsAsZero() throws {
        let flag = try Binary.run(["assess", "--edss", "-0", "--format", "json"])
        #expect(flag.status == 0, "\(flag.stderr)")
        #expect(flag.stdout.contains("\"edss\" : 0"), "\(flag.stdout.prefix(200))")
        #expect(flag.stdout.range(of: #": -0\b"#, options: .regularExpression) == nil)
        let fromJSON = try Binary.run(["assess", "--answers", "-", "--format", "json"], stdin: #"{"edss": -0.0, "yearsSinceDiagnosis": -0}"#)
        #expect(fromJSON.status == 0, "\(fromJSON.stderr)")
        #expect(fromJSON.stdout.contains("\"edss\" : 0"))
        #expect(fromJSON.stdout.contains("\"yearsSinceDiagnosis\" : 0"))
        let age = try Binary.run(["assess", "--age", "-0"])
        #expect(age.stderr.contains("--age: 0 is outside the allowed range"), "\(age.stderr)")
    }

    @Test func aNegativeValueIsAValueNotAnOption() throws {
        // --age -1 was "Missing value"; -1 must reach the age check.
        expectOneLine(try Binary.run(["assess", "--years-since-diagnosis", "-1"]), "--years-since-diagnosis: -1 is outside the allowed range; allowed: a whole number of years from 0 to 100")
    }

    @Test func escapeSequencesInValuesAreShownNotObeyed() throws {
        let run = try Binary.runBounded(["assess", "--subtype", "\u{1b}[31mred\u{07}\u{9b}2J"])
        expectOneLine(run, #"--subtype: '\e[31mred\x07\x9b2J' is not one of the choices"#)
        #expect(!run.stderr.contains("\u{1b}"))
        #expect(!run.stderr.contains("\u{9b}"))
    }

    @Test func aContentFolderNameIsShownNotObeyed() throws {
        let run = try Binary.runBounded(["check-content", "/nonexistent/\u{1b}[31mred"], executable: Binary.contentToolPath)
        #expect(run.status == 1)
        #expect(run.stderr.contains(#"/nonexistent/\e[31mred:0: no such folder"#), "\(run.stderr)")
        #expect(!run.stderr.contains("\u{1b}"))
        // decision-aid itself reads no folder: it says where that went, in one line, the name escaped.
        let aid = try Binary.runBounded(["check-content", "/nonexistent/\u{1b}[31mred"])
        expectOneLine(aid, #"decision-aid-content check-content /nonexistent/\e[31mred"#)
        #expect(!aid.stderr.contains("\u{1b}"))
    }

    @Test func aHugeValueIsCutTo60Characters() throws {
        let huge = String(repeating: "a", count: 100_000)
        let run = try Binary.runBounded(["assess", "--walking", huge])
        expectOneLine(run, "--walking: '" + String(repeating: "a", count: 60) + "…' is not one of the choices")
        #expect(run.stderr.count < 400)
    }

    @Test(arguments: [
        (#"{"age": 34, "age": 35}"#, "the answers are not valid JSON: the key 'age' appears twice, first at line 1, column 2; give each answer once (line 1, column 13)"),
        (#"{"age": 34, "age": 34}"#, "the key 'age' appears twice"),
        (#"{"age": 34,}"#, "a comma after the last item is not allowed in JSON (line 1, column 12)"),
        (#"{"therapies": ["natalizumab",]}"#, "a comma after the last item is not allowed in JSON"),
        (#"{"edss": 0x1.8p1}"#, "'0x1.8p1' is not a JSON number: only decimal numbers are allowed"),
        (#"{"age": 0x22}"#, "'0x22' is not a JSON number: only decimal numbers are allowed"),
        (#"{"age": 1e400}"#, "age: 1e400 is outside the allowed range; allowed: a whole number of years from 1 to 120"),
        (#"{"age": 1e-400}"#, "age: '1e-400' is not a whole number"),
        (#"{"edss": 1e-400}"#, "edss: 1e-400 is not an EDSS score"),
        (#"{"edss": 1e400}"#, "edss: 1e400 is not an EDSS score"),
        (#"{"age": NaN}"#, "'NaN' is not a JSON number; numbers must be finite"),
        (#"{"age": Infinity}"#, "'Infinity' is not a JSON number; numbers must be finite"),
        (#"{"age": -Infinity}"#, "'-Infinity' is not a JSON number"),
        (#"{"age": 034}"#, "'034' is not a JSON number: a number must not start with 0"),
        (#"{"age": +34}"#, "'+34' is not a JSON number"),
        (#"{"age": .5}"#, "'.5' is not a JSON number"),
        (#"{"age": 34.}"#, "'34.' is not a JSON number: a digit must follow the decimal point"),
        (#"{'age': 34}"#, "keys must be in double quotes (\"), not single quotes"),
        (#"{"age": 34} x"#, "unexpected 'x' after the end of the JSON value"),
        (#"{"age": 34"#, "expected ',' or '}' after a value, found the end of the text"),
        ("", "there is nothing here; expected a JSON object"),
        (#"{"subtype": "\ud800"}"#, "is half of a character (a lone surrogate)"),
        (#"{"subtype": "\x41"}"#, "is not a JSON escape"),
        ("{\"subtype\": \"a\tb\"}", #"a control character (\t) inside text must be written as an escape"#),
        (#"{"subtype": "\u001b[31mred"}"#, #"subtype: '\e[31mred' is not one of the choices"#),
        (#"{"age\u001b": 3}"#, #"unknown field 'age\e'"#),
        (#"{"age": 1, "x": 2}"#, "unknown field 'x'; allowed fields: age, subtype"),
        (#"{"age": true}"#, "age: must be a number without quotes, not true"),
        (#"{"therapies": [3]}"#, "therapies: each item must be a therapy id in quotes, not 3"),
        (#"{"therapies": null, "age": 30, "yearsSinceDiagnosis": 31}"#, "yearsSinceDiagnosis: 31 years since diagnosis is more than the age given (30)"),
        (String(repeating: "[", count: 100_000), "lists and objects are nested more than 64 deep"),
    ])
    func strictJSON(input: String, message: String) throws {
        let run = try Binary.runBounded(["assess", "--answers", "-"], stdin: input)
        expectOneLine(run, message)
        #expect(run.stderr.hasPrefix("decision-aid assess: "))
    }

    @Test func invalidUTF8IsNamed() throws {
        var bytes = Array(#"{"subtype": ""#.utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(#""}"#.utf8)
        let run = try Binary.run(["assess", "--answers", "-"], stdinBytes: bytes)
        expectOneLine(run, "the text is not valid UTF-8")
    }

    @Test func numbersThatAreExactlyWholeAreTaken() throws {
        let run = try Binary.run(["assess", "--answers", "-", "--format", "json"], stdin: #"{"age": 3.4e1, "edss": 65e-1, "relapsesLast12Months": 2.0}"#)
        #expect(run.status == 0, "\(run.stderr)")
        let answers = try json(run.stdout)["answers"] as? [String: Any]
        #expect(answers?["age"] as? Int == 34)
        #expect(answers?["edss"] as? Double == 6.5)
        #expect(answers?["relapsesLast12Months"] as? Int == 2)
    }

    @Test func answersOver1MBStopReading() throws {
        let big = "{\"subtype\": \"" + String(repeating: "a", count: (1 << 20) + 10) + "\"}"
        expectOneLine(try Binary.runBounded(["assess", "--answers", "-"], stdin: big), "--answers: standard input holds more than 1 MB, so reading stopped")
    }

    /// /dev/zero never ends: reading must stop at 1 MB, quickly and without
    /// growing memory. The child's peak memory is measured (wait4) under a
    /// 400 MB limit, and a watchdog kills a regression that reads forever.
    @Test func devZeroStopsAt1MB() throws {
        let start = Date()
        let (run, peak) = try Binary.runMeasuringMemory(["assess", "--answers", "/dev/zero"], stdinPath: "/dev/null")
        expectOneLine(run, "--answers: '/dev/zero' holds more than 1 MB, so reading stopped")
        #expect(Date().timeIntervalSince(start) < 10)
        let (piped, pipedPeak) = try Binary.runMeasuringMemory(["assess", "--answers", "-"], stdinPath: "/dev/zero")
        expectOneLine(piped, "--answers: standard input holds more than 1 MB, so reading stopped")
        // A child's ru_maxrss starts from this (large) test process's size at the
        // spawn, so compare with a child that reads nothing: reading without a
        // limit grew by hundreds of MB a second (and hits the 400 MB limit).
        let (_, control) = try Binary.runMeasuringMemory(["--version"], stdinPath: "/dev/null")
        #expect(peak - control < 40_000, "reading /dev/zero took \(peak) KB, --version \(control) KB")
        #expect(pipedPeak - control < 40_000, "reading standard input took \(pipedPeak) KB, --version \(control) KB")
    }

    @Test func anAnswersFolderIsBadInput() throws {
        expectOneLine(try Binary.runBounded(["assess", "--answers", "/"]), "--answers: '/' is a folder; give a JSON file, or - for standard input")
    }
}
