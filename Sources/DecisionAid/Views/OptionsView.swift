import Content

/// The options side by side (an Option Grid): the questions people ask, each
/// answered for every option with its sources; then the trials the person
/// could ask about. Wide screens get a table; narrow ones one question at a
/// time. Never says what to choose.
enum OptionsView {
    /// The narrowest body that gets the table.
    static let wideWidth = 96
    /// The frozen question column of the table.
    static let questionWidth = 18

    static func isNarrow(width: Int) -> Bool { width < wideWidth }

    /// Questions in the grid: the narrow view shows one of them at a time.
    static func rowCount(_ ctx: Context) -> Int { ctx.content.grid.count }

    /// `current` is the grid row shown on a narrow screen; `width` is the
    /// prose measure and `tableWidth` all the room a table may take.
    static func body(current: Int, answers: Answers, ctx: Context, g: Glyphs, width: Int, tableWidth: Int) -> [Line] {
        var lines: [Line]
        if ctx.content.options.isEmpty || ctx.content.grid.isEmpty {
            lines = paragraph("This copy of the content has no options to compare.", width: width)
        } else if isNarrow(width: tableWidth) {
            lines = oneQuestion(current, ctx, g, width)
        } else {
            lines = table(ctx, g, tableWidth)
        }
        return lines + afterGrid(answers: answers, ctx: ctx, g: g, width: width)
    }

    /// Below the grid: the options in short, and the trials the person could ask about.
    static func afterGrid(answers: Answers, ctx: Context, g: Glyphs, width: Int) -> [Line] {
        var lines: [Line] = []
        if !ctx.content.options.isEmpty && !ctx.content.grid.isEmpty {
            lines.append(Line())
            lines.append(Line("The options in short", .heading))
            for option in ctx.content.options {
                lines += paragraph(g.bullet + " " + option.name + ": " + option.summary.text + DecideViews.refs(option.summary.sources, ctx),
                                   width: width, hanging: 2)
            }
        }
        let trialLines = trials(answers, ctx, g, width)
        if !trialLines.isEmpty {
            lines.append(Line())
            lines += trialLines
        }
        return lines
    }

    /// Marks a cell where no good number exists (its text says so).
    static let noNumberMark = "?"

    static func cellText(_ cell: GridCell?) -> String {
        guard let cell else { return "No information." }
        return cell.noGoodNumber ? noNumberMark + " " + cell.text : cell.text
    }

    // MARK: Wide: the table

    static func table(_ ctx: Context, _ g: Glyphs, _ width: Int) -> [Line] {
        let options = ctx.content.options
        let unicode = g.rule != "-"
        let bar = unicode ? "│" : "|"
        let cross = unicode ? "┼" : "+"
        let q = questionWidth
        // Each option column is separated by " │ "; the columns share what is left.
        let room = width - q - 3 * options.count
        let base = max(1, room / options.count)
        var widths = [q] + Array(repeating: base, count: options.count)
        var extra = room - base * options.count
        var index = 1
        while extra > 0 && index < widths.count { widths[index] += 1; extra -= 1; index += 1 }
        var starts: [Int] = []
        var column = 0
        for w in widths { starts.append(column); column += w + 3 }

        /// Columns of lines joined into rows, each cell padded to its column;
        /// the question column emphasised where asked.
        func rows(_ cells: [[String]], style: Style, emphasiseQuestion: Bool = false) -> [Line] {
            let height = cells.map(\.count).max() ?? 0
            return (0..<height).map { r in
                var text = ""
                var line = Line("", style)
                for (c, cell) in cells.enumerated() {
                    let piece = r < cell.count ? cell[r] : ""
                    if c > 0 { text += " " + bar + " " }
                    if c == 0 && emphasiseQuestion && !piece.isEmpty {
                        line.spans.append((column: starts[c], count: Frame.width(of: piece), style: .emphasis))
                    }
                    text += c == cells.count - 1 ? piece : Columns.pad(piece, to: widths[c])
                }
                line.text = Columns.trimmedRight(text)
                return line
            }
        }

        let ruleLine: Line = {
            var text = String(repeating: g.rule, count: q + 1)
            for (k, w) in widths.dropFirst().enumerated() {
                text += cross + String(repeating: g.rule, count: w + (k == widths.count - 2 ? 1 : 2))
            }
            return Line(text, .muted)
        }()

        // A clinician sees full citations: numbered in the cells, and listed in
        // full across the table under each row (whole citations in columns a
        // quarter of the width would run for dozens of lines).
        let clinician = Clinician.on(ctx)
        var cited: [String] = []
        var lines = paragraph(clinician
            ? "The options side by side. Under each answer are the sources it comes from, numbered; their full citations follow each row."
            : "The options side by side. Under each answer are the sources it comes from.", width: width)
        lines.append(Line())
        lines += rows([[""]] + options.enumerated().map { Columns.wrapped($0.element.name, width: widths[$0.offset + 1]) }, style: .heading)
        var anyNoNumber = false
        for row in ctx.content.grid {
            lines.append(ruleLine)
            let cells = options.map { row.cells[$0.id] }
            anyNoNumber = anyNoNumber || cells.contains { $0?.noGoodNumber == true }
            let texts = [Columns.wrapped(row.question, width: q)]
                + cells.enumerated().map { Columns.wrapped(cellText($0.element), width: widths[$0.offset + 1]) }
            var textLines = rows(texts, style: .normal, emphasiseQuestion: true)
            // The no-good-number mark stands out by style as well as by shape.
            for (c, cell) in cells.enumerated() where cell?.noGoodNumber == true && !textLines.isEmpty {
                textLines[0].spans.append((column: starts[c + 1], count: Frame.width(of: noNumberMark), style: .emphasis))
            }
            lines += textLines
            if cells.contains(where: { !($0?.sources.isEmpty ?? true) }) {
                let sourceCells = [["Sources"]] + cells.enumerated().map { offset, cell in
                    Columns.wrapped(clinician ? Clinician.numbers(cell?.sources ?? [], &cited) : ResultsView.refs(cell?.sources ?? [], ctx),
                                    width: widths[offset + 1])
                }
                lines += rows(sourceCells, style: .muted)
                if clinician {
                    lines += Clinician.list(cells.flatMap { $0?.sources ?? [] }, cited, ctx, width: width, indent: starts[1])
                }
            }
        }
        if anyNoNumber {
            lines.append(Line())
            lines += paragraph(noNumberMark + " marks an answer with no good number: it says what is known.", width: width, style: .muted)
        }
        return lines
    }

    // MARK: Narrow: one question at a time

    static func oneQuestion(_ current: Int, _ ctx: Context, _ g: Glyphs, _ width: Int) -> [Line] {
        let grid = ctx.content.grid
        let index = min(max(0, current), grid.count - 1)
        let row = grid[index]
        var lines = paragraph("Question \(index + 1) of \(grid.count): " + row.question, width: width, style: .heading, focus: true)
        for option in ctx.content.options {
            lines.append(Line())
            lines += paragraph(option.name, width: width, style: .emphasis)
            let cell = row.cells[option.id]
            var text = paragraph(cellText(cell), width: width, indent: 2)
            if cell?.noGoodNumber == true, !text.isEmpty {
                text[0].spans = [(column: 0, count: Frame.width(of: noNumberMark), style: .emphasis)]
            }
            lines += text
            if let cell, !cell.sources.isEmpty {
                lines += ResultsView.sources(cell.sources, ctx, width: width, indent: 2)
            }
        }
        if row.cells.values.contains(where: \.noGoodNumber) {
            lines.append(Line())
            lines += paragraph(noNumberMark + " marks an answer with no good number: it says what is known.", width: width, style: .muted)
        }
        return lines
    }

    // MARK: Trials

    static func trials(_ answers: Answers, _ ctx: Context, _ g: Glyphs, _ width: Int) -> [Line] {
        let fits = TrialMatcher.fits(answers, ctx.content)
        let exactEDSS = ctx.settings.exactEDSS
        guard !fits.isEmpty else { return [] }
        var lines = paragraph("Trials you could ask about", width: width, style: .heading)
        lines += paragraph("In these trials, chance decides whether a person has AHSCT or another treatment. From your answers the aid can check only age, EDSS, type of MS, recent activity and past drugs; each trial's team checks the rest.", width: width)
        let notSupported = RuleTable.evaluate(answers).level == .notSupported
        for fit in fits {
            let t = fit.trial
            lines.append(Line())
            lines += paragraph(t.name + " (" + t.registration + ")", width: width, style: .emphasis)
            lines += paragraph("Compares: " + t.compares, width: width, indent: 2, hanging: 2)
            lines += paragraph("Where: " + t.places, width: width, indent: 2, hanging: 2)
            let edss = t.edssMin.flatMap { low in t.edssMax.map { "EDSS \(format(low)) to \(format($0))" } } ?? "EDSS limit not in our sources"
            lines += paragraph("Limits: age \(t.ageMin) to \(t.ageMax); \(edss).", width: width, indent: 2, hanging: 2)
            if !t.activity.isEmpty {
                lines += paragraph("MS activity: " + t.activity, width: width, indent: 2, hanging: 2)
            }
            lines += paragraph(t.takesUntreated
                ? "It also takes some people who have not had MS drugs (rapidly evolving severe MS)."
                : "It takes people who have already had MS drugs.", width: width, indent: 2, hanging: 2)
            lines += paragraph("Status: " + t.status, width: width, indent: 2, hanging: 2)
            var fitLine = fitText(fit, answers, exactEDSS: exactEDSS)
            if fit.fits == true && notSupported {
                fitLine += " But the guidelines do not support AHSCT for people with your answers; the trial team decides who can join."
            }
            lines += paragraph(fitLine, width: width, style: .emphasis, indent: 2, hanging: 2)
            if !t.sources.isEmpty {
                lines += ResultsView.sources(t.sources, ctx, width: width, indent: 2)
            }
        }
        return lines
    }

    /// Whether the answers fit the limits the aid can check, in words. Says
    /// what is outside or unknown; never whether to apply.
    static func fitText(_ fit: TrialFit, _ answers: Answers, exactEDSS: Bool = false) -> String {
        switch fit.fits {
        case true?:
            return "Your answers fit the limits the aid can check; the trial team checks the rest."
        case false?:
            return "Your answers are outside its limits: " + fit.unmet.joined(separator: "; ") + "."
        case nil:
            var unknown: [String] = []
            if fit.age == nil { unknown.append("you have not given your age") }
            if fit.edss == nil {
                if fit.trial.edssMax == nil {
                    unknown.append("its EDSS limit is not in our sources")
                } else if answers.edss == nil && answers.walking == nil {
                    unknown.append(exactEDSS ? "no EDSS score has been given" : "you have not said how far you can walk")
                } else {
                    unknown.append("your walking answer covers EDSS scores both inside and outside its limit of \(format(fit.trial.edssMin ?? 0)) to \(format(fit.trial.edssMax ?? 10))")
                }
            }
            if fit.activity == nil { unknown.append("you have not said whether your MS was active in the past year") }
            if fit.drugTried == nil { unknown.append("you have not said which MS drugs you have taken") }
            if fit.type == nil {
                switch answers.subtype {
                case nil: unknown.append("you have not said which type of MS you have")
                case .unsure?: unknown.append("you are not sure which type of MS you have")
                default: unknown.append("whether it takes your type of MS is for the trial team to judge")
                }
            }
            return "We cannot tell yet: " + unknown.joined(separator: "; ") + "."
        }
    }
}
