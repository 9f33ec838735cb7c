import Testing
@testable import DecisionAid

/// Bytes as terminals send them, and the keys the aid must see.
struct InputDecoderTests {
    func keys(_ bytes: [UInt8], extra: [([UInt8], Key)] = []) -> [Key] {
        var decoder = InputDecoder(extraSequences: extra)
        return decoder.feed(bytes) + decoder.flush()
    }

    func keys(_ text: String) -> [Key] { keys(Array(text.utf8)) }

    func chars(_ text: String) -> [Key] { text.map { .character($0) } }

    @Test func plainKeysAndControls() {
        #expect(keys("ab 1?") == chars("ab 1?"))
        #expect(keys([0x09, 0x0D, 0x0A, 0x7F, 0x08, 0x03, 0x1C]) ==
                [.tab, .enter, .enter, .backspace, .backspace, .control("c"), .control("\\")])
        #expect(keys([0x00]) == [])
    }

    @Test func cursorKeysInBothModes() {
        // Normal mode (ESC [) and application mode (ESC O): the same keys.
        #expect(keys("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D") == [.up, .down, .right, .left])
        #expect(keys("\u{1B}OA\u{1B}OB\u{1B}OC\u{1B}OD") == [.up, .down, .right, .left])
        // With a modifier (Ctrl-Down) it is still Down, not Escape and letters.
        #expect(keys("\u{1B}[1;5Bx") == [.down, .character("x")])
    }

    @Test func homeEndAndEditingKeysInEveryCommonForm() {
        for home in ["\u{1B}[H", "\u{1B}OH", "\u{1B}[1~", "\u{1B}[7~"] { #expect(keys(home) == [.home], "\(Array(home.utf8))") }
        for end in ["\u{1B}[F", "\u{1B}OF", "\u{1B}[4~", "\u{1B}[8~"] { #expect(keys(end) == [.end], "\(Array(end.utf8))") }
        #expect(keys("\u{1B}[3~\u{1B}[5~\u{1B}[6~\u{1B}[Z") == [.delete, .pageUp, .pageDown, .backTab])
    }

    @Test func functionKeys() {
        #expect(keys("\u{1B}OP\u{1B}OQ\u{1B}[[A\u{1B}[15~\u{1B}[24~\u{1B}[1;2P") ==
                [.function(1), .function(2), .function(1), .function(5), .function(12), .function(1)])
    }

    @Test func unknownSequencesAreSwallowedWhole() {
        // Insert, a focus report, a private report: nothing, and no stray letters.
        #expect(keys("\u{1B}[2~\u{1B}[I\u{1B}[?1;2cq") == [.character("q")])
        #expect(keys("\u{1B}Oxq") == [.character("8"), .character("q")])   // keypad 8 in application mode
    }

    @Test func loneEscapeIsEscapeOnlyOnceNothingMoreCame() {
        var decoder = InputDecoder()
        #expect(decoder.feed([0x1B]) == [])
        #expect(decoder.isWaiting)
        // The rest of the sequence arrives in the next read: Down, not Escape then "[B".
        #expect(decoder.feed(Array("[B".utf8)) == [.down])
        #expect(!decoder.isWaiting)
        #expect(decoder.feed([0x1B]) == [])
        #expect(decoder.flush() == [.escape])
        #expect(keys("\u{1B}\u{1B}") == [.escape, .escape])
        // Alt-x is one key that no page binds, never Escape (back) then "x".
        #expect(keys("\u{1B}x") == [.alt("x")])
        #expect(keys("\u{1B}q") == [.alt("q")])
    }

    @Test func utf8IsDecodedInTheProgram() {
        #expect(keys("é✓😀") == chars("é✓😀"))
        // Split over two reads.
        var decoder = InputDecoder()
        let bytes = Array("é".utf8)
        #expect(decoder.feed([bytes[0]]) == [])
        #expect(decoder.feed([bytes[1]]) == [.character("é")])
    }

    @Test func anInvalidByteCostsOnlyItself() {
        // Latin-1 é (0xE9) from a non-UTF-8 terminal, then "ab": a and b survive.
        #expect(keys([0xE9, 0x61, 0x62]) == chars("ab"))
        // Stray continuation bytes, an overlong form, a surrogate, bytes above F4.
        #expect(keys([0x80, 0x61, 0xC0, 0xAF, 0x62, 0xED, 0xA0, 0x80, 0x63, 0xFF, 0x64]) == chars("abcd"))
        // A character cut short by a newline: the newline is still Enter.
        #expect(keys([0xE2, 0x9C, 0x0D, 0x78]) == [.enter, .character("x")])
        // Half a character at the very end is dropped once nothing more comes.
        #expect(keys([0x61, 0xE2, 0x9C]) == chars("a"))
        // C1 controls mean nothing.
        #expect(keys([0xC2, 0x9B, 0x41]) == chars("A"))
    }

    @Test func mouseReports() {
        // SGR: press of button 1 at column 10, row 5 (1-based), then its release.
        #expect(keys("\u{1B}[<0;10;5M\u{1B}[<0;10;5m") == [.click(row: 4, column: 9)])
        #expect(keys("\u{1B}[<64;1;1M\u{1B}[<65;1;1M") == [.scrollUp, .scrollDown])
        // Drags and other buttons: nothing.
        #expect(keys("\u{1B}[<32;3;3M\u{1B}[<2;3;3M") == [])
        // X10: ESC [ M, then button+32, column+33, row+33.
        #expect(keys([0x1B, 0x5B, 0x4D, 32, 33 + 9, 33 + 4]) == [.click(row: 4, column: 9)])
        // Malformed reports (a number missing, position 0): dropped, the key after survives.
        #expect(keys("\u{1B}[<0;5Mq\u{1B}[<0;0;0Mr") == [.character("q"), .character("r")])
    }

    @Test func aControlByteInsideASequenceEndsIt() {
        // ESC [ 1 then Enter: the half sequence is dropped, Enter is kept.
        #expect(keys("\u{1B}[1\rq") == [.enter, .character("q")])
    }

    @Test func terminfoSequencesAreUsed() {
        let extra: [([UInt8], Key)] = [(Array("\u{1B}[Xyz".utf8), .home)]
        #expect(keys(Array("\u{1B}[Xyzq".utf8), extra: extra) == [.home, .character("q")])
        var decoder = InputDecoder(extraSequences: extra)
        #expect(decoder.feed(Array("\u{1B}[Xy".utf8)) == [])              // could still be the terminal's key
        #expect(decoder.feed(Array("z".utf8)) == [.home])
    }

    @Test func randomBytesNeverCrashAndEndWithNothingHeld() {
        var generator = SplitMix(seed: 42)
        for _ in 0..<200 {
            var decoder = InputDecoder()
            for _ in 0..<20 {
                let bytes = (0..<Int(generator.next() % 40)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                _ = decoder.feed(bytes)
            }
            _ = decoder.flush()
            #expect(!decoder.isWaiting)
        }
    }

    @Test func aBracketedPasteIsOneKeyOnOneLine() {
        // Its letters and line breaks never act as keys; what follows does.
        #expect(keys("\u{1B}[200~q\ny\r\n\u{1B}[201~x") == [.paste("q y"), .character("x")])
        // Tabs and line breaks become one space; the ends are trimmed; escape
        // sequences, controls and invalid UTF-8 are dropped; letters stay.
        #expect(keys(Array("\u{1B}[200~ \tGrüße,\n\n\u{1B}[31mred\u{07}".utf8) + [0xFF] + Array("✓ \u{1B}[201~".utf8))
                == [.paste("Grüße, red✓")])
        // A lone end mark is nothing.
        #expect(keys("\u{1B}[201~a") == [.character("a")])
    }

    @Test func aBracketedPasteMayComeInPieces() {
        var decoder = InputDecoder()
        // Split inside the start mark, the text and the end mark.
        #expect(decoder.feed(Array("a\u{1B}[20".utf8)) == [.character("a")])
        #expect(decoder.feed(Array("0~34".utf8)) == [])
        #expect(decoder.isPasting && decoder.isWaiting)
        #expect(decoder.feed(Array("5\u{1B}[2".utf8)) == [])
        #expect(decoder.feed(Array("01~b".utf8)) == [.paste("345"), .character("b")])
        #expect(!decoder.isPasting && !decoder.isWaiting)
        // Something that only begins like the end mark is text.
        #expect(decoder.feed(Array("\u{1B}[200~1\u{1B}[2".utf8)) == [])
        #expect(decoder.feed(Array("x2\u{1B}[201~".utf8)) == [.paste("12")])
    }

    @Test func aPasteWhoseEndNeverComesEndsWhenTheInputStops() {
        var decoder = InputDecoder()
        #expect(decoder.feed(Array("\u{1B}[200~abc\u{1B}".utf8)) == [])
        #expect(decoder.isPasting)
        #expect(decoder.flush() == [.paste("abc")])
        #expect(!decoder.isPasting && !decoder.isWaiting)
        #expect(decoder.feed(Array("q".utf8)) == [.character("q")])
    }

    @Test func aHugePasteKeepsOnlyItsStart() {
        let huge = "\u{1B}[200~" + String(repeating: "ab", count: 50_000) + "\u{1B}[201~z"
        let decoded = keys(huge)
        #expect(decoded.count == 2 && decoded.last == .character("z"))
        guard case .paste(let text)? = decoded.first else { Issue.record("no paste: \(decoded.prefix(3))"); return }
        #expect(text.utf8.count == InputDecoder.maximumPaste)
    }

    @Test func aPasteDecodesInOneGo() {
        let text = String(repeating: "Grüße, ✓ 12 ", count: 500)
        #expect(keys(text) == chars(text))
    }
}

/// A small seeded random number generator (SplitMix64), so runs repeat.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
