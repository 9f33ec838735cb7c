import Foundation
import Testing

/// A seeded fuzz of `assess` with bad input: random flags, values and JSON
/// mutations against the real binary. It fails on a crash, an exit status
/// outside the contract {0, 2, 74}, a raw control character in a message, a
/// bad value answered with more (or less) than one stderr line, or anything
/// on stderr after a success.
///
/// FUZZ_RUNS (default 150) and FUZZ_SEED (default 13) change the run;
/// FUZZ_LOG names a file that gets one line per try. scripts/fuzz-assess
/// runs it long and prints what it tried and found.
@Suite struct AssessFuzzTests {
    @Test func badInputKeepsTheContract() throws {
        let environment = ProcessInfo.processInfo.environment
        let runs = environment["FUZZ_RUNS"].flatMap { Int($0) } ?? 150
        let seed = environment["FUZZ_SEED"].flatMap { UInt64($0) } ?? 13
        let log = environment["FUZZ_LOG"].flatMap { FileHandle(forWritingAtPath: $0) }
        defer { try? log?.close() }
        var generator = FuzzInput(seed: seed)
        var statuses: [Int32: Int] = [:]
        var problems: [String] = []
        for index in 0..<runs {
            let input = generator.next()
            let run = try Binary.run(input.arguments, stdinBytes: Array(input.stdin.utf8), timeout: 20)
            statuses[run.status, default: 0] += 1
            let found = FuzzInput.contractProblems(run)
            let tried = "#\(index) seed \(seed): status \(run.status): \(input.described)"
            log?.write(Data((tried + (found.isEmpty ? "" : "  PROBLEM: " + found.joined(separator: "; ")) + "\n").utf8))
            if !found.isEmpty {
                problems.append("\(tried)\n  \(found.joined(separator: "; "))\n  stderr: \(run.stderr.prefix(300).debugDescription)")
            }
        }
        log?.write(Data("runs \(runs), seed \(seed), statuses \(statuses.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")), problems \(problems.count)\n".utf8))
        #expect(problems.isEmpty, "\(problems.count) of \(runs) runs broke the contract:\n\(problems.prefix(10).joined(separator: "\n"))")
        // The fuzz must reach both sides of the contract, or it tests nothing.
        #expect(statuses[2, default: 0] > runs / 4, "\(statuses)")
        #expect(statuses[0, default: 0] > 0, "\(statuses)")
    }
}

/// One random try: arguments for `assess`, and maybe JSON on standard input.
struct FuzzInput {
    var arguments: [String] = ["assess"]
    var stdin = ""

    var described: String {
        let args = arguments.map { $0.debugDescription.count > 82 ? String($0.debugDescription.prefix(80)) + "…\"" : $0.debugDescription }.joined(separator: " ")
        return stdin.isEmpty ? args : args + " <<< " + (stdin.count > 200 ? String(stdin.debugDescription.prefix(200)) + "…" : stdin.debugDescription)
    }

    /// What is wrong with a run, by the contract.
    static func contractProblems(_ run: Run) -> [String] {
        var found: [String] = []
        if run.crashed { found.append("crashed") }
        if run.status == 124 { found.append("timed out") }
        if ![0, 2, 74].contains(run.status) { found.append("exit status \(run.status) outside {0, 2, 74}") }
        if run.stderr.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }) {
            found.append("raw control character on stderr")
        }
        if run.status == 2 {
            if run.stderrLines.count != 1 { found.append("\(run.stderrLines.count) stderr lines for a bad value") }
            if !run.stdout.isEmpty { found.append("output on stdout after bad input") }
            if !run.stderr.hasPrefix("decision-aid") { found.append("message does not name the command") }
            if run.stderr.count > 1_000 { found.append("a \(run.stderr.count)-character message") }
        }
        if run.status == 0 && !run.stderr.isEmpty { found.append("stderr after success") }
        return found
    }

    // MARK: Generating

    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    /// SplitMix64: the same seed gives the same tries on every machine.
    mutating func random() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(random() % UInt64(n)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    static let valueFlags = ["--age", "--subtype", "--relapses-last-12-months", "--new-mri-activity-last-12-months", "--walking",
                             "--edss", "--disability-from-recent-relapse", "--years-since-diagnosis", "--therapy",
                             "--active-on-treatment", "--format", "--answers"]
    static let plainFlags = ["--high-efficacy-contraindicated", "--no-high-efficacy-contraindicated", "--serious-comorbidity",
                             "--no-serious-comorbidity", "--help"]
    static let goodValues = ["34", "0", "1", "120", "50", "3.5", "6.0", "10", "relapsing-remitting", "unsure", "yes", "no",
                             "unknown", "limited", "one-sided-aid", "natalizumab", "none", "json", "text", "markdown", "true"]
    static let badValues = ["-1", "-0", "+5", "1e3", "0x1.8p1", "0x22", "inf", "-inf", "nan", "1e-400", "1e400", "99999999999999999999",
                            "3,5", "٣", "", " ", "--", "-", "--age", "-h", "x", "\u{1b}[31m", "\u{1b}]0;title\u{07}", "a\nb", "\u{202e}evil",
                            "\u{7f}", "\u{9b}2J", "é", "😀", "null", "[]", "{}", "/", "/dev/null", "/nonexistent", "'34'", "34 ", "\t34",
                            "6.3", "10.5", "120.0", "0.", ".5"]

    mutating func value() -> String {
        switch below(10) {
        case 0...3: return pick(Self.goodValues)
        case 4...7: return pick(Self.badValues)
        case 8: return String(repeating: pick(["a", "9", "\u{1b}", "é", "-"]), count: pick([61, 500, 5_000]))
        default: return String((0..<below(8)).map { _ in Character(Unicode.Scalar(UInt8(below(128)))) })
        }
    }

    mutating func flagName() -> String {
        let name = chance(80) ? pick(Self.valueFlags + Self.plainFlags) : pick(["--agee", "--Age", "--age-", "-age", "--sub", "--therapies",
                                                                                 "--no-age", "--format-json", "---age", "--", "-x", "--edss="])
        return name
    }

    mutating func next() -> FuzzInput {
        var input = FuzzInput(seed: 0)
        input.arguments = chance(5) ? [pick(["asess", "assess2", "ASSESS", "rules", "help"])] : ["assess"]
        let withJSON = chance(40)
        for _ in 0..<below(5) {
            let flag = flagName()
            if flag == "--answers" { continue }
            if Self.plainFlags.contains(flag) && chance(85) {
                if flag != "--help" { input.arguments.append(flag) }
                continue
            }
            switch below(6) {
            case 0: input.arguments.append(flag + "=" + value())
            case 1: input.arguments.append(flag)  // a value may be missing
            case 2: input.arguments += [flag, value(), flag, value()]  // given twice
            default: input.arguments += [flag, value()]
            }
        }
        if chance(5) { input.arguments.append(value()) }  // a stray word
        if withJSON {
            input.arguments += ["--answers", "-"]
            input.stdin = json()
        } else if chance(10) {
            input.arguments += ["--answers", pick(["/", "/dev/null", "/nonexistent", "-", ""])]
        }
        if chance(30) { input.arguments += ["--format", pick(["json", "text", "markdown"])] }
        input.state = 0
        return input
    }

    static let validJSON = #"{"age": 34, "subtype": "relapsing-remitting", "relapsesLast12Months": 2, "newMRIActivityLast12Months": "yes", "walking": "unlimited", "edss": 2.5, "yearsSinceDiagnosis": 4, "therapies": ["ocrelizumab"], "activeOnTreatment": "yes", "highEfficacyContraindicated": false, "seriousComorbidity": false}"#

    mutating func json() -> String {
        var text = Array(Self.validJSON)
        let tokens = ["0x1.8p1", "1e-400", "1e400", "-0", "NaN", "Infinity", "01", "+1", ".5", "1.", "true", "null", "\"\\u001b[31m\"",
                      "\"\\ud800\"", "\"\\x41\"", "[", "]", "{", "}", ",", ":", "\"", "\\", "\u{1b}", "\n", "\"age\": 35,", "'x'", "[[[[[[[["]
        for _ in 0..<(1 + below(3)) {
            guard !text.isEmpty else { break }
            let at = below(text.count)
            switch below(6) {
            case 0: text.remove(at: at)
            case 1: text.insert(contentsOf: Array(pick(tokens)), at: at)
            case 2: text.replaceSubrange(at..<min(text.count, at + 1 + below(6)), with: Array(pick(tokens)))
            case 3: text = Array(text.prefix(at))
            case 4:
                // A key given twice, with another value.
                if let brace = text.lastIndex(of: "}") { text.insert(contentsOf: Array(", \"age\": \(pick(["35", "34", "-1", "\"x\""]))"), at: brace) }
            default:
                // A trailing comma.
                if let brace = text.lastIndex(of: pick(["}", "]"])) { text.insert(",", at: brace) }
            }
        }
        return String(text)
    }
}
