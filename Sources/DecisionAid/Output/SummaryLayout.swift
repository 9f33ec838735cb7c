/// One piece of the summary, before it is laid out as text or Markdown.
enum SummaryBlock: Equatable {
    case title(String)
    case heading(String)
    case para(String)
    /// A paragraph that must stand out (the level headline, the review notice).
    case strong(String)
    case item(String)
    case subitem(String)
    case check(Bool, String)
    /// A numbered source: number, citation, link.
    case source(Int, String, String)

    var isListItem: Bool {
        switch self {
        case .item, .subitem, .check, .source: return true
        case .title, .heading, .para, .strong: return false
        }
    }
}

enum SummaryLayout {
    /// Plain text wrapped at `width`; list items get a hanging indent.
    static func text(_ blocks: [SummaryBlock], width: Int) -> String {
        var out: [String] = []
        func put(_ text: String, first: String, rest: String) {
            let lines = wrap(cleaned(text), width: width - first.count, rest: width - rest.count)
            out += lines.enumerated().map { ($0.offset == 0 ? first : rest) + $0.element }
        }
        func underline(_ text: String, _ mark: String) {
            out.append(String(repeating: mark, count: min(width, Frame.width(of: text))))
        }
        for block in blocks {
            switch block {
            case .title(let t):
                put(t, first: "", rest: "")
                underline(cleaned(t), "=")
            case .heading(let t):
                out.append("")
                put(t, first: "", rest: "")
                underline(cleaned(t), "-")
            case .para(let t), .strong(let t): put(t, first: "", rest: "")
            case .item(let t): put(t, first: "- ", rest: "  ")
            case .subitem(let t): put(t, first: "  - ", rest: "    ")
            case .check(let done, let t): put(t, first: done ? "[x] " : "[ ] ", rest: "    ")
            case .source(let n, let citation, let link):
                let number = "[\(n)] "
                put(citation + " " + link, first: number, rest: String(repeating: " ", count: number.count))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Markdown: one line per block, a blank line wherever a list starts or ends.
    static func markdown(_ blocks: [SummaryBlock]) -> String {
        var out: [String] = []
        var previous: SummaryBlock?
        for block in blocks {
            if let previous, !(previous.isListItem && block.isListItem) { out.append("") }
            previous = block
            switch block {
            case .title(let t): out.append("# " + cleaned(t))
            case .heading(let t): out.append("## " + cleaned(t))
            case .para(let t): out.append(cleaned(t))
            case .strong(let t): out.append("**" + cleaned(t) + "**")
            case .item(let t): out.append("- " + cleaned(t))
            case .subitem(let t): out.append("  - " + cleaned(t))
            case .check(let done, let t): out.append((done ? "- [x] " : "- [ ] ") + cleaned(t))
            case .source(let n, let citation, let link): out.append("\(n). " + cleaned(citation) + " <" + cleaned(link) + ">")
            }
        }
        return out.joined(separator: "\n") + "\n"
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
