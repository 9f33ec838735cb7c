import Content

/// The assessment as Markdown, to keep or bring to a neurologist.
public enum AssessmentMarkdown {
    public static func render(_ a: Assessment, content: ContentSet) -> String {
        let cited = CitedSources(content: content)
        var out: [String] = []
        out.append("# AHSCT decision aid: summary")
        out.append("")
        out.append("_Content version \(a.contentVersion), reviewed \(a.contentReviewed). \(content.about.notAdvice)_")
        out.append("")
        out.append("## Your answers")
        out.append("")
        for field in AnswerField.allCases where field != .edss || a.answers.edss != nil {
            out.append("- " + capitalized(AnswerPhrases.phrase(field, a.answers, content)))
        }
        out.append("")
        out.append("## What the guidelines say about people like you")
        out.append("")
        out.append("**\(a.headline)**")
        out.append("")
        out.append(a.explanation)
        out.append("")
        out.append("## Why")
        out.append("")
        for reason in a.reasons {
            var line = "- " + (reason.kind == .note ? "_Note:_ " : "") + reason.text
            if !reason.because.isEmpty { line += " Because " + AnswerPhrases.list(reason.because) + "." }
            if let change = reason.change { line += " What could change this: " + change }
            if !reason.sources.isEmpty { line += " (" + cited.refs(reason.sources) + ")" }
            out.append(line)
        }
        out.append("")
        out.append("## Risks")
        out.append("")
        for match in a.risks {
            out.append("- **\(match.risk.name)**: \(match.risk.summary.text)")
            for figure in match.risk.figures {
                out.append("  - \(figure.text) _(\(figure.certainty); \(cited.refs(figure.sources)))_")
            }
            if match.higherForYou, let higher = match.risk.higherFor {
                out.append("  - **Higher for some people:** \(higher.text) (\(cited.refs(higher.sources)))")
            }
        }
        out.append("")
        out.append("## Evidence")
        out.append("")
        for study in a.evidence {
            out.append("- **\(study.name)** (\(study.design.phrase), \(study.howMany) people): \(study.summary.text) (\(cited.refs(study.sources)))")
        }
        out.append("")
        out.append("## Checking a clinic")
        out.append("")
        for item in a.checklist {
            out.append("- [ ] " + (item.redFlag ? "**Warning sign:** " : "") + item.question)
        }
        out.append("")
        out.append("## Sources")
        out.append("")
        for (number, source) in cited.ordered.enumerated() {
            out.append("\(number + 1). \(source.citation) <\(source.link)>")
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func capitalized(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }
}
