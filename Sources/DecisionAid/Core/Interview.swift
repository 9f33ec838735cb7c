/// The interview, on its own: the questions asked in order, the answers
/// given, and where the person is. It speaks in answers, not keys, so every
/// front end drives the same value: the screen maps keys to it, the plain
/// line mode maps typed lines to it, and a resumed session restores it.
/// Pure: no input, output or wording happens here (front ends word the
/// problems it reports).
public struct Interview: Sendable, Equatable {
    /// Where the person is in the interview.
    public enum Step: Sendable, Equatable {
        /// Before the first question (the welcome and the SURE test are the front end's).
        case notStarted
        case question(AnswerField)
        /// Every answer at once, to change any one or go on to the results.
        case review
    }

    /// Why an answer was not taken. Nothing already answered is lost.
    public enum Problem: Error, Sendable, Equatable {
        /// The text typed or chosen does not fit the question (what was typed is kept for the message).
        case answer(AnswerError, typed: String)
        /// Enter on the treatments with nothing ticked.
        case nothingTicked
        /// The review line chosen is a question the answers make pointless (QuestionFlow.skipReason says why).
        case notAsked(AnswerField)
    }

    public private(set) var answers: Answers
    public private(set) var step: Step = .notStarted
    /// True while a question opened from the review is on screen: answering
    /// it goes back to the review, or on only to questions it newly opened.
    public private(set) var fromReview = false
    /// Clinician mode: the exact EDSS is asked instead of walking ability.
    public let exactEDSS: Bool

    public init(answers: Answers = Answers(), exactEDSS: Bool = false) {
        self.answers = answers
        self.exactEDSS = exactEDSS
    }

    /// Every question, in order, asked or not.
    public var order: [AnswerField] { QuestionFlow.order(exactEDSS: exactEDSS) }
    /// The questions the answers so far make worth asking.
    public var asked: [AnswerField] { QuestionFlow.asked(answers, exactEDSS: exactEDSS) }

    /// "Question N of M": N counts the full order, so M never changes as
    /// questions are skipped.
    public func position(of field: AnswerField) -> (number: Int, total: Int) {
        ((order.firstIndex(of: field) ?? 0) + 1, order.count)
    }

    /// The question on screen, if any.
    public var question: AnswerField? {
        if case .question(let field) = step { return field }
        return nil
    }

    /// Opens the first question.
    public mutating func start() {
        fromReview = false
        step = .question(asked[0])
    }

    /// Answers the question on screen with a choice value or typed text
    /// (the same words `assess` and answer files take). On a problem nothing
    /// changes; otherwise the interview moves on.
    public mutating func answer(_ text: String) throws(Problem) {
        guard let field = question else { return }
        var next = answers
        do {
            try AnswerParser.set(field, from: text, in: &next)
            try AnswerParser.crossCheck(next)
        } catch {
            throw .answer(error, typed: text)
        }
        answers = next
        advance(from: field)
    }

    /// Answers the treatments question: therapy ids, or ["none"].
    public mutating func answer(therapies: [String]) throws(Problem) {
        guard let field = question, field == .therapies else { return }
        guard !therapies.isEmpty else { throw .nothingTicked }
        var next = answers
        do {
            try AnswerParser.setTherapies(therapies, in: &next)
        } catch {
            throw .answer(error, typed: therapies.joined(separator: ", "))
        }
        answers = next
        advance(from: field)
    }

    /// Leaves the question on screen as it is (answered or not) and moves
    /// on. An unanswered question counts as not known: the rules say whether
    /// it would change the result.
    public mutating func skip() {
        guard let field = question else { return }
        advance(from: field)
    }

    /// Goes back: to the question before (or to the review, from a question
    /// opened there). False before the first question, where the front end
    /// shows what comes before the interview.
    @discardableResult
    public mutating func back() -> Bool {
        switch step {
        case .notStarted:
            return false
        case .review:
            if let last = asked.last { step = .question(last) }
            return true
        case .question(let field):
            if fromReview {
                review()
                return true
            }
            if let index = asked.firstIndex(of: field), index > 0 {
                step = .question(asked[index - 1])
                return true
            }
            step = .notStarted
            return false
        }
    }

    /// Shows every answer.
    public mutating func review() {
        fromReview = false
        step = .review
    }

    /// Opens a question from the review to change its answer; the rest are kept.
    public mutating func change(_ field: AnswerField) throws(Problem) {
        guard QuestionFlow.skipReason(field, answers) == nil else { throw .notAsked(field) }
        fromReview = true
        step = .question(field)
    }

    /// A finished interview from saved answers (a resumed session): at the
    /// review, with answers the questions no longer ask cleared.
    public static func resumed(_ answers: Answers, exactEDSS: Bool) -> Interview {
        var interview = Interview(answers: answers, exactEDSS: exactEDSS)
        QuestionFlow.clearSkipped(&interview.answers, exactEDSS: exactEDSS)
        interview.review()
        return interview
    }

    private mutating func advance(from field: AnswerField) {
        QuestionFlow.clearSkipped(&answers, exactEDSS: exactEDSS)
        let later = asked.drop { $0 != field }.dropFirst()
        // From the review, go only to questions this change newly opened.
        let next = fromReview ? later.first { !QuestionFlow.isAnswered($0, answers) } : later.first
        if let next {
            step = .question(next)
        } else {
            review()
        }
    }
}
