// Drives the real decision-aid binary in a real terminal: a tmux server on a
// private socket, a fixed-size window and an explicit environment, so a test
// sees what a person would see. Works from XCTest or Swift Testing:
//
//     let tmux = try Tmux(arguments: ["--kiosk"], term: "linux")
//     defer { tmux.close() }
//     try tmux.waitFor("Welcome")
//     try tmux.send("Down", "Enter")
//     try tmux.type("q")
//     #expect(try tmux.exitCode() == 0)
//     #expect(try tmux.stty().contains(" icanon"))
//
// Skip when unavailable: `@Test(.enabled(if: Tmux.unavailableReason == nil))`
// or `try XCTSkipIf(Tmux.unavailableReason != nil, Tmux.unavailableReason ?? "")`.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

final class Tmux {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Why end-to-end tests cannot run here (no tmux, binary not built), or nil.
    static var unavailableReason: String? {
        if executable("tmux") == nil { return "tmux is not installed (apt-get install tmux)" }
        if binaryPath == nil { return "decision-aid is not built: run `swift build` or set DECISION_AID_BINARY" }
        return nil
    }

    /// DECISION_AID_BINARY, else .build/debug/decision-aid of the package this file is in.
    static var binaryPath: String? {
        if let path = ProcessInfo.processInfo.environment["DECISION_AID_BINARY"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                let path = directory.appendingPathComponent(".build/debug/decision-aid").path
                return FileManager.default.isExecutableFile(atPath: path) ? path : nil
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    let socket = "da-\(getpid())-\(UUID().uuidString.prefix(8))"
    private let workDirectory: URL
    private var socketPath = ""
    private var closed = false

    /// Starts `binary arguments` in a width×height window with exactly this
    /// environment (plus PATH and HOME). NO_COLOR is set only if `noColor`.
    /// `directory` is the program's current folder (default: a new empty one,
    /// removed by close(), so nothing it writes lands in the package).
    /// With `restartUntilStopped`, the program is started again whenever it
    /// ends (each exit status goes to exitStatuses()) until stopRestarting().
    init(binary: String? = nil, arguments: [String] = [], width: Int = 80, height: Int = 24,
         term: String = "xterm-256color", lang: String = "C.UTF-8", noColor: Bool = false,
         environment: [String: String] = [:], directory: String? = nil, restartUntilStopped: Bool = false) throws {
        if let reason = Tmux.unavailableReason, binary == nil { throw Failure(description: reason) }
        guard let program = binary ?? Tmux.binaryPath else { throw Failure(description: "no binary") }
        workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)

        var env = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": NSHomeDirectory(), "TERM": term, "LANG": lang]
        if noColor { env["NO_COLOR"] = "1" }
        env.merge(environment) { _, new in new }
        let envArguments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        // The inner shell records its pid, then becomes the program (exec), so
        // kill(signal:) reaches the program itself. The outer shell prints the
        // exit status and keeps the pane (and its tty) alive for stty().
        let run = (["env", "-i"] + envArguments + [program] + arguments).map(Tmux.quote).joined(separator: " ")
        let inner = "echo $$ > \(Tmux.quote(pidFile.path)); exec \(run)"
        var outer = "sh -c \(Tmux.quote(inner)); echo EXIT=$?; sleep 600"
        if restartUntilStopped {
            let log = Tmux.quote(exitLog.path), stop = Tmux.quote(stopFile.path)
            // Between runs the terminal is in cooked mode, where a typed Ctrl-C,
            // Ctrl-\ or Ctrl-Z would stop the loop itself: it ignores them.
            outer = "trap '' INT QUIT TSTP; while :; do sh -c \(Tmux.quote(inner)); s=$?; echo $s >> \(log); [ -e \(stop) ] && break; done; echo EXIT=$s; sleep 600"
        }
        let folder = directory ?? workDirectory.appendingPathComponent("cwd").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try tmux("start-server", ";", "set-option", "-g", "status", "off", ";",
                 "new-session", "-d", "-s", "main", "-c", folder, "-x", "\(width)", "-y", "\(height)", "sh", "-c", outer)
        socketPath = try tmux("display-message", "-p", "#{socket_path}").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit { close() }

    /// tmux key names, each sent as one key: "Enter", "Down", "C-c", "Escape", "F1", "q".
    /// The same key twice in a row is sent at a person's pace (0.3 s apart):
    /// the aid takes a quicker repeat on a screen that just changed as a bounce.
    func send(_ keys: String...) throws {
        for key in keys {
            if let (last, at) = lastSent, last == key {
                let wait = 0.3 - Date().timeIntervalSince(at)
                if wait > 0 { usleep(useconds_t(wait * 1_000_000)) }
            }
            try tmux(["send-keys", "-t", "main", key])
            lastSent = (key, Date())
        }
    }
    private var lastSent: (String, Date)?

    /// Literal text, typed as is (no key-name lookup).
    func type(_ text: String) throws {
        try tmux("send-keys", "-t", "main", "-l", text)
    }

    /// The visible screen as text, one line per row.
    func screen() throws -> String {
        try tmux("capture-pane", "-p", "-t", "main")
    }

    /// The pane's scrollback and screen together: what a person could scroll back to.
    func history() throws -> String {
        try tmux("capture-pane", "-p", "-S", "-", "-E", "-", "-t", "main")
    }

    /// Polls the screen until it contains `text`; on timeout the error shows the last screen.
    func waitFor(_ text: String, timeout: Double = 5) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = try screen()
            if last.contains(text) { return }
            usleep(50_000)
        } while Date() < deadline
        throw Failure(description: "timed out after \(timeout) s waiting for \"\(text)\"; screen was:\n\(last)")
    }

    /// Polls the screen until `text` is no longer on it.
    func waitForGone(_ text: String, timeout: Double = 5) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = try screen()
            if !last.contains(text) { return }
            usleep(50_000)
        } while Date() < deadline
        throw Failure(description: "timed out after \(timeout) s waiting for \"\(text)\" to go; screen was:\n\(last)")
    }

    /// Resizes the window; the program gets SIGWINCH. resize-window also sets
    /// the window's window-size option to manual, so tmux keeps this size.
    func resize(width: Int, height: Int) throws {
        try tmux("resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)")
    }

    /// The program's exit status once it has ended, or nil if it is still running after `timeout`.
    func exitCode(timeout: Double = 5) throws -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            let text = try screen()
            if let range = text.range(of: "EXIT=") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let code = Int(digits) { return code }
            }
            usleep(50_000)
        } while Date() < deadline
        return nil
    }

    /// `stty -a` of the pane's terminal, read from outside, for checking that the
    /// program left it sane (" icanon", " echo", no "-icanon"/"-echo").
    func stty() throws -> String {
        let tty = try tmux("display-message", "-p", "-t", "main", "#{pane_tty}")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return try Tmux.run("/bin/sh", ["-c", "stty -a < \(Tmux.quote(tty))"])
    }

    /// Runs a shell command with the pane's terminal as its standard input
    /// and output, from outside the program: what a shell would do to the
    /// terminal while the program is stopped.
    func onTerminal(_ command: String) throws {
        let tty = try tmux("display-message", "-p", "-t", "main", "#{pane_tty}")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try Tmux.run("/bin/sh", ["-c", "{ \(command); } < \(Tmux.quote(tty)) > \(Tmux.quote(tty))"])
    }

    /// What the pane's terminal is doing, as tmux tracks it: "alternate_on",
    /// "cursor_flag", "mouse_any_flag", "mouse_standard_flag",
    /// "mouse_button_flag", "mouse_sgr_flag", "keypad_cursor_flag" ("0" or "1").
    func modes() throws -> [String: String] {
        let names = ["alternate_on", "cursor_flag", "mouse_any_flag", "mouse_standard_flag",
                     "mouse_button_flag", "mouse_sgr_flag", "keypad_cursor_flag"]
        let values = try tmux("display-message", "-p", "-t", "main", names.map { "#{\($0)}" }.joined(separator: " "))
            .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").map(String.init)
        return Dictionary(uniqueKeysWithValues: zip(names, values))
    }

    /// Pastes `text` as a terminal does: with the bracketed-paste marks
    /// around it if the program asked for them (tmux paste-buffer -p).
    func paste(_ text: String) throws {
        try tmux("set-buffer", "-b", "test-paste", text)
        try tmux("paste-buffer", "-p", "-d", "-b", "test-paste", "-t", "main")
    }

    /// Raw bytes, typed as they are (send-keys -H): invalid UTF-8, escape sequences, mouse reports.
    func sendBytes(_ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        try tmux(["send-keys", "-t", "main", "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    /// The program's process id (not the wrapping shell's).
    func programPID() throws -> pid_t {
        let text = try String(contentsOf: pidFile, encoding: .utf8)
        guard let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure(description: "no pid recorded yet")
        }
        return pid
    }

    /// Sends a signal (SIGTERM, SIGHUP, ...) to the program's process.
    func kill(signal: Int32) throws {
        let pid = try programPID()
        guard Glibc.kill(pid, signal) == 0 else { throw Failure(description: "kill(\(pid), \(signal)) failed") }
    }

    /// Like an ssh drop: the terminal disappears under the program.
    func hangUp() throws {
        try tmux("kill-session", "-t", "main")
    }

    func close() {
        guard !closed else { return }
        closed = true
        _ = try? tmux("kill-server")
        if !socketPath.isEmpty { unlink(socketPath) }   // tmux leaves the socket file behind
        try? FileManager.default.removeItem(at: workDirectory)
    }

    /// With restartUntilStopped: the exit status of every run that has ended, in order.
    func exitStatuses() -> [Int] {
        ((try? String(contentsOf: exitLog, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { Int($0) }
    }

    /// With restartUntilStopped: the program is not started again after it next ends.
    func stopRestarting() {
        _ = FileManager.default.createFile(atPath: stopFile.path, contents: Data())
    }

    // MARK: Plumbing

    private var pidFile: URL { workDirectory.appendingPathComponent("pid") }
    private var exitLog: URL { workDirectory.appendingPathComponent("exits") }
    private var stopFile: URL { workDirectory.appendingPathComponent("stop") }

    @discardableResult
    private func tmux(_ arguments: String...) throws -> String {
        try tmux(arguments)
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        guard let tmux = Tmux.executable("tmux") else { throw Failure(description: "tmux not found") }
        return try Tmux.run(tmux, ["-L", socket, "-f", "/dev/null"] + arguments)
    }

    /// Runs a command to completion and returns its standard output.
    /// posix_spawn rather than Foundation's Process: the tmux server this may
    /// start inherits the spawner's signal mask and open descriptors, and from a
    /// test runner's thread that left SIGTERM blocked (kill-server did nothing)
    /// and a pipe open (reading the output never ended). Here the child gets an
    /// empty mask, default handlers, no inherited descriptors, and files for output.
    private static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory
        let outPath = directory.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
        let errPath = outPath + ".err"
        defer { unlink(outPath); unlink(errPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Glibc's closefrom action is not visible to Swift; list what is open instead.
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap(Int32.init) where fd > 2 && fcntl(fd, F_GETFD) != -1 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil              // tests may themselves run inside tmux
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure(description: "cannot run \(executable): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}

        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let errors = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")) failed: \(errors)")
        }
        return output
    }

    private static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return (path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"])
            .map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
