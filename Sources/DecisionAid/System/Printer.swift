// Printing the summary with lp, the aid's only child process, without ever
// blocking the screen: Printer.start runs lp on its own thread and reports
// the outcome through a callback (the screen loop turns it into a message).
// Plain POSIX calls, so lp's stdin, signals and time limit are exactly what
// we ask for.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public enum Printer {
    /// Sends `text` to lp on a thread of its own and calls `completion` there
    /// with the outcome, within SummaryFile.printTimeout seconds (lp is
    /// stopped then). Returns at once.
    /// `destination` is passed to lp as `-d DEST`; without it lp picks its
    /// default. Where nothing can be saved (`canSave` false), no message
    /// suggests saving instead.
    public static func start(_ text: String, lpPath: String? = nil, destination: String? = nil, canSave: Bool = true,
                             completion: @escaping @Sendable (PrintOutcome) -> Void) {
        detachThread {
            completion(SummaryFile.print(text, lpPath: lpPath, destination: destination, canSave: canSave))
        }
    }

    /// Runs `body` on a new detached POSIX thread (Foundation's Thread
    /// without Foundation). If no thread can be made, runs it here.
    static func detachThread(_ body: @escaping @Sendable () -> Void) {
        final class Box: @unchecked Sendable {
            let body: @Sendable () -> Void
            init(_ body: @escaping @Sendable () -> Void) { self.body = body }
        }
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { context in
            let box = Unmanaged<Box>.fromOpaque(context!).takeRetainedValue()
            box.body()
            return nil
        }, box)
        if started == 0 {
            pthread_detach(thread)
        } else {
            Unmanaged<Box>.fromOpaque(box).takeRetainedValue().body()
        }
    }
}

extension SummaryFile {
    // MARK: Printing

    /// How long lp may take before the aid gives up on it.
    public static let printTimeout: Double = 20

    static let lpMissing = "Printing needs the lp command, which is not installed. Press s to save instead."

    /// Sends `text` to the default printer with `lp` (found on PATH, or at
    /// `lpPath`), text on stdin, no shell. Closes lp's stdin after writing and
    /// gives up after `timeout` seconds, so it never hangs.
    public static func print(_ text: String, lpPath: String? = nil, destination: String? = nil, canSave: Bool = true) -> PrintOutcome {
        let outcome = print(text, lpPath: lpPath, timeout: printTimeout, destination: destination)
        guard !canSave, case .failed(let message) = outcome else { return outcome }
        return .failed(withoutSaveHint(message))
    }

    /// A failure message for a kiosk, which cannot save: the hint to save
    /// becomes one to ask the staff.
    static func withoutSaveHint(_ message: String) -> String {
        message.replacing(" Press s to save instead.", with: " Please ask the staff for help.")
            .replacing(" Save the summary to a file instead.", with: " Please ask the staff for help.")
            .replacing("; press s to save instead.", with: "; please ask the staff for help.")
    }

    static func print(_ text: String, lpPath: String?, timeout: Double, destination: String? = nil) -> PrintOutcome {
        guard let lp = lpPath ?? findOnPath("lp") else { return .failed(lpMissing) }
        let result: ChildResult
        // lp takes the word after -d as the destination whatever it is; "-" reads stdin.
        let arguments = destination.map { ["-d", $0, "-t", "Decision aid summary", "-"] } ?? []
        switch runChild(lp, arguments: arguments, input: Array(text.utf8), timeout: timeout) {
        case .success(let finished): result = finished
        case .failure(let error):
            let code = error.code
            if code == ENOENT || code == ENOTDIR { return .failed(lpMissing) }
            return .failed("Could not run the lp command at \(lp) (\(describe(code))). Save the summary to a file instead.")
        }
        let said = result.output.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.filter { !$0.isEmpty }.joined(separator: " ")
        if result.timedOut {
            return .failed("The lp command did not finish within \(Int(timeout)) seconds, so printing was stopped. Save the summary to a file instead.")
        }
        guard result.status == 0 else {
            let words = said.isEmpty ? (result.status > 0 ? "it stopped with status \(result.status)" : "it was stopped by a signal") : said
            return .failed("No printer is set up; press s to save instead. lp said: \(words)")
        }
        return .sent(said.isEmpty ? "Sent to the printer." : "Sent to the printer (lp said: \(said))")
    }

    /// The first executable `name` in the folders of $PATH (empty entries,
    /// meaning the current folder, are skipped).
    static func findOnPath(_ name: String) -> String? {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where folder.hasPrefix("/") {
            let candidate = join(String(folder), name)
            var info = stat()
            if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }

    struct ChildResult {
        /// Exit status, or -1 if it ended by a signal.
        var status: Int32
        /// stdout and stderr together, the first 64 KiB.
        var output: String
        var timedOut: Bool
    }

    /// errno from starting a child.
    struct SpawnError: Error { var code: Int32 }

    /// Runs `executable` (no shell) with `input` on its stdin, then closes
    /// stdin; collects stdout and stderr; kills its process group after
    /// `timeout` seconds. Fails with errno if it cannot be started.
    static func runChild(_ executable: String, arguments: [String], input: [UInt8], timeout: Double) -> Result<ChildResult, SpawnError> {
        var toChild: [Int32] = [-1, -1], fromChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0 else { return .failure(SpawnError(code: errno)) }
        guard pipe(&fromChild) == 0 else {
            let code = errno
            close(toChild[0]); close(toChild[1])
            return .failure(SpawnError(code: code))
        }
        // Close-on-exec, so no other child inherits them (the dup2s below are not).
        for fd in toChild + fromChild { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 2)

        // Its own process group (so a timeout ends it and anything it started),
        // every signal at its default and an empty signal mask whatever ours are.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t(), empty = sigset_t()
        sigfillset(&defaults)         // the aid ignores INT, QUIT, TSTP, PIPE and XFSZ; lp must not inherit that
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        close(toChild[0]); close(fromChild[1])
        guard spawned == 0 else {
            close(toChild[1]); close(fromChild[0])
            return .failure(SpawnError(code: spawned))
        }

        // Writing to a child that has gone raises SIGPIPE, which would end the
        // aid. Block it on this thread only, and take back any that came.
        var pipeOnly = sigset_t(), previous = sigset_t()
        sigemptyset(&pipeOnly); sigaddset(&pipeOnly, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeOnly, &previous)
        defer {
            var pending = sigset_t()
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1 {
                var zero = timespec(tv_sec: 0, tv_nsec: 0)
                _ = sigtimedwait(&pipeOnly, nil, &zero)
            }
            pthread_sigmask(SIG_SETMASK, &previous, nil)
        }

        var inputFD: Int32 = toChild[1]
        let outputFD = fromChild[0]
        _ = fcntl(inputFD, F_SETFL, fcntl(inputFD, F_GETFL) | O_NONBLOCK)
        _ = fcntl(outputFD, F_SETFL, fcntl(outputFD, F_GETFL) | O_NONBLOCK)
        if input.isEmpty { close(inputFD); inputFD = -1 }

        let limit = 64 * 1024
        var output: [UInt8] = []
        var written = 0
        var outputOpen = true
        var timedOut = false
        let deadline = now() + timeout
        var buffer = [UInt8](repeating: 0, count: 4096)

        while outputOpen || inputFD >= 0 {
            let left = deadline - now()
            if left <= 0 { timedOut = true; break }
            var fds = [pollfd(fd: outputOpen ? outputFD : -1, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: inputFD, events: Int16(POLLOUT), revents: 0)]
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(left, 1) * 1000) + 1)
            if ready < 0 && errno != EINTR { break }
            if ready <= 0 { continue }
            if inputFD >= 0 && fds[1].revents != 0 {
                let n = input[written...].withUnsafeBytes { write(inputFD, $0.baseAddress, $0.count) }
                if n > 0 { written += n }
                // All written, or the child closed its stdin (EPIPE): close ours, so it sees the end.
                if written >= input.count || (n < 0 && errno != EAGAIN && errno != EINTR) {
                    close(inputFD); inputFD = -1
                }
            }
            if outputOpen && fds[0].revents != 0 {
                let n = read(outputFD, &buffer, buffer.count)
                if n > 0 {
                    if output.count < limit { output += buffer[0..<min(n, limit - output.count)] }
                } else if n == 0 || (errno != EAGAIN && errno != EINTR) {
                    outputOpen = false
                }
            }
        }
        if inputFD >= 0 { close(inputFD) }
        close(outputFD)

        var status: Int32 = 0
        if timedOut {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
        } else {
            // Output closed: the child is ending. Wait for it, still within the deadline.
            while waitpid(pid, &status, WNOHANG) == 0 {
                if now() >= deadline { timedOut = true; kill(-pid, SIGKILL); kill(pid, SIGKILL); break }
                usleep(10_000)
            }
            if !timedOut {
                return .success(ChildResult(status: exitStatus(status), output: String(decoding: output, as: UTF8.self), timedOut: false))
            }
        }
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return .success(ChildResult(status: -1, output: String(decoding: output, as: UTF8.self), timedOut: true))
    }

    /// The exit code, or -1 when ended by a signal (WIFEXITED/WEXITSTATUS by hand; they are macros).
    private static func exitStatus(_ status: Int32) -> Int32 {
        status & 0x7f == 0 ? (status >> 8) & 0xff : -1
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
