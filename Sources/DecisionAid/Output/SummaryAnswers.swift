import Content

/// The answers as short phrases for the summary's first page, where every
/// line counts: "age 34", "EDSS 6.5", "diagnosed 4 years ago". The review
/// screen and "because …" keep the full sentences of `AnswerPhrases`; these
/// say the same things in fewer words. Unsure and missing answers stay
/// distinct ("not sure" is not "not given").
enum SummaryAnswers {
    /// Every answer in question order as one sentence, then the questions
    /// the aid did not ask: "Age 34; relapsing-remitting MS; …; not asked:
    /// MRI (why: page 2)." A question not asked is not a "no".
    static func sentence(_ a: Answers, _ content: ContentSet) -> String {
        var phrases: [String] = []
        for field in AnswerField.allCases {
            if field == .edss && a.edss == nil { continue }
            // Walking is not asked when an exact EDSS score was given.
            if field == .walking && a.walking == nil && a.edss != nil { continue }
            if notAsked(field, a) != nil { continue }
            phrases.append(phrase(field, a, content))
        }
        let skipped = AnswerField.allCases.filter { notAsked($0, a) != nil }.map { label($0) }
        if !skipped.isEmpty { phrases.append("not asked: " + AnswerPhrases.list(skipped) + " (why: page 2)") }
        return phrases.joined(separator: "; ").capitalizedFirst() + "."
    }

    /// Why the aid did not ask this question ("Not asked: …"), or nil if it asked.
    static func notAsked(_ field: AnswerField, _ a: Answers) -> String? {
        guard field != .edss, !QuestionFlow.isAnswered(field, a) else { return nil }
        return QuestionFlow.skipReason(field, a)
    }

    /// "MRI", "type of MS": the question's short label inside a sentence.
    static func label(_ field: AnswerField) -> String {
        let label = QuestionView.shortLabel(field)
        let chars = Array(label)
        return chars.count > 1 && chars[1].isLowercase ? label.prefix(1).lowercased() + label.dropFirst() : label
    }

    static func phrase(_ field: AnswerField, _ a: Answers, _ content: ContentSet) -> String {
        switch field {
        case .age:
            return a.age.map { "age \($0)" } ?? "age: not given"
        case .subtype:
            switch a.subtype {
            case .relapsingRemitting?: return "relapsing-remitting MS"
            case .secondaryProgressive?: return "secondary progressive MS"
            case .primaryProgressive?: return "primary progressive MS"
            case .clinicallyIsolated?: return "clinically isolated syndrome"
            case .unsure?: return "type of MS: not sure"
            case nil: return "type of MS: not given"
            }
        case .relapsesLast12Months:
            switch a.relapsesLast12Months {
            case 0?: return "no relapses in 12 months"
            case 1?: return "1 relapse in 12 months"
            case let n?: return "\(n) relapses in 12 months"
            case nil: return "relapses in 12 months: not given"
            }
        case .newMRIActivityLast12Months:
            switch a.newMRIActivityLast12Months {
            case .yes?: return "new or active MRI lesions in 12 months"
            case .no?: return "no new or active MRI lesions in 12 months"
            case .unknown?: return "new MRI lesions: does not know"
            case nil: return "new MRI lesions: not given"
            }
        case .walking:
            switch a.walking {
            case .unlimited?: return "walks any distance without help (about EDSS 0-3.5)"
            case .limited?: return "walks without an aid, but not far (about EDSS 4.0-5.5)"
            case .oneSidedAid?: return "an aid on one side to walk about 100 metres (about EDSS 6.0)"
            case .twoSidedAid?: return "aids on both sides to walk about 20 metres (about EDSS 6.5)"
            case .wheelchair?: return "mostly uses a wheelchair (about EDSS 7.0-7.5)"
            case .bedbound?: return "in bed most of the day (about EDSS 8.0 or more)"
            case nil: return "walking: not given"
            }
        case .edss:
            return a.edss.map { "EDSS \(format($0))" } ?? "EDSS: not given"
        case .disabilityFromRecentRelapse:
            switch a.disabilityFromRecentRelapse {
            case .yes?: return "disability from a recent relapse"
            case .no?: return "disability not from a recent relapse"
            case .unsure?: return "disability from a recent relapse: not sure"
            case nil: return "disability from a relapse: not given"
            }
        case .yearsSinceDiagnosis:
            switch a.yearsSinceDiagnosis {
            case 0?: return "diagnosed less than a year ago"
            case 1?: return "diagnosed 1 year ago"
            case let n?: return "diagnosed \(n) years ago"
            case nil: return "years since diagnosis: not given"
            }
        case .therapies:
            guard let ids = a.therapies else { return "MS drugs taken: not given" }
            if ids.isEmpty { return "no MS drug taken" }
            let names = ids.map { content.therapy($0)?.name ?? $0 }
            let kind = a.triedHighEfficacy ? ""
                : a.triedSourcesDiffer ? " (sources differ on whether cladribine and the S1P drugs are high-efficacy)"
                : " (none of them high-efficacy)"
            return "has taken " + AnswerPhrases.list(names) + kind
        case .activeOnTreatment:
            switch a.activeOnTreatment {
            case .yes?: return "active after 6 months or more on the drug"
            case .early?: return "active only in the first 6 months on the drug"
            case .no?: return "not active while on the drug"
            case .unsure?: return "active while on the drug: not sure"
            case nil: return "activity on the drug: not given"
            }
        case .highEfficacyContraindicated:
            switch a.highEfficacyContraindicated {
            case true?: return "a doctor has ruled out high-efficacy treatment"
            case false?: return "high-efficacy treatment not ruled out"
            case nil where a.notSure.contains(field): return "high-efficacy treatment ruled out: not sure"
            case nil: return "high-efficacy treatment ruled out: not given"
            }
        case .seriousComorbidity:
            switch a.seriousComorbidity {
            case true?: return "has a serious heart, lung, liver or kidney illness"
            case false?: return "no serious heart, lung, liver or kidney illness"
            case nil where a.notSure.contains(field): return "serious heart, lung, liver or kidney illness: not sure"
            case nil: return "serious illness: not given"
            }
        }
    }
}
