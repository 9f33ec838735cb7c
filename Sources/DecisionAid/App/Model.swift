import Content

/// How this run of the program is set up. Modes (patient, clinician, kiosk)
/// will be different Settings of the one program, not copies of it.
public struct Settings: Sendable, Equatable {
    /// Clinician mode: ask for an exact EDSS score instead of walking ability.
    public var exactEDSS: Bool = false
    public init(exactEDSS: Bool = false) { self.exactEDSS = exactEDSS }
}

/// What stays fixed while the program runs: the content and the settings.
public struct Context: Sendable {
    public var content: ContentSet
    public var settings: Settings
    public var capabilities: Capabilities

    public init(content: ContentSet, settings: Settings = Settings(), capabilities: Capabilities = .full) {
        self.content = content
        self.settings = settings
        self.capabilities = capabilities
    }
}

public enum ResultsSection: Int, Sendable, CaseIterable {
    case summary, evidence, risks, checklist, glossary

    public var title: String {
        switch self {
        case .summary: return "Summary"
        case .evidence: return "Evidence"
        case .risks: return "Risks"
        case .checklist: return "Checking a clinic"
        case .glossary: return "Glossary"
        }
    }
}

public enum Page: Sendable, Equatable {
    case welcome
    case question(AnswerField)
    case review
    case results(ResultsSection)
}

public enum Overlay: Sendable, Equatable {
    case help
    case confirmQuit
}

/// Everything the interactive aid remembers. A plain value: update changes
/// it, view draws it, nothing else holds state.
public struct Model: Sendable, Equatable {
    public var page: Page = .welcome
    public var overlay: Overlay?
    public var answers = Answers()
    public var size: Size

    // The question on screen.
    /// Text typed into a number field, not yet accepted.
    public var draft = ""
    /// The highlighted row: a choice, a review line, a list item.
    public var highlight = 0
    /// Ticked items of the treatments question, not yet accepted ("none" or therapy ids).
    public var picked: [String] = []
    /// An inline message about the last answer ("'forty' is not a number ...").
    public var error: String?
    /// Set when a question was opened from the review, to return there.
    public var editingFromReview = false

    // The results.
    public var scroll = 0
    /// The study opened for detail on the evidence page.
    public var openStudy: Int?
    /// Clinic checklist items the person has ticked.
    public var ticked: Set<String> = []

    public init(size: Size) { self.size = size }

    /// True once anything has been answered: quitting then asks first.
    public var hasAnswers: Bool { answers != Answers() || !ticked.isEmpty }
}

/// What update asks the outside world to do.
public enum Effect: Sendable, Equatable {
    case quit
}
