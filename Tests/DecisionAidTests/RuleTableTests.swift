import Foundation
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
    @Test func theTableFitsTheEvaluatorsBitMasks() {
        #expect(RuleTable.rules.count < 64)
        #expect(Set(RuleTable.allRules.map(\.id)).count == RuleTable.allRules.count)
    }

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
        let r50 = evaluate(with { $0.age = 50 })
        #expect(r50.level == .discuss)
        #expect(r50.rules.contains("age-50-to-55"))
        #expect(!r50.rules.contains("strong-profile"))
    }

    @Test func age55And56() {
        let r55 = evaluate(with { $0.age = 55 })
        #expect(r55.level == .discuss)
        #expect(r55.rules.contains("age-50-to-55"))
        let r56 = evaluate(with { $0.age = 56 })
        #expect(r56.level == .discuss)
        #expect(r56.rules.contains("age-56-to-64"))
        #expect(!r56.rules.contains("over-55-with-another-limit"))
        // Over 55 only one by one: another limit passed makes it not supported (55 stays discuss).
        for change in [{ (a: inout Answers) in a.yearsSinceDiagnosis = 10 }, { $0.edss = 6.0 },
                       { $0.subtype = .secondaryProgressive }] {
            var at56 = with { $0.age = 56 }
            change(&at56)
            let r = evaluate(at56)
            #expect(r.level == .notSupported)
            #expect(r.rules.contains("over-55-with-another-limit"))
            var at55 = with { $0.age = 55 }
            change(&at55)
            #expect(evaluate(at55).level == .discuss)
        }
    }

    @Test func age60AloneIsNoLongerNotSupported() {
        // Review M1 (T50): fit, 60, breakthrough on ocrelizumab.
        #expect(evaluate(with { $0.age = 60 }).level == .discuss)
    }

    @Test func age64And65() {
        #expect(evaluate(with { $0.age = 64 }).level == .discuss)
        let r65 = evaluate(with { $0.age = 65 })
        #expect(r65.level == .notSupported)
        #expect(r65.rules.contains("age-65-or-over"))
        #expect(!r65.rules.contains("age-56-to-64"))
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
        for score in [6.5, 7.0, 7.5] {
            let notFromRelapse = evaluate(with { $0.edss = score; $0.disabilityFromRecentRelapse = .no })
            #expect(notFromRelapse.level == .notSupported, "EDSS \(score)")
            #expect(notFromRelapse.rules.contains("high-edss-not-from-relapse"))
            let fromRelapse = evaluate(with { $0.edss = score; $0.disabilityFromRecentRelapse = .yes })
            #expect(fromRelapse.level == .discuss, "EDSS \(score)")
            #expect(fromRelapse.rules.contains("high-edss-from-relapse"))
            let unsure = evaluate(with { $0.edss = score; $0.disabilityFromRecentRelapse = .unsure })
            #expect(unsure.level == .needMoreInformation)
            #expect(unsure.rules.contains("relapse-cause-unsure"))
            let notAsked = evaluate(with { $0.edss = score })
            #expect(notAsked.level == .needMoreInformation)
            #expect(notAsked.rules.contains("missing-answer"))
        }
        let r8 = evaluate(with { $0.edss = 8.0; $0.disabilityFromRecentRelapse = .yes })
        #expect(r8.level == .notSupported)
        #expect(r8.rules.contains("edss-8-or-more"))
        // At 8.0 the cause does not matter, so it is not asked and not missing.
        #expect(evaluate(with { $0.edss = 8.0 }).level == .notSupported)
        #expect(!with { $0.edss = 8.0 }.applies(.disabilityFromRecentRelapse))
        #expect(!with { $0.edss = 6.0 }.applies(.disabilityFromRecentRelapse))
    }

    @Test func exactEDSSWinsOverWalking() {
        #expect(evaluate(with { $0.walking = .wheelchair; $0.edss = 4.0 }).level == .strong)
    }

    @Test(arguments: [
        (Walking.unlimited, CandidacyLevel.strong, nil),
        (.limited, .strong, nil),
        (.oneSidedAid, .discuss, "edss-6-0"),
        (.bedbound, .notSupported, "edss-8-or-more"),
    ] as [(Walking, CandidacyLevel, String?)])
    func walkingBands(walking: Walking, level: CandidacyLevel, rule: String?) {
        let r = evaluate(with { $0.walking = walking })
        #expect(r.level == level)
        if let rule { #expect(r.rules.contains(rule)) }
    }

    @Test(arguments: [Walking.twoSidedAid, .wheelchair])
    func aidsOnBothSidesOrAWheelchairDependOnRelapse(walking: Walking) {
        // Review M2 (T14): EDSS 7.0 after a relapse 2 months ago.
        #expect(evaluate(with { $0.walking = walking; $0.disabilityFromRecentRelapse = .no }).level == .notSupported)
        #expect(evaluate(with { $0.walking = walking; $0.disabilityFromRecentRelapse = .yes }).level == .discuss)
    }

    @Test func seriousIllnessIsNotSupported() {
        let r = evaluate(with { $0.seriousComorbidity = true })
        #expect(r.level == .notSupported)
        #expect(r.rules.contains("serious-comorbidity"))
    }

    @Test func noActivityIsNotSupported() {
        let r = evaluate(with { $0.relapsesLast12Months = 0; $0.newMRIActivityLast12Months = .no; $0.activeOnTreatment = nil })
        #expect(r.level == .notSupported)
        #expect(r.rules.contains("no-recent-activity"))
    }

    @Test func oneVersusTwoRelapses() {
        // Review H1 (T49): one relapse on ocrelizumab is not "strong".
        let one = evaluate(with { $0.relapsesLast12Months = 1; $0.newMRIActivityLast12Months = .no })
        #expect(one.level == .discuss)
        #expect(one.rules.contains("not-substantial-on-high-efficacy"))
        #expect(evaluate(with { $0.relapsesLast12Months = 1; $0.newMRIActivityLast12Months = .yes }).level == .strong)
        #expect(evaluate(with { $0.relapsesLast12Months = 2; $0.newMRIActivityLast12Months = nil }).level == .strong)
        // Review H1 (T35): MRI only on ocrelizumab.
        let mriOnly = evaluate(with { $0.relapsesLast12Months = 0; $0.newMRIActivityLast12Months = .yes })
        #expect(mriOnly.level == .discuss)
        #expect(mriOnly.rules.contains("not-substantial-on-high-efficacy"))
    }

    @Test func earlyVersusAfterSixMonths() {
        let early = evaluate(with { $0.activeOnTreatment = .early })
        #expect(early.level == .discuss)
        #expect(early.rules.contains("activity-early-on-drug"))
        #expect(evaluate(with { $0.activeOnTreatment = .yes }).level == .strong)
    }

    @Test func theMRIMattersOnlyWhereItChangesTheLevel() {
        // The issue's example: 1 relapse and MRI unknown matters at 25 on ocrelizumab, not at 52.
        let young = RuleTable.evaluate(with { $0.age = 25; $0.relapsesLast12Months = 1; $0.newMRIActivityLast12Months = .unknown })
        #expect(young.level == .needMoreInformation)
        #expect(young.deciding == [.newMRIActivityLast12Months])
        #expect(young.fired.contains { $0.rule.id == "activity-unknown" })
        let older = RuleTable.evaluate(with { $0.age = 52; $0.relapsesLast12Months = 1; $0.newMRIActivityLast12Months = .unknown })
        #expect(older.level == .discuss)
        #expect(older.deciding.isEmpty)
        #expect(older.notDeciding == [.newMRIActivityLast12Months])
        #expect(older.fired.contains { $0.rule.id == "unknown-would-not-change" && $0.trigger.fields == [.newMRIActivityLast12Months] })
        // With 2 relapses the MRI is not asked at all.
        #expect(!with { $0.newMRIActivityLast12Months = nil }.applies(.newMRIActivityLast12Months))
        #expect(with { $0.relapsesLast12Months = 1 }.applies(.newMRIActivityLast12Months))
        #expect(with { $0.relapsesLast12Months = 0 }.applies(.newMRIActivityLast12Months))
    }

    @Test func subtypes() {
        #expect(evaluate(with { $0.subtype = .unsure }).rules.contains("subtype-unsure"))
        #expect(evaluate(with { $0.subtype = .unsure }).level == .needMoreInformation)
        #expect(evaluate(with { $0.subtype = .clinicallyIsolated }).rules.contains("clinically-isolated"))
        #expect(evaluate(with { $0.subtype = .clinicallyIsolated }).level == .needMoreInformation)
        for progressive in [Subtype.secondaryProgressive, .primaryProgressive] {
            let r = evaluate(with { $0.subtype = progressive })
            #expect(r.level == .discuss)
            #expect(r.rules.contains("progressive-with-activity"))
            #expect(!r.rules.contains("progressive-one-sign"))
            let quiet = evaluate(with { $0.subtype = progressive; $0.relapsesLast12Months = 0; $0.newMRIActivityLast12Months = .no })
            #expect(quiet.level == .notSupported)
        }
    }

    @Test func progressiveNeedsADrugFirstAndBothSigns() {
        // Review M4 (T19): untreated active PPMS.
        let untreated = evaluate(with { $0.subtype = .primaryProgressive; $0.therapies = []; $0.activeOnTreatment = nil })
        #expect(untreated.level == .notSupported)
        #expect(untreated.rules.contains("progressive-untreated"))
        let platform = evaluate(with { $0.subtype = .secondaryProgressive; $0.therapies = ["interferon-beta"]; $0.activeOnTreatment = nil })
        #expect(platform.level == .notSupported)
        // Review M3 (T16): MRI-only activity says the case is weaker.
        let mriOnly = evaluate(with { $0.subtype = .secondaryProgressive; $0.relapsesLast12Months = 0; $0.newMRIActivityLast12Months = .yes })
        #expect(mriOnly.level == .discuss)
        #expect(mriOnly.rules.contains("progressive-one-sign"))
        let relapseOnly = evaluate(with { $0.subtype = .secondaryProgressive; $0.relapsesLast12Months = 1; $0.newMRIActivityLast12Months = .no })
        #expect(relapseOnly.rules.contains("progressive-one-sign"))
    }

    @Test func eachClassOfDrug() {
        let platform = evaluate(with { $0.therapies = ["interferon-beta", "dimethyl-fumarate"]; $0.activeOnTreatment = nil })
        #expect(platform.level == .discuss)
        #expect(platform.rules.contains("no-high-efficacy-tried"))
        let none = evaluate(with { $0.therapies = []; $0.activeOnTreatment = nil })
        #expect(none.rules.contains("no-high-efficacy-tried"))
        // Review H5 (T32): breakthrough on cladribine, and each S1P drug.
        for drug in ["cladribine", "fingolimod", "siponimod", "ozanimod", "ponesimod"] {
            let r = evaluate(with { $0.therapies = [drug] })
            #expect(r.level == .discuss, "\(drug)")
            #expect(r.rules == ["activity-on-sources-differ"], "\(drug)")
            #expect(with { $0.therapies = [drug] }.applies(.activeOnTreatment))
        }
        for drug in TherapyIDs.highEfficacy {
            #expect(evaluate(with { $0.therapies = [drug] }).level == .strong, "\(drug)")
        }
        // A high-efficacy drug tried as well: the question is about it.
        #expect(with { $0.therapies = ["cladribine", "natalizumab"] }.strongDrugsTried == ["natalizumab"])
        #expect(evaluate(with { $0.therapies = ["cladribine", "natalizumab"] }).level == .strong)
    }

    @Test func noTextCallsASourcesDifferDrugNotHighEfficacy() throws {
        let content = try ProgramContent.load(directory: nil)
        for drug in TherapyIDs.sourcesDiffer {
            let phrase = AnswerPhrases.phrase(.therapies, with { $0.therapies = [drug] }, content)
            #expect(!phrase.lowercased().contains("no high-efficacy"), "\(phrase)")
            #expect(!phrase.lowercased().contains("not a high-efficacy"), "\(phrase)")
            #expect(phrase.contains("sources differ"))
        }
        #expect(AnswerPhrases.phrase(.therapies, with { $0.therapies = ["interferon-beta"] }, content).contains("no high-efficacy drug"))
    }

    @Test func ruledOutButNeverTreatedIsDiscuss() {
        // Review H2 (T47): treatment-naive, high-efficacy ruled out, 1 relapse.
        let r = evaluate(with { $0.therapies = []; $0.activeOnTreatment = nil; $0.highEfficacyContraindicated = true; $0.relapsesLast12Months = 1; $0.newMRIActivityLast12Months = .no })
        #expect(r.level == .discuss)
        #expect(r.rules.contains("ruled-out-untreated"))
        #expect(evaluate(with { $0.therapies = []; $0.activeOnTreatment = nil; $0.highEfficacyContraindicated = true }).level == .discuss)
    }

    @Test func ruledOutWithAnotherDrugAndSubstantialActivityIsStrong() {
        let r = evaluate(with { $0.therapies = ["glatiramer-acetate"]; $0.activeOnTreatment = nil; $0.highEfficacyContraindicated = true })
        #expect(r.level == .strong)
        let little = evaluate(with { $0.therapies = ["glatiramer-acetate"]; $0.activeOnTreatment = nil; $0.highEfficacyContraindicated = true; $0.relapsesLast12Months = 1; $0.newMRIActivityLast12Months = .no })
        #expect(little.level == .discuss)
        #expect(little.rules.contains("ruled-out-not-substantial"))
    }

    @Test func activeButNotOnTheDrug() {
        // Review L12 (T53): active years after natalizumab, now on glatiramer.
        let r = evaluate(with { $0.therapies = ["natalizumab", "glatiramer-acetate"]; $0.activeOnTreatment = .no })
        #expect(r.level == .discuss)
        #expect(r.rules.contains("active-not-on-treatment"))
        let unsure = RuleTable.evaluate(with { $0.activeOnTreatment = .unsure })
        #expect(unsure.level == .needMoreInformation)
        #expect(unsure.fired.contains { $0.rule.id == "active-on-treatment-unsure" })
        #expect(unsure.deciding == [.activeOnTreatment])
    }

    @Test func missingAnswersNeedMoreAndSayWhich() {
        let result = RuleTable.evaluate(Answers())
        #expect(result.level == .needMoreInformation)
        let missing = result.fired.first { $0.rule.id == "missing-answer" }?.trigger
        #expect(missing?.missing == true)
        #expect(missing?.fields.contains(.age) == true)
        #expect(missing?.fields.contains(.subtype) == true)
    }

    @Test func anUnknownThatCannotChangeTheLevelIsNotAskedFor() {
        var a = Answers()
        a.age = 70
        let r = RuleTable.evaluate(a)
        #expect(r.level == .notSupported)
        #expect(r.deciding.isEmpty)
        #expect(r.fired.contains { $0.rule.id == "age-65-or-over" })
        #expect(!r.fired.contains { $0.rule.id == "missing-answer" })
        #expect(r.notDeciding.contains(.subtype))
        // An unsure illness answer that would change a strong result is asked for.
        let unanswered = RuleTable.evaluate(with { $0.seriousComorbidity = nil })
        #expect(unanswered.level == .needMoreInformation)
        #expect(unanswered.deciding == [.seriousComorbidity])
    }

    @Test func oldAnswerFilesStillParse() throws {
        for value in ["yes", "no", "unsure", "early"] {
            let json = #"{"age": 30, "activeOnTreatment": "\#(value)"}"#
            let answers = try AnswersJSON.parse(Data(json.utf8))
            #expect(answers.activeOnTreatment?.rawValue == value)
        }
    }

    /// Complete answers over a grid, with unknowns too: every result has a
    /// reason at its level, and the unknown answers are sorted correctly —
    /// checked here by filling them in by hand, not by the program's own list.
    @Test func unknownAnswersAreDecidingExactlyWhenTheyChangeTheLevel() {
        var count = 0
        for age in [16, 30, 52, 60, nil] as [Int?] {
            for subtype in [Subtype.relapsingRemitting, .secondaryProgressive, .unsure] {
                for relapses in [0, 1, 2] {
                    for mri in [MRIActivity.yes, .no, .unknown] where relapses < 2 || mri == .yes {
                        for edss in [3.0, 7.0] {
                            for therapies in [[], ["glatiramer-acetate"], ["cladribine"], ["ocrelizumab"], nil] as [[String]?] {
                                for onTreatment in ActivityOnTreatment.allCases.map(Optional.some) + [nil] {
                                    for illness in [false, nil] as [Bool?] {
                                        var a = Answers()
                                        a.age = age; a.subtype = subtype; a.relapsesLast12Months = relapses
                                        a.newMRIActivityLast12Months = relapses < 2 ? mri : nil; a.edss = edss
                                        a.disabilityFromRecentRelapse = edss > 6.5 ? .unsure : nil
                                        a.therapies = therapies; a.yearsSinceDiagnosis = 3
                                        a.activeOnTreatment = a.applies(.activeOnTreatment) ? onTreatment : nil
                                        a.highEfficacyContraindicated = false; a.seriousComorbidity = illness
                                        check(a)
                                        count += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        #expect(count > 5_000)
    }

    private func check(_ a: Answers) {
        let result = RuleTable.evaluate(a)
        #expect(result.fired.contains { $0.rule.kind == .level(result.level) }, "no reason at level \(result.level) for \(a)")
        let unknown = handFillings(a)
        let levels = Set(unknown.map { RuleTable.evaluate($0.answers).level })
        if result.level == .needMoreInformation && !result.deciding.isEmpty {
            // Some listed answer changes it: filled alone, its values give different levels
            // (with several deciding answers, one alone may leave the others deciding).
            let changes = result.deciding.contains { field in
                Set(unknown.filter { $0.field == field }.map { RuleTable.evaluate($0.answers).level }).count > 1
            }
            #expect(changes || result.deciding.count > 1, "no listed answer changes the level: \(a)")
            #expect(levels.count > 1 || result.deciding.count > 1, "need-more-information though every filling agrees: \(a)")
        } else if !levels.isEmpty {
            // No single unknown answer would change it.
            #expect(levels == [result.level], "\(result.level) but a filling gives \(levels): \(a)")
        }
    }

    /// Each unknown answer filled alone with every value it can take, the others left as they are.
    private func handFillings(_ a: Answers) -> [(answers: Answers, field: AnswerField)] {
        var out: [(answers: Answers, field: AnswerField)] = []
        func add(_ field: AnswerField, _ value: String, _ set: (inout Answers) -> Void) {
            var b = a
            set(&b)
            out.append((b, field))
        }
        if a.age == nil { for v in [16, 30, 47, 52, 60, 70] { add(.age, "\(v)") { $0.age = v } } }
        if a.newMRIActivityLast12Months == .unknown { for v in [MRIActivity.yes, .no] { add(.newMRIActivityLast12Months, v.rawValue) { $0.newMRIActivityLast12Months = v } } }
        if a.disabilityFromRecentRelapse == .unsure { for v in [YesNoUnsure.yes, .no] { add(.disabilityFromRecentRelapse, v.rawValue) { $0.disabilityFromRecentRelapse = v } } }
        if a.therapies == nil { for v in [[], ["interferon-beta"], ["fingolimod"], ["natalizumab"]] as [[String]] { add(.therapies, v.first ?? "none") { $0.therapies = v } } }
        if a.applies(.activeOnTreatment) && (a.activeOnTreatment == nil || a.activeOnTreatment == .unsure) {
            for v in [ActivityOnTreatment.yes, .early, .no] { add(.activeOnTreatment, v.rawValue) { $0.activeOnTreatment = v } }
        }
        if a.seriousComorbidity == nil { for v in [true, false] { add(.seriousComorbidity, "\(v)") { $0.seriousComorbidity = v } } }
        return out
    }
}

@Suite struct NotSureAnswersTests {
    @Test func notSureAboutIllnessAsksOnlyWhereItMatters() throws {
        var a = strongPerson()
        try AnswerParser.set(.seriousComorbidity, from: "unsure", in: &a)
        #expect(a.seriousComorbidity == nil && a.notSure == [.seriousComorbidity])
        let r = RuleTable.evaluate(a)
        #expect(r.level == .needMoreInformation)
        #expect(r.fired.first?.rule.id == "answer-unsure")
        #expect(r.deciding == [.seriousComorbidity])
        #expect(a.missingFields.isEmpty, "not sure is an answer, not a missing one")
        // At 70, illness or not, the level is the same: it is not asked for.
        a.age = 70
        #expect(RuleTable.evaluate(a).level == .notSupported)
        #expect(RuleTable.evaluate(a).notDeciding == [.seriousComorbidity])
        // A later yes or no replaces it.
        try AnswerParser.set(.seriousComorbidity, from: "no", in: &a)
        #expect(a.notSure.isEmpty && a.seriousComorbidity == false)
    }

    @Test func notSureWhetherStrongDrugsAreRuledOut() throws {
        var a = strongPerson()
        a.therapies = []
        a.activeOnTreatment = nil
        try AnswerParser.set(.highEfficacyContraindicated, from: "unsure", in: &a)
        // Untreated: ruled out or not, the guidelines say "discuss".
        #expect(RuleTable.evaluate(a).level == .discuss)
        #expect(QuestionFlow.choiceValue(.highEfficacyContraindicated, a) == "unsure")
        #expect(QuestionFlow.isAnswered(.highEfficacyContraindicated, a))
        let json = try AnswersJSON.parse(Data(#"{"seriousComorbidity": "unsure"}"#.utf8))
        #expect(json.notSure == [.seriousComorbidity])
        #expect(throws: AnswerError.self) { try AnswersJSON.parse(Data(#"{"seriousComorbidity": "maybe"}"#.utf8)) }
    }
}
