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
    case .key(let key):
        return handle(key, &model, ctx)
    }
}

private func handle(_ key: Key, _ m: inout Model, _ ctx: Context) -> [Effect] {
    if let overlay = m.overlay {
        switch overlay {
        case .help:
            m.overlay = nil
        case .confirmQuit:
            switch key {
            case .character("y"), .character("Y"), .character("q"), .control("c"): return [.quit]
            default: m.overlay = nil
            }
        }
        return []
    }
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
    case .question(let field): return question(field, key, &m, ctx)
    case .review: return review(key, &m, ctx)
    case .results(let section): return results(section, key, &m, ctx)
    }
}

/// A click does what Enter does, except where Space is the key that ticks.
private func activateKey(_ m: Model) -> Key {
    if case .question(.therapies) = m.page { return .character(" ") }
    if case .results(.checklist) = m.page { return .character(" ") }
    return .enter
}

private func askToQuit(_ m: inout Model) -> [Effect] {
    if m.hasAnswers {
        m.overlay = .confirmQuit
        return []
    }
    return [.quit]
}

private func welcome(_ key: Key, _ m: inout Model, _ ctx: Context) -> [Effect] {
    switch key {
    case .enter, .right, .character(" "), .character("l"):
        let first = QuestionFlow.asked(m.answers, exactEDSS: ctx.settings.exactEDSS)[0]
        open(first, &m, ctx)
    case .character("q"), .escape:
        return askToQuit(&m)
    default:
        break
    }
    return []
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
    if move(key, &m.highlight, count: values.count) { return [] }
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

/// Moves a highlight over `count` rows with the list keys; false if `key` is not one.
private func move(_ key: Key, _ highlight: inout Int, count: Int) -> Bool {
    let last = max(0, count - 1)
    switch key {
    case .up, .character("k"): highlight = max(0, highlight - 1)
    case .down, .character("j"): highlight = min(last, highlight + 1)
    case .home: highlight = 0
    case .end: highlight = last
    case .pageUp: highlight = max(0, highlight - 8)
    case .pageDown: highlight = min(last, highlight + 8)
    default: return false
    }
    return true
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
        m.page = .welcome
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
    if move(key, &m.highlight, count: order.count + 1) { return [] }
    switch key {
    case .enter, .right, .character(" "):
        if m.highlight >= order.count {
            m.page = .results(.summary)
            m.scroll = 0
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
        m.scroll = 0
        m.highlight = 0
        m.openStudy = nil
    }
    let items = ResultsView.itemCount(section, m, ctx)
    let page = max(1, m.size.height - 6)
    switch key {
    case .tab: go(all[(section.rawValue + 1) % all.count])
    case .backTab: go(all[(section.rawValue + all.count - 1) % all.count])
    case .character(let c) where c.isNumber:
        if let n = c.wholeNumberValue, n >= 1, n <= all.count { go(all[n - 1]) }
    case .up, .character("k"):
        if items > 0 && m.openStudy == nil { m.highlight = max(0, m.highlight - 1) } else { m.scroll = max(0, m.scroll - 1) }
    case .down, .character("j"):
        if items > 0 && m.openStudy == nil { m.highlight = min(items - 1, m.highlight + 1) } else { m.scroll += 1 }
    case .pageUp:
        if items > 0 && m.openStudy == nil { m.highlight = max(0, m.highlight - page) } else { m.scroll = max(0, m.scroll - page) }
    case .pageDown:
        if items > 0 && m.openStudy == nil { m.highlight = min(items - 1, m.highlight + page) } else { m.scroll += page }
    case .home: m.highlight = 0; m.scroll = 0
    case .end: m.highlight = max(0, items - 1); m.scroll = Int.max / 2
    case .enter, .right:
        if section == .evidence && m.openStudy == nil && items > 0 {
            m.openStudy = m.highlight
            m.scroll = 0
        }
    case .character(" "):
        if section == .checklist, m.highlight < ctx.content.checklist.count {
            let id = ctx.content.checklist[m.highlight].id
            if m.ticked.contains(id) { m.ticked.remove(id) } else { m.ticked.insert(id) }
        }
    case .backspace, .left, .escape:
        if m.openStudy != nil {
            m.openStudy = nil
            m.scroll = 0
        } else {
            showReview(selecting: nil, &m, ctx)
        }
    case .character("q"):
        return askToQuit(&m)
    default:
        break
    }
    m.scroll = min(m.scroll, ResultsView.maxScroll(m, ctx))
    return []
}
