import Content

/// How a person's answers compare with a trial's entry limits. Only age,
/// EDSS, MS type, recent activity and whether an MS drug was tried can be
/// checked from the answers; the trial team checks the rest.
public struct TrialFit: Sendable, Equatable {
    public var trial: Trial
    /// nil when the answer needed is missing.
    public var age: Bool?
    public var edss: Bool?
    /// Relapsing-remitting MS fits; clinically isolated syndrome does not;
    /// progressive MS is for the trial team to judge (nil).
    public var type: Bool?
    /// Every trial here needs MS activity in the past year.
    public var activity: Bool?
    /// A trial that does not take untreated people needs an MS drug tried.
    public var drugTried: Bool?

    /// True when every limit the answers speak to is met; false when one is
    /// not; nil when nothing fails but something is not known.
    public var fits: Bool? {
        let checks = [age, edss, type, activity, drugTried]
        if checks.contains(false) { return false }
        if checks.contains(nil) { return nil }
        return true
    }

    /// The limits not met, in words ("age 18 to 50").
    public var unmet: [String] {
        var out: [String] = []
        if age == false { out.append("age \(trial.ageMin) to \(trial.ageMax)") }
        if edss == false, let low = trial.edssMin, let high = trial.edssMax { out.append("EDSS \(format(low)) to \(format(high))") }
        if type == false { out.append("relapsing MS") }
        if activity == false { out.append("MS activity in the past year") }
        if drugTried == false { out.append("having taken an MS drug before") }
        return out
    }
}

public enum TrialMatcher {
    public static func fit(_ answers: Answers, _ trial: Trial) -> TrialFit {
        let age = answers.age.map { $0 >= trial.ageMin && $0 <= trial.ageMax }
        // Unknown (nil) where the trial's EDSS limit is not in our sources.
        var edss: Bool?
        if let low = trial.edssMin, let high = trial.edssMax {
            if let exact = answers.edss {
                edss = exact >= low && exact <= high
            } else if let band = answers.walking?.edssBand {
                // A band fits when all of it is inside the limits, and fails when none of it is.
                let top = band.high ?? 10
                if band.low >= low && top <= high { edss = true }
                else if band.low > high || top < low { edss = false }
            }
        }
        var type: Bool?
        switch answers.subtype {
        case .relapsingRemitting?: type = true
        case .secondaryProgressive?, .primaryProgressive?:
            // Whether one takes active progressive MS is not in our sources.
            type = nil
        case .clinicallyIsolated?: type = false
        case .unsure?, nil: type = nil
        }
        let drugTried = trial.takesUntreated ? true : answers.therapies.map { !$0.isEmpty }
        return TrialFit(trial: trial, age: age, edss: edss, type: type, activity: answers.isActive, drugTried: drugTried)
    }

    public static func fits(_ answers: Answers, _ content: ContentSet) -> [TrialFit] {
        content.trials.map { fit(answers, $0) }
    }
}
