/// Reads answers in the assess contract's JSON shape, strictly (StrictJSON):
/// nothing in the text is guessed at or silently dropped.
public enum AnswersJSON {
    /// Parses a JSON object of answers. Unknown keys are errors, so a typo
    /// ("agee") is caught instead of silently treated as a missing answer;
    /// so is a key given twice. A saved session (an object with a "format"
    /// key, see Session.swift) gives its "answers", read the same way; the
    /// rest of the file is checked as `--resume` checks it.
    public static func parse(_ bytes: [UInt8]) throws(AnswerError) -> Answers {
        let value: StrictJSON.Value
        do {
            value = try StrictJSON.parse(bytes)
        } catch {
            throw AnswerError(nil, "the answers are not valid JSON: \(error.description)")
        }
        guard case .object(let pairs) = value else {
            throw AnswerError(nil, "the answers must be a JSON object like {\"age\": 34, \"subtype\": \"relapsing-remitting\"}, not \(value.shortDescription)")
        }
        if Session.isSession(value) {
            do {
                return try Session.read(bytes, file: "").answers
            } catch {
                throw AnswerError(nil, "the saved session" + (error.line == nil ? "" : " at \(error.place)") + ": " + error.message)
            }
        }
        var answers = Answers()
        let fieldsByKey = Dictionary(uniqueKeysWithValues: AnswerField.allCases.map { ($0.jsonKey, $0) })
        for (key, item) in pairs {
            guard let field = fieldsByKey[key] else {
                throw AnswerError(nil, "unknown field '\(key.echoed())'; allowed fields: \(AnswerField.allCases.map(\.jsonKey).joined(separator: ", "))")
            }
            try set(field, item, in: &answers)
        }
        try AnswerParser.crossCheck(answers)
        return answers
    }

    public static func parse(_ text: String) throws(AnswerError) -> Answers {
        try parse(Array(text.utf8))
    }

    /// Any bytes, such as Foundation's Data, without this file needing Foundation.
    public static func parse<Bytes: Collection>(_ bytes: Bytes) throws(AnswerError) -> Answers where Bytes.Element == UInt8 {
        try parse(Array(bytes))
    }

    static func set(_ field: AnswerField, _ item: StrictJSON.Value, in answers: inout Answers) throws(AnswerError) {
        switch (field, item) {
        case (_, .null):
            return // explicitly not answered
        case (.therapies, .array(let items)):
            var ids: [String] = []
            for entry in items {
                guard case .string(let id) = entry else {
                    throw AnswerError(field, "each item must be a therapy id in quotes, not \(entry.shortDescription); allowed: \(TherapyIDs.all.joined(separator: ", "))")
                }
                ids.append(id)
            }
            try AnswerParser.setTherapies(ids, in: &answers)
        case (.therapies, _):
            throw AnswerError(field, "must be a list like [\"natalizumab\"], or [] for none, not \(item.shortDescription)")
        case (.highEfficacyContraindicated, .bool(let flag)), (.seriousComorbidity, .bool(let flag)):
            try AnswerParser.set(field, from: flag ? "true" : "false", in: &answers)
        case (.highEfficacyContraindicated, .string("unsure")), (.seriousComorbidity, .string("unsure")):
            try AnswerParser.set(field, from: "unsure", in: &answers)
        case (.highEfficacyContraindicated, _), (.seriousComorbidity, _):
            throw AnswerError(field, "must be true or false (without quotes), or \"unsure\", not \(item.shortDescription)")
        case (.age, .number(let n)), (.relapsesLast12Months, .number(let n)), (.yearsSinceDiagnosis, .number(let n)), (.edss, .number(let n)):
            try AnswerParser.set(field, number: n, in: &answers)
        case (.age, _), (.relapsesLast12Months, _), (.yearsSinceDiagnosis, _), (.edss, _):
            throw AnswerError(field, "must be a number without quotes, not \(item.shortDescription); allowed: \(field.allowed)")
        case (_, .string(let text)):
            try AnswerParser.set(field, from: text, in: &answers)
        default:
            throw AnswerError(field, "must be text in quotes, not \(item.shortDescription); allowed: \(field.allowed)")
        }
    }
}

extension StrictJSON.Value {
    /// What was found, for messages: `3`, `"34"` (made safe), `a list`.
    var shortDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "\(b)"
        case .number(let n): return n.shown
        case .string(let s): return "\"\(s.echoed())\""
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}
