/// Word-wraps text to a column width, counting terminal columns. Lines after
/// the first may be narrower (`rest`), for hanging indents. Leading spaces of
/// the text are kept: they align columns.
public func wrap(_ text: String, width first: Int, rest: Int? = nil) -> [String] {
    var lines: [String] = []
    var width: Int { max(lines.isEmpty ? first : (rest ?? first), 10) }
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let leading = paragraph.prefix { $0 == " " }
        var line = String(leading)
        var lineWidth = leading.count
        var isFirstWord = true
        // Runs of spaces inside a line are kept too (an empty word is one more space).
        for word in paragraph.dropFirst(leading.count).split(separator: " ", omittingEmptySubsequences: false) {
            defer { isFirstWord = false }
            if word.isEmpty {
                if lineWidth > 0 && lineWidth < width { line += " "; lineWidth += 1 }
                continue
            }
            if isFirstWord && lineWidth > 0 {
                // The first word follows the kept leading spaces directly.
                line += word
                lineWidth += Frame.width(of: String(word))
                continue
            }
            let w = Frame.width(of: String(word))
            if lineWidth > 0 && lineWidth + 1 + w > width {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if w > width {
                // A word longer than the line (a URL): break it hard.
                var remaining = Substring(word)
                while Frame.width(of: String(remaining)) > width - lineWidth - (lineWidth > 0 ? 1 : 0) {
                    let room = max(1, width - lineWidth - (lineWidth > 0 ? 1 : 0))
                    line += (lineWidth > 0 ? " " : "") + remaining.prefix(room)
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                    remaining = remaining.dropFirst(room)
                }
                line = String(remaining)
                lineWidth = Frame.width(of: line)
                continue
            }
            line += (lineWidth > 0 ? " " : "") + word
            lineWidth += (lineWidth > 0 ? 1 : 0) + w
        }
        lines.append(line)
    }
    return lines
}
