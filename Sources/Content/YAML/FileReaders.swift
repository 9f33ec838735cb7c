import Content

/// Reads each content file's entries into models. Field-level problems
/// (missing keys, wrong types, bad dates, typos) are logged with their line.
enum FileReaders {
    static func read(_ roots: [String: Entry], log: ProblemLog) -> ContentSet? {
        let about = roots["about.yaml"].flatMap(readAbout)
        guard let sourcesRoot = roots["sources.yaml"], let studiesRoot = roots["studies.yaml"],
              let risksRoot = roots["risks.yaml"], let checklistRoot = roots["checklist.yaml"],
              let therapiesRoot = roots["therapies.yaml"], let glossaryRoot = roots["glossary.yaml"],
              let rulesRoot = roots["rules.yaml"], let questionsRoot = roots["questions.yaml"],
              let optionsRoot = roots["options.yaml"], let deliberationRoot = roots["deliberation.yaml"]
        else { return nil }

        let sources = sourcesRoot.entries("sources", labelled: "source").compactMap(readSource)
        let studies = studiesRoot.entries("studies", labelled: "study").compactMap(readStudy)
        let risks = risksRoot.entries("risks", labelled: "risk").compactMap(readRisk)
        let checklist = checklistRoot.entries("checklist", labelled: "checklist item").compactMap(readChecklistItem)
        let note = therapiesRoot.entry("note").flatMap { readCited($0, key: "text") }
        let therapies = therapiesRoot.entries("therapies", labelled: "therapy").compactMap(readTherapy)
        let glossary = glossaryRoot.entries("glossary", labelled: "glossary term").compactMap(readTerm)
        var levels: [String: LevelText] = [:]
        if let levelsEntry = rulesRoot.entry("levels") {
            for name in levelsEntry.keys {
                if let entry = levelsEntry.entry(name), let level = readLevel(entry) { levels[name] = level }
            }
            // Level names are checked against the program's levels by ContentContract.
        }
        let rules = rulesRoot.entries("rules", labelled: "rule").compactMap(readRule)
        let questions = questionsRoot.entries("questions", labelled: "question").compactMap(readQuestion)
        let options = optionsRoot.entries("options", labelled: "option").compactMap(readOption)
        let grid = optionsRoot.entries("grid", labelled: "grid row").compactMap(readGridRow)
        let trials = optionsRoot.entries("trials", labelled: "trial").compactMap(readTrial)
        let keyNumbers = optionsRoot.entries("keyNumbers", labelled: "key number").compactMap(readKeyNumber)
        let values = deliberationRoot.entries("values", labelled: "value").compactMap(readValue)
        let leanings = deliberationRoot.entries("leanings", labelled: "leaning").compactMap(readLabelled)
        let roles = deliberationRoot.entries("roles", labelled: "role").compactMap(readLabelled)
        let pressure = deliberationRoot.entries("pressure", labelled: "pressure choice").compactMap(readLabelled)
        let sure = deliberationRoot.entries("sure", labelled: "SURE item").compactMap(readSureItem)
        let doctorQuestions = deliberationRoot.entries("doctorQuestions", labelled: "doctor question").compactMap(readDoctorQuestion)
        let knowledge = deliberationRoot.entries("knowledgeCheck", required: false, labelled: "knowledge check item").compactMap(readKnowledgeItem)
        let experience = optionsRoot.entries("experience", required: false, labelled: "experience step").compactMap(readExperienceStep)
        let course = optionsRoot.entries("ifNothingChanges", required: false, labelled: "'if nothing changes' figure").compactMap(readCourseFigure)
        let topKeys: [String: [String]] = [
            "about.yaml": ["about"], "sources.yaml": ["sources"], "studies.yaml": ["studies"], "risks.yaml": ["risks"],
            "checklist.yaml": ["checklist"], "therapies.yaml": ["note", "therapies"], "glossary.yaml": ["glossary"],
            "rules.yaml": ["levels", "rules"], "questions.yaml": ["questions"],
            "options.yaml": ["options", "grid", "trials", "keyNumbers", "experience", "ifNothingChanges"],
            "deliberation.yaml": ["values", "leanings", "roles", "pressure", "sure", "doctorQuestions", "knowledgeCheck"],
        ]
        for (name, root) in roots { root.finish(known: topKeys[name] ?? []) }
        guard let about, let therapiesNote = note else { return nil }
        var set = ContentSet(
            about: about, sources: sources, studies: studies, risks: risks, checklist: checklist,
            therapiesNote: therapiesNote, therapies: therapies, glossary: glossary, levels: levels,
            rules: rules, questions: questions
        )
        set.options = options
        set.grid = grid
        set.trials = trials
        set.keyNumbers = keyNumbers
        set.values = values
        set.leanings = leanings
        set.roles = roles
        set.pressure = pressure
        set.sure = sure
        set.doctorQuestions = doctorQuestions
        set.knowledgeCheck = knowledge
        set.experience = experience
        set.ifNothingChanges = course
        return set
    }

    private static func readAbout(_ root: Entry) -> About? {
        guard let e = root.entry("about") else { return nil }
        defer { e.finish(known: ["version", "reviewed", "reviewBy", "madeBy", "updatePolicy", "funding", "conflicts", "evidenceMethod", "purpose", "notAdvice", "timeNeeded", "condition", "reportErrors", "testing"]) }
        let reviewed = e.day("reviewed"), reviewBy = e.day("reviewBy")
        if let reviewed, let reviewBy, reviewBy <= reviewed {
            e.problem(e.node("reviewBy")?.1 ?? e.line, "'reviewBy' (\(reviewBy)) should come after 'reviewed' (\(reviewed))")
        }
        // Read every field before judging, so one bad field does not hide the rest.
        let version = e.string("version"), madeBy = e.string("madeBy"), updatePolicy = e.string("updatePolicy")
        let funding = e.string("funding"), conflicts = e.string("conflicts"), evidenceMethod = e.string("evidenceMethod")
        let purpose = e.string("purpose"), notAdvice = e.string("notAdvice"), timeNeeded = e.string("timeNeeded")
        let condition = e.string("condition")
        let reportErrors = e.string("reportErrors"), testing = e.string("testing")
        guard let reportErrors, let testing, let version, let reviewed, let reviewBy, let madeBy, let updatePolicy, let funding, let conflicts,
              let evidenceMethod, let purpose, let notAdvice, let timeNeeded, let condition
        else { return nil }
        return About(version: version, reviewed: reviewed, reviewBy: reviewBy, madeBy: madeBy,
                     updatePolicy: updatePolicy, funding: funding, conflicts: conflicts,
                     evidenceMethod: evidenceMethod, purpose: purpose, notAdvice: notAdvice, timeNeeded: timeNeeded, condition: condition,
                     reportErrors: reportErrors, testing: testing)
    }

    private static func kind(_ e: Entry, _ key: String) -> SourceKind? {
        guard let text = e.string(key) else { return nil }
        guard let kind = SourceKind(rawValue: text) else {
            e.problem(e.node(key)?.1 ?? e.line, "'\(key)' in \(e.label) is '\(text)'; allowed: \(SourceKind.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return kind
    }

    private static func readSource(_ e: Entry) -> Source? {
        defer { e.finish(known: ["id", "short", "citation", "year", "kind", "link", "checked"]) }
        guard let id = e.string("id"), let short = e.string("short"), let citation = e.string("citation"),
              let year = e.int("year", in: 1900...2100), let kind = kind(e, "kind"),
              let link = e.string("link"), let checked = e.string("checked")
        else { return nil }
        return Source(id: id, short: short, citation: citation, year: year, kind: kind, link: link, checked: checked, line: e.line)
    }

    /// An entry holding a text (under `key`) and its `sources`.
    private static func readCited(_ e: Entry, key: String) -> Cited? {
        defer { e.finish(known: [key, "sources"]) }
        guard let text = e.string(key) else { return nil }
        return Cited(text: text, sources: e.words("sources"), line: e.line)
    }

    /// A text field of an entry that cites the entry's own sources.
    private static func citedField(_ e: Entry, _ key: String, sources: [String], required: Bool = true) -> Cited? {
        guard let text = e.string(key, required: required) else { return nil }
        return Cited(text: text, sources: sources, line: e.node(key)?.1 ?? e.line)
    }

    /// A list of words that must each be one of an enum's values; a wrong one
    /// is named with the allowed values, at its line.
    private static func enumWords<T: RawRepresentable & CaseIterable>(_ e: Entry, _ key: String) -> [T] where T.RawValue == String {
        e.words(key).compactMap { word in
            guard let value = T(rawValue: word) else {
                e.problem(e.node(key)?.1 ?? e.line, "'\(word)' in '\(key)' of \(e.label) is not one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            return value
        }
    }

    /// `grade` (high, moderate, low, very-low) with its one-line `gradeReason`.
    /// Left out, it is nil: the validator says where one is needed.
    private static func readGrade(_ e: Entry) -> Grade? {
        let reason = e.string("gradeReason", required: false)
        guard let text = e.string("grade", required: false) else {
            if reason != nil { e.problem(e.node("gradeReason")?.1 ?? e.line, "\(e.label) has 'gradeReason' but no 'grade'") }
            return nil
        }
        guard let level = GradeLevel(rawValue: text) else {
            e.problem(e.node("grade")?.1 ?? e.line, "'grade' of \(e.label) is '\(text)'; allowed: \(GradeLevel.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        guard let reason else {
            e.problem(e.node("grade")?.1 ?? e.line, "\(e.label) has a 'grade' but no 'gradeReason': say in one line why")
            return nil
        }
        return Grade(level: level, reason: reason)
    }

    private static func readStudy(_ e: Entry) -> Study? {
        defer { e.finish(known: ["id", "name", "who", "howMany", "design", "followUp", "groups", "summary", "outcomes", "limitations", "sources", "options", "grade", "gradeReason"]) }
        let sources = e.words("sources")
        let groups: [StudyGroup] = enumWords(e, "groups")
        let outcomes = e.entries("outcomes", labelled: "outcome").compactMap { readCited($0, key: "text") }
        let limitations = e.entries("limitations", labelled: "limitation").compactMap { readCited($0, key: "text") }
        guard let id = e.string("id"), let name = e.string("name"), let who = e.string("who"),
              let howMany = e.int("howMany", in: 1...1_000_000), let design = kind(e, "design"),
              let followUp = citedField(e, "followUp", sources: sources),
              let summary = citedField(e, "summary", sources: sources)
        else { return nil }
        var study = Study(id: id, name: name, who: who, howMany: howMany, design: design, followUp: followUp,
                          groups: groups, summary: summary, outcomes: outcomes, limitations: limitations,
                          sources: sources, line: e.line)
        study.options = e.words("options")
        study.grade = readGrade(e)
        return study
    }

    private static func readRisk(_ e: Entry) -> Risk? {
        defer { e.finish(known: ["id", "option", "name", "summary", "figures", "higherFor", "higherForSources", "higherWhen", "sources"]) }
        let sources = e.words("sources")
        let figures = e.entries("figures", labelled: "figure").compactMap { f -> RiskFigure? in
            defer { f.finish(known: ["text", "group", "timeFrame", "per100", "low", "high", "certainty", "grade", "gradeReason", "sources"]) }
            let per100 = f.double("per100", in: 0...100), low = f.double("low", in: 0...100), high = f.double("high", in: 0...100)
            guard let text = f.string("text"), let group = f.string("group"), let timeFrame = f.string("timeFrame"),
                  let certainty = f.string("certainty") else { return nil }
            return RiskFigure(text: text, group: group, timeFrame: timeFrame, per100: per100, low: low, high: high,
                              certainty: certainty, sources: f.words("sources"), line: f.line, grade: readGrade(f))
        }
        let higherFor = e.string("higherFor", required: false).map {
            Cited(text: $0, sources: e.words("higherForSources"), line: e.node("higherFor")?.1 ?? e.line)
        }
        _ = e.node("higherForSources")
        let higherWhen: [RiskFactor] = enumWords(e, "higherWhen")
        if (higherFor == nil) != higherWhen.isEmpty {
            e.problem(e.node(higherFor == nil ? "higherWhen" : "higherFor")?.1 ?? e.line,
                      "\(e.label) needs both 'higherFor' (the words) and 'higherWhen' (which answers make it apply), or neither")
        }
        let option = e.string("option")
        guard let id = e.string("id"), let option, let name = e.string("name"),
              let summary = citedField(e, "summary", sources: sources) else { return nil }
        var risk = Risk(id: id, option: option, name: name, summary: summary, figures: figures, higherFor: higherFor, sources: sources, line: e.line)
        risk.higherWhen = higherWhen
        return risk
    }

    private static func readChecklistItem(_ e: Entry) -> ChecklistItem? {
        defer { e.finish(known: ["id", "question", "why", "redFlag", "sources"]) }
        guard let id = e.string("id"), let question = e.string("question"), let why = e.string("why"),
              let redFlag = e.bool("redFlag") else { return nil }
        return ChecklistItem(id: id, question: question, why: why, redFlag: redFlag, sources: e.words("sources"), line: e.line)
    }

    private static func readTherapy(_ e: Entry) -> Therapy? {
        defer { e.finish(known: ["id", "name", "brands", "class", "sources"]) }
        let classes: [TherapyClass] = enumWords(e, "class")
        if e.node("class") != nil && classes.count != 1 {
            e.problem(e.node("class")?.1 ?? e.line, "'class' of \(e.label) must be one of: \(TherapyClass.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let id = e.string("id"), let name = e.string("name"), let brands = e.string("brands"),
              e.string("class") != nil, let therapyClass = classes.first else { return nil }
        return Therapy(id: id, name: name, brands: brands, therapyClass: therapyClass, sources: e.words("sources"), line: e.line)
    }

    private static func readTerm(_ e: Entry) -> GlossaryTerm? {
        defer { e.finish(known: ["id", "term", "definition", "sources"]) }
        guard let id = e.string("id"), let term = e.string("term"), let definition = e.string("definition") else { return nil }
        return GlossaryTerm(id: id, term: term, definition: definition, sources: e.words("sources"), line: e.line)
    }

    private static func readLevel(_ e: Entry) -> LevelText? {
        defer { e.finish(known: ["headline", "explanation", "sources"]) }
        guard let headline = e.string("headline"), let explanation = e.string("explanation") else { return nil }
        return LevelText(headline: headline, explanation: explanation, sources: e.words("sources"), line: e.line)
    }

    private static func readRule(_ e: Entry) -> RuleText? {
        defer { e.finish(known: ["id", "text", "change", "clinician", "sources"]) }
        guard let id = e.string("id"), let text = e.string("text") else { return nil }
        return RuleText(id: id, text: text, change: e.string("change", required: false),
                        clinician: e.string("clinician", required: false), sources: e.words("sources"), line: e.line)
    }

    private static func readQuestion(_ e: Entry) -> Question? {
        defer { e.finish(known: ["id", "prompt", "why", "choices", "sources"]) }
        let choices = e.entries("choices", required: false, labelled: "choice").compactMap { c -> Choice? in
            defer { c.finish(known: ["value", "label", "description"]) }
            guard let value = c.string("value"), let label = c.string("label"),
                  let description = c.string("description") else { return nil }
            return Choice(value: value, label: label, description: description, line: c.line)
        }
        guard let id = e.string("id"), let prompt = e.string("prompt"), let why = e.string("why") else { return nil }
        return Question(id: id, prompt: prompt, why: why, choices: choices, sources: e.words("sources"), line: e.line)
    }

    // MARK: options.yaml

    private static func readOption(_ e: Entry) -> TreatmentOption? {
        defer { e.finish(known: ["id", "name", "short", "summary"]) }
        let summary = e.entry("summary", labelled: "the summary of \(e.label)").flatMap { readCited($0, key: "text") }
        guard let id = e.string("id"), let name = e.string("name"), let short = e.string("short"), let summary
        else { return nil }
        return TreatmentOption(id: id, name: name, short: short, summary: summary, line: e.line)
    }

    /// A mapping keyed by option id (`ahsct: {...}`), each value read by `read`.
    /// Unknown option ids are kept so the validator can name them.
    private static func byOption<T>(_ e: Entry, _ key: String, what: String, read: (Entry) -> T?) -> [String: T] {
        guard let table = e.entry(key, labelled: "'\(key)' of \(e.label)") else { return [:] }
        var out: [String: T] = [:]
        for option in table.keys {
            if let entry = table.entry(option, labelled: "the '\(option)' \(what) of \(e.label)"), let value = read(entry) {
                out[option] = value
            }
        }
        return out
    }

    private static func readGridRow(_ e: Entry) -> GridRow? {
        defer { e.finish(known: ["id", "question", "cells"]) }
        let cells = byOption(e, "cells", what: "cell") { c -> GridCell? in
            defer { c.finish(known: ["text", "sources", "noGoodNumber"]) }
            guard let text = c.string("text"), let noGoodNumber = c.bool("noGoodNumber", default: false) else { return nil }
            return GridCell(text: text, sources: c.words("sources"), noGoodNumber: noGoodNumber, line: c.line)
        }
        guard let id = e.string("id"), let question = e.string("question") else { return nil }
        return GridRow(id: id, question: question, cells: cells, line: e.line)
    }

    private static func readTrial(_ e: Entry) -> Trial? {
        defer { e.finish(known: ["id", "name", "registration", "places", "compares", "ageMin", "ageMax", "edssMin", "edssMax", "activity", "status", "takesUntreated", "sources"]) }
        // Read every field before judging, so one bad field does not hide the rest.
        let id = e.string("id"), name = e.string("name"), registration = e.string("registration")
        let places = e.string("places"), compares = e.string("compares")
        let ageMin = e.int("ageMin", in: 0...120), ageMax = e.int("ageMax", in: 0...120)
        // EDSS limits may be left out where a trial's limit is not in our sources.
        let edssMin = e.double("edssMin", in: 0...10), edssMax = e.double("edssMax", in: 0...10)
        let activity = e.string("activity"), status = e.string("status"), takesUntreated = e.bool("takesUntreated")
        guard let id, let name, let registration, let places, let compares, let ageMin, let ageMax,
              let activity, let status, let takesUntreated
        else { return nil }
        return Trial(id: id, name: name, registration: registration, places: places, compares: compares,
                     ageMin: ageMin, ageMax: ageMax, edssMin: edssMin, edssMax: edssMax, activity: activity,
                     status: status, takesUntreated: takesUntreated, sources: e.words("sources"), line: e.line)
    }

    private static func readKeyNumber(_ e: Entry) -> KeyNumber? {
        defer { e.finish(known: ["id", "outcome", "event", "nonEvent", "harm", "denominator", "timeFrame", "risk", "figures"]) }
        let figures = e.entries("figures", labelled: "figure").compactMap { f -> KeyFigure? in
            defer { f.finish(known: ["option", "per100", "low", "high", "text", "group", "groups", "certainty", "grade", "gradeReason", "sources"]) }
            let groups: [StudyGroup] = enumWords(f, "groups")
            let per100 = f.double("per100", in: 0...100), low = f.double("low", in: 0...100), high = f.double("high", in: 0...100)
            guard let option = f.string("option"), let text = f.string("text"), let group = f.string("group"),
                  let certainty = f.string("certainty") else { return nil }
            var figure = KeyFigure(option: option, per100: per100, low: low, high: high, text: text, group: group,
                                   certainty: certainty, sources: f.words("sources"), line: f.line)
            figure.groups = groups
            figure.grade = readGrade(f)
            return figure
        }
        let id = e.string("id"), outcome = e.string("outcome"), event = e.string("event"), nonEvent = e.string("nonEvent")
        let harm = e.bool("harm"), denominator = e.int("denominator", in: 1...1_000_000), timeFrame = e.string("timeFrame")
        guard let id, let outcome, let event, let nonEvent, let harm, let denominator, let timeFrame else { return nil }
        return KeyNumber(id: id, outcome: outcome, event: event, nonEvent: nonEvent, harm: harm, denominator: denominator,
                         timeFrame: timeFrame, risk: e.string("risk", required: false), figures: figures, line: e.line)
    }

    private static func readExperienceStep(_ e: Entry) -> ExperienceStep? {
        defer { e.finish(known: ["option", "when", "text", "sources"]) }
        guard let option = e.string("option"), let when = e.string("when"), let text = e.string("text") else { return nil }
        return ExperienceStep(option: option, when: when, text: text, sources: e.words("sources"), line: e.line)
    }

    private static func readCourseFigure(_ e: Entry) -> CourseFigure? {
        defer { e.finish(known: ["id", "heading", "text", "group", "timeFrame", "certainty", "grade", "gradeReason", "sources"]) }
        let grade = readGrade(e)
        guard let id = e.string("id"), let heading = e.string("heading"), let text = e.string("text"),
              let group = e.string("group"), let timeFrame = e.string("timeFrame"), let certainty = e.string("certainty")
        else { return nil }
        return CourseFigure(id: id, heading: heading, text: text, group: group, timeFrame: timeFrame, certainty: certainty,
                            grade: grade, sources: e.words("sources"), line: e.line)
    }

    // MARK: deliberation.yaml

    private static func readKnowledgeItem(_ e: Entry) -> KnowledgeItem? {
        defer { e.finish(known: ["id", "statement", "answer", "why", "section", "sources"]) }
        guard let id = e.string("id"), let statement = e.string("statement"), let answer = e.bool("answer"),
              let why = e.string("why"), let section = e.string("section") else { return nil }
        return KnowledgeItem(id: id, statement: statement, answer: answer, why: why, section: section,
                             sources: e.words("sources"), line: e.line)
    }

    private static func readValue(_ e: Entry) -> ValueStatement? {
        defer { e.finish(known: ["id", "text", "touches"]) }
        let touches = byOption(e, "touches", what: "entry") { readCited($0, key: "text") }
        guard let id = e.string("id"), let text = e.string("text") else { return nil }
        return ValueStatement(id: id, text: text, touches: touches, line: e.line)
    }

    private static func readLabelled(_ e: Entry) -> Labelled? {
        defer { e.finish(known: ["value", "label"]) }
        guard let value = e.string("value"), let label = e.string("label") else { return nil }
        return Labelled(value: value, label: label, line: e.line)
    }

    private static func readSureItem(_ e: Entry) -> SureItem? {
        defer { e.finish(known: ["id", "letter", "question", "ifNo", "sources"]) }
        guard let id = e.string("id"), let letter = e.string("letter"), let question = e.string("question"),
              let ifNo = e.string("ifNo") else { return nil }
        return SureItem(id: id, letter: letter, question: question, ifNo: ifNo, sources: e.words("sources"), line: e.line)
    }

    private static func readDoctorQuestion(_ e: Entry) -> DoctorQuestion? {
        defer { e.finish(known: ["id", "text"]) }
        guard let id = e.string("id"), let text = e.string("text") else { return nil }
        return DoctorQuestion(id: id, text: text, line: e.line)
    }
}
