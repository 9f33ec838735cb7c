/// One piece of the summary, before it is laid out as text or Markdown.
enum SummaryBlock: Equatable {
    case title(String)
    /// A heading on the compact first page: one line.
    case section(String)
    /// A heading on page 2: a blank line before it and a rule under it.
    case heading(String)
    case para(String)
    /// A paragraph that must stand out (the level headline, the review notice).
    case strong(String)
    case item(String)
    case subitem(String)
    /// A numbered source: number, citation, link.
    case source(Int, String, String)
    /// The end of page 1: a form feed.
    case pageBreak

    var isListItem: Bool {
        switch self {
        case .item, .subitem, .source: return true
        case .title, .section, .heading, .para, .strong, .pageBreak: return false
        }
    }

    var isParagraph: Bool {
        switch self {
        case .para, .strong: return true
        default: return false
        }
    }
}

enum SummaryLayout {
    /// The form feed that ends page 1.
    static let formFeed = "\u{0C}"

    /// Plain text wrapped at `width`; list items get a hanging indent. Page 1
    /// has one-line headings and no blank lines, to fit on one sheet.
    static func text(_ blocks: [SummaryBlock], width: Int) -> String {
        var out: [String] = []
        func put(_ text: String, first: String, rest: String) {
            let lines = wrap(cleaned(text), width: width - first.count, rest: width - rest.count, keepingURLs: true)
            out += lines.enumerated().map { ($0.offset == 0 ? first : rest) + $0.element }
        }
        func underline(_ text: String, _ mark: String) {
            out.append(String(repeating: mark, count: min(width, Frame.width(of: text))))
        }
        /// A one-line heading: the words, then the mark to the width ("My answers -----").
        func rule(_ text: String, _ mark: String) {
            let lines = wrap(cleaned(text), width: width - 4)
            out += lines.dropLast()
            let last = lines.last ?? ""
            out.append(last + " " + String(repeating: mark, count: max(3, width - Frame.width(of: last) - 1)))
        }
        for block in blocks {
            switch block {
            case .title(let t):
                rule(t, "=")
            case .section(let t):
                rule(t, "-")
            case .heading(let t):
                out.append("")
                put(t, first: "", rest: "")
                underline(cleaned(t), "-")
            case .para(let t), .strong(let t): put(t, first: "", rest: "")
            case .item(let t): put(t, first: "- ", rest: "  ")
            case .subitem(let t): put(t, first: "  - ", rest: "    ")
            case .source(let n, let citation, let link):
                let number = "[\(n)] "
                put(citation + " " + link, first: number, rest: String(repeating: " ", count: number.count))
            case .pageBreak: out.append(formFeed)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Markdown wrapped at `width` (soft line breaks, list items indented to
    /// their text), with a blank line only where Markdown needs one: between
    /// paragraphs, after a list, and around page 2's headings.
    static func markdown(_ blocks: [SummaryBlock], width: Int) -> String {
        var out: [String] = []
        var previous: SummaryBlock?
        func put(_ text: String, first: String, rest: String) {
            let lines = wrap(text, width: width - first.count, rest: width - rest.count, keepingURLs: true)
            out += lines.enumerated().map { ($0.offset == 0 ? first : rest) + escapedLineStart($0.element) }
        }
        for block in blocks {
            if let previous, needsBlankLine(after: previous, before: block) { out.append("") }
            previous = block
            switch block {
            case .title(let t): out.append("# " + cleaned(t))
            case .section(let t), .heading(let t): out.append("## " + cleaned(t))
            case .para(let t): put(cleaned(t), first: "", rest: "")
            case .strong(let t): put("**" + cleaned(t) + "**", first: "", rest: "")
            case .item(let t): put(cleaned(t), first: "- ", rest: "  ")
            case .subitem(let t): put(cleaned(t), first: "  - ", rest: "    ")
            case .source(let n, let citation, let link):
                let number = "\(n). "
                put(cleaned(citation) + " <" + cleaned(link) + ">", first: number, rest: String(repeating: " ", count: number.count))
            case .pageBreak: out.append(formFeed)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func needsBlankLine(after previous: SummaryBlock, before block: SummaryBlock) -> Bool {
        switch (previous, block) {
        // No blank line before the form feed: it would be a 61st line on page 1.
        // (A form feed after a list item is only white space in its text.)
        case (_, .pageBreak): return false
        case (.heading, _), (_, .heading), (.pageBreak, _), (.title, .title): return true
        case (.title, _): return false
        case (_, .title): return true
        default:
            // A paragraph after a paragraph or a list would join it; a list may follow a paragraph directly.
            return block.isParagraph && (previous.isParagraph || previous.isListItem)
        }
    }

    /// A wrapped line that would start a Markdown block ("- ", "1. ", "# ",
    /// "> ", a "===" underline) gets a backslash, so it stays text.
    static func escapedLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty && digits.count <= 9 {
            let after = line.dropFirst(digits.count)
            if let mark = after.first, mark == "." || mark == ")", after.dropFirst().first.map({ $0 == " " }) ?? true {
                return digits + "\\" + after
            }
            return line
        }
        let second = line.dropFirst().first
        switch first {
        case "-", "+", "*":
            if second == nil || second == " " || line.allSatisfy({ $0 == first || $0 == " " }) { return "\\" + line }
        case "#", ">", "=": return "\\" + line
        default: break
        }
        return line
    }

    /// Text safe to print to a terminal or a file: control characters
    /// (escape sequences, C1 codes) and bidirectional overrides removed, line
    /// breaks and tabs turned into spaces, ends trimmed, and at most `limit`
    /// characters kept.
    static func cleaned(_ text: String, limit: Int? = nil) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: scalars.append(" ")
            case 0x202A...0x202E, 0x2066...0x2069: continue
            default:
                if scalar.properties.generalCategory == .control { continue }
                scalars.append(scalar)
            }
        }
        var result = String(scalars)
        while result.first == " " { result.removeFirst() }
        while result.last == " " { result.removeLast() }
        if let limit, result.count > limit { result = String(result.prefix(limit)) }
        return result
    }
}
