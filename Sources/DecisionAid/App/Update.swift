import Content

/// The interactive aid's one state transition: a message in, the model
/// changed, effects out. No input/output happens here.
public func update(_ model: inout Model, _ msg: Msg, _ ctx: Context) -> [Effect] {
    switch msg {
    case .resize(let size):
        model.size = size
        return []
    case .tick(let now):
        model.clock = now
        return idle(&model, ctx)
    case .layout(let layout):
        measured(layout, &model)
        return []
    case .key(let key):
        return take(key, &model, ctx)
    case .saved(let outcome):
        return saved(outcome, .summary, &model, ctx)
    case .savedAnswers(let outcome):
        return saved(outcome, .answers, &model, ctx)
    case .printed(let outcome):
        model.printing = false
        // A job that ends after a wipe belongs to the person before: say nothing.
        guard model.printedOnce || !ctx.settings.onePrintPerPerson else { return [] }
        switch outcome {
        case .sent(let message): model.notice = .printed(message)
        case .failed(let message):
            model.notice = .printFailed(message)
            // Nothing was printed: the person may try again once it is fixed.
            model.printedOnce = false
        }
        return []
    }
}

/// How soon a repeated key counts as a bounce or a held key, not a new answer.
let repeatWindow = 0.25

/// Keys, made safe for shaky hands: the same key again within 250 ms of one
/// that changed the screen or moved the focus is a bounce or a held key,
/// not an answer to what is now in front of the person (a held key stays
/// absorbed). Scrolling keys repeat freely. Keys do nothing while the window
/// is too small to show the page, except Ctrl-C.
private func take(_ key: Key, _ m: inout Model, _ ctx: Context) -> [Effect] {
    m.lastActivity = m.clock
    // Any key puts the "Still there?" countdown away, and does nothing else:
    // the person may not have seen what is under it.
    if m.idleCountdown != nil {
        m.idleCountdown = nil
        m.lastKey = key
        m.lastKeyAt = m.clock
        m.lastKeyChangedScreen = true
        return []
    }
    let repeated = key == m.lastKey && m.clock - m.lastKeyAt < repeatWindow
    var scrolling = false
    if case .scroll? = KeyTable.command(for: key, m, ctx) { scrolling = true }
    if repeated && m.lastKeyChangedScreen && !scrolling {
        m.lastKeyAt = m.clock
        return []
    }
    let before = (m.page, m.overlay, m.highlight)
    let effects: [Effect]
    if m.size.width < Chrome.minimum.width || m.size.height < Chrome.minimum.height {
        effects = key == .control("c") || (key == .control("d") && !ctx.settings.canExit)
            ? (ctx.settings.canExit ? askToQuit(&m) : askToStartOver(&m)) : []
    } else {
        effects = handle(key, held: repeated, &m, ctx)
    }
    m.lastKeyChangedScreen = before != (m.page, m.overlay, m.highlight) || effects.contains(.quit)
    m.lastKey = key
    m.lastKeyAt = m.clock
    return effects
}

private func handle(_ key: Key, held: Bool, _ m: inout Model, _ ctx: Context) -> [Effect] {
    // A notice is about the last action; the next key puts it away (while
    // printing, the status row keeps saying so).
    m.notice = m.printing ? .printing : nil
    if case .click(let row, _) = key {
        guard m.overlay == nil, m.typing == nil, let index = Views.render(m, ctx).targets[row] else { return [] }
        // A click moves the highlight, as a digit does; Enter confirms.
        m.highlight = index
        m.view.followFocus = true
        return []
    }
    guard let command = KeyTable.command(for: key, m, ctx) else { return [] }
    if let overlay = m.overlay { return overlayCommand(overlay, command, &m, ctx) }
    if let target = m.typing { return typeText(target, command, &m) }
    switch command {
    case .help:
        m.overlay = .help
        return []
    case .quit:
        return askToQuit(&m, always: key == .escape)
    case .startOver:
        return askToStartOver(&m)
    case .about:
        openAbout(&m)
        return []
    case .save:
        // On the results, the summary (the dialog offers the answers too);
        // before them, the answers to finish later.
        if case .results = m.page { openSave(.summary, &m, ctx) } else { openSave(.answers, &m, ctx) }
        return []
    case .scroll(let scrollKey):
        _ = navigate(scrollKey, &m, items: itemCount(m, ctx))
        return []
    default:
        break
    }
    switch m.page {
    case .welcome: return welcome(command, &m, ctx)
    case .sureBefore: return sureBefore(command, &m, ctx)
    case .question(let field): return question(field, command, held: held, &m, ctx)
    case .review: return review(command, &m, ctx)
    case .results(let section): return results(section, command, &m, ctx)
    case .about(let from): return about(from, command, &m)
    }
}


/// How many focusable items the page has, for the scrolling model.
private func itemCount(_ m: Model, _ ctx: Context) -> Int {
    if m.overlay != nil { return 0 }
    switch m.page {
    case .welcome, .about: return 0
    case .sureBefore: return ctx.content.sure.count
    case .question(let field): return QuestionFlow.input(field) == .multiChoice || QuestionFlow.input(field) == .choice ? choiceValues(field, ctx).count : 0
    case .review: return m.interview.order.count + 1
    case .results(let section): return m.openStudy == nil ? ResultsView.itemCount(section, m, ctx) : 0
    }
}

private func overlayCommand(_ overlay: Overlay, _ command: Command, _ m: inout Model, _ ctx: Context) -> [Effect] {
    switch (overlay, command) {
    case (_, .scroll(let key)):
        _ = navigate(key, &m, items: 0)
    case (.confirmQuit, .quit):
        return [.quit]
    case (.confirmStartOver, .startOver):
        return wipe(&m, ctx)
    case (_, .startOver):
        return askToStartOver(&m)
    case (.confirmPrint, .print):
        m.overlay = nil
        guard !m.printing else { return [] }     // one job at a time; the status row says it is printing
        guard !(ctx.settings.onePrintPerPerson && m.printedOnce) else { return [] }
        m.printing = true
        m.printedOnce = true
        m.notice = .printing
        var destination: String?
        if case .destination(let name) = ctx.settings.printing { destination = name }
        return [.print(text: summaryText(for: "", m, ctx), destination: destination)]
    case (.saveAs, .quit), (.confirmOverwrite, .quit):
        endSave(&m)
        return askToQuit(&m)
    case (.confirmPrint, .quit):
        return askToQuit(&m)
    case (.confirmQuit, .save):
        // "Save my answers first": the quit dialog's way to keep them.
        openSave(.answers, &m, ctx)
    case (.saveAs, _):
        return saveAs(command, &m, ctx)
    case (.confirmOverwrite(let path), .confirm):
        m.overlay = nil
        return [saveEffect(m.saving, path: path, overwrite: true, m, ctx)]
    case (.confirmOverwrite, _):
        // Back to the name, kept, to choose another.
        m.overlay = .saveAs
    default:
        m.overlay = nil
    }
    return []
}

/// Quitting asks first once anything is answered, and always from Welcome's Esc.
private func askToQuit(_ m: inout Model, always: Bool = false) -> [Effect] {
    if m.hasAnswers || always {
        m.overlay = .confirmQuit
        return []
    }
    return [.quit]
}

/// Starting over (where the program may not end) always asks first: it wipes everything.
private func askToStartOver(_ m: inout Model) -> [Effect] {
    m.overlay = .confirmStartOver
    return []
}

/// Forgets this person: a fresh model, and the run loop clears the screen
/// and scrollback and reads today's date again. Nothing of the person
/// before is left in the model for any key to reach.
func wipe(_ m: inout Model, _ ctx: Context) -> [Effect] {
    var fresh = Model(size: m.size, settings: ctx.settings)
    fresh.clock = m.clock
    fresh.lastActivity = m.clock
    m = fresh
    return [.wipe]
}

/// The idle timer (where the settings have one): it counts from the last
/// key; for its last 30 seconds (or last third) a countdown shows; at zero
/// everything is wiped. A fresh Welcome screen has nothing to forget and
/// never counts down.
private func idle(_ m: inout Model, _ ctx: Context) -> [Effect] {
    guard let limit = ctx.settings.idleReset, let warning = ctx.settings.idleWarning else { return [] }
    let fresh = m.page == .welcome && m.overlay == nil && !m.hasAnswers && m.notice == nil
    guard let since = m.lastActivity, !fresh else {
        m.lastActivity = m.clock
        m.idleCountdown = nil
        return []
    }
    let left = limit - (m.clock - since)
    if left <= 0 { return wipe(&m, ctx) }
    m.idleCountdown = left <= warning ? Int(left.rounded(.up)) : nil
    return []
}

private func welcome(_ command: Command, _ m: inout Model, _ ctx: Context) -> [Effect] {
    if command == .confirm {
        if ctx.content.sure.isEmpty {
            openFirstQuestion(&m, ctx)
        } else {
            m.page = .sureBefore
            m.highlight = 0
        }
    }
    return []
}

private func openFirstQuestion(_ m: inout Model, _ ctx: Context) {
    m.interview.start()
    show(&m, ctx)
}

/// Shows where the interview now is: a question with its earlier answer
/// ready to keep or change, the review with "See what the guidelines say"
/// highlighted (Enter there never reopens a question), or, before the
/// first question, what comes before it.
func show(_ m: inout Model, _ ctx: Context) {
    m.problem = nil
    switch m.interview.step {
    case .notStarted:
        m.page = ctx.content.sure.isEmpty ? .welcome : .sureBefore
        m.highlight = 0
    case .question(let field):
        showQuestion(field, &m, ctx)
    case .review:
        m.page = .review
        m.highlight = m.interview.order.count
    }
}

private func openAbout(_ m: inout Model) {
    m.page = .about(from: m.page)
}

private func about(_ from: Page, _ command: Command, _ m: inout Model) -> [Effect] {
    if command == .back { m.page = from }
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
    let height = m.shownView.measured?.height ?? Chrome.bodyHeight(m.size)
    let page = max(1, height - 1)
    let last = max(0, items - 1)
    switch key {
    case .up, .character("k"):
        if items > 0 && m.highlight > 0 {
            m.highlight -= 1
            m.shownView.followFocus = true
        } else {
            scroll(by: -1, &m)
        }
    case .down, .character("j"):
        if items > 0 && m.highlight < last {
            m.highlight += 1
            m.shownView.followFocus = true
        } else {
            scroll(by: 1, &m)
        }
    case .character(" ") where !spaceScrolls:
        return false        // Space is this page's action, not a scroll
    case .pageDown, .character(" "):
        scroll(by: page, &m)
        focusInView(&m, items: items, downward: true)
    case .pageUp:
        scroll(by: -page, &m)
        focusInView(&m, items: items, downward: false)
    case .scrollDown:
        scroll(by: 3, &m)
        focusInView(&m, items: items, downward: true)
    case .scrollUp:
        scroll(by: -3, &m)
        focusInView(&m, items: items, downward: false)
    case .home:
        m.highlight = 0
        m.shownView.top = 0
        m.shownView.followFocus = false
    case .end:
        m.highlight = last
        scroll(by: Int.max / 4, &m)
    default:
        return false
    }
    return true
}

/// Moves the view, kept inside the page as last measured.
private func scroll(by lines: Int, _ m: inout Model) {
    var view = m.shownView
    let bottom = view.measured.map { max(0, $0.lines - $0.height) } ?? Int.max / 4
    view.top = min(max(0, view.top + lines), bottom)
    view.followFocus = false
    m.shownView = view
}

/// After paging, the focus moves to an item in view (the first going down,
/// the last going up), unless it is in view already.
private func focusInView(_ m: inout Model, items: Int, downward: Bool) {
    let view = m.shownView
    guard items > 0, let measured = view.measured else { return }
    let shown = view.top..<(view.top + measured.height)
    if let line = measured.itemLines[m.highlight], shown.contains(line) { return }
    let inView = (0..<items).filter { measured.itemLines[$0].map(shown.contains) ?? false }
    if let item = downward ? inView.first : inView.last { m.highlight = item }
}

/// What the last drawing measured: where the view really is, and the page's size.
private func measured(_ layout: ViewLayout, _ m: inout Model) {
    m.shownView.top = layout.top
    m.shownView.measured = layout
}

// MARK: - SURE

/// The SURE test before the questions: y or n answers the highlighted item
/// and moves to the next (a bounce of the same key is not taken, see take);
/// Enter goes on, answered or not.
private func sureBefore(_ command: Command, _ m: inout Model, _ ctx: Context) -> [Effect] {
    switch command {
    case .answer(let yes):
        answerSure(yes, \.sureBefore, &m, ctx)
    case .confirm:
        openFirstQuestion(&m, ctx)
    case .back:
        m.page = .welcome
    default:
        break
    }
    return []
}

private func answerSure(_ yes: Bool, _ answers: WritableKeyPath<Deliberation, [String: Bool]>, _ m: inout Model, _ ctx: Context) {
    let items = ctx.content.sure
    guard m.highlight < items.count else { return }
    m.deliberation[keyPath: answers][items[m.highlight].id] = yes
    m.highlight = min(items.count - 1, m.highlight + 1)
    m.view.followFocus = true
}

// MARK: - Questions

/// Opens a question as if chosen from the review (for tests that look at every question).
func open(_ field: AnswerField, _ m: inout Model, _ ctx: Context) {
    try? m.interview.change(field)
    show(&m, ctx)
}

/// Shows a question, with any earlier answer ready to keep or change.
private func showQuestion(_ field: AnswerField, _ m: inout Model, _ ctx: Context) {
    m.page = .question(field)
    m.draft = QuestionFlow.typedValue(field, m.answers)
    m.caret = m.draft.count
    m.picked = field == .therapies ? (m.answers.therapies.map { $0.isEmpty ? ["none"] : $0 } ?? []) : []
    let values = choiceValues(field, ctx)
    m.highlight = QuestionFlow.choiceValue(field, m.answers).flatMap { values.firstIndex(of: $0) } ?? 0
}

/// The values listed for a question, in screen order.
func choiceValues(_ field: AnswerField, _ ctx: Context) -> [String] {
    if field == .therapies { return ["none"] + ctx.content.therapies.map(\.id) }
    return ctx.content.question(field.jsonKey)?.choices.map(\.value) ?? ContentContract.choiceValues(field)
}

private func question(_ field: AnswerField, _ command: Command, held: Bool, _ m: inout Model, _ ctx: Context) -> [Effect] {
    let values = choiceValues(field, ctx)
    if !values.isEmpty { m.highlight = min(max(0, m.highlight), values.count - 1) }
    switch (QuestionFlow.input(field), command) {
    case (.number, _):
        return numberField(field, command, held: held, &m, ctx)
    case (_, .back):
        goBack(&m, ctx)
    case (_, .highlight(let index)):
        m.highlight = index
        m.view.followFocus = true
        m.problem = nil
    case (.choice, .confirm):
        accept(values[m.highlight], &m, ctx)
    case (.multiChoice, .tick):
        toggle(values[m.highlight], &m)
    case (.multiChoice, .find(let letter)):
        find(letter, values, &m, ctx)
    case (.multiChoice, .confirm):
        confirmTicks(&m, ctx)
    default:
        break
    }
    return []
}

/// A typed answer: letters are typed too, so a bad answer gets its message.
/// Backspace in an empty field goes back, but a held Backspace that emptied
/// it stops there.
private func numberField(_ field: AnswerField, _ command: Command, held: Bool, _ m: inout Model, _ ctx: Context) -> [Effect] {
    if command == .erase && m.draft.isEmpty {
        if !held { goBack(&m, ctx) }
        return []
    }
    if command == .cancel {
        goBack(&m, ctx)
        return []
    }
    if command == .confirm {
        accept(m.draft, &m, ctx)
        return []
    }
    if edit(command, &m, limit: 12) { m.problem = nil }
    return []
}

/// Edits `draft` at the caret; false if the command is not an edit.
@discardableResult
func edit(_ command: Command, _ m: inout Model, limit: Int) -> Bool {
    var text = Array(m.draft)
    let caret = min(max(0, m.caret), text.count)
    switch command {
    case .type(let c):
        guard text.count < limit else { return true }
        text.insert(c, at: caret)
        // A combining mark joins the letter before it, so the text may have
        // fewer characters than were typed: the caret stays inside it.
        let before = String(text[..<(caret + 1)]).count
        m.draft = String(text)
        m.caret = min(before, m.draft.count)
    case .paste(let pasted):
        for c in pasted { edit(.type(c), &m, limit: limit) }
    case .erase:
        guard caret > 0 else { return true }
        text.remove(at: caret - 1)
        m.draft = String(text)
        m.caret = min(caret - 1, m.draft.count)
    case .caretLeft:
        m.caret = max(0, caret - 1)
    case .caretRight:
        m.caret = min(text.count, caret + 1)
    default:
        return false
    }
    return true
}

/// Type-to-find on the treatments list: the next treatment whose name
/// starts with the letter, after the highlighted one.
private func find(_ letter: Character, _ values: [String], _ m: inout Model, _ ctx: Context) {
    let names = values.map { $0 == "none" ? "none" : (ctx.content.therapy($0)?.name ?? $0) }
    let wanted = String(letter).lowercased()
    let order = Array(values.indices.dropFirst(m.highlight + 1)) + Array(values.indices.prefix(m.highlight + 1))
    if let hit = order.first(where: { names[$0].lowercased().hasPrefix(wanted) }) {
        m.highlight = hit
        m.view.followFocus = true
    }
}

/// Enter on the treatments: keeps the ticks and moves on.
private func confirmTicks(_ m: inout Model, _ ctx: Context) {
    do {
        try m.interview.answer(therapies: m.picked)
        show(&m, ctx)
    } catch {
        m.problem = error
    }
}

/// Ticking "none" clears the treatments; ticking a treatment clears "none".
private func toggle(_ value: String, _ m: inout Model) {
    m.problem = nil
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
private func accept(_ text: String, _ m: inout Model, _ ctx: Context) {
    do {
        try m.interview.answer(text)
        show(&m, ctx)
    } catch {
        m.problem = error
    }
}

private func goBack(_ m: inout Model, _ ctx: Context) {
    m.interview.back()
    show(&m, ctx)
}

// MARK: - Review

private func showReview(_ m: inout Model, _ ctx: Context) {
    m.interview.review()
    show(&m, ctx)
}

private func review(_ command: Command, _ m: inout Model, _ ctx: Context) -> [Effect] {
    let order = m.interview.order
    switch command {
    case .confirm:
        if m.highlight >= order.count {
            m.page = .results(.summary)
            m.highlight = 0
            m.openStudy = nil
        } else {
            do {
                try m.interview.change(order[m.highlight])
                show(&m, ctx)
            } catch {
                m.problem = error
            }
        }
    case .back:
        goBack(&m, ctx)
    default:
        break
    }
    return []
}

// MARK: - Results

private func results(_ section: ResultsSection, _ command: Command, _ m: inout Model, _ ctx: Context) -> [Effect] {
    let all = ResultsSection.allCases
    func go(_ next: ResultsSection) {
        m.page = .results(next)
        m.highlight = 0
        m.openStudy = nil
    }
    let items = m.openStudy == nil ? ResultsView.itemCount(section, m, ctx) : 0
    if section == .values, values(command, &m, ctx) { return [] }
    switch command {
    case .nextSection: go(all[(section.rawValue + 1) % all.count])
    case .previousSection: go(all[(section.rawValue + all.count - 1) % all.count])
    case .section(let next): go(next)
    case .answer(let yes) where section == .finish:
        answerSure(yes, \.sureAfter, &m, ctx)
    case .answer where section == .check, .notSure where section == .check, .unrate where section == .check:
        answerKnowledge(command, &m, ctx)
    case .confirm where section == .evidence && items > 0:
        m.openStudy = m.highlight
        m.view = Viewport()
    case .confirm where section == .options && items > 0:
        m.highlight = min(items - 1, m.highlight + 1)
    case .tick where section == .checklist && m.highlight < ctx.content.checklist.count:
        m.ticked.toggle(ctx.content.checklist[m.highlight].id)
    case .tick where section == .questions && m.highlight < ctx.content.doctorQuestions.count:
        m.deliberation.asked.toggle(ctx.content.doctorQuestions[m.highlight].id)
    case .tick where section == .questions:
        // After the listed questions: the person's own, then "add one".
        let own = m.highlight - ctx.content.doctorQuestions.count
        if own < m.deliberation.ownQuestions.count {
            startTyping(.ownQuestion(own), text: m.deliberation.ownQuestions[own], &m)
        } else {
            startTyping(.ownQuestion(nil), text: "", &m)
        }
    case .print:
        m.overlay = .confirmPrint
    case .back:
        if m.openStudy != nil {
            m.openStudy = nil
            m.view = Viewport()
        } else {
            showReview(&m, ctx)
        }
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
    case rating(String), concern, leaning(String), role(String), others, pressure(String)

    static func all(_ content: ContentSet) -> [ValuesRow] {
        content.values.map { .rating($0.id) } + [.concern]
            + content.leanings.map { .leaning($0.value) } + content.roles.map { .role($0.value) }
            + [.others] + content.pressure.map { .pressure($0.value) }
    }
}

/// The values page: 0-4 rate the highlighted statement (or the person's own
/// concern) and n marks it not sure (the highlight moves on); Space or Enter
/// picks a leaning, role or pressure answer, or starts typing the concern or
/// who else is involved. False if the command is not one of these.
private func values(_ command: Command, _ m: inout Model, _ ctx: Context) -> Bool {
    let rows = ValuesRow.all(ctx.content)
    guard m.highlight < rows.count else { return false }
    switch (rows[m.highlight], command) {
    case (.rating, .rate(let n)) where n > 4, (.concern, .rate(let n)) where n > 4:
        m.notice = .ratingOutOfRange
    case (.rating(let id), .rate(let n)):
        m.deliberation.ratings[id] = .score(n)
        m.highlight += 1
        m.view.followFocus = true
    case (.rating(let id), .notSure):
        m.deliberation.ratings[id] = .notSure
        m.highlight += 1
        m.view.followFocus = true
    case (.rating(let id), .unrate):
        m.deliberation.ratings[id] = nil
    case (.concern, .rate), (.concern, .notSure):
        guard !m.deliberation.concern.isEmpty else {
            m.notice = .concernFirst
            return true
        }
        if case .rate(let n) = command { m.deliberation.concernRating = .score(n) } else { m.deliberation.concernRating = .notSure }
    case (.concern, .unrate):
        m.deliberation.concernRating = nil
    case (.concern, .tick):
        startTyping(.concern, text: m.deliberation.concern, &m)
    case (.others, .tick):
        startTyping(.others, text: m.deliberation.others, &m)
    case (.leaning(let value), .tick):
        m.deliberation.leaning = m.deliberation.leaning == value ? nil : value
    case (.role(let value), .tick):
        m.deliberation.role = m.deliberation.role == value ? nil : value
    case (.pressure(let value), .tick):
        m.deliberation.pressure = m.deliberation.pressure == value ? nil : value
    case (_, .rate), (_, .notSure):
        m.notice = .ratingsAreAbove
    default:
        return false
    }
    return true
}

private func startTyping(_ target: TextTarget, text: String, _ m: inout Model) {
    m.typing = target
    m.draft = text
    m.caret = m.draft.count
}

/// Typing the person's own words (their concern, who else is involved, a
/// question of their own): Enter keeps it, Esc leaves it as it was. An own
/// question kept empty is taken off the list.
private func typeText(_ target: TextTarget, _ command: Command, _ m: inout Model) -> [Effect] {
    switch command {
    case .confirm:
        let text = m.draft.trimmingWhitespace()
        switch target {
        case .concern:
            m.deliberation.concern = text
            if text.isEmpty { m.deliberation.concernRating = nil }
        case .others:
            m.deliberation.others = text
        case .ownQuestion(let index?) where index < m.deliberation.ownQuestions.count:
            if text.isEmpty { m.deliberation.ownQuestions.remove(at: index) } else { m.deliberation.ownQuestions[index] = text }
        case .ownQuestion:
            if !text.isEmpty { m.deliberation.ownQuestions.append(text) }
        }
        m.typing = nil
        m.draft = ""
    case .cancel:
        m.typing = nil
        m.draft = ""
    case .quit:
        return askToQuit(&m)
    case .startOver:
        return askToStartOver(&m)
    default:
        edit(command, &m, limit: 200)
    }
    return []
}

// MARK: - Saving

/// The name the save dialog offers: for the answers, the file they were
/// last saved in (or resumed from), so saving again asks to replace it.
func defaultFileName(_ kind: SaveKind, _ m: Model) -> String {
    switch kind {
    case .summary: return "ahsct-summary.txt"
    case .answers: return m.savedAnswers?.path ?? "ahsct-answers.json"
    }
}

/// Opens the save dialog for `kind`, where the deployment allows saving.
/// A number being typed under it is held and given back when it closes.
func openSave(_ kind: SaveKind, _ m: inout Model, _ ctx: Context) {
    guard ctx.settings.storage == .userFiles, kind == .summary || ctx.settings.sessions else { return }
    if case .question = m.page, m.heldDraft == nil {
        m.heldDraft = m.draft
        m.draft = ""
    }
    // A name typed earlier for the same kind is offered again; otherwise
    // this kind's own name.
    if m.draft.isEmpty || m.saving != kind || m.draft == defaultFileName(.summary, m) || m.draft == defaultFileName(.answers, m) {
        m.draft = defaultFileName(kind, m)
    }
    m.saving = kind
    m.caret = m.draft.count
    m.overlay = .saveAs
}

/// The save dialog offers both the summary and the answers on the results.
func offersBothSaves(_ m: Model, _ ctx: Context) -> Bool {
    if case .results = m.page { return ctx.settings.sessions }
    return false
}

/// Typing the file name. For the summary, a name ending in .md gets
/// Markdown; on the results ↑↓ choose between the summary and the answers.
private func saveAs(_ command: Command, _ m: inout Model, _ ctx: Context) -> [Effect] {
    switch command {
    case .confirm:
        let path = m.draft.trimmingWhitespace()
        guard !path.isEmpty else {
            m.notice = .fileNameNeeded(example: defaultFileName(m.saving, m))
            return []
        }
        m.overlay = nil
        return [saveEffect(m.saving, path: path, overwrite: false, m, ctx)]
    case .highlight(let index) where offersBothSaves(m, ctx):
        let kind: SaveKind = index == 0 ? .summary : .answers
        if kind != m.saving {
            if m.draft == defaultFileName(m.saving, m) { m.draft = defaultFileName(kind, m) }
            m.saving = kind
            m.caret = m.draft.count
            m.notice = nil
        }
    case .cancel:
        m.overlay = nil
        endSave(&m)
    default:
        edit(command, &m, limit: 200)
    }
    return []
}

/// The save dialog is done with: a number being typed under it is given
/// back. (Otherwise a cancelled name stays, to be offered again.)
private func endSave(_ m: inout Model) {
    guard let held = m.heldDraft else { return }
    m.heldDraft = nil
    m.draft = held
    m.caret = held.count
}

private func saveEffect(_ kind: SaveKind, path: String, overwrite: Bool, _ m: Model, _ ctx: Context) -> Effect {
    switch kind {
    case .summary: return .save(text: summaryText(for: path, m, ctx), path: path, overwrite: overwrite)
    case .answers: return .saveAnswers(text: sessionText(m, ctx), path: path, overwrite: overwrite)
    }
}

private func saved(_ outcome: SaveOutcome, _ kind: SaveKind, _ m: inout Model, _ ctx: Context) -> [Effect] {
    m.saving = kind
    switch outcome {
    case .saved(let path):
        switch kind {
        case .summary:
            m.notice = .savedSummary(path: path)
            m.savedSummary = SavedCopy(path: path, of: m)
        case .answers:
            m.notice = .savedAnswers(path: path)
            m.savedAnswers = SavedCopy(path: path, of: m)
        }
        m.draft = ""
        endSave(&m)
    case .exists(let path):
        m.overlay = .confirmOverwrite(path: path)
    case .failed(_, let message):
        // The name is kept, to fix it.
        m.overlay = .saveAs
        m.notice = .saveFailed(message)
    }
    return []
}

/// Everything the person has given the aid, as a session file.
func sessionText(_ m: Model, _ ctx: Context) -> String {
    Session(answers: m.answers, deliberation: m.deliberation, ticked: m.ticked, audience: ctx.settings.audience,
            contentVersion: ctx.content.about.version, saved: ctx.today).encode()
}

/// A path as it can be typed after `decision-aid --resume`: in single quotes
/// when it holds anything but letters, digits and / . _ - ~ +.
func shellQuoted(_ path: String) -> String {
    let plain = path.unicodeScalars.allSatisfy { $0.properties.isAlphabetic && $0.isASCII || ("0"..."9").contains($0) || "/._-~+".unicodeScalars.contains($0) }
    if plain && !path.isEmpty { return path }
    return "'" + path.replacing("'", with: "'\\''") + "'"
}

/// The summary as the person has it now (the clinician's printout in
/// clinician mode): Markdown for a .md file, else plain text.
func summaryText(for path: String, _ m: Model, _ ctx: Context) -> String {
    let input = SummaryInput(answers: m.answers, deliberation: m.deliberation, ticked: m.ticked,
                             content: ctx.content, today: ctx.today)
    return SummaryDocument.render(input, for: ctx.settings.audience, markdown: path.lowercased().hasSuffix(".md"))
}
