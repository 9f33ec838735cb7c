import Testing
import Glibc
@testable import DecisionAid

/// Frame's fast paths (ASCII byte by byte, a repeated glyph, the word-wise
/// ASCII test) against the plain per-character algorithm they stand in for.
@Suite struct FrameFastPathTests {
    /// put as it was before the fast paths: one Character at a time.
    static func reference(_ frame: inout Frame, _ text: String, row: Int, column: Int, style: Style) -> ([String], Int) {
        var cells = (0..<frame.size.width * frame.size.height).map { frame[$0 / frame.size.width, $0 % frame.size.width].text }
        guard row >= 0, row < frame.size.height else { return (cells, 0) }
        var col = column
        for character in text {
            let width = Frame.width(of: character)
            if width == 0 { continue }
            if col + width > frame.size.width { break }
            if col >= 0 {
                cells[row * frame.size.width + col] = String(character)
                if width == 2 { cells[row * frame.size.width + col + 1] = "" }
            }
            col += width
        }
        return (cells, max(0, col - column))
    }

    static func texts(_ frame: Frame) -> [String] {
        (0..<frame.size.width * frame.size.height).map { frame[$0 / frame.size.width, $0 % frame.size.width].text }
    }

    static let pieces = ["a", "Z", " ", "~", "\t", "\r\n", "\n", "\u{7F}", "\u{1B}", "é", "e\u{301}", "─", "›", "中", "🇬🇧", "🇬", "👍🏽", "\u{200B}", "x"]

    @Test func putMatchesThePerCharacterPathOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        for trial in 0..<3000 {
            let asciiOnly = trial % 2 == 0
            let pool = asciiOnly ? Self.pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } } : Self.pieces
            let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()
            var frame = Frame(Size(width: 12, height: 3))
            frame.put("0123456789AB", row: 1, column: 0)
            let row = Int.random(in: -1...3, using: &generator), column = Int.random(in: -4...13, using: &generator)
            let (expected, expectedUsed) = Self.reference(&frame, text, row: row, column: column, style: .normal)
            let used = frame.put(text, row: row, column: column, style: .link)
            #expect(Self.texts(frame) == expected, "\(text.debugDescription) at \(row),\(column)")
            #expect(used == expectedUsed)
            #expect(Frame.isASCII(text) == text.utf8.allSatisfy { $0 < 0x80 })
        }
    }

    @Test func putRepeatingMatchesPuttingTheRepeatedString() {
        for glyph in ["─", "-", "=", "中", "🇬", "e\u{301}", "", "ab", "\u{200B}"] {
            for count in [0, 1, 5, 11, 12, 13, 40] {
                for column in [-3, 0, 4, 11] {
                    var fast = Frame(Size(width: 12, height: 2)), slow = fast
                    let a = fast.put(repeating: glyph, count: count, row: 1, column: column, style: .muted)
                    let b = slow.put(String(repeating: glyph, count: count), row: 1, column: column, style: .muted)
                    #expect(fast == slow, "\(glyph.debugDescription) x\(count) at \(column)")
                    #expect(a == b)
                }
            }
        }
    }

    @Test func isASCIIOnLongAndShortStrings() {
        for length in 0..<40 {
            let ascii = String(repeating: "a", count: length)
            #expect(Frame.isASCII(ascii))
            for position in 0..<length {
                var bytes = Array(ascii.utf8)
                bytes[position] = 0xC3
                bytes.insert(0xA9, at: position + 1)
                #expect(!Frame.isASCII(String(decoding: bytes, as: UTF8.self)))
            }
        }
    }
}

/// CursesScreen writes a run of narrow non-ASCII characters (box lines,
/// bullets) as ready-made cells only when Frame and the C library agree that
/// each is one code point one column wide; anything else goes cell by cell.
@Suite struct NarrowRunTests {
    @Test func onlyOneCodePointOneColumnWideByBothCounts() throws {
        // wcwidth follows the calling thread's locale: a UTF-8 one, here only.
        guard let utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil) else {
            Issue.record("the C.UTF-8 locale is not installed")
            return
        }
        let before = uselocale(utf8)
        defer { uselocale(before); freelocale(utf8) }
        #expect(CursesScreen.narrowScalar("─") == 0x2500)
        #expect(CursesScreen.narrowScalar("•") == 0x2022)
        #expect(CursesScreen.narrowScalar("é") == 0xE9)
        #expect(CursesScreen.narrowScalar("a") == nil, "ASCII has its own run")
        #expect(CursesScreen.narrowScalar("e\u{301}") == nil, "two code points")
        #expect(CursesScreen.narrowScalar("中") == nil, "two columns wide")
        #expect(CursesScreen.narrowScalar("\u{85}") == nil, "a C1 control")
        #expect(CursesScreen.narrowScalar("\u{301}") == nil, "a combining mark, no width")
    }

    @Test func nothingIsNarrowWhereTheCLibraryCountsNoWidth() {
        let c = newlocale(LC_CTYPE_MASK, "C", nil)!
        let before = uselocale(c)
        defer { uselocale(before); freelocale(c) }
        #expect(CursesScreen.narrowScalar("─") == nil)
    }
}
