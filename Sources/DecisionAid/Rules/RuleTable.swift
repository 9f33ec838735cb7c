/// The candidacy rules, top to bottom, to be checked line by line against
/// NMSS 2021 (Miller, JAMA Neurol), ECTRIMS/EBMT 2025 (Muraro, Nat Rev
/// Neurol), EBMT 2020 (Sharrack, BMT) and ASBMT 2019 (Cohen, BBMT). Each id's
/// plain-words reason and its sources are in Assets/content/rules.yaml.
///
/// Definitions used below:
/// - active: at least 1 relapse, or new/enlarging or gadolinium-enhancing
///   MRI lesions, in the last 12 months (Answers.isActive).
/// - EDSS: the exact score if given, else the band of the walking answer
///   (Answers.effectiveEDSS, Walking.edssBand).
/// - breakthrough on high-efficacy therapy: active, a high-efficacy therapy
///   was tried, and MS was active while on treatment.
public enum RuleTable {
    public static let rules: [Rule] = [
        // Not supported: checked on whatever is known, even if other answers are missing.
        Rule("age-60-or-over", .level(.notSupported), "Age 60 or over") { a in
            (a.age ?? 0) >= 60 ? .because(.age) : nil
        },
        Rule("edss-7-or-more", .level(.notSupported), "EDSS 7.0 or more (or walking: mostly wheelchair, or bed-bound)") { a in
            guard let edss = a.effectiveEDSS, edss.score >= 7 else { return nil }
            return .because(a.edssField)
        },
        Rule("edss-6-5-not-from-relapse", .level(.notSupported), "EDSS 6.5 and the disability did not come with a recent relapse") { a in
            a.effectiveEDSS?.score == 6.5 && a.disabilityFromRecentRelapse == .no ? .because(a.edssField, .disabilityFromRecentRelapse) : nil
        },
        Rule("serious-comorbidity", .level(.notSupported), "Serious heart, lung, liver or kidney disease") { a in
            a.seriousComorbidity == true ? .because(.seriousComorbidity) : nil
        },
        Rule("no-recent-activity", .level(.notSupported), "No relapse in the last 12 months and MRI answered \"no\" new activity") { a in
            a.isActive == false ? .because(.relapsesLast12Months, .newMRIActivityLast12Months) : nil
        },

        // Need more information: an answer the outcome depends on is unsure or missing.
        Rule("subtype-unsure", .level(.needMoreInformation), "MS type unsure", settledBy: [.subtype]) { a in
            a.subtype == .unsure ? .because(.subtype) : nil
        },
        Rule("clinically-isolated", .level(.needMoreInformation), "Clinically isolated syndrome", settledBy: [.subtype]) { a in
            a.subtype == .clinicallyIsolated ? .because(.subtype) : nil
        },
        Rule("activity-unknown", .level(.needMoreInformation), "No relapse in the last 12 months and MRI activity unknown", settledBy: [.newMRIActivityLast12Months]) { a in
            a.relapsesLast12Months == 0 && a.newMRIActivityLast12Months == .unknown ? .because(.relapsesLast12Months, .newMRIActivityLast12Months) : nil
        },
        Rule("relapse-cause-unsure", .level(.needMoreInformation), "EDSS 6.5 and unsure whether it came with a recent relapse", settledBy: [.disabilityFromRecentRelapse]) { a in
            a.effectiveEDSS?.score == 6.5 && a.disabilityFromRecentRelapse == .unsure ? .because(a.edssField, .disabilityFromRecentRelapse) : nil
        },
        Rule("active-on-treatment-unsure", .level(.needMoreInformation), "Active, a high-efficacy therapy tried, and unsure whether MS was active while on it", settledBy: [.activeOnTreatment]) { a in
            a.isActive == true && a.triedHighEfficacy && a.highEfficacyContraindicated != true && a.activeOnTreatment == .unsure
                ? .because(.activeOnTreatment) : nil
        },
        Rule("missing-answer", .level(.needMoreInformation), "A required answer is missing") { a in
            let missing = a.missingFields
            return missing.isEmpty ? nil : Trigger(fields: missing, missing: true)
        },

        // Discuss: may be an option; talk with an MS specialist; a trial may be the best route.
        Rule("under-18", .level(.discuss), "Under 18") { a in
            (a.age ?? 18) < 18 ? .because(.age) : nil
        },
        Rule("age-50-to-59", .level(.discuss), "Age 50 to 59") { a in
            (50...59).contains(a.age ?? 0) ? .because(.age) : nil
        },
        Rule("ten-years-or-more", .level(.discuss), "10 or more years since diagnosis") { a in
            (a.yearsSinceDiagnosis ?? 0) >= 10 ? .because(.yearsSinceDiagnosis) : nil
        },
        Rule("edss-6-0", .level(.discuss), "EDSS 6.0 (or walking: a cane, crutch or brace on one side for about 100 m)") { a in
            a.effectiveEDSS?.score == 6.0 ? .because(a.edssField) : nil
        },
        Rule("edss-6-5-from-relapse", .level(.discuss), "EDSS 6.5 that came with a recent relapse") { a in
            a.effectiveEDSS?.score == 6.5 && a.disabilityFromRecentRelapse == .yes ? .because(a.edssField, .disabilityFromRecentRelapse) : nil
        },
        Rule("progressive-with-activity", .level(.discuss), "Secondary or primary progressive MS with activity") { a in
            (a.subtype == .secondaryProgressive || a.subtype == .primaryProgressive) && a.isActive == true
                ? .because(.subtype, a.activityField) : nil
        },
        Rule("no-high-efficacy-tried", .level(.discuss), "Active without having tried a high-efficacy therapy (platform only or none), unless high-efficacy therapy is ruled out") { a in
            a.isActive == true && a.therapies != nil && !a.triedHighEfficacy && a.highEfficacyContraindicated != true
                ? .because(.therapies) : nil
        },
        Rule("active-not-on-treatment", .level(.discuss), "Active, but not while on a high-efficacy therapy") { a in
            a.isActive == true && a.triedHighEfficacy && a.highEfficacyContraindicated != true && a.activeOnTreatment == .no
                ? .because(.activeOnTreatment) : nil
        },

        // Strong: the group in whom the evidence is strongest.
        Rule("strong-profile", .level(.strong), "Relapsing-remitting, active with breakthrough on high-efficacy therapy (or it is ruled out), age 18-49, under 10 years since diagnosis, EDSS 5.5 or less, no serious illness") { a in
            guard a.subtype == .relapsingRemitting, a.isActive == true,
                  a.breakthroughOnHighEfficacy || (a.highEfficacyContraindicated == true),
                  let age = a.age, (18...49).contains(age),
                  let years = a.yearsSinceDiagnosis, years < 10,
                  let edss = a.effectiveEDSS, edss.score <= 5.5,
                  a.seriousComorbidity == false
            else { return nil }
            var fields: [AnswerField] = [.subtype, a.activityField]
            fields += a.highEfficacyContraindicated == true ? [.highEfficacyContraindicated] : [.therapies, .activeOnTreatment]
            fields += [.age, .yearsSinceDiagnosis, a.edssField, .seriousComorbidity]
            return Trigger(fields: fields)
        },

        // Notes add context without changing the level.
        Rule("age-45-to-49", .note, "Age 45 to 49: the 2025 European consensus prefers under 45") { a in
            (45...49).contains(a.age ?? 0) ? .because(.age) : nil
        },
    ]
}

extension RuleTable {
    /// Every rule that fires, and the level they decide: the most serious
    /// level that fired. If none decided (the table as written always
    /// decides), it asks for more information rather than guess.
    public static func evaluate(_ answers: Answers) -> (level: CandidacyLevel, fired: [(rule: Rule, trigger: Trigger)]) {
        let fired = rules.compactMap { rule in rule.trigger(answers).map { (rule: rule, trigger: $0) } }
        let level = fired.compactMap { item -> CandidacyLevel? in
            if case .level(let level) = item.rule.kind { return level }
            return nil
        }.min() ?? .needMoreInformation
        return (level, fired)
    }
}

extension Answers {
    var triedHighEfficacy: Bool {
        (therapies ?? []).contains { TherapyIDs.highEfficacy.contains($0) }
    }

    var breakthroughOnHighEfficacy: Bool {
        isActive == true && triedHighEfficacy && activeOnTreatment == .yes
    }

    /// The answer the EDSS came from, for "because you said".
    var edssField: AnswerField { edss != nil ? .edss : .walking }

    /// The answer that showed activity (a relapse, else the MRI).
    var activityField: AnswerField {
        (relapsesLast12Months ?? 0) > 0 ? .relapsesLast12Months : .newMRIActivityLast12Months
    }

    /// Answers the rules need and do not have. Some are needed only given
    /// others: the MRI only when relapses do not already show activity; the
    /// relapse question only at EDSS 6.5; activity on treatment only when a
    /// high-efficacy therapy was tried and is not ruled out.
    public var missingFields: [AnswerField] {
        var missing: [AnswerField] = []
        if age == nil { missing.append(.age) }
        if subtype == nil { missing.append(.subtype) }
        if relapsesLast12Months == nil { missing.append(.relapsesLast12Months) }
        if newMRIActivityLast12Months == nil && isActive == nil { missing.append(.newMRIActivityLast12Months) }
        if effectiveEDSS == nil { missing.append(.walking) }
        if effectiveEDSS?.score == 6.5 && disabilityFromRecentRelapse == nil { missing.append(.disabilityFromRecentRelapse) }
        if yearsSinceDiagnosis == nil { missing.append(.yearsSinceDiagnosis) }
        if therapies == nil { missing.append(.therapies) }
        if triedHighEfficacy && highEfficacyContraindicated != true && isActive != false && activeOnTreatment == nil {
            missing.append(.activeOnTreatment)
        }
        if seriousComorbidity == nil { missing.append(.seriousComorbidity) }
        return missing
    }
}
