import Content

/// The optional knowledge check (as in the UBC MS decision aid and
/// Healthwise): true or false statements after the results. Answering shows
/// the right answer, why, and the section that says so. Nothing waits on it.
enum KnowledgeCheckView {
    static func body(_ m: Model, _ ctx: Context, _ g: Glyphs, _ width: Int) -> [Line] {
        let items = ctx.content.knowledgeCheck
        guard !items.isEmpty else {
            return paragraph("This copy of the content has no knowledge check.", width: width)
        }
        var lines = paragraph("A short check of what the aid says, if you want it. It is not a test of you, and you can skip it. Press t for true, f for false or n for not sure.", width: width)
        if let score = KnowledgeScore(m.deliberation.knowledge, items: items) {
            lines += paragraph("Your score: " + score.text + ". It goes on your summary.", width: width, style: .emphasis)
        }
        lines.append(Line())
        for (index, item) in items.enumerated() {
            let selected = index == m.highlight
            let answer = m.deliberation.knowledge[item.id]
            let mark = answer.map { "[" + $0.rawValue + "]" } ?? "[ ]"
            let text = (selected ? g.pointer : " ") + " \(index + 1). " + item.statement + " " + mark
            lines += paragraph(text, width: width, style: selected ? .selected : .normal, hanging: 5, target: index, focus: selected)
            if let answer {
                let verdict: String
                if answer == .notSure {
                    verdict = "The answer: " + (item.answer ? "true" : "false") + "."
                } else {
                    verdict = (KnowledgeScore.isRight(answer, item) ? "Right: " : "Not quite: ") + "it is " + (item.answer ? "true" : "false") + "."
                }
                lines += paragraph(verdict + " " + item.why, width: width, indent: 5)
                lines += paragraph("See " + item.section + " (key " + sectionKey(item.section) + "). Sources: " + ResultsView.refs(item.sources, ctx),
                                   width: width, style: .muted, indent: 5)
            }
        }
        return lines
    }

    static func sectionKey(_ title: String) -> String {
        ResultsSection.allCases.first { $0.title == title }.map { String($0.key) } ?? "Tab"
    }
}
