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
