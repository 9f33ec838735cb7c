import BuiltInContent
import Content

/// Checks the content against what the program expects: every rule in the
/// table has words, every worded rule exists, questions and therapies match
/// the assess contract. Content alone cannot know these; the program does.
public enum ContentContract {
    /// The option that is the transplant: risks' "higher for people like you"
    /// notes are about it, so the Numbers page puts them beside its figures.
    public static let transplantOption = "ahsct"
    /// The option of staying on the current treatment: "What it is like"
    /// shows what is known if nothing changes beside it.
    public static let statusQuoOption = "stay"

    public static func problems(in content: ContentSet) -> [ContentProblem] {
        var problems: [ContentProblem] = []
        func add(_ file: String, _ line: Int, _ message: String) {
            problems.append(ContentProblem(file: file, line: line, message: message))
        }

        let ruleIDs = Set(RuleTable.allRules.map(\.id))
        for rule in RuleTable.allRules where content.rule(rule.id) == nil {
            add("rules.yaml", 1, "rule '\(rule.id)' (\(rule.condition)) has no words; add an entry with id: \(rule.id)")
        }
        for text in content.rules where !ruleIDs.contains(text.id) {
            add("rules.yaml", text.line, "rule '\(text.id)' is not in the program's rule table; known rules: \(RuleTable.allRules.map(\.id).joined(separator: ", "))")
        }
        for level in CandidacyLevel.allCases where content.levels[level.rawValue] == nil {
            add("rules.yaml", 1, "level '\(level.rawValue)' has no headline; add it under 'levels:'")
        }
        for name in content.levels.keys.sorted() where CandidacyLevel(rawValue: name) == nil {
            add("rules.yaml", content.levels[name]?.line ?? 1, "'\(name)' is not a level; levels are: \(CandidacyLevel.allCases.map(\.rawValue).joined(separator: ", "))")
        }

        if !content.options.isEmpty && content.option(transplantOption) == nil {
            add("options.yaml", 1, "no option has id '\(transplantOption)'; the program shows the transplant's risk notes beside that option")
        }

        let sections = ResultsSection.allCases.map(\.title)
        for item in content.knowledgeCheck where !sections.contains(item.section) {
            add("deliberation.yaml", item.line, "knowledge check item '\(item.id)' points to section '\(item.section)', which is not a results section; sections are: \(sections.joined(separator: ", "))")
        }

        let contentTherapies = content.therapies.map(\.id)
        for id in TherapyIDs.all where !contentTherapies.contains(id) {
            add("therapies.yaml", 1, "therapy '\(id)' is missing; the assess contract needs all of: \(TherapyIDs.all.joined(separator: ", "))")
        }
        for therapy in content.therapies {
            if !TherapyIDs.all.contains(therapy.id) {
                add("therapies.yaml", therapy.line, "therapy '\(therapy.id)' is not in the assess contract; adding one needs a program change")
            } else if therapy.therapyClass != TherapyIDs.therapyClass(therapy.id) {
                add("therapies.yaml", therapy.line, "therapy '\(therapy.id)' says class: \(therapy.therapyClass.rawValue), but the rules count it as \(TherapyIDs.therapyClass(therapy.id).rawValue)")
            }
        }

        let fields = Dictionary(uniqueKeysWithValues: AnswerField.allCases.map { ($0.jsonKey, $0) })
        for field in AnswerField.allCases where content.question(field.jsonKey) == nil {
            add("questions.yaml", 1, "question '\(field.jsonKey)' is missing")
        }
        for question in content.questions {
            guard let field = fields[question.id] else {
                add("questions.yaml", question.line, "question '\(question.id)' is not an answer the program knows; known: \(AnswerField.allCases.map(\.jsonKey).joined(separator: ", "))")
                continue
            }
            let expected = choiceValues(field)
            let given = question.choices.map(\.value)
            if given.sorted() != expected.sorted() {
                let line = question.choices.first?.line ?? question.line
                add("questions.yaml", line, "question '\(question.id)' has choices [\(given.joined(separator: ", "))]; it needs exactly [\(expected.joined(separator: ", "))]")
            }
        }
        return problems
    }

    /// The fixed answers a question offers; [] for typed answers.
    public static func choiceValues(_ field: AnswerField) -> [String] {
        switch field {
        case .subtype: return Subtype.allCases.map(\.rawValue)
        case .newMRIActivityLast12Months: return MRIActivity.allCases.map(\.rawValue)
        case .walking: return Walking.allCases.map(\.rawValue)
        case .disabilityFromRecentRelapse: return YesNoUnsure.allCases.map(\.rawValue)
        case .activeOnTreatment: return ActivityOnTreatment.allCases.map(\.rawValue)
        case .highEfficacyContraindicated, .seriousComorbidity: return ["yes", "no", "unsure"]
        case .age, .relapsesLast12Months, .edss, .yearsSinceDiagnosis, .therapies: return []
        }
    }
}

/// The program's content: the copy built in (compiled from Assets/content at
/// build time, so nothing is parsed here) or, in decision-aid-content, a
/// reviewer's folder of YAML. Either is checked against the program's
/// contract; the built-in copy once per run.
public enum ProgramContent {
    /// Reads a folder of content YAML. decision-aid-content sets it before
    /// anything runs (`DecisionAidCommand.main(folderReader:)`); decision-aid
    /// has none, so it carries no YAML parser and no full Foundation.
    public typealias FolderReader = @Sendable (String) throws(ContentError) -> ContentSet
    nonisolated(unsafe) public internal(set) static var folderReader: FolderReader?

    /// The built-in content. A debug build checks it against the program on
    /// first use; a release build does not at start, because it cannot change
    /// after the build and the test suite checks it (ContentContractTests):
    /// the check reads every text, which made the whole of the content
    /// resident before the first frame (issue 12: about 0.5 MB and 0.3 ms).
    /// `check-content` always checks it (`checkedBuiltIn`).
    public static let builtIn: Result<ContentSet, ContentError> = {
        #if DEBUG
        return checkedBuiltIn
        #else
        return .success(BuiltInContent.content)
        #endif
    }()

    /// The built-in content, checked against the program.
    public static var checkedBuiltIn: Result<ContentSet, ContentError> {
        let content = BuiltInContent.content
        let problems = ContentContract.problems(in: content)
        return problems.isEmpty ? .success(content) : .failure(ContentError(problems: problems))
    }

    /// The content to show: the built-in copy, or a folder (checked).
    /// `checked` checks the built-in copy too, as `check-content` asks.
    public static func load(directory: String?, checked: Bool = false) throws(ContentError) -> ContentSet {
        guard let directory else { return try (checked ? checkedBuiltIn : builtIn).get() }
        guard let folderReader else {
            throw ContentError(problems: [ContentProblem(file: directory, line: 0, message: "reading a folder of content is in decision-aid-content: \(onlyBuiltIn)")])
        }
        let content = try folderReader(directory)
        let problems = ContentContract.problems(in: content)
        if !problems.isEmpty { throw ContentError(problems: problems).located(in: directory) }
        return content
    }

    /// Why decision-aid reads no folder of content (--content DIR, check-content DIR).
    static let onlyBuiltIn = "decision-aid has only its built-in content (it leaves out the YAML reader, to start fast)"
}
