import Content

/// Turns the model into a screen. Pure: the same model and context always
/// give the same frame, which is what the tests compare.
public enum Views {
    public static func render(_ m: Model, _ ctx: Context) -> Rendered {
        var rendered = compose(m, ctx)
        // The console glyph set covers what the views choose; this catches
        // anything else (a content text with an unusual character).
        if ctx.capabilities.glyphSet == .console { rendered.frame.keepOnly(Capabilities.consoleCharacters) }
        return rendered
    }

    /// The screen as the views draw it, before the console safety net (tests
    /// check that the views need no net).
    static func compose(_ m: Model, _ ctx: Context) -> Rendered {
        let glyphs = Glyphs(ctx.capabilities)
        if m.size.width < Chrome.minimum.width || m.size.height < Chrome.minimum.height {
            var small = tooSmall(m.size, glyphs: glyphs, quitWord: KeyTable.quitWord(ctx))
            if let seconds = m.idleCountdown { stillThere(seconds, &small) }
            return small
        }
        var rendered: Rendered
        switch m.page {
        case .welcome: rendered = welcome(m, ctx, glyphs)
        case .question(let field): rendered = QuestionView.render(field, m, ctx, glyphs)
        case .sureBefore: rendered = DecideViews.sureBeforePage(m, ctx, glyphs)
        case .review: rendered = review(m, ctx, glyphs)
        case .results(let section): rendered = ResultsView.render(section, m, ctx, glyphs)
        case .about: rendered = DecideViews.aboutPage(m, ctx, glyphs)
        }
        switch m.overlay {
        case .help?: rendered = help(m, ctx, glyphs)
        case .confirmQuit?: rendered = confirmQuit(m, ctx, glyphs)
        case .saveAs?: rendered = DecideViews.saveAs(m, ctx, glyphs)
        case .confirmOverwrite(let path)?: rendered = DecideViews.confirmOverwrite(path, m, ctx, glyphs)
        case .confirmPrint?: rendered = confirmPrint(m, ctx, glyphs)
        case .confirmStartOver?: rendered = confirmStartOver(m, ctx, glyphs)
        case .resumed?: rendered = resumed(m, ctx, glyphs)
        case nil: break
        }
        if let seconds = m.idleCountdown { stillThere(seconds, &rendered) }
        return rendered
    }

    /// The width prose may use inside the body: for a patient, a readable
    /// measure of about 80 characters, however wide the terminal; for a
    /// clinician at a wide clinic terminal, all of it (full citations and
    /// rule conditions are long, and are read, not studied).
    static func bodyWidth(_ size: Size, _ ctx: Context) -> Int {
        ctx.settings.audience == .clinician ? tableWidth(size) : max(20, min(size.width, 84) - 4)
    }

    /// The width a table may use: all of it, on a wide clinic terminal too.
    static func tableWidth(_ size: Size) -> Int { max(20, size.width - 4) }

    /// The inline message for a bad typed answer: what was wrong and what is allowed.
    public static func inlineMessage(_ error: AnswerError?, typed: String) -> String {
        guard let error else { return "That answer could not be used." }
        if typed.trimmingWhitespace().isEmpty { return "Please type an answer: \(error.field?.allowed ?? "")." }
        return error.problem.capitalizedFirst() + "."
    }

    /// Why the last answer was not taken, in the screen's words (keys named as on screen).
    public static func problemText(_ m: Model) -> String? {
        m.problem.map { words($0, m.interview) }
    }

    /// An interview problem in words; `nothingTicked` names the screen's keys
    /// (the plain mode words that one its own way).
    static func words(_ problem: Interview.Problem, _ interview: Interview) -> String {
        switch problem {
        case .answer(let error, let typed): return inlineMessage(error, typed: typed)
        case .nothingTicked: return "Tick each treatment you have taken with Space, or tick \"None\"; then press Enter."
        case .notAsked(let field):
            return QuestionFlow.skipReason(field, interview.answers, exactEDSS: interview.exactEDSS) ?? "This question is not asked."
        }
    }

    /// The status row for the last save or print, if any.
    static func status(_ m: Model) -> (String, Style)? {
        m.notice.map { ($0.text, $0.problem ? .warning : .good) }
    }

    static func overdueNotice(_ ctx: Context) -> String {
        "This content was due for review by \(ctx.content.about.reviewBy) and has not been reviewed since. Newer evidence may exist: ask your neurologist."
    }


    // MARK: Welcome

    static func welcome(_ m: Model, _ ctx: Context, _ g: Glyphs) -> Rendered {
        let about = ctx.content.about
        let width = bodyWidth(m.size, ctx)
        var body: [Line] = []
        body.append(Line("Is a stem cell transplant (AHSCT) worth exploring for my MS?", .heading, focus: true))
        body.append(Line())
        if Clinician.on(ctx) {
            body += paragraph(Clinician.differences, width: width, style: .emphasis)
            body.append(Line())
        }
        // Seen first: the content may be out of date.
        if ctx.reviewOverdue {
            body += paragraph(g.warning + " " + overdueNotice(ctx), width: width, style: .warning)
            body.append(Line())
        }
        body += paragraph(about.condition, width: width)
        body.append(Line())
        body += paragraph(about.purpose, width: width)
        body.append(Line())
        body += paragraph(about.notAdvice, width: width, style: .emphasis)
        body.append(Line())
        body += paragraph(about.timeNeeded, width: width)
        body.append(Line())
        body += paragraph("Keys: arrows (or j and k) to move, a number to highlight a choice, Enter to choose it, Page Down or Space to read on, Backspace to go back, ? for help, q to \(KeyTable.quitWord(ctx)).", width: width)
        body.append(Line())
        body += paragraph("Content version \(about.version), last reviewed \(about.reviewed). Press a to see who made it and every source.", width: width, style: .muted)
        let chrome = Chrome(m, ctx, g, progress: "Welcome", status: status(m))
        return chrome.draw(body, m, glyphs: g)
    }

    // MARK: Review

    static func review(_ m: Model, _ ctx: Context, _ g: Glyphs) -> Rendered {
        let width = bodyWidth(m.size, ctx)
        let order = m.interview.order
        var body: [Line] = paragraph("Your answers. Choose one to change it; the others are kept.", width: width, style: .heading)
        body.append(Line())
        for (index, field) in order.enumerated() {
            let selected = index == m.highlight
            let label = QuestionView.shortLabel(field)
            let marker = selected ? g.pointer + " " : "  "
            let answer: String
            var style: Style = selected ? .selected : .normal
            if let skip = QuestionFlow.skipReason(field, m.answers, exactEDSS: m.interview.exactEDSS) {
                answer = skip
                if !selected { style = .muted }
            } else if field == .edss, let score = m.answers.edss {
                // The exact score with its walking band, as a check.
                answer = Clinician.walkingCheck(score, ctx)
            } else if QuestionFlow.isAnswered(field, m.answers) {
                answer = AnswerPhrases.phrase(field, m.answers, ctx.content)
            } else if field == .edss, m.answers.walking != nil {
                // A patient's saved walking answer, opened in clinician mode:
                // the rules use its band until a score is typed.
                answer = "Not typed yet; the walking answer stands for now: " + AnswerPhrases.phrase(.walking, m.answers, ctx.content)
            } else {
                answer = "Not answered yet"
            }
            let text = marker + label + ": " + answer.capitalizedFirst()
            body += paragraph(text, width: width, style: style, hanging: Frame.width(of: marker + label + ": "), target: index, focus: selected)
        }
        body.append(Line())
        let onResults = m.highlight >= order.count
        body.append(Line((onResults ? g.pointer + " " : "  ") + "See what the guidelines say about people like you", onResults ? .selected : .emphasis,
                         target: order.count, focus: onResults))
        let missing = m.answers.missingFields
        if !missing.isEmpty {
            body.append(Line())
            body += paragraph("Some answers are missing. You can still see the results; they will say what is needed.", width: width, style: .muted)
        }
        let status: (String, Style)? = problemText(m).map { ($0, .warning) } ?? Views.status(m)
        let chrome = Chrome(m, ctx, g, progress: "Review your answers", status: status)
        return chrome.draw(body, m, glyphs: g)
    }

    // MARK: Overlays

    /// Help lists the keys of the screen underneath, from the same table
    /// that decides what they do, so it is always right for where the person is.
    static func help(_ m: Model, _ ctx: Context, _ g: Glyphs) -> Rendered {
        let width = bodyWidth(m.size, ctx)
        var under = m
        under.overlay = nil
        var body: [Line] = [Line("Keys on this screen", .heading, focus: true), Line()]
        for binding in KeyTable.bindings(under, ctx) {
            let name = g.asciiKeyNames ? binding.name.replacing("↑↓", with: "Up/Down").replacing("←→", with: "Left/Right") : binding.name
            body += paragraph(name + ": " + (binding.help ?? binding.does), width: width, hanging: Frame.width(of: name) + 2)
        }
        body.append(Line())
        if Clinician.on(ctx) {
            body += paragraph(Clinician.differences, width: width)
            body.append(Line())
        }
        body += paragraph("Ctrl-C: \(KeyTable.quitWord(ctx)) from anywhere, even while typing (asks first). A mouse click moves the highlight where the terminal reports clicks; Enter then confirms.", width: width)
        body.append(Line())
        switch ctx.settings.storage {
        case .userFiles:
            body += paragraph("Nothing you type leaves this computer. Nothing is saved unless you press s and name a file.", width: width)
        case .none:
            body += paragraph("Nothing you type is saved or leaves this computer. Everything is wiped when you start over, or after a few minutes without a key.", width: width)
        }
        let chrome = Chrome(m, ctx, g, progress: "Help", status: nil)
        return chrome.draw(body, m, glyphs: g)
    }

    static func confirmPrint(_ m: Model, _ ctx: Context, _ g: Glyphs) -> Rendered {
        let width = bodyWidth(m.size, ctx)
        var body: [Line] = [Line("Print your summary?", .heading, focus: true), Line()]
        switch ctx.settings.printing {
        case .destination(let name):
            body += paragraph("It goes to the printer \(name). You can print it once.", width: width)
        default:
            body += paragraph("It goes to this computer's default printer with lp. Each yes prints one copy.", width: width)
        }
        body.append(Line())
        body += paragraph("Press y to print, or n to go back.", width: width, style: .emphasis)
        let chrome = Chrome(m, ctx, g, progress: "Print?", status: nil)
        return chrome.draw(body, m, glyphs: g)
    }

    static func confirmStartOver(_ m: Model, _ ctx: Context, _ g: Glyphs) -> Rendered {
        let width = bodyWidth(m.size, ctx)
        var body: [Line] = [Line("Start over?", .warning, focus: true), Line()]
        body += paragraph("Every answer is wiped, so the next person starts fresh. Nothing you typed is kept anywhere.", width: width)
        body.append(Line())
        body += paragraph("Press y to start over, or n to go back to where you were.", width: width, style: .emphasis)
        let chrome = Chrome(m, ctx, g, progress: "Start over?", status: nil)
        return chrome.draw(body, m, glyphs: g)
    }

    /// What the quit dialog says is kept: nothing, the answers, the
    /// summary, or both, and whether anything changed since each was saved.
    static func whatIsSaved(_ m: Model) -> [String] {
        var lines: [String] = []
        if let copy = m.savedAnswers {
            if copy.differs(from: m) {
                lines.append("Your answers were saved in \(copy.path), but you have changed things since then. Those changes are not saved and will be gone when you quit.")
            } else {
                lines.append("Your answers are saved in \(copy.path). To go on later, start the aid with: decision-aid --resume \(shellQuoted(copy.path))")
            }
        }
        if let copy = m.savedSummary {
            if copy.differs(from: m) {
                lines.append("Your summary was saved in \(copy.path), but you have changed things since then: the summary does not have them.")
            } else {
                lines.append("Your summary is saved in \(copy.path).")
            }
        }
        if m.savedAnswers == nil {
            lines.append(m.savedSummary == nil
                ? "Your answers are not saved anywhere: they will be gone when you quit."
                : "Your answers themselves are not saved, so you cannot go on from here later.")
        }
        return lines
    }

    /// "Welcome back" after --resume: from which file, saved when.
    static func welcomeBack(_ from: ResumedFrom) -> String {
        "Welcome back. These are your answers from \(from.path)" + (from.saved.map { ", saved on \($0)" } ?? "") + "."
    }

    /// The resumed notice as one paragraph of text (the plain line mode's).
    static func resumedText(_ from: ResumedFrom) -> String {
        var text = "Welcome back. Your answers from \(from.path)" + (from.saved.map { " (saved on \($0))" } ?? "")
            + " are back, with everything else you saved."
        if from.clinicianFromFile { text += " They were saved in clinician mode, so the aid is in clinician mode now." }
        if !from.dropped.isEmpty {
            let count = from.dropped.count
            text += " This version of the aid no longer has \(count == 1 ? "one thing" : "\(count) things") you saved, so \(count == 1 ? "it was" : "they were") left out: "
                + from.dropped.map(\.text).joined(separator: "; ") + ". Everything else is as you left it. Your file has not been changed."
        }
        return text
    }

    /// After --resume, when something was left out or clinician mode came
    /// from the file: what, before the review. Any key closes it.
    static func resumed(_ m: Model, _ ctx: Context, _ g: Glyphs) -> Rendered {
        let width = bodyWidth(m.size, ctx)
        var body: [Line] = [Line("Welcome back", .heading, focus: true), Line()]
        if let from = m.resumedFrom {
            body += paragraph("Your answers from \(from.path)" + (from.saved.map { " (saved on \($0))" } ?? "")
                              + " are back, with everything else you saved.", width: width)
            if from.clinicianFromFile {
                body.append(Line())
                body += paragraph("They were saved in clinician mode, so the aid is in clinician mode now.", width: width)
            }
            if !from.dropped.isEmpty {
                body.append(Line())
                let count = from.dropped.count
                body += paragraph(g.warning + " This version of the aid no longer has \(count == 1 ? "one thing" : "\(count) things") you saved, so \(count == 1 ? "it was" : "they were") left out:",
                                  width: width, style: .warning)
                for item in from.dropped {
                    body += paragraph(g.bullet + " " + item.text.capitalizedFirst(), width: width, indent: 2, hanging: 2)
                }
                body.append(Line())
                body += paragraph("Everything else is as you left it. Your file has not been changed.", width: width)
            }
        }
        body.append(Line())
        body += paragraph("Press Enter to see your answers.", width: width, style: .emphasis)
        let chrome = Chrome(m, ctx, g, progress: "Welcome back", status: nil)
        return chrome.draw(body, m, glyphs: g)
    }

    /// The idle countdown, across the middle of whatever is on screen, with
    /// the cursor on it so screen readers and magnifiers go there.
    static func stillThere(_ seconds: Int, _ rendered: inout Rendered) {
        let size = rendered.frame.size
        let lines = ["", "Still there? Press any key to keep going.",
                     "Otherwise everything is wiped in \(seconds) second\(seconds == 1 ? "" : "s").", ""]
        let top = max(0, size.height / 2 - 2)
        for (index, text) in lines.enumerated() where top + index < size.height {
            let row = top + index
            rendered.frame.put(String(repeating: " ", count: size.width), row: row, column: 0, style: .warning)
            rendered.frame.put(text, row: row, column: max(0, (size.width - Frame.width(of: text)) / 2), style: .warning)
            rendered.frame.restyle(row: row, from: 0, count: size.width, style: .warning)
        }
        rendered.frame.cursor = (min(size.height - 1, top + 1), max(0, (size.width - Frame.width(of: lines[1])) / 2))
        rendered.targets = [:]
    }

    static func confirmQuit(_ m: Model, _ ctx: Context, _ g: Glyphs) -> Rendered {
        let width = bodyWidth(m.size, ctx)
        var body: [Line] = [Line("Quit the decision aid?", .warning, focus: true), Line()]
        for text in whatIsSaved(m) {
            body += paragraph(text, width: width)
            body.append(Line())
        }
        let canSave = ctx.settings.sessions
        let keep = m.savedAnswers.map { $0.differs(from: m) } ?? true
        body += paragraph("Press y to quit" + (canSave && keep ? ", s to save your answers first" : "") + ", or n to go back to where you were.",
                          width: width, style: .emphasis)
        let chrome = Chrome(m, ctx, g, progress: "Quit?", status: nil)
        return chrome.draw(body, m, glyphs: g)
    }
}
