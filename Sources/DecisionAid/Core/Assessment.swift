import Content

/// One rule that fired, in words a person can read, with its sources.
public struct Reason: Sendable, Equatable {
    public var rule: String
    public var kind: RuleKind
    public var text: String
    public var change: String?
    /// "because you said …" phrases, one per answer behind the rule.
    public var because: [String]
    public var fields: [AnswerField]
    public var missing: Bool
    public var settledBy: [AnswerField]
    public var sources: [String]
}

/// A risk, flagged when the evidence says it is higher for people like this person.
public struct MatchedRisk: Sendable, Equatable {
    public var risk: Risk
    public var higherForYou: Bool
}

/// What the guidelines say about people with these answers.
public struct Assessment: Sendable, Equatable {
    public var answers: Answers
    public var level: CandidacyLevel
    public var headline: String
    public var explanation: String
    /// Rules at the deciding level first, then the others that fired, then notes.
    public var reasons: [Reason]
    /// Unsure or missing answers that would change the level, and those that would not.
    public var unknownsThatChangeIt: [AnswerField] = []
    public var unknownsThatDoNot: [AnswerField] = []
    public var risks: [MatchedRisk]
    public var evidence: [Study]
    public var checklist: [ChecklistItem]
    public var contentVersion: String
    public var contentReviewed: Day
}

public enum Assessor {
    public static func assess(_ answers: Answers, content: ContentSet) -> Assessment {
        let evaluation = RuleTable.evaluate(answers)
        let level = evaluation.level

        func rank(_ kind: RuleKind) -> Int {
            switch kind {
            case .level(let l) where l == level: return 0
            case .level(let l): return 1 + l.precedence
            case .note: return 10
            }
        }
        let reasons = evaluation.fired
            .map { rule, trigger in reason(rule, trigger, answers, content) }
            .enumerated()
            .sorted { (rank($0.element.kind), $0.offset) < (rank($1.element.kind), $1.offset) }
            .map(\.element)

        let levelText = content.levels[level.rawValue]
        var assessment = Assessment(
            answers: answers, level: level,
            headline: levelText?.headline ?? level.rawValue,
            explanation: levelText?.explanation ?? "",
            reasons: reasons,
            risks: matchedRisks(answers, content),
            evidence: matchedEvidence(answers, content),
            checklist: content.checklist,
            contentVersion: content.about.version,
            contentReviewed: content.about.reviewed
        )
        assessment.unknownsThatChangeIt = evaluation.deciding
        assessment.unknownsThatDoNot = evaluation.notDeciding
        return assessment
    }

    static func reason(_ rule: Rule, _ trigger: Trigger, _ answers: Answers, _ content: ContentSet) -> Reason {
        let words = content.rule(rule.id)
        let because = trigger.missing
            ? trigger.fields.map { "you have not answered \(AnswerPhrases.topic($0))" }
            : trigger.fields.map { AnswerPhrases.phrase($0, answers, content) }
        return Reason(
            rule: rule.id, kind: rule.kind, text: words?.text ?? rule.condition, change: words?.change,
            because: because, fields: trigger.fields, missing: trigger.missing,
            settledBy: trigger.missing ? trigger.fields : rule.settledBy, sources: words?.sources ?? []
        )
    }

    /// Studies that speak to people like this: by MS type, and children's
    /// data for under-18s. With the type unknown, all studies are shown.
    static func matchedEvidence(_ answers: Answers, _ content: ContentSet) -> [Study] {
        var groups: Set<StudyGroup>
        switch answers.subtype {
        case .relapsingRemitting?: groups = [.relapsing]
        case .secondaryProgressive?, .primaryProgressive?: groups = [.progressive]
        default: groups = [.relapsing, .progressive]
        }
        if let age = answers.age, age < 18 { groups.insert(.children) }
        return content.studies.filter { !groups.isDisjoint(with: $0.groups) }
    }

    /// Every risk applies to everyone; a risk is flagged "higher for people
    /// like you" when one of the answers its content names applies.
    static func matchedRisks(_ answers: Answers, _ content: ContentSet) -> [MatchedRisk] {
        let factors = answers.riskFactors
        return content.risks.map { MatchedRisk(risk: $0, higherForYou: !factors.isDisjoint(with: $0.higherWhen)) }
    }
}

extension Answers {
    /// The answers that make some risks higher (see RiskFactor).
    public var riskFactors: Set<RiskFactor> {
        var factors: Set<RiskFactor> = []
        if (age ?? 0) >= 45 { factors.insert(.older) }
        if (effectiveEDSS?.score ?? 0) >= 6.0 { factors.insert(.disabled) }
        if isProgressive { factors.insert(.progressive) }
        if seriousComorbidity == true { factors.insert(.illness) }
        return factors
    }
}

extension KeyFigure {
    /// "Who was studied", with a warning when the person's type of MS was not
    /// among them (numbers from relapsing-remitting MS shown to someone with
    /// progressive MS).
    public func whoWasStudied(for answers: Answers) -> String {
        var text = "Who was studied: " + group + (group.hasSuffix(".") ? "" : ".")
        if onlyRelapsingStudied(for: answers) {
            text += " Only people with relapsing MS were studied, not people with progressive MS."
        }
        return text
    }

    /// True when the person has progressive MS and only people with relapsing MS were studied.
    public func onlyRelapsingStudied(for answers: Answers) -> Bool {
        answers.isProgressive && !groups.isEmpty && !groups.contains(.progressive)
    }
}
