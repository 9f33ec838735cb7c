import Foundation

/// Reads and writes answers in the assess contract's JSON shape.
public enum AnswersJSON {
    /// Parses a JSON object of answers. Unknown keys are errors, so a typo
    /// ("agee") is caught instead of silently treated as a missing answer.
    public static func parse(_ data: Data) throws(AnswerError) -> Answers {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw AnswerError(nil, "the answers are not valid JSON: \(describe(error))")
        }
        guard case .object(let object) = value else {
            throw AnswerError(nil, "the answers must be a JSON object like {\"age\": 34, \"subtype\": \"relapsing-remitting\"}")
        }
        var answers = Answers()
        let fieldsByKey = Dictionary(uniqueKeysWithValues: AnswerField.allCases.map { ($0.jsonKey, $0) })
        for key in object.keys.sorted() {
            guard let field = fieldsByKey[key] else {
                throw AnswerError(nil, "unknown field '\(key)'; allowed fields: \(AnswerField.allCases.map(\.jsonKey).joined(separator: ", "))")
            }
            guard let item = object[key] else { continue }
            try set(field, item, in: &answers)
        }
        try AnswerParser.crossCheck(answers)
        return answers
    }

    private static func set(_ field: AnswerField, _ item: JSONValue, in answers: inout Answers) throws(AnswerError) {
        switch (field, item) {
        case (_, .null):
            return // explicitly not answered
        case (.therapies, .array(let items)):
            var ids: [String] = []
            for entry in items {
                guard case .string(let id) = entry else {
                    throw AnswerError(field, "each item must be a therapy id in quotes; allowed: \(TherapyIDs.all.joined(separator: ", "))")
                }
                ids.append(id)
            }
            try AnswerParser.setTherapies(ids, in: &answers)
        case (.therapies, _):
            throw AnswerError(field, "must be a list like [\"natalizumab\"], or [] for none")
        case (.highEfficacyContraindicated, .bool(let flag)), (.seriousComorbidity, .bool(let flag)):
            try AnswerParser.set(field, from: flag ? "true" : "false", in: &answers)
        case (.highEfficacyContraindicated, .string("unsure")), (.seriousComorbidity, .string("unsure")):
            try AnswerParser.set(field, from: "unsure", in: &answers)
        case (.highEfficacyContraindicated, _), (.seriousComorbidity, _):
            throw AnswerError(field, "must be true or false (without quotes), or \"unsure\"")
        case (.age, .number(let n)), (.relapsesLast12Months, .number(let n)), (.yearsSinceDiagnosis, .number(let n)), (.edss, .number(let n)):
            try AnswerParser.set(field, from: n == n.rounded() && field != .edss ? String(Int(exactly: n) ?? Int.max) : String(n), in: &answers)
        case (.age, _), (.relapsesLast12Months, _), (.yearsSinceDiagnosis, _), (.edss, _):
            throw AnswerError(field, "must be a number without quotes, not \(item.shortDescription); allowed: \(field.allowed)")
        case (_, .string(let text)):
            try AnswerParser.set(field, from: text, in: &answers)
        default:
            throw AnswerError(field, "must be text in quotes, not \(item.shortDescription); allowed: \(field.allowed)")
        }
    }

    private static func describe(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            if let underlying = context.underlyingError { return "\(underlying)" }
            return context.debugDescription
        }
        return "\(error)"
    }
}

/// Any JSON value, so the reader can say exactly what type it found.
enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    var shortDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "\(b)"
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? "\(Int(n))" : "\(n)"
        case .string(let s): return "\"\(s)\""
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}
