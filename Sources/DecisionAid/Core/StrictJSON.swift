/// A small, strict JSON reader (RFC 8259) for the answers, written here so
/// that nothing is guessed: a key given twice, a trailing comma, a number
/// outside the JSON grammar (hex, `0x1.8p1`, `+1`, `01`, `NaN`), a lone
/// surrogate or a raw control character in a string are errors with their
/// own message and position. Numbers are kept exactly as written
/// (`DecimalNumber`), so `1e-400` is never rounded to 0 before a field
/// checks it. No Foundation.
public enum StrictJSON {
    public indirect enum Value: Equatable, Sendable {
        case null
        case bool(Bool)
        case number(DecimalNumber)
        case string(String)
        case array([Value])
        /// Keys in the order written; each key at most once.
        case object([(key: String, value: Value)])

        public static func == (a: Value, b: Value) -> Bool {
            switch (a, b) {
            case (.null, .null): return true
            case let (.bool(x), .bool(y)): return x == y
            case let (.number(x), .number(y)): return x == y
            case let (.string(x), .string(y)): return x == y
            case let (.array(x), .array(y)): return x == y
            case let (.object(x), .object(y)):
                return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            default: return false
            }
        }
    }

    /// Why the text is not JSON, and where (line and column from 1).
    public struct Failure: Error, Equatable, Sendable {
        public var message: String
        public var line: Int
        public var column: Int
        /// "a key appears twice: 'age' (line 1, column 14)"
        public var description: String { "\(message) (line \(line), column \(column))" }
    }

    /// Arrays and objects deeper than this are refused rather than recursed into.
    public static let maximumDepth = 64

    public static func parse(_ bytes: [UInt8]) throws(Failure) -> Value {
        var reader = Reader(bytes: bytes)
        return try reader.document()
    }

    public static func parse(_ text: String) throws(Failure) -> Value {
        try parse(Array(text.utf8))
    }

    /// Where something is in the text: line and column from 1.
    public struct Position: Equatable, Sendable {
        public var line: Int
        public var column: Int
    }

    /// Parses as `parse`, and also says where each object key starts, by
    /// its path from the top (`["answers", "age"]`; an array item's path
    /// ends in its index, `["checklist", "0"]`), so a reader that finds a
    /// value wrong can name its line. Linear in the text's size.
    public static func parseLocated(_ bytes: [UInt8]) throws(Failure) -> (value: Value, positions: [[String]: Position]) {
        var reader = Reader(bytes: bytes)
        reader.recording = true
        let value = try reader.document()
        return (value, reader.positions)
    }
}

private struct Reader {
    let bytes: [UInt8]
    var index = 0
    var depth = 0
    /// With `recording`, the path to the value being read and where each key
    /// (and array item) starts; line starts are found once, lazily.
    var recording = false
    var path: [String] = []
    var positions: [[String]: StrictJSON.Position] = [:]
    var lineStarts: [Int] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte order mark says nothing about the answers; skip it.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    mutating func document() throws(StrictJSON.Failure) -> StrictJSON.Value {
        skipSpace()
        guard index < bytes.count else { throw fail("there is nothing here; expected a JSON object like {\"age\": 34}") }
        if recording {
            let (line, column) = position(index)
            positions[[]] = StrictJSON.Position(line: line, column: column)
        }
        let value = try value()
        skipSpace()
        if index < bytes.count { throw fail("unexpected \(describeHere()) after the end of the JSON value") }
        return value
    }

    // MARK: Values

    mutating func value() throws(StrictJSON.Failure) -> StrictJSON.Value {
        guard index < bytes.count else { throw fail("the text ends where a value was expected") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "+"), UInt8(ascii: "."):
            throw fail("'\(word().echoed())' is not a JSON number; numbers are written like 34 or 3.5")
        case UInt8(ascii: "'"):
            throw fail("text must be in double quotes (\"), not single quotes")
        case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ","):
            throw fail("unexpected \(describeHere()) where a value was expected")
        default:
            let w = word()
            if ["NaN", "nan", "Infinity", "infinity", "inf", "-Infinity"].contains(w) {
                throw fail("'\(w)' is not a JSON number; numbers must be finite, written like 34 or 3.5")
            }
            throw fail("'\(w.echoed())' is not a JSON value; text must be in double quotes")
        }
    }

    mutating func object() throws(StrictJSON.Failure) -> StrictJSON.Value {
        try enter()
        index += 1 // {
        var pairs: [(key: String, value: StrictJSON.Value)] = []
        var lines: [String: (Int, Int)] = [:]
        skipSpace()
        if peek(UInt8(ascii: "}")) { index += 1; depth -= 1; return .object(pairs) }
        while true {
            skipSpace()
            guard peek(UInt8(ascii: "\"")) else {
                if peek(UInt8(ascii: "}")) && !pairs.isEmpty { throw fail("a comma after the last item is not allowed in JSON") }
                if peek(UInt8(ascii: "'")) { throw fail("keys must be in double quotes (\"), not single quotes") }
                throw fail("expected a key in double quotes, found \(describeHere())")
            }
            let (line, column) = position(index)
            let key = try string()
            if recording { positions[path + [key]] = StrictJSON.Position(line: line, column: column) }
            if let first = lines[key] {
                throw StrictJSON.Failure(message: "the key '\(key.echoed())' appears twice, first at line \(first.0), column \(first.1); give each answer once", line: line, column: column)
            }
            lines[key] = (line, column)
            skipSpace()
            guard peek(UInt8(ascii: ":")) else { throw fail("expected ':' after the key '\(key.echoed())', found \(describeHere())") }
            index += 1
            skipSpace()
            if recording { path.append(key) }
            pairs.append((key, try value()))
            if recording { path.removeLast() }
            skipSpace()
            if peek(UInt8(ascii: ",")) { index += 1; continue }
            if peek(UInt8(ascii: "}")) { index += 1; depth -= 1; return .object(pairs) }
            throw fail("expected ',' or '}' after a value, found \(describeHere())")
        }
    }

    mutating func array() throws(StrictJSON.Failure) -> StrictJSON.Value {
        try enter()
        index += 1 // [
        var items: [StrictJSON.Value] = []
        skipSpace()
        if peek(UInt8(ascii: "]")) { index += 1; depth -= 1; return .array(items) }
        while true {
            skipSpace()
            if peek(UInt8(ascii: "]")) && !items.isEmpty { throw fail("a comma after the last item is not allowed in JSON") }
            if recording {
                let (line, column) = position(index)
                path.append(String(items.count))
                positions[path] = StrictJSON.Position(line: line, column: column)
            }
            items.append(try value())
            if recording { path.removeLast() }
            skipSpace()
            if peek(UInt8(ascii: ",")) { index += 1; continue }
            if peek(UInt8(ascii: "]")) { index += 1; depth -= 1; return .array(items) }
            throw fail("expected ',' or ']' after a value, found \(describeHere())")
        }
    }

    mutating func enter() throws(StrictJSON.Failure) {
        depth += 1
        if depth > StrictJSON.maximumDepth {
            throw fail("lists and objects are nested more than \(StrictJSON.maximumDepth) deep")
        }
    }

    mutating func literal(_ word: String) throws(StrictJSON.Failure) {
        let expected = Array(word.utf8)
        let found = self.word()
        guard found == word, bytes[index...].starts(with: expected) else {
            throw fail("'\(found.echoed())' is not a JSON value; text must be in double quotes")
        }
        index += expected.count
    }

    // MARK: Strings

    mutating func string() throws(StrictJSON.Failure) -> String {
        let start = index
        index += 1 // "
        var scalars = String.UnicodeScalarView()
        while true {
            guard index < bytes.count else {
                index = start
                throw fail("this text has no closing double quote")
            }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                scalars.append(try escape())
            case 0x00...0x1F:
                throw fail("a control character (\(Unicode.Scalar(byte).escapedForMessage)) inside text must be written as an escape like \\n")
            case 0x00...0x7F:
                scalars.append(Unicode.Scalar(byte))
                index += 1
            default:
                scalars.append(try utf8Scalar())
            }
        }
    }

    mutating func escape() throws(StrictJSON.Failure) -> Unicode.Scalar {
        index += 1 // backslash
        guard index < bytes.count else { throw fail("the text ends inside an escape") }
        let c = bytes[index]
        index += 1
        switch c {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try hex4()
            if (0xD800...0xDBFF).contains(high) {
                guard bytes[index...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
                    throw fail("\\u\(hexText(high)) is half of a character (a lone surrogate)")
                }
                index += 2
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw fail("\\u\(hexText(high)) is not followed by the second half of its character")
                }
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(high) else {
                throw fail("\\u\(hexText(high)) is half of a character (a lone surrogate)")
            }
            return scalar
        default:
            index -= 2
            throw fail("'\\\(Unicode.Scalar(c).escapedForMessage)' is not a JSON escape; allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
        }
    }

    mutating func hex4() throws(StrictJSON.Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = hexDigit(bytes[index]) else {
                throw fail("\\u must be followed by four hex digits")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    func hexDigit(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    func hexText(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    /// One multi-byte UTF-8 character, checked (no overlongs, no surrogates).
    mutating func utf8Scalar() throws(StrictJSON.Failure) -> Unicode.Scalar {
        let lead = bytes[index]
        let count: Int, minimum: UInt32
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: count = 2; value = UInt32(lead & 0x1F); minimum = 0x80
        case 0xE0...0xEF: count = 3; value = UInt32(lead & 0x0F); minimum = 0x800
        case 0xF0...0xF4: count = 4; value = UInt32(lead & 0x07); minimum = 0x10000
        default: throw fail("the text is not valid UTF-8")
        }
        guard index + count <= bytes.count else { throw fail("the text is not valid UTF-8") }
        for i in 1..<count {
            let b = bytes[index + i]
            guard b & 0xC0 == 0x80 else { throw fail("the text is not valid UTF-8") }
            value = value << 6 | UInt32(b & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { throw fail("the text is not valid UTF-8") }
        index += count
        return scalar
    }

    // MARK: Numbers

    /// number = [ "-" ] int [ frac ] [ exp ]; int = "0" / digit1-9 *digit
    mutating func number() throws(StrictJSON.Failure) -> DecimalNumber {
        let start = index
        let whole = word()
        func bad(_ why: String) -> StrictJSON.Failure {
            let (line, column) = position(start)
            return StrictJSON.Failure(message: "'\(whole.echoed())' is not a JSON number: \(why); numbers are written like 34 or 3.5", line: line, column: column)
        }
        var negative = false
        if peek(UInt8(ascii: "-")) { negative = true; index += 1 }
        var intDigits: [UInt8] = []
        while index < bytes.count, isDigit(bytes[index]) { intDigits.append(bytes[index]); index += 1 }
        if intDigits.isEmpty { throw bad("a digit must come first") }
        if intDigits.count > 1 && intDigits[0] == UInt8(ascii: "0") {
            if intDigits.count == 1 || isDigit(intDigits[1]) {
                throw bad("a number must not start with 0")
            }
        }
        if peek(UInt8(ascii: "x")) || peek(UInt8(ascii: "X")) || peek(UInt8(ascii: "b")) || peek(UInt8(ascii: "o")) {
            throw bad("only decimal numbers are allowed")
        }
        var fracDigits: [UInt8] = []
        if peek(UInt8(ascii: ".")) {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) { fracDigits.append(bytes[index]); index += 1 }
            if fracDigits.isEmpty { throw bad("a digit must follow the decimal point") }
        }
        var exponent = 0
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            index += 1
            var expNegative = false
            if peek(UInt8(ascii: "+")) { index += 1 } else if peek(UInt8(ascii: "-")) { expNegative = true; index += 1 }
            var any = false
            while index < bytes.count, isDigit(bytes[index]) {
                any = true
                // Saturate: 1e99999999999999999999 is simply very large.
                exponent = min(exponent * 10 + Int(bytes[index] - UInt8(ascii: "0")), 1_000_000_000)
                index += 1
            }
            if !any { throw bad("a digit must follow the exponent") }
            if expNegative { exponent = -exponent }
        }
        if index < bytes.count, !isDelimiter(bytes[index]) {
            throw bad("unexpected '\(Unicode.Scalar(bytes[index]).escapedForMessage)'")
        }
        return DecimalNumber(negative: negative, integerDigits: intDigits, fractionDigits: fracDigits, exponent: exponent, text: whole)
    }

    func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    func isDelimiter(_ b: UInt8) -> Bool {
        [UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: " "), 0x09, 0x0A, 0x0D].contains(b)
    }

    // MARK: Helpers

    mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    func peek(_ b: UInt8) -> Bool { index < bytes.count && bytes[index] == b }

    /// The run of characters from here to the next delimiter, for messages.
    func word() -> String {
        var end = index
        while end < bytes.count, end - index < 200, !isDelimiter(bytes[end]), bytes[end] != UInt8(ascii: ":") { end += 1 }
        return String(decoding: bytes[index..<max(end, min(index + 1, bytes.count))], as: UTF8.self)
    }

    func describeHere() -> String {
        guard index < bytes.count else { return "the end of the text" }
        let b = bytes[index]
        if b < 0x80 { return "'\(Unicode.Scalar(b).escapedForMessage)'" }
        return "'\(word().echoed(limit: 20))'"
    }

    mutating func position(_ at: Int) -> (Int, Int) {
        guard recording else { return Reader.scan(bytes, to: at) }
        // Many positions are asked for: find the line by binary search over
        // the line starts (found once), then count columns within it.
        if lineStarts.isEmpty {
            lineStarts = [0]
            for (i, b) in bytes.enumerated() where b == 0x0A { lineStarts.append(i + 1) }
        }
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= at { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var i = lineStarts[low]
        while i < at && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (low + 1, column)
    }

    static func scan(_ bytes: [UInt8], to at: Int) -> (Int, Int) {
        var line = 1, column = 1
        var i = 0
        while i < at && i < bytes.count {
            if bytes[i] == 0x0A { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }

    mutating func fail(_ message: String) -> StrictJSON.Failure {
        let (line, column) = position(index)
        return StrictJSON.Failure(message: message, line: line, column: column)
    }
}

/// A decimal number exactly as written: `digits` × 10^`exponent`, with no
/// leading or trailing zeros in `digits` (empty for zero; -0 is 0). Fields
/// check it exactly, so 1e-400 is a tiny fraction (not 0) and 1e400 is
/// simply too large, and hex never gets here.
public struct DecimalNumber: Equatable, Sendable {
    public var negative: Bool
    /// Significant digits as numbers 0-9.
    public var digits: [UInt8]
    public var exponent: Int
    /// As written, for messages.
    public var text: String

    public static func == (a: DecimalNumber, b: DecimalNumber) -> Bool {
        a.negative == b.negative && a.digits == b.digits && a.exponent == b.exponent
    }

    init(negative: Bool, integerDigits: [UInt8], fractionDigits: [UInt8], exponent: Int, text: String) {
        var all = (integerDigits + fractionDigits).map { $0 - UInt8(ascii: "0") }
        var exp = exponent - fractionDigits.count
        while let first = all.first, first == 0 { all.removeFirst() }
        while let last = all.last, last == 0 { all.removeLast(); exp += 1 }
        self.digits = all
        self.exponent = all.isEmpty ? 0 : exp
        self.negative = all.isEmpty ? false : negative
        self.text = text
    }

    /// Plain decimal text as a person types it: an optional sign, digits, and
    /// an optional fraction (`34`, `-1`, `3.5`, `.5`, `007`). No exponent,
    /// hex, `inf` or `nan`, no spaces or underscores: nil for anything else.
    public init?(plain text: String) {
        var bytes = Array(text.utf8)[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        let whole = bytes.prefix(while: isDigit)
        var rest = bytes.dropFirst(whole.count)
        var fraction: ArraySlice<UInt8> = []
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: isDigit)
            rest = rest.dropFirst(fraction.count)
        }
        guard rest.isEmpty, !(whole.isEmpty && fraction.isEmpty) else { return nil }
        self.init(negative: negative, integerDigits: Array(whole), fractionDigits: Array(fraction), exponent: 0, text: text)
    }

    public var isZero: Bool { digits.isEmpty }
    /// No fraction (1e-400 has one; 3.4e1 does not).
    public var isWhole: Bool { exponent >= 0 }

    /// The whole number, when it has no fraction and fits in 18 digits.
    public var wholeValue: Int? {
        guard isWhole, digits.count + exponent <= 18 else { return nil }
        var value = 0
        for d in digits { value = value * 10 + Int(d) }
        for _ in 0..<exponent { value *= 10 }
        return negative ? -value : value
    }

    /// Exactly `value × 10^places`, if that is a whole number that fits in 18 digits.
    public func scaled(by places: Int) -> Int? {
        var copy = self
        copy.exponent += places
        return copy.isZero ? 0 : copy.wholeValue
    }

    /// For messages: a small whole number as a number (so -0 shows as 0),
    /// anything else as it was written, made safe to show.
    public var shown: String {
        if let whole = wholeValue { return String(whole) }
        return text.echoed()
    }
}
