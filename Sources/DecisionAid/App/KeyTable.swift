import Content

/// What a key means on a page, in the program's own terms.
public enum Command: Sendable, Equatable {
    /// Enter: choose, go on, open, confirm.
    case confirm
    case back
    case quit
    /// Kiosk: what quit becomes. Asks, then wipes every answer; the program goes on.
    case startOver
    case help
    case about
    case save
    case print
    case nextSection, previousSection
    case section(ResultsSection)
    /// Arrows, paging, Home/End and the wheel: the scrolling model.
    case scroll(Key)
    /// A digit: moves the highlight to that item (Enter confirms).
    case highlight(Int)
    /// Space: ticks, unticks or picks the highlighted item.
    case tick
    case rate(Int)
    case notSure
    case unrate
    /// y or n on a SURE item.
    case answer(Bool)
    /// Typing into a text field.
    case type(Character)
    /// Pasting into a text field: the text, as if typed.
    case paste(String)
    case erase
    case caretLeft, caretRight
    /// Leaving a text field or an overlay without keeping what changed.
    case cancel
    /// A letter on the treatments list: jump to the next treatment starting with it.
    case find(Character)
}

/// One line of a page's key table: the keys, how the footer and help name
/// them, and the command they give.
struct KeyBinding: Sendable {
    /// How the footer and help write the keys ("Enter", "1-5", "↑↓").
    var name: String
    /// What they do, short, for the footer.
    var does: String
    /// What they do, in full, for the help screen; nil: as `does`.
    var help: String?
    /// Shown in the footer (every binding is on the help screen).
    var footer = true
    /// Kept in the footer when it is too narrow for all.
    var essential = false
    /// The scrolling keys (named "↑↓ PgDn" in the footer when the page is longer than the screen).
    var scrolls = false
    /// The one command a fixed-key binding gives, so settings can drop or change it.
    var gives: Command?
    var command: @Sendable (Key) -> Command?

    init(_ name: String, _ does: String, help: String? = nil, footer: Bool = true, essential: Bool = false,
         _ command: @escaping @Sendable (Key) -> Command?) {
        self.name = name
        self.does = does
        self.help = help
        self.footer = footer
        self.essential = essential
        self.command = command
    }

    /// A binding for a fixed set of keys.
    init(_ name: String, _ does: String, help: String? = nil, footer: Bool = true, essential: Bool = false,
         keys: [Key], _ command: Command) {
        self.init(name, does, help: help, footer: footer, essential: essential) { keys.contains($0) ? command : nil }
        gives = command
    }
}

/// The one place that says what each key does on each page. `update`
/// acts on the command a key gives here; the footer and the help screen are
/// drawn from the same table, so a key that is not here neither acts nor
/// appears anywhere.
enum KeyTable {
    /// `longPage`: whether the page is longer than the screen, which the
    /// drawing knows first (Chrome); by default, as the last drawing measured.
    static func bindings(_ m: Model, _ ctx: Context, longPage: Bool? = nil) -> [KeyBinding] {
        let table = allowed(pageBindings(m, ctx), m, ctx.settings)
        // When the page is longer than the screen, the footer says Page Down reaches more.
        guard longPage ?? m.shownView.measured.map({ $0.lines > $0.height }) ?? false else { return table }
        return table.map { binding in
            guard binding.scrolls else { return binding }
            var named = binding
            named.name = "↑↓ PgDn"
            return named
        }
    }

    /// The page's table as the deployment allows it: no save key without
    /// storage, no print key without a printer (or once this person has
    /// printed, where one job per person is the rule), and where the program
    /// may not end, every key that would quit starts over instead (Ctrl-D too).
    static func allowed(_ table: [KeyBinding], _ m: Model, _ settings: Settings) -> [KeyBinding] {
        table.compactMap { binding in
            switch binding.gives {
            case .save? where settings.storage == .none:
                return nil
            case .print? where settings.printerName == nil || (settings.onePrintPerPerson && m.printedOnce && m.overlay != .confirmPrint):
                return nil
            case .startOver? where settings.canExit:
                return nil          // where the program may end, quitting forgets everything anyway
            case .quit? where !settings.canExit:
                var b = binding
                let quits = binding.command
                b.command = { key in key == .control("d") ? .startOver : quits(key).map { $0 == .quit ? .startOver : $0 } }
                b.gives = .startOver
                b.does = b.does == "quit" ? "start over" : b.does
                b.help = b.help.map { $0.replacing("quit", with: "start over: wipe every answer") }
                return b
            default:
                return binding
            }
        }
    }

    /// True if some key on this page gives `command`: views word their hints from it.
    static func offers(_ command: Command, _ m: Model, _ ctx: Context) -> Bool {
        bindings(m, ctx).contains { $0.gives == command }
    }

    /// The word for what the quit key does here ("quit" or "start over").
    static func quitWord(_ ctx: Context) -> String { ctx.settings.canExit ? "quit" : "start over" }

    private static func pageBindings(_ m: Model, _ ctx: Context) -> [KeyBinding] {
        if let overlay = m.overlay { return overlayBindings(overlay, m, ctx) }
        if m.typing != nil {
            return textField(enter: "keep", escape: "cancel", allowQ: true)
                + [KeyBinding("Ctrl-C", "quit", footer: false, keys: [.control("c")], .quit)]
        }
        var table: [KeyBinding]
        switch m.page {
        case .welcome:
            table = [
                KeyBinding("Enter", "start", keys: [.enter, .right], .confirm),
                scrolling(items: false),
                about,
            ] + saveAnswers(m, ctx) + [help, quit(escape: true)]
        case .sureBefore:
            table = [
                sureAnswer,
                KeyBinding("Enter", "go on", help: "go on to the questions, answered or not (they can be skipped)", keys: [.enter, .right], .confirm),
                scrolling(items: true),
                back, about,
            ] + saveAnswers(m, ctx) + [help, quit(escape: false)]
        case .question(let field):
            table = questionBindings(field, m, ctx)
        case .review:
            table = [
                KeyBinding("Enter", "change / see results", help: "change the highlighted answer, or see the results", keys: [.enter, .right], .confirm),
                scrolling(items: true),
                back,
            ] + saveAnswers(m, ctx) + [help, quit(escape: false)]
        case .results(let section):
            table = resultsBindings(section, m, ctx)
        case .about:
            table = [
                scrolling(items: false),
                KeyBinding("Backspace", "back", help: "go back to where you were", keys: [.backspace, .left, .escape, .enter, .character("a")], .back),
            ] + saveAnswers(m, ctx) + [help, quit(escape: false)]
        }
        return table
    }

    // MARK: Shared bindings

    /// y or n answers the highlighted SURE question (before the questions and on Finish).
    static let sureAnswer = KeyBinding("y/n", "answer", help: "answer yes or no to the highlighted SURE question") { key in
        switch key {
        case .character("y"), .character("Y"): return .answer(true)
        case .character("n"), .character("N"): return .answer(false)
        default: return nil
        }
    }
    static let help = KeyBinding("?", "help", help: "this help: every key for this screen", essential: true, keys: [.character("?"), .function(1)], .help)
    static let about = KeyBinding("a", "about", help: "about the aid: who made it, dates, every source", keys: [.character("a")], .about)
    static let save = KeyBinding("s", "save", help: "save your summary (.md gives Markdown), or your answers to finish later, to a file you name",
                                 keys: [.character("s"), .control("s")], .save)

    /// Before the results: s (or Ctrl-S, where letters are typed) saves the
    /// answers to finish later, once there is anything to save and where
    /// the deployment keeps files.
    static func saveAnswers(_ m: Model, _ ctx: Context, letters: Bool = false) -> [KeyBinding] {
        guard ctx.settings.sessions, m.hasAnswers else { return [] }
        let help = "save your answers to a file you name, to finish later (decision-aid --resume FILE)"
        if letters { return [KeyBinding("Ctrl-S", "save", help: help + "; s is a letter here", keys: [.control("s")], .save)] }
        return [KeyBinding("s", "save", help: help, keys: [.character("s"), .control("s")], .save)]
    }
    static let print = KeyBinding("p", "print", help: "print your summary (asks first; one copy per yes)", keys: [.character("p")], .print)
    static let back = KeyBinding("Backspace", "back", help: "go back one step (nothing is lost)", keys: [.backspace, .left, .escape], .back)

    static func quit(escape: Bool) -> KeyBinding {
        KeyBinding("q", "quit", help: "quit (asks first)" + (escape ? "; Esc too" : ""), essential: true,
                   keys: [.character("q"), .control("c")] + (escape ? [.escape] : []), .quit)
    }

    /// Arrows, paging, Home/End, the wheel; Space pages where it does nothing else.
    static func scrolling(items: Bool, space: Bool = true) -> KeyBinding {
        var binding = KeyBinding("↑↓", items ? "move" : "scroll",
                   help: (items ? "move the highlight (the view follows)" : "scroll a line")
                       + "; Page Up, Page Down" + (space ? ", Space" : "") + ", Home and End scroll the page") { key in
            switch key {
            case .up, .down, .character("k"), .character("j"), .pageUp, .pageDown, .home, .end, .scrollUp, .scrollDown:
                return .scroll(key)
            case .character(" ") where space:
                return .scroll(.pageDown)
            default:
                return nil
            }
        }
        binding.scrolls = true
        return binding
    }

    static func digits(_ count: Int, does: String = "highlight") -> KeyBinding {
        let top = min(9, count)
        return KeyBinding("1-\(top)", does, help: "highlight a numbered choice; Enter confirms it") { key in
            guard case .character(let c) = key, let n = c.wholeNumberValue, n >= 1, n <= top else { return nil }
            return .highlight(n - 1)
        }
    }

    /// Typing into a field: letters, Backspace, ← → for the caret, and what
    /// Enter and Esc do there. `typesQuestionMark: false` leaves "?" to the
    /// help key that follows (a number field, where "?" is never an answer).
    static func textField(enter: String, escape: String, allowQ: Bool, typesQuestionMark: Bool = true) -> [KeyBinding] {
        [
            KeyBinding("Enter", enter, keys: [.enter], .confirm),
            KeyBinding("Backspace", "delete", help: "delete the letter before the caret; in an empty field, go back", footer: true) { key in
                key == .backspace || key == .delete ? .erase : nil
            },
            KeyBinding("←→", "move the caret", footer: false) { key in
                switch key {
                case .left: return .caretLeft
                case .right: return .caretRight
                default: return nil
                }
            },
            KeyBinding("Esc", escape, keys: [.escape], .cancel),
            KeyBinding("letters", "type", footer: false) { key in
                guard case .character(let c) = key, allowQ || c != "q", typesQuestionMark || c != "?" else { return nil }
                return .type(c)
            },
            KeyBinding("paste", "type what you paste", help: "type what you paste, its lines joined into one (elsewhere a paste does nothing)",
                       footer: false) { key in
                guard case .paste(let text) = key else { return nil }
                return .paste(text)
            },
        ]
    }

    // MARK: Questions

    static func questionBindings(_ field: AnswerField, _ m: Model, _ ctx: Context) -> [KeyBinding] {
        switch QuestionFlow.input(field) {
        case .number:
            // q quits only while the field is empty; Ctrl-C always.
            var quitKey = KeyBinding(m.draft.isEmpty ? "q" : "Ctrl-C", "quit", help: "quit (asks first); q only while the field is empty",
                                     essential: true) { key in
                key == .control("c") || (key == .character("q") && m.draft.isEmpty) ? .quit : nil
            }
            quitKey.gives = .quit
            // "?" is help, as the footer says, even with a number typed.
            return textField(enter: "next", escape: "back", allowQ: true, typesQuestionMark: false)
                + saveAnswers(m, ctx, letters: true) + [help, quitKey]
        case .choice:
            let count = choiceValues(field, ctx).count
            return [
                KeyBinding("Enter", "choose", help: "choose the highlighted answer and go on", keys: [.enter, .right, .character(" ")], .confirm),
                scrolling(items: true, space: false),
                digits(count),
                back,
            ] + saveAnswers(m, ctx) + [help, quit(escape: false)]
        case .multiChoice:
            return [
                KeyBinding("Space", "tick", help: "tick or untick the highlighted treatment", keys: [.character(" ")], .tick),
                KeyBinding("Enter", "next", help: "keep the ticks and go on", keys: [.enter, .right], .confirm),
                scrolling(items: true, space: false),
                digits(choiceValues(field, ctx).count),
                KeyBinding("a-z", "find", help: "type a letter to jump to the next treatment starting with it", footer: false) { key in
                    guard case .character(let c) = key, c.isLetter, c != "q" else { return nil }
                    return .find(c)
                },
                back,
            ] + saveAnswers(m, ctx, letters: true) + [help, quit(escape: false)]
        }
    }

    // MARK: Results

    static func resultsBindings(_ section: ResultsSection, _ m: Model, _ ctx: Context) -> [KeyBinding] {
        var table: [KeyBinding] = [
            KeyBinding("Tab", "section", help: "next section; Shift-Tab the one before") { key in
                key == .tab ? .nextSection : key == .backTab ? .previousSection : nil
            },
        ]
        // On What matters the digits rate, so only Tab moves between sections.
        if section != .values {
            table.append(KeyBinding("1-0", "sections", help: "jump to a section: 1 to 9, 0 for the Glossary, w for What it is like, c for the knowledge Check", footer: false) { key in
                guard case .character(let c) = key, let s = ResultsSection.allCases.first(where: { $0.key == c }) else { return nil }
                return .section(s)
            })
        }
        let items = m.openStudy == nil ? ResultsView.itemCount(section, m, ctx) : 0
        switch section {
        case .evidence where m.openStudy == nil:
            table.append(KeyBinding("Enter", "open", help: "open the highlighted study", keys: [.enter, .right], .confirm))
        case .checklist, .questions:
            table.append(KeyBinding("Space", "tick", help: "tick or untick the highlighted item", keys: [.character(" "), .enter], .tick))
        case .values:
            table += [
                KeyBinding("0-4", "rate", help: "how much the highlighted statement matters to you: 0 (not at all) to 4 (very much)") { key in
                    // 5 to 9 are caught too, to say what the scale is.
                    guard case .character(let c) = key, let n = c.wholeNumberValue else { return nil }
                    return .rate(n)
                },
                KeyBinding("n", "not sure", help: "not sure how much it matters", keys: [.character("n"), .character("N")], .notSure),
                KeyBinding("Del", "clear", help: "clear the highlighted rating", footer: false, keys: [.delete], .unrate),
                KeyBinding("Space", "pick", help: "pick the highlighted leaning or role, or type your own concern", keys: [.character(" "), .enter], .tick),
            ]
        case .finish:
            table += [
                sureAnswer,
                save, print,
                KeyBinding("d", "I'm done", help: "I'm done: wipe every answer so the next person starts fresh (asks first)",
                           keys: [.character("d"), .character("D")], .startOver),
            ]
        case .check:
            table += [
                KeyBinding("t/f/n", "answer", help: "answer the highlighted statement: true, false or not sure (again to change it)") { key in
                    switch key {
                    case .character("t"), .character("T"): return .answer(true)
                    case .character("f"), .character("F"): return .answer(false)
                    case .character("n"), .character("N"): return .notSure
                    default: return nil
                    }
                },
                KeyBinding("Del", "clear", help: "clear the answer to the highlighted statement", footer: false, keys: [.delete], .unrate),
            ]
        case .options where items > 0:
            table.append(KeyBinding("Enter", "next question", keys: [.enter, .right], .confirm))
        default:
            break
        }
        let spaceActs = [.checklist, .questions, .values].contains(section)
        table.append(scrolling(items: items > 0, space: !spaceActs))
        // Saving and printing the summary are what the results are for: they
        // come before the rest, so an 80-column footer still shows them (on
        // Finish they come first, above).
        if section != .finish { table += [save, print] }
        table += [
            // Inside a study, the way back to the list is kept in a narrow footer too.
            KeyBinding("Backspace", m.openStudy != nil ? "back to list" : "answers",
                       help: m.openStudy != nil ? "back to the list of studies" : "back to your answers (nothing is lost)",
                       essential: m.openStudy != nil, keys: [.backspace, .left, .escape], .back),
            help, quit(escape: false),
            about,
        ]
        return table
    }

    // MARK: Overlays

    static func overlayBindings(_ overlay: Overlay, _ m: Model, _ ctx: Context) -> [KeyBinding] {
        switch overlay {
        case .help:
            return [
                scrolling(items: false),
                KeyBinding("Esc", "close help", help: "close help (any other key too)") { _ in .cancel },
            ]
        case .confirmQuit:
            // s: save the answers first, where they may be kept.
            let unchanged = m.savedAnswers.map { !$0.differs(from: m) } ?? false
            let saveFirst = ctx.settings.sessions
                ? [KeyBinding("s", unchanged ? "save again" : "save answers first", help: "save your answers to a file first, to finish later",
                              keys: [.character("s"), .character("S"), .control("s")], .save)]
                : []
            return [KeyBinding("y", "quit", keys: [.character("y"), .character("Y"), .control("c")], .quit)]
                + saveFirst + [KeyBinding("n", "stay") { _ in .cancel }]
        case .resumed:
            return [
                scrolling(items: false),
                KeyBinding("Enter", "see your answers", help: "see your answers (any other key too)") { _ in .cancel },
            ]
        case .confirmStartOver:
            return [
                KeyBinding("y", "start over", keys: [.character("y"), .character("Y"), .control("c"), .control("d")], .startOver),
                KeyBinding("n", "stay") { _ in .cancel },
            ]
        case .confirmPrint:
            return [
                KeyBinding("y", "print", keys: [.character("y"), .character("Y")], .print),
                KeyBinding("n", "do not print", keys: [.character("n"), .character("N"), .escape, .backspace], .cancel),
                KeyBinding("Ctrl-C", "quit", footer: false, keys: [.control("c")], .quit),
            ]
        case .saveAs:
            // On the results: ↑↓ choose between the summary and the answers.
            let choose = offersBothSaves(m, ctx)
                ? [KeyBinding("↑↓", "summary or answers", help: "choose what to save: your summary, or your answers to finish later") { key in
                    switch key {
                    case .up: return .highlight(0)
                    case .down: return .highlight(1)
                    default: return nil
                    }
                }]
                : []
            let field = textField(enter: "save", escape: "cancel", allowQ: true)
            return [field[0]] + choose + field.dropFirst()
                + [KeyBinding("Ctrl-C", "quit", footer: false, keys: [.control("c")], .quit)]
        case .confirmOverwrite:
            return [
                KeyBinding("y", "replace", keys: [.character("y"), .character("Y")], .confirm),
                KeyBinding("Ctrl-C", "quit", footer: false, keys: [.control("c")], .quit),
                KeyBinding("n", "another name") { _ in .cancel },
            ]
        }
    }

    /// The command a key gives on this page, if any.
    static func command(for key: Key, _ m: Model, _ ctx: Context) -> Command? {
        for binding in bindings(m, ctx) {
            if let command = binding.command(key) { return command }
        }
        return nil
    }

    /// The footer: the page's keys in table order, ASCII names where the
    /// terminal has no Unicode; when they do not fit, "? more" stands for the
    /// rest, and help and quit are never dropped.
    static func footer(_ m: Model, _ ctx: Context, _ g: Glyphs, longPage: Bool? = nil) -> [(key: String, action: String)] {
        let items = bindings(m, ctx, longPage: longPage).filter(\.footer).map { b in (key: b.name, action: b.does, essential: b.essential) }
        let named = items.map { item -> (key: String, action: String, essential: Bool) in
            guard g.asciiKeyNames else { return item }
            return (item.key.replacing("↑↓", with: "Up/Down").replacing("←→", with: "Left/Right"),
                    item.action, item.essential)
        }
        func width(_ list: [(key: String, action: String, essential: Bool)]) -> Int {
            list.reduce(1) { $0 + Frame.width(of: $1.key) + 1 + Frame.width(of: $1.action) + 2 }
        }
        if width(named) <= m.size.width { return named.map { ($0.key, $0.action) } }
        // Too narrow: help and quit stay (help as "? more"), then as many of
        // the others as fit, in table order.
        let essentials = named.filter(\.essential).map { $0.key == "?" ? (key: "?", action: "more", essential: true) : $0 }
        var kept: [(key: String, action: String, essential: Bool)] = []
        for item in named where !item.essential && width(kept + [item] + essentials) <= m.size.width {
            kept.append(item)
        }
        return (kept + essentials).map { ($0.key, $0.action) }
    }
}
