import Content

/// The assess contract: each answer's JSON key, its flag, and what it allows.
/// Other tools script against these names; keep them stable.
public enum AnswerField: String, Sendable, CaseIterable {
    case age, subtype, relapsesLast12Months, newMRIActivityLast12Months, walking, edss
    case disabilityFromRecentRelapse, yearsSinceDiagnosis, therapies, activeOnTreatment
    case highEfficacyContraindicated, seriousComorbidity

    public var jsonKey: String { rawValue }

    public var flag: String {
        switch self {
        case .age: return "--age"
        case .subtype: return "--subtype"
        case .relapsesLast12Months: return "--relapses-last-12-months"
        case .newMRIActivityLast12Months: return "--new-mri-activity-last-12-months"
        case .walking: return "--walking"
        case .edss: return "--edss"
        case .disabilityFromRecentRelapse: return "--disability-from-recent-relapse"
        case .yearsSinceDiagnosis: return "--years-since-diagnosis"
        case .therapies: return "--therapy"
        case .activeOnTreatment: return "--active-on-treatment"
        case .highEfficacyContraindicated: return "--high-efficacy-contraindicated"
        case .seriousComorbidity: return "--serious-comorbidity"
        }
    }

    /// What a valid answer looks like, for error messages and --help.
    /// The option's name without its dashes: "age" for --age.
    public var optionName: String { String(flag.dropFirst(2)) }

    public var allowed: String {
        switch self {
        case .age: return "a whole number of years from 1 to 120"
        case .subtype: return Subtype.allCases.map(\.rawValue).joined(separator: ", ")
        case .relapsesLast12Months: return "a whole number from 0 to 50"
        case .newMRIActivityLast12Months: return MRIActivity.allCases.map(\.rawValue).joined(separator: ", ")
        case .walking: return Walking.allCases.map(\.rawValue).joined(separator: ", ")
        case .edss: return "a score from 0 to 10 in steps of 0.5 (for example 3.5)"
        case .disabilityFromRecentRelapse: return YesNoUnsure.allCases.map(\.rawValue).joined(separator: ", ")
        case .activeOnTreatment: return ActivityOnTreatment.allCases.map(\.rawValue).joined(separator: ", ")
        case .yearsSinceDiagnosis: return "a whole number of years from 0 to 100 (0 if under a year)"
        case .therapies: return "therapy ids (see `decision-aid assess --help`), or none"
        case .highEfficacyContraindicated, .seriousComorbidity: return "true, false, or \"unsure\" (in JSON)"
        }
    }
}

/// A bad answer: names the field, says what was wrong and what is allowed.
public struct AnswerError: Error, Sendable, Equatable {
    public var field: AnswerField?
    public var problem: String

    public init(_ field: AnswerField?, _ problem: String) {
        self.field = field
        self.problem = problem
    }

    /// The message as a JSON user reads it ("age: ...").
    public var jsonMessage: String { (field.map { "\($0.jsonKey): " } ?? "") + problem }
    /// The message as a command-line user reads it ("--age: ...").
    public var flagMessage: String { (field.map { "\($0.flag): " } ?? "") + problem }
}

/// The therapy ids of the contract, in the order the content lists them.
public enum TherapyIDs {
    public static let all = [
        "interferon-beta", "glatiramer-acetate", "teriflunomide", "dimethyl-fumarate", "diroximel-fumarate",
        "fingolimod", "siponimod", "ozanimod", "ponesimod", "cladribine", "natalizumab", "ocrelizumab",
        "ofatumumab", "ublituximab", "rituximab", "alemtuzumab", "mitoxantrone",
    ]
    /// For the rules, these count as high-efficacy: the guidelines and trials agree.
    public static let highEfficacy: Set<String> = [
        "natalizumab", "ocrelizumab", "ofatumumab", "ublituximab", "rituximab", "alemtuzumab", "mitoxantrone",
    ]
    /// Sources differ on these: STAR-MS and RAM-MS count cladribine among the
    /// best available drugs; others do not. Never "not high-efficacy".
    public static let sourcesDiffer: Set<String> = ["cladribine", "fingolimod", "siponimod", "ozanimod", "ponesimod"]

    /// How the rules count a therapy; everything else is a platform drug.
    public static func therapyClass(_ id: String) -> TherapyClass {
        highEfficacy.contains(id) ? .highEfficacy : sourcesDiffer.contains(id) ? .sourcesDiffer : .platform
    }
}
