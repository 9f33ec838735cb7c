import Content

/// How much one value matters to the person: 0 (not at all) to 4 (very
/// much), or "not sure".
public enum Rating: Sendable, Equatable {
    case score(Int)
    case notSure
}

/// What the person worked out while using the aid, beyond their answers:
/// what matters to them, their leaning and role, the SURE test before and
/// after, and the questions they want to ask. Ids and values come from
/// deliberation.yaml.
public struct Deliberation: Sendable, Equatable {
    /// By value statement id.
    public var ratings: [String: Rating] = [:]
    /// A concern of their own, in their words, and how much it matters.
    public var concern: String = ""
    public var concernRating: Rating?
    /// Questions for the neurologist in their own words.
    public var ownQuestions: [String] = []
    /// Who else is involved in the choice, in their words, and whether they
    /// feel pushed (a pressure value from deliberation.yaml).
    public var others: String = ""
    public var pressure: String?
    /// A leaning value (ahsct, other-treatment, trial, unsure).
    public var leaning: String?
    /// A role value (how they want the decision made).
    public var role: String?
    /// SURE answers by item id: true = yes.
    public var sureBefore: [String: Bool] = [:]
    public var sureAfter: [String: Bool] = [:]
    /// Ticked questions for the neurologist, by id.
    public var asked: Set<String> = []
    /// Answers to the optional knowledge check, by statement id.
    public var knowledge: [String: KnowledgeAnswer] = [:]

    public init() {}

    public var isEmpty: Bool { self == Deliberation() }
}

/// The SURE test (Légaré 2010): each "yes" scores 1; 4 of 4 means no
/// decisional conflict, 3 or less flags it.
public enum SureScore {
    /// The score, or nil until every item is answered.
    public static func score(_ answers: [String: Bool], items: [SureItem]) -> Int? {
        guard !items.isEmpty, items.allSatisfy({ answers[$0.id] != nil }) else { return nil }
        return items.filter { answers[$0.id] == true }.count
    }

    /// True when the score shows decisional conflict (3 or less of 4).
    public static func conflict(_ score: Int, items: [SureItem]) -> Bool { score < items.count }

    /// The items answered "no", in order: each points to the part of the aid that helps.
    public static func needs(_ answers: [String: Bool], items: [SureItem]) -> [SureItem] {
        items.filter { answers[$0.id] == false }
    }
}

/// An answer to a knowledge check statement.
public enum KnowledgeAnswer: String, Sendable, Equatable {
    case isTrue = "true", isFalse = "false", notSure = "not sure"
}

/// The knowledge check's score: how many statements were answered rightly.
public struct KnowledgeScore: Sendable, Equatable {
    public var right: Int
    public var notSure: Int
    public var answered: Int
    public var total: Int

    /// Nil until at least one statement is answered: the check is optional.
    public init?(_ answers: [String: KnowledgeAnswer], items: [KnowledgeItem]) {
        let given = items.compactMap { item in answers[item.id].map { (item, $0) } }
        guard !given.isEmpty else { return nil }
        right = given.filter { item, answer in answer == (item.answer ? .isTrue : .isFalse) }.count
        notSure = given.filter { $0.1 == .notSure }.count
        answered = given.count
        total = items.count
    }

    public static func isRight(_ answer: KnowledgeAnswer, _ item: KnowledgeItem) -> Bool {
        answer == (item.answer ? .isTrue : .isFalse)
    }

    /// "4 of 6 right (1 not sure, 1 not answered)"
    public var text: String {
        var extra: [String] = []
        if notSure > 0 { extra.append("\(notSure) not sure") }
        if total > answered { extra.append("\(total - answered) not answered") }
        return "\(right) of \(total) right" + (extra.isEmpty ? "" : " (" + extra.joined(separator: ", ") + ")")
    }
}
