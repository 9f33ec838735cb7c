/// Turns the bytes a terminal sends into keys, in the program rather than in
/// curses or the C library, so it behaves the same in every locale:
///
/// - UTF-8 is decoded here. A byte that cannot start or continue a character
///   costs only itself: it is dropped and the next byte is read afresh, so an
///   accented letter from a Latin-1 terminal, or line noise, never swallows
///   the keys typed after it (LANG=C included).
/// - Cursor keys, Home/End and friends are recognised in both forms terminals
///   send, `ESC [` (normal mode) and `ESC O` (application mode), with or
///   without modifier parameters, plus the Linux console's `ESC [ [ A` F-keys
///   and any extra sequences the terminfo entry lists.
/// - Any other complete escape sequence is swallowed whole, so an unknown key
///   never turns into Escape (back) followed by stray letters.
/// - Mouse reports (SGR `ESC [ < b;x;y M` and X10 `ESC [ M b x y`) become
///   clicks and wheel steps.
/// - A bracketed paste (`ESC [ 200 ~` … `ESC [ 201 ~`) becomes one `.paste`
///   key holding its text on one line (line breaks and tabs become spaces,
///   other control characters and escape sequences are dropped, at most
///   `maximumPaste` bytes are kept), so its letters and line breaks never act
///   as keys.
///
/// Pure and synchronous: bytes in, keys out. Bytes that may be the start of a
/// longer sequence (a lone ESC, half a character) are held until more come or
/// the caller decides the wait is over and calls `flush()`.
public struct InputDecoder: Sendable {
    /// Sequences from the terminal's description (terminfo), tried before the
    /// built-in ones. Only sequences starting with ESC are used.
    /// A list, searched in full, not a dictionary: there are two dozen at most,
    /// and hashing arrays costs more at start than any search here.
    private var extra: [(sequence: [UInt8], key: Key)] = []
    private var held: [UInt8] = []
    /// The paste so far, between its start and end marks; nil when not in one.
    private var pasted: [UInt8]?

    /// Longest escape sequence taken as one; longer ones are line noise.
    static let maximumSequence = 64
    /// Bytes of one paste kept; a text field holds far fewer.
    static let maximumPaste = 4096
    private static let pasteEnd: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]   // ESC [ 2 0 1 ~

    public init(extraSequences: [([UInt8], Key)] = []) {
        for (sequence, key) in extraSequences where sequence.count >= 2 && sequence[0] == 0x1B {
            extra.append((sequence, key))
        }
    }

    /// True when bytes are held waiting for the rest of a sequence; the caller
    /// should wait a little (the escape delay) and then call `flush()`.
    public var isWaiting: Bool { !held.isEmpty || pasted != nil }

    /// True inside a paste whose end mark has not come yet: the caller should
    /// wait longer than the escape delay (a long paste over a slow link comes
    /// in pieces) before `flush()` ends it.
    public var isPasting: Bool { pasted != nil }

    /// Decodes `bytes` (after anything held). Keys are returned in order; an
    /// incomplete tail is held for the next call.
    public mutating func feed<Bytes: Collection>(_ bytes: Bytes) -> [Key] where Bytes.Element == UInt8 {
        var input = held
        input.append(contentsOf: bytes)
        held = []
        return decode(input, final: false)
    }

    /// No more bytes came: whatever is held is taken as it stands (a lone ESC
    /// is the Escape key; half a character is dropped).
    public mutating func flush() -> [Key] {
        let input = held
        held = []
        if var paste = pasted {
            // The end mark never came: the paste is what arrived.
            paste += input
            pasted = nil
            return [.paste(Self.pasteText(paste))]
        }
        return decode(input, final: true)
    }

    private mutating func decode(_ input: [UInt8], final: Bool) -> [Key] {
        var keys: [Key] = []
        keys.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            if pasted != nil {
                guard let end = pasteBody(input, from: index, keys: &keys) else { return keys }
                index = end
                continue
            }
            switch step(input, at: index, final: final) {
            case .key(let key, let length):
                keys.append(key)
                index += length
            case .skip(let length):
                index += length
            case .pasteStart(let length):
                pasted = []
                index += length
            case .incomplete:
                held = Array(input[index...])
                return keys
            }
        }
        return keys
    }

    /// Inside a paste: takes its bytes up to the end mark and appends the
    /// `.paste` key; returns where the input goes on after the mark, or nil
    /// when the mark has not come yet (a tail that may be its start is held).
    private mutating func pasteBody(_ input: [UInt8], from start: Int, keys: inout [Key]) -> Int? {
        let mark = Self.pasteEnd
        var index = start
        while index < input.count {
            if input[index] == mark[0] {
                let available = min(mark.count, input.count - index)
                if input[index..<index + available].elementsEqual(mark[..<available]) {
                    if available == mark.count {
                        keep(input[start..<index])
                        keys.append(.paste(Self.pasteText(pasted ?? [])))
                        pasted = nil
                        return index + mark.count
                    }
                    // Perhaps the start of the mark: wait for the rest.
                    keep(input[start..<index])
                    held = Array(input[index...])
                    return nil
                }
            }
            index += 1
        }
        keep(input[start...])
        return nil
    }

    private mutating func keep(_ bytes: ArraySlice<UInt8>) {
        guard var paste = pasted else { return }
        paste.append(contentsOf: bytes.prefix(max(0, Self.maximumPaste - paste.count)))
        pasted = paste
    }

    /// A paste's bytes as one line of text: line breaks and tabs become
    /// spaces (runs of them one space), escape sequences and other control
    /// characters are dropped, invalid UTF-8 is dropped, and the ends are trimmed.
    static func pasteText(_ bytes: [UInt8]) -> String {
        var plain = InputDecoder()
        var text = ""
        var space = false
        for key in plain.feed(bytes) + plain.flush() {
            switch key {
            case .character(let c) where c != " ":
                if space && !text.isEmpty { text.append(" ") }
                space = false
                text.append(c)
            case .character, .enter, .tab:
                space = true
            default:
                break                                // escape sequences, controls, Alt keys
            }
        }
        return text
    }

    private enum Step {
        case key(Key, length: Int)
        /// Bytes that mean nothing to the aid (an invalid byte, an unknown sequence).
        case skip(Int)
        /// The start mark of a bracketed paste.
        case pasteStart(length: Int)
        /// More bytes are needed to know.
        case incomplete
    }

    private func step(_ input: [UInt8], at start: Int, final: Bool) -> Step {
        let byte = input[start]
        switch byte {
        case 0x1B:
            return escape(input, at: start, final: final)
        case 0x09: return .key(.tab, length: 1)
        case 0x0A, 0x0D: return .key(.enter, length: 1)
        case 0x08, 0x7F: return .key(.backspace, length: 1)
        case 0x01...0x1A: return .key(.control(Character(Unicode.Scalar(byte + 0x60))), length: 1)
        case 0x1C...0x1F: return .key(.control(Character(Unicode.Scalar(byte + 0x40))), length: 1)
        case 0x00: return .skip(1)
        case 0x20..<0x7F: return .key(.character(Character(Unicode.Scalar(byte))), length: 1)
        default:
            return utf8(input, at: start, final: final)
        }
    }

    // MARK: UTF-8

    /// One character from a lead byte and its continuation bytes. An invalid
    /// lead byte is skipped alone; a sequence cut short by a byte that cannot
    /// continue it is skipped up to (not including) that byte, which is then
    /// decoded afresh. Overlong forms, surrogates and values above U+10FFFF
    /// are invalid (the ranges of the Unicode standard, table 3-7).
    private func utf8(_ input: [UInt8], at start: Int, final: Bool) -> Step {
        let lead = input[start]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF      // allowed range of the second byte
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return .skip(1)                       // 0x80...0xC1, 0xF5...0xFF
        }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let position = start + offset
            guard position < input.count else { return final ? .skip(offset) : .incomplete }
            let next = input[position]
            let allowed = offset == 1 ? (low...high) : (0x80...0xBF)
            guard allowed.contains(next) else { return .skip(offset) }
            value = value << 6 | UInt32(next & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value), value >= 0xA0 else { return .skip(length) }   // C1 controls mean nothing here
        return .key(.character(Character(scalar)), length: length)
    }

    // MARK: Escape sequences

    private func escape(_ input: [UInt8], at start: Int, final: Bool) -> Step {
        let available = input.count - start
        // The terminal's own sequences first: the longest that matches wins,
        // and while the input could still grow into a longer one, wait.
        if !extra.isEmpty {
            var best: (key: Key, length: Int)?
            var couldGrow = available == 1
            if available >= 2 {
                for length in 2...min(available, InputDecoder.maximumSequence) {
                    let candidate = input[start..<start + length]
                    // The last one listed wins, as it did when they were a dictionary's keys.
                    if let match = extra.last(where: { $0.sequence.elementsEqual(candidate) }) { best = (match.key, length) }
                    guard extra.contains(where: { $0.sequence.count > length && $0.sequence.starts(with: candidate) }) else { break }
                    if length == available { couldGrow = true }
                }
            }
            if couldGrow && !final { return .incomplete }
            if let best { return .key(best.key, length: best.length) }
        }
        guard available >= 2 else { return final ? .key(.escape, length: 1) : .incomplete }
        switch input[start + 1] {
        case UInt8(ascii: "["): return csi(input, at: start, final: final)
        case UInt8(ascii: "O"): return ss3(input, at: start, final: final)
        case 0x20...0x7E where input[start + 1] != 0x1B:
            // Alt plus a key arrives as ESC and the key together: one Alt key,
            // which no page binds, never Escape (back) followed by the key.
            return .key(.alt(Character(UnicodeScalar(input[start + 1]))), length: 2)
        default:
            // ESC ESC: Escape, then the next on its own.
            return .key(.escape, length: 1)
        }
    }

    /// The final letter both `ESC O x` and `ESC [ x` use for the cursor keys,
    /// Home/End and F1–F4.
    private static func cursorKey(_ code: UInt8) -> Key? {
        switch code {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "P")...UInt8(ascii: "S"): return .function(Int(code - UInt8(ascii: "P")) + 1)
        default: return nil
        }
    }

    /// `ESC O x`: application-mode cursor keys, Home/End, F1–F4, keypad Enter.
    private func ss3(_ input: [UInt8], at start: Int, final: Bool) -> Step {
        guard input.count - start >= 3 else { return final ? .key(.escape, length: 1) : .incomplete }
        let code = input[start + 2]
        guard (0x40...0x7E).contains(code) else { return .key(.escape, length: 1) }   // Alt-O then a key
        if let key = Self.cursorKey(code) { return .key(key, length: 3) }
        let key: Key?
        switch code {
        case UInt8(ascii: "M"): key = .enter
        // Keypad in application mode: digits, operators and the dot.
        case UInt8(ascii: "j")...UInt8(ascii: "y"):
            let keypad: [UInt8: Character] = [0x6A: "*", 0x6B: "+", 0x6C: ",", 0x6D: "-", 0x6E: ".", 0x6F: "/"]
            if let c = keypad[code] { key = .character(c) } else { key = .character(Character(Unicode.Scalar(code - 0x40))) }
        default: key = nil
        }
        if let key { return .key(key, length: 3) }
        return .skip(3)
    }

    /// `ESC [ params final`: cursor and editing keys, F-keys, mouse reports.
    private func csi(_ input: [UInt8], at start: Int, final: Bool) -> Step {
        let begin = start + 2
        guard begin < input.count else { return final ? .key(.escape, length: 1) : .incomplete }
        // The Linux console's F1–F5: ESC [ [ A … ESC [ [ E.
        if input[begin] == UInt8(ascii: "[") {
            guard begin + 1 < input.count else { return final ? .skip(3) : .incomplete }
            let code = input[begin + 1]
            if (UInt8(ascii: "A")...UInt8(ascii: "E")).contains(code) {
                return .key(.function(Int(code - UInt8(ascii: "A")) + 1), length: 4)
            }
            return .skip(3)
        }
        // X10 mouse: ESC [ M and three raw bytes.
        if input[begin] == UInt8(ascii: "M") {
            guard begin + 3 < input.count else { return final ? .skip(input.count - start) : .incomplete }
            let button = Int(input[begin + 1]) - 32
            let column = Int(input[begin + 2]) - 33, row = Int(input[begin + 3]) - 33
            return mouse(button: button, row: row, column: column, press: button & 3 != 3, length: 6)
        }
        // Parameters 0x30–0x3F, intermediates 0x20–0x2F, then one final byte 0x40–0x7E.
        var index = begin
        while index < input.count, (0x20...0x3F).contains(input[index]) {
            index += 1
            if index - start > InputDecoder.maximumSequence { return .skip(index - start) }
        }
        guard index < input.count else { return final ? .skip(index - start) : .incomplete }
        let finalByte = input[index]
        let length = index - start + 1
        // A byte that cannot end a sequence: drop what came before it, read it afresh.
        guard (0x40...0x7E).contains(finalByte) else { return .skip(index - start) }
        let parameters = input[begin..<index]
        if parameters.first == UInt8(ascii: "<") {
            let numbers = numbers(parameters.dropFirst())
            guard numbers.count == 3, finalByte == UInt8(ascii: "M") || finalByte == UInt8(ascii: "m") else { return .skip(length) }
            return mouse(button: numbers[0], row: numbers[2] - 1, column: numbers[1] - 1,
                         press: finalByte == UInt8(ascii: "M"), length: length)
        }
        let numbers = numbers(parameters)
        if let key = Self.cursorKey(finalByte) { return .key(key, length: length) }
        let key: Key?
        switch finalByte {
        case UInt8(ascii: "Z"): key = .backTab
        case UInt8(ascii: "~"):
            switch numbers.first ?? 0 {
            case 1, 7: key = .home
            case 4, 8: key = .end
            case 3: key = .delete
            case 5: key = .pageUp
            case 6: key = .pageDown
            case 11...15: key = .function(numbers[0] - 10)
            case 17...21: key = .function(numbers[0] - 11)
            case 23, 24: key = .function(numbers[0] - 12)
            case 200 where numbers.count == 1: return .pasteStart(length: length)
            default: key = nil                       // Insert, a lone paste end mark, unknown
            }
        default: key = nil                           // focus reports and anything else
        }
        if let key { return .key(key, length: length) }
        return .skip(length)
    }

    private func mouse(button: Int, row: Int, column: Int, press: Bool, length: Int) -> Step {
        guard press, button >= 0, row >= 0, column >= 0 else { return .skip(length) }
        if button & 64 != 0 {
            switch button & 3 {
            case 0: return .key(.scrollUp, length: length)
            case 1: return .key(.scrollDown, length: length)
            default: return .skip(length)
            }
        }
        // Button 1 pressed, not a drag (32) and no other button.
        if button & 32 == 0, button & 3 == 0 { return .key(.click(row: row, column: column), length: length) }
        return .skip(length)
    }

    /// "1;5" -> [1, 5]; missing numbers are 0; absurdly long numbers are capped.
    private func numbers(_ bytes: ArraySlice<UInt8>) -> [Int] {
        var result: [Int] = [], current = 0, any = false
        for byte in bytes {
            if (0x30...0x39).contains(byte) {
                current = min(current * 10 + Int(byte - 0x30), 1_000_000)
                any = true
            } else if byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":") {
                result.append(current); current = 0; any = false
            } else {
                return []
            }
        }
        if any || !result.isEmpty { result.append(current) }
        return result
    }
}
