/// How much the aid tells about each option, place by place, so that no
/// option is shown in less detail than another (IPDAS certification item 1).
/// A place is a grid row or a results page; for each option it counts the
/// items (cells, risks, studies, steps) and the words of their texts. The
/// ratio is the most-told option over the least-told one.
public struct DetailBalance: Sendable, Equatable {
    /// The target: no option gets more than 1.5 times the detail of another.
    public static let limit = 1.5

    /// Places that do not yet meet the target, with the ratio they may not
    /// exceed (so they can only get better). Each would be listed as a gap in
    /// docs/IPDAS.md. Empty since content 2.0.0's equal-detail pass: the
    /// Risks and Evidence pages, held here at 3.6 and 4.0 : 1 before, now
    /// meet `limit` like every grid row and What it is like.
    public static let notYetEqual: [String: Double] = [:]

    public struct Place: Sendable, Equatable {
        /// "grid row 'dying' (words)", "Risks page (items)"
        public var name: String
        /// By option id.
        public var counts: [String: Int]
        /// The ratio this place may not exceed.
        public var allowed: Double

        /// Most over least; infinite when an option has nothing here.
        public var ratio: Double {
            guard let most = counts.values.max(), let least = counts.values.min() else { return 1 }
            if least == 0 { return most == 0 ? 1 : .infinity }
            return Double(most) / Double(least)
        }
        public var isBalanced: Bool { ratio <= allowed + 1e-9 }
    }

    public var places: [Place]

    /// The least balanced place.
    public var worst: Place? { places.max { $0.ratio < $1.ratio } }
    public var unbalanced: [Place] { places.filter { !$0.isBalanced } }

    public init(_ content: ContentSet) {
        let ids = content.options.map(\.id)
        var places: [Place] = []
        func add(_ name: String, _ count: (String) -> Int) {
            var counts: [String: Int] = [:]
            for id in ids { counts[id] = count(id) }
            places.append(Place(name: name, counts: counts, allowed: Self.notYetEqual[name] ?? Self.limit))
        }
        func words(_ texts: [String]) -> Int {
            texts.reduce(0) { $0 + $1.split(whereSeparator: { $0 == " " || $0 == "\n" }).count }
        }
        for row in content.grid {
            add("grid row '\(row.id)' (words)") { words([row.cells[$0]?.text ?? ""]) }
        }
        func riskTexts(_ r: Risk) -> [String] {
            [r.summary.text] + r.figures.map(\.text) + [r.higherFor?.text ?? ""]
        }
        add("Risks page (items)") { id in content.risks.filter { $0.option == id }.count }
        add("Risks page (words)") { id in words(content.risks.filter { $0.option == id }.flatMap(riskTexts)) }
        func studyTexts(_ s: Study) -> [String] {
            [s.summary.text] + s.outcomes.map(\.text) + s.limitations.map(\.text)
        }
        add("Evidence page (items)") { id in content.studies.filter { $0.options.contains(id) }.count }
        add("Evidence page (words)") { id in words(content.studies.filter { $0.options.contains(id) }.flatMap(studyTexts)) }
        if !content.experience.isEmpty {
            add("What it is like page (items)") { id in content.experience.filter { $0.option == id }.count }
            add("What it is like page (words)") { id in words(content.experience.filter { $0.option == id }.map(\.text)) }
        }
        self.places = places
    }

    /// "Detail per option (most : least, target 1.5 : 1): worst 1.50 : 1 (grid row 'fertility' (words));
    /// Risks page 1.43 : 1 items, 1.42 : 1 words; Evidence page …; What it is like page …"
    public var line: String {
        let two = { (x: Double) in x.isFinite ? x.fixed(2) : "no detail for one option" }
        var text = "Detail per option (most : least, target \(Self.limit.fixed(1)) : 1)"
        let equal = places.filter { Self.notYetEqual[$0.name] == nil }
        if let worst = equal.max(by: { $0.ratio < $1.ratio }) {
            text += ": worst \(two(worst.ratio)) : 1 (\(worst.name))"
        }
        // Each page's own ratios, items and words, so a reader sees all of them.
        let pages = places.compactMap { $0.name.hasSuffix(" page (items)") ? String($0.name.dropLast(" (items)".count)) : nil }
        for page in pages {
            guard let items = places.first(where: { $0.name == page + " (items)" }),
                  let words = places.first(where: { $0.name == page + " (words)" }) else { continue }
            text += "; \(page) \(two(items.ratio)) : 1 items, \(two(words.ratio)) : 1 words"
        }
        let behind = places.filter { Self.notYetEqual[$0.name] != nil }
        if !behind.isEmpty {
            text += "; not yet equal: " + behind.map { "\($0.name) \(two($0.ratio)) : 1" }.joined(separator: ", ")
        }
        return text
    }
}
