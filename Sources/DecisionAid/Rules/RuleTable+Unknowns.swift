/// How unsure or missing answers bear on the level. The rules are written for
/// complete answers; instead of listing by hand which unknowns matter, each
/// unknown answer is filled in every representative way (thresholds and
/// either side). If every filling gives the same level, that level stands and
/// the unknowns "would not change this"; if not, the level is
/// need-more-information and the result names the unknowns that change it.
extension RuleTable {
    /// What the rules say about a set of answers.
    public struct Evaluation: Sendable {
        public var level: CandidacyLevel
        /// Rules that fired, in table order; the unknown-answer rules first.
        public var fired: [(rule: Rule, trigger: Trigger)]
        /// Unsure or missing answers whose value would change the level.
        public var deciding: [AnswerField]
        /// Unsure or missing answers that would not change it.
        public var notDeciding: [AnswerField]
    }

    public static func evaluate(_ answers: Answers) -> Evaluation {
        // One bit per rule of the table that fires on each filling (a test
        // keeps the table under 64 rules).
        let leaves = completions(of: answers) { filled in
            rules.indices.reduce(UInt64(0)) { mask, i in rules[i].trigger(filled) != nil ? mask | 1 << i : mask }
        }
        let masks = leaves.map(\.mask)
        let levels = masks.map(level(of:))
        let unknowns = unknownOrder.indices.filter { i in leaves.contains { $0.value(i) != 0 } }.map { unknownOrder[$0] }

        // Rules that fire however the unknowns are filled, worded from the
        // answers as given where they fire on them.
        let always = masks.dropFirst().reduce(masks.first ?? 0, &)
        let some = masks.reduce(0, |)
        func fired(_ mask: UInt64, where keep: (Rule) -> Bool = { _ in true }) -> [(rule: Rule, trigger: Trigger)] {
            rules.indices.compactMap { i in
                let rule = rules[i]
                guard mask & (1 << i) != 0, keep(rule) else { return nil }
                let trigger = rule.trigger(answers) ?? leaves.lazy.compactMap { rule.trigger(filled(answers, $0.key)) }.first
                return trigger.map { (rule: rule, trigger: $0) }
            }
        }
        var reasons = fired(always)

        let level: CandidacyLevel
        var deciding: [AnswerField] = []
        if let first = levels.first, levels.allSatisfy({ $0 == first }) {
            level = first
            // Should no rule at that level fire in every filling, show those that fire in some.
            if !reasons.contains(where: { $0.rule.kind == .level(level) }) {
                reasons += fired(some & ~always) { $0.kind == .level(level) }
            }
        } else {
            level = .needMoreInformation
            deciding = decidingFields(unknowns, leaves, levels)
            reasons = unknownReasons(deciding, answers) + reasons
        }
        let notDeciding = unknowns.filter { !deciding.contains($0) }
        if !notDeciding.isEmpty, let note = unknownRules.first(where: { $0.id == "unknown-would-not-change" }) {
            reasons.append((rule: note, trigger: Trigger(fields: notDeciding)))
        }
        return Evaluation(level: level, fired: reasons, deciding: deciding, notDeciding: notDeciding)
    }

    /// The most serious level among the rules that fired. The table always
    /// decides on complete answers (a test checks it); if it ever did not, it
    /// asks for more information rather than guess.
    static func level(of mask: UInt64) -> CandidacyLevel {
        rules.indices.compactMap { i -> CandidacyLevel? in
            guard mask & (1 << i) != 0, case .level(let level) = rules[i].kind else { return nil }
            return level
        }.min() ?? .needMoreInformation
    }

    /// The unknown-answer rules for the deciding fields: one per unsure answer,
    /// and one for all missing ones.
    static func unknownReasons(_ deciding: [AnswerField], _ a: Answers) -> [(rule: Rule, trigger: Trigger)] {
        func rule(_ id: String) -> Rule? { unknownRules.first { $0.id == id } }
        var reasons: [(rule: Rule, trigger: Trigger)] = []
        var missing: [AnswerField] = []
        for field in deciding {
            switch field {
            case .newMRIActivityLast12Months where a.newMRIActivityLast12Months == .unknown:
                rule("activity-unknown").map { reasons.append(($0, .because(.relapsesLast12Months, field))) }
            case .disabilityFromRecentRelapse where a.disabilityFromRecentRelapse == .unsure:
                rule("relapse-cause-unsure").map { reasons.append(($0, .because(a.edssField, field))) }
            case .activeOnTreatment where a.activeOnTreatment == .unsure:
                rule("active-on-treatment-unsure").map { reasons.append(($0, .because(field))) }
            case .highEfficacyContraindicated where a.notSure.contains(field), .seriousComorbidity where a.notSure.contains(field):
                rule("answer-unsure").map { reasons.append(($0, .because(field))) }
            default:
                missing.append(field)
            }
        }
        if !missing.isEmpty, let rule = rule("missing-answer") {
            reasons.append((rule, Trigger(fields: missing, missing: true)))
        }
        return reasons
    }

    /// An unknown decides if two fillings that differ only in it give
    /// different levels.
    static func decidingFields(_ unknowns: [AnswerField], _ leaves: [Completion], _ levels: [CandidacyLevel]) -> [AnswerField] {
        let deciding = unknowns.filter { field in
            let slot = UInt64(0xF) << (4 * UInt64(unknownOrder.firstIndex(of: field) ?? 0))
            var seen: [UInt64: CandidacyLevel] = [:]
            for (leaf, level) in zip(leaves, levels) {
                if let earlier = seen.updateValue(level, forKey: leaf.key | slot), earlier != level { return true }
            }
            return false
        }
        if !deciding.isEmpty { return deciding }
        // An unknown that also decides which other questions apply is not
        // caught above; it decides if its values lead to different levels.
        return unknowns.filter { field in
            let i = unknownOrder.firstIndex(of: field) ?? 0
            var byValue: [UInt64: Set<CandidacyLevel>] = [:]
            for (leaf, level) in zip(leaves, levels) { byValue[leaf.value(i), default: []].insert(level) }
            return Set(byValue.values).count > 1
        }
    }

    /// One way of filling the unknown answers, as a number: 4 bits per answer
    /// in `unknownOrder`, the position of its representative value plus 1
    /// (0: not filled); and the rules that fire on it. The filled answers
    /// themselves are not kept (thousands of copies made `assess` hold a
    /// megabyte): `filled(_:_:)` makes them again from the key.
    struct Completion {
        var key: UInt64
        var mask: UInt64

        /// The position plus 1 of the value the answer at `index` of
        /// `unknownOrder` was filled with, or 0.
        func value(_ index: Int) -> UInt64 { (key >> (4 * UInt64(index))) & 0xF }
    }

    /// Every way of filling the unknown answers that apply, from small sets of
    /// representative values, in question order (an earlier answer can make a
    /// later question not apply), each with `rulesFiring` of the filled answers.
    static func completions(of answers: Answers, rulesFiring: (Answers) -> UInt64) -> [Completion] {
        var result: [Completion] = []
        let order = unknownOrder
        func fill(_ a: Answers, _ key: UInt64, from index: Int) {
            guard let next = order[index...].firstIndex(where: { a.isUnknown($0) }) else {
                result.append(Completion(key: key, mask: rulesFiring(a)))
                return
            }
            for (position, (_, set)) in representatives(order[next]).enumerated() {
                var b = a
                set(&b)
                fill(b, key | UInt64(position + 1) << (4 * UInt64(next)), from: next + 1)
            }
        }
        fill(answers, 0, from: 0)
        return result
    }

    /// The answers filled as `key` says (see `Completion`), in question order
    /// as `completions` filled them.
    static func filled(_ answers: Answers, _ key: UInt64) -> Answers {
        var a = answers
        for (index, field) in unknownOrder.enumerated() {
            let position = Int((key >> (4 * UInt64(index))) & 0xF)
            if position > 0 { representatives(field)[position - 1].1(&a) }
        }
        return a
    }

    /// The answers in question order; the EDSS stands for walking or exact score.
    static let unknownOrder: [AnswerField] = [
        .age, .subtype, .relapsesLast12Months, .newMRIActivityLast12Months, .edss, .disabilityFromRecentRelapse,
        .yearsSinceDiagnosis, .therapies, .activeOnTreatment, .highEfficacyContraindicated, .seriousComorbidity,
    ]

    /// Values at and either side of every threshold the rules use.
    static func representatives(_ field: AnswerField) -> [(String, (inout Answers) -> Void)] {
        switch field {
        case .age:
            return [16, 30, 47, 52, 60, 70].map { (age: Int) in ("\(age)", { $0.age = age }) }
        case .subtype:
            return Subtype.allCases.map { subtype in (subtype.rawValue, { $0.subtype = subtype }) }
        case .relapsesLast12Months:
            return [0, 1, 2].map { (n: Int) in ("\(n)", { $0.relapsesLast12Months = n }) }
        case .newMRIActivityLast12Months:
            return [MRIActivity.yes, .no].map { mri in (mri.rawValue, { $0.newMRIActivityLast12Months = mri }) }
        case .walking, .edss:
            return [3.0, 6.0, 6.5, 7.5, 8.0].map { (score: Double) in ("\(score)", { $0.walking = nil; $0.edss = score }) }
        case .disabilityFromRecentRelapse:
            return [YesNoUnsure.yes, .no].map { v in (v.rawValue, { $0.disabilityFromRecentRelapse = v }) }
        case .yearsSinceDiagnosis:
            return [3, 12].map { (years: Int) in ("\(years)", { $0.yearsSinceDiagnosis = years }) }
        case .therapies:
            return [[], ["glatiramer-acetate"], ["cladribine"], ["ocrelizumab"]].map { ids in
                (ids.first ?? "none", { $0.therapies = ids })
            }
        case .activeOnTreatment:
            return [ActivityOnTreatment.yes, .early, .no].map { v in (v.rawValue, { $0.activeOnTreatment = v }) }
        case .highEfficacyContraindicated:
            return [true, false].map { (v: Bool) in ("\(v)", { $0.highEfficacyContraindicated = v }) }
        case .seriousComorbidity:
            return [true, false].map { (v: Bool) in ("\(v)", { $0.seriousComorbidity = v }) }
        }
    }
}

extension Answers {
    /// Whether a question applies, given the other answers: the same test
    /// decides what the interview asks and what the rules treat as unknown.
    public func applies(_ field: AnswerField) -> Bool {
        switch field {
        case .newMRIActivityLast12Months:
            // Asked whenever it can change the outcome: after 0 or 1 relapse.
            return (relapsesLast12Months ?? 0) < 2
        case .disabilityFromRecentRelapse:
            return hasHighEDSS
        case .activeOnTreatment:
            return isActive != false && (triedHighEfficacy || triedSourcesDiffer)
        default:
            return true
        }
    }

    /// An answer that applies and is missing, or says "not sure".
    func isUnknown(_ field: AnswerField) -> Bool {
        guard applies(field) else { return false }
        switch field {
        case .age: return age == nil
        case .subtype: return subtype == nil
        case .relapsesLast12Months: return relapsesLast12Months == nil
        case .newMRIActivityLast12Months: return newMRIActivityLast12Months == nil || newMRIActivityLast12Months == .unknown
        case .walking, .edss: return effectiveEDSS == nil
        case .disabilityFromRecentRelapse: return disabilityFromRecentRelapse == nil || disabilityFromRecentRelapse == .unsure
        case .yearsSinceDiagnosis: return yearsSinceDiagnosis == nil
        case .therapies: return therapies == nil
        case .activeOnTreatment: return activeOnTreatment == nil || activeOnTreatment == .unsure
        case .highEfficacyContraindicated: return highEfficacyContraindicated == nil
        case .seriousComorbidity: return seriousComorbidity == nil
        }
    }

    /// Answers that apply and are not given ("not sure" is an answer).
    public var missingFields: [AnswerField] {
        RuleTable.unknownOrder.filter { isUnknown($0) && !saysNotSure($0) }.map { $0 == .edss ? .walking : $0 }
    }

    func saysNotSure(_ field: AnswerField) -> Bool {
        switch field {
        case .newMRIActivityLast12Months: return newMRIActivityLast12Months == .unknown
        case .disabilityFromRecentRelapse: return disabilityFromRecentRelapse == .unsure
        case .activeOnTreatment: return activeOnTreatment == .unsure
        case .highEfficacyContraindicated, .seriousComorbidity: return notSure.contains(field)
        default: return false
        }
    }
}
