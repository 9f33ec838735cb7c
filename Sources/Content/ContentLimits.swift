#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How large content may be. The screens wrap text at spaces, so one very
/// long word cannot be shown; one enormous text or file is a mistake (or an
/// attack), never content. check-content reports each as file:line.
public enum ContentLimits {
    /// Bytes in one content file (the largest today is about 25 KB).
    public static let fileBytes = 256 * 1024
    /// Characters in one text (the longest today is about 450).
    public static let textCharacters = 2_000
    /// Characters in one word, so it fits a 60-column screen.
    public static let wordCharacters = 60
    /// Fields that hold a web address, which may be one long word.
    public static let linkKeys: Set<String> = ["link"]

    /// The problem with `text` (under `key`) if it breaks a limit.
    public static func problem(with text: String, key: String, in label: String) -> String? {
        let count = text.count
        if count > textCharacters {
            return "'\(key)' in \(label) is \(count) characters long; a text may be at most \(textCharacters), so split or shorten it"
        }
        guard !linkKeys.contains(key) else { return nil }
        if let word = text.split(whereSeparator: { $0.isWhitespace }).map(String.init).first(where: { $0.count > wordCharacters }) {
            return "'\(key)' in \(label) has a word of \(word.count) characters ('\(String(word.unicodeScalars.prefix(30).filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init)))…'); a word may be at most \(wordCharacters) characters so the screen can wrap it (only '\(linkKeys.sorted().joined(separator: "', '"))' may hold a longer web address)"
        }
        return nil
    }
}

/// Reading a whole file or stream with a limit, with plain POSIX calls that
/// return errors (Foundation's readers trap, or read without end from
/// /dev/zero).
public enum BoundedRead {
    public enum Outcome: Equatable, Sendable {
        case data([UInt8])
        /// More than the limit: reading stopped there.
        case tooLarge
        /// errno from open or read.
        case failed(Int32)
        /// Not an ordinary file (a folder, a device, a pipe), when a file was asked for.
        case notAFile
    }

    /// Reads `fd` to its end, stopping after `limit` bytes.
    public static func readAll(_ fd: Int32, limit: Int) -> Outcome {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failed(errno)
            }
            if n == 0 { return .data(bytes) }
            if bytes.count + n > limit { return .tooLarge }
            bytes += buffer[0..<n]
        }
    }

    /// Reads the ordinary file at `path`, stopping after `limit` bytes.
    /// O_NONBLOCK, so a pipe put in its place cannot make the open wait.
    public static func file(_ path: String, limit: Int) -> Outcome {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 { return .failed(errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failed(errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .notAFile }
        return readAll(fd, limit: limit)
    }
}
