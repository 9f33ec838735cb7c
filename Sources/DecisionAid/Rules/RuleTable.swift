/// The candidacy rules (version 2), top to bottom, to be checked line by line
/// against NMSS 2021 (Miller, JAMA Neurol), ECTRIMS/EBMT 2025 (Muraro, Nat
/// Rev Neurol), EBMT 2020 (Sharrack, BMT) and ASBMT 2019 (Cohen, BBMT). Each
/// id's plain-words reason and its sources are in Assets/content/rules.yaml.
///
/// Definitions used below:
/// - active: at least 1 relapse, or new/enlarging or gadolinium-enhancing
///   MRI lesions, in the last 12 months (Answers.isActive).
/// - substantial activity: at least 2 relapses in the last 12 months, or at
///   least 1 relapse and new MRI activity (Answers.hasSubstantialActivity).
/// - therapy classes: high-efficacy, sources differ (cladribine and the S1P
///   drugs), platform (TherapyIDs).
/// - breakthrough: substantial activity while on a high-efficacy drug for at
///   least 6 months (activeOnTreatment `yes` after a high-efficacy drug).
/// - EDSS: the exact score if given, else the band of the walking answer.
///
/// These rules are for complete answers. Unsure or missing answers are not
/// guessed: `evaluate` fills them in every representative way and asks for
/// more information only when the answer would change the level
/// (see RuleTable+Unknowns.swift).
public enum RuleTable {
    public static let version = 2

    public static let rules: [Rule] = [
        // Not supported.
        Rule("age-65-or-over", .level(.notSupported), "Age 65 or over") { a in
            (a.age ?? 0) >= 65 ? .because(.age) : nil
        },
        Rule("over-55-with-another-limit", .level(.notSupported),
             "Age 56 to 64 together with another limit passed: 10+ years since diagnosis, EDSS 6.0 or more, or progressive MS") { a in
            guard let age = a.age, (56...64).contains(age) else { return nil }
            var fields: [AnswerField] = [.age]
            if (a.yearsSinceDiagnosis ?? 0) >= 10 { fields.append(.yearsSinceDiagnosis) }
            if (a.effectiveEDSS?.score ?? 0) >= 6.0 { fields.append(a.edssField) }
            if a.isProgressive { fields.append(.subtype) }
            return fields.count > 1 ? Trigger(fields: fields) : nil
        },
        Rule("edss-8-or-more", .level(.notSupported), "EDSS 8.0 or more (or walking: in bed or a chair most of the day)") { a in
            guard let edss = a.effectiveEDSS, edss.score >= 8 else { return nil }
            return .because(a.edssField)
        },
        Rule("high-edss-not-from-relapse", .level(.notSupported),
             "EDSS 6.5 to 7.5 (or walking: aids on both sides, or a wheelchair), and the disability did not come with a recent relapse") { a in
            a.hasHighEDSS && a.disabilityFromRecentRelapse == .no ? .because(a.edssField, .disabilityFromRecentRelapse) : nil
        },
        Rule("serious-comorbidity", .level(.notSupported), "Serious heart, lung, liver or kidney disease") { a in
            a.seriousComorbidity == true ? .because(.seriousComorbidity) : nil
        },
        Rule("no-recent-activity", .level(.notSupported), "No relapse in the last 12 months and MRI answered \"no\" new activity: MS is quiet") { a in
            a.isActive == false ? .because(.relapsesLast12Months, .newMRIActivityLast12Months) : nil
        },
        Rule("progressive-untreated", .level(.notSupported),
             "Secondary or primary progressive MS with activity, and no high-efficacy or sources-differ drug tried") { a in
            a.isProgressive && a.isActive == true && a.therapies != nil && !a.triedHighEfficacy && !a.triedSourcesDiffer
                ? .because(.subtype, a.activityField, .therapies) : nil
        },

        // Need more information: the answer itself says the guidelines cannot be matched yet.
        Rule("subtype-unsure", .level(.needMoreInformation), "MS type unsure", settledBy: [.subtype]) { a in
            a.subtype == .unsure ? .because(.subtype) : nil
        },
        Rule("clinically-isolated", .level(.needMoreInformation), "Clinically isolated syndrome", settledBy: [.subtype]) { a in
            a.subtype == .clinicallyIsolated ? .because(.subtype) : nil
        },

        // Discuss: may be an option; talk with an MS specialist; a trial may be the best route.
        Rule("under-18", .level(.discuss), "Under 18") { a in
            (a.age ?? 18) < 18 ? .because(.age) : nil
        },
        Rule("age-50-to-55", .level(.discuss), "Age 50 to 55") { a in
            (50...55).contains(a.age ?? 0) ? .because(.age) : nil
        },
        Rule("age-56-to-64", .level(.discuss), "Age 56 to 64 with no other limit passed (over 55 only one by one, when very fit)") { a in
            (56...64).contains(a.age ?? 0) ? .because(.age) : nil
        },
        Rule("ten-years-or-more", .level(.discuss), "10 or more years since diagnosis") { a in
            (a.yearsSinceDiagnosis ?? 0) >= 10 ? .because(.yearsSinceDiagnosis) : nil
        },
        Rule("edss-6-0", .level(.discuss), "EDSS 6.0 (or walking: a cane, crutch or brace on one side for about 100 m)") { a in
            a.effectiveEDSS?.score == 6.0 ? .because(a.edssField) : nil
        },
        Rule("high-edss-from-relapse", .level(.discuss), "EDSS 6.5 to 7.5 that came with a recent relapse") { a in
            a.hasHighEDSS && a.disabilityFromRecentRelapse == .yes ? .because(a.edssField, .disabilityFromRecentRelapse) : nil
        },
        Rule("progressive-with-activity", .level(.discuss),
             "Secondary or primary progressive MS with activity after a high-efficacy or sources-differ drug") { a in
            a.isProgressive && a.isActive == true && (a.triedHighEfficacy || a.triedSourcesDiffer)
                ? .because(.subtype, a.activityField, .therapies) : nil
        },
        Rule("no-high-efficacy-tried", .level(.discuss),
             "Active without having tried a high-efficacy or sources-differ drug (platform only or none), unless high-efficacy drugs are ruled out") { a in
            a.isActive == true && a.therapies != nil && !a.triedHighEfficacy && !a.triedSourcesDiffer
                && a.highEfficacyContraindicated != true && !a.isProgressive
                ? .because(.therapies) : nil
        },
        Rule("ruled-out-untreated", .level(.discuss),
             "High-efficacy drugs ruled out, but no MS drug ever tried (AHSCT as a first treatment only in a trial)") { a in
            a.highEfficacyContraindicated == true && a.therapies == [] && a.isActive == true && !a.isProgressive
                ? .because(.highEfficacyContraindicated, .therapies) : nil
        },
        Rule("ruled-out-not-substantial", .level(.discuss),
             "High-efficacy drugs ruled out, another drug tried, and activity that is not substantial (one relapse, or MRI only)") { a in
            a.highEfficacyContraindicated == true && a.therapies?.isEmpty == false && a.isActive == true
                && a.hasSubstantialActivity == false && !a.isProgressive
                ? .because(.highEfficacyContraindicated, .relapsesLast12Months, .newMRIActivityLast12Months) : nil
        },
        Rule("not-substantial-on-high-efficacy", .level(.discuss),
             "Activity on a high-efficacy drug that is not substantial (one relapse, or MRI only)") { a in
            a.onStrongDrugRulesApply && a.triedHighEfficacy && a.activeOnTreatment == .yes && a.hasSubstantialActivity == false
                ? .because(.activeOnTreatment, .relapsesLast12Months, .newMRIActivityLast12Months) : nil
        },
        Rule("activity-early-on-drug", .level(.discuss), "Activity only in the first 6 months on the drug") { a in
            a.onStrongDrugRulesApply && a.activeOnTreatment == .early ? .because(.activeOnTreatment) : nil
        },
        Rule("activity-on-sources-differ", .level(.discuss),
             "Activity on a sources-differ drug (cladribine or an S1P drug), no high-efficacy drug tried") { a in
            a.onStrongDrugRulesApply && !a.triedHighEfficacy && a.triedSourcesDiffer && a.activeOnTreatment == .yes
                ? .because(.therapies, .activeOnTreatment) : nil
        },
        Rule("active-not-on-treatment", .level(.discuss), "Active, but not while on the high-efficacy or sources-differ drug") { a in
            a.onStrongDrugRulesApply && a.activeOnTreatment == .no ? .because(.activeOnTreatment) : nil
        },

        // Strong: the group in whom the evidence is strongest.
        Rule("strong-profile", .level(.strong),
             "Relapsing-remitting; breakthrough (substantial activity after 6+ months on a high-efficacy drug), or high-efficacy drugs ruled out with another drug tried and substantial activity; age 18-49; under 10 years since diagnosis; EDSS 5.5 or less; no serious illness") { a in
            let ruledOutPath = a.highEfficacyContraindicated == true && a.therapies?.isEmpty == false && a.hasSubstantialActivity == true
            guard a.subtype == .relapsingRemitting, a.hasBreakthrough || ruledOutPath,
                  let age = a.age, (18...49).contains(age),
                  let years = a.yearsSinceDiagnosis, years < 10,
                  let edss = a.effectiveEDSS, edss.score <= 5.5,
                  a.seriousComorbidity == false
            else { return nil }
            var fields: [AnswerField] = [.subtype, .relapsesLast12Months]
            if (a.relapsesLast12Months ?? 0) < 2 { fields.append(.newMRIActivityLast12Months) }
            fields += a.hasBreakthrough ? [.therapies, .activeOnTreatment] : [.highEfficacyContraindicated, .therapies]
            fields += [.age, .yearsSinceDiagnosis, a.edssField, .seriousComorbidity]
            return Trigger(fields: fields)
        },

        // Notes add context without changing the level.
        Rule("age-45-to-49", .note, "Age 45 to 49: the 2025 European consensus prefers under 45") { a in
            (45...49).contains(a.age ?? 0) ? .because(.age) : nil
        },
        Rule("progressive-one-sign", .note,
             "Progressive MS where only one of relapses or MRI showed activity (ECTRIMS/EBMT asks for both)") { a in
            guard a.isProgressive else { return nil }
            let relapse = (a.relapsesLast12Months ?? 0) > 0
            let oneSign = relapse ? a.newMRIActivityLast12Months == .no : a.newMRIActivityLast12Months == .yes
            return oneSign ? .because(.relapsesLast12Months, .newMRIActivityLast12Months) : nil
        },
    ]

    /// Rules the table does not test directly: they say how unsure or missing
    /// answers bear on the level (see RuleTable+Unknowns.swift).
    public static let unknownRules: [Rule] = [
        Rule("activity-unknown", .level(.needMoreInformation),
             "MRI activity unknown, and the MRI would change the level", settledBy: [.newMRIActivityLast12Months]) { _ in nil },
        Rule("relapse-cause-unsure", .level(.needMoreInformation),
             "EDSS 6.5 to 7.5 (or not given, so it could be), unsure whether it came with a recent relapse, and that would change the level",
             settledBy: [.disabilityFromRecentRelapse]) { _ in nil },
        Rule("active-on-treatment-unsure", .level(.needMoreInformation),
             "Unsure whether the activity happened while on the drug, and that would change the level",
             settledBy: [.activeOnTreatment]) { _ in nil },
        Rule("answer-unsure", .level(.needMoreInformation),
             "Not sure about serious illness, or whether high-efficacy drugs are ruled out, and that would change the level") { _ in nil },
        Rule("missing-answer", .level(.needMoreInformation), "An answer that would change the level is missing") { _ in nil },
        Rule("unknown-would-not-change", .note,
             "Unsure or missing answers that would not change the level, whatever they were") { _ in nil },
    ]

    /// Every rule with words in content: the table, then the unknown-answer rules.
    public static var allRules: [Rule] { rules + unknownRules }
}

extension Answers {
    var triedHighEfficacy: Bool {
        (therapies ?? []).contains { TherapyIDs.highEfficacy.contains($0) }
    }

    var triedSourcesDiffer: Bool {
        (therapies ?? []).contains { TherapyIDs.sourcesDiffer.contains($0) }
    }

    /// The drugs the activity-on-treatment question is about: the
    /// high-efficacy drugs tried, else the sources-differ ones.
    public var strongDrugsTried: [String] {
        let tried = therapies ?? []
        let high = tried.filter { TherapyIDs.highEfficacy.contains($0) }
        return high.isEmpty ? tried.filter { TherapyIDs.sourcesDiffer.contains($0) } : high
    }

    var isProgressive: Bool {
        subtype == .secondaryProgressive || subtype == .primaryProgressive
    }

    /// EDSS 6.5 to 7.5: acceptable only when a recent relapse caused it.
    var hasHighEDSS: Bool {
        guard let score = effectiveEDSS?.score else { return false }
        return score >= 6.5 && score < 8
    }

    /// The activity-on-treatment rules speak about relapsing MS that was
    /// active after a high-efficacy or sources-differ drug, when those drugs
    /// are not ruled out (then the ruled-out rules speak instead).
    var onStrongDrugRulesApply: Bool {
        isActive == true && (triedHighEfficacy || triedSourcesDiffer)
            && highEfficacyContraindicated != true && !isProgressive
    }

    /// Substantial activity after at least 6 months on a high-efficacy drug.
    var hasBreakthrough: Bool {
        hasSubstantialActivity == true && triedHighEfficacy && activeOnTreatment == .yes
    }

    /// The answer the EDSS came from, for "because you said".
    var edssField: AnswerField { edss != nil ? .edss : .walking }

    /// The answer that showed activity (a relapse, else the MRI).
    var activityField: AnswerField {
        (relapsesLast12Months ?? 0) > 0 ? .relapsesLast12Months : .newMRIActivityLast12Months
    }
}
