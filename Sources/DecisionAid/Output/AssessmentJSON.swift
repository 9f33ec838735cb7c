import Content

/// The assessment as JSON: the contract other tools script against. Written
/// by hand (`JSONValue`), so the program links no Foundation: keys sorted,
/// a value left out when it is absent, two-space indents when pretty.
public enum AssessmentJSON {
    /// One line for --answers-lines: the line number, the answers as
    /// understood, the candidacy (level, reasons, unknown answers) and the
    /// content version. The risks, evidence, checklist and sources are the
    /// same for every line, so they are left out (one `assess --format json`
    /// prints them).
    public static func renderLine(_ a: Assessment, content: ContentSet, line: Int) -> String {
        let value: JSONValue = .object([
            ("line", .int(line)),
            ("answers", answers(a.answers)),
            ("candidacy", candidacy(a)),
            ("content", about(content)),
        ])
        return value.rendered(pretty: false) + "\n"
    }

    public static func render(_ a: Assessment, content c: ContentSet) -> String {
        let value: JSONValue = .object([
            ("candidacy", candidacy(a)),
            ("answers", answers(a.answers)),
            ("risks", .array(a.risks.map { m in
                .object([
                    ("id", .string(m.risk.id)), ("option", .string(m.risk.option)), ("name", .string(m.risk.name)),
                    ("summary", .string(m.risk.summary.text)),
                    ("figures", .array(m.risk.figures.map { f in
                        .object([
                            ("text", .string(f.text)), ("group", .string(f.group)), ("timeFrame", .string(f.timeFrame)),
                            ("per100", .number(f.per100)), ("low", .number(f.low)), ("high", .number(f.high)),
                            ("certainty", .string(f.certainty)), ("grade", grade(f.grade)), ("sources", .strings(f.sources)),
                        ])
                    })),
                    ("higherFor", .string(m.risk.higherFor?.text)), ("higherForYou", .bool(m.higherForYou)),
                    ("sources", .strings(m.risk.sources)),
                ])
            })),
            ("evidence", .array(a.evidence.map { s in
                .object([
                    ("id", .string(s.id)), ("name", .string(s.name)), ("who", .string(s.who)), ("howMany", .int(s.howMany)),
                    ("design", .string(s.design.rawValue)), ("followUp", .string(s.followUp.text)),
                    ("summary", .string(s.summary.text)),
                    ("outcomes", .array(s.outcomes.map { .object([("text", .string($0.text)), ("sources", .strings($0.sources))]) })),
                    ("limitations", .array(s.limitations.map { .object([("text", .string($0.text)), ("sources", .strings($0.sources))]) })),
                    ("sources", .strings(s.sources)), ("options", .strings(s.options)), ("grade", grade(s.grade)),
                ])
            })),
            ("keyNumbers", .array(c.keyNumbers.map { k in
                .object([
                    ("id", .string(k.id)), ("outcome", .string(k.outcome)), ("timeFrame", .string(k.timeFrame)),
                    ("denominator", .int(k.denominator)),
                    ("figures", .array(k.figures.map { f in
                        .object([
                            ("option", .string(f.option)), ("per100", .number(f.per100)), ("low", .number(f.low)),
                            ("high", .number(f.high)), ("text", .string(f.text)), ("group", .string(f.group)),
                            ("certainty", .string(f.certainty)), ("grade", grade(f.grade)), ("sources", .strings(f.sources)),
                        ])
                    })),
                ])
            })),
            ("checklist", .array(a.checklist.map {
                .object([("id", .string($0.id)), ("question", .string($0.question)), ("why", .string($0.why)),
                         ("redFlag", .bool($0.redFlag)), ("sources", .strings($0.sources))])
            })),
            ("sources", .array(c.sources.map {
                .object([("id", .string($0.id)), ("short", .string($0.short)), ("citation", .string($0.citation)),
                         ("year", .int($0.year)), ("kind", .string($0.kind.rawValue)), ("link", .string($0.link))])
            })),
            ("content", about(c)),
        ])
        return value.rendered(pretty: true) + "\n"
    }

    static func candidacy(_ a: Assessment) -> JSONValue {
        .object([
            ("level", .string(a.level.rawValue)), ("headline", .string(a.headline)), ("explanation", .string(a.explanation)),
            ("reasons", .array(a.reasons.map {
                .object([
                    ("rule", .string($0.rule)), ("kind", .string($0.kind.name)), ("text", .string($0.text)),
                    ("change", .string($0.change)), ("because", .strings($0.because)),
                    ("answers", .strings($0.fields.map(\.jsonKey))), ("missing", .bool($0.missing)),
                    ("settledBy", .strings($0.settledBy.map(\.jsonKey))), ("sources", .strings($0.sources)),
                ])
            })),
            // Unsure or missing answers that would change the level, and those that would not.
            ("unknownAnswersThatChangeIt", .strings(a.unknownsThatChangeIt.map(\.jsonKey))),
            ("unknownAnswersThatDoNot", .strings(a.unknownsThatDoNot.map(\.jsonKey))),
            ("rulesVersion", .int(RuleTable.version)),
        ])
    }

    /// A GRADE level (high, moderate, low, very-low) and its reason, or absent.
    static func grade(_ grade: Grade?) -> JSONValue {
        guard let grade else { return .absent }
        return .object([("level", .string(grade.level.rawValue)), ("reason", .string(grade.reason))])
    }

    static func about(_ c: ContentSet) -> JSONValue {
        .object([("version", .string(c.about.version)), ("reviewed", .string(c.about.reviewed.description)),
                 ("reviewBy", .string(c.about.reviewBy.description))])
    }

    /// The answers, written back in the same shape the input takes: only what
    /// was answered; "unsure" for a yes-or-no answered "not sure".
    static func answers(_ a: Answers) -> JSONValue {
        func yesNo(_ value: Bool?, _ field: AnswerField) -> JSONValue {
            value.map(JSONValue.bool) ?? (a.notSure.contains(field) ? .string("unsure") : .absent)
        }
        return .object([
            ("age", .int(a.age)),
            ("subtype", .string(a.subtype?.rawValue)),
            ("relapsesLast12Months", .int(a.relapsesLast12Months)),
            ("newMRIActivityLast12Months", .string(a.newMRIActivityLast12Months?.rawValue)),
            ("walking", .string(a.walking?.rawValue)),
            ("edss", .number(a.edss)),
            ("disabilityFromRecentRelapse", .string(a.disabilityFromRecentRelapse?.rawValue)),
            ("yearsSinceDiagnosis", .int(a.yearsSinceDiagnosis)),
            ("therapies", a.therapies.map(JSONValue.strings) ?? .absent),
            ("activeOnTreatment", .string(a.activeOnTreatment?.rawValue)),
            ("highEfficacyContraindicated", yesNo(a.highEfficacyContraindicated, .highEfficacyContraindicated)),
            ("seriousComorbidity", yesNo(a.seriousComorbidity, .seriousComorbidity)),
        ])
    }
}
