import Content
// JSONEncoder from FoundationEssentials: no ICU, no full Foundation.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The assessment as JSON: the contract other tools script against.
public enum AssessmentJSON {
    /// One line for --answers-lines: the line number, the answers as
    /// understood, the candidacy (level, reasons, unknown answers) and the
    /// content version. The risks, evidence, checklist and sources are the
    /// same for every line, so they are left out (one `assess --format json`
    /// prints them).
    public static func renderLine(_ a: Assessment, content: ContentSet, line: Int) -> String {
        struct Line: Encodable {
            var line: Int
            var answers: [String: AnswerValue]
            var candidacy: Document.Candidacy
            var content: Document.ContentOut
        }
        let full = Document(a, content)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let value = Line(line: line, answers: full.answers, candidacy: full.candidacy, content: full.content)
        guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }

    public static func render(_ a: Assessment, content: ContentSet) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(Document(a, content)), let text = String(data: data, encoding: .utf8) else {
            return "{}"
        }
        return text + "\n"
    }

    struct Document: Encodable {
        struct Candidacy: Encodable {
            var level: String, headline: String, explanation: String, reasons: [ReasonOut]
            /// Unsure or missing answers that would change the level, and those that would not.
            var unknownAnswersThatChangeIt: [String], unknownAnswersThatDoNot: [String]
            var rulesVersion: Int
        }
        struct ReasonOut: Encodable {
            var rule: String, kind: String, text: String, change: String?
            var because: [String], answers: [String], missing: Bool, settledBy: [String], sources: [String]
        }
        /// A GRADE level (high, moderate, low, very-low) and its reason.
        struct GradeOut: Encodable {
            var level: String, reason: String
            init?(_ grade: Grade?) {
                guard let grade else { return nil }
                level = grade.level.rawValue
                reason = grade.reason
            }
        }
        struct FigureOut: Encodable {
            var text: String, group: String, timeFrame: String, per100: Double?, low: Double?, high: Double?
            var certainty: String, grade: GradeOut?, sources: [String]
        }
        struct RiskOut: Encodable {
            var id: String, option: String, name: String, summary: String, figures: [FigureOut]
            var higherFor: String?, higherForYou: Bool, sources: [String]
        }
        struct CitedOut: Encodable { var text: String, sources: [String] }
        struct StudyOut: Encodable {
            var id: String, name: String, who: String, howMany: Int, design: String, followUp: String
            var summary: String, outcomes: [CitedOut], limitations: [CitedOut], sources: [String]
            var options: [String], grade: GradeOut?
        }
        struct KeyFigureOut: Encodable {
            var option: String, per100: Double?, low: Double?, high: Double?, text: String, group: String
            var certainty: String, grade: GradeOut?, sources: [String]
        }
        struct KeyNumberOut: Encodable {
            var id: String, outcome: String, timeFrame: String, denominator: Int, figures: [KeyFigureOut]
        }
        struct ChecklistOut: Encodable { var id: String, question: String, why: String, redFlag: Bool, sources: [String] }
        struct SourceOut: Encodable { var id: String, short: String, citation: String, year: Int, kind: String, link: String }
        struct ContentOut: Encodable { var version: String, reviewed: String, reviewBy: String }

        var candidacy: Candidacy
        var answers: [String: AnswerValue]
        var risks: [RiskOut]
        var evidence: [StudyOut]
        var keyNumbers: [KeyNumberOut]
        var checklist: [ChecklistOut]
        var sources: [SourceOut]
        var content: ContentOut

        init(_ a: Assessment, _ c: ContentSet) {
            candidacy = Candidacy(level: a.level.rawValue, headline: a.headline, explanation: a.explanation, reasons: a.reasons.map {
                ReasonOut(rule: $0.rule, kind: $0.kind.name, text: $0.text, change: $0.change, because: $0.because,
                          answers: $0.fields.map(\.jsonKey), missing: $0.missing, settledBy: $0.settledBy.map(\.jsonKey), sources: $0.sources)
            }, unknownAnswersThatChangeIt: a.unknownsThatChangeIt.map(\.jsonKey),
               unknownAnswersThatDoNot: a.unknownsThatDoNot.map(\.jsonKey), rulesVersion: RuleTable.version)
            answers = AnswerValue.dictionary(a.answers)
            risks = a.risks.map { m in
                RiskOut(id: m.risk.id, option: m.risk.option, name: m.risk.name, summary: m.risk.summary.text, figures: m.risk.figures.map {
                    FigureOut(text: $0.text, group: $0.group, timeFrame: $0.timeFrame, per100: $0.per100, low: $0.low,
                              high: $0.high, certainty: $0.certainty, grade: GradeOut($0.grade), sources: $0.sources)
                }, higherFor: m.risk.higherFor?.text, higherForYou: m.higherForYou, sources: m.risk.sources)
            }
            evidence = a.evidence.map { s in
                StudyOut(id: s.id, name: s.name, who: s.who, howMany: s.howMany, design: s.design.rawValue,
                         followUp: s.followUp.text, summary: s.summary.text,
                         outcomes: s.outcomes.map { CitedOut(text: $0.text, sources: $0.sources) },
                         limitations: s.limitations.map { CitedOut(text: $0.text, sources: $0.sources) }, sources: s.sources,
                         options: s.options, grade: GradeOut(s.grade))
            }
            keyNumbers = c.keyNumbers.map { k in
                KeyNumberOut(id: k.id, outcome: k.outcome, timeFrame: k.timeFrame, denominator: k.denominator, figures: k.figures.map {
                    KeyFigureOut(option: $0.option, per100: $0.per100, low: $0.low, high: $0.high, text: $0.text, group: $0.group,
                                 certainty: $0.certainty, grade: GradeOut($0.grade), sources: $0.sources)
                })
            }
            checklist = a.checklist.map { ChecklistOut(id: $0.id, question: $0.question, why: $0.why, redFlag: $0.redFlag, sources: $0.sources) }
            sources = c.sources.map { SourceOut(id: $0.id, short: $0.short, citation: $0.citation, year: $0.year, kind: $0.kind.rawValue, link: $0.link) }
            content = ContentOut(version: c.about.version, reviewed: c.about.reviewed.description, reviewBy: c.about.reviewBy.description)
        }
    }
}

/// One answer in JSON, written back in the same shape the input takes.
enum AnswerValue: Encodable {
    case int(Int), double(Double), text(String), bool(Bool), list([String])

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .int(let v): try c.encode(v)
        case .double(let v): try c.encode(v)
        case .text(let v): try c.encode(v)
        case .bool(let v): try c.encode(v)
        case .list(let v): try c.encode(v)
        }
    }

    static func dictionary(_ a: Answers) -> [String: AnswerValue] {
        var d: [String: AnswerValue] = [:]
        d["age"] = a.age.map(AnswerValue.int)
        d["subtype"] = a.subtype.map { .text($0.rawValue) }
        d["relapsesLast12Months"] = a.relapsesLast12Months.map(AnswerValue.int)
        d["newMRIActivityLast12Months"] = a.newMRIActivityLast12Months.map { .text($0.rawValue) }
        d["walking"] = a.walking.map { .text($0.rawValue) }
        d["edss"] = a.edss.map(AnswerValue.double)
        d["disabilityFromRecentRelapse"] = a.disabilityFromRecentRelapse.map { .text($0.rawValue) }
        d["yearsSinceDiagnosis"] = a.yearsSinceDiagnosis.map(AnswerValue.int)
        d["therapies"] = a.therapies.map(AnswerValue.list)
        d["activeOnTreatment"] = a.activeOnTreatment.map { .text($0.rawValue) }
        d["highEfficacyContraindicated"] = a.highEfficacyContraindicated.map(AnswerValue.bool)
            ?? (a.notSure.contains(.highEfficacyContraindicated) ? .text("unsure") : nil)
        d["seriousComorbidity"] = a.seriousComorbidity.map(AnswerValue.bool)
            ?? (a.notSure.contains(.seriousComorbidity) ? .text("unsure") : nil)
        return d
    }
}
