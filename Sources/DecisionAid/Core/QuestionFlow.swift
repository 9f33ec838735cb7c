/// The order of the questions and which ones the answers so far make
/// pointless. Pure: the same answers always give the same flow.
public enum QuestionFlow {
    /// How a question is answered on screen.
    public enum Input: Equatable, Sendable {
        case number(ClosedRange<Int>)
        case choice
        case multiChoice
    }

    /// The questions a person is asked, in order. `.edss` is for clinician
    /// mode (exact entry); the patient sees walking ability instead.
    public static func order(exactEDSS: Bool) -> [AnswerField] {
        [.age, .subtype, .relapsesLast12Months, .newMRIActivityLast12Months, exactEDSS ? .edss : .walking,
         .disabilityFromRecentRelapse, .yearsSinceDiagnosis, .therapies, .activeOnTreatment,
         .highEfficacyContraindicated, .seriousComorbidity]
    }

    public static func input(_ field: AnswerField) -> Input {
        switch field {
        case .age: return .number(1...120)
        case .relapsesLast12Months: return .number(0...50)
        case .yearsSinceDiagnosis: return .number(0...100)
        case .edss: return .number(0...10)
        case .therapies: return .multiChoice
        default: return .choice
        }
    }

    /// Why a question is not asked, given the answers so far; nil if it is
    /// asked. Whether it applies is the rules' own test (Answers.applies).
    /// `exactEDSS` only words it for clinician mode, where the EDSS is asked.
    public static func skipReason(_ field: AnswerField, _ a: Answers, exactEDSS: Bool = false) -> String? {
        guard !a.applies(field) else { return nil }
        switch field {
        case .newMRIActivityLast12Months:
            return "Not asked: 2 or more relapses in the last 12 months already count as substantial activity."
        case .disabilityFromRecentRelapse:
            guard let edss = a.effectiveEDSS else {
                return exactEDSS ? "Not asked: it depends on the EDSS score." : "Not asked: it depends on how far you can walk."
            }
            if edss.score < 6.5 {
                return exactEDSS ? "Not asked: it matters only at EDSS 6.5 to 7.5."
                    : "Not asked: it matters only for people who need aids on both sides or a wheelchair."
            }
            return "Not asked: with this level of disability the guidelines give the same answer either way."
        case .activeOnTreatment:
            if a.isActive == false { return "Not asked: your MS has not been active in the last 12 months." }
            if let therapies = a.therapies, therapies.isEmpty { return "Not asked: you have not taken an MS treatment." }
            return "Not asked: it matters only after a high-efficacy drug, cladribine or an S1P drug."
        default:
            return nil
        }
    }

    /// The questions asked given these answers.
    public static func asked(_ a: Answers, exactEDSS: Bool) -> [AnswerField] {
        order(exactEDSS: exactEDSS).filter { skipReason($0, a) == nil }
    }

    /// Clears answers to questions that are now skipped, so a changed answer
    /// never leaves a stale one behind (e.g. MRI after a relapse was added).
    public static func clearSkipped(_ a: inout Answers, exactEDSS: Bool) {
        for field in order(exactEDSS: exactEDSS) where skipReason(field, a) != nil {
            switch field {
            case .newMRIActivityLast12Months: a.newMRIActivityLast12Months = nil
            case .disabilityFromRecentRelapse: a.disabilityFromRecentRelapse = nil
            case .activeOnTreatment: a.activeOnTreatment = nil
            default: break
            }
        }
    }

    /// Whether the question has an answer.
    public static func isAnswered(_ field: AnswerField, _ a: Answers) -> Bool {
        switch field {
        case .age: return a.age != nil
        case .subtype: return a.subtype != nil
        case .relapsesLast12Months: return a.relapsesLast12Months != nil
        case .newMRIActivityLast12Months: return a.newMRIActivityLast12Months != nil
        case .walking: return a.walking != nil
        case .edss: return a.edss != nil
        case .disabilityFromRecentRelapse: return a.disabilityFromRecentRelapse != nil
        case .yearsSinceDiagnosis: return a.yearsSinceDiagnosis != nil
        case .therapies: return a.therapies != nil
        case .activeOnTreatment: return a.activeOnTreatment != nil
        case .highEfficacyContraindicated: return a.highEfficacyContraindicated != nil || a.notSure.contains(field)
        case .seriousComorbidity: return a.seriousComorbidity != nil || a.notSure.contains(field)
        }
    }

    /// The chosen value of a choice question, as its content choice value.
    public static func choiceValue(_ field: AnswerField, _ a: Answers) -> String? {
        switch field {
        case .subtype: return a.subtype?.rawValue
        case .newMRIActivityLast12Months: return a.newMRIActivityLast12Months?.rawValue
        case .walking: return a.walking?.rawValue
        case .disabilityFromRecentRelapse: return a.disabilityFromRecentRelapse?.rawValue
        case .activeOnTreatment: return a.activeOnTreatment?.rawValue
        case .highEfficacyContraindicated, .seriousComorbidity:
            if a.notSure.contains(field) { return "unsure" }
            let value = field == .seriousComorbidity ? a.seriousComorbidity : a.highEfficacyContraindicated
            return value.map { $0 ? "yes" : "no" }
        default: return nil
        }
    }

    /// The typed answer of a number question, as text for the input field.
    public static func typedValue(_ field: AnswerField, _ a: Answers) -> String {
        switch field {
        case .age: return a.age.map(String.init) ?? ""
        case .relapsesLast12Months: return a.relapsesLast12Months.map(String.init) ?? ""
        case .yearsSinceDiagnosis: return a.yearsSinceDiagnosis.map(String.init) ?? ""
        case .edss: return a.edss.map(format) ?? ""
        default: return ""
        }
    }
}
