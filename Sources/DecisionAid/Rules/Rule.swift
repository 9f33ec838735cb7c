/// How strongly the guidelines speak for people with these answers.
public enum CandidacyLevel: String, Sendable, CaseIterable, Comparable {
    case strong, discuss
    case notSupported = "not-supported"
    case needMoreInformation = "need-more-information"

    /// Which level wins when rules of several levels fire.
    var precedence: Int {
        switch self {
        case .notSupported: return 0
        case .needMoreInformation: return 1
        case .discuss: return 2
        case .strong: return 3
        }
    }

    public static func < (a: CandidacyLevel, b: CandidacyLevel) -> Bool { a.precedence < b.precedence }
}

/// A rule either sets a level or, as a note, adds context without changing it.
public enum RuleKind: Sendable, Equatable {
    case level(CandidacyLevel)
    case note

    public var name: String {
        switch self {
        case .level(let level): return level.rawValue
        case .note: return "note"
        }
    }
}

/// Why a rule fired: the answers behind it, or the answers still missing.
public struct Trigger: Sendable, Equatable {
    public var fields: [AnswerField]
    /// True when the rule fired because these answers are missing.
    public var missing: Bool = false

    static func because(_ fields: AnswerField...) -> Trigger { Trigger(fields: fields) }
}

/// One line of the rule table: the logic lives here, the words and sources
/// live in Assets/content/rules.yaml under the same id.
public struct Rule: Sendable {
    public let id: String
    public let kind: RuleKind
    /// The condition in a clinician's words, for `decision-aid rules`.
    public let condition: String
    /// Answers that would settle the question (for need-more-information).
    public let settledBy: [AnswerField]
    let test: @Sendable (Answers) -> Trigger?

    init(_ id: String, _ kind: RuleKind, _ condition: String, settledBy: [AnswerField] = [],
         _ test: @escaping @Sendable (Answers) -> Trigger?) {
        self.id = id
        self.kind = kind
        self.condition = condition
        self.settledBy = settledBy
        self.test = test
    }

    public func trigger(_ answers: Answers) -> Trigger? { test(answers) }
}
