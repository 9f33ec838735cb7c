import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The kiosk as a stranger at a clinic terminal meets it: the real binary
/// with --kiosk in tmux, TERM=linux as on the text console.
@Suite(.serialized, .enabled(if: Tmux.unavailableReason == nil, "needs tmux and a built binary"))
struct KioskEndToEndTests {
    /// Characters the Linux console fonts lack, which the aid uses elsewhere.
    static let notOnTheConsole: [Character] = ["✓", "⚠", "○", "□", "▼", "▲", "›", "↑", "↓", "←", "→"]

    /// The program still runs and shows the aid (or asks for a bigger window).
    static func expectStillThere(_ tmux: Tmux, _ attempt: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try tmux.exitCode(timeout: 0.4) == nil, "the aid ended after: \(attempt)", sourceLocation: sourceLocation)
        let screen = try tmux.screen()
        #expect(screen.contains("AHSCT decision aid") || screen.contains("Please make this window"),
                "after \(attempt) the screen is:\n\(screen)", sourceLocation: sourceLocation)
        for glyph in notOnTheConsole {
            #expect(!screen.contains(glyph), "\(glyph) on the console after \(attempt)", sourceLocation: sourceLocation)
        }
    }

    /// Says n to a "Start over?" question if one is showing.
    static func stay(_ tmux: Tmux) throws {
        if try tmux.screen().contains("Start over?") {
            try tmux.send("n")
            try tmux.waitFor("AHSCT decision aid")
        }
    }

    static func toAge(_ tmux: Tmux) throws {
        try tmux.waitFor("Welcome")
        try tmux.send("Enter")
        try tmux.waitFor("Before you start")
        try tmux.send("Enter")
        try tmux.waitFor("How old are you?")
    }

    @Test func twentyFiveWaysOutAllFail() throws {
        let tmux = try Tmux(arguments: ["--kiosk"], width: 80, height: 24, term: "linux", lang: "C.UTF-8")
        defer { tmux.close() }
        try tmux.waitFor("Welcome")
        var attempts = 0
        func attempt(_ name: String, _ action: () throws -> Void) throws {
            try action()
            usleep(300_000)
            try Self.expectStillThere(tmux, name)
            try Self.stay(tmux)
            attempts += 1
        }
        // On Welcome, before anything is answered.
        try attempt("q on Welcome") {
            try tmux.send("q")
            try tmux.waitFor("Start over?")
        }
        try attempt("Esc on Welcome") {
            try tmux.send("Escape")
            try tmux.waitFor("Start over?")
        }
        try attempt("Ctrl-C on Welcome, then y") {
            try tmux.send("C-c")
            try tmux.waitFor("Start over?")
            try tmux.send("y")
            try tmux.waitFor("Welcome")
        }
        try attempt("Ctrl-D") { try tmux.send("C-d") }
        try attempt("Ctrl-Z") { try tmux.send("C-z") }
        try attempt("Ctrl-\\") { try tmux.send("C-\\") }
        try attempt("Ctrl-S and Ctrl-Q") { try tmux.send("C-s", "C-q") }
        try attempt("Alt-x, Alt-q, Alt-F4") { try tmux.send("M-x", "M-q", "M-F4") }
        try attempt("F2 to F12") { for n in 2...12 { try tmux.send("F\(n)") } }
        try attempt("SIGINT, SIGQUIT, SIGTSTP to the process") {
            let pid = try tmux.programPID()
            for sig in [SIGINT, SIGQUIT, SIGTSTP] { kill(pid, sig) }
        }
        // While typing the first answer.
        try attempt("q while typing the age") {
            try Self.toAge(tmux)
            try tmux.type("3")
            try tmux.send("q")
        }
        try attempt("Ctrl-C while typing") {
            try tmux.send("C-c")
            try tmux.waitFor("Start over?")
        }
        try attempt("exit typed as an answer") {
            try tmux.type("exit")
            try tmux.send("Enter")
        }
        try attempt("a long paste") {
            try tmux.type(String(repeating: "q\u{1B}\u{03}\u{04}sh -i; exit\r", count: 400))
        }
        try attempt("a bracketed paste of \\n/bin/sh\\n") {
            try tmux.sendBytes(Array("\u{1B}[200~\n/bin/sh\n\u{1B}[201~".utf8))
        }
        try attempt("a raw EOT and NUL") { try tmux.sendBytes([0x04, 0x00, 0x1A, 0x1C]) }
        try attempt("mouse clicks outside the screen") {
            try tmux.sendBytes(Array("\u{1B}[<0;250;120M\u{1B}[<0;250;120m\u{1B}[<0;0;0M\u{1B}[M \u{FF}\u{FF}".utf8))
        }
        try attempt("resize tiny during the Start over question") {
            try tmux.send("C-c")
            try tmux.waitFor("Start over?")
            try tmux.resize(width: 12, height: 4)
            usleep(300_000)
            try tmux.send("C-c", "Escape", "q")
            try tmux.resize(width: 80, height: 24)
            try tmux.waitFor("AHSCT decision aid")
        }
        try attempt("Ctrl-C on the too-small screen") {
            try tmux.resize(width: 30, height: 8)
            try tmux.waitFor("Please make this window")
            try tmux.waitFor("Ctrl-C starts over.")
            try tmux.send("C-c")
            try tmux.resize(width: 80, height: 24)
            try tmux.waitFor("AHSCT decision aid")
        }
        // On the results.
        try attempt("to the results, s there") {
            try tmux.send("C-c")
            try tmux.waitFor("Start over?")
            try tmux.send("y")
            try KeyInputTests.walkOlderPersonToResults(tmux)
            try tmux.send("9")
            try tmux.waitFor("Finish (")
            try tmux.send("s")
            #expect(!(try tmux.screen()).contains("file name"))
        }
        try attempt("p without a printer") {
            try tmux.send("p")
            #expect(!(try tmux.screen()).contains("Print your summary?"))
        }
        try attempt("q on the results") {
            try tmux.send("q")
            try tmux.waitFor("Start over?")
        }
        try attempt("Esc and Backspace many times") { for _ in 0..<6 { try tmux.send("Escape", "BSpace") } }
        try attempt("help, then Ctrl-C") {
            try tmux.send("F1")
            try tmux.waitFor("Keys on this screen")
            #expect(!(try tmux.screen()).contains("quit"))
            try tmux.send("C-c")
        }
        try attempt("SIGPIPE and SIGXFSZ to the process") {
            let pid = try tmux.programPID()
            for sig in [SIGPIPE, SIGXFSZ] { kill(pid, sig) }
        }
        #expect(attempts >= 20)
        // And the clean way out is still there for the service: SIGTERM.
        try tmux.kill(signal: SIGTERM)
        #expect(try tmux.exitCode() == 128 + Int(SIGTERM))
        let stty = try tmux.stty()
        #expect(stty.contains(" icanon") && stty.contains(" echo "), "\(stty)")
    }

    /// After the idle time: Welcome again, and no earlier answer on screen,
    /// in the scrollback, or reachable by any key.
    @Test func idleWipeForgetsEverything() throws {
        let tmux = try Tmux(arguments: ["--kiosk", "--idle-timeout", "6"], width: 80, height: 24, term: "linux", lang: "C.UTF-8")
        defer { tmux.close() }
        try Self.toAge(tmux)
        try tmux.type("57")
        try tmux.send("Enter")
        try tmux.waitFor("Which type of MS")
        try tmux.send("3", "Enter")
        try tmux.waitFor("How many relapses")
        try tmux.type("8")
        // The countdown for the last third (2 s), then a key keeps everything.
        try tmux.waitFor("Still there? Press any key to keep going.", timeout: 8)
        try tmux.send("Right")
        // The question was under the countdown all along: wait for the countdown to go.
        try tmux.waitForGone("Still there?")
        #expect(try tmux.screen().contains("How many relapses"))
        #expect(try tmux.screen().contains("8"))
        // Left alone: wiped.
        try tmux.waitFor("Still there?", timeout: 8)
        try tmux.waitFor("Welcome", timeout: 5)
        #expect(try tmux.exitCode(timeout: 0.2) == nil)
        let history = try tmux.history()
        #expect(!history.contains("57") && !history.contains("Primary progressive") && !history.contains("How many relapses"),
                "earlier answers in the scrollback:\n\(history)")
        // No key reaches them.
        for key in ["BSpace", "Escape", "Left", "Tab", "9", "End"] { try tmux.send(key) }
        try Self.stay(tmux)
        try tmux.waitFor("Welcome")
        try tmux.send("Enter")
        try tmux.waitFor("Before you start")
        try tmux.send("Enter")
        try tmux.waitFor("How old are you?")
        #expect(!(try tmux.screen()).contains("57"))
        try tmux.send("BSpace")
        try tmux.waitFor("Before you start")
        try tmux.send("Enter")
        try tmux.waitFor("How old are you?")
        try tmux.type("40")
        try tmux.send("Enter")
        try tmux.waitFor("Which type of MS")
        // The type question has no earlier answer highlighted: the first choice is.
        #expect(try tmux.screen().contains("> 1 ( ) Relapsing"))
        try tmux.kill(signal: SIGTERM)
        #expect(try tmux.exitCode() == 128 + Int(SIGTERM))
    }

    /// The whole kiosk walk, printing to a fake lp, under strace -f: no file
    /// is opened for writing (or created, renamed, removed) except the
    /// terminal; lp gets the text through a pipe, which is not opened by name.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/strace"),
                   "strace is not installed and could not be (.ci/run installs it with apt)"))
    func nothingIsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-strace-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A fake lp that reads the summary and writes nothing but its answer.
        let lp = folder.appendingPathComponent("lp")
        try "#!/bin/sh\nn=0\nwhile IFS= read -r line; do n=$((n+1)); done\necho \"request id is $2-1 ($n lines; args: $*)\"\n"
            .write(to: lp, atomically: true, encoding: .utf8)
        chmod(lp.path, 0o755)
        let log = folder.appendingPathComponent("strace.log").path
        let calls = "open,openat,openat2,creat,truncate,ftruncate,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat,link,linkat,symlink,symlinkat,mknod,mknodat,memfd_create"
        let tmux = try Tmux(binary: "/usr/bin/strace",
                            arguments: ["-f", "-qq", "-o", log, "-e", "trace=\(calls)", Tmux.binaryPath!, "--kiosk", "--printer", "clinic-desk"],
                            width: 100, height: 30, term: "linux", lang: "C.UTF-8",
                            environment: ["PATH": "\(folder.path):/usr/bin:/bin"])
        defer { tmux.close() }
        try KeyInputTests.walkOlderPersonToResults(tmux)
        try tmux.send("6")
        try tmux.waitFor("What matters (")
        try tmux.send("3", "Down", "Enter")
        try tmux.send("Tab", "Tab", "Tab")      // digits rate here
        try tmux.waitFor("Finish (")
        try tmux.send("s")
        try tmux.send("p")
        try tmux.waitFor("clinic-desk", timeout: 10)
        try tmux.send("y")
        try tmux.waitFor("request id is clinic-desk-1", timeout: 15)
        #expect(try tmux.screen().contains("-d clinic-desk"))
        // One job per person.
        try tmux.send("Down", "p")
        #expect(!(try tmux.screen()).contains("Print your summary?"))
        try tmux.send("d")
        try tmux.waitFor("Start over?")
        try tmux.send("y")
        try tmux.waitFor("Welcome")
        // SIGTERM to the aid itself (strace's child), as systemd would stop it.
        let stracePID = try tmux.programPID()
        let children = try String(contentsOfFile: "/proc/\(stracePID)/task/\(stracePID)/children", encoding: .utf8)
        let aid = try #require(children.split(separator: " ").compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }.first)
        kill(aid, SIGTERM)
        #expect(try tmux.exitCode(timeout: 10) == 128 + Int(SIGTERM))

        let trace = try String(contentsOfFile: log, encoding: .utf8)
        let lines = trace.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("/dev/") || $0.contains("libc") }, "strace recorded nothing:\n\(trace.prefix(2000))")
        var writes: [String] = []
        for line in lines where !line.contains("= -1 ") && !line.contains("<unfinished") {
            let opensForWriting = ["O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND"].contains { line.contains($0) }
            let isOpen = line.contains(" open(") || line.contains(" openat(") || line.contains(" openat2(")
            let changesFiles = !isOpen && !line.contains("+++") && !line.contains("---") && !line.contains("resumed>")
            if (isOpen && opensForWriting) || changesFiles {
                let terminal = line.contains("\"/dev/pts/") || line.contains("\"/dev/tty\"")
                if !terminal { writes.append(line) }
            }
        }
        #expect(writes.isEmpty, "written outside the terminal:\n\(writes.joined(separator: "\n"))")
    }
}
