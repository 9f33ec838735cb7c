import Content

/// The interactive aid's one state transition: a message in, the model
/// changed, effects out. No input/output happens here.
public func update(_ model: inout Model, _ msg: Msg, _ ctx: Context) -> [Effect] {
    switch msg {
    case .resize(let size):
        model.size = size
        return []
    case .tick:
        return []
    case .layout(let layout):
        measured(layout, &model)
        return []
    case .key(let key):
        return handle(key, &model, ctx)
    case .saved(let outcome):
        return saved(outcome, &model, ctx)
    case .printed(let outcome):
        switch outcome {
        case .sent(let message): model.notice = Notice(message)
        case .failed(let message): model.notice = Notice(message, problem: true)
        }
        return []
    }
}

private func handle(_ key: Key, _ m: inout Model, _ ctx: Context) -> [Effect] {
    // A notice is about the last action; the next key puts it away.
    m.notice = nil
    if let overlay = m.overlay {
        switch overlay {
        case .help:
            if navigate(key, &m, items: 0) { return [] }
            m.overlay = nil
        case .confirmQuit:
            switch key {
            case .character("y"), .character("Y"), .character("q"), .control("c"): return [.quit]
            default: m.overlay = nil
            }
        case .saveAs:
            return saveAs(key, &m, ctx)
        case .confirmOverwrite(let path):
            switch key {
            case .character("y"), .character("Y"):
                m.overlay = nil
                return [.save(text: summaryText(for: path, m, ctx), path: path, overwrite: true)]
            case .control("c"):
                return askToQuit(&m)
            default:
                // Back to the name, kept, to choose another.
                m.overlay = .saveAs
            }
        }
        return []
    }
    if m.typingConcern { return typeConcern(key, &m) }
    // Keys that work on every screen.
    switch key {
    case .character("?"), .function(1):
        m.overlay = .help
        return []
    case .control("c"):
        return askToQuit(&m)
    case .click(let row, _):
        guard let index = Views.render(m, ctx).targets[row] else { return [] }
        m.highlight = index
        return handle(activateKey(m), &m, ctx)
    default:
        break
    }
    switch m.page {
    case .welcome: return welcome(key, &m, ctx)
    case .sureBefore: return sureBefore(key, &m, ctx)
    case .question(let field): return question(field, key, &m, ctx)
    case .review: return review(key, &m, ctx)
    case .results(let section): return results(section, key, &m, ctx)
    case .about(let from): return about(from, key, &m, ctx)
    }
}

/// A click does what Enter does, except where Space is the key that ticks.
private func activateKey(_ m: Model) -> Key {
    switch m.page {
    case .question(.therapies), .results(.checklist), .results(.questions), .results(.values): return .character(" ")
    default: return .enter
    }
}

private func askToQuit(_ m: inout Model) -> [Effect] {
    if m.hasAnswers {
        m.overlay = .confirmQuit
        return []
    }
    return [.quit]
}

private func welcome(_ key: Key, _ m: inout Model, _ ctx: Context) -> [Effect] {
    if navigate(key, &m, items: 0) { return [] }
    switch key {
    case .enter, .right, .character("l"):
        if ctx.content.sure.isEmpty {
            openFirstQuestion(&m, ctx)
        } else {
            m.page = .sureBefore
            m.highlight = 0
        }
    case .character("a"):
        openAbout(&m)
    case .character("q"), .escape:
        return askToQuit(&m)
    default:
        break
    }
    return []
}

private func openFirstQuestion(_ m: inout Model, _ ctx: Context) {
    open(QuestionFlow.asked(m.answers, exactEDSS: ctx.settings.exactEDSS)[0], &m, ctx)
}

private func openAbout(_ m: inout Model) {
    m.page = .about(from: m.page)
}

private func about(_ from: Page, _ key: Key, _ m: inout Model, _ ctx: Context) -> [Effect] {
    if navigate(key, &m, items: 0) { return [] }
    switch key {
    case .backspace, .left, .escape, .enter, .character("a"):
        m.page = from
    case .character("q"):
        return askToQuit(&m)
    default:
        break
    }
    return []
}

// MARK: - Scrolling

/// The one scrolling model for every page (see Viewport). ↑↓ move the
/// focus over `items` (the view follows it); before the first item and after
/// the last, and on pages without items, they scroll the view a line. Page
/// Up/Down (and Space where it is not an action), Home/End and the mouse
/// wheel scroll the view through everything, and the focus moves to an item
/// in view. False if `key` is not one of these.
func navigate(_ key: Key, _ m: inout Model, items: Int, spaceScrolls: Bool = true) -> Bool {
    let path: WritableKeyPath<Model, Viewport> = m.overlay == nil ? \.view : \.overlayView
    let height = m[keyPath: path].measured?.height ?? Chrome.bodyHeight(m.size)
    let page = max(1, height - 1)
    let last = max(0, items - 1)
    switch key {
    case .up, .character("k"):
        if items > 0 && m.highlight > 0 {
            m.highlight -= 1
            m[keyPath: path].followFocus = true
        } else {
            scroll(by: -1, &m, path)
        }
    case .down, .character("j"):
        if items > 0 && m.highlight < last {
            m.highlight += 1
            m[keyPath: path].followFocus = true
        } else {
            scroll(by: 1, &m, path)
        }
    case .pageDown, .character(" ") where key == .pageDown || spaceScrolls:
        scroll(by: page, &m, path)
        focusInView(&m, path, items: items, downward: true)
    case .pageUp:
        scroll(by: -page, &m, path)
        focusInView(&m, path, items: items, downward: false)
    case .scrollDown:
        scroll(by: 3, &m, path)
        focusInView(&m, path, items: items, downward: true)
    case .scrollUp:
        scroll(by: -3, &m, path)
        focusInView(&m, path, items: items, downward: false)
    case .home:
        m.highlight = 0
        m[keyPath: path].top = 0
        m[keyPath: path].followFocus = false
    case .end:
        m.highlight = last
        scroll(by: Int.max / 4, &m, path)
    default:
        return false
    }
    return true
}

/// Moves the view, kept inside the page as last measured.
private func scroll(by lines: Int, _ m: inout Model, _ path: WritableKeyPath<Model, Viewport>) {
    var view = m[keyPath: path]
    let bottom = view.measured.map { max(0, $0.lines - $0.height) } ?? Int.max / 4
    view.top = min(max(0, view.top + lines), bottom)
    view.followFocus = false
    m[keyPath: path] = view
}

/// After paging, the focus moves to an item in view (the first going down,
/// the last going up), unless it is in view already.
private func focusInView(_ m: inout Model, _ path: WritableKeyPath<Model, Viewport>, items: Int, downward: Bool) {
    let view = m[keyPath: path]
    guard items > 0, let measured = view.measured else { return }
    let shown = view.top..<(view.top + measured.height)
    if let line = measured.itemLines[m.highlight], shown.contains(line) { return }
    let inView = (0..<items).filter { measured.itemLines[$0].map(shown.contains) ?? false }
    if let item = downward ? inView.first : inView.last { m.highlight = item }
}

/// What the last drawing measured: where the view really is, and the page's size.
private func measured(_ layout: ViewLayout, _ m: inout Model) {
    let path: WritableKeyPath<Model, Viewport> = m.overlay == nil ? \.view : \.overlayView
    m[keyPath: path].top = layout.top
    m[keyPath: path].measured = layout
}

// MARK: - SURE

/// The SURE test before the questions: y or n for each; Enter goes on, answered or not.
private func sureBefore(_ key: Key, _ m: inout Model, _ ctx: Context) -> [Effect] {
    if sureKey(key, \.sureBefore, &m, ctx) { return [] }
    switch key {
    case .enter, .right:
        openFirstQuestion(&m, ctx)
    case .backspace, .left, .escape:
        m.page = .welcome
    case .character("a"):
        openAbout(&m)
    case .character("q"):
        return askToQuit(&m)
    default:
        break
    }
    return []
}

/// Moves over the four SURE items and answers the highlighted one with y or n
/// (or 1 and 2), moving to the next. False if `key` is not one of these.
private func sureKey(_ key: Key, _ answers: WritableKeyPath<Deliberation, [String: Bool]>, _ m: inout Model, _ ctx: Context) -> Bool {
    let items = ctx.content.sure
    if navigate(key, &m, items: items.count, spaceScrolls: false) { return true }
    guard m.highlight < items.count else { return false }
    let answer: Bool
    switch key {
    case .character("y"), .character("Y"): answer = true
    case .character("n"), .character("N"): answer = false
    default: return false
    }
    m.deliberation[keyPath: answers][items[m.highlight].id] = answer
    m.highlight = min(items.count - 1, m.highlight + 1)
    return true
}

// MARK: - Questions

/// Shows a question, with any earlier answer ready to keep or change.
func open(_ field: AnswerField, _ m: inout Model, _ ctx: Context) {
    m.page = .question(field)
    m.error = nil
    m.draft = QuestionFlow.typedValue(field, m.answers)
    m.picked = field == .therapies ? (m.answers.therapies.map { $0.isEmpty ? ["none"] : $0 } ?? []) : []
    let values = choiceValues(field, ctx)
    m.highlight = QuestionFlow.choiceValue(field, m.answers).flatMap { values.firstIndex(of: $0) } ?? 0
}

/// The values listed for a question, in screen order.
func choiceValues(_ field: AnswerField, _ ctx: Context) -> [String] {
    if field == .therapies { return ["none"] + ctx.content.therapies.map(\.id) }
    return ctx.content.question(field.jsonKey)?.choices.map(\.value) ?? ContentContract.choiceValues(field)
}

private func question(_ field: AnswerField, _ key: Key, _ m: inout Model, _ ctx: Context) -> [Effect] {
    let input = QuestionFlow.input(field)
    if case .number = input { return numberField(field, key, &m, ctx) }
    // Keys shared by both kinds of list: move, go back, quit.
    let values = choiceValues(field, ctx)
    if navigate(key, &m, items: values.count, spaceScrolls: false) { return [] }
    switch key {
    case .backspace, .left, .escape:
        goBack(from: field, &m, ctx)
        return []
    case .character("q"):
        return askToQuit(&m)
    default:
        break
    }
    if input == .multiChoice {
        ticks(field, key, values, &m, ctx)
    } else {
        singleChoice(field, key, values, &m, ctx)
    }
    return []
}

/// A typed answer: letters are typed too, so a bad answer gets its message.
private func numberField(_ field: AnswerField, _ key: Key, _ m: inout Model, _ ctx: Context) -> [Effect] {
    switch key {
    case .character("q") where m.draft.isEmpty:
        return askToQuit(&m)
    case .character(let c):
        if m.draft.count < 12 { m.draft.append(c) }
        m.error = nil
    case .backspace, .delete:
        if m.draft.isEmpty { goBack(from: field, &m, ctx) } else { m.draft.removeLast(); m.error = nil }
    case .left, .escape:
        goBack(from: field, &m, ctx)
    case .enter, .right:
        accept(field, text: m.draft, &m, ctx)
    default:
        break
    }
    return []
}

/// One answer from a list: Enter or its number picks it and moves on.
private func singleChoice(_ field: AnswerField, _ key: Key, _ values: [String], _ m: inout Model, _ ctx: Context) {
    switch key {
    case .character(let c) where c.isNumber:
        guard let n = c.wholeNumberValue, n >= 1, n <= values.count else {
            m.error = "Press a number from 1 to \(values.count), or use the arrow keys."
            return
        }
        m.highlight = n - 1
        accept(field, text: values[n - 1], &m, ctx)
    case .enter, .right, .character(" "):
        accept(field, text: values[m.highlight], &m, ctx)
    default:
        break
    }
}

/// Several answers (the treatments): Space or a number ticks, Enter moves on.
private func ticks(_ field: AnswerField, _ key: Key, _ values: [String], _ m: inout Model, _ ctx: Context) {
    switch key {
    case .character(" "):
        toggle(values[m.highlight], &m)
    case .character(let c) where c.isNumber:
        guard let n = c.wholeNumberValue, n >= 1, n <= min(9, values.count) else { return }
        m.highlight = n - 1
        toggle(values[n - 1], &m)
    case .enter, .right:
        guard !m.picked.isEmpty else {
            m.error = "Tick each treatment you have taken with Space, or tick \"None\"; then press Enter."
            return
        }
        var answers = m.answers
        do {
            try AnswerParser.setTherapies(m.picked, in: &answers)
        } catch {
            m.error = error.problem
            return
        }
        m.answers = answers
        advance(from: field, &m, ctx)
    default:
        break
    }
}

/// Ticking "none" clears the treatments; ticking a treatment clears "none".
private func toggle(_ value: String, _ m: inout Model) {
    m.error = nil
    if let index = m.picked.firstIndex(of: value) {
        m.picked.remove(at: index)
    } else if value == "none" {
        m.picked = ["none"]
    } else {
        m.picked.removeAll { $0 == "none" }
        m.picked.append(value)
    }
}

/// Checks an answer; on a problem shows it beside the field and keeps
/// everything, on success moves on.
private func accept(_ field: AnswerField, text: String, _ m: inout Model, _ ctx: Context) {
    var answers = m.answers
    do {
        try AnswerParser.set(field, from: text, in: &answers)
        try AnswerParser.crossCheck(answers)
    } catch {
        m.error = Views.inlineMessage(error, typed: text)
        return
    }
    m.answers = answers
    advance(from: field, &m, ctx)
}

private func advance(from field: AnswerField, _ m: inout Model, _ ctx: Context) {
    QuestionFlow.clearSkipped(&m.answers, exactEDSS: ctx.settings.exactEDSS)
    let asked = QuestionFlow.asked(m.answers, exactEDSS: ctx.settings.exactEDSS)
    let later = asked.drop { $0 != field }.dropFirst()
    // From the review, go only to questions this change newly opened.
    let next = m.editingFromReview ? later.first { !QuestionFlow.isAnswered($0, m.answers) } : later.first
    if let next {
        open(next, &m, ctx)
    } else {
        showReview(selecting: field, &m, ctx)
    }
}

private func goBack(from field: AnswerField, _ m: inout Model, _ ctx: Context) {
    m.error = nil
    if m.editingFromReview {
        showReview(selecting: field, &m, ctx)
        return
    }
    let asked = QuestionFlow.asked(m.answers, exactEDSS: ctx.settings.exactEDSS)
    if let index = asked.firstIndex(of: field), index > 0 {
        open(asked[index - 1], &m, ctx)
    } else {
        m.page = ctx.content.sure.isEmpty ? .welcome : .sureBefore
        m.highlight = 0
    }
}

// MARK: - Review

private func showReview(selecting field: AnswerField?, _ m: inout Model, _ ctx: Context) {
    m.page = .review
    m.error = nil
    m.editingFromReview = false
    let order = QuestionFlow.order(exactEDSS: ctx.settings.exactEDSS)
    m.highlight = field.flatMap { order.firstIndex(of: $0) } ?? order.count
}

private func review(_ key: Key, _ m: inout Model, _ ctx: Context) -> [Effect] {
    let order = QuestionFlow.order(exactEDSS: ctx.settings.exactEDSS)
    if navigate(key, &m, items: order.count + 1, spaceScrolls: false) { return [] }
    switch key {
    case .enter, .right, .character(" "):
        if m.highlight >= order.count {
            m.page = .results(.summary)
            m.highlight = 0
            m.openStudy = nil
        } else if let reason = QuestionFlow.skipReason(order[m.highlight], m.answers) {
            m.error = reason
        } else {
            m.editingFromReview = true
            open(order[m.highlight], &m, ctx)
        }
    case .backspace, .left, .escape:
        let asked = QuestionFlow.asked(m.answers, exactEDSS: ctx.settings.exactEDSS)
        if let last = asked.last { open(last, &m, ctx) }
    case .character("q"):
        return askToQuit(&m)
    default:
        break
    }
    return []
}

// MARK: - Results

private func results(_ section: ResultsSection, _ key: Key, _ m: inout Model, _ ctx: Context) -> [Effect] {
    let all = ResultsSection.allCases
    func go(_ next: ResultsSection) {
        m.page = .results(next)
        m.highlight = 0
        m.openStudy = nil
    }
    let items = m.openStudy == nil ? ResultsView.itemCount(section, m, ctx) : 0
    if section == .values, let effects = values(key, &m, ctx) { return effects }
    if section == .finish, sureKey(key, \.sureAfter, &m, ctx) { return [] }
    // Space ticks or picks where there is something to tick or pick.
    let spaceActs = [.checklist, .questions, .values].contains(section)
    if navigate(key, &m, items: items, spaceScrolls: !spaceActs) { return [] }
    switch key {
    case .tab: go(all[(section.rawValue + 1) % all.count])
    case .backTab: go(all[(section.rawValue + all.count - 1) % all.count])
    case .character(let c) where c.isNumber:
        if let next = all.first(where: { $0.key == c }) { go(next) }
    case .enter, .right, .character(" "):
        switch section {
        case .evidence where m.openStudy == nil && items > 0 && key != .character(" "):
            m.openStudy = m.highlight
            m.view = Viewport()
        case .checklist where m.highlight < ctx.content.checklist.count:
            m.ticked.toggle(ctx.content.checklist[m.highlight].id)
        case .questions where m.highlight < ctx.content.doctorQuestions.count:
            m.deliberation.asked.toggle(ctx.content.doctorQuestions[m.highlight].id)
        case .options where items > 0 && key != .character(" "):
            m.highlight = min(items - 1, m.highlight + 1)
        default:
            break
        }
    case .character("s"):
        m.overlay = .saveAs
        if m.draft.isEmpty { m.draft = "ahsct-summary.txt" }
    case .character("p"):
        return [.print(text: summaryText(for: "", m, ctx))]
    case .character("a"):
        openAbout(&m)
    case .backspace, .left, .escape:
        if m.openStudy != nil {
            m.openStudy = nil
            m.view = Viewport()
        } else {
            showReview(selecting: nil, &m, ctx)
        }
    case .character("q"):
        return askToQuit(&m)
    default:
        break
    }
    return []
}

extension Set {
    mutating func toggle(_ member: Element) {
        if contains(member) { remove(member) } else { insert(member) }
    }
}

// MARK: - What matters

/// The rows of the values page, in screen order.
enum ValuesRow: Equatable {
    case rating(String), concern, leaning(String), role(String)

    static func all(_ content: ContentSet) -> [ValuesRow] {
        content.values.map { .rating($0.id) } + [.concern]
            + content.leanings.map { .leaning($0.value) } + content.roles.map { .role($0.value) }
    }
}

/// Keys on the values page: 0-4 rate, n is "not sure", Space or Enter picks
/// a leaning or role or starts typing the concern. Nil: not a values key.
private func values(_ key: Key, _ m: inout Model, _ ctx: Context) -> [Effect]? {
    let rows = ValuesRow.all(ctx.content)
    guard m.highlight < rows.count else { return nil }
    let row = rows[m.highlight]
    switch (row, key) {
    case (.rating(let id), .character(let c)) where c.isNumber:
        guard let n = c.wholeNumberValue, n <= 4 else {
            m.notice = Notice("Rate with 0 (does not matter to me) to 4 (matters very much), or n for not sure.", problem: true)
            return []
        }
        m.deliberation.ratings[id] = .score(n)
        m.highlight += 1
    case (.rating(let id), .character("n")), (.rating(let id), .character("N")):
        m.deliberation.ratings[id] = .notSure
        m.highlight += 1
    case (.rating(let id), .delete):
        m.deliberation.ratings[id] = nil
    case (.concern, .enter), (.concern, .character(" ")):
        m.typingConcern = true
        m.draft = m.deliberation.concern
    case (.leaning(let value), .enter), (.leaning(let value), .character(" ")):
        m.deliberation.leaning = m.deliberation.leaning == value ? nil : value
    case (.role(let value), .enter), (.role(let value), .character(" ")):
        m.deliberation.role = m.deliberation.role == value ? nil : value
    case (_, .character(let c)) where c.isNumber:
        m.notice = Notice("Numbers rate the statements above. Use Tab to go to another section.")
    default:
        return nil
    }
    return []
}

/// Typing the person's own concern: Enter keeps it, Esc leaves it as it was.
private func typeConcern(_ key: Key, _ m: inout Model) -> [Effect] {
    typeText(key, &m, enter: { m in
        m.deliberation.concern = m.draft.trimmingWhitespace()
        m.typingConcern = false
        m.draft = ""
        return []
    }, escape: { m in
        m.typingConcern = false
        m.draft = ""
    })
}

/// A one-line text field held in `draft`: letters type (q and digits too),
/// Backspace deletes, Ctrl-C asks to quit; Enter and Esc do what the field needs.
private func typeText(_ key: Key, _ m: inout Model, enter: (inout Model) -> [Effect], escape: (inout Model) -> Void) -> [Effect] {
    switch key {
    case .character(let c):
        if m.draft.count < 200 { m.draft.append(c) }
    case .backspace, .delete:
        if !m.draft.isEmpty { m.draft.removeLast() }
    case .enter:
        return enter(&m)
    case .escape:
        escape(&m)
    case .control("c"):
        return askToQuit(&m)
    default:
        break
    }
    return []
}

// MARK: - Saving

/// Typing the file name for the summary. A name ending in .md gets Markdown.
private func saveAs(_ key: Key, _ m: inout Model, _ ctx: Context) -> [Effect] {
    typeText(key, &m, enter: { m in
        let path = m.draft.trimmingWhitespace()
        guard !path.isEmpty else {
            m.notice = Notice("Please type a file name, like ahsct-summary.txt.", problem: true)
            return []
        }
        m.overlay = nil
        return [.save(text: summaryText(for: path, m, ctx), path: path, overwrite: false)]
    }, escape: { m in
        m.overlay = nil
    })
}

private func saved(_ outcome: SaveOutcome, _ m: inout Model, _ ctx: Context) -> [Effect] {
    switch outcome {
    case .saved(let path):
        m.notice = Notice("Saved the summary to \(path). Only you can read the file.")
        m.draft = ""
    case .exists(let path):
        m.overlay = .confirmOverwrite(path: path)
    case .failed(_, let message):
        // The name is kept, to fix it.
        m.overlay = .saveAs
        m.notice = Notice(message, problem: true)
    }
    return []
}

/// The summary as the person has it now: Markdown for a .md file, else plain text.
func summaryText(for path: String, _ m: Model, _ ctx: Context) -> String {
    let input = SummaryInput(answers: m.answers, deliberation: m.deliberation, ticked: m.ticked,
                             content: ctx.content, today: ctx.today)
    return SummaryDocument.render(input, format: path.lowercased().hasSuffix(".md") ? .markdown : .text)
}
