import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A seeded random-key and resize fuzz of the real binary in tmux: keys in
/// both cursor-key modes, pastes, UTF-8 and invalid bytes, mouse reports and
/// garbage, and resizes from 1×1 to 300×100. It fails on a crash (any exit
/// but a normal quit, which the fuzz can type; the aid is then started again),
/// on a hang (the aid must redraw for a resize, then show help for F1), and
/// on a terminal left unrestored after SIGTERM at the end.
///
/// FUZZ_KEYS (default 3000), FUZZ_SEED (default fixed) and FUZZ_SECONDS (the
/// time for sending keys, default 40) set a run; scripts/fuzz-screen runs a
/// long one. The run prints what it tried and what it found.
@Suite(.enabled(if: Tmux.unavailableReason == nil, "needs tmux and a built binary"))
struct ScreenFuzzTests {
    @Test func randomKeysPastesAndResizes() throws {
        let environment = ProcessInfo.processInfo.environment
        let keyCount = environment["FUZZ_KEYS"].flatMap(Int.init) ?? 3000
        let seed = environment["FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_128
        let budget = environment["FUZZ_SECONDS"].flatMap(Double.init) ?? 40

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("decision-aid-fuzz-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A fake lp (quick, sometimes slow), and a home and current folder of
        // its own, so a typed save or print touches nothing real.
        let lp = folder.appendingPathComponent("lp").path
        try "#!/bin/sh\ncat > /dev/null\n[ $(( $$ % 3 )) = 0 ] && sleep 1\necho 'request id is fuzz-1'\n"
            .write(toFile: lp, atomically: true, encoding: .utf8)
        chmod(lp, 0o755)

        var fuzz = KeyFuzzer(seed: seed)
        let tmux = try Tmux(width: 80, height: 24, term: "xterm-256color", lang: "C.UTF-8",
                            environment: ["PATH": folder.path + ":/usr/bin:/bin", "HOME": folder.path],
                            directory: folder.path, restartUntilStopped: true)
        defer { tmux.close() }
        try tmux.waitFor("Welcome")

        let started = Date()
        var sent = 0, probes = 0, slowestProbe = 0.0
        var recent: [String] = []                 // the last actions, to reproduce a failure
        func remember(_ action: String) {
            recent.append(action)
            if recent.count > 40 { recent.removeFirst() }
        }
        func failure(_ what: String) -> String {
            "\(what) (seed \(seed), after \(sent) keys); last actions:\n" + recent.joined(separator: "\n")
        }
        /// The aid must still answer: a resize to a too-small size is redrawn.
        func probe() throws {
            let size = (width: 40 + probes % 7, height: 12)
            let asked = Date()
            try tmux.resize(width: size.width, height: size.height)
            do {
                try tmux.waitFor("It is \(size.width) x \(size.height)", timeout: 10)
            } catch {
                Issue.record(Comment(rawValue: failure("no redraw for a resize: \(error)")))
                throw error
            }
            slowestProbe = max(slowestProbe, Date().timeIntervalSince(asked))
            probes += 1
        }

        var current = (width: 80, height: 24)
        while sent < keyCount && Date().timeIntervalSince(started) < budget {
            let action = fuzz.nextAction()
            do {
            switch action {
            case .bytes(let bytes, let label, let keys):
                try tmux.sendBytes(bytes)
                sent += keys
                remember("\(label): \(bytes.prefix(24).map { String(format: "%02x", $0) }.joined(separator: " "))\(bytes.count > 24 ? " … (\(bytes.count) bytes)" : "")")
            case .resize(let width, let height):
                try tmux.resize(width: width, height: height)
                current = (width, height)
                remember("resize \(width)x\(height)")
            case .pause(let milliseconds):
                usleep(UInt32(milliseconds) * 1000)
            }
            } catch {
                Issue.record(Comment(rawValue: failure("tmux failed: \(error)")))
                throw error
            }
            if fuzz.actions % 150 == 0 {
                let statuses = tmux.exitStatuses()
                if let bad = statuses.first(where: { $0 != 0 }) {
                    Issue.record(Comment(rawValue: failure("the aid ended with status \(bad)")))
                    return
                }
                try probe()
                try tmux.resize(width: current.width, height: current.height)
            }
        }
        let sending = Date().timeIntervalSince(started)

        // Still answering: a redraw for a resize, then help for F1 (Escape
        // first leaves a text field or a dialog; and Escape closes help itself).
        try probe()
        try tmux.resize(width: 80, height: 24)
        var helped = false
        for _ in 0..<8 where !helped {
            if try tmux.screen().contains("Ctrl-C: quit from anywhere") {
                try tmux.send("Escape")                 // Space scrolls the help; Escape closes it
                usleep(200_000)
                continue
            }
            try tmux.send("F1")
            if (try? tmux.waitFor("Ctrl-C: quit from anywhere", timeout: 1.5)) != nil { helped = true; break }
            try tmux.send("Escape")
            usleep(100_000)
        }
        #expect(helped, Comment(rawValue: failure("F1 never showed help after the fuzz; screen:\n\((try? tmux.screen()) ?? "")")))

        let statuses = tmux.exitStatuses()
        #expect(statuses.allSatisfy { $0 == 0 }, Comment(rawValue: failure("the aid ended with statuses \(statuses)")))

        // And SIGTERM still restores the terminal.
        tmux.stopRestarting()
        try tmux.kill(signal: SIGTERM)
        // The status from the log: typed-ahead bytes the aid never read are echoed
        // after "EXIT=" once the terminal is back in cooked mode.
        _ = try tmux.exitCode(timeout: 5)
        let code = tmux.exitStatuses().last
        #expect(code == 143, Comment(rawValue: failure("after SIGTERM: exit \(code.map(String.init) ?? "none"), statuses \(tmux.exitStatuses()); screen:\n\((try? tmux.screen()) ?? "")")))
        try SignalTests.expectRestored(tmux)

        print("""
            fuzz-screen: seed \(seed): \(sent) keys and \(fuzz.pasted) pasted characters in \(fuzz.actions) actions over \(String(format: "%.1f", sending)) s
              tried: \(fuzz.counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
              sizes from \(fuzz.smallest.width)x\(fuzz.smallest.height) to \(fuzz.largest.width)x\(fuzz.largest.height); \(statuses.count) quits typed by the fuzz (restarted)
              found: \(statuses.allSatisfy { $0 == 0 } && helped ? "no crash, no hang" : "PROBLEMS (see above)"); \(probes) resize probes answered, slowest in \(String(format: "%.2f", slowestProbe)) s
            """)
    }
}

/// Random input for the aid, the same for the same seed.
struct KeyFuzzer {
    enum Action {
        /// Bytes for the terminal, what they are, and how many keys they count as.
        case bytes([UInt8], label: String, keys: Int)
        case resize(width: Int, height: Int)
        case pause(milliseconds: Int)
    }

    private var random: SplitMix64
    private(set) var actions = 0
    /// Characters sent in pastes (not counted as keys).
    private(set) var pasted = 0
    private(set) var counts: [String: Int] = [:]
    private(set) var smallest = (width: 80, height: 24)
    private(set) var largest = (width: 80, height: 24)

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private mutating func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
    private mutating func pick<T>(_ items: [T]) -> T { items[pick(items.count)] }

    /// No q: quitting is left to the "useful" keys, so runs get further in.
    static let letters = Array("abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPRSTUVWXYZ0123456789 ?.,-/~!@#$%^&*()_+=[]{};:'\"<>|`".utf8)
    /// Keys the aid uses, more often than chance would pick them.
    static let useful = Array("0123456789ynspqa? jkhl".utf8)
    static let sequences: [String] = [
        "[A", "[B", "[C", "[D", "OA", "OB", "OC", "OD", "[H", "[F", "OH", "OF", "[1~", "[4~", "[7~", "[8~",
        "[2~", "[3~", "[5~", "[6~", "[Z", "OP", "OQ", "OR", "OS", "[15~", "[17~", "[24~", "[1;5A", "[1;2B",
        "[[A", "[[E", "OM", "Op", "Ox", "[I", "[O", "[200~", "[201~",
    ]
    static let characters = ["é", "ü", "ß", "✓", "漢", "😀", "e\u{301}", "\u{200B}", "Ω", "ﬁ"]

    /// From the welcome screen, a whole walk to the results (an older person
    /// with primary progressive MS), so the fuzz also reaches the deciding
    /// pages, printing and saving. From anywhere else, just more keys.
    /// (The keys of KeyInputTests.walkOlderPersonToResults.)
    /// A digit highlights a choice and Enter takes it; no key follows itself
    /// (a quick repeat of a key that changed the screen is taken as a bounce).
    static let walk = Array("\rz\r62\r3\r0\r2\r5\r2\r20\r1 \r2\r2\r\u{1B}[F\r".utf8)

    mutating func nextAction() -> Action {
        actions += 1
        // The extremes first, so every run has them.
        if actions == 5 { return count("resizes", resize(1, 1)) }
        if actions == 10 { return count("resizes", resize(300, 100)) }
        let roll = pick(100)
        switch roll {
        case 0..<3:
            return count("walks to the results", .bytes(KeyFuzzer.walk, label: "walk", keys: 15))
        case 3..<30:
            let bytes = (0..<1 + pick(8)).map { _ in pick(KeyFuzzer.letters) }
            return count("letters", .bytes(bytes, label: "letters", keys: bytes.count))
        case 30..<45:
            let bytes = (0..<1 + pick(6)).map { _ in pick(KeyFuzzer.useful) }
            return count("useful keys", .bytes(bytes, label: "useful keys", keys: bytes.count))
        case 45..<55:
            let keys: [[UInt8]] = [[0x0D], [0x09], [0x7F], [0x08], [0x1B], [0x03], [0x0A], [0x00], [0x1C], [0x1A]]
            let key = pick(keys)
            return count("control keys", .bytes(key, label: "control", keys: 1))
        case 55..<70:
            let sequence = [0x1B] + Array(pick(KeyFuzzer.sequences).utf8)
            return count("escape sequences", .bytes(sequence, label: "sequence", keys: 1))
        case 70..<75:
            let text = (0..<1 + pick(4)).map { _ in pick(KeyFuzzer.characters) }.joined()
            return count("UTF-8 characters", .bytes(Array(text.utf8), label: "UTF-8", keys: text.count))
        case 75..<80:
            let bytes = (0..<1 + pick(4)).map { _ in UInt8(0x80 + pick(128)) }
            return count("invalid bytes", .bytes(bytes, label: "invalid", keys: bytes.count))
        case 80..<86:
            return count("mouse reports", .bytes(mouse(), label: "mouse", keys: 1))
        case 86..<89:
            // Escape then noise: half sequences, cut-off reports, random bytes.
            let bytes = [0x1B] + (0..<pick(10)).map { _ in UInt8(pick(256)) }
            return count("escape garbage", .bytes(bytes, label: "garbage", keys: 1))
        case 89..<91:
            let length = 50 + pick(700)
            let text = (0..<length).map { _ in pick(4) == 0 ? pick(KeyFuzzer.characters) : String(UnicodeScalar(pick(KeyFuzzer.letters))) }.joined()
            pasted += text.count
            return count("pastes", .bytes(Array(text.utf8), label: "paste", keys: 0))
        case 91..<95:
            let sizes = [(1, 1), (300, 100), (1, 100), (300, 1), (2, 3), (59, 17), (60, 18), (80, 24), (100, 30), (132, 40), (200, 60)]
            var size = pick(sizes)
            if pick(3) == 0 { size = (1 + pick(300), 1 + pick(100)) }
            return count("resizes", resize(size.0, size.1))
        default:
            // A pause long enough for a lone ESC to count as Escape.
            return count("pauses", .pause(milliseconds: 30 + pick(40)))
        }
    }

    private mutating func resize(_ width: Int, _ height: Int) -> Action {
        if width * height < smallest.width * smallest.height { smallest = (width, height) }
        if width * height > largest.width * largest.height { largest = (width, height) }
        return .resize(width: width, height: height)
    }

    private mutating func count(_ kind: String, _ action: Action) -> Action {
        counts[kind, default: 0] += 1
        return action
    }

    private mutating func mouse() -> [UInt8] {
        let button = pick([0, 0, 0, 1, 2, 3, 32, 64, 65, 66])
        let x = pick(320), y = pick(110)
        switch pick(4) {
        case 0, 1: return Array("\u{1B}[<\(button);\(x);\(y)\(pick(2) == 0 ? "M" : "m")".utf8)
        case 2: return [0x1B, 0x5B, 0x4D, UInt8(32 + button % 96), UInt8(min(255, 33 + x)), UInt8(min(255, 33 + y))]
        default: return Array("\u{1B}[<".utf8) + (0..<pick(12)).map { _ in pick(Array("0123456789;;Mm<".utf8)) }
        }
    }
}

/// SplitMix64: small, seeded, the same on every machine.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
