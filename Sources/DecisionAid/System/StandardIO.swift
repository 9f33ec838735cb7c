// Standard input, output and error for the commands, with plain POSIX calls.
// Foundation's FileHandle.write and readDataToEndOfFile trap on any error (a
// full disk, a closed pipe, standard input a folder); these return the error
// instead, so the program can say what happened in one line and exit 74.

import Content

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The exit statuses the README documents. Nothing else is ever returned by
/// the commands (a signal aside).
public enum ExitStatus {
    public static let success: Int32 = 0
    /// The content has problems (check-content, --content).
    public static let contentProblems: Int32 = 1
    /// Bad input: a bad flag, value, option or answers file. One line on stderr.
    public static let badInput: Int32 = 2
    /// Reading input or writing output failed (sysexits' EX_IOERR).
    public static let ioError: Int32 = 74
}

/// A read or write on a standard stream failed; `code` is errno.
public struct StreamFailure: Error, Equatable, Sendable {
    public var stream: String
    public var code: Int32
    public var reading: Bool

    /// "cannot write to standard output (no space left on device)"
    public var message: String {
        "cannot \(reading ? "read" : "write to") \(stream) (\(Self.reason(code)))"
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case EBADF: return "it is closed"
        case EPIPE: return "broken pipe: the program reading it has ended"
        case ENOSPC: return "no space left on the disk"
        case EISDIR: return "it is a folder"
        case EFBIG: return "the file is too large"
        default:
            let text = String(cString: strerror(code))
            return text.prefix(1).lowercased() + text.dropFirst()
        }
    }
}

enum Console {
    /// Writes all of `text` to standard output, or throws what went wrong.
    static func out(_ text: String) throws(StreamFailure) {
        if let code = writeAll(STDOUT_FILENO, Array(text.utf8)) {
            throw StreamFailure(stream: "standard output", code: code, reading: false)
        }
    }

    /// Writes one message to standard error, adding the line end. If standard
    /// error itself fails there is nowhere left to say so: returns false.
    @discardableResult
    static func error(_ text: String) -> Bool {
        writeAll(STDERR_FILENO, Array((text.hasSuffix("\n") ? text : text + "\n").utf8)) == nil
    }

    /// nil when every byte was written, else errno. Retries after EINTR and
    /// short writes; never raises SIGPIPE into a trap.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            done += n
        }
        return nil
    }
}

/// Set up once, before anything else runs.
enum ProcessSetup {
    /// - A closed standard stream (fd 0, 1 or 2) is held by /dev/null opened
    ///   the wrong way round (stdin write-only, stdout/stderr read-only), so no
    ///   file the program opens later can take its number, and using it still
    ///   fails with EBADF as a closed stream would.
    /// - SIGXFSZ is ignored: a write past the file size limit then fails with
    ///   EFBIG through the normal error path instead of killing the program.
    static func prepare() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let held = open("/dev/null", (fd == STDIN_FILENO ? O_WRONLY : O_RDONLY) | O_CLOEXEC)
            if held >= 0 && held != fd {
                dup2(held, fd)
                close(held)
            }
        }
        signal(SIGXFSZ, SIG_IGN)
    }

    /// Ends the process with `status` (the C library's exit).
    static func exit(_ status: Int32) -> Never {
        #if canImport(Glibc)
        Glibc.exit(status)
        #elseif canImport(Musl)
        Musl.exit(status)
        #else
        Darwin.exit(status)
        #endif
    }
}

/// The few environment variables the program reads, and whether a standard
/// stream is a terminal.
enum Environment {
    static func read(_ names: [String]) -> [String: String] {
        var values: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { values[name] = String(cString: value) }
        }
        return values
    }

    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }
}
