import Content

/// Numbers sources in the order a document first cites them, so its source
/// list runs 1, 2, 3 … and every [n] in the text points into that list.
struct CitedSources {
    let content: ContentSet
    /// The sources cited so far, in the order of their numbers.
    private(set) var ordered: [Source] = []

    init(content: ContentSet) { self.content = content }

    /// "[1, 4]" for these source ids, numbering any not cited before; "" for
    /// none. An id the content does not know is shown as it is.
    mutating func refs(_ ids: [String]) -> String {
        var seen: Set<String> = []
        let parts = ids.filter { seen.insert($0).inserted }.map { id -> String in
            guard let source = content.source(id) else { return id }
            if let index = ordered.firstIndex(where: { $0.id == id }) { return "\(index + 1)" }
            ordered.append(source)
            return "\(ordered.count)"
        }
        return parts.isEmpty ? "" : "[" + parts.joined(separator: ", ") + "]"
    }
}
