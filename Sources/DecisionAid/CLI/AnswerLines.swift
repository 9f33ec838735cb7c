import Content
#if canImport(Glibc)
import Glibc
#endif

/// `assess --answers-lines FILE|-`: one JSON answers object per line in, one
/// JSON assessment per line out, in order, for a clinician or researcher
/// checking the rules against their own de-identified cases. Streaming: one
/// line is held at a time, so memory does not grow with the number of lines.
/// A bad line gets an error object naming its line number and field, and the
/// rest go on.
enum AnswerLines {
    /// What the lines came to: how many were assessed and how many failed.
    struct Tally { var assessed = 0, failed = 0 }

    /// Reads `fd` line by line and writes each result; throws only when
    /// reading or writing fails.
    static func run(_ fd: Int32, name: String, content: ContentSet) throws -> Tally {
        var tally = Tally()
        var number = 0
        var reader = LineReader(fd: fd, limit: AssessCommand.answersLimit)
        while let line = try reader.next(name: name) {
            number += 1
            let out: String
            switch line {
            case .tooLong:
                out = error(number, nil, "the line is longer than 1 MB; a set of answers is a small JSON object like {\"age\": 34}")
            case .text(let bytes):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }     // blank lines are skipped
                do {
                    let answers = try AnswersJSON.parse(bytes)
                    out = AssessmentJSON.renderLine(Assessor.assess(answers, content: content), content: content, line: number)
                    tally.assessed += 1
                } catch {
                    out = Self.error(number, error.field, error.jsonMessage)
                }
            }
            if out.hasPrefix("{\"error\"") { tally.failed += 1 }
            try Console.out(out)
        }
        return tally
    }

    /// {"error": {"field": "age", "line": 3, "message": "..."}}
    static func error(_ line: Int, _ field: AnswerField?, _ message: String) -> String {
        let failure: JSONValue = .object([("line", .int(line)), ("field", .string(field?.jsonKey)), ("message", .string(message))])
        return JSONValue.object([("error", failure)]).rendered(pretty: false) + "\n"
    }
}

/// Lines from a file descriptor, read in 64 KB pieces; a line longer than the
/// limit is skipped to its end and reported as too long, never held whole.
struct LineReader {
    enum Line { case text([UInt8]), tooLong }

    let fd: Int32
    let limit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var ended = false

    init(fd: Int32, limit: Int) { self.fd = fd; self.limit = limit }

    mutating func next(name: String) throws -> Line? {
        var tooLong = false
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                compact()
                return tooLong || line.count > limit ? .tooLong : .text(line)
            }
            if buffer.count - start > limit {
                // Too long: drop what is held and read on to the line's end.
                tooLong = true
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            if ended {
                guard start < buffer.count || tooLong else { return nil }
                let line = Array(buffer[start...])
                buffer.removeAll()
                start = 0
                return tooLong ? .tooLong : .text(line)
            }
            var piece = [UInt8](repeating: 0, count: 64 * 1024)
            let n = piece.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StreamFailure(stream: name, code: errno, reading: true)
            }
            if n == 0 { ended = true } else { buffer += piece[0..<n] }
        }
    }

    private mutating func compact() {
        if start > 64 * 1024 {
            buffer.removeFirst(start)
            start = 0
        }
    }
}
