import Content

/// The pages that help a person decide: the SURE test, what matters to
/// them, questions for the neurologist, the finish page, About, and saving.
enum DecideViews {
    // MARK: SURE

    /// The four SURE items with the person's answers, then the score and,
    /// for each "no", where the aid can help.
    static func sure(_ answers: [String: Bool], highlight: Int, _ ctx: Context, _ g: Glyphs, _ width: Int) -> [Line] {
        var lines: [Line] = []
        for (index, item) in ctx.content.sure.enumerated() {
            let selected = index == highlight
            let answer: String
            switch answers[item.id] {
            case true?: answer = "Yes"
            case false?: answer = "No"
            case nil: answer = "not answered"
            }
            let text = (selected ? g.pointer : " ") + " " + item.letter + "  " + item.question + "  " + g.dash + " " + answer
            lines += paragraph(text, width: width, style: selected ? .selected : .normal, hanging: 5, target: index, focus: selected)
        }
        lines.append(Line())
        let items = ctx.content.sure
        guard SureScore.score(answers, items: items) != nil else {
            let done = items.filter { answers[$0.id] != nil }.count
            lines += paragraph("Press y for yes or n for no. \(done) of \(items.count) answered.", width: width, style: .muted)
            return lines
        }
        return lines + sureScore(answers, ctx, g, width)
    }

    /// The SURE score and, for each "no", where the aid can help; nothing until all are answered.
    static func sureScore(_ answers: [String: Bool], _ ctx: Context, _ g: Glyphs, _ width: Int) -> [Line] {
        let items = ctx.content.sure
        guard let score = SureScore.score(answers, items: items) else { return [] }
        var lines = paragraph("Your score: \(score) of \(items.count).", width: width, style: .emphasis)
        if SureScore.conflict(score, items: items) {
            lines += paragraph("A score of 3 or less means some things may still need settling before a choice feels right. That is common. Where you said no:", width: width)
            for item in SureScore.needs(answers, items: items) {
                lines += paragraph(g.bullet + " " + item.letter + ": " + item.ifNo, width: width, hanging: 2)
            }
        } else {
            lines += paragraph("You said yes to all four. You can still talk it over with your neurologist.", width: width)
        }
        return lines
    }

    static func sureBeforePage(_ m: Model, _ ctx: Context, _ g: Glyphs) -> Rendered {
        let width = Views.bodyWidth(m.size, ctx)
        var body = paragraph("Before you start: four quick questions", width: width, style: .heading)
        body += paragraph("They come from the SURE test. They show what might help you most. You will see them again at the end. You can skip them: press Enter.", width: width)
        body.append(Line())
        body += sure(m.deliberation.sureBefore, highlight: m.highlight, ctx, g, width)
        if !body.contains(where: \.focus) { body[0].focus = true }
        let chrome = Chrome(m, ctx, g, progress: "Before you start", status: Views.status(m))
        return chrome.draw(body, m, glyphs: g)
    }

    // MARK: What matters

    static func ratingMark(_ rating: Rating?) -> String {
        switch rating {
        case .score(let n)?: return "[\(n)]"
        case .notSure?: return "[?]"
        case nil: return "[-]"
        }
    }

    static func values(_ m: Model, _ ctx: Context, _ g: Glyphs, _ width: Int) -> [Line] {
        let content = ctx.content
        let d = m.deliberation
        var lines = paragraph("How much does each of these matter to you? Press 0 (does not matter to me) to 4 (matters very much), or n if you are not sure. There are no right answers.", width: width)
        lines.append(Line())
        var index = 0
        func row(_ text: String, selected: Bool, style: Style = .normal, hanging: Int) {
            lines += paragraph((selected ? g.pointer : " ") + " " + text, width: width, style: selected ? .selected : style,
                               hanging: hanging, target: index, focus: selected)
            index += 1
        }
        for value in content.values {
            row(ratingMark(d.ratings[value.id]) + " " + value.text, selected: index == m.highlight, hanging: 6)
        }
        ownText(.concern, label: "Your own concern", value: d.concern, mark: d.concern.isEmpty ? "" : ratingMark(d.concernRating) + " ",
                empty: "(press Enter to add one in your own words; then rate it 0 to 4)")

        lines += fit(d, ctx, g, width)

        lines.append(Line())
        lines.append(Line("Which way are you leaning now?", .heading))
        for choice in content.leanings {
            let mark = d.leaning == choice.value ? g.radioOn : g.radioOff
            row(mark + " " + choice.label, selected: index == m.highlight, hanging: 6)
        }
        lines.append(Line())
        lines.append(Line("How do you want the choice to be made?", .heading))
        for choice in content.roles {
            let mark = d.role == choice.value ? g.radioOn : g.radioOff
            row(mark + " " + choice.label, selected: index == m.highlight, hanging: 6)
        }
        // Support and pressure, as in the Ottawa Personal Decision Guide.
        lines.append(Line())
        lines.append(Line("Who else is part of this choice?", .heading))
        ownText(.others, label: "Who else", value: d.others, mark: "", empty: "(press Enter to write who: family, friends, doctors)")
        if !content.pressure.isEmpty {
            lines.append(Line())
            lines.append(Line("Do you feel pushed by anyone to choose one way?", .heading))
            for choice in content.pressure {
                let mark = d.pressure == choice.value ? g.radioOn : g.radioOff
                row(mark + " " + choice.label, selected: index == m.highlight, hanging: 6)
            }
        }
        return lines

        /// A row the person writes in their own words; while typing it, the
        /// text with the caret, on whichever wrapped line it falls.
        func ownText(_ target: TextTarget, label: String, value: String, mark: String, empty: String) {
            guard m.typing == target else {
                row(mark + label + ": " + (value.isEmpty ? empty : value), selected: index == m.highlight, hanging: 2)
                return
            }
            lines += typingLines(label + ": ", m, g, width, target: index)
            index += 1
            lines += paragraph("Type, then press Enter to keep it (Esc leaves it as it was).", width: width, style: .muted, indent: 2)
        }
    }

    /// A text field being typed, wrapped, with the cursor at the caret.
    static func typingLines(_ label: String, _ m: Model, _ g: Glyphs, _ width: Int, target: Int) -> [Line] {
        let prefix = g.pointer + " " + label
        var lines = paragraph(prefix + m.draft, width: width, style: .selected, hanging: 2, target: target)
        let before = Frame.width(of: prefix + String(m.draft.prefix(m.caret)))
        var offset = 0
        for i in lines.indices {
            lines[i].focus = false
            let w = Frame.width(of: lines[i].text) + (i == 0 ? 0 : 1)
            if before <= offset + w || i == lines.count - 1 {
                lines[i].focus = true
                lines[i].cursorColumn = max(0, before - offset - (i == 0 ? 0 : 1))
                break
            }
            offset += w
        }
        return lines
    }

    /// The statements rated highest (3 or 4; else the top rating above 0),
    /// with what each option means for them. It never scores or ranks the options.
    static func topValues(_ d: Deliberation, _ content: ContentSet) -> [ValueStatement] {
        let scores = content.values.compactMap { v -> (ValueStatement, Int)? in
            if case .score(let n)? = d.ratings[v.id], n > 0 { return (v, n) }
            return nil
        }
        guard let best = scores.map(\.1).max() else { return [] }
        let cut = best >= 3 ? 3 : best
        return scores.filter { $0.1 >= cut }.map(\.0)
    }

    static func fit(_ d: Deliberation, _ ctx: Context, _ g: Glyphs, _ width: Int) -> [Line] {
        let content = ctx.content
        let top = topValues(d, content)
        var lines: [Line] = [Line()]
        lines.append(Line("What each option means for what you rated highest", .heading))
        let concernIsTop: Bool = {
            guard case .score(let n)? = d.concernRating, n > 0, !d.concern.isEmpty else { return false }
            let best = top.compactMap { v -> Int? in if case .score(let s)? = d.ratings[v.id] { return s } else { return nil } }.max() ?? 0
            return n >= min(3, max(best, n))
        }()
        if concernIsTop {
            lines += paragraph(ratingMark(d.concernRating) + " Your own concern: " + d.concern, width: width, style: .emphasis, hanging: 4)
            lines += paragraph(g.bullet + " The aid has no information of its own on this. It is on your summary, to talk over with your neurologist.",
                               width: width, indent: 2, hanging: 2)
        }
        guard !top.isEmpty else {
            if concernIsTop { return lines }
            lines += paragraph("Rate the statements above to see this.", width: width, style: .muted)
            return lines
        }
        lines += paragraph("This does not add up scores or pick an option for you. It shows where each option touches what matters most to you.", width: width, style: .muted)
        for value in top {
            lines += paragraph(ratingMark(d.ratings[value.id]) + " " + value.text, width: width, style: .emphasis, hanging: 4)
            for option in content.options {
                guard let touch = value.touches[option.id] else { continue }
                lines += paragraph(g.bullet + " " + option.short + ": " + touch.text + refs(touch.sources, ctx),
                                   width: width, indent: 2, hanging: 2)
            }
        }
        return lines
    }

    /// Source names in brackets after a sentence; nothing where there are none.
    static func refs(_ ids: [String], _ ctx: Context) -> String {
        let names = ResultsView.refs(ids, ctx)
        return names.isEmpty ? "" : " (" + names + ")"
    }

    // MARK: Questions for the neurologist

    static func questions(_ m: Model, _ ctx: Context, _ g: Glyphs, _ width: Int) -> [Line] {
        var lines = paragraph("Questions you may want to ask your neurologist. Tick the ones you want on your summary.", width: width)
        lines.append(Line())
        for (index, question) in ctx.content.doctorQuestions.enumerated() {
            let selected = index == m.highlight
            let box = m.deliberation.asked.contains(question.id) ? g.boxOn : g.boxOff
            lines += paragraph((selected ? g.pointer : " ") + " " + box + " " + question.text, width: width,
                               style: selected ? .selected : .normal, hanging: 6, target: index, focus: selected)
        }
        // The person's own questions, then a row to add one.
        lines.append(Line())
        lines.append(Line("Your own questions", .heading))
        let first = ctx.content.doctorQuestions.count
        let own = m.deliberation.ownQuestions
        for slot in 0...own.count {
            let index = first + slot
            let target: TextTarget = .ownQuestion(slot < own.count ? slot : nil)
            if m.typing == target {
                lines += typingLines(slot < own.count ? "" : "New question: ", m, g, width, target: index)
                lines += paragraph("Type, then press Enter to keep it (Esc leaves it as it was; an empty question is taken off).", width: width, style: .muted, indent: 2)
                continue
            }
            let selected = index == m.highlight
            let text = slot < own.count ? g.bullet + " " + own[slot] : "Add a question of your own (press Enter)"
            lines += paragraph((selected ? g.pointer : " ") + " " + text, width: width,
                               style: selected ? .selected : .normal, hanging: 4, target: index, focus: selected)
        }
        let open = ctx.content.checklist.filter { !m.ticked.contains($0.id) }
        lines.append(Line())
        lines.append(Line("Still to check about a clinic", .heading))
        if open.isEmpty {
            lines += paragraph("You have ticked every item on the clinic checklist.", width: width, style: .muted)
        } else {
            lines += paragraph("From the clinic checklist, not ticked yet. They go on your summary too.", width: width, style: .muted)
            for item in open {
                lines += paragraph(g.bullet + " " + (item.redFlag ? g.warning + " " : "") + item.question, width: width, hanging: 2)
            }
        }
        return lines
    }

    // MARK: Finish

    static func finish(_ m: Model, _ ctx: Context, _ g: Glyphs, _ width: Int) -> [Line] {
        let items = ctx.content.sure
        var lines = paragraph("The four SURE questions again", width: width, style: .heading)
        let before = SureScore.score(m.deliberation.sureBefore, items: items)
        lines += paragraph("At the start: " + (before.map { "\($0) of \(items.count)" } ?? "not done") + ".", width: width, style: .muted)
        lines.append(Line())
        lines += sure(m.deliberation.sureAfter, highlight: m.highlight, ctx, g, width)
        lines.append(Line())
        if Clinician.on(ctx) {
            lines.append(Line("The patient's summary", .heading))
            lines += paragraph("One page for the patient to keep: their answers (with the exact EDSS), what the guidelines say about people like them, the key numbers, what matters to them, their leaning, their SURE scores, their questions and the clinic checklist.", width: width)
        } else {
            lines.append(Line("Your summary", .heading))
            lines += paragraph("One page to take to your neurologist: your answers, what the guidelines say about people like you, the key numbers, what matters to you, your leaning, your SURE scores, your questions and the clinic checklist.", width: width)
        }
        var keys: [String] = []
        if KeyTable.offers(.save, m, ctx) { keys.append("Press s to save it to a file you name (a name ending in .md saves Markdown).") }
        if KeyTable.offers(.print, m, ctx) { keys.append("Press p to print it.") }
        if KeyTable.offers(.startOver, m, ctx) { keys.append("When you are done, press d: every answer is wiped for the next person.") }
        switch ctx.settings.storage {
        case .userFiles: keys.append("Nothing is saved unless you ask.")
        case .none: keys.append("Nothing is saved on this computer.")
        }
        lines += paragraph(keys.joined(separator: " "), width: width, style: .emphasis)
        return lines
    }

    // MARK: About

    static func aboutPage(_ m: Model, _ ctx: Context, _ g: Glyphs) -> Rendered {
        let chrome = Chrome(m, ctx, g, progress: "About", status: Views.status(m))
        return chrome.draw(aboutBody(ctx, g, Views.bodyWidth(m.size, ctx)), m, glyphs: g)
    }

    /// Who made the aid, its dates, funding and every source (the screen's About page and the plain mode's).
    static func aboutBody(_ ctx: Context, _ g: Glyphs, _ width: Int) -> [Line] {
        let about = ctx.content.about
        var body = paragraph("About this decision aid", width: width, style: .heading)
        body.append(Line())
        body += paragraph("Content version \(about.version). Reviewed \(about.reviewed). Next review due by \(about.reviewBy).", width: width, style: .emphasis)
        if ctx.reviewOverdue {
            body += paragraph(g.warning + " " + Views.overdueNotice(ctx), width: width, style: .warning)
        }
        if Clinician.on(ctx) {
            body.append(Line())
            body.append(Line("Clinician mode", .heading))
            body += paragraph(Clinician.differences + " `decision-aid rules` prints the candidacy rules (version \(RuleTable.version)) with their conditions and sources, for audit.", width: width)
        }
        let parts: [(String, String)] = [
            ("Who made it and how", about.madeBy),
            ("How we keep it up to date", about.updatePolicy),
            ("Funding", about.funding),
            ("Conflicts of interest", about.conflicts),
            ("How the evidence was chosen", about.evidenceMethod),
            ("Who has tested it", about.testing),
            ("Found a mistake?", about.reportErrors),
            ("What it is not", about.notAdvice),
        ]
        for (heading, text) in parts {
            body.append(Line())
            body.append(Line(heading, .heading))
            body += paragraph(text, width: width)
        }
        body.append(Line())
        body.append(Line("Every source (\(ctx.content.sources.count))", .heading))
        for (index, source) in ctx.content.sources.enumerated() {
            body += paragraph("[\(index + 1)] " + source.citation + " " + source.link, width: width, hanging: 4)
            body += paragraph("How we checked it: " + source.checked, width: width, style: .muted, indent: 4)
        }
        return body
    }

    // MARK: Saving

    static func saveAs(_ m: Model, _ ctx: Context, _ g: Glyphs) -> Rendered {
        let width = Views.bodyWidth(m.size, ctx)
        let answers = m.saving == .answers
        var body = paragraph(answers ? "Save your answers to finish later" : "Save your summary", width: width, style: .heading)
        body.append(Line())
        if offersBothSaves(m, ctx) {
            // Both are offered on the results: the choice shows, ↑↓ change it.
            let choices: [(SaveKind, String)] = [
                (.summary, "Your summary: to read, or to take to your neurologist"),
                (.answers, "Your answers: to come back and finish later"),
            ]
            for (kind, label) in choices {
                let on = kind == m.saving
                body += paragraph((on ? g.radioOn : g.radioOff) + " " + label, width: width, style: on ? .emphasis : .normal,
                                  indent: 2, hanging: Frame.width(of: g.radioOn) + 1)
            }
            body += paragraph((g.asciiKeyNames ? "Up and Down" : "↑ and ↓") + " choose what to save.", width: width, style: .muted, indent: 2)
            body.append(Line())
        }
        if answers {
            body += paragraph("Everything you have told the aid so far goes into one file, so you can stop now and go on later.", width: width)
            body.append(Line())
            body += paragraph("Type a file name and press Enter. A name without a folder saves in the folder you started the aid from. Only you will be able to read the file.", width: width)
        } else {
            body += paragraph("Type a file name and press Enter. A name ending in .md saves Markdown; any other name saves plain text. A name without a folder saves in the folder you started the aid from. Only you will be able to read the file.", width: width)
        }
        body.append(Line())
        var field = Line("File name: " + m.draft, .selected, focus: true)
        field.cursorColumn = Frame.width(of: "File name: " + String(m.draft.prefix(m.caret)))
        body.append(field)
        if answers {
            let name = m.draft.trimmingWhitespace()
            body.append(Line())
            body += paragraph("To go on later, start the aid with:", width: width)
            body += paragraph("decision-aid --resume " + (name.isEmpty ? "FILE" : shellQuoted(name)), width: width, style: .emphasis, indent: 2)
        }
        // A failed save says why in full here, where there is room, not in the one-line status row.
        if let notice = m.notice {
            body.append(Line())
            body += paragraph((notice.problem ? g.warning + " " : "") + notice.text, width: width, style: notice.problem ? .warning : .good)
        }
        let chrome = Chrome(m, ctx, g, progress: "Save", status: nil)
        return chrome.draw(body, m, glyphs: g)
    }

    static func confirmOverwrite(_ path: String, _ m: Model, _ ctx: Context, _ g: Glyphs) -> Rendered {
        let width = Views.bodyWidth(m.size, ctx)
        var body = [Line("A file with this name already exists", .warning, focus: true), Line()]
        body += paragraph(path, width: width, style: .emphasis)
        body.append(Line())
        body += paragraph("Press y to replace it with your \(m.saving == .answers ? "answers" : "summary"). Press any other key to choose another name.", width: width)
        let chrome = Chrome(m, ctx, g, progress: "Replace?", status: nil)
        return chrome.draw(body, m, glyphs: g)
    }
}
