// The real binary on a pseudo-terminal this test owns, without tmux in
// between: the test decides when (and whether) the terminal's output is read,
// so it can play a terminal that has stopped reading (a frozen ssh session).
//
//     let pty = try Pty(rows: 60, columns: 200)
//     defer { pty.close() }
//     try pty.readUntil("Welcome")
//     pty.write("?")
//     kill(pty.pid, SIGTERM)
//     let status = pty.waitForExit(timeout: 5)
import Foundation
#if canImport(Glibc)
import Glibc
#endif

final class Pty {
    struct Failure: Error, CustomStringConvertible { let description: String }

    let pid: pid_t
    private let master: Int32
    /// The test's own descriptor for the terminal, to read its settings
    /// (termios belongs to the terminal, not to a process).
    private let slave: Int32
    private var exitStatus: Int32?
    private var closed = false

    /// Starts `binary arguments` with exactly `environment` (plus PATH and HOME)
    /// on a new rows×columns pseudo-terminal, every signal at its default.
    init(binary: String? = nil, arguments: [String] = [], rows: Int = 24, columns: Int = 80,
         environment: [String: String] = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]) throws {
        guard let program = binary ?? Tmux.binaryPath else { throw Failure(description: "decision-aid is not built") }
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw Failure(description: "cannot open /dev/ptmx (errno \(errno))") }
        // TIOCSPTLCK and TIOCGPTN (Linux; Swift cannot import these ioctl macros).
        var unlock: Int32 = 0, number: UInt32 = 0
        guard ioctl(master, UInt(0x4004_5431), &unlock) == 0, ioctl(master, UInt(0x8004_5430), &number) == 0 else {
            Glibc.close(master)
            throw Failure(description: "cannot unlock the pseudo-terminal")
        }
        let path = "/dev/pts/\(number)"
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        slave = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else { Glibc.close(master); throw Failure(description: "cannot open \(path)") }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid, so it becomes the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, path, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
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
        let setsid: Int32 = 0x80                 // POSIX_SPAWN_SETSID (glibc), not imported
        posix_spawnattr_setflags(&attributes, Int16(Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF) | setsid))

        var env = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": NSHomeDirectory()]
        env.merge(environment) { _, new in new }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child = pid_t()
        let spawned = posix_spawn(&child, program, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            Glibc.close(master); Glibc.close(slave)
            throw Failure(description: "cannot start \(program): error \(spawned)")
        }
        pid = child
    }

    deinit { close() }

    func write(_ text: String) { write(Array(text.utf8)) }

    func write(_ bytes: [UInt8]) {
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            done += n
        }
    }

    /// Whatever the program has written, waiting up to `timeout` for the first byte.
    func read(timeout: Double = 0) -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var wait = Int32(timeout * 1000)
        while true {
            var probe = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&probe, 1, wait) > 0, probe.revents & Int16(POLLIN) != 0 else { break }
            let n = Glibc.read(master, &buffer, buffer.count)
            if n <= 0 { break }
            result += buffer[0..<n]
            wait = 0
        }
        return result
    }

    /// Reads until the output so far contains `text`.
    @discardableResult
    func readUntil(_ text: String, timeout: Double = 5) throws -> [UInt8] {
        let deadline = Date().addingTimeInterval(timeout)
        var output: [UInt8] = []
        let wanted = Array(text.utf8)
        while Date() < deadline {
            output += read(timeout: 0.05)
            if output.count >= wanted.count, contains(output, wanted) { return output }
        }
        throw Failure(description: "no \"\(text)\" within \(timeout) s")
    }

    /// The terminal's settings now.
    func termios() -> termios {
        var settings = Glibc.termios()
        tcgetattr(slave, &settings)
        return settings
    }

    /// The process's raw wait status once it has ended, or nil after `timeout`.
    func waitForExit(timeout: Double) -> Int32? {
        if let exitStatus { return exitStatus }
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { exitStatus = status; return status }
            usleep(5_000)
        } while Date() < deadline
        return nil
    }

    /// What the kernel says the process is waiting in ("n_tty_write", "poll_schedule_timeout"...).
    var waitChannel: String {
        (try? String(contentsOfFile: "/proc/\(pid)/wchan", encoding: .utf8)) ?? ""
    }

    /// True while the process sits in a write to the terminal that cannot
    /// go on: by the kernel function it waits in, or by the system call it is in.
    var isBlockedWriting: Bool {
        let channel = waitChannel
        if channel.contains("n_tty_write") || channel.contains("wait_woken") || channel.contains("tty_write") { return true }
        #if arch(x86_64)
        let write = "1"
        #else
        let write = "64"                         // aarch64 and the other generic-syscall architectures
        #endif
        let call = (try? String(contentsOfFile: "/proc/\(pid)/syscall", encoding: .utf8)) ?? ""
        return call.split(separator: " ").first.map(String.init) == write
    }

    func close() {
        guard !closed else { return }
        closed = true
        if waitForExit(timeout: 0) == nil {
            kill(pid, SIGKILL)
            _ = waitForExit(timeout: 5)
        }
        Glibc.close(master)
        Glibc.close(slave)
    }

    /// 143 for "exited with status 143" or "killed by signal 15" alike, as a shell reports.
    static func shellStatus(_ status: Int32) -> Int32 {
        status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<start + needle.count]) == needle { return true }
        }
        return false
    }
}
