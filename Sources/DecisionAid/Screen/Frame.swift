/// What a cell means, never what colour it is: a back end maps styles to
/// colours, or to bold/reverse/underline where there is no colour.
public enum Style: String, Sendable, Equatable, CaseIterable {
    case normal, heading, selected, muted, warning, good, emphasis, link
}

public struct Size: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
}

/// The terminal's abilities, decided once at start-up by the back end and
/// handed to views so they pick glyphs (Unicode or ASCII) themselves.
public struct Capabilities: Sendable, Equatable {
    /// Which glyphs the terminal can show.
    public enum GlyphSet: Sendable, Equatable {
        /// Anything in Unicode (a UTF-8 locale in a terminal emulator).
        case unicode
        /// Only what the Linux text console's fonts have (TERM=linux, UTF-8).
        case console
        /// Plain ASCII (the locale is not UTF-8).
        case ascii
    }

    public var unicode: Bool
    public var color: Bool
    /// True on the Linux text console, whose fonts hold at most 512 glyphs.
    public var consoleFont: Bool
    public init(unicode: Bool, color: Bool, consoleFont: Bool = false) {
        self.unicode = unicode; self.color = color; self.consoleFont = consoleFont
    }

    /// The one place the glyph set is chosen.
    public var glyphSet: GlyphSet { !unicode ? .ascii : consoleFont ? .console : .unicode }

    /// Every character the standard Debian console fonts (console-setup's
    /// Lat15, Uni2 and Uni3 in Fixed, VGA and Terminus) are sure to have:
    /// ASCII, Latin-1, the box-drawing lines and the few symbols the
    /// console glyph set uses. Anything else a frame holds is drawn as its
    /// nearest ASCII (see Frame.consoleSafe).
    public static let consoleCharacters: Set<Character> = {
        var set = Set<Character>()
        for v in 0x20...0x7E { set.insert(Character(Unicode.Scalar(v)!)) }
        for v in 0xA0...0xFF { set.insert(Character(Unicode.Scalar(v)!)) }
        // Only what MODES-NOTES measured in the fonts (psfgettable), plus the
        // light box-drawing lines beside │ and ┌ and the typographic quotes
        // and dashes of Lat15; not arrows, ≤ or double lines, which were not checked.
        for c in "─│┌┐└┘├┤┬┴┼■●█░▒·•≥–—‘’“”…" { set.insert(c) }
        return set
    }()
    public static let plain = Capabilities(unicode: false, color: false)
    public static let full = Capabilities(unicode: true, color: true)
}

/// One screen as a grid of cells. Views draw into it; the curses back end
/// copies it to the terminal and tests read it back as text.
public struct Frame: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        /// One grapheme; "" marks the right half of a wide character.
        public var text: String
        public var style: Style
    }

    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the hardware cursor goes (the focused item), so screen readers
    /// and magnifiers follow the focus.
    public var cursor: (row: Int, column: Int)?

    public init(_ size: Size) {
        self.size = size
        cells = Array(repeating: Cell(text: " ", style: .normal), count: max(0, size.width * size.height))
    }

    public static func == (a: Frame, b: Frame) -> Bool {
        a.size == b.size && a.cells == b.cells && a.cursor?.row == b.cursor?.row && a.cursor?.column == b.cursor?.column
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * size.width + column]
    }

    /// Writes `text` from (row, column), clipped at the right edge. Returns the
    /// number of columns used. Wide characters take two cells.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style = .normal) -> Int {
        guard row >= 0, row < size.height else { return 0 }
        // ASCII (nearly all text): a cell per byte, controls none, without grapheme breaking.
        if Frame.isASCII(text) { return putASCII(text, row: row, column: column, style: style) }
        var col = column
        for character in text {
            let width = Frame.width(of: character)
            if width == 0 { continue }
            if col + width > size.width { break }
            if col >= 0 {
                cells[row * size.width + col] = Cell(text: String(character), style: style)
                if width == 2 { cells[row * size.width + col + 1] = Cell(text: "", style: style) }
            }
            col += width
        }
        return max(0, col - column)
    }

    /// The same as `put(String(repeating: glyph, count: count), ...)` (a rule
    /// across the screen) without building the string and breaking it into
    /// characters again: one width look-up for the whole run.
    @discardableResult
    public mutating func put(repeating glyph: String, count: Int, row: Int, column: Int, style: Style = .normal) -> Int {
        // Only a single character that stays itself when repeated (not half a flag, say).
        guard glyph.count == 1, (glyph + glyph).count == 2, count >= 0 else {
            return put(String(repeating: glyph, count: count), row: row, column: column, style: style)
        }
        guard row >= 0, row < size.height else { return 0 }
        let width = Frame.width(of: Character(glyph))
        guard width > 0 else { return 0 }
        var col = column
        for _ in 0..<count {
            if col + width > size.width { break }
            if col >= 0 {
                cells[row * size.width + col] = Cell(text: glyph, style: style)
                if width == 2 { cells[row * size.width + col + 1] = Cell(text: "", style: style) }
            }
            col += width
        }
        return max(0, col - column)
    }

    /// `put` for all-ASCII text: the same cells as the general path.
    private mutating func putASCII(_ text: String, row: Int, column: Int, style: Style) -> Int {
        var col = column
        let asciiText = Frame.asciiText       // once, not a lazy-global check per character
        for byte in text.utf8 where byte >= 0x20 && byte != 0x7F {
            if col + 1 > size.width { break }
            if col >= 0 { cells[row * size.width + col] = Cell(text: asciiText[Int(byte)], style: style) }
            col += 1
        }
        return max(0, col - column)
    }

    /// Each ASCII character as a String, made once: cheaper than a new String per cell.
    private static let asciiText: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

    /// `text.utf8.allSatisfy { $0 < 0x80 }`, eight bytes at a time: it runs on every string drawn.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let base = bytes.baseAddress else { return true }
            var index = 0
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { return false }
                index += 8
            }
            while index < bytes.count {
                if bytes[index] >= 0x80 { return false }
                index += 1
            }
            return true
        } ?? text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Draws every character outside `allowed` as its nearest ASCII look-alike
    /// (one cell, so nothing moves): the Linux console shows a missing glyph
    /// as a blank diamond, which says nothing.
    public mutating func keepOnly(_ allowed: Set<Character>) {
        let nearest: [Character: String] = ["✓": "x", "✔": "x", "⚠": "!", "○": "o", "◯": "o", "□": "#", "▼": "v", "▲": "^",
                                            "›": ">", "‹": "<", "→": ">", "←": "<", "↑": "^", "↓": "v", "≈": "~", "≤": "<",
                                            "✗": "x", "★": "*", "═": "=", "║": "|", "▓": "#"]
        for index in cells.indices {
            let text = cells[index].text
            guard let character = text.first, text.count == 1, !allowed.contains(character) else { continue }
            cells[index].text = nearest[character].flatMap { allowed.contains(Character($0)) ? $0 : nil } ?? "?"
        }
        // A wide character's right half ("") stays blank-safe: the console draws it as a space.
        for index in cells.indices where cells[index].text.isEmpty { cells[index].text = " " }
    }

    /// Sets the style of a run of cells without changing their text (for highlighting a row).
    public mutating func restyle(row: Int, from column: Int, count: Int, style: Style) {
        guard row >= 0, row < size.height else { return }
        for col in max(0, column)..<min(size.width, column + count) {
            cells[row * size.width + col].style = style
        }
    }

    /// The frame as plain text, one line per row, trailing spaces trimmed.
    public var text: String {
        (0..<size.height).map { row in
            var line = ""
            for col in 0..<size.width { line += self[row, col].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// Terminal columns a character takes (0, 1 or 2). A fixed table rather
    /// than the C library's wcwidth, which answers -1 for everything outside
    /// ASCII until a UTF-8 locale is set: frames must measure the same in tests.
    public static func width(of character: Character) -> Int {
        var total = 0
        for scalar in character.unicodeScalars {
            total += width(of: scalar.value)
        }
        return min(total, 2)
    }

    static func width(of v: UInt32) -> Int {
        if v < 0x20 || v == 0x7F { return 0 }
        if v < 0x300 { return 1 }
        // Switches, not arrays of ranges: no array to build at start (generic metadata).
        switch v {
        case 0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064,
             0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F, 0xFEFF...0xFEFF, 0x1F3FB...0x1F3FF, 0xE0100...0xE01EF:
            return 0
        // East Asian Wide and Fullwidth, and emoji shown as pictures (Unicode 15).
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
             0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
             0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
             0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
             0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55, 0x2E80...0x303E,
             0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F004...0x1F004,
             0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C,
             0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E,
             0x1F440...0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A,
             0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2,
             0x1F6D5...0x1F6D7, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F93A, 0x1F93C...0x1F945,
             0x1F947...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    public static func width(of text: String) -> Int {
        // ASCII: a column per byte, controls none (CR LF, one character, is 0 either way).
        if isASCII(text) { return text.utf8.reduce(0) { $0 + width(of: UInt32($1)) } }
        return text.reduce(0) { $0 + width(of: $1) }
    }
}
