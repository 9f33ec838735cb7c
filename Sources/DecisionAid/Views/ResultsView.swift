import Content

/// The results: the level and why, then evidence, risks, the clinic
/// checklist and the glossary, each a section the person can move between.
enum ResultsView {
    static func render(_ section: ResultsSection, _ m: Model, _ ctx: Context, _ g: Glyphs) -> Rendered {
        let all = ResultsSection.allCases.count
        let chrome = Chrome(m, ctx, g, progress: "\(section.title) (\(section.rawValue + 1) of \(all))",
                            status: Views.status(m))
        return chrome.draw(body(section, m, ctx, g), m, glyphs: g)
    }

    /// How many items a list section has (0 where the section scrolls instead).
    static func itemCount(_ section: ResultsSection, _ m: Model, _ ctx: Context) -> Int {
        switch section {
        case .evidence: return Assessor.matchedEvidence(m.answers, ctx.content).count
        case .checklist: return ctx.content.checklist.count
        case .questions: return ctx.content.doctorQuestions.count + m.deliberation.ownQuestions.count + 1
        case .values: return ValuesRow.all(ctx.content).count
        case .finish: return ctx.content.sure.count
        case .check: return ctx.content.knowledgeCheck.count
        case .options: return OptionsView.isNarrow(width: Views.tableWidth(m.size)) ? OptionsView.rowCount(ctx) : 0
        default: return 0
        }
    }

    static func body(_ section: ResultsSection, _ m: Model, _ ctx: Context, _ g: Glyphs) -> [Line] {
        let width = Views.bodyWidth(m.size, ctx)
        let assessment = Assessor.assess(m.answers, content: ctx.content)
        var lines = SectionTabs.lines(section, width: width)
        lines.append(Line())
        switch section {
        case .summary where Clinician.on(ctx):
            lines += Clinician.summary(assessment, ctx, g, width)
        case .summary:
            lines += summary(assessment, ctx, g, width)
            lines += paragraph("Press Tab to compare the options, see the numbers and the evidence, think about what matters to you, and make a summary to take to your neurologist.", width: width)
        case .options: lines += OptionsView.body(current: m.highlight, answers: m.answers, ctx: ctx, g: g, width: width, tableWidth: Views.tableWidth(m.size))
        case .experience: lines += ExperienceView.body(ctx, g, width)
        case .numbers: lines += NumbersView.body(answers: m.answers, assessment: assessment, ctx: ctx, g: g, width: width)
        case .evidence: lines += evidence(assessment, m, ctx, g, width)
        case .risks: lines += RisksView.body(assessment, ctx, g, width)
        case .values: lines += DecideViews.values(m, ctx, g, width)
        case .questions: lines += DecideViews.questions(m, ctx, g, width)
        case .checklist: lines += checklist(m, ctx, g, width)
        case .finish: lines += DecideViews.finish(m, ctx, g, width)
        case .check: lines += KnowledgeCheckView.body(m, ctx, g, width)
        case .glossary: lines += glossary(ctx, width)
        }
        return lines
    }

    /// The sources behind a figure: their short names for a patient, their
    /// full citations (with DOI or link) for a clinician.
    static func refs(_ ids: [String], _ ctx: Context) -> String {
        if Clinician.on(ctx) { return ids.compactMap { ctx.content.source($0).map(Clinician.citation) }.joined(separator: "; ") }
        return ids.compactMap { ctx.content.source($0)?.short }.joined(separator: "; ")
    }

    /// "Sources: …" under a figure: short names on one line for a patient;
    /// for a clinician each full citation starts a line of its own, so one
    /// ends and the next begins where the eye expects.
    static func sources(_ ids: [String], _ ctx: Context, width: Int, indent: Int, hanging: Int = 2) -> [Line] {
        guard Clinician.on(ctx) else {
            return paragraph("Sources: " + refs(ids, ctx), width: width, style: .muted, indent: indent, hanging: hanging)
        }
        return Clinician.sourceLines(ids, ctx, width: width, indent: indent)
    }

    static func summary(_ a: Assessment, _ ctx: Context, _ g: Glyphs, _ width: Int) -> [Line] {
        var lines = paragraph(a.headline, width: width, style: .heading)
        lines += paragraph(a.explanation, width: width)
        lines.append(Line())
        lines.append(Line("Why", .heading))
        for reason in a.reasons {
            let label = reason.kind == .note ? "Note: " : ""
            lines += paragraph(g.bullet + " " + label + reason.text, width: width, style: reason.kind == .note ? .normal : .emphasis, hanging: 2)
            if !reason.because.isEmpty {
                lines += paragraph("Because " + AnswerPhrases.list(reason.because) + ".", width: width, indent: 2)
            }
            if let change = reason.change {
                lines += paragraph("What could change this: " + change, width: width, indent: 2)
            }
            if !reason.sources.isEmpty {
                lines += paragraph("Sources: " + refs(reason.sources, ctx), width: width, style: .muted, indent: 2)
            }
        }
        lines.append(Line())
        lines += paragraph("This is what the guidelines say about people with answers like yours. It is not a decision: talk it over with your neurologist.", width: width)
        return lines
    }

    static func evidence(_ a: Assessment, _ m: Model, _ ctx: Context, _ g: Glyphs, _ width: Int) -> [Line] {
        if let open = m.openStudy, open < a.evidence.count {
            let s = a.evidence[open]
            // A clinician's outcomes carry numbers into the full list under Sources.
            var cited = s.sources
            func outcomeRefs(_ ids: [String]) -> String {
                Clinician.on(ctx) ? " " + Clinician.numbers(ids, &cited) : " (" + refs(ids, ctx) + ")"
            }
            var lines = paragraph(s.name, width: width, style: .heading)
            lines.append(Line())
            lines += paragraph("Who: " + s.who, width: width, hanging: 5)
            lines += paragraph("How many: \(s.howMany) people", width: width)
            lines += paragraph("Design: " + s.design.phrase.capitalizedFirst(), width: width)
            lines += EvidenceNotes.detail(s, ctx, width)
            lines += paragraph("Follow-up: " + s.followUp.text, width: width, hanging: 11)
            lines.append(Line())
            lines.append(Line("What happened", .heading))
            for outcome in s.outcomes {
                lines += paragraph(g.bullet + " " + outcome.text + outcomeRefs(outcome.sources), width: width, hanging: 2)
            }
            lines.append(Line())
            lines.append(Line("Limits", .heading))
            for limit in s.limitations {
                lines += paragraph(g.bullet + " " + limit.text, width: width, hanging: 2)
            }
            lines.append(Line())
            lines.append(Line("Sources", .heading))
            if Clinician.on(ctx) { return lines + Clinician.list(cited, cited, ctx, width: width) }
            for id in s.sources {
                if let source = ctx.content.source(id) {
                    lines += paragraph(source.citation + " " + source.link, width: width, style: .muted, hanging: 2)
                }
            }
            return lines
        }
        var lines = paragraph("Studies that speak to people like you, and the options each is about. Each has limits: few compared AHSCT with another treatment. Press Enter to open one.", width: width)
        lines.append(Line())
        for (index, study) in a.evidence.enumerated() {
            let selected = index == m.highlight
            let text = (selected ? g.pointer : " ") + " " + study.name + " " + g.dash + " " + study.design.phrase + ", \(study.howMany) people" + EvidenceNotes.listTag(study, ctx)
            lines += paragraph(text, width: width, style: selected ? .selected : .normal, hanging: 2, target: index, focus: selected)
            // Every study's summary shows, not only the focused one's: the
            // page stays the same as the focus moves, so paging never skips.
            lines += paragraph(study.summary.text, width: width, indent: 4)
            if Clinician.on(ctx) {
                let ids = study.summary.sources.isEmpty ? study.sources : study.summary.sources
                lines += sources(ids, ctx, width: width, indent: 4)
            }
        }
        return lines
    }

    static func checklist(_ m: Model, _ ctx: Context, _ g: Glyphs, _ width: Int) -> [Line] {
        var lines = paragraph("Questions to ask any clinic offering a stem cell transplant. Tick each one you have an answer to. \(g.warning) marks a warning sign.", width: width)
        lines.append(Line())
        for (index, item) in ctx.content.checklist.enumerated() {
            let selected = index == m.highlight
            let box = m.ticked.contains(item.id) ? g.boxOn : g.boxOff
            let flag = item.redFlag ? g.warning + " Warning sign: " : ""
            let text = (selected ? g.pointer : " ") + " " + box + " " + flag + item.question
            lines += paragraph(text, width: width, style: selected ? .selected : (item.redFlag ? .warning : .normal), hanging: 6, target: index, focus: selected)
            lines += paragraph("Why it matters: " + item.why + " (" + refs(item.sources, ctx) + ")", width: width, indent: 6)
        }
        return lines
    }

    static func glossary(_ ctx: Context, _ width: Int) -> [Line] {
        var lines: [Line] = []
        for term in ctx.content.glossary {
            lines += paragraph(term.term, width: width, style: .heading)
            lines += paragraph(term.definition, width: width, indent: 2)
            lines.append(Line())
        }
        return lines
    }
}
