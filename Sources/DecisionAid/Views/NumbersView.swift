import Content

/// The key numbers as words, numbers and pictures (DECISION-AID-STANDARDS d1):
/// the same group size and time frame for every option, both framings,
/// ranges, how sure the evidence is, and an icon array for each option.
enum NumbersView {
    /// Columns between icon arrays drawn side by side.
    static let gap = 4

    static func body(answers: Answers, assessment: Assessment, ctx: Context, g: Glyphs, width: Int) -> [Line] {
        let pictures = g.pictures ? " The pictures show 100 people, or 1,000 for rare harms: each mark is one person." : ""
        var lines = paragraph("Each number below is for the same size of group and the same length of time for every option, so they can be compared." + pictures + " In a trial, chance decides which of the two treatments a person gets.", width: width)
        if ctx.content.keyNumbers.isEmpty {
            lines.append(Line())
            lines += paragraph("This copy of the content has no key numbers.", width: width)
        }
        for number in ctx.content.keyNumbers {
            lines.append(Line())
            lines += keyNumber(number, assessment, ctx, g, width)
        }
        return lines
    }

    // MARK: One key number

    static func keyNumber(_ number: KeyNumber, _ assessment: Assessment, _ ctx: Context, _ g: Glyphs, _ width: Int) -> [Line] {
        let icons = g.icons
        let eventStyle: Style = number.harm ? .warning : .good
        let figures = ordered(number, ctx)
        // The "higher for" note of the risk behind this number, when it applies to this person.
        let higher: Cited? = number.risk.flatMap { id in
            assessment.risks.first { $0.risk.id == id && $0.higherForYou }?.risk.higherFor
        }
        let ahsctFigures = figures.filter { isAHSCT($0.option, ctx) }
        let pictures = figures.compactMap { figure in figure.per100.map { (figure, IconArray(per100: $0, denominator: number.denominator)) } }
        let sideBySide = g.pictures && number.denominator == 100 && pictures.count > 1 && sideBySideWidth(figures.count) <= width

        var lines = paragraph(number.outcome + " " + number.timeFrame, width: width, style: .heading)
        for (index, figure) in figures.enumerated() {
            if index > 0 { lines.append(Line()) }
            lines += paragraph(name(figure.option, ctx), width: width, style: .emphasis)
            lines += paragraph(figure.text, width: width, indent: 2)
            if !figure.group.isEmpty {
                lines += paragraph(figure.whoWasStudied(for: assessment.answers), width: width, style: .muted, indent: 2, hanging: 2)
            }
            if let per100 = figure.per100 {
                let array = IconArray(per100: per100, denominator: number.denominator)
                if let line = numberLine(array, figure) {
                    lines += paragraph(line, width: width, indent: 2, hanging: 2)
                }
                // The framing sentence names the event first; the picture follows it
                // directly, so the filled mark is the outcome just read.
                lines += paragraph(framing(array, number), width: width, indent: 2, hanging: 2)
                if g.pictures && !sideBySide {
                    lines += picture(array, number, icons, eventStyle, width)
                }
                if let higher, ahsctFigures.contains(figure) {
                    lines += warning(higher, ctx, g, width)
                }
            } else {
                lines += paragraph(g.pictures ? "No picture: there is no good number." : "There is no good number.", width: width, style: .emphasis, indent: 2, hanging: 2)
                if let higher, ahsctFigures.contains(figure) {
                    lines += warning(higher, ctx, g, width)
                }
            }
            if !figure.certainty.isEmpty {
                lines += paragraph("How sure: " + figure.certainty + (figure.grade.map { ". " + $0.line } ?? ""), width: width, indent: 2, hanging: 2)
            }
            if !figure.sources.isEmpty {
                lines += ResultsView.sources(figure.sources, ctx, width: width, indent: 2)
            }
        }
        // No AHSCT figure to sit beside: the note goes under the number.
        if let higher, ahsctFigures.isEmpty {
            lines.append(Line())
            lines += warning(higher, ctx, g, width)
        }
        if sideBySide {
            // The last words above are an option's sources: say again which outcome the pictures show.
            lines.append(Line())
            lines += paragraph(number.outcome + " " + number.timeFrame + ", out of 100 people:", width: width, indent: 2, hanging: 2)
            lines.append(legend(number, icons, eventStyle))
            lines += sideBySidePictures(figures, number, ctx, icons, eventStyle)
        }
        return lines
    }

    /// The figures in the order of the options grid; any for an option not in
    /// the grid come last.
    static func ordered(_ number: KeyNumber, _ ctx: Context) -> [KeyFigure] {
        let known = ctx.content.options.compactMap { number.figure(for: $0.id) }
        let others = number.figures.filter { figure in !ctx.content.options.contains { $0.id == figure.option } }
        return known + others
    }

    static func name(_ option: String, _ ctx: Context) -> String {
        ctx.content.option(option)?.short ?? option
    }

    /// The options that are a transplant: the "higher for" notes of the risks
    /// (risks.yaml) are about AHSCT.
    static func isAHSCT(_ option: String, _ ctx: Context) -> Bool { option == ContentContract.transplantOption }

    static func warning(_ higher: Cited, _ ctx: Context, _ g: Glyphs, _ width: Int) -> [Line] {
        let refs = ResultsView.refs(higher.sources, ctx)
        return paragraph(g.warning + " Higher for people like you: " + higher.text + (refs.isEmpty ? "" : " (" + refs + ")"),
                         width: width, style: .warning, indent: 2, hanging: 2)
    }

    // MARK: Words and numbers

    /// "21 in 1,000", "about 2 in 100", "fewer than 1 in 100".
    static func amount(_ count: Int, exact: Bool, of denominator: Int, nonZero: Bool = false) -> String {
        let total = Columns.count(denominator)
        if count == 0 && nonZero { return "fewer than 1 in " + total }
        if count == denominator && nonZero { return "more than \(Columns.count(denominator - 1)) in " + total }
        return (exact ? "" : "about ") + Columns.count(count) + " in " + total
    }

    /// True when rounding made the count none or everyone though it is not:
    /// the words then say "fewer than 1" or "more than 99".
    static func isEdge(_ array: IconArray) -> Bool {
        array.isRounded && (array.events == 0 || array.events == array.denominator)
    }

    /// A per-100 figure as a whole count on the array's denominator.
    static func scaled(_ per100: Double, _ denominator: Int) -> Int {
        IconArray(per100: per100, denominator: denominator).events
    }

    /// "About 21 in 1,000 (range 0 to 28 in 1,000 across studies).", where the
    /// studies give a range; without one the framing line says the number.
    static func numberLine(_ array: IconArray, _ figure: KeyFigure) -> String? {
        let d = array.denominator
        guard let low = figure.low.map({ scaled($0, d) }), let high = figure.high.map({ scaled($0, d) }), low != high else { return nil }
        return amount(array.events, exact: !array.isRounded, of: d, nonZero: isEdge(array)).capitalizedFirst()
            + " (range \(Columns.count(min(low, high))) to \(Columns.count(max(low, high))) in \(Columns.count(d)) across studies)."
    }

    /// Both framings: "21 in 1,000 died from the treatment. 979 in 1,000 did not."
    static func framing(_ array: IconArray, _ number: KeyNumber) -> String {
        let d = array.denominator
        let with = amount(array.events, exact: !array.isRounded, of: d, nonZero: isEdge(array))
        let without = amount(array.nonEvents, exact: !array.isRounded, of: d, nonZero: isEdge(array))
        return with.capitalizedFirst() + " " + number.event + ". " + without.capitalizedFirst() + " " + number.nonEvent + "."
    }

    // MARK: Pictures

    /// The one rule for every picture: the filled mark is the key number's
    /// event, the outcome its heading and framing sentence name ("had no sign
    /// of MS activity" is filled, "had some MS activity" is not), and the
    /// legend saying so comes before the people.
    /// "■ = died from the treatment   · = did not", the glyphs in their picture styles.
    static func legend(_ number: KeyNumber, _ icons: IconGlyphs, _ eventStyle: Style) -> Line {
        let first = icons.event + " = " + number.event + "   "
        var line = Line(first + icons.nonEvent + " = " + number.nonEvent, .normal, indent: 2)
        line.spans = [(column: 0, count: Frame.width(of: icons.event), style: eventStyle),
                      (column: Frame.width(of: first), count: Frame.width(of: icons.nonEvent), style: .muted)]
        return line
    }

    /// One option's array under its words: the legend first, then (for the
    /// 1,000-array, taller than a screen) how many rows of people follow, then
    /// the people, the marked ones in the top rows. A note instead where the
    /// screen is too narrow for it.
    static func picture(_ array: IconArray, _ number: KeyNumber, _ icons: IconGlyphs, _ eventStyle: Style, _ width: Int) -> [Line] {
        guard array.width + 2 <= width else {
            return paragraph("The picture of \(Columns.count(array.denominator)) people needs a wider window.", width: width, style: .muted, indent: 2, hanging: 2)
        }
        var lines = [Line(), legend(number, icons, eventStyle)]
        if array.denominator == 1000 {
            lines += paragraph(rowsNote(array), width: width, indent: 2, hanging: 2)
        }
        return lines + array.bodyLines(icons, eventStyle: eventStyle, indent: 2) + [Line()]
    }

    /// "20 rows of 50 people follow, the marked ones first."
    static func rowsNote(_ array: IconArray) -> String {
        "\(array.gridRows) rows of \(array.columns) people follow" + (array.events > 0 ? ", the marked ones first." : ".")
    }

    /// Body width that arrays of 100 side by side need.
    static func sideBySideWidth(_ count: Int) -> Int {
        let array = IconArray(per100: 0, denominator: 100)
        return 2 + count * array.width + max(0, count - 1) * gap
    }

    /// Arrays of 100 side by side, each under its option's short name and count.
    static func sideBySidePictures(_ figures: [KeyFigure], _ number: KeyNumber, _ ctx: Context,
                                   _ icons: IconGlyphs, _ eventStyle: Style) -> [Line] {
        let panel = IconArray(per100: 0, denominator: 100).width
        let arrays = figures.map { figure in figure.per100.map { IconArray(per100: $0, denominator: number.denominator) } }
        let names = figures.map { Columns.wrapped(name($0.option, ctx), width: panel) }
        let captions: [String] = zip(figures, arrays).map { figure, array in
            guard let array else { return "No good number" }
            return amount(array.events, exact: !array.isRounded, of: array.denominator, nonZero: isEdge(array)).capitalizedFirst()
        }
        let rows = arrays.map { $0?.rows(icons) ?? [] }

        func join(_ pieces: [String]) -> String {
            Columns.trimmedRight(pieces.enumerated().map { index, piece in
                index == pieces.count - 1 ? piece : Columns.pad(piece, to: panel + gap)
            }.joined())
        }

        var lines: [Line] = []
        let nameRows = names.map(\.count).max() ?? 0
        for r in 0..<nameRows {
            lines.append(Line(join(names.map { r < $0.count ? $0[r] : "" }), .emphasis, indent: 2))
        }
        lines.append(Line(join(captions), .normal, indent: 2))
        let height = rows.map(\.count).max() ?? 0
        for r in 0..<height {
            var line = Line(join(rows.map { r < $0.count ? $0[r].text : "" }), .muted, indent: 2)
            for (index, panelRows) in rows.enumerated() where r < panelRows.count {
                let offset = index * (panel + gap)
                line.spans += panelRows[r].eventRuns.map { (column: offset + $0.column, count: $0.count, style: eventStyle) }
            }
            lines.append(line)
        }
        return lines
    }
}
