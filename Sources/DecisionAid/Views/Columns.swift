/// Helpers for text laid out in columns (the options grid, icon arrays side
/// by side). Widths are terminal columns (Frame.width), never character counts.
enum Columns {
    /// `text` with spaces added to fill `width` columns.
    static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - Frame.width(of: text)))
    }

    /// Word-wrapped to `width`, with any piece still too wide (wrap never goes
    /// below 10 columns) cut hard, so no line is wider than `width`.
    static func wrapped(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var out: [String] = []
        for line in wrap(text, width: width) {
            var piece = ""
            var used = 0
            for character in line {
                let w = Frame.width(of: character)
                if used + w > width {
                    out.append(piece)
                    piece = ""
                    used = 0
                }
                piece.append(character)
                used += w
            }
            out.append(piece)
        }
        return out.map(trimmedRight)
    }

    static func trimmedRight(_ text: String) -> String {
        var text = text
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    /// A count as people read it: 1000 -> "1,000".
    static func count(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (n < 0 ? "-" : "") + out
    }
}
