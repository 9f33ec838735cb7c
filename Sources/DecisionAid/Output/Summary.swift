import Content

/// Everything the one-page summary shows.
public struct SummaryInput: Sendable {
    public var answers: Answers
    public var deliberation: Deliberation
    /// Clinic checklist items ticked, by id.
    public var ticked: Set<String>
    public var content: ContentSet
    /// For the date line and the review-by notice.
    public var today: Day

    public init(answers: Answers, deliberation: Deliberation = Deliberation(), ticked: Set<String> = [],
                content: ContentSet, today: Day) {
        self.answers = answers; self.deliberation = deliberation; self.ticked = ticked
        self.content = content; self.today = today
    }
}

public enum SummaryFormat: Sendable { case text, markdown }

/// The one-page summary to bring to the neurologist: answers, what the
/// guidelines say, key numbers, what matters to the person, the SURE test,
/// questions, the clinic checklist, trials and sources.
public enum SummaryDocument {
    public static func render(_ input: SummaryInput, format: SummaryFormat, width: Int = 78) -> String {
        var builder = SummaryBuilder(input)
        builder.build()
        switch format {
        case .text: return SummaryLayout.text(builder.blocks, width: width)
        case .markdown: return SummaryLayout.markdown(builder.blocks)
        }
    }
}

/// Puts the sections together as blocks, numbering sources as they are cited.
struct SummaryBuilder {
    let input: SummaryInput
    let assessment: Assessment
    var cited: CitedSources
    var blocks: [SummaryBlock] = []

    init(_ input: SummaryInput) {
        self.input = input
        assessment = Assessor.assess(input.answers, content: input.content)
        cited = CitedSources(content: input.content)
    }

    var content: ContentSet { input.content }
    var deliberation: Deliberation { input.deliberation }

    mutating func build() {
        title()
        answers()
        guidelines()
        keyNumbers()
        values()
        sure()
        questions()
        checklist()
        trials()
        sources()
        about()
    }

    private mutating func add(_ block: SummaryBlock) { blocks.append(block) }

    /// " [1, 2]", or "" when there are no sources.
    private mutating func refs(_ ids: [String]) -> String {
        let r = cited.refs(ids)
        return r.isEmpty ? "" : " " + r
    }

    // 1
    private mutating func title() {
        add(.title("AHSCT decision aid: my summary"))
        add(.para("Made on \(input.today)"))
        add(.para(content.about.notAdvice))
    }

    // 2
    private mutating func answers() {
        add(.heading("My answers"))
        for field in AnswerField.allCases where field != .edss || input.answers.edss != nil {
            // A question the aid did not ask says why, rather than "you have not said".
            if !QuestionFlow.isAnswered(field, input.answers), let reason = QuestionFlow.skipReason(field, input.answers) {
                add(.item(QuestionView.shortLabel(field) + ": " + reason))
            } else {
                add(.item(AnswerPhrases.phrase(field, input.answers, content).capitalizedFirst()))
            }
        }
    }

    // 3
    private mutating func guidelines() {
        add(.heading("What the guidelines say about people like me"))
        add(.strong(assessment.headline))
        if !assessment.explanation.isEmpty { add(.para(assessment.explanation)) }
        for reason in assessment.reasons {
            var line = (reason.kind == .note ? "Note: " : "") + reason.text
            // A long "because" only repeats "My answers"; point there instead.
            if reason.because.count > 3 { line += " Because of the answers above." }
            else if !reason.because.isEmpty { line += " Because " + AnswerPhrases.list(reason.because) + "." }
            if !reason.missing && reason.kind == .level(.needMoreInformation) && !reason.settledBy.isEmpty {
                line += " Answers that would settle it: " + AnswerPhrases.list(reason.settledBy.map { AnswerPhrases.topic($0) }) + "."
            }
            if let change = reason.change { line += " What could change this: " + change }
            add(.item(line + refs(reason.sources)))
        }
    }

    // 4
    private mutating func keyNumbers() {
        add(.heading("Key numbers"))
        for number in content.keyNumbers {
            add(.item("\(number.outcome) (\(number.timeFrame)):"))
            for figure in number.figures {
                let option = content.option(figure.option)?.short ?? figure.option
                var text = figure.text
                if figure.per100 == nil && !text.lowercased().contains("no good number") {
                    text = "No good number. " + text
                }
                add(.subitem("\(option): \(text) " + figure.whoWasStudied(for: input.answers) + certainty(figure.certainty) + refs(figure.sources)))
            }
            if let id = number.risk, let match = assessment.risks.first(where: { $0.risk.id == id }) { higherFor(match) }
        }
    }

    private func certainty(_ text: String) -> String { text.isEmpty ? "" : " (\(text))" }

    private mutating func higherFor(_ match: MatchedRisk) {
        guard match.higherForYou, let higher = match.risk.higherFor else { return }
        add(.subitem("Higher for people like me: " + higher.text + refs(higher.sources)))
    }

    // 5
    private mutating func values() {
        add(.heading("What matters to me"))
        for value in content.values {
            add(.item("\(value.text): \(Self.ratingText(deliberation.ratings[value.id]))"))
        }
        let concern = SummaryLayout.cleaned(deliberation.concern, limit: 500)
        if !concern.isEmpty { add(.item("My own concern: " + concern + " (" + Self.ratingText(deliberation.concernRating) + ")")) }
        add(.para("Leaning: " + label(deliberation.leaning, in: content.leanings)))
        add(.para("How I want to decide: " + label(deliberation.role, in: content.roles)))
        let others = SummaryLayout.cleaned(deliberation.others, limit: 300)
        if !others.isEmpty { add(.para("Others part of this choice: " + others)) }
        if deliberation.pressure != nil { add(.para("Do I feel pushed by anyone: " + label(deliberation.pressure, in: content.pressure))) }
    }

    static func ratingText(_ rating: Rating?) -> String {
        switch rating {
        case nil: return "not rated"
        case .notSure?: return "not sure"
        case .score(let n)?:
            let words = ["does not matter to me", "matters a little", "matters some", "matters a lot", "matters very much"]
            return "\(n) of 4" + (words.indices.contains(n) ? ", " + words[n] : "")
        }
    }

    private func label(_ value: String?, in choices: [Labelled]) -> String {
        guard let value else { return "not recorded" }
        return choices.first { $0.value == value }?.label ?? SummaryLayout.cleaned(value, limit: 100)
    }

    // 6
    private mutating func sure() {
        add(.heading("Am I ready to decide? (SURE test)"))
        let items = content.sure
        func score(_ answers: [String: Bool]) -> String {
            SureScore.score(answers, items: items).map { "\($0) of \(items.count)" } ?? "not done"
        }
        add(.item("Before using the aid: " + score(deliberation.sureBefore)))
        add(.item("After using the aid: " + score(deliberation.sureAfter)))
        for item in SureScore.needs(deliberation.sureAfter, items: items) {
            add(.subitem("I said no to \"\(item.question)\" What may help: \(item.ifNo)"))
        }
        add(.para("A score of 3 or less of \(items.isEmpty ? 4 : items.count) means there may be things still to settle (decisional conflict). Many people feel this way; talking it over can help."))
    }

    // 7
    private mutating func questions() {
        add(.heading("Questions for my neurologist"))
        let asked = content.doctorQuestions.filter { deliberation.asked.contains($0.id) }
        let own = deliberation.ownQuestions.map { SummaryLayout.cleaned($0, limit: 300) }.filter { !$0.isEmpty }
        if asked.isEmpty && own.isEmpty { add(.para("None ticked.")) }
        for question in asked { add(.item(question.text)) }
        for question in own { add(.item("My own question: " + question)) }
        // Warning signs are listed, with their ticks, under the clinic checklist.
        let toCheck = content.checklist.filter { !$0.redFlag && !input.ticked.contains($0.id) }
        if toCheck.isEmpty {
            add(.para("Still to check about a clinic: nothing, all checked."))
        } else {
            add(.para("Still to check about a clinic:"))
            for item in toCheck { add(.item(item.question)) }
        }
    }

    // 8
    private mutating func checklist() {
        add(.heading("Clinic checklist"))
        let done = content.checklist.filter { input.ticked.contains($0.id) }.count
        add(.para("\(done) of \(content.checklist.count) checked."))
        let flags = content.checklist.filter(\.redFlag)
        guard !flags.isEmpty else { return }
        add(.para("Warning signs (!) to look out for; [x] means I have checked it:"))
        for item in flags { add(.check(input.ticked.contains(item.id), "! " + item.question)) }
    }

    // 9
    private mutating func trials() {
        let fits = TrialMatcher.fits(input.answers, content)
        guard !fits.isEmpty else { return }
        add(.heading("Trials"))
        add(.para("Only age, EDSS, MS type, recent activity and past drugs are checked here. The trial team checks the rest."))
        for fit in fits {
            let trial = fit.trial
            var line = "\(trial.name) (\(trial.registration)): "
            switch fit.fits {
            case true?:
                line += "my answers fit the limits checked here."
                if assessment.level == .notSupported { line += " But the guidelines do not support AHSCT for people with my answers; the trial team decides." }
            case false?: line += "my answers do not fit its limits: " + AnswerPhrases.list(fit.unmet) + "."
            case nil:
                var unknown: [String] = []
                if fit.age == nil { unknown.append("my age") }
                if fit.edss == nil { unknown.append("my EDSS score") }
                if fit.type == nil { unknown.append("whether it takes my type of MS") }
                if fit.activity == nil { unknown.append("whether my MS was active in the past year") }
                if fit.drugTried == nil { unknown.append("which MS drugs I have taken") }
                line += "cannot tell if my answers fit. Not known: " + AnswerPhrases.list(unknown) + "."
            }
            if !trial.status.isEmpty { line += " " + sentence(trial.status) }
            add(.item(line + refs(trial.sources)))
        }
    }

    // 10
    private mutating func sources() {
        add(.heading("Sources"))
        if cited.ordered.isEmpty { add(.para("None cited.")) }
        // Short names keep the summary to about a page; the aid's About page
        // (and `decision-aid assess --format json`) give each full citation.
        for (index, source) in cited.ordered.enumerated() {
            add(.source(index + 1, source.short, source.link))
        }
        if !cited.ordered.isEmpty { add(.para("Full citations are on the aid's About page (press a).")) }
    }

    // 11
    private mutating func about() {
        let about = content.about
        add(.heading("About this summary"))
        add(.para("Content version \(about.version), reviewed \(about.reviewed), review by \(about.reviewBy)."))
        if input.today > about.reviewBy {
            add(.strong("The content was due for review on \(about.reviewBy) and has not been reviewed since. Newer evidence may exist."))
        }
        add(.para(about.notAdvice))
        add(.para("Made with decision-aid; nothing was sent anywhere."))
    }

    private func sentence(_ s: String) -> String {
        guard let last = s.last else { return s }
        return ".!?".contains(last) ? s : s + "."
    }
}
