/// What the person told us. Every field is optional: nil means "not answered",
/// which the rules treat as missing rather than guessing.
public struct Answers: Sendable, Equatable {
    public var age: Int?
    public var subtype: Subtype?
    public var relapsesLast12Months: Int?
    public var newMRIActivityLast12Months: MRIActivity?
    public var walking: Walking?
    /// An exact EDSS score (0-10 in half steps); wins over `walking`.
    public var edss: Double?
    public var disabilityFromRecentRelapse: YesNoUnsure?
    public var yearsSinceDiagnosis: Int?
    /// Therapy ids; [] means "none tried", nil means "not answered".
    public var therapies: [String]?
    public var activeOnTreatment: ActivityOnTreatment?
    public var highEfficacyContraindicated: Bool?
    public var seriousComorbidity: Bool?
    /// Yes-or-no questions answered "I'm not sure" (their value stays nil):
    /// the rules treat them as unknown, and ask only if they would change the level.
    public var notSure: Set<AnswerField> = []

    public init() {}
}

public enum Subtype: String, Sendable, CaseIterable {
    case relapsingRemitting = "relapsing-remitting"
    case secondaryProgressive = "secondary-progressive"
    case primaryProgressive = "primary-progressive"
    case clinicallyIsolated = "clinically-isolated"
    case unsure
}

public enum MRIActivity: String, Sendable, CaseIterable {
    case yes, no, unknown
}

public enum YesNoUnsure: String, Sendable, CaseIterable {
    case yes, no, unsure
}

/// Whether the activity of the last 12 months happened while on a strong drug:
/// `yes` after at least 6 months on it, `early` only in the first 6 months
/// (before the drug works fully), `no`, or `unsure`.
public enum ActivityOnTreatment: String, Sendable, CaseIterable {
    case yes, early, no, unsure
}

/// Everyday walking ability, each mapped to the EDSS band it describes (Kurtzke 1983).
public enum Walking: String, Sendable, CaseIterable {
    case unlimited, limited
    case oneSidedAid = "one-sided-aid"
    case twoSidedAid = "two-sided-aid"
    case wheelchair, bedbound

    /// The band as (lowest, highest) EDSS; nil highest means "or more".
    public var edssBand: (low: Double, high: Double?) {
        switch self {
        case .unlimited: return (0, 3.5)
        case .limited: return (4.0, 5.5)
        case .oneSidedAid: return (6.0, 6.0)
        case .twoSidedAid: return (6.5, 6.5)
        case .wheelchair: return (7.0, 7.5)
        case .bedbound: return (8.0, nil)
        }
    }

    /// The value the rules compare against. Bands never straddle a rule's
    /// threshold (6.0, 6.5, 7.0, 8.0), so the band's top stands for all of it.
    public var edssForRules: Double { edssBand.high ?? edssBand.low }

    public var edssText: String {
        let band = edssBand
        if let high = band.high {
            return high == band.low ? "EDSS \(format(high))" : "EDSS \(format(band.low))-\(format(high))"
        }
        return "EDSS \(format(band.low)) or more"
    }
}

func format(_ score: Double) -> String {
    score == score.rounded() ? String(Int(score)) + ".0" : String(score)
}

extension Answers {
    /// The EDSS the rules use, and whether it was given exactly.
    public var effectiveEDSS: (score: Double, exact: Bool)? {
        if let edss { return (edss, true) }
        if let walking { return (walking.edssForRules, false) }
        return nil
    }

    /// Active = a relapse in the last 12 months, or new/enlarging or
    /// gadolinium-enhancing MRI lesions in that time. nil = cannot tell yet.
    public var isActive: Bool? {
        if let relapses = relapsesLast12Months, relapses > 0 { return true }
        if newMRIActivityLast12Months == .yes { return true }
        if relapsesLast12Months == 0 && newMRIActivityLast12Months == .no { return false }
        return nil
    }

    /// Substantial activity (NMSS "substantial breakthrough"; MIST, RAM-MS and
    /// BEAT-MS entry): at least 2 relapses in the last 12 months, or at least
    /// 1 relapse and new MRI activity. nil = cannot tell yet.
    public var hasSubstantialActivity: Bool? {
        guard let relapses = relapsesLast12Months else { return nil }
        if relapses >= 2 { return true }
        if relapses == 0 { return false }
        switch newMRIActivityLast12Months {
        case .yes?: return true
        case .no?: return false
        case .unknown?, nil: return nil
        }
    }
}
