/// Checks that hold across files: every cited source exists, every text with
/// a figure cites a source, ids are unique, ranges make sense.
public enum ContentValidator {
    public static func problems(in content: ContentSet) -> [ContentProblem] {
        var problems: [ContentProblem] = []
        let known = Set(content.sources.map(\.id))

        func duplicates<T>(_ items: [T], file: String, id: (T) -> String, line: (T) -> Int) {
            problems += duplicateIDs(items, file: file, id: id, line: line)
        }
        duplicates(content.sources, file: "sources.yaml", id: \.id, line: \.line)
        duplicates(content.studies, file: "studies.yaml", id: \.id, line: \.line)
        duplicates(content.risks, file: "risks.yaml", id: \.id, line: \.line)
        duplicates(content.checklist, file: "checklist.yaml", id: \.id, line: \.line)
        duplicates(content.therapies, file: "therapies.yaml", id: \.id, line: \.line)
        duplicates(content.glossary, file: "glossary.yaml", id: \.id, line: \.line)
        duplicates(content.rules, file: "rules.yaml", id: \.id, line: \.line)
        duplicates(content.questions, file: "questions.yaml", id: \.id, line: \.line)

        func cite(_ file: String, _ line: Int, _ what: String, texts: [String], sources: [String]) {
            problems += citeProblems(file, line, what, texts: texts, sources: sources, known: known)
        }

        for study in content.studies {
            cite("studies.yaml", study.line, "study '\(study.id)'", texts: [study.who, study.followUp.text, study.summary.text], sources: study.sources)
            if study.sources.isEmpty {
                problems.append(ContentProblem(file: "studies.yaml", line: study.line, message: "study '\(study.id)' lists no sources"))
            }
            for outcome in study.outcomes {
                cite("studies.yaml", outcome.line, "an outcome of '\(study.id)'", texts: [outcome.text], sources: outcome.sources)
            }
            for limitation in study.limitations {
                cite("studies.yaml", limitation.line, "a limitation of '\(study.id)'", texts: [limitation.text], sources: limitation.sources)
            }
        }
        for risk in content.risks {
            cite("risks.yaml", risk.line, "risk '\(risk.id)'", texts: [risk.name, risk.summary.text], sources: risk.sources)
            if let higherFor = risk.higherFor {
                cite("risks.yaml", higherFor.line, "'higherFor' of '\(risk.id)'", texts: ["0"], sources: higherFor.sources)
            }
            for figure in risk.figures {
                cite("risks.yaml", figure.line, "a figure of '\(risk.id)'", texts: [figure.text, figure.group, figure.timeFrame], sources: figure.sources)
                if let low = figure.low, let high = figure.high, low > high {
                    problems.append(ContentProblem(file: "risks.yaml", line: figure.line, message: "a figure of '\(risk.id)' has low \(low) above high \(high)"))
                }
                if let value = figure.per100, let low = figure.low, let high = figure.high, !(low...high).contains(value) {
                    problems.append(ContentProblem(file: "risks.yaml", line: figure.line, message: "a figure of '\(risk.id)' has per100 \(value) outside its range \(low) to \(high)"))
                }
            }
        }
        for item in content.checklist {
            cite("checklist.yaml", item.line, "checklist item '\(item.id)'", texts: [item.question, item.why], sources: item.sources)
        }
        cite("therapies.yaml", content.therapiesNote.line, "the note", texts: [content.therapiesNote.text], sources: content.therapiesNote.sources)
        for therapy in content.therapies {
            cite("therapies.yaml", therapy.line, "therapy '\(therapy.id)'", texts: [], sources: therapy.sources)
        }
        for term in content.glossary {
            cite("glossary.yaml", term.line, "glossary term '\(term.id)'", texts: [term.term, term.definition], sources: term.sources)
        }
        for (name, level) in content.levels.sorted(by: { $0.key < $1.key }) {
            cite("rules.yaml", level.line, "level '\(name)'", texts: [level.headline, level.explanation], sources: level.sources)
        }
        for rule in content.rules {
            cite("rules.yaml", rule.line, "rule '\(rule.id)'", texts: [rule.text, rule.change ?? "", rule.clinician ?? ""], sources: rule.sources)
            if rule.sources.isEmpty {
                problems.append(ContentProblem(file: "rules.yaml", line: rule.line, message: "rule '\(rule.id)' lists no sources; every rule rests on a guideline or study"))
            }
        }
        for question in content.questions {
            let texts = [question.prompt, question.why] + question.choices.flatMap { [$0.label, $0.description] }
            cite("questions.yaml", question.line, "question '\(question.id)'", texts: texts, sources: question.sources)
        }
        problems += optionProblems(in: content, known: known)
        problems += deliberationProblems(in: content, known: known)
        problems += gradeAndOptionProblems(in: content, known: known)

        let about = content.about
        // about.yaml cannot cite, so it may hold no medical figures. (The time the
        // aid takes and the review interval are not medical figures.)
        for (name, text) in [("purpose", about.purpose), ("notAdvice", about.notAdvice), ("funding", about.funding),
                             ("conflicts", about.conflicts), ("madeBy", about.madeBy), ("evidenceMethod", about.evidenceMethod),
                             ("reportErrors", about.reportErrors), ("testing", about.testing)]
            where hasFigure(text) {
            problems.append(ContentProblem(file: "about.yaml", line: 1, message: "'\(name)' has a figure, but about.yaml cannot cite sources; move the figure to a cited file"))
        }
        return problems
    }

    /// Every figure's certainty carries a GRADE level; every risk and study
    /// names the option(s) it belongs to; the "what it is like" steps, the
    /// "if nothing changes" figures and the knowledge check cite their sources.
    private static func gradeAndOptionProblems(in content: ContentSet, known sources: Set<String>) -> [ContentProblem] {
        var problems: [ContentProblem] = []
        let optionIDs = content.options.map(\.id)
        let options = Set(optionIDs)
        let list = optionIDs.joined(separator: ", ")
        func add(_ file: String, _ line: Int, _ message: String) { problems.append(ContentProblem(file: file, line: line, message: message)) }
        func needGrade(_ file: String, _ line: Int, _ what: String, _ grade: Grade?) {
            if grade == nil {
                add(file, line, "\(what) has no 'grade' (\(GradeLevel.allCases.map(\.rawValue).joined(separator: ", "))) with a one-line 'gradeReason'")
            }
        }
        for risk in content.risks {
            if !options.isEmpty && !options.contains(risk.option) {
                add("risks.yaml", risk.line, "risk '\(risk.id)' belongs to option '\(risk.option)', which is not an option; options are: \(list)")
            }
            for (index, figure) in risk.figures.enumerated() {
                needGrade("risks.yaml", figure.line, "figure \(index + 1) of risk '\(risk.id)'", figure.grade)
            }
        }
        for study in content.studies {
            needGrade("studies.yaml", study.line, "study '\(study.id)'", study.grade)
            if study.options.isEmpty {
                add("studies.yaml", study.line, "study '\(study.id)' names no 'options' it speaks to; options are: \(list)")
            }
            for id in study.options where !options.isEmpty && !options.contains(id) {
                add("studies.yaml", study.line, "study '\(study.id)' names option '\(id)', which is not an option; options are: \(list)")
            }
        }
        for number in content.keyNumbers {
            for figure in number.figures {
                needGrade("options.yaml", figure.line, "the '\(figure.option)' figure of key number '\(number.id)'", figure.grade)
            }
        }
        if !content.experience.isEmpty {
            for id in optionIDs where !content.experience.contains(where: { $0.option == id }) {
                add("options.yaml", content.experience[0].line, "'experience' has no steps for option '\(id)'; every option needs its own")
            }
        }
        for step in content.experience {
            if !options.contains(step.option) {
                add("options.yaml", step.line, "an experience step names option '\(step.option)', which is not an option; options are: \(list)")
            }
            problems += citeProblems("options.yaml", step.line, "the '\(step.option)' experience step '\(step.when)'", texts: [step.when, step.text], sources: step.sources, known: sources)
        }
        problems += duplicateIDs(content.ifNothingChanges, file: "options.yaml", id: \.id, line: \.line)
        for figure in content.ifNothingChanges {
            let what = "'if nothing changes' figure '\(figure.id)'"
            problems += citeProblems("options.yaml", figure.line, what, texts: [figure.heading, figure.text, figure.group, figure.timeFrame], sources: figure.sources, known: sources)
            if figure.sources.isEmpty { add("options.yaml", figure.line, "\(what) lists no sources") }
            needGrade("options.yaml", figure.line, what, figure.grade)
        }
        problems += duplicateIDs(content.knowledgeCheck, file: "deliberation.yaml", id: \.id, line: \.line)
        if !content.knowledgeCheck.isEmpty && !(4...6).contains(content.knowledgeCheck.count) {
            add("deliberation.yaml", content.knowledgeCheck[0].line, "the knowledge check has \(content.knowledgeCheck.count) statements; use 4 to 6")
        }
        for item in content.knowledgeCheck {
            let what = "knowledge check item '\(item.id)'"
            problems += citeProblems("deliberation.yaml", item.line, what, texts: [item.statement, item.why], sources: item.sources, known: sources)
            if item.sources.isEmpty { add("deliberation.yaml", item.line, "\(what) lists no sources; its answer must rest on one") }
        }
        return problems
    }

    /// Texts that hold a figure must name a source, and every named source must exist.
    private static func citeProblems(_ file: String, _ line: Int, _ what: String, texts: [String], sources: [String],
                                     known: Set<String>) -> [ContentProblem] {
        var problems: [ContentProblem] = []
        for id in sources where !known.contains(id) {
            problems.append(ContentProblem(file: file, line: line, message: "\(what) cites source '\(id)', which is not in sources.yaml"))
        }
        if sources.isEmpty, let text = texts.first(where: hasFigure) {
            problems.append(ContentProblem(file: file, line: line, message: "\(what) has a figure but no source: \"\(excerpt(text))\"; add 'sources: [id]'"))
        }
        return problems
    }

    /// Reports an id used twice, naming the line of its first use.
    private static func duplicateIDs<T>(_ items: [T], file: String, what: String = "id", id: (T) -> String, line: (T) -> Int) -> [ContentProblem] {
        var seen: [String: Int] = [:]
        var problems: [ContentProblem] = []
        for item in items {
            if let first = seen[id(item)] {
                problems.append(ContentProblem(file: file, line: line(item), message: "\(what) '\(id(item))' is used twice (first on line \(first))"))
            } else {
                seen[id(item)] = line(item)
            }
        }
        return problems
    }

    /// The texts a heading or question shows with figures cited elsewhere
    /// (a grid row's question by its cells, a key number's time frame by its figures).
    private static func uncitedFigure(_ file: String, _ line: Int, _ what: String, texts: [String], citedBy sources: [String]) -> [ContentProblem] {
        guard sources.isEmpty, let text = texts.first(where: hasFigure) else { return [] }
        return [ContentProblem(file: file, line: line, message: "\(what) has a figure but none of its entries cites a source: \"\(excerpt(text))\"")]
    }

    /// options.yaml: the options, the grid, the trials and the key numbers.
    private static func optionProblems(in content: ContentSet, known sources: Set<String>) -> [ContentProblem] {
        let file = "options.yaml"
        var problems: [ContentProblem] = []
        func add(_ line: Int, _ message: String) { problems.append(ContentProblem(file: file, line: line, message: message)) }
        func cite(_ line: Int, _ what: String, _ texts: [String], _ cited: [String]) {
            problems += citeProblems(file, line, what, texts: texts, sources: cited, known: sources)
        }
        problems += duplicateIDs(content.options, file: file, id: \.id, line: \.line)
        problems += duplicateIDs(content.grid, file: file, id: \.id, line: \.line)
        problems += duplicateIDs(content.trials, file: file, id: \.id, line: \.line)
        problems += duplicateIDs(content.keyNumbers, file: file, id: \.id, line: \.line)

        let optionIDs = content.options.map(\.id)
        let known = Set(optionIDs)
        let optionList = optionIDs.joined(separator: ", ")
        for option in content.options {
            cite(option.summary.line, "the summary of option '\(option.id)'", [option.name, option.short, option.summary.text], option.summary.sources)
            if option.short.count > 12 {
                add(option.line, "option '\(option.id)' has a short name of \(option.short.count) characters ('\(option.short)'); keep it to 12 or fewer")
            }
        }

        for row in content.grid {
            for id in optionIDs where row.cells[id] == nil {
                add(row.line, "grid row '\(row.id)' has no cell for option '\(id)'; every row needs a cell for each of: \(optionList)")
            }
            for (id, cell) in row.cells.sorted(by: { $0.key < $1.key }) {
                let what = "the '\(id)' cell of grid row '\(row.id)'"
                if !known.contains(id) {
                    add(cell.line, "grid row '\(row.id)' has a cell for '\(id)', which is not an option; options are: \(optionList)")
                }
                cite(cell.line, what, [cell.text], cell.sources)
                if cell.sources.isEmpty {
                    add(cell.line, "\(what) lists no sources; every cell rests on a source")
                }
            }
            problems += uncitedFigure(file, row.line, "the question of grid row '\(row.id)'", texts: [row.question], citedBy: row.cells.values.flatMap(\.sources))
        }

        for trial in content.trials {
            cite(trial.line, "trial '\(trial.id)'",
                 [trial.name, trial.registration, trial.places, trial.compares, trial.activity, trial.status], trial.sources)
            if trial.sources.isEmpty {
                add(trial.line, "trial '\(trial.id)' lists no sources; cite its registry record")
            }
            if trial.ageMin > trial.ageMax {
                add(trial.line, "trial '\(trial.id)' has ageMin \(trial.ageMin) above ageMax \(trial.ageMax)")
            }
            for (name, value) in [("edssMin", trial.edssMin), ("edssMax", trial.edssMax)] {
                if let value, !(0...10).contains(value) {
                    add(trial.line, "trial '\(trial.id)' has \(name) \(value); EDSS runs from 0 to 10")
                }
            }
            if (trial.edssMin == nil) != (trial.edssMax == nil) {
                add(trial.line, "trial '\(trial.id)' gives only one of edssMin and edssMax; give both, or neither if the limit is not known")
            }
            if let low = trial.edssMin, let high = trial.edssMax, low > high {
                add(trial.line, "trial '\(trial.id)' has edssMin \(low) above edssMax \(high)")
            }
        }

        for number in content.keyNumbers {
            let what = "key number '\(number.id)'"
            if number.denominator != 100 && number.denominator != 1000 {
                add(number.line, "\(what) has denominator \(number.denominator); use 100, or 1000 for rare harms, so options can be compared")
            }
            if let risk = number.risk, content.risk(risk) == nil {
                add(number.line, "\(what) names risk '\(risk)', which is not in risks.yaml")
            }
            if number.figures.isEmpty {
                add(number.line, "\(what) has no figures")
            }
            problems += uncitedFigure(file, number.line, what, texts: [number.outcome, number.event, number.nonEvent, number.timeFrame],
                                      citedBy: number.figures.flatMap(\.sources))
            problems += duplicateIDs(number.figures, file: file, what: "in \(what), option", id: \.option, line: \.line)
            for figure in number.figures {
                let figureWhat = "the '\(figure.option)' figure of \(what)"
                if !known.contains(figure.option) {
                    add(figure.line, "a figure of \(what) names option '\(figure.option)', which is not an option; options are: \(optionList)")
                }
                cite(figure.line, figureWhat, [figure.text, figure.group, figure.certainty], figure.sources)
                if figure.sources.isEmpty {
                    add(figure.line, "\(figureWhat) lists no sources")
                }
                for (name, value) in [("per100", figure.per100), ("low", figure.low), ("high", figure.high)] {
                    if let value, !(0...100).contains(value) {
                        add(figure.line, "\(figureWhat) has \(name) \(value); it should be from 0 to 100 (people per 100)")
                    }
                }
                if let low = figure.low, let high = figure.high, low > high {
                    add(figure.line, "\(figureWhat) has low \(low) above high \(high)")
                }
                if let value = figure.per100, let low = figure.low, low > value {
                    add(figure.line, "\(figureWhat) has low \(low) above per100 \(value)")
                }
                if let value = figure.per100, let high = figure.high, value > high {
                    add(figure.line, "\(figureWhat) has per100 \(value) above high \(high)")
                }
            }
        }
        return problems
    }

    /// deliberation.yaml: values, leanings, roles, the SURE test and questions for the neurologist.
    private static func deliberationProblems(in content: ContentSet, known sources: Set<String>) -> [ContentProblem] {
        let file = "deliberation.yaml"
        var problems: [ContentProblem] = []
        func add(_ line: Int, _ message: String) { problems.append(ContentProblem(file: file, line: line, message: message)) }
        func cite(_ line: Int, _ what: String, _ texts: [String], _ cited: [String]) {
            problems += citeProblems(file, line, what, texts: texts, sources: cited, known: sources)
        }
        /// Entries with no 'sources' key may hold no figure.
        func noFigure(_ line: Int, _ what: String, _ text: String) {
            if hasFigure(text) {
                add(line, "\(what) has a figure, but it cannot cite sources: \"\(excerpt(text))\"; move the figure to a text that cites one")
            }
        }
        problems += duplicateIDs(content.values, file: file, id: \.id, line: \.line)
        problems += duplicateIDs(content.leanings, file: file, what: "leaning", id: \.value, line: \.line)
        problems += duplicateIDs(content.roles, file: file, what: "role", id: \.value, line: \.line)
        problems += duplicateIDs(content.sure, file: file, id: \.id, line: \.line)
        problems += duplicateIDs(content.doctorQuestions, file: file, id: \.id, line: \.line)

        let optionIDs = content.options.map(\.id)
        let known = Set(optionIDs)
        for value in content.values {
            noFigure(value.line, "value '\(value.id)'", value.text)
            for id in optionIDs where value.touches[id] == nil {
                add(value.line, "value '\(value.id)' has no 'touches' entry for option '\(id)'; it needs one for each of: \(optionIDs.joined(separator: ", "))")
            }
            for (id, touch) in value.touches.sorted(by: { $0.key < $1.key }) {
                if !known.contains(id) {
                    add(touch.line, "value '\(value.id)' touches '\(id)', which is not an option; options are: \(optionIDs.joined(separator: ", "))")
                }
                cite(touch.line, "the '\(id)' entry of value '\(value.id)'", [touch.text], touch.sources)
            }
        }
        for choice in content.leanings {
            noFigure(choice.line, "leaning '\(choice.value)'", choice.label)
        }
        for choice in content.roles {
            noFigure(choice.line, "role '\(choice.value)'", choice.label)
        }
        problems += duplicateIDs(content.pressure, file: file, what: "pressure choice", id: \.value, line: \.line)
        for choice in content.pressure {
            noFigure(choice.line, "pressure choice '\(choice.value)'", choice.label)
        }
        if content.sure.count != 4 {
            add(content.sure.first?.line ?? 1, "the SURE test has \(content.sure.count) items; it needs exactly 4 (S, U, R, E)")
        }
        for item in content.sure {
            cite(item.line, "SURE item '\(item.id)'", [item.letter, item.question, item.ifNo], item.sources)
        }
        for question in content.doctorQuestions {
            noFigure(question.line, "doctor question '\(question.id)'", question.text)
        }
        return problems
    }

    /// A figure is any digit: the test is deliberately blunt so nothing slips through.
    static func hasFigure(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value >= 0x30 && $0.value <= 0x39 }
    }

    private static func excerpt(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(57)) + "..." : text
    }
}
