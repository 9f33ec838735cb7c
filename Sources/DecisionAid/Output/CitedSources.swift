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
        let parts = numbers(ids).map { $0.number.map(String.init) ?? $0.id }
        return parts.isEmpty ? "" : "[" + parts.joined(separator: ", ") + "]"
    }

    /// Each id once, in order, with its number (numbering any not cited
    /// before), or nil for an id the content does not know.
    mutating func numbers(_ ids: [String]) -> [(id: String, number: Int?)] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }.map { id in
            guard let source = content.source(id) else { return (id, nil) }
            if let index = ordered.firstIndex(where: { $0.id == id }) { return (id, index + 1) }
            ordered.append(source)
            return (id, ordered.count)
        }
    }
}

extension Source {
    /// The whole reference on one line, for a clinician: authors, title,
    /// journal and year as content gives them, then the DOI or web address
    /// ("Miller AE, et al. … JAMA Neurol. 2021;78(2):241-246.
    /// https://doi.org/10.1001/jamaneurol.2020.4025"). Screens and printouts
    /// wrap it with `wrap(_:width:rest:keepingURLs: true)` so the address stays whole.
    public var fullCitation: String {
        let citation = SummaryLayout.cleaned(self.citation)
        let link = SummaryLayout.cleaned(self.link)
        if link.isEmpty || citation.contains(link) { return citation }
        return citation.isEmpty ? link : citation + " " + link
    }
}
