/// Checks that hold across files: every cited source exists, every text with
/// a figure cites a source, ids are unique, ranges make sense.
public enum ContentValidator {
    public static func problems(in content: ContentSet) -> [ContentProblem] {
        var problems: [ContentProblem] = []
        let known = Set(content.sources.map(\.id))

        func duplicates<T>(_ items: [T], file: String, id: (T) -> String, line: (T) -> Int) {
            var seen: [String: Int] = [:]
            for item in items {
                if let first = seen[id(item)] {
                    problems.append(ContentProblem(file: file, line: line(item), message: "id '\(id(item))' is used twice (first on line \(first))"))
                } else {
                    seen[id(item)] = line(item)
                }
            }
        }
        duplicates(content.sources, file: "sources.yaml", id: \.id, line: \.line)
        duplicates(content.studies, file: "studies.yaml", id: \.id, line: \.line)
        duplicates(content.risks, file: "risks.yaml", id: \.id, line: \.line)
        duplicates(content.checklist, file: "checklist.yaml", id: \.id, line: \.line)
        duplicates(content.therapies, file: "therapies.yaml", id: \.id, line: \.line)
        duplicates(content.glossary, file: "glossary.yaml", id: \.id, line: \.line)
        duplicates(content.rules, file: "rules.yaml", id: \.id, line: \.line)
        duplicates(content.questions, file: "questions.yaml", id: \.id, line: \.line)

        /// Texts that hold a figure must name a source, and every named source must exist.
        func cite(_ file: String, _ line: Int, _ what: String, texts: [String], sources: [String]) {
            for id in sources where !known.contains(id) {
                problems.append(ContentProblem(file: file, line: line, message: "\(what) cites source '\(id)', which is not in sources.yaml"))
            }
            if sources.isEmpty, let text = texts.first(where: hasFigure) {
                problems.append(ContentProblem(file: file, line: line, message: "\(what) has a figure but no source: \"\(excerpt(text))\"; add 'sources: [id]'"))
            }
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
            cite("rules.yaml", rule.line, "rule '\(rule.id)'", texts: [rule.text, rule.change ?? ""], sources: rule.sources)
            if rule.sources.isEmpty {
                problems.append(ContentProblem(file: "rules.yaml", line: rule.line, message: "rule '\(rule.id)' lists no sources; every rule rests on a guideline or study"))
            }
        }
        for question in content.questions {
            let texts = [question.prompt, question.why] + question.choices.flatMap { [$0.label, $0.description] }
            cite("questions.yaml", question.line, "question '\(question.id)'", texts: texts, sources: question.sources)
        }
        let about = content.about
        // about.yaml cannot cite, so it may hold no medical figures. (The time the
        // aid takes and the review interval are not medical figures.)
        for (name, text) in [("purpose", about.purpose), ("notAdvice", about.notAdvice), ("funding", about.funding),
                             ("conflicts", about.conflicts), ("madeBy", about.madeBy), ("evidenceMethod", about.evidenceMethod)]
            where hasFigure(text) {
            problems.append(ContentProblem(file: "about.yaml", line: 1, message: "'\(name)' has a figure, but about.yaml cannot cite sources; move the figure to a cited file"))
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
