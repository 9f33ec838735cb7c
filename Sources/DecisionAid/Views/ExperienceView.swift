import Content

/// "What it is like": for each option, step by step what living through it
/// involves, then how it can feel; beside "stay", what is known if nothing
/// changes. A page of its own (key w) rather than a part of Options, so the
/// Options grid stays one screen of comparisons and this page can be read
/// option by option, top to bottom, like a timeline.
enum ExperienceView {
    static func body(_ ctx: Context, _ g: Glyphs, _ width: Int) -> [Line] {
        let content = ctx.content
        guard !content.experience.isEmpty else {
            return paragraph("This copy of the content has nothing on what each option is like.", width: width)
        }
        var lines = paragraph("What each option is like to live through, step by step, and how people say it felt. Where our sources are silent, we say so.", width: width)
        for option in content.options {
            let steps = content.experience.filter { $0.option == option.id }
            guard !steps.isEmpty || (option.id == ContentContract.statusQuoOption && !content.ifNothingChanges.isEmpty) else { continue }
            lines.append(Line())
            lines += paragraph(option.name, width: width, style: .heading)
            if option.id == ContentContract.statusQuoOption {
                lines += ifNothingChanges(ctx, g, width)
            }
            for step in steps {
                lines += paragraph(g.bullet + " " + step.when + ": " + step.text, width: width, hanging: 2)
                if !step.sources.isEmpty {
                    lines += ResultsView.sources(step.sources, ctx, width: width, indent: 4, hanging: 0)
                }
            }
        }
        return lines
    }

    /// What is known about MS if nothing changes, with who was studied, when, and how sure.
    static func ifNothingChanges(_ ctx: Context, _ g: Glyphs, _ width: Int) -> [Line] {
        var lines: [Line] = []
        let figures = ctx.content.ifNothingChanges
        guard !figures.isEmpty else { return lines }
        lines += paragraph("If nothing changes", width: width, style: .emphasis)
        for figure in figures {
            lines += paragraph(g.bullet + " " + figure.heading + ": " + figure.text, width: width, hanging: 2)
            var detail = "Who: " + figure.group + ". When: " + figure.timeFrame + ". How sure: " + figure.certainty + "."
            if let grade = figure.grade { detail += " " + grade.line + "." }
            if Clinician.on(ctx) {
                // Full citations on lines of their own, not run into the sentence.
                lines += paragraph(detail, width: width, style: .muted, indent: 4)
                lines += Clinician.sourceLines(figure.sources, ctx, width: width, indent: 4)
                continue
            }
            detail += " Source: " + ResultsView.refs(figure.sources, ctx) + "."
            lines += paragraph(detail, width: width, style: .muted, indent: 4)
        }
        lines += paragraph("What it is like day to day", width: width, style: .emphasis)
        return lines
    }
}

/// The results' section tabs, packed into lines without breaking a label
/// ("5 Risks" stays together): with twelve sections they take three lines
/// at 80 columns, and a label split over two lines was hard to read.
enum SectionTabs {
    static func lines(_ current: ResultsSection, width: Int) -> [Line] {
        let labels = ResultsSection.allCases.map { s in
            s == current ? "[\(s.key) \(s.title)]" : " \(s.key) \(s.title) "
        }
        var lines: [Line] = []
        var text = ""
        for label in labels {
            if !text.isEmpty && Frame.width(of: text) + 1 + Frame.width(of: label) > width {
                lines.append(Line(text, .emphasis))
                text = ""
            }
            text += (text.isEmpty ? "" : " ") + label
        }
        if !text.isEmpty { lines.append(Line(text, .emphasis)) }
        return lines
    }
}
