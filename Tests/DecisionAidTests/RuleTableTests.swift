import Testing
@testable import DecisionAid

/// The strong profile: relapsing-remitting, breakthrough on ocrelizumab,
/// 34, 4 years, walking unlimited, no serious illness. Each test changes one thing.
func strongPerson() -> Answers {
    var a = Answers()
    a.age = 34
    a.subtype = .relapsingRemitting
    a.relapsesLast12Months = 2
    a.newMRIActivityLast12Months = .yes
    a.walking = .unlimited
    a.yearsSinceDiagnosis = 4
    a.therapies = ["ocrelizumab"]
    a.activeOnTreatment = .yes
    a.highEfficacyContraindicated = false
    a.seriousComorbidity = false
    return a
}

func evaluate(_ a: Answers) -> (level: CandidacyLevel, rules: [String]) {
    let result = RuleTable.evaluate(a)
    return (result.level, result.fired.map(\.rule.id))
}

func with(_ change: (inout Answers) -> Void) -> Answers {
    var a = strongPerson()
    change(&a)
    return a
}

@Suite struct RuleTableTests {
    @Test func strongProfileIsStrong() {
        let r = evaluate(strongPerson())
        #expect(r.level == .strong)
        #expect(r.rules == ["strong-profile"])
    }

    @Test(arguments: [(17, CandidacyLevel.discuss, "under-18"), (18, .strong, nil)] as [(Int, CandidacyLevel, String?)])
    func age17And18(age: Int, level: CandidacyLevel, rule: String?) {
        let r = evaluate(with { $0.age = age })
        #expect(r.level == level)
        if let rule { #expect(r.rules.contains(rule)) } else { #expect(!r.rules.contains("under-18")) }
    }

    @Test func age44HasNoNoteAnd45Does() {
        #expect(!evaluate(with { $0.age = 44 }).rules.contains("age-45-to-49"))
        let r = evaluate(with { $0.age = 45 })
        #expect(r.level == .strong)
        #expect(r.rules.contains("age-45-to-49"))
    }

    @Test func age49And50() {
        let r49 = evaluate(with { $0.age = 49 })
        #expect(r49.level == .strong)
        #expect(r49.rules.contains("age-45-to-49"))
        let r50 = evaluate(with { $0.age = 50 })
        #expect(r50.level == .discuss)
        #expect(r50.rules.contains("age-50-to-59"))
        #expect(!r50.rules.contains("strong-profile"))
    }

    @Test func age59And60() {
        #expect(evaluate(with { $0.age = 59 }).level == .discuss)
        let r60 = evaluate(with { $0.age = 60 })
        #expect(r60.level == .notSupported)
        #expect(r60.rules.contains("age-60-or-over"))
        #expect(!r60.rules.contains("age-50-to-59"))
    }

    @Test func years9And10() {
        #expect(evaluate(with { $0.yearsSinceDiagnosis = 9 }).level == .strong)
        let r = evaluate(with { $0.yearsSinceDiagnosis = 10 })
        #expect(r.level == .discuss)
        #expect(r.rules.contains("ten-years-or-more"))
    }

    @Test func exactEDSSThresholds() {
        #expect(evaluate(with { $0.edss = 5.5 }).level == .strong)
        let r6 = evaluate(with { $0.edss = 6.0 })
        #expect(r6.level == .discuss)
        #expect(r6.rules.contains("edss-6-0"))
        #expect(evaluate(with { $0.edss = 6.5; $0.disabilityFromRecentRelapse = .no }).level == .notSupported)
        #expect(evaluate(with { $0.edss = 6.5; $0.disabilityFromRecentRelapse = .no }).rules.contains("edss-6-5-not-from-relapse"))
        let fromRelapse = evaluate(with { $0.edss = 6.5; $0.disabilityFromRecentRelapse = .yes })
        #expect(fromRelapse.level == .discuss)
        #expect(fromRelapse.rules.contains("edss-6-5-from-relapse"))
        let unsure = evaluate(with { $0.edss = 6.5; $0.disabilityFromRecentRelapse = .unsure })
        #expect(unsure.level == .needMoreInformation)
        #expect(unsure.rules.contains("relapse-cause-unsure"))
        let notAsked = evaluate(with { $0.edss = 6.5 })
        #expect(notAsked.level == .needMoreInformation)
        #expect(notAsked.rules.contains("missing-answer"))
        let r7 = evaluate(with { $0.edss = 7.0; $0.disabilityFromRecentRelapse = .yes })
        #expect(r7.level == .notSupported)
        #expect(r7.rules.contains("edss-7-or-more"))
    }

    @Test func exactEDSSWinsOverWalking() {
        #expect(evaluate(with { $0.walking = .wheelchair; $0.edss = 4.0 }).level == .strong)
    }

    @Test(arguments: [
        (Walking.unlimited, CandidacyLevel.strong, nil),
        (.limited, .strong, nil),
        (.oneSidedAid, .discuss, "edss-6-0"),
        (.wheelchair, .notSupported, "edss-7-or-more"),
        (.bedbound, .notSupported, "edss-7-or-more"),
    ] as [(Walking, CandidacyLevel, String?)])
    func walkingBands(walking: Walking, level: CandidacyLevel, rule: String?) {
        let r = evaluate(with { $0.walking = walking })
        #expect(r.level == level)
        if let rule { #expect(r.rules.contains(rule)) }
    }

    @Test func twoSidedAidDependsOnRelapse() {
        #expect(evaluate(with { $0.walking = .twoSidedAid; $0.disabilityFromRecentRelapse = .no }).level == .notSupported)
        #expect(evaluate(with { $0.walking = .twoSidedAid; $0.disabilityFromRecentRelapse = .yes }).level == .discuss)
    }

    @Test func seriousIllnessIsNotSupported() {
        let r = evaluate(with { $0.seriousComorbidity = true })
        #expect(r.level == .notSupported)
        #expect(r.rules.contains("serious-comorbidity"))
    }

    @Test func noActivityIsNotSupported() {
        let r = evaluate(with { $0.relapsesLast12Months = 0; $0.newMRIActivityLast12Months = .no })
        #expect(r.level == .notSupported)
        #expect(r.rules.contains("no-recent-activity"))
    }

    @Test func mriAloneMakesActive() {
        #expect(evaluate(with { $0.relapsesLast12Months = 0; $0.newMRIActivityLast12Months = .yes }).level == .strong)
    }

    @Test func unknownMRIWithoutRelapseNeedsMore() {
        let r = evaluate(with { $0.relapsesLast12Months = 0; $0.newMRIActivityLast12Months = .unknown })
        #expect(r.level == .needMoreInformation)
        #expect(r.rules.contains("activity-unknown"))
        // With a relapse, the MRI does not matter.
        #expect(evaluate(with { $0.newMRIActivityLast12Months = .unknown }).level == .strong)
        #expect(evaluate(with { $0.newMRIActivityLast12Months = nil }).level == .strong)
    }

    @Test func subtypes() {
        #expect(evaluate(with { $0.subtype = .unsure }).rules.contains("subtype-unsure"))
        #expect(evaluate(with { $0.subtype = .unsure }).level == .needMoreInformation)
        #expect(evaluate(with { $0.subtype = .clinicallyIsolated }).rules.contains("clinically-isolated"))
        for progressive in [Subtype.secondaryProgressive, .primaryProgressive] {
            let r = evaluate(with { $0.subtype = progressive })
            #expect(r.level == .discuss)
            #expect(r.rules.contains("progressive-with-activity"))
            let quiet = evaluate(with { $0.subtype = progressive; $0.relapsesLast12Months = 0; $0.newMRIActivityLast12Months = .no })
            #expect(quiet.level == .notSupported)
        }
    }

    @Test func platformOnlyOrNoTreatmentIsDiscuss() {
        for therapies in [["interferon-beta", "fingolimod", "cladribine"], []] {
            let r = evaluate(with { $0.therapies = therapies; $0.activeOnTreatment = .yes })
            #expect(r.level == .discuss)
            #expect(r.rules.contains("no-high-efficacy-tried"))
        }
    }

    @Test func highEfficacyRuledOutCountsInsteadOfBreakthrough() {
        let r = evaluate(with { $0.therapies = []; $0.activeOnTreatment = nil; $0.highEfficacyContraindicated = true })
        #expect(r.level == .strong)
        #expect(!r.rules.contains("no-high-efficacy-tried"))
    }

    @Test func activeButNotOnTreatment() {
        let r = evaluate(with { $0.activeOnTreatment = .no })
        #expect(r.level == .discuss)
        #expect(r.rules.contains("active-not-on-treatment"))
        let unsure = evaluate(with { $0.activeOnTreatment = .unsure })
        #expect(unsure.level == .needMoreInformation)
        #expect(unsure.rules.contains("active-on-treatment-unsure"))
    }

    @Test func missingAnswersNeedMoreAndSayWhich() {
        let result = RuleTable.evaluate(Answers())
        #expect(result.level == .needMoreInformation)
        let missing = result.fired.first { $0.rule.id == "missing-answer" }?.trigger
        #expect(missing?.missing == true)
        #expect(missing?.fields == [.age, .subtype, .relapsesLast12Months, .newMRIActivityLast12Months, .walking, .yearsSinceDiagnosis, .therapies, .seriousComorbidity])
    }

    @Test func notSupportedIsCheckedOnKnownAnswersFirst() {
        var a = Answers()
        a.age = 64
        let r = evaluate(a)
        #expect(r.level == .notSupported)
        #expect(r.rules.contains("missing-answer"))
    }

    @Test func everyCombinationDecidesWithAReasonAtItsLevel() {
        // Walk a grid of answers: every result must have at least one fired rule at the deciding level.
        var count = 0
        for age in [16, 30, 47, 55, 62, nil] as [Int?] {
            for subtype in Subtype.allCases.map(Optional.some) + [nil] {
                for relapses in [0, 1, nil] as [Int?] {
                    for mri in MRIActivity.allCases.map(Optional.some) + [nil] {
                        for walking in Walking.allCases {
                            for therapies in [[], ["glatiramer-acetate"], ["natalizumab"], nil] as [[String]?] {
                                for onTreatment in YesNoUnsure.allCases.map(Optional.some) + [nil] {
                                    var a = Answers()
                                    a.age = age; a.subtype = subtype; a.relapsesLast12Months = relapses
                                    a.newMRIActivityLast12Months = mri; a.walking = walking; a.therapies = therapies
                                    a.activeOnTreatment = onTreatment; a.yearsSinceDiagnosis = 3
                                    a.seriousComorbidity = false; a.disabilityFromRecentRelapse = .yes
                                    let result = RuleTable.evaluate(a)
                                    let deciding = result.fired.contains { $0.rule.kind == .level(result.level) }
                                    #expect(deciding, "no reason at level \(result.level) for \(a)")
                                    count += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        #expect(count > 10_000)
    }
}
