/// Word-wraps text to a column width, counting terminal columns.
public func wrap(_ text: String, width: Int) -> [String] {
    let width = max(width, 10)
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = ""
        var lineWidth = 0
        for word in paragraph.split(separator: " ") {
            let w = Frame.width(of: String(word))
            if lineWidth > 0 && lineWidth + 1 + w > width {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if w > width {
                // A word longer than the line (a URL): break it hard.
                var rest = Substring(word)
                while Frame.width(of: String(rest)) > width - lineWidth - (lineWidth > 0 ? 1 : 0) {
                    let room = max(1, width - lineWidth - (lineWidth > 0 ? 1 : 0))
                    line += (lineWidth > 0 ? " " : "") + rest.prefix(room)
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                    rest = rest.dropFirst(room)
                }
                line = String(rest)
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
