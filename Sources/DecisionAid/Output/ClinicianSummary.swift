import Content

/// The printout for the neurologist, written to them about the patient.
/// Page 1, up to a form feed, is at most 60 lines of 80 columns (like the
/// patient's summary): the answers as given, the level, each rule that fired
/// with its id, the answers behind it, its reason and its sources, what would
/// change the level, the risk flags and the patient's values. Page 2 has the
/// full references when page 1 cannot hold them, and the details.
///
/// Pure: the same input gives the same text. `decision-aid assess --format
/// clinician` prints it; the interactive aid's save and print keys can too.
public enum ClinicianSummary {
    public static let pageLines = SummaryDocument.pageLines
    public static let pageColumns = SummaryDocument.pageColumns

    /// The printout as plain text, 80 columns wide (a web address too long
    /// for a line is kept whole on page 2, where it may run over).
    public static func render(_ input: SummaryInput) -> String {
        var out = ""
        let assessment = Assessor.assess(input.answers, content: input.content)
        for fit in ClinicianFit.levels {
            var builder = ClinicianBuilder(input, assessment, fit: fit)
            out = builder.build()
            if fits(out, referencesOnPageOne: fit.referencesOnPageOne) { break }
        }
        return out
    }

    /// Page 1 within 60 lines and, when it holds the references, within 80
    /// columns (a reference with a long web address sends them to page 2).
    static func fits(_ document: String, referencesOnPageOne: Bool) -> Bool {
        guard SummaryDocument.pageOneLines(document) <= pageLines else { return false }
        guard referencesOnPageOne else { return true }
        let first = document.split(separator: "\u{0C}", maxSplits: 1, omittingEmptySubsequences: false)[0]
        return first.split(separator: "\n").allSatisfy { Frame.width(of: String($0)) <= pageColumns }
    }
}

/// How much page 1 holds, tried in order until it fits. Every rule that
/// fired stays on page 1 by id, with the answers behind it and its sources;
/// what page 1 shortens, page 2 gives in full.
struct ClinicianFit: Equatable {
    /// The numbered references in full at the foot of page 1 (else on page 2).
    var referencesOnPageOne = true
    /// Characters of the patient's concern, their own questions and who else
    /// is involved on page 1; nil for all, 0 for "on page 2".
    var ownWords: Int? = nil
    /// The values rated 0 to 2 named on page 1 (else counted), and the SURE
    /// items answered "no" in words (else by letter).
    var valuesInFull = true
    /// The reasons of notes and of rules below the deciding level on page 1.
    var otherReasons = true
    /// Each rule's sources by name and number on a line of their own (else
    /// by number after its id).
    var sourceNames = true
    /// The level's headline as the patient saw it (else on page 2).
    var shownOnPageOne = true
    /// What matters most by name (else each rating counted; page 2 names all).
    var valueNames = true
    /// The deciding rules' reasons in full (else their first sentence).
    var decidingReasonsInFull = true

    static let levels: [ClinicianFit] = {
        var fit = ClinicianFit()
        var levels = [fit]
        fit.referencesOnPageOne = false; levels.append(fit)
        fit.ownWords = 160; levels.append(fit)
        fit.valuesInFull = false; levels.append(fit)
        fit.shownOnPageOne = false; levels.append(fit)
        fit.otherReasons = false; levels.append(fit)
        fit.sourceNames = false; levels.append(fit)
        fit.ownWords = 80; levels.append(fit)
        fit.decidingReasonsInFull = false; levels.append(fit)
        fit.ownWords = 0; levels.append(fit)
        fit.valueNames = false; levels.append(fit)
        return levels
    }()
}

/// Lays the printout out line by line.
struct ClinicianBuilder {
    let input: SummaryInput
    let fit: ClinicianFit
    let assessment: Assessment
    var cited: CitedSources
    var lines: [String] = []
    /// How many of the cited sources the references list has given.
    var listed = 0

    let width = ClinicianSummary.pageColumns
    /// The answers' labels are padded to this many columns.
    static let labelWidth = 28

    init(_ input: SummaryInput, _ assessment: Assessment, fit: ClinicianFit = ClinicianFit()) {
        self.input = input
        self.fit = fit
        self.assessment = assessment
        cited = CitedSources(content: input.content)
    }

    var content: ContentSet { input.content }
    var answers: Answers { input.answers }
    var deliberation: Deliberation { input.deliberation }

    mutating func build() -> String {
        title("AHSCT decision aid: clinician summary, \(input.today) (not medical advice)")
        para("The patient's answers, matched to candidacy rules version \(RuleTable.version) (content \(content.about.version)).")
        answersAsGiven()
        level()
        rulesThatFired()
        whatWouldChangeIt()
        riskFlags()
        values()
        if fit.referencesOnPageOne { references() }
        lines.append(SummaryLayout.formFeed)
        title("AHSCT decision aid: clinician summary, page 2: details")
        if !fit.referencesOnPageOne { references() }
        rulesInFull()
        higherRisksInFull()
        valuesInFull()
        checklist()
        // Page 2 cites what page 1 cites; should it ever cite more, those get listed too.
        if cited.ordered.count > listed { references(from: listed, heading: "More references (cited on this page)") }
        about()
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Layout

    private mutating func title(_ text: String) { rule(text, "=") }
    private mutating func section(_ text: String) { rule(text, "-") }

    /// A one-line heading: the words, then the mark to the width.
    private mutating func rule(_ text: String, _ mark: String) {
        let wrapped = wrap(SummaryLayout.cleaned(text), width: width - 4)
        lines += wrapped.dropLast()
        let last = wrapped.last ?? ""
        lines.append(last + " " + String(repeating: mark, count: max(3, width - Frame.width(of: last) - 1)))
    }

    /// A heading on page 2: a blank line before it and a rule under it.
    private mutating func heading(_ text: String) {
        lines.append("")
        lines.append(text)
        lines.append(String(repeating: "-", count: min(width, Frame.width(of: text))))
    }

    private mutating func put(_ text: String, first: String, rest: String) {
        let wrapped = wrap(SummaryLayout.cleaned(text), width: width - Frame.width(of: first), rest: width - Frame.width(of: rest), keepingURLs: true)
        lines += wrapped.enumerated().map { ($0.offset == 0 ? first : rest) + $0.element }
    }

    private mutating func para(_ text: String) { put(text, first: "", rest: "") }
    private mutating func item(_ text: String) { put(text, first: "- ", rest: "  ") }
    private mutating func subitem(_ text: String) { put(text, first: "  ", rest: "  ") }

    /// "Age                          34": the label padded, the value wrapped under itself.
    private mutating func field(_ label: String, _ value: String) {
        let pad = String(repeating: " ", count: max(1, Self.labelWidth - Frame.width(of: label)))
        put(value, first: label + pad, rest: String(repeating: " ", count: Self.labelWidth))
    }

    /// " [1, 2]", or "" when there are no sources.
    private mutating func refs(_ ids: [String]) -> String {
        let r = cited.refs(ids)
        return r.isEmpty ? "" : " " + r
    }

    // MARK: Page 1

    /// Every question, as the patient answered it: "NOT SURE" and "NOT
    /// GIVEN" stand out, and a question the aid did not ask says why.
    private mutating func answersAsGiven() {
        section("Answers as given")
        for field in AnswerField.allCases {
            guard let row = Self.answerRow(field, answers, content) else { continue }
            self.field(row.label, row.value)
        }
    }

    /// The label and value of one answer's row, or nil for no row (the EDSS
    /// and walking rows stand in for each other).
    static func answerRow(_ field: AnswerField, _ a: Answers, _ content: ContentSet) -> (label: String, value: String)? {
        let label = Self.label(field)
        if let why = notAsked(field, a) { return (label, "not asked (" + why + ")") }
        let unsure = "NOT SURE", missing = "NOT GIVEN"
        switch field {
        case .age:
            return (label, a.age.map(String.init) ?? missing)
        case .subtype:
            switch a.subtype {
            case .relapsingRemitting?: return (label, "relapsing-remitting")
            case .secondaryProgressive?: return (label, "secondary progressive")
            case .primaryProgressive?: return (label, "primary progressive")
            case .clinicallyIsolated?: return (label, "clinically isolated syndrome")
            case .unsure?: return (label, unsure)
            case nil: return (label, missing)
            }
        case .relapsesLast12Months:
            return (label, a.relapsesLast12Months.map(String.init) ?? missing)
        case .newMRIActivityLast12Months:
            switch a.newMRIActivityLast12Months {
            case .yes?: return (label, "yes")
            case .no?: return (label, "no")
            case .unknown?: return (label, "NOT SURE (does not know)")
            case nil: return (label, missing)
            }
        case .edss:
            if let edss = a.edss {
                // The walking band, when given too, is a check on the score.
                guard let band = a.walking?.edssBand else { return (label, format(edss) + " (exact score given; the rules use it)") }
                let inBand = edss >= band.low && edss <= (band.high ?? 10)
                return (label, format(edss) + (inBand ? " (exact, used by the rules; in the walking band)"
                                                     : " (exact, used by the rules). CHECK: outside the walking band"))
            }
            if let walking = a.walking {
                return (label, "none given; the rules use \(format(walking.edssForRules)), the band's top")
            }
            return (label, missing + " (no exact score and no walking answer)")
        case .walking:
            // No walking answer: the EDSS row says so (an exact score makes
            // the walking question unnecessary).
            guard let walking = a.walking else { return nil }
            return (label, walkingWords(walking) + " (band " + walking.edssText + ")")
        case .disabilityFromRecentRelapse:
            switch a.disabilityFromRecentRelapse {
            case .yes?: return (label, "yes")
            case .no?: return (label, "no")
            case .unsure?: return (label, unsure)
            case nil: return (label, missing)
            }
        case .yearsSinceDiagnosis:
            guard let years = a.yearsSinceDiagnosis else { return (label, missing) }
            return (label, years == 0 ? "under 1" : String(years))
        case .therapies:
            guard let ids = a.therapies else { return (label, missing) }
            if ids.isEmpty { return (label, "none") }
            return (label, ids.map { id in
                let therapy = content.therapy(id)
                return (therapy?.name ?? id) + (therapy.map { " (" + className($0.therapyClass) + ")" } ?? "")
            }.joined(separator: "; "))
        case .activeOnTreatment:
            let drugs = a.strongDrugsTried.map { content.therapy($0)?.name ?? $0 }
            let on = drugs.isEmpty ? "" : " (" + AnswerPhrases.list(drugs) + ")"
            switch a.activeOnTreatment {
            case .yes?: return (label, "yes, after 6 months or more on it" + on)
            case .early?: return (label, "only in the first 6 months on it" + on)
            case .no?: return (label, "no, not while on it" + on)
            case .unsure?: return (label, unsure + on)
            case nil: return (label, missing + on)
            }
        case .highEfficacyContraindicated:
            return (label, yesNo(a.highEfficacyContraindicated, a.notSure.contains(field)))
        case .seriousComorbidity:
            return (label, yesNo(a.seriousComorbidity, a.notSure.contains(field)))
        }
    }

    static func yesNo(_ value: Bool?, _ notSure: Bool) -> String {
        switch value {
        case true?: return "yes"
        case false?: return "no"
        case nil: return notSure ? "NOT SURE" : "NOT GIVEN"
        }
    }

    static func label(_ field: AnswerField) -> String {
        switch field {
        case .age: return "Age"
        case .subtype: return "MS type"
        case .relapsesLast12Months: return "Relapses, last 12 months"
        case .newMRIActivityLast12Months: return "New MRI lesions, 12 months"
        case .walking: return "Walking"
        case .edss: return "EDSS"
        case .disabilityFromRecentRelapse: return "EDSS from a recent relapse"
        case .yearsSinceDiagnosis: return "Years since diagnosis"
        case .therapies: return "DMTs ever taken"
        case .activeOnTreatment: return "Activity while on the DMT"
        case .highEfficacyContraindicated: return "High-efficacy DMT ruled out"
        case .seriousComorbidity: return "Serious comorbidity"
        }
    }

    /// The answer's topic inside a sentence ("MS type", "EDSS").
    static func topic(_ field: AnswerField) -> String {
        switch field {
        case .walking, .edss: return "EDSS (exact or walking band)"
        case .seriousComorbidity: return "serious heart, lung, liver or kidney disease"
        case .newMRIActivityLast12Months: return "new or active MRI lesions in 12 months"
        case .disabilityFromRecentRelapse: return "whether the EDSS came with a recent relapse"
        case .activeOnTreatment: return "whether the activity came on the DMT"
        case .highEfficacyContraindicated: return "whether high-efficacy DMTs are ruled out"
        default:
            let text = label(field)
            return text == "MS type" || text == "DMTs ever taken" ? text : text.prefix(1).lowercased() + text.dropFirst()
        }
    }

    /// The answer's topic in a word or two, for lists ("relapses", "EDSS").
    static func shortTopic(_ field: AnswerField) -> String {
        switch field {
        case .age: return "age"
        case .subtype: return "MS type"
        case .relapsesLast12Months: return "relapses"
        case .newMRIActivityLast12Months: return "MRI activity"
        case .walking, .edss: return "EDSS"
        case .disabilityFromRecentRelapse: return "EDSS from a relapse"
        case .yearsSinceDiagnosis: return "years since diagnosis"
        case .therapies: return "DMTs taken"
        case .activeOnTreatment: return "activity on the DMT"
        case .highEfficacyContraindicated: return "high-efficacy DMT ruled out"
        case .seriousComorbidity: return "serious comorbidity"
        }
    }

    /// Why the aid did not ask a question, in a clinician's words; nil if it asked.
    static func notAsked(_ field: AnswerField, _ a: Answers) -> String? {
        guard !a.applies(field) else { return nil }
        switch field {
        case .newMRIActivityLast12Months where a.newMRIActivityLast12Months == nil:
            return "2 or more relapses already count as substantial activity"
        case .disabilityFromRecentRelapse where a.disabilityFromRecentRelapse == nil:
            guard let edss = a.effectiveEDSS else { return "EDSS not known" }
            return edss.score < 6.5 ? "asked only at EDSS 6.5 to 7.5" : "at this EDSS the level is the same either way"
        case .activeOnTreatment where a.activeOnTreatment == nil:
            if a.isActive == false { return "no activity in the last 12 months" }
            guard let therapies = a.therapies else { return "DMTs not given" }
            if therapies.isEmpty { return "no DMT taken" }
            return "no high-efficacy or sources-differ DMT"
        default:
            return nil
        }
    }

    /// The walking band in a clinician's words (the distances are those of
    /// the walking question in questions.yaml).
    static func walkingWords(_ walking: Walking) -> String {
        switch walking {
        case .unlimited: return "walks without aid or limit"
        case .limited: return "walks without aid, limited distance"
        case .oneSidedAid: return "unilateral aid to walk about 100 m"
        case .twoSidedAid: return "bilateral aid to walk about 20 m"
        case .wheelchair: return "mostly uses a wheelchair"
        case .bedbound: return "in bed or a chair most of the day"
        }
    }

    static func className(_ therapyClass: TherapyClass) -> String {
        switch therapyClass {
        case .highEfficacy: return "high-efficacy"
        case .sourcesDiffer: return "sources differ"
        case .platform: return "platform"
        }
    }

    /// The level by its name, and the words the patient saw for it.
    private mutating func level() {
        section("Level: " + Self.levelName(assessment.level))
        if fit.shownOnPageOne { para(shown) }
    }

    private var shown: String { "The patient was shown: \"" + sentence(assessment.headline) + "\"" }

    static func levelName(_ level: CandidacyLevel) -> String {
        switch level {
        case .strong: return "strong"
        case .discuss: return "discuss"
        case .notSupported: return "not supported"
        case .needMoreInformation: return "need more information"
        }
    }

    /// Each rule: its id and level, the answers behind it, its reason (the
    /// clinician's words where content gives them) and its sources. Rules at
    /// the deciding level first; the others and notes after.
    private mutating func rulesThatFired() {
        section("Rules that fired (the most serious level decides)")
        var shortened = false
        for reason in assessment.reasons {
            let deciding = reason.kind == .level(assessment.level)
            var head = reason.rule + " [" + kindName(reason.kind) + "]"
            if !fit.sourceNames { head += refs(reason.sources) }
            if let on = on(reason) { head += ". " + on }
            item(head)
            let text = clinicianReason(reason)
            if deciding && fit.decidingReasonsInFull || !deciding && fit.otherReasons {
                subitem(text)
            } else if deciding {
                let gist = SummaryBuilder.gist(text)
                subitem(gist)
                shortened = shortened || gist != text
            } else {
                shortened = true
            }
            if fit.sourceNames { subitem("Sources: " + sourceNames(reason.sources)) }
        }
        if shortened { para("Each reason in full, and what each rule checks: page 2.") }
    }

    private func kindName(_ kind: RuleKind) -> String {
        switch kind {
        case .level(let level): return Self.levelName(level)
        case .note: return "note, does not change the level"
        }
    }

    /// "On: age 62; EDSS 8.5 (exact)." or "Missing: MS type; age."
    private func on(_ reason: Reason) -> String? {
        guard !reason.fields.isEmpty else { return nil }
        if reason.missing { return "Missing: " + AnswerPhrases.list(reason.fields.map { Self.shortTopic($0) }) + "." }
        // A long list only repeats the answers above.
        if reason.fields.count > 3 { return "On: the answers above." }
        return "On: " + reason.fields.map { Self.phrase($0, answers, content) }.joined(separator: "; ") + "."
    }

    /// An answer as a short phrase for "On: …".
    static func phrase(_ field: AnswerField, _ a: Answers, _ content: ContentSet) -> String {
        switch field {
        case .edss, .walking:
            if let edss = a.edss { return "EDSS \(format(edss)) (exact)" }
            if let walking = a.walking { return "walking band " + walking.edssText }
            return "EDSS NOT GIVEN"
        default:
            guard let row = answerRow(field, a, content) else { return topic(field) }
            switch field {
            case _ where row.value.hasPrefix("NOT "): return shortTopic(field) + " " + row.value
            case .age: return "age " + row.value
            case .subtype: return row.value
            case .relapsesLast12Months: return row.value + " relapse" + (a.relapsesLast12Months == 1 ? "" : "s") + " in 12 months"
            case .yearsSinceDiagnosis: return row.value + " year" + (a.yearsSinceDiagnosis == 1 ? "" : "s") + " since diagnosis"
            default: return topic(field) + ": " + row.value
            }
        }
    }

    /// The clinician's words for the rule where content gives them, else the patient's.
    private func clinicianReason(_ reason: Reason) -> String {
        content.rule(reason.rule)?.clinician ?? reason.text
    }

    /// "NMSS 2021 [1]; ECTRIMS/EBMT 2025 [2]"
    private mutating func sourceNames(_ ids: [String]) -> String {
        let numbered = cited.numbers(ids)
        if numbered.isEmpty { return "none listed" }
        return numbered.map { id, number in
            guard let number, let source = content.source(id) else { return id }
            return source.short + " [\(number)]"
        }.joined(separator: "; ") + "."
    }

    /// The unsure or missing answers that change the level, and those that do not.
    private mutating func whatWouldChangeIt() {
        section("What would change the level: the unsure or missing answers")
        let changing = assessment.unknownsThatChangeIt
        let notChanging = assessment.unknownsThatDoNot
        if changing.isEmpty && notChanging.isEmpty {
            item("None: every answer that applies was given, so the level follows from them. A new answer (a relapse, an MRI, a new EDSS) can change it.")
            return
        }
        item("Would change it: " + (changing.isEmpty ? "none" : changing.map(unknown).joined(separator: "; ")) + ".")
        if !notChanging.isEmpty {
            item("Would not change it: " + notChanging.map(unknown).joined(separator: "; ") + ".")
        }
    }

    /// "MS type (NOT SURE)"
    private func unknown(_ field: AnswerField) -> String {
        let shown = field == .edss || field == .walking ? "NOT GIVEN" : (Self.answerRow(field, answers, content)?.value ?? "NOT GIVEN")
        return Self.shortTopic(field) + " " + (shown.hasPrefix("NOT SURE") ? "NOT SURE" : "NOT GIVEN")
    }

    /// Which of the answers that make harm more likely apply, and the risks
    /// the content says are higher for people with them.
    private mutating func riskFlags() {
        section("Risk flags")
        let factors = answers.riskFactors
        var present: [String] = [], absent: [String] = [], unknown: [String] = []
        for factor in RiskFactor.allCases {
            let words = Self.factorWords(factor)
            if factors.contains(factor) { present.append(words) }
            else if Self.factorUnknown(factor, answers) { unknown.append(words) }
            else { absent.append(words) }
        }
        var parts = ["Present: " + (present.isEmpty ? "none" : present.joined(separator: "; ")) + "."]
        if !absent.isEmpty { parts.append("Absent: " + absent.joined(separator: "; ") + ".") }
        if !unknown.isEmpty { parts.append("Not known: " + unknown.joined(separator: "; ") + ".") }
        item("Answers that make some risks higher. " + parts.joined(separator: " "))
        let higher = assessment.risks.filter(\.higherForYou)
        if !higher.isEmpty {
            var names: [String] = []
            for match in higher {
                names.append(match.risk.name + refs(match.risk.higherFor?.sources ?? match.risk.sources))
            }
            item("Risks the content flags as higher for this patient: " + names.joined(separator: "; ") + " (why: page 2).")
        }
    }

    static func factorWords(_ factor: RiskFactor) -> String {
        switch factor {
        case .older: return "age 45 or more"
        case .disabled: return "EDSS 6.0 or more"
        case .progressive: return "progressive MS"
        case .illness: return "serious comorbidity"
        }
    }

    static func factorUnknown(_ factor: RiskFactor, _ a: Answers) -> Bool {
        switch factor {
        case .older: return a.age == nil
        case .disabled: return a.effectiveEDSS == nil
        case .progressive: return a.subtype == nil || a.subtype == .unsure
        case .illness: return a.seriousComorbidity == nil
        }
    }

    /// What the patient worked out in the aid: ratings, concern, leaning,
    /// role, others and pressure, SURE, questions, knowledge check.
    private mutating func values() {
        section("The patient's values and readiness")
        let d = deliberation
        if d.isEmpty && ownQuestions.isEmpty && input.ticked.isEmpty {
            item("None recorded (no ratings, leaning, SURE answers or questions).")
            return
        }
        let rated = content.values.filter { d.ratings[$0.id] != nil }
        if rated.isEmpty {
            item("None of the \(content.values.count) value statements rated.")
        } else {
            var parts: [String] = []
            var lower = 0
            var ratings: [Rating] = (0...4).reversed().map { .score($0) }
            ratings.append(.notSure)
            for rating in ratings {
                let these = rated.filter { d.ratings[$0.id] == rating }
                guard !these.isEmpty else { continue }
                if !fit.valuesInFull, case .score(let n) = rating, n < 3 { lower += these.count; continue }
                parts.append(SummaryBuilder.shortRatingText(rating) + ": "
                             + (fit.valueNames ? these.map(\.text).joined(separator: "; ") : these.count == 1 ? "1 statement" : "\(these.count) statements") + ".")
            }
            if lower > 0 { parts.append("Rated 2 of 4 or less: \(lower).") }
            let unrated = content.values.count - rated.count
            if unrated > 0 { parts.append("Not rated: \(unrated) of \(content.values.count).") }
            if lower > 0 || !fit.valueNames { parts.append("Each by name: page 2.") }
            item("What matters to the patient: " + parts.joined(separator: " "))
        }
        let concern = SummaryLayout.cleaned(d.concern, limit: 500)
        if !concern.isEmpty && fit.ownWords != 0 {
            let rating = d.concernRating.map { " (" + SummaryBuilder.shortRatingText($0) + ")" } ?? ""
            item("Own concern" + rating + ": \"" + shortened(concern) + "\"")
        }
        var choice = "Leaning: " + quoted(d.leaning, in: content.leanings) + ". How they want to decide: " + quoted(d.role, in: content.roles) + "."
        let others = SummaryLayout.cleaned(d.others, limit: 300)
        if !others.isEmpty && fit.ownWords != 0 { choice += " Others part of the choice: \"" + shortened(others) + "\"." }
        if d.pressure != nil { choice += " Feels pushed: " + quoted(d.pressure, in: content.pressure) + "." }
        item(choice)
        item(sure())
        let asked = content.doctorQuestions.filter { d.asked.contains($0.id) }
        var questions = asked.isEmpty ? "Questions ticked for you: none." : "Questions ticked for you: \(asked.count) (listed on page 2)."
        if fit.ownWords == 0 {
            var mine: [String] = []
            if !concern.isEmpty { mine.append("an own concern") }
            if !others.isEmpty { mine.append("who else is part of the choice") }
            if !ownQuestions.isEmpty { mine.append(ownQuestions.count == 1 ? "an own question" : "\(ownQuestions.count) own questions") }
            if !mine.isEmpty { questions += " In their own words, on page 2: " + AnswerPhrases.list(mine) + "." }
        } else if !ownQuestions.isEmpty {
            questions += " Own question" + (ownQuestions.count == 1 ? "" : "s") + ": "
                + ownQuestions.map { "\"" + shortened($0) + "\"" }.joined(separator: "; ") + "."
        }
        item(questions)
        var more: [String] = []
        if let knowledge = KnowledgeScore(d.knowledge, items: content.knowledgeCheck) { more.append("Knowledge check: " + knowledge.text + ".") }
        if !content.checklist.isEmpty {
            let done = content.checklist.filter { input.ticked.contains($0.id) }.count
            more.append("Clinic checklist: \(done) of \(content.checklist.count) looked into (page 2).")
        }
        if !more.isEmpty { item(more.joined(separator: " ")) }
    }

    /// "SURE test: before 0 of 4, after 3 of 4 (no to U: Do you know …)."
    private func sure() -> String {
        let items = content.sure
        func score(_ answers: [String: Bool]) -> String {
            SureScore.score(answers, items: items).map { "\($0) of \(items.count)" } ?? "not done"
        }
        var line = "SURE test (4 of 4 means no decisional conflict): before " + score(deliberation.sureBefore) + ", after " + score(deliberation.sureAfter)
        let needs = SureScore.needs(deliberation.sureAfter, items: items)
        if !needs.isEmpty {
            line += fit.valuesInFull
                ? "; after, no to " + needs.map { $0.letter + " (\"" + $0.question + "\")" }.joined(separator: ", ")
                : "; after, no to " + AnswerPhrases.list(needs.map(\.letter)) + " (page 2)"
        }
        return line + "."
    }

    private var ownQuestions: [String] {
        (input.ownQuestions + deliberation.ownQuestions).map { SummaryLayout.cleaned($0, limit: 300) }.filter { !$0.isEmpty }
    }

    /// The patient's own words, cut at a word break for page 1.
    private func shortened(_ text: String) -> String {
        guard let limit = fit.ownWords, text.count > limit else { return text }
        return SummaryBuilder.shortened(text, to: limit)
    }

    /// The label the patient chose, in quotes, or "not recorded".
    private func quoted(_ value: String?, in choices: [Labelled]) -> String {
        guard let value else { return "not recorded" }
        let label = choices.first { $0.value == value }?.label ?? SummaryLayout.cleaned(value, limit: 100)
        return "\"" + label + "\""
    }

    /// The numbered references, each in full with its DOI or web address.
    private mutating func references() {
        if fit.referencesOnPageOne {
            section("References")
        } else {
            heading("References (numbered as on page 1)")
        }
        if cited.ordered.isEmpty { para("None cited.") }
        references(from: 0, heading: nil)
    }

    private mutating func references(from start: Int, heading text: String?) {
        if let text { heading(text) }
        for (index, source) in cited.ordered.enumerated().dropFirst(start) {
            let number = "[\(index + 1)] "
            put(source.fullCitation, first: number, rest: String(repeating: " ", count: number.count))
        }
        listed = cited.ordered.count
    }

    // MARK: Page 2

    /// Each rule that fired: what the rule table checks, the reasons (the
    /// clinician's words and what the patient read), what the patient was
    /// told could change it.
    private mutating func rulesInFull() {
        heading("The rules that fired, in full")
        if !fit.shownOnPageOne { para("Level: " + Self.levelName(assessment.level) + ". " + shown) }
        para("The most serious level that fires decides: not supported, then need more information, then discuss; strong only if its profile matches. Notes never change the level. Unsure or missing answers are filled in every representative way; if the level differs between them, it is need more information. `decision-aid rules` lists every rule.")
        for reason in assessment.reasons {
            let rule = RuleTable.allRules.first { $0.id == reason.rule }
            item(reason.rule + " [" + kindName(reason.kind) + "]" + refs(reason.sources))
            if let rule { subitem("Rule: " + rule.condition + ".") }
            let words = content.rule(reason.rule)
            if let clinician = words?.clinician {
                subitem("Reason: " + clinician)
                subitem("The patient read: " + reason.text)
            } else {
                subitem("Reason (as the patient read it): " + reason.text)
            }
            if let change = reason.change { subitem("The patient was told what could change it: " + change) }
        }
    }

    /// Why each flagged risk is higher, in the content's words.
    private mutating func higherRisksInFull() {
        let higher = assessment.risks.filter(\.higherForYou)
        guard !higher.isEmpty else { return }
        heading("Risks flagged as higher for this patient, and why")
        for match in higher {
            let why = match.risk.higherFor.map { $0.text + refs($0.sources) } ?? ""
            item(match.risk.name + ": " + why)
        }
    }

    /// Every rating, the ticked questions, and the patient's own words in full.
    private mutating func valuesInFull() {
        let d = deliberation
        let asked = content.doctorQuestions.filter { d.asked.contains($0.id) }
        let concern = SummaryLayout.cleaned(d.concern, limit: 500)
        let others = SummaryLayout.cleaned(d.others, limit: 300)
        guard !d.ratings.isEmpty || !asked.isEmpty || !concern.isEmpty || !others.isEmpty || !ownQuestions.isEmpty else { return }
        heading("The patient's values and questions, in full")
        for value in content.values where d.ratings[value.id] != nil {
            item(value.text + ": " + SummaryBuilder.ratingText(d.ratings[value.id]))
        }
        if !concern.isEmpty { item("Own concern: \"" + concern + "\"") }
        if !others.isEmpty { item("Others part of the choice: \"" + others + "\"") }
        for question in asked { item("Ticked for you: " + question.text) }
        for question in ownQuestions { item("Own question: \"" + question + "\"") }
        for item in SureScore.needs(d.sureAfter, items: content.sure) {
            self.item("SURE, after: no to \"" + item.question + "\"")
        }
    }

    /// The clinic checklist as the patient ticked it.
    private mutating func checklist() {
        guard !input.ticked.isEmpty else { return }
        heading("Clinic checklist: what the patient has looked into")
        for item in content.checklist where input.ticked.contains(item.id) {
            self.item((item.redFlag ? "Warning sign: " : "") + item.question)
        }
        let open = content.checklist.filter { !input.ticked.contains($0.id) }.count
        para("Not yet looked into: \(open) of \(content.checklist.count).")
    }

    private mutating func about() {
        let about = content.about
        heading("About this printout")
        para("Rules version \(RuleTable.version); content \(about.version), reviewed \(about.reviewed), review by \(about.reviewBy).")
        if input.today > about.reviewBy {
            para("The content was due for review on \(about.reviewBy) and has not been reviewed since. Newer evidence may exist.")
        }
        para("Made with decision-aid from the patient's answers; nothing was sent anywhere.")
    }

    private func sentence(_ s: String) -> String {
        guard let last = s.last else { return s }
        return ".!?".contains(last) ? s : s + "."
    }
}

extension SummaryDocument {
    /// What save and print give: the patient's one-page summary, or in
    /// clinician mode the clinician's printout (text only: it is laid out for
    /// a page, so a .md name still gets the text).
    static func render(_ input: SummaryInput, for audience: Settings.Audience, markdown: Bool) -> String {
        switch audience {
        case .patient: return render(input, format: markdown ? .markdown : .text)
        case .clinician: return ClinicianSummary.render(input)
        }
    }
}
