import Foundation
import Testing
@testable import DecisionAid

struct TextWrapTests {
    @Test func wordsWrapAtTheWidth() {
        #expect(wrap("one two three four", width: 10) == ["one two", "three four"])
        #expect(wrap("  indented text stays", width: 12) == ["  indented", "text stays"])
        #expect(wrap("a\n\nb", width: 10) == ["a", "", "b"])
    }

    @Test func aLongWordIsBrokenIntoFullLines() {
        let word = String(repeating: "abcdefghij", count: 5) + "xyz"   // 53 characters
        let lines = wrap("see " + word + " end", width: 20, rest: 15)
        #expect(lines == ["see", "abcdefghijabcde", "fghijabcdefghij", "abcdefghijabcde", "fghijxyz end"])
    }

    @Test func theFirstChunkOfALongWordUsesTheFirstLinesWidth() {
        let lines = wrap(String(repeating: "x", count: 30), width: 12, rest: 10)
        #expect(lines.map(\.count) == [12, 10, 8])
    }

    @Test func wideCharactersInALongWordAreCountedInColumns() {
        let word = String(repeating: "漢", count: 25)                   // 50 columns
        let lines = wrap(word, width: 11)
        #expect(lines.allSatisfy { Frame.width(of: $0) <= 11 }, "\(lines.map { Frame.width(of: $0) })")
        #expect(lines.joined() == word)
    }

    /// A 100,000-character word (a paste, a broken content file) must wrap in
    /// time linear in its length: before, each line cut re-measured the whole
    /// remainder, and this took minutes.
    @Test func aHundredThousandCharacterWordWrapsQuickly() {
        func seconds(_ count: Int) -> (Double, [String]) {
            let word = String(repeating: "a", count: count)
            let start = Date()
            let lines = wrap("x " + word + " y", width: 80)
            return (Date().timeIntervalSince(start), lines)
        }
        let (small, _) = seconds(10_000)
        let (large, lines) = seconds(100_000)
        // Three times as long again: linear, this is well under a second even in
        // a debug build; in the square of the length (as before) it took ~45 s.
        let (huge, _) = seconds(300_000)
        print("wrap figure: a 10,000-character word took \(String(format: "%.1f", small * 1000)) ms, 100,000 \(String(format: "%.1f", large * 1000)) ms, 300,000 \(String(format: "%.1f", huge * 1000)) ms (80 columns)")
        #expect(lines.count == 1 + 1250 + 1)
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.count == 80 })
        #expect(huge < 5, "a 300,000-character word took \(huge) s to wrap")
    }
}
