/// Word-wraps text to a column width, counting terminal columns. Lines after
/// the first may be narrower (`rest`), for hanging indents. Leading spaces of
/// the text are kept: they align columns. A word longer than the line is
/// broken, except, with `keepingURLs`, a URL: it goes whole on a line of its
/// own and may overflow, because a URL broken across lines can neither be
/// typed nor followed from paper or a saved file.
public func wrap(_ text: String, width first: Int, rest: Int? = nil, keepingURLs: Bool = false) -> [String] {
    // ASCII without CR (nearly all the content): a byte is a character and a
    // column (controls none), so wrap the bytes, without grapheme breaking
    // (which cost over a third of the first frame's CPU). Same lines.
    if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
        return wrapASCII(Array(text.utf8), width: first, rest: rest, keepingURLs: keepingURLs)
    }
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

/// `wrap` for ASCII text without CR, on bytes: the same steps, the same lines.
private func wrapASCII(_ text: [UInt8], width first: Int, rest: Int?, keepingURLs: Bool) -> [String] {
    var lines: [String] = []
    var width: Int { max(lines.isEmpty ? first : (rest ?? first), 10) }
    func columns(_ byte: UInt8) -> Int { byte < 0x20 || byte == 0x7F ? 0 : 1 }
    func string(_ bytes: some Collection<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
    for paragraph in text.split(separator: 0x0A, omittingEmptySubsequences: false) {
        let leading = paragraph.prefix { $0 == 0x20 }.count
        var line = [UInt8](repeating: 0x20, count: leading)
        var lineWidth = leading
        var isFirstWord = true
        for word in paragraph.dropFirst(leading).split(separator: 0x20, omittingEmptySubsequences: false) {
            defer { isFirstWord = false }
            if word.isEmpty {
                if lineWidth > 0 && lineWidth < width { line.append(0x20); lineWidth += 1 }
                continue
            }
            let w = word.reduce(0) { $0 + columns($1) }
            if isFirstWord && lineWidth > 0 {
                line += word
                lineWidth += w
                continue
            }
            if lineWidth > 0 && lineWidth + 1 + w > width {
                lines.append(string(line))
                line.removeAll(keepingCapacity: true)
                lineWidth = 0
            }
            if w > width && keepingURLs && isURL(Substring(string(word))) {
                line = Array(word)
                lineWidth = w
                continue
            }
            if w > width {
                var chunk: [UInt8] = [], chunkWidth = 0
                for byte in word {
                    let cw = columns(byte)
                    if chunkWidth + cw > width && chunkWidth > 0 {
                        lines.append(string(chunk))
                        chunk.removeAll(keepingCapacity: true)
                        chunkWidth = 0
                    }
                    chunk.append(byte)
                    chunkWidth += cw
                }
                line = chunk
                lineWidth = chunkWidth
                continue
            }
            if lineWidth > 0 { line.append(0x20); lineWidth += 1 }
            line += word
            lineWidth += w
        }
        lines.append(string(line))
    }
    return lines
}

/// A word that is a web address ("https://…", "<https://…>", "www.…"), perhaps
/// with punctuation after it.
func isURL(_ word: Substring) -> Bool {
    word.contains("://") || word.hasPrefix("www.") || word.hasPrefix("<www.")
}
