import Testing
@testable import DecisionAid

/// The aid's own find and replace (Core/StringReplacing.swift), which stand in
/// for the standard library's Regex-module ones, against those ones (this test
/// module imports _StringProcessing, as every module does by default). The
/// references are called by names Foundation does not also have: here its
/// `contains` would win, and it compares UTF-16 code units, not characters.
@Suite struct TextSearchTests {
    /// Short texts from a small alphabet that has both spellings of "é"
    /// (one code point, and "e" with a combining accent), so matches overlap,
    /// repeat and sit at either end.
    static func texts(count: Int, seed: UInt64) -> [String] {
        let pieces = ["a", "b", "ab", " ", "é", "e\u{301}", "e", "\u{301}", "🙂"]
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        return (0..<count).map { _ in
            (0..<(next() % 7)).map { _ in pieces[next() % pieces.count] }.joined()
        }
    }

    @Test func findsWhatTheStandardLibraryFinds() {
        let haystacks = Self.texts(count: 300, seed: 1)
        let needles = Self.texts(count: 40, seed: 2)
        for text in haystacks {
            for other in needles {
                #expect((text.rangeOfText(other) != nil) == (text.firstRange(of: other) != nil), "\(text.debugDescription) ∋ \(other.debugDescription)")
            }
        }
    }

    @Test func replacesWhatTheStandardLibraryReplaces() {
        let texts = Self.texts(count: 300, seed: 3)
        let targets = Self.texts(count: 40, seed: 4).filter { !$0.isEmpty }
        for text in texts {
            for target in targets {
                #expect(text.replacingText(target, with: "<x>") == text.replacing(target, with: "<x>"),
                        "\(text.debugDescription): \(target.debugDescription)")
            }
        }
    }

    @Test func theAidsOwnUses() {
        #expect("it's".replacingText("'", with: "'\\''") == "it'\\''s")
        #expect("aaa".replacingText("aa", with: "b") == "ba")
        #expect("abc".replacingText("", with: "x") == "abc")
        #expect("see https://x.org".rangeOfText("://") != nil)
        #expect("abc".rangeOfText("abcd") == nil)
        #expect("abc".rangeOfText("") != nil)
    }
}
