/// Turns typed-in text into checked answers. The command line, the JSON
/// reader and the interactive screens all go through here, so a bad age gets
/// the same message everywhere and nothing is ever guessed.
public enum AnswerParser {
    /// Sets one field from text. Throws a message naming what is allowed.
    public static func set(_ field: AnswerField, from raw: String, in answers: inout Answers) throws(AnswerError) {
        let text = raw.trimmingWhitespace()
        if text.isEmpty { throw AnswerError(field, "no answer was given; allowed: \(field.allowed)") }
        switch field {
        case .age: answers.age = try whole(text, field, 1...120)
        case .subtype: answers.subtype = try choice(text, field)
        case .relapsesLast12Months: answers.relapsesLast12Months = try whole(text, field, 0...50)
        case .newMRIActivityLast12Months: answers.newMRIActivityLast12Months = try choice(text, field)
        case .walking: answers.walking = try choice(text, field)
        case .edss: answers.edss = try edss(text)
        case .disabilityFromRecentRelapse: answers.disabilityFromRecentRelapse = try choice(text, field)
        case .yearsSinceDiagnosis: answers.yearsSinceDiagnosis = try whole(text, field, 0...100)
        case .therapies: try setTherapies([text], in: &answers)
        case .activeOnTreatment: answers.activeOnTreatment = try choice(text, field)
        case .highEfficacyContraindicated, .seriousComorbidity:
            let value: Bool? = text.lowercased() == "unsure" ? nil : try bool(text, field)
            if field == .highEfficacyContraindicated { answers.highEfficacyContraindicated = value } else { answers.seriousComorbidity = value }
            if value == nil { answers.notSure.insert(field) } else { answers.notSure.remove(field) }
        }
    }

    /// Sets the therapies tried from a list of ids; ["none"] means none tried.
    public static func setTherapies(_ values: [String], in answers: inout Answers) throws(AnswerError) {
        var ids: [String] = []
        var sawNone = false
        for value in values {
            if let id = try therapy(value.trimmingWhitespace()) {
                if !ids.contains(id) { ids.append(id) }
            } else {
                sawNone = true
            }
        }
        if sawNone && !ids.isEmpty {
            throw AnswerError(.therapies, "'none' cannot be given together with a therapy (\(ids.joined(separator: ", ")))")
        }
        answers.therapies = ids
    }

    /// Checks that hold between answers (years since diagnosis cannot exceed age).
    public static func crossCheck(_ answers: Answers) throws(AnswerError) {
        if let age = answers.age, let years = answers.yearsSinceDiagnosis, years > age {
            throw AnswerError(.yearsSinceDiagnosis, "\(years) years since diagnosis is more than the age given (\(age)); allowed: a number of years from 0 to \(age)")
        }
    }

    static func whole(_ text: String, _ field: AnswerField, _ range: ClosedRange<Int>) throws(AnswerError) -> Int {
        guard let value = Int(text) else {
            let hint = Double(text) != nil ? "is not a whole number" : "is not a number"
            throw AnswerError(field, "'\(text)' \(hint); allowed: \(field.allowed)")
        }
        guard range.contains(value) else {
            throw AnswerError(field, "\(value) is outside the allowed range; allowed: \(field.allowed)")
        }
        return value
    }

    static func edss(_ text: String) throws(AnswerError) -> Double {
        guard let value = Double(text), value.isFinite else {
            throw AnswerError(.edss, "'\(text)' is not a number; allowed: \(AnswerField.edss.allowed)")
        }
        guard (0...10).contains(value), (value * 2).rounded() == value * 2 else {
            throw AnswerError(.edss, "\(text) is not an EDSS score; allowed: \(AnswerField.edss.allowed)")
        }
        return value
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ field: AnswerField) throws(AnswerError) -> T where T.RawValue == String {
        guard let value = T(rawValue: text.lowercased()) else {
            throw AnswerError(field, "'\(text)' is not one of the choices; allowed: \(field.allowed)")
        }
        return value
    }

    static func bool(_ text: String, _ field: AnswerField) throws(AnswerError) -> Bool {
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw AnswerError(field, "'\(text)' is not true, false or unsure; allowed: \(field.allowed)")
        }
    }

    /// A therapy id, or nil for "none".
    static func therapy(_ text: String) throws(AnswerError) -> String? {
        let id = text.lowercased()
        if id == "none" { return nil }
        guard TherapyIDs.all.contains(id) else {
            throw AnswerError(.therapies, "'\(text)' is not a known therapy id; allowed: none, \(TherapyIDs.all.joined(separator: ", "))")
        }
        return id
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }

    /// The text with its first letter in capitals.
    func capitalizedFirst() -> String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
