import Content

/// The whole aid as plain lines, for speech and braille, TERM=dumb, a serial
/// line or a pipe (as huh's accessible mode does for its forms): each
/// question with its number, why we ask and numbered choices, then a prompt
/// as the last line; typed lines drive the same Interview as the screen's
/// keys. It only appends text, never moves a cursor, never waits on a timer.
public enum PlainAid {
    /// Input ended before the person finished: nothing was saved (README).
    public static let endOfInputStatus: Int32 = 3

    /// Runs on standard input and output; returns the exit status. With
    /// `resume` (--resume, read and checked by the caller), it starts at the
    /// review with everything restored.
    public static func run(content: ContentSet, settings: Settings, environment: [String: String], resume: Resumption? = nil) -> Int32 {
        let charset = PlainCharset.fromLocale(environment)
        let ctx = Context(content: content, settings: settings, capabilities: Capabilities(unicode: false, color: false),
                          today: Day.today())
        let runner = PlainRunner(ctx: ctx, io: .standard(charset: charset))
        if let resume { runner.resume(resume) }
        return runner.run()
    }
}

/// One person's walk through the plain aid.
final class PlainRunner {
    /// Where the person is: each stage returns which comes next.
    enum Stage { case welcome, sure, interview, results }

    let ctx: Context
    let io: PlainIO
    /// ASCII glyphs always (bullets, marks); no pictures: the sentences say it all.
    let g: Glyphs
    let width = 80

    var interview: Interview
    var deliberation = Deliberation()
    var ticked: Set<String> = []
    /// Where the summary was last saved, for the quit question and the end-of-input note.
    var savedTo: String?
    /// True when anything changed since the last save.
    var changedSinceSave = false
    /// A line typed while reading a long text, kept for the next prompt.
    var pending: String?
    /// Opened with --resume: the file, and what it could not bring back;
    /// and what the file holds, to tell whether anything changed since.
    var resumedFrom: ResumedFrom?
    var resumedCopy: SavedCopy?

    init(ctx: Context, io: PlainIO) {
        self.ctx = ctx
        self.io = io
        var glyphs = Glyphs(Capabilities(unicode: false, color: false))
        glyphs.pictures = false
        self.g = glyphs
        self.interview = Interview(exactEDSS: ctx.settings.exactEDSS)
    }

    var content: ContentSet { ctx.content }

    /// Returns the exit status: 0 after quitting, 3 when input ended, 74 when
    /// reading or writing failed.
    func run() -> Int32 {
        do {
            var stage = Stage.welcome
            if let from = resumedFrom {
                // Straight to the review, after saying where the answers came from.
                try say()
                try para(Views.resumedText(from))
                stage = .interview
            }
            while true {
                switch stage {
                case .welcome:
                    try welcome()
                    stage = content.sure.isEmpty ? .interview : .sure
                case .sure:
                    stage = try sure(\.sureBefore, before: true) ? .interview : .welcome
                case .interview:
                    stage = try interviewLoop() ? .results : (content.sure.isEmpty ? .welcome : .sure)
                case .results:
                    try results()
                    interview.review()
                    stage = .interview
                }
            }
        } catch PlainStop.quit {
            try? io.say("Goodbye.")
            return ExitStatus.success
        } catch PlainStop.endOfInput {
            try? io.say()
            try? io.say(endOfInputNote())
            return PlainAid.endOfInputStatus
        } catch let failure as StreamFailure {
            Console.error("decision-aid: \(failure.message)")
            return ExitStatus.ioError
        } catch {
            Console.error("decision-aid: \(error)")
            return ExitStatus.ioError
        }
    }

    /// What was answered and that nothing (more) was saved.
    func endOfInputNote() -> String {
        let asked = interview.asked
        let answered = asked.filter { QuestionFlow.isAnswered($0, interview.answers) }.count
        var note = "Input ended. You answered \(answered) of the \(asked.count) questions that apply to you."
        if let savedTo {
            note += changedSinceSave ? " Your summary was saved to \(savedTo) earlier; what you did after that was not saved."
                                     : " Your summary is saved in \(savedTo)."
        } else if let resumed = resumedCopy {
            note += " Your answers are still in \(resumed.path) as they were when you saved them" + (resumed.differs(answers: interview.answers, deliberation: deliberation, ticked: ticked) ? "; what you changed after opening them was not saved." : ".")
        } else {
            note += " Nothing was saved."
        }
        return note
    }

    /// Everything from a saved session, at the review (Session.swift).
    func resume(_ resumption: Resumption) {
        interview = Interview.resumed(resumption.session.answers, exactEDSS: ctx.settings.exactEDSS)
        deliberation = resumption.session.deliberation
        ticked = resumption.session.ticked
        resumedFrom = ResumedFrom(path: resumption.path, saved: resumption.session.saved, dropped: resumption.dropped,
                                  clinicianFromFile: resumption.session.audience == .clinician)
        resumedCopy = SavedCopy(path: resumption.path, answers: interview.answers, deliberation: deliberation, ticked: ticked)
    }

    // MARK: Saying things

    func say(_ text: String = "") throws { try io.say(text) }

    /// A paragraph, wrapped at the width.
    func para(_ text: String, indent: Int = 0, hanging: Int = 0) throws {
        for line in plainText(paragraph(text, width: width, indent: indent, hanging: hanging)) { try say(line) }
    }

    /// Lines of a view, about 20 at a time with a pause between, so a reader
    /// can stop and review before more arrives. False if the person asked
    /// for no more.
    @discardableResult
    func read(_ lines: [Line]) throws -> Bool {
        var text = plainText(lines)
        while text.first == "" { text.removeFirst() }
        while text.last == "" { text.removeLast() }
        let chunk = 20
        guard text.count > chunk + 4 else {
            for line in text { try say(line) }
            return true
        }
        var shown = 0
        while shown < text.count {
            let end = min(text.count, shown + chunk)
            for line in text[shown..<end] { try say(line) }
            shown = end
            guard shown < text.count else { break }
            let answer = try ask("(Line \(shown) of \(text.count). Enter reads on; n stops this part.)",
                                 help: "Press Enter to read the next lines. Type n to stop reading this part and go on.")
            if answer.isEmpty { continue }
            // Anything else stops the reading; a command ("s", a section
            // number) is not lost: it answers the prompt that comes next.
            if answer.lowercased() != "n" && answer.lowercased() != "no" { pending = answer }
            return false
        }
        return true
    }

    // MARK: Asking

    /// Prints `prompt` and returns the line typed, trimmed. At any prompt, ?
    /// prints `help`, r prints `again` (the question) once more, and q asks
    /// whether to quit; those never reach the caller.
    func ask(_ prompt: String, help: String, again: (() throws -> Void)? = nil) throws -> String {
        while true {
            try io.prompt(prompt)
            let raw: String
            if let line = pending {
                pending = nil
                try say("(" + line + ")")
                raw = line
            } else {
                guard let line = try io.read() else { throw PlainStop.endOfInput }
                raw = line
            }
            if raw == PlainIO.tooLong {
                try say("That line is too long (more than 4,096 characters). Please type a shorter answer.")
                continue
            }
            // Control characters (an arrow key's escape sequence) are not part of an answer.
            let line = String(raw.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init)).trimmingWhitespace()
            switch line.lowercased() {
            case "?", "help":
                try say(help)
                try say(PlainRunner.everywhere)
            case "r", "repeat":
                if let again { try again() } else { try say("There is nothing to repeat here.") }
            case "q", "quit":
                try confirmQuit()
            case "save" where ctx.settings.sessions:
                try saveAnswers()
            default:
                return line
            }
        }
    }

    static let everywhere = "At any prompt: ? for help, r to repeat the question, save to save your answers and finish later, q to quit. Answers are typed and then Enter."

    func confirmQuit() throws {
        var note: String
        if let savedTo {
            note = "Your summary is saved in \(savedTo)" + (changedSinceSave ? ", but not what you did after saving it." : ".")
        } else if let resumed = resumedCopy {
            note = "Your answers are saved in \(resumed.path)" + (resumed.differs(answers: interview.answers, deliberation: deliberation, ticked: ticked) ? ", but not what you changed after opening them." : ".")
        } else {
            note = interview.answers == Answers() && deliberation.isEmpty ? "" : "Your answers are not saved anywhere."
        }
        if !note.isEmpty { note += " " }
        try io.prompt(note + "Quit now? Type y to quit, or press Enter to go on:")
        guard let line = try io.read() else { throw PlainStop.endOfInput }
        if ["y", "yes"].contains(line.trimmingWhitespace().lowercased()) { throw PlainStop.quit }
        try say("Going on.")
    }

    /// Is the line a "yes"/"no"? nil for anything else.
    static func yesNo(_ line: String) -> Bool? {
        switch line.lowercased() {
        case "y", "yes": return true
        case "n", "no": return false
        default: return nil
        }
    }

    /// The numbers in a line like "3, 12" or "3 12"; nil if anything else is in it.
    static func numbers(_ line: String) -> [Int]? {
        let parts = line.split { $0 == "," || $0 == " " || $0 == ";" }
        var result: [Int] = []
        for part in parts {
            guard let n = Int(part) else { return nil }
            result.append(n)
        }
        return result.isEmpty ? nil : result
    }

    // MARK: Welcome

    func welcome() throws {
        let about = content.about
        try say("AHSCT decision aid (plain version)")
        try say()
        try para("Is a stem cell transplant (AHSCT) worth exploring for my MS?")
        try say()
        if ctx.reviewOverdue {
            try para("Warning: " + Views.overdueNotice(ctx))
            try say()
        }
        try para(about.notAdvice)
        try say()
        try para(about.timeNeeded)
        try say()
        try para("This version only prints lines, for screen readers, braille displays and simple terminals. At each prompt, type your answer and press Enter. " + PlainRunner.everywhere)
        try para("Content version \(about.version), last reviewed \(about.reviewed).")
        try say()
        while true {
            let line = try ask("Press Enter to begin (a = about this aid, who made it and every source):",
                               help: "Press Enter to start the questions. Type a to read who made the aid, how it is paid for and every source.")
            if line.lowercased() == "a" {
                try read(DecideViews.aboutBody(ctx, g, width))
                try say()
                continue
            }
            return
        }
    }

    // MARK: SURE

    /// Asks each SURE item (before the questions, or again at the end);
    /// false if the person went back from the first.
    func sure(_ answers: WritableKeyPath<Deliberation, [String: Bool]>, before: Bool) throws -> Bool {
        let items = content.sure
        guard !items.isEmpty else { return true }
        try say()
        if before {
            try para("Before the questions: \(items.count) yes or no questions about how ready you feel to decide (the SURE test). They show what might help you most. You will see them again at the end. Press Enter to skip any of them.")
        } else {
            try para("The \(items.count) SURE questions again. At the start: " + (SureScore.score(deliberation.sureBefore, items: items).map { "\($0) of \(items.count)" } ?? "not done") + ".")
        }
        var index = 0
        while index < items.count {
            let item = items[index]
            func show() throws {
                try say()
                try para("SURE \(index + 1) of \(items.count): " + item.question)
                if let answer = deliberation[keyPath: answers][item.id] { try say("Your answer so far: " + (answer ? "yes" : "no") + ".") }
            }
            try show()
            let line = try ask("Type y for yes or n for no, or press Enter to skip (b = back):",
                               help: "Answer yes or no for yourself; there is no right answer. Enter alone skips it. b goes back.", again: show)
            if line.lowercased() == "b" || line.lowercased() == "back" {
                if index == 0 { return false }
                index -= 1
                continue
            }
            if line.isEmpty { index += 1; continue }
            guard let yes = PlainRunner.yesNo(line) else {
                try say("'\(line.echoed(limit: 60))' is not y or n. Type y for yes or n for no, or press Enter to skip.")
                continue
            }
            deliberation[keyPath: answers][item.id] = yes
            changedSinceSave = true
            index += 1
        }
        let score = DecideViews.sureScore(deliberation[keyPath: answers], ctx, g, width)
        if !score.isEmpty {
            try say()
            try read(score)
        }
        return true
    }
}
