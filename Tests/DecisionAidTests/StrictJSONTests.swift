import Testing
@testable import DecisionAid

/// The strict JSON reader on its own: what it accepts exactly, and that each
/// kind of mistake is refused with its own message and position.
@Suite struct StrictJSONTests {
    func number(_ text: String) throws -> DecimalNumber {
        guard case .number(let n) = try StrictJSON.parse(text) else { throw StrictJSON.Failure(message: "not a number", line: 0, column: 0) }
        return n
    }

    func failure(_ text: String) -> StrictJSON.Failure? {
        do {
            _ = try StrictJSON.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func acceptsWhatRFC8259Allows() throws {
        let value = try StrictJSON.parse(" \n{\"a\": [1, -2.5e+3, true, false, null, \"x\\n\\u00e9\\ud83d\\ude00\\/\"], \"b\": {}}\t")
        guard case .object(let pairs) = value else { Issue.record("not an object"); return }
        #expect(pairs.map(\.key) == ["a", "b"])
        guard case .array(let items) = pairs[0].value else { Issue.record("not an array"); return }
        #expect(items.count == 6)
        #expect(items[5] == .string("x\né😀/"))
        #expect(items[2] == .bool(true))
        #expect(items[4] == .null)
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        #expect(try StrictJSON.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8)) == .object([]))
    }

    @Test func numbersAreKeptExactly() throws {
        #expect(try number("34").wholeValue == 34)
        #expect(try number("3.4e1").wholeValue == 34)
        #expect(try number("340e-1").wholeValue == 34)
        #expect(try number("34.0").wholeValue == 34)
        #expect(try number("-0").isZero)
        #expect(try number("-0").negative == false)
        #expect(try number("-0.0e5").shown == "0")
        #expect(try number("1e-400").isWhole == false)
        #expect(try number("1e-400").isZero == false)
        #expect(try number("1e400").isWhole == true)
        #expect(try number("1e400").wholeValue == nil)
        #expect(try number("6.5").scaled(by: 1) == 65)
        #expect(try number("6.25").scaled(by: 1) == nil)
        #expect(try number("1e999999999999999999999").wholeValue == nil)
    }

    @Test(arguments: [
        ("{\"a\": 1, \"a\": 1}", "the key 'a' appears twice, first at line 1, column 2", 1, 10),
        ("{\"a\": 1,\n}", "a comma after the last item is not allowed in JSON", 2, 1),
        ("[1,]", "a comma after the last item is not allowed in JSON", 1, 4),
        ("[,1]", "unexpected ',' where a value was expected", 1, 2),
        ("0x10", "'0x10' is not a JSON number: only decimal numbers are allowed", 1, 1),
        ("0x1.8p1", "'0x1.8p1' is not a JSON number: only decimal numbers are allowed", 1, 1),
        ("1.5e", "'1.5e' is not a JSON number: a digit must follow the exponent", 1, 1),
        ("1_000", "'1_000' is not a JSON number: unexpected '_'", 1, 1),
        ("NaN", "'NaN' is not a JSON number; numbers must be finite", 1, 1),
        ("\"\\ud800x\"", "\\uD800 is half of a character (a lone surrogate)", 1, 8),
        ("\"\\udc00\"", "\\uDC00 is half of a character (a lone surrogate)", 1, 8),
        ("\"abc", "this text has no closing double quote", 1, 1),
        ("tru", "'tru' is not a JSON value", 1, 1),
        ("{\"a\" 1}", "expected ':' after the key 'a', found '1'", 1, 6),
        ("{} {}", "unexpected '{' after the end of the JSON value", 1, 4),
    ])
    func eachMistakeHasItsOwnMessageAndPlace(text: String, message: String, line: Int, column: Int) {
        let found = failure(text)
        #expect(found?.message.hasPrefix(message) == true, "\(String(describing: found))")
        #expect(found?.line == line, "\(String(describing: found))")
        #expect(found?.column == column, "\(String(describing: found))")
    }

    @Test func nestingIsBoundedSoTheStackIsSafe() {
        #expect(failure(String(repeating: "[", count: 1_000_000))?.message == "lists and objects are nested more than 64 deep")
        #expect(failure(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) == nil)
    }

    @Test func badUTF8IsRefused() {
        for bytes: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC0, 0x80, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xE2, 0x82]] {
            #expect(throws: StrictJSON.Failure.self) { _ = try StrictJSON.parse(bytes) }
        }
    }

    @Test func plainDecimalTextForFlags() {
        #expect(DecimalNumber(plain: "34")?.wholeValue == 34)
        #expect(DecimalNumber(plain: "-1")?.wholeValue == -1)
        #expect(DecimalNumber(plain: "+7")?.wholeValue == 7)
        #expect(DecimalNumber(plain: ".5")?.scaled(by: 1) == 5)
        #expect(DecimalNumber(plain: "3.5")?.scaled(by: 1) == 35)
        for bad in ["0x1.8p1", "1e3", "inf", "nan", "Infinity", "", "-", ".", "1 2", "3,5", "٣", "1_0", "0b1"] {
            #expect(DecimalNumber(plain: bad) == nil, "\(bad)")
        }
    }

    @Test func parseLocatedSaysWhereEachKeyAndItemStarts() throws {
        let text = "{\n  \"a\": 1,\n  \"é\": {\"b\": [true,\n    null]}\n}"
        let (value, positions) = try StrictJSON.parseLocated(Array(text.utf8))
        #expect(value == (try StrictJSON.parse(text)))
        #expect(positions[[]] == StrictJSON.Position(line: 1, column: 1))
        #expect(positions[["a"]] == StrictJSON.Position(line: 2, column: 3))
        #expect(positions[["é"]] == StrictJSON.Position(line: 3, column: 3))
        #expect(positions[["é", "b"]] == StrictJSON.Position(line: 3, column: 9), "columns count characters, not bytes")
        #expect(positions[["é", "b", "0"]] == StrictJSON.Position(line: 3, column: 15))
        #expect(positions[["é", "b", "1"]] == StrictJSON.Position(line: 4, column: 5))
        // Errors are where plain parse puts them.
        let bad = "{\n\n  \"a\": 01}"
        #expect(throws: StrictJSON.Failure.self) { try StrictJSON.parseLocated(Array(bad.utf8)) }
        do { _ = try StrictJSON.parseLocated(Array(bad.utf8)) } catch { #expect(error.line == 3) }
    }

    @Test func parseLocatedIsLinear() throws {
        // 50,000 keys on 50,000 lines: a position found by rescanning from
        // the start each time would take minutes.
        let text = "{" + (0..<50_000).map { "\n\"k\($0)\": \($0)" }.joined(separator: ",") + "}"
        let start = ContinuousClock.now
        let (_, positions) = try StrictJSON.parseLocated(Array(text.utf8))
        #expect(positions[["k49999"]]?.line == 50_001)
        #expect(ContinuousClock.now - start < .seconds(10))
    }
}

@Suite struct EchoTests {
    @Test func controlCharactersAreWrittenOut() {
        #expect("a\u{1b}[31mb".echoed() == #"a\e[31mb"#)
        #expect("line\nnext\tend\r".echoed() == #"line\nnext\tend\r"#)
        #expect("\u{07}\u{7f}\u{9b}".echoed() == #"\x07\x7f\x9b"#)
        #expect("abc\u{202e}def".echoed() == #"abc\u{202e}def"#)
        #expect("é ü 😀".echoed() == "é ü 😀")
    }

    @Test func longTextIsCutWithAnEllipsis() {
        #expect(String(repeating: "a", count: 61).echoed() == String(repeating: "a", count: 60) + "…")
        #expect(String(repeating: "a", count: 60).echoed() == String(repeating: "a", count: 60))
        #expect(String(repeating: "\u{1b}", count: 100).echoed().count <= 61)
    }
}
