import Content

/// `decision-aid check-content [DIR]`: validate content, list every problem.
struct CheckContentCommand {
    var directory: String?

    init(_ line: ParsedLine) { directory = line.positionals.first }

    func run() throws {
        if let directory, ProgramContent.folderReader == nil {
            Console.error("decision-aid check-content: checking a folder is in decision-aid-content, built beside decision-aid: \(ProgramContent.onlyBuiltIn); run: decision-aid-content check-content \(directory.echoed())")
            throw ExitCode(ExitStatus.badInput)
        }
        let content: ContentSet
        do {
            content = try ProgramContent.load(directory: directory, checked: true)
        } catch {
            Console.error(error.shown)
            Console.error("\(error.problems.count) problem\(error.problems.count == 1 ? "" : "s") found")
            throw ExitCode(1)
        }
        try Console.out("content \(content.about.version) is valid: \(content.sources.count) sources, \(content.studies.count) studies, \(content.risks.count) risks, \(content.checklist.count) checklist items, \(content.glossary.count) glossary terms, \(content.rules.count) rules, \(content.options.count) options, \(content.grid.count) grid rows, \(content.trials.count) trials, \(content.keyNumbers.count) key numbers, \(content.values.count) values, \(content.doctorQuestions.count) questions for the neurologist; reviewed \(content.about.reviewed), review by \(content.about.reviewBy)\n")
        try Console.out(Self.readingGradeLine(content) + "\n")
        // Equal detail for every option (IPDAS certification item 1): a place
        // above its allowed ratio fails the check.
        let balance = DetailBalance(content)
        try Console.out(balance.line + "\n")
        for place in balance.unbalanced {
            let counts = place.counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            Console.error("not equal detail: \(place.name): \(counts) (" + "\(place.ratio.fixed(2)) : 1, allowed \(place.allowed.fixed(2)) : 1" + ")")
        }
        if !balance.unbalanced.isEmpty { throw ExitCode(1) }
    }

    /// "Reading grade (Flesch–Kincaid): average 7.2 over 180 texts; highest 11.3 (risks.yaml:40 risk 'x' summary)"
    static func readingGradeLine(_ content: ContentSet) -> String {
        let summary = ReadingGradeSummary(content.patientTexts)
        let one = { (x: Double) in x.fixed(1) }
        var line = "Reading grade (Flesch–Kincaid): average \(one(summary.average)) over \(summary.count) text\(summary.count == 1 ? "" : "s")"
        if let highest = summary.highest {
            line += "; highest \(one(summary.highestGrade)) (\(highest.location))"
        }
        return line
    }
}
