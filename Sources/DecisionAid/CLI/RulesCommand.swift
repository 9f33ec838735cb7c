import Content

/// `decision-aid rules`: the rule table with words and sources, for audit.
struct RulesCommand {
    var content: ContentOptions

    init(_ line: ParsedLine) { content = ContentOptions(line) }

    func run() throws {
        let content = try self.content.load()
        var out = "Candidacy rules version \(RuleTable.version), checked in this order (content \(content.about.version), reviewed \(content.about.reviewed)).\n"
        out += "The most serious level that fires decides: not-supported, then need-more-information, then discuss; strong only if its profile matches. Notes never change the level.\n"
        out += "Unsure or missing answers are filled in every representative way; if the level differs, it is need-more-information and the answers that change it are named (the last six rules).\n"
        for rule in RuleTable.allRules {
            let words = content.rule(rule.id)
            out += "\n[\(rule.kind.name)] \(rule.id)\n"
            out += "  When:    \(rule.condition)\n"
            out += wrap("Reason:  " + (words?.text ?? "(no words in content)"), width: 76).enumerated().map { ($0.offset == 0 ? "  " : "           ") + $0.element }.joined(separator: "\n") + "\n"
            for id in words?.sources ?? [] {
                if let source = content.source(id) { out += "  Source:  \(source.short): \(source.citation) \(source.link)\n" }
            }
        }
        try Console.out(out)
    }
}
