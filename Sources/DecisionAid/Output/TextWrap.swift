/// Word-wraps text to a column width, counting terminal columns. Lines after
/// the first may be narrower (`rest`), for hanging indents. Leading spaces of
/// the text are kept: they align columns. A word longer than the line is
/// broken, except, with `keepingURLs`, a URL: it goes whole on a line of its
/// own and may overflow, because a URL broken across lines can neither be
/// typed nor followed from paper or a saved file.
public func wrap(_ text: String, width first: Int, rest: Int? = nil, keepingURLs: Bool = false) -> [String] {
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
            if w > width && keepingURLs && isURL(word) {
                // Alone on its line (the line before was ended just above);
                // the next word cannot fit after it.
                line = String(word)
                lineWidth = w
                continue
            }
            if w > width {
                // A word longer than the line (not a URL kept whole): break it hard, in one
                // pass over its characters (a 100,000-character word must not
                // cost time in the square of its length), counting columns.
                var chunk = "", chunkWidth = 0
                for character in word {
                    let cw = Frame.width(of: character)
                    if chunkWidth + cw > width && chunkWidth > 0 {
                        lines.append(chunk)          // `width` is now the later lines' width
                        chunk = ""
                        chunkWidth = 0
                    }
                    chunk.append(character)
                    chunkWidth += cw
                }
                line = chunk
                lineWidth = chunkWidth
                continue
            }
            line += (lineWidth > 0 ? " " : "") + word
            lineWidth += (lineWidth > 0 ? 1 : 0) + w
        }
        lines.append(line)
    }
    return lines
}

/// A word that is a web address ("https://…", "<https://…>", "www.…"), perhaps
/// with punctuation after it.
func isURL(_ word: Substring) -> Bool {
    word.contains("://") || word.hasPrefix("www.") || word.hasPrefix("<www.")
}
