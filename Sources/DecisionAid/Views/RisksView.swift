import Content

/// The Risks page: the harms of every option, each under the option it
/// belongs to, with numbers for a stated group and time, how sure (in plain
/// words and as a GRADE level), and sources.
enum RisksView {
    static func body(_ a: Assessment, _ ctx: Context, _ g: Glyphs, _ width: Int) -> [Line] {
        var lines = paragraph("The harms of each option, with numbers for a stated group and time. Most come from studies without a comparison group. GRADE says how sure we can be: high, moderate, low or very low (see the Glossary).", width: width)
        let options = ctx.content.options
        var groups: [(heading: String, risks: [MatchedRisk])] = options.map { option in
            (option.name, a.risks.filter { $0.risk.option == option.id })
        }
        // Content loaded without options (tests, an old copy) still shows every risk.
        let placed = Set(options.map(\.id))
        let unplaced = a.risks.filter { !placed.contains($0.risk.option) }
        if !unplaced.isEmpty { groups.append(("Other harms", unplaced)) }
        for group in groups where !group.risks.isEmpty {
            lines.append(Line())
            lines += paragraph(group.heading.uppercased(), width: width, style: .heading)
            for match in group.risks {
                lines.append(Line())
                lines += risk(match, ctx, g, width)
            }
        }
        return lines
    }

    static func risk(_ match: MatchedRisk, _ ctx: Context, _ g: Glyphs, _ width: Int) -> [Line] {
        var lines = paragraph(match.risk.name, width: width, style: .heading)
        lines += paragraph(match.risk.summary.text, width: width)
        for figure in match.risk.figures {
            lines += paragraph(g.bullet + " " + figure.text, width: width, hanging: 2)
            var detail = "Who: " + figure.group + ". When: " + figure.timeFrame + ". How sure: " + figure.certainty + "."
            if let grade = figure.grade { detail += " " + grade.line + "." }
            if Clinician.on(ctx) {
                // Full citations on lines of their own, not run into the sentence.
                lines += paragraph(detail, width: width, style: .muted, indent: 2)
                lines += Clinician.sourceLines(figure.sources, ctx, width: width, indent: 2)
                continue
            }
            detail += " Source: " + ResultsView.refs(figure.sources, ctx) + "."
            lines += paragraph(detail, width: width, style: .muted, indent: 2)
        }
        if match.higherForYou, let higher = match.risk.higherFor {
            lines += paragraph(g.warning + " Higher for people like you: " + higher.text + " (" + ResultsView.refs(higher.sources, ctx) + ")", width: width, style: .warning, hanging: 2)
        }
        return lines
    }
}
