#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the plain aid stopped before the person finished.
enum PlainStop: Error {
    /// Standard input ended (Ctrl-D, or the end of a piped file).
    case endOfInput
    /// The person typed q and said yes.
    case quit
}

/// Lines in and text out, for the plain line mode. Only ever appends: no
/// cursor movement, no colour, no escape sequences, nothing on a timer.
struct PlainIO {
    /// The next line typed, without its line end; nil when input has ended.
    var read: () throws -> String?
    /// Writes bytes as they are.
    var write: ([UInt8]) throws -> Void
    var charset: PlainCharset
    /// True when input is not a terminal (a pipe, a file): nothing echoes
    /// what is read, so a prompt ends its line rather than leave the next
    /// output on it.
    var promptEndsLine: Bool

    /// Standard input and output.
    static func standard(charset: PlainCharset) -> PlainIO {
        var reader = LineReader(fd: STDIN_FILENO, limit: 4096)
        return PlainIO(
            read: {
                while true {
                    switch try reader.next(name: "standard input") {
                    case nil: return nil
                    case .tooLong?: return PlainIO.tooLong
                    case .text(var bytes)?:
                        if bytes.last == 0x0D { bytes.removeLast() }
                        return String(decoding: bytes, as: UTF8.self)
                    }
                }
            },
            write: { bytes in
                if let code = Console.writeAll(STDOUT_FILENO, bytes) {
                    throw StreamFailure(stream: "standard output", code: code, reading: false)
                }
            },
            charset: charset,
            promptEndsLine: isatty(STDIN_FILENO) != 1)
    }

    /// Stands for a line over the limit (never a real answer: it has a control character).
    static let tooLong = "\u{1}too long"

    /// Writes a line of text.
    func say(_ text: String = "") throws {
        try write(charset.encode(text + "\n"))
    }

    /// Writes a prompt as the last thing on the last line, where a screen
    /// reader's cursor tracking lands.
    func prompt(_ text: String) throws {
        try write(charset.encode(promptEndsLine ? text + "\n" : text + " "))
    }
}
