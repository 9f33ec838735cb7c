/// Input quoted back in a message is shown, never obeyed: an escape sequence
/// in a JSON value must not reach the terminal live, a newline must not split
/// the one-line message, and a 10 MB value must not become a 10 MB line.
extension String {
    /// The text with control characters written out (ESC as `\e`, others as
    /// `\xHH` or `\u{HHHH}`), cut to `limit` characters with "…" after.
    public func echoed(limit: Int = 60) -> String {
        var out = ""
        var length = 0
        for character in self {
            let piece = character.unicodeScalars.contains(where: \.isHiddenInMessages)
                ? character.unicodeScalars.map(\.escapedForMessage).joined()
                : String(character)
            let pieceLength = piece.count
            if length + pieceLength > limit {
                return out + "…"
            }
            out += piece
            length += pieceLength
        }
        return out
    }
}

extension Unicode.Scalar {
    /// Controls (C0, DEL, C1) and the invisible characters that reorder or
    /// hide text (bidi overrides, zero-width, line and paragraph separators).
    var isHiddenInMessages: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    var escapedForMessage: String {
        guard isHiddenInMessages else { return String(self) }
        switch value {
        case 0x1B: return "\\e"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0...0xFF: return "\\x" + hex(value, width: 2)
        default: return "\\u{" + hex(value, width: 4) + "}"
        }
    }

    private func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: false)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
