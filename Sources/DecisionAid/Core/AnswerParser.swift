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

    /// A number read from JSON, kept exactly as written (see DecimalNumber).
    public static func set(_ field: AnswerField, number: DecimalNumber, in answers: inout Answers) throws(AnswerError) {
        switch field {
        case .age: answers.age = try whole(number, field, 1...120)
        case .relapsesLast12Months: answers.relapsesLast12Months = try whole(number, field, 0...50)
        case .yearsSinceDiagnosis: answers.yearsSinceDiagnosis = try whole(number, field, 0...100)
        case .edss: answers.edss = try edss(number)
        default: throw AnswerError(field, "must not be a number (\(number.shown)); allowed: \(field.allowed)")
        }
    }

    /// Plain decimal digits only (see DecimalNumber(plain:)): `Int` and
    /// `Double` would also take hex such as 0x1.8p1, `inf` or `1e3`.
    static func whole(_ text: String, _ field: AnswerField, _ range: ClosedRange<Int>) throws(AnswerError) -> Int {
        guard let number = DecimalNumber(plain: text) else {
            throw AnswerError(field, "'\(text.echoed())' is not a number; allowed: \(field.allowed)")
        }
        return try whole(number, field, range)
    }

    static func whole(_ number: DecimalNumber, _ field: AnswerField, _ range: ClosedRange<Int>) throws(AnswerError) -> Int {
        guard number.isWhole else {
            throw AnswerError(field, "'\(number.text.echoed())' is not a whole number; allowed: \(field.allowed)")
        }
        guard let value = number.wholeValue, range.contains(value) else {
            throw AnswerError(field, "\(number.shown) is outside the allowed range; allowed: \(field.allowed)")
        }
        return value
    }

    static func edss(_ text: String) throws(AnswerError) -> Double {
        guard let number = DecimalNumber(plain: text) else {
            throw AnswerError(.edss, "'\(text.echoed())' is not a number; allowed: \(AnswerField.edss.allowed)")
        }
        return try edss(number)
    }

    /// Exact: 6.3 and 1e-400 are not scores, and nothing is rounded to one.
    static func edss(_ number: DecimalNumber) throws(AnswerError) -> Double {
        guard let tenths = number.scaled(by: 1), (0...100).contains(tenths), tenths % 5 == 0 else {
            throw AnswerError(.edss, "\(number.shown) is not an EDSS score; allowed: \(AnswerField.edss.allowed)")
        }
        return Double(tenths) / 10
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ field: AnswerField) throws(AnswerError) -> T where T.RawValue == String {
        guard let value = T(rawValue: text.lowercased()) else {
            throw AnswerError(field, "'\(text.echoed())' is not one of the choices; allowed: \(field.allowed)")
        }
        return value
    }

    static func bool(_ text: String, _ field: AnswerField) throws(AnswerError) -> Bool {
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw AnswerError(field, "'\(text.echoed())' is not true, false or unsure; allowed: \(field.allowed)")
        }
    }

    /// A therapy id, or nil for "none".
    static func therapy(_ text: String) throws(AnswerError) -> String? {
        let id = text.lowercased()
        if id == "none" { return nil }
        guard TherapyIDs.all.contains(id) else {
            throw AnswerError(.therapies, "'\(text.echoed())' is not a known therapy id; allowed: none, \(TherapyIDs.all.joined(separator: ", "))")
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
