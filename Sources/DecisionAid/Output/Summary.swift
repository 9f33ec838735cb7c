import Content

/// Everything the one-page summary shows.
public struct SummaryInput: Sendable {
    public var answers: Answers
    public var deliberation: Deliberation
    /// Clinic checklist items ticked, by id.
    public var ticked: Set<String>
    /// The person's own questions for the neurologist, in their words. The
    /// hook for the own-questions field of the interview: pass it here and
    /// the first page lists them under the ticked questions.
    public var ownQuestions: [String]
    public var content: ContentSet
    /// For the date line and the review-by notice.
    public var today: Day

    public init(answers: Answers, deliberation: Deliberation = Deliberation(), ticked: Set<String> = [],
                ownQuestions: [String] = [], content: ContentSet, today: Day) {
        self.answers = answers; self.deliberation = deliberation; self.ticked = ticked
        self.ownQuestions = ownQuestions; self.content = content; self.today = today
    }
}

public enum SummaryFormat: Sendable { case text, markdown }

/// The summary to bring to the neurologist. Page 1, up to a form feed, is at
/// most 60 lines of 80 columns and holds what the neurologist reads in the
/// visit: the answers, what the guidelines say and why, the key numbers with
/// who was studied, what matters to the person, the SURE test before and
/// after, and their questions. Page 2 has the rest: the reasons and numbers
/// in full, the clinic checklist, trials, numbered sources and dates.
public enum SummaryDocument {
    /// Lines and columns of the first page: 60 lines of 80 columns print on
    /// one A4 or US Letter sheet at 10 characters per inch.
    public static let pageLines = 60
    public static let pageColumns = 80

    /// The summary laid out at `width`. Page 1 is written as compactly as
    /// it can be; if the person wrote a lot (a long concern, long questions of
    /// their own) and it still runs past 60 lines, page 1 gives the start of
    /// their words and page 2 gives them in full, then the ticked questions
    /// run on as one paragraph. Who was studied and the level's reasons are
    /// never shortened to fit.
    public static func render(_ input: SummaryInput, format: SummaryFormat, width: Int = pageColumns) -> String {
        var out = ""
        for fit in PageOneFit.levels {
            var builder = SummaryBuilder(input, fit: fit)
            builder.build()
            switch format {
            case .text: out = SummaryLayout.text(builder.blocks, width: width)
            case .markdown: out = SummaryLayout.markdown(builder.blocks, width: width)
            }
            if pageOneLines(out) <= pageLines { break }
        }
        return out
    }

    /// Lines before the form feed.
    static func pageOneLines(_ document: String) -> Int {
        let first = document.split(separator: "\u{0C}", maxSplits: 1, omittingEmptySubsequences: false)[0]
        return first.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    }
}

/// How much of the person's own words page 1 holds, tried in order until
/// page 1 fits. Page 2 always has their words in full.
struct PageOneFit: Equatable {
    /// Characters of the concern and of each own question on page 1; nil for all.
    var concern: Int?
    var ownQuestion: Int?
    /// The ticked questions as one paragraph rather than a list.
    var questionsRunOn = false
    /// Each ticked question by its first sentence (page 2 has them in full).
    var questionsShort = false
    /// What matters most (rated 3 or 4, or not sure) by name, the rest
    /// counted (page 2 has every rating); SURE "no" answers by their letter.
    var valuesShort = false
    /// The last resort, for someone who wrote and ticked a great deal: page 1
    /// says their own words are on page 2, rather than running onto a second sheet.
    var ownWordsOnPageTwo = false

    static let levels = [
        PageOneFit(concern: nil, ownQuestion: nil),
        PageOneFit(concern: 300, ownQuestion: 150),
        PageOneFit(concern: 200, ownQuestion: 100),
        PageOneFit(concern: 120, ownQuestion: 80),
        PageOneFit(concern: 60, ownQuestion: 50),
        PageOneFit(concern: 200, ownQuestion: 100, questionsRunOn: true),
        PageOneFit(concern: 200, ownQuestion: 100, questionsRunOn: true, questionsShort: true),
        PageOneFit(concern: 120, ownQuestion: 80, questionsRunOn: true, questionsShort: true, valuesShort: true),
        PageOneFit(concern: 40, ownQuestion: 40, questionsRunOn: true, questionsShort: true, valuesShort: true),
        PageOneFit(concern: 0, ownQuestion: 0, questionsRunOn: true, questionsShort: true, valuesShort: true, ownWordsOnPageTwo: true),
    ]
}

/// Puts the sections together as blocks, numbering sources as they are cited.
struct SummaryBuilder {
    let input: SummaryInput
    let assessment: Assessment
    var cited: CitedSources
    var blocks: [SummaryBlock] = []

    let fit: PageOneFit

    init(_ input: SummaryInput, fit: PageOneFit = PageOneFit.levels[0]) {
        self.input = input
        self.fit = fit
        assessment = Assessor.assess(input.answers, content: input.content)
        cited = CitedSources(content: input.content)
    }

    var content: ContentSet { input.content }
    var deliberation: Deliberation { input.deliberation }

    mutating func build() {
        // Page 1: what the neurologist needs, compact.
        title()
        answers()
        guidelines()
        keyNumbers()
        values()
        questions()
        add(.pageBreak)
        // Page 2: the rest, in full.
        add(.title("AHSCT decision aid: my summary, page 2: the details"))
        ownWordsInFull()
        notAsked()
        reasonsInFull()
        keyNumbersInFull()
        experience()
        valuesAndQuestionsInFull()
        sureHelp()
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

    // MARK: Page 1

    private mutating func title() {
        // The full "not advice" words are in About on page 2; page 1 has no line to spare.
        add(.title("AHSCT decision aid: my summary, made on \(input.today) (not medical advice)"))
    }

    private mutating func answers() {
        add(.para("My answers: " + SummaryAnswers.sentence(input.answers, content)))
    }

    /// The level, then each reason as its first sentence with the answers
    /// behind it (and, where the level needs more information, the answers
    /// that would settle it). The reasons in full are on page 2.
    private mutating func guidelines() {
        // The level's headline is the heading ("The guidelines do not support
        // AHSCT for people like you"): one line saved, nothing lost.
        if Frame.width(of: assessment.headline) <= SummaryDocument.pageColumns - 8 {
            add(.section(assessment.headline))
        } else {
            add(.section("What the guidelines say about people like me"))
            add(.strong(sentence(assessment.headline)))
        }
        // Two rules may open with the same sentence (the age limit, alone and
        // with another limit): one line, both "because"s.
        var merged: [(first: String, rest: String, sources: [String])] = []
        for reason in assessment.reasons {
            let first = (reason.kind == .note ? "Note: " : "") + Self.gist(reason.text)
            var rest = because(reason, compact: true)
            if settles(reason) {
                rest += " Would settle it: " + AnswerPhrases.list(reason.settledBy.map { AnswerPhrases.topic($0) }) + "."
            }
            if let index = merged.firstIndex(where: { $0.first == first }) {
                // "Because of the answers above" already covers a second, shorter "because".
                if !merged[index].rest.contains(rest) && !merged[index].rest.hasPrefix(" Because of the answers above.") {
                    merged[index].rest += rest
                }
                merged[index].sources += reason.sources
            } else {
                merged.append((first, rest, reason.sources))
            }
        }
        for reason in merged { add(.item(reason.first + reason.rest + refs(reason.sources))) }
    }

    /// " Because …": on page 1 (`compact`) in the short phrases of "My answers".
    private func because(_ reason: Reason, compact: Bool = false) -> String {
        // A long "because" only repeats "My answers"; point there instead.
        if reason.because.count > 3 { return " Because of the answers above." }
        if reason.because.isEmpty { return "" }
        if compact && reason.fields.count == reason.because.count {
            return " Because: " + reason.fields.map { SummaryAnswers.phrase($0, input.answers, content) }.joined(separator: "; ") + "."
        }
        return " Because " + AnswerPhrases.list(reason.because) + "."
    }

    private func settles(_ reason: Reason) -> Bool {
        !reason.missing && reason.kind == .level(.needMoreInformation) && !reason.settledBy.isEmpty
    }

    /// One line per key number, every option's figure on it, and a letter
    /// for who was studied; each group of people is written out once, with
    /// its sources. An option with no number for any outcome is said once.
    private mutating func keyNumbers() {
        var heading = "Key numbers, of 100 people (of 1,000 for deaths)"
        var groups: [StudyGroupKey] = []
        var relapsingOnly: [String] = []
        var higherNotes: [String] = []
        let optionIDs = content.keyNumbers.flatMap { $0.figures.map(\.option) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let neverANumber = optionIDs.filter { id in
            content.keyNumbers.allSatisfy { number in number.figures.allSatisfy { $0.option != id || $0.per100 == nil } }
        }
        func name(_ id: String) -> String { content.option(id)?.short ?? id }
        if !neverANumber.isEmpty && !content.keyNumbers.isEmpty {
            heading += "; none for " + AnswerPhrases.list(neverANumber.map(name))
        }
        add(.section(heading))
        for number in content.keyNumbers {
            var shown: [String] = []
            var none: [String] = []
            for figure in number.figures where !neverANumber.contains(figure.option) {
                guard let per100 = figure.per100 else { none.append(name(figure.option)); continue }
                let key = StudyGroupKey(group: figure.group, sources: figure.sources)
                if !groups.contains(key) { groups.append(key) }
                let letter = Self.letter(groups.firstIndex(of: key)!)
                if figure.onlyRelapsingStudied(for: input.answers) && !relapsingOnly.contains(letter) { relapsingOnly.append(letter) }
                shown.append(name(figure.option) + " " + amount(per100, figure, number) + " (\(letter))")
            }
            var line = number.outcome + " " + number.timeFrame + ": " + shown.joined(separator: "; ")
            if !none.isEmpty { line += (shown.isEmpty ? "" : "; ") + AnswerPhrases.list(none) + ": no good number" }
            add(.item(line + "."))
            if higher(number) != nil { higherNotes.append(number.outcome) }
        }
        // The flag on page 1, the words (who, and why) with the numbers in full on page 2.
        if !higherNotes.isEmpty {
            add(.item("! Higher for people like me: " + AnswerPhrases.list(higherNotes) + " (who, and why: page 2)."))
        }
        // The groups run on in one item: each is long, and a line end per group costs a line.
        var studied: [String] = []
        for (index, key) in groups.enumerated() {
            studied.append("(\(Self.letter(index))) " + sentence(key.group) + refs(key.sources))
        }
        if !relapsingOnly.isEmpty {
            studied.append("Only people with relapsing MS were studied in " + AnswerPhrases.list(relapsingOnly.map { "(\($0))" })
                           + ", not people with progressive MS.")
        }
        if !studied.isEmpty { add(.item("Who was studied: " + studied.joined(separator: " "))) }
    }

    /// The "higher for" note of the risk behind a key number, when it applies to this person.
    private func higher(_ number: KeyNumber) -> Cited? {
        guard let id = number.risk, let match = assessment.risks.first(where: { $0.risk.id == id }), match.higherForYou else { return nil }
        return match.risk.higherFor
    }

    /// "about 5 in 100", "21 in 1,000, range 0 to 42": the same counts as the Numbers screen.
    private func amount(_ per100: Double, _ figure: KeyFigure, _ number: KeyNumber) -> String {
        let array = IconArray(per100: per100, denominator: number.denominator)
        var text = NumbersView.amount(array.events, exact: !array.isRounded, of: array.denominator, nonZero: NumbersView.isEdge(array))
        if let low = figure.low.map({ NumbersView.scaled($0, array.denominator) }),
           let high = figure.high.map({ NumbersView.scaled($0, array.denominator) }), low != high {
            text += ", range \(Columns.count(min(low, high))) to \(Columns.count(max(low, high)))"
        }
        return text
    }

    static func letter(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return index < letters.count ? String(letters[index]) : "\(index + 1)"
    }

    /// What matters, highest rating first, as one paragraph.
    private mutating func values() {
        add(.section("What matters to me, and am I ready to decide?"))
        let rated = content.values.filter { deliberation.ratings[$0.id] != nil }
        var ratings: [Rating] = (0...4).reversed().map { .score($0) }
        ratings.append(.notSure)
        var parts: [String] = []
        var lower = 0
        for rating in ratings {
            let these = rated.filter { deliberation.ratings[$0.id] == rating }
            guard !these.isEmpty else { continue }
            if fit.valuesShort, case .score(let n) = rating, n < 3 { lower += these.count; continue }
            parts.append(Self.shortRatingText(rating) + ": " + these.map(\.text).joined(separator: "; ") + ".")
        }
        if lower > 0 { parts.append("Rated 2 of 4 or less: \(lower) (page 2).") }
        let unrated = content.values.count - rated.count
        if rated.isEmpty {
            parts.append("None of the \(content.values.count) statements rated.")
        } else if unrated > 0 {
            parts.append("Not rated: \(unrated) of the \(content.values.count) statements.")
        }
        add(.item(parts.joined(separator: " ")))
        let concern = SummaryLayout.cleaned(deliberation.concern, limit: 500)
        if !concern.isEmpty && !fit.ownWordsOnPageTwo {
            let rating = deliberation.concernRating.map { " (" + Self.ratingText($0) + ")" } ?? ""
            add(.item("My own concern" + rating + ": " + Self.shortened(concern, to: fit.concern)))
        }
        var leaning = "Leaning: " + label(deliberation.leaning, in: content.leanings) + ". How I want to decide: "
            + label(deliberation.role, in: content.roles) + "."
        // Support and pressure (Ottawa Personal Decision Guide), on the same line.
        let others = SummaryLayout.cleaned(deliberation.others, limit: 300)
        if !others.isEmpty { leaning += " Others part of this choice: " + Self.shortened(others, to: fit.concern) + "." }
        if deliberation.pressure != nil { leaning += " Pushed by anyone: " + label(deliberation.pressure, in: content.pressure) + "." }
        add(.item(leaning))
        sure()
    }

    /// The start of the person's own words, at a word break, with a pointer to page 2.
    static func shortened(_ text: String, to limit: Int?) -> String {
        guard let limit, text.count > limit else { return text }
        if limit == 0 { return "" }
        var cut = String(text.prefix(limit))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut + " … (page 2)"
    }

    /// "4 of 4 (very much)", "Not sure".
    static func shortRatingText(_ rating: Rating) -> String {
        switch rating {
        case .notSure: return "Not sure"
        case .score(let n):
            let words = ["not at all", "a little", "some", "a lot", "very much"]
            return "\(n) of 4" + (words.indices.contains(n) ? " (" + words[n] + ")" : "")
        }
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

    private func sureScore(_ answers: [String: Bool]) -> String {
        SureScore.score(answers, items: content.sure).map { "\($0) of \(content.sure.count)" } ?? "not done"
    }

    /// The SURE test, under what matters (page 2 says what the score means).
    private mutating func sure() {
        let items = content.sure
        var line = "SURE test before using the aid: " + sureScore(deliberation.sureBefore) + "; after: " + sureScore(deliberation.sureAfter) + "."
        let needs = SureScore.needs(deliberation.sureAfter, items: items)
        if !needs.isEmpty {
            line += fit.valuesShort
                ? " After, I said no to " + AnswerPhrases.list(needs.map(\.letter)) + " (page 2)."
                : " After, I said no to: " + needs.map(\.question).joined(separator: " ")
        }
        add(.item(line))
    }

    private mutating func questions() {
        add(.section("Questions for my neurologist"))
        let asked = content.doctorQuestions.filter { deliberation.asked.contains($0.id) }
        if asked.isEmpty && ownQuestions.isEmpty { add(.item("None ticked.")) }
        if fit.questionsRunOn && !asked.isEmpty {
            let texts = asked.map { fit.questionsShort ? Self.firstSentence($0.text) : $0.text }
            add(.item(texts.joined(separator: " ") + (fit.questionsShort && texts != asked.map(\.text) ? " (in full on page 2)" : "")))
        } else {
            for question in asked { add(.item(question.text)) }
        }
        if fit.ownWordsOnPageTwo {
            var mine: [String] = []
            if !SummaryLayout.cleaned(deliberation.concern, limit: 500).isEmpty { mine.append("my own concern") }
            if !ownQuestions.isEmpty { mine.append(ownQuestions.count == 1 ? "own question" : "\(ownQuestions.count) own questions") }
            if mine == ["own question"] || mine.count == 1 && ownQuestions.count > 1 { mine[0] = "my " + mine[0] }
            if !mine.isEmpty { add(.item(AnswerPhrases.list(mine).capitalizedFirst() + ": on page 2.")) }
        } else {
            for question in ownQuestions { add(.item("My own question: " + Self.shortened(question, to: fit.ownQuestion))) }
        }
    }

    private var ownQuestions: [String] {
        (input.ownQuestions + deliberation.ownQuestions).map { SummaryLayout.cleaned($0, limit: 300) }.filter { !$0.isEmpty }
    }

    // MARK: Page 2

    /// Why each question the aid skipped was not asked ("MRI: Not asked: 2 or more relapses …").
    private mutating func notAsked() {
        let skipped = AnswerField.allCases.compactMap { field in
            SummaryAnswers.notAsked(field, input.answers).map { QuestionView.shortLabel(field) + ": " + $0 }
        }
        guard !skipped.isEmpty else { return }
        add(.heading("Questions the aid did not ask, and why"))
        for line in skipped { add(.item(line)) }
    }

    /// Where page 1 gave only the start of the person's words.
    private mutating func ownWordsInFull() {
        let concern = SummaryLayout.cleaned(deliberation.concern, limit: 500)
        let shortConcern = Self.shortened(concern, to: fit.concern) != concern
        let shortQuestions = ownQuestions.filter { Self.shortened($0, to: fit.ownQuestion) != $0 }
        guard shortConcern || !shortQuestions.isEmpty else { return }
        add(.heading("In my own words, in full"))
        if shortConcern { add(.item("My own concern: " + concern)) }
        for question in shortQuestions { add(.item("My own question: " + question)) }
    }

    /// Where page 1 named only what matters most, or each question by its first sentence.
    private mutating func valuesAndQuestionsInFull() {
        if fit.valuesShort && !deliberation.ratings.isEmpty {
            add(.heading("What matters to me, in full"))
            for value in content.values where deliberation.ratings[value.id] != nil {
                add(.item(value.text + ": " + Self.ratingText(deliberation.ratings[value.id])))
            }
        }
        let asked = content.doctorQuestions.filter { deliberation.asked.contains($0.id) }
        if fit.questionsShort && asked.contains(where: { Self.firstSentence($0.text) != $0.text }) {
            add(.heading("Questions for my neurologist, in full"))
            for question in asked { add(.item(question.text)) }
        }
    }

    private mutating func reasonsInFull() {
        add(.heading("What the guidelines say, in full"))
        add(.strong(sentence(assessment.headline)))
        if !assessment.explanation.isEmpty { add(.para(assessment.explanation)) }
        for reason in assessment.reasons {
            var line = (reason.kind == .note ? "Note: " : "") + reason.text + because(reason)
            if settles(reason) {
                line += " Answers that would settle it: " + AnswerPhrases.list(reason.settledBy.map { AnswerPhrases.topic($0) }) + "."
            }
            if let change = reason.change { line += " What could change this: " + change }
            add(.item(line + refs(reason.sources)))
        }
    }

    private mutating func keyNumbersInFull() {
        add(.heading("Key numbers, in full"))
        for number in content.keyNumbers {
            add(.item("\(number.outcome) (\(number.timeFrame)):"))
            for figure in number.figures {
                let option = content.option(figure.option)?.short ?? figure.option
                var text = figure.text
                if figure.per100 == nil && !text.lowercased().contains("no good number") {
                    text = "No good number. " + text
                }
                add(.subitem("\(option): \(text) " + figure.whoWasStudied(for: input.answers) + certainty(figure.certainty, figure.grade) + refs(figure.sources)))
            }
            if let higher = higher(number) { add(.subitem("! Higher for people like me: " + higher.text + refs(higher.sources))) }
        }
    }

    /// " (From one small randomized trial; GRADE low)"
    private func certainty(_ text: String, _ grade: Grade?) -> String {
        let parts = [text] + (grade.map { ["GRADE " + $0.level.words] } ?? [])
        let joined = parts.filter { !$0.isEmpty }.joined(separator: "; ")
        return joined.isEmpty ? "" : " (\(joined))"
    }

    /// What each option is like, as an outline of its steps: the details,
    /// figures and sources are on the What it is like screen (w).
    private mutating func experience() {
        guard !content.experience.isEmpty else { return }
        add(.heading("What each option is like"))
        add(.para("The steps, in order. The What it is like screen in the aid gives the details and sources."))
        for option in content.options {
            let steps = content.experience.filter { $0.option == option.id }.map(\.when)
            if !steps.isEmpty { add(.item(option.short + ": " + steps.joined(separator: "; ") + ".")) }
        }
    }

    private mutating func sureHelp() {
        let needs = SureScore.needs(deliberation.sureAfter, items: content.sure)
        add(.heading("Am I ready to decide? (SURE test)"))
        add(.para("Each yes scores 1. A score of 3 or less of \(content.sure.isEmpty ? 4 : content.sure.count) means there may be things still to settle (decisional conflict). Many people feel this way; talking it over can help."))
        for item in needs {
            add(.item("I said no to \"\(item.question)\" What may help: \(item.ifNo)"))
        }
        if let knowledge = KnowledgeScore(deliberation.knowledge, items: content.knowledgeCheck) {
            add(.item("Knowledge check (optional): " + knowledge.text))
        }
    }

    /// Every checklist item says in words whether it was checked, so a tick
    /// beside a warning sign cannot be read as "this clinic has it".
    private mutating func checklist() {
        add(.heading("Clinic checklist"))
        let done = content.checklist.filter { input.ticked.contains($0.id) }.count
        add(.para("\(done) of \(content.checklist.count) checked."))
        func list(_ items: [ChecklistItem]) {
            for item in items {
                add(.item((input.ticked.contains(item.id) ? "Checked: " : "Not yet checked: ") + item.question))
            }
        }
        let questions = content.checklist.filter { !$0.redFlag }
        if !questions.isEmpty {
            add(.para("Questions to ask a clinic:"))
            list(questions)
        }
        let flags = content.checklist.filter(\.redFlag)
        if !flags.isEmpty {
            add(.para("Warning signs to look out for (checked means I have looked into it):"))
            list(flags)
        }
    }

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

    private mutating func sources() {
        add(.heading("Sources"))
        if cited.ordered.isEmpty { add(.para("None cited.")) }
        // Short names keep the summary short; the aid's About page
        // (and `decision-aid assess --format json`) give each full citation.
        for (index, source) in cited.ordered.enumerated() {
            add(.source(index + 1, source.short, source.link))
        }
        if !cited.ordered.isEmpty { add(.para("Full citations are on the aid's About page (press a).")) }
    }

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

    /// The gist of a reason for page 1: its first sentence, and the second
    /// too when the first is too short to stand alone ("Studies show the
    /// best results in people like this." says nothing without who "this" is).
    static func gist(_ text: String) -> String {
        let first = firstSentence(text)
        guard first.count < 60, first.count < text.count else { return first }
        let rest = String(text.dropFirst(first.count)).drop { $0 == " " }
        return first + " " + firstSentence(String(rest))
    }

    /// The first sentence: up to the first ".", "?" or "!" that is followed by
    /// a space and a capital letter (so "2.8 years" and "e.g. a" do not end it).
    static func firstSentence(_ text: String) -> String {
        let chars = Array(text)
        var i = 0
        while i + 2 < chars.count {
            if ".?!".contains(chars[i]) && chars[i + 1] == " " && chars[i + 2].isUppercase {
                return String(chars[...i])
            }
            i += 1
        }
        return text
    }
}

/// One group of people behind a number, with how sure and the sources: a
/// group named once on page 1 however many numbers come from it.
struct StudyGroupKey: Equatable {
    var group: String
    var sources: [String]
}
