import Content

/// The assessment as plain text, for a terminal, a pipe or a printer.
public enum AssessmentText {
    public static func render(_ a: Assessment, content: ContentSet, width: Int = 78) -> String {
        var out: [String] = []
        /// A wrapped paragraph; bullets ("* ", "- ") get a hanging indent.
        func para(_ text: String, indent: String = "") {
            let hanging = text.hasPrefix("* ") || text.hasPrefix("- ") || text.hasPrefix("[") ? "  " : ""
            out += wrap(text, width: width - indent.count - hanging.count).enumerated().map { index, line in
                indent + (index == 0 ? "" : hanging) + line
            }
        }
        func heading(_ text: String) {
            out.append("")
            out.append(text.uppercased())
            out.append(String(repeating: "=", count: min(width, text.count)))
        }
        let cited = CitedSources(content: content)

        out.append("AHSCT decision aid: what the guidelines say (content \(a.contentVersion), reviewed \(a.contentReviewed))")
        para(content.about.notAdvice)
        heading("What the guidelines say about people like you")
        para(a.headline)
        para(a.explanation)

        heading("Why")
        for reason in a.reasons {
            let tag = reason.kind == .note ? "Note: " : ""
            para("* " + tag + reason.text)
            if !reason.because.isEmpty { para("Because " + AnswerPhrases.list(reason.because) + ".", indent: "  ") }
            if let change = reason.change { para("What could change this: " + change, indent: "  ") }
            if !reason.settledBy.isEmpty && reason.kind == .level(.needMoreInformation) {
                para("Answers that would settle it: " + reason.settledBy.map { AnswerPhrases.topic($0) }.joined(separator: "; ") + ".", indent: "  ")
            }
            if !reason.sources.isEmpty { para("Sources: " + cited.refs(reason.sources), indent: "  ") }
        }

        heading("Risks")
        for match in a.risks {
            para("* " + match.risk.name + ": " + match.risk.summary.text)
            for figure in match.risk.figures {
                para("- " + figure.text + " (" + figure.certainty + "; " + cited.refs(figure.sources) + ")", indent: "  ")
            }
            if match.higherForYou, let higher = match.risk.higherFor {
                para("! Higher for some people: " + higher.text + " (" + cited.refs(higher.sources) + ")", indent: "  ")
            }
        }

        heading("Evidence")
        for study in a.evidence {
            para("* " + study.name + " (" + study.design.phrase + ", \(study.howMany) people): " + study.summary.text + " [" + cited.refs(study.sources) + "]")
        }

        heading("Checking a clinic")
        for item in a.checklist {
            para((item.redFlag ? "[!] Warning sign: " : "[ ] ") + item.question)
        }

        heading("Sources")
        for (number, source) in cited.ordered.enumerated() {
            para("[\(number + 1)] \(source.citation) \(source.link)")
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// Numbers sources as sources.yaml lists them, so [n] is the same in every section.
struct CitedSources {
    let content: ContentSet
    var ordered: [Source] { content.sources }

    func number(_ id: String) -> Int? { ordered.firstIndex { $0.id == id }.map { $0 + 1 } }

    func refs(_ ids: [String]) -> String {
        ids.map { id in
            guard let source = content.source(id), let n = number(id) else { return id }
            return "\(source.short) [\(n)]"
        }.joined(separator: "; ")
    }
}
