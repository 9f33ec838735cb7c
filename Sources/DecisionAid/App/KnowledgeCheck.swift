import Content

/// The knowledge check page: t, f or n (the key table gives .answer(true),
/// .answer(false) or .notSure) answers the highlighted statement, again to
/// change it, and moves to the next; Delete (.unrate) clears it. Nothing
/// else waits on it.
func answerKnowledge(_ command: Command, _ m: inout Model, _ ctx: Context) {
    let items = ctx.content.knowledgeCheck
    guard m.highlight < items.count else { return }
    let id = items[m.highlight].id
    switch command {
    case .answer(let yes): m.deliberation.knowledge[id] = yes ? .isTrue : .isFalse
    case .notSure: m.deliberation.knowledge[id] = .notSure
    case .unrate:
        m.deliberation.knowledge[id] = nil
        return
    default: return
    }
    m.highlight = min(items.count - 1, m.highlight + 1)
}
