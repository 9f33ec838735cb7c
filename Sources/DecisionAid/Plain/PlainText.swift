/// Which characters the plain line mode may write. ASCII unless the locale
/// says otherwise: speech synthesizers and braille tables read ASCII best
/// (speakup speaks Western European languages only), and a pipe or a serial
/// line may not be UTF-8 at all.
public enum PlainCharset: Sendable, Equatable {
    case ascii
    /// ISO 8859-1 (the locale's charset says so): one byte per character.
    case latin1
    case utf8

    /// From the locale variables, in the C library's order of precedence:
    /// LC_ALL, then LC_CTYPE, then LANG.
    public static func fromLocale(_ environment: [String: String]) -> PlainCharset {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let charset = locale.split(separator: ".").dropFirst().first.map { $0.split(separator: "@")[0].lowercased() } ?? ""
        switch charset {
        case "utf-8", "utf8": return .utf8
        case "iso-8859-1", "iso8859-1", "iso88591", "latin1": return .latin1
        default: return .ascii
        }
    }

    /// The bytes for `text` in this charset: a character it lacks becomes its
    /// plain look-alike ("≤" is "<=", "–" is "-"), or "?" when there is none.
    public func encode(_ text: String) -> [UInt8] {
        switch self {
        case .utf8:
            return Array(text.utf8)
        case .latin1, .ascii:
            let limit: UInt32 = self == .latin1 ? 0xFF : 0x7F
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for scalar in text.unicodeScalars {
                if scalar.value <= limit {
                    bytes.append(UInt8(scalar.value))
                } else if let plain = PlainCharset.lookAlike[scalar.value] {
                    bytes += Array(plain.utf8)
                } else if (0x300...0x36F).contains(scalar.value) {
                    continue   // a combining accent: the letter before it stands alone
                } else {
                    bytes.append(UInt8(ascii: "?"))
                }
            }
            return bytes
        }
    }

    /// Plain stand-ins for what the content and the views use beyond ASCII.
    static let lookAlike: [UInt32: String] = {
        var table: [UInt32: String] = [
            0x2013: "-", 0x2014: "--", 0x2012: "-", 0x2010: "-", 0x2011: "-", 0x2212: "-",
            0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201C: "\"", 0x201D: "\"", 0x201E: "\"",
            0x2026: "...", 0x2022: "*", 0x00B7: ".", 0x2264: "<=", 0x2265: ">=", 0x2248: "about ",
            0x00D7: "x", 0x00B1: "+/-", 0x2192: "->", 0x2190: "<-", 0x2191: "up", 0x2193: "down",
            0x00A0: " ", 0x202F: " ", 0x2009: " ", 0x2007: " ", 0x00BD: "1/2", 0x00BC: "1/4", 0x00BE: "3/4",
            0x00B5: "u", 0x03BC: "u", 0x00B0: " degrees", 0x00AE: "(R)", 0x00A9: "(C)", 0x2122: "(TM)",
            0x2713: "x", 0x2714: "x", 0x26A0: "!", 0x25CF: "*", 0x25CB: "o", 0x25BC: "v", 0x25B2: "^",
            0x203A: ">", 0x2039: "<", 0x2500: "-", 0x2502: "|", 0x00AB: "\"", 0x00BB: "\"", 0x00A7: "section ",
            0x00B2: "2", 0x00B3: "3", 0x00B9: "1", 0x2082: "2", 0x2032: "'", 0x2033: "\"", 0x00E6: "ae", 0x00C6: "AE",
            0x00DF: "ss", 0x0153: "oe", 0x0152: "OE", 0x00F8: "o", 0x00D8: "O", 0x00F0: "d", 0x00FE: "th",
        ]
        // Accented Latin-1 letters, for ASCII: the letter without its accent.
        let letters: [(ClosedRange<UInt32>, String)] = [
            (0xC0...0xC5, "A"), (0xC7...0xC7, "C"), (0xC8...0xCB, "E"), (0xCC...0xCF, "I"), (0xD1...0xD1, "N"),
            (0xD2...0xD6, "O"), (0xD9...0xDC, "U"), (0xDD...0xDD, "Y"),
            (0xE0...0xE5, "a"), (0xE7...0xE7, "c"), (0xE8...0xEB, "e"), (0xEC...0xEF, "i"), (0xF1...0xF1, "n"),
            (0xF2...0xF6, "o"), (0xF9...0xFC, "u"), (0xFD...0xFD, "y"), (0xFF...0xFF, "y"),
        ]
        for (range, letter) in letters { for v in range where table[v] == nil { table[v] = letter } }
        return table
    }()
}

/// The text of drawn lines, for the plain mode: each line's indent and
/// words, without styles, cursor or trailing spaces.
func plainText(_ lines: [Line]) -> [String] {
    lines.map { line in
        var text = String(repeating: " ", count: line.indent) + line.text
        while text.last == " " { text.removeLast() }
        return text
    }
}
