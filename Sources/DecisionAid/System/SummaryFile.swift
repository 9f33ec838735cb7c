// Saving the summary to a file and sending it to a printer: the aid's only
// writes and its only child process. Plain POSIX calls, so the file's mode,
// the errors and the child's stdin are exactly what we ask for.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What happened when saving the summary.
public enum SaveOutcome: Equatable, Sendable {
    /// Written, readable and writable by the owner only (mode 0600).
    case saved(path: String)
    /// A file is there already and overwrite was not asked for; it was not touched.
    case exists(path: String)
    /// Not saved; the message says why and what to do, in plain words.
    case failed(path: String, message: String)
}

/// What happened when printing the summary.
public enum PrintOutcome: Equatable, Sendable {
    /// lp took the job; the text says so with lp's own words.
    case sent(String)
    /// Not printed; the text says why and what to do instead.
    case failed(String)
}

public enum SummaryFile {

    /// The name suggested in messages.
    public static let suggestedPath = "~/ahsct-summary.txt"
    static let tryElsewhere = "Try another folder, like your home folder: \(suggestedPath)"

    // MARK: Saving

    /// Writes `text` to `path` with mode 0600. "~/" is the home folder; a
    /// relative path is from the current folder. An existing file is left
    /// alone (`.exists`) unless `overwrite`, which replaces its contents and
    /// sets it to 0600. Writes nothing else.
    public static func save(_ text: String, to path: String, overwrite: Bool) -> SaveOutcome {
        let typed = path.trimmingSpaces
        guard !typed.isEmpty else {
            return .failed(path: path, message: "No file name was given. Type a file name, like \(suggestedPath)")
        }
        let full = absolute(typed)
        let folder = parentFolder(of: full)
        let name = String(full.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        guard !name.isEmpty, name != ".", name != ".." else {
            return .failed(path: full, message: "\(full) is a folder, not a file name. Add a file name, like \(join(full, "ahsct-summary.txt"))")
        }

        let bytes = Array(text.utf8)
        var fd = open(full, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        var created = fd >= 0
        if fd < 0 && errno == EEXIST {
            var info = stat()
            if lstat(full, &info) == 0 {
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    return .failed(path: full, message: "\(full) is a folder, not a file. Add a file name, like \(join(full, "ahsct-summary.txt"))")
                case S_IFLNK:
                    if !overwrite { return .exists(path: full) }
                    return .failed(path: full, message: "\(full) is a link to another file, so it was not replaced. Choose another name. \(tryElsewhere)")
                case S_IFREG:
                    if !overwrite { return .exists(path: full) }
                default:
                    return .failed(path: full, message: "\(full) is not an ordinary file, so it was not replaced. Choose another name. \(tryElsewhere)")
                }
            } else if !overwrite {
                return .exists(path: full)
            }
            // Replace the contents of the existing ordinary file. O_NOFOLLOW and
            // O_NONBLOCK: never write through a link, never wait on a pipe. It is
            // emptied only once it is private (fchmod below), never before.
            fd = open(full, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            created = false
            if fd < 0 { return .failed(path: full, message: openProblem(errno, path: full, folder: folder, exists: true)) }
        } else if fd < 0 {
            return .failed(path: full, message: openProblem(errno, path: full, folder: folder, exists: false))
        }

        // The mode is 0600 whatever the umask: open's mode is narrowed by it.
        if fchmod(fd, 0o600) != 0 {
            let code = errno
            close(fd)
            if created { unlink(full) }
            return .failed(path: full, message: "Could not make \(full) private to you (\(describe(code))), so the summary was not written. \(tryElsewhere)")
        }
        if !created && ftruncate(fd, 0) != 0 {
            let code = errno
            close(fd)
            return .failed(path: full, message: "Could not replace the contents of \(full) (\(describe(code))). \(tryElsewhere)")
        }
        if let code = writeAll(fd, bytes) ?? (fsync(fd) == 0 ? nil : errno) {
            close(fd)
            // A file we made is removed rather than left half written.
            if created { unlink(full) }
            return .failed(path: full, message: writeProblem(code, path: full, folder: folder, created: created))
        }
        if close(fd) != 0 {
            let code = errno
            if created { unlink(full) }
            return .failed(path: full, message: writeProblem(code, path: full, folder: folder, created: created))
        }
        return .saved(path: full)
    }

    /// "~/x" -> "$HOME/x"; "x" -> "$PWD/x"; "/x" stays.
    static func absolute(_ path: String) -> String {
        if path == "~" { return home() }
        if path.hasPrefix("~/") { return join(home(), String(path.dropFirst(2))) }
        if path.hasPrefix("/") { return path }
        return join(currentFolder(), path)
    }

    static func home() -> String {
        if let value = getenv("HOME"), value.pointee != 0 { return String(cString: value) }
        if let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir { return String(cString: dir) }
        return "/"
    }

    static func currentFolder() -> String {
        guard let cwd = getcwd(nil, 0) else { return "." }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The folder a file would go in ("/a/b/c.txt" -> "/a/b", "/c.txt" -> "/").
    static func parentFolder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        let folder = trimmed[..<slash]
        return folder.isEmpty ? "/" : String(folder)
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    private static func openProblem(_ code: Int32, path: String, folder: String, exists: Bool) -> String {
        switch code {
        case ENOENT:
            if isFolder(folder) {
                return "Could not create \(path) in the folder \(folder) (\(describe(code))). \(tryElsewhere)"
            }
            return "The folder \(folder) does not exist. \(tryElsewhere)"
        case ENOTDIR:
            return "Part of \(folder) is a file, not a folder, so \(path) cannot be made. \(tryElsewhere)"
        case EACCES, EPERM:
            if exists { return "You do not have permission to change the file \(path). \(tryElsewhere)" }
            return "You do not have permission to save files in the folder \(folder). \(tryElsewhere)"
        case EROFS:
            return "The folder \(folder) is on a disk that is read-only. \(tryElsewhere)"
        case EISDIR:
            return "\(path) is a folder, not a file. Add a file name, like \(join(path, "ahsct-summary.txt"))"
        case ENOSPC:
            return "The disk that holds the folder \(folder) is full. Free some space, or try another disk or folder, like your home folder: \(suggestedPath)"
        case EDQUOT:
            return "You have used all the disk space you are allowed in the folder \(folder). Free some space, or try another folder, like your home folder: \(suggestedPath)"
        case ENAMETOOLONG:
            return "The name \(path) is too long. Choose a shorter name, like \(suggestedPath)"
        case ELOOP:
            return "\(path) is a link, so it was not replaced. Choose another name. \(tryElsewhere)"
        case ENXIO, ETXTBSY:
            return "\(path) is not an ordinary file, so it was not replaced. Choose another name. \(tryElsewhere)"
        default:
            return "Could not save to \(path) (\(describe(code))). \(tryElsewhere)"
        }
    }

    private static func writeProblem(_ code: Int32, path: String, folder: String, created: Bool) -> String {
        let state = created ? "Nothing was saved." : "The file \(path) may now be empty or cut short."
        switch code {
        case ENOSPC:
            return "The disk that holds the folder \(folder) is full. \(state) Free some space, or try another disk or folder, like your home folder: \(suggestedPath)"
        case EDQUOT:
            return "You have used all the disk space you are allowed in the folder \(folder). \(state) Free some space, or try another folder, like your home folder: \(suggestedPath)"
        default:
            return "Could not write to \(path) (\(describe(code))). \(state) \(tryElsewhere)"
        }
    }

    /// nil when every byte was written, else errno.
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            done += n
        }
        return nil
    }

    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    // MARK: Printing

    /// How long lp may take before the aid gives up on it.
    public static let printTimeout: Double = 20

    static let lpMissing = "Printing needs the lp command, which is not installed. Press s to save instead."

    /// Sends `text` to the default printer with `lp` (found on PATH, or at
    /// `lpPath`), text on stdin, no shell. Closes lp's stdin after writing and
    /// gives up after `timeout` seconds, so it never hangs.
    public static func print(_ text: String, lpPath: String? = nil) -> PrintOutcome {
        print(text, lpPath: lpPath, timeout: printTimeout)
    }

    static func print(_ text: String, lpPath: String?, timeout: Double) -> PrintOutcome {
        guard let lp = lpPath ?? findOnPath("lp") else { return .failed(lpMissing) }
        let result: ChildResult
        switch runChild(lp, arguments: [], input: Array(text.utf8), timeout: timeout) {
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
        // default SIGPIPE and an empty signal mask whatever ours are.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t(), empty = sigset_t()
        sigemptyset(&defaults); sigaddset(&defaults, SIGPIPE)
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

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
