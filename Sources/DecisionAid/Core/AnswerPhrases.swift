import Content

/// Answers echoed back in plain words, for "because you said …" and the review screen.
public enum AnswerPhrases {
    /// What a question is about, for "you have not answered …".
    public static func topic(_ field: AnswerField) -> String {
        switch field {
        case .age: return "your age"
        case .subtype: return "your type of MS"
        case .relapsesLast12Months: return "how many relapses you had in the last 12 months"
        case .newMRIActivityLast12Months: return "whether an MRI showed new or active lesions in the last 12 months"
        case .walking, .edss: return "how far you can walk (or your EDSS score)"
        case .disabilityFromRecentRelapse: return "whether your disability came on with a recent relapse"
        case .yearsSinceDiagnosis: return "how many years since you were diagnosed"
        case .therapies: return "which MS treatments you have tried"
        case .activeOnTreatment: return "whether the activity came while you were on the drug"
        case .highEfficacyContraindicated: return "whether a doctor has ruled out high-efficacy treatment"
        case .seriousComorbidity: return "whether you have a serious heart, lung, liver or kidney illness"
        }
    }

    /// The answer given, as a phrase that follows "because".
    public static func phrase(_ field: AnswerField, _ a: Answers, _ content: ContentSet) -> String {
        switch field {
        case .age:
            return a.age.map { "you are \($0)" } ?? "you have not given your age"
        case .subtype:
            switch a.subtype {
            case .relapsingRemitting?: return "you have relapsing-remitting MS"
            case .secondaryProgressive?: return "you have secondary progressive MS"
            case .primaryProgressive?: return "you have primary progressive MS"
            case .clinicallyIsolated?: return "you have had a clinically isolated syndrome"
            case .unsure?: return "you are not sure which type of MS you have"
            case nil: return "you have not said which type of MS you have"
            }
        case .relapsesLast12Months:
            switch a.relapsesLast12Months {
            case 0?: return "you had no relapses in the last 12 months"
            case 1?: return "you had 1 relapse in the last 12 months"
            case let n?: return "you had \(n) relapses in the last 12 months"
            case nil: return "you have not said how many relapses you had"
            }
        case .newMRIActivityLast12Months:
            switch a.newMRIActivityLast12Months {
            case .yes?: return "an MRI showed new or active lesions in the last 12 months"
            case .no?: return "no MRI showed new or active lesions in the last 12 months"
            case .unknown?: return "you don't know whether an MRI showed new lesions"
            case nil: return "you have not said whether an MRI showed new lesions"
            }
        case .walking:
            switch a.walking {
            case .unlimited?: return "you can walk as far as you like without help (about EDSS 0-3.5)"
            case .limited?: return "you can walk without an aid, but not far (about EDSS 4.0-5.5)"
            case .oneSidedAid?: return "you use a cane, crutch or brace on one side to walk about 100 metres (about EDSS 6.0)"
            case .twoSidedAid?: return "you need aids on both sides to walk about 20 metres (about EDSS 6.5)"
            case .wheelchair?: return "you mostly use a wheelchair (about EDSS 7.0-7.5)"
            case .bedbound?: return "you spend most of the day in bed (about EDSS 8.0 or more)"
            case nil: return "you have not said how far you can walk"
            }
        case .edss:
            return a.edss.map { "your EDSS score is \(format($0))" } ?? "you have not given an EDSS score"
        case .disabilityFromRecentRelapse:
            switch a.disabilityFromRecentRelapse {
            case .yes?: return "your disability came on with a recent relapse"
            case .no?: return "your disability did not come on with a recent relapse"
            case .unsure?: return "you are not sure whether your disability came on with a recent relapse"
            case nil: return "you have not said whether your disability came with a relapse"
            }
        case .yearsSinceDiagnosis:
            switch a.yearsSinceDiagnosis {
            case 0?: return "you were diagnosed less than a year ago"
            case 1?: return "you were diagnosed 1 year ago"
            case let n?: return "you were diagnosed \(n) years ago"
            case nil: return "you have not said when you were diagnosed"
            }
        case .therapies:
            guard let ids = a.therapies else { return "you have not said which treatments you tried" }
            if ids.isEmpty { return "you have not taken any MS treatment" }
            let names = ids.map { content.therapy($0)?.name ?? $0 }
            let kind: String
            if a.triedHighEfficacy {
                kind = ""
            } else if a.triedSourcesDiffer {
                kind = " (sources differ on whether cladribine and the S1P drugs count as high-efficacy)"
            } else {
                kind = " (no high-efficacy drug among them)"
            }
            return "you have taken \(list(names))\(kind)"
        case .activeOnTreatment:
            switch a.activeOnTreatment {
            case .yes?: return "the activity came after 6 months or more on the drug"
            case .early?: return "the activity came only in the first 6 months on the drug"
            case .no?: return "the activity did not come while you were on the drug"
            case .unsure?: return "you are not sure whether the activity came while you were on the drug"
            case nil: return "you have not said whether the activity came while you were on the drug"
            }
        case .highEfficacyContraindicated:
            switch a.highEfficacyContraindicated {
            case true?: return "a doctor has ruled out high-efficacy treatment for you"
            case false?: return "no doctor has ruled out high-efficacy treatment for you"
            case nil where a.notSure.contains(field): return "you are not sure whether a doctor has ruled out high-efficacy treatment"
            case nil: return "you have not said whether a doctor has ruled out high-efficacy treatment"
            }
        case .seriousComorbidity:
            switch a.seriousComorbidity {
            case true?: return "you have a serious heart, lung, liver or kidney illness"
            case false?: return "you do not have a serious heart, lung, liver or kidney illness"
            case nil where a.notSure.contains(field): return "you are not sure whether you have a serious heart, lung, liver or kidney illness"
            case nil: return "you have not said whether you have a serious illness"
            }
        }
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}
