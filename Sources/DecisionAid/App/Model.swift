import Content

/// What this deployment of the program allows, built once from the command
/// line from a preset (patient, clinician, kiosk) and a front end (the
/// screen, or plain lines). Keys, footers and help read it through the key
/// table; nothing passes a single flag by hand. What the terminal can do is
/// `Capabilities`, not this.
public struct Settings: Sendable, Equatable {
    /// Who the aid speaks to.
    public enum Audience: Sendable, Equatable {
        /// A person with MS, at home or at a kiosk: walking bands, plain words.
        case patient
        /// A neurologist in a consultation: exact EDSS, full citations, rule ids.
        case clinician
    }

    /// How the aid is shown.
    public enum FrontEnd: Sendable, Equatable {
        /// The full-screen curses aid.
        case screen
        /// Plain lines only appended, for speech, braille, TERM=dumb and pipes.
        case lines
    }

    /// Where a summary may be kept.
    public enum Storage: Sendable, Equatable {
        /// A file the person names (patient mode).
        case userFiles
        /// Nothing is written anywhere (kiosk).
        case none
    }

    /// Where a summary may be printed.
    public enum Printing: Sendable, Equatable {
        case none
        /// lp's default printer (LPDEST, PRINTER, or the CUPS default).
        case defaultPrinter
        /// `lp -d DEST`.
        case destination(String)
    }

    public var audience: Audience = .patient
    public var frontEnd: FrontEnd = .screen
    public var storage: Storage = .userFiles
    public var printing: Printing = .defaultPrinter
    /// False on a kiosk: q, Ctrl-C, Ctrl-D and Esc start over instead of ending the program.
    public var canExit = true
    /// Seconds without a key after which everything is wiped; nil: never.
    public var idleReset: Double?
    /// At most one print job per person (until the next wipe).
    public var onePrintPerPerson = false

    public init(audience: Audience = .patient, frontEnd: FrontEnd = .screen) {
        self.audience = audience
        self.frontEnd = frontEnd
    }

    /// Clinician mode asks for an exact EDSS score instead of walking ability.
    public var exactEDSS: Bool { audience == .clinician }

    /// Answers may be saved to finish later (never where nothing may be written).
    public var sessions: Bool { storage == .userFiles }

    /// A person at their own computer: save, print to the default printer, quit.
    public static let patient = Settings()

    /// A neurologist in clinic: as the patient's aid, with exact EDSS, full
    /// citations, the rules' ids and a clinician's printout.
    public static let clinician = Settings(audience: .clinician)

    /// A locked clinic terminal: nothing written, printing only to a named
    /// printer (once per person), no way out, wiped after `idleTimeout` seconds.
    public static func kiosk(idleTimeout: Double = 180, printer: String? = nil) -> Settings {
        var s = Settings()
        s.storage = .none
        s.printing = printer.map(Printing.destination) ?? .none
        s.canExit = false
        s.idleReset = idleTimeout
        s.onePrintPerPerson = true
        return s
    }

    /// The printer named on confirmation, if printing is allowed.
    public var printerName: String? {
        switch printing {
        case .none: return nil
        case .defaultPrinter: return "the default printer"
        case .destination(let name): return name
        }
    }

    /// How long before the wipe the countdown shows: the last 30 seconds, or
    /// the last third of a short timeout.
    public var idleWarning: Double? {
        idleReset.map { min(30, $0 / 3) }
    }
}

/// What stays fixed while the program runs: the content and the settings.
public struct Context: Sendable {
    public var content: ContentSet
    public var settings: Settings
    public var capabilities: Capabilities
    /// Today's date, read at start-up and again at each wipe: for the review-by notice and the summary's date.
    public var today: Day

    /// `today` defaults to the content's review date, so tests do not depend on the clock.
    public init(content: ContentSet, settings: Settings = Settings(), capabilities: Capabilities = .full, today: Day? = nil) {
        self.content = content
        self.settings = settings
        self.capabilities = capabilities
        self.today = today ?? content.about.reviewed
    }

    /// True once the content's review-by date has passed.
    public var reviewOverdue: Bool { today > content.about.reviewBy }
}

/// The results, in the order a person walks through them: what the
/// guidelines say, the options and their numbers, the evidence, what
/// matters to them, what to ask, and a summary to take away.
public enum ResultsSection: Int, Sendable, CaseIterable {
    case summary, options, experience, numbers, evidence, risks, values, questions, checklist, finish, check, glossary

    public var title: String {
        switch self {
        case .summary: return "Summary"
        case .options: return "Options"
        case .experience: return "What it is like"
        case .check: return "Check"
        case .numbers: return "Numbers"
        case .evidence: return "Evidence"
        case .risks: return "Risks"
        case .values: return "What matters"
        case .questions: return "Questions"
        case .checklist: return "Clinic checklist"
        case .finish: return "Finish"
        case .glossary: return "Glossary"
        }
    }

    /// The key that jumps here: 1 to 9 and 0 for the first ten sections, in
    /// the order they had before "What it is like" (w) and the knowledge
    /// check (c) were added, so the number keys people learned still work.
    public var key: Character {
        switch self {
        case .experience: return "w"
        case .check: return "c"
        default:
            let numbered = ResultsSection.allCases.filter { $0 != .experience && $0 != .check }
            let index = numbered.firstIndex(of: self) ?? 0
            return Character(String((index + 1) % 10))
        }
    }
}

public enum Page: Sendable, Equatable {
    case welcome
    case question(AnswerField)
    /// The SURE test, before the questions.
    case sureBefore
    case review
    case results(ResultsSection)
    /// Who made the aid, its dates and sources; Backspace returns to `from`.
    indirect case about(from: Page)
}

public enum Overlay: Sendable, Equatable {
    case help
    case confirmQuit
    /// Typing a file name to save the summary, or the answers to finish
    /// later, in (the name is in `draft`; which of the two is `Model.saving`).
    case saveAs
    /// The named file exists: replace it?
    case confirmOverwrite(path: String)
    /// Opened with --resume and something was left out (or the mode was
    /// taken from the file): what, before the review. Any key closes it.
    case resumed
    /// Print the summary? One job per yes.
    case confirmPrint
    /// Kiosk: start over, wiping every answer?
    case confirmStartOver
}

/// A text the person writes in their own words.
public enum TextTarget: Sendable, Equatable {
    case concern
    /// Who else is involved in the choice.
    case others
    /// A question for the neurologist: an index to edit, nil to add one.
    case ownQuestion(Int?)
}

/// What the save dialog saves.
public enum SaveKind: Sendable, Equatable {
    /// The summary, as text or Markdown, to read or take to the neurologist.
    case summary
    /// Everything the person has given the aid, to finish later (a Session file).
    case answers
}

/// A copy of the person's work that was saved: where, and what it held, so
/// the quit dialog can say whether anything changed since.
public struct SavedCopy: Sendable, Equatable {
    public var path: String
    public var answers: Answers
    public var deliberation: Deliberation
    public var ticked: Set<String>

    public init(path: String, answers: Answers, deliberation: Deliberation, ticked: Set<String>) {
        self.path = path
        self.answers = answers
        self.deliberation = deliberation
        self.ticked = ticked
    }

    public init(path: String, of m: Model) {
        self.init(path: path, answers: m.answers, deliberation: m.deliberation, ticked: m.ticked)
    }

    /// True if the model holds anything the copy does not.
    public func differs(from m: Model) -> Bool {
        differs(answers: m.answers, deliberation: m.deliberation, ticked: m.ticked)
    }

    public func differs(answers: Answers, deliberation: Deliberation, ticked: Set<String>) -> Bool {
        answers != self.answers || deliberation != self.deliberation || ticked != self.ticked
    }
}

/// Opened with `--resume`: from which file, and what it could not bring back.
public struct ResumedFrom: Sendable, Equatable {
    public var path: String
    public var saved: Day?
    /// What this content no longer has, left out.
    public var dropped: [Session.Dropped]
    /// The file was saved in clinician mode, and so the aid opened in it.
    public var clinicianFromFile: Bool

    public init(path: String, saved: Day?, dropped: [Session.Dropped], clinicianFromFile: Bool) {
        self.path = path
        self.saved = saved
        self.dropped = dropped
        self.clinicianFromFile = clinicianFromFile
    }
}

/// What the status row reports about the last action, as meaning: the
/// views word it (Views/NoticeWords.swift), so another front end or a
/// translation can word it its own way.
public enum Notice: Sendable, Equatable {
    /// lp is running on its own thread.
    case printing
    /// lp's outcome, as the printer code words it (it names the printer or the fault).
    case printed(String)
    case printFailed(String)
    case savedSummary(path: String)
    case savedAnswers(path: String)
    /// The save failed; the message names the file and what to do.
    case saveFailed(String)
    /// Enter on an empty file name.
    case fileNameNeeded(example: String)
    /// A digit above 4 on a statement of What matters.
    case ratingOutOfRange
    /// A rating for the person's own concern before they wrote it.
    case concernFirst
    /// A digit where nothing on What matters is rated.
    case ratingsAreAbove
    /// Opened with --resume: what came back, and what could not.
    case welcomeBack(ResumedFrom)
}

/// Where a page is scrolled. One model for every page: ↑↓ move the focus
/// and the view follows it; paging keys, Home/End and the wheel scroll the
/// view through everything on the page, items or not.
public struct Viewport: Sendable, Equatable {
    /// The first body line shown.
    public var top = 0
    /// True after the focus moved: the view moves just enough to show it.
    /// False after paging, so the view stays where the person put it.
    public var followFocus = true
    /// What the last drawing measured; nil before the first.
    public var measured: ViewLayout?
    public init() {}
}

/// What drawing a page measured, sent back to update as a message so that
/// update can page and scroll without drawing.
public struct ViewLayout: Sendable, Equatable {
    /// The first body line shown, and how many there are and fit.
    public var top = 0
    public var lines = 0
    public var height = 0
    /// The first body line of each focusable item, by item index.
    public var itemLines: [Int: Int] = [:]
    public init(top: Int = 0, lines: Int = 0, height: Int = 0, itemLines: [Int: Int] = [:]) {
        self.top = top; self.lines = lines; self.height = height; self.itemLines = itemLines
    }
}

/// Everything the interactive aid remembers. A plain value: update changes
/// it, view draws it, nothing else holds state.
public struct Model: Sendable, Equatable {
    /// A new page starts at its top.
    public var page: Page = .welcome { didSet { if page != oldValue { view = Viewport() } } }
    public var overlay: Overlay? { didSet { if overlay != oldValue { overlayView = Viewport() } } }
    /// Where the page, and an overlay over it, are scrolled.
    public var view = Viewport()
    public var overlayView = Viewport()
    /// The view the screen shows, and the one scrolling moves: the overlay's
    /// while one is open.
    public var shownView: Viewport {
        get { overlay == nil ? view : overlayView }
        set { if overlay == nil { view = newValue } else { overlayView = newValue } }
    }
    /// The questions and the answers given so far.
    public var interview: Interview
    public var size: Size

    // The question on screen.
    /// Text typed into a field (a number, the concern, a file name), not yet accepted.
    public var draft = "" { didSet { caret = min(caret, draft.count) } }
    /// Where typing goes in `draft`, in characters from its start.
    public var caret = 0
    /// The highlighted row: a choice, a review line, a list item.
    public var highlight = 0
    /// Ticked items of the treatments question, not yet accepted ("none" or therapy ids).
    public var picked: [String] = []
    /// Why the last answer was not taken (the view words it).
    public var problem: Interview.Problem?

    // The results.
    /// The study opened for detail on the evidence page.
    public var openStudy: Int?
    /// Clinic checklist items the person has ticked.
    public var ticked: Set<String> = []
    /// Values, leaning, role, SURE and questions for the neurologist.
    public var deliberation = Deliberation()
    /// Which of the person's own texts is being typed (in `draft`), if any.
    public var typing: TextTarget?
    /// The last save or print result, shown in the status row.
    public var notice: Notice?
    /// True while lp runs (on its own thread): the status row says so, and
    /// every key still works.
    public var printing = false

    // Saving and resuming.
    /// What the save dialog saves (on the results it offers both).
    public var saving: SaveKind = .summary
    /// A number being typed when the save dialog opened over its question: given back when it closes.
    public var heldDraft: String?
    /// The last save of the answers to finish later, and of the summary: the quit dialog says what is kept.
    public var savedAnswers: SavedCopy?
    public var savedSummary: SavedCopy?
    /// Opened with --resume: from where, and what was left out.
    public var resumedFrom: ResumedFrom?

    // Safe for shaky hands (see update).
    /// The monotonic clock, as last told by a tick (the run loop sends one before each key).
    public var clock: Double = 0
    /// The last key taken, when, and whether it changed the screen.
    public var lastKey: Key?
    public var lastKeyAt: Double = -1
    public var lastKeyChangedScreen = false

    // Forgetting each person (kiosk).
    /// When the last key came (the clock at start until then): the idle timer counts from here.
    public var lastActivity: Double?
    /// Seconds left before the wipe while the "Still there?" countdown shows; nil otherwise.
    public var idleCountdown: Int?
    /// A print job was sent for this person (one per person where settings say so).
    public var printedOnce = false

    /// Whether the screen drawn from `other` is the one drawn from this:
    /// equal but for the clock and the key timing, which no view shows. A
    /// tick every 250 ms moves the clock; redrawing for it drew the same
    /// frame four times a second.
    public func drawsLike(_ other: Model) -> Bool {
        var a = self
        a.clock = other.clock
        a.lastKey = other.lastKey
        a.lastKeyAt = other.lastKeyAt
        a.lastKeyChangedScreen = other.lastKeyChangedScreen
        a.lastActivity = other.lastActivity
        return a == other
    }

    public init(size: Size, settings: Settings = .patient) {
        self.size = size
        self.interview = Interview(exactEDSS: settings.exactEDSS)
    }

    /// The answers given so far.
    public var answers: Answers { interview.answers }

    /// True once anything has been answered: quitting then asks first.
    public var hasAnswers: Bool { answers != Answers() || !ticked.isEmpty || !deliberation.isEmpty }
}

/// What update asks the outside world to do. The run loop does it and
/// sends the outcome back as a message.
public enum Effect: Sendable, Equatable {
    case quit
    /// Write the summary `text` to `path` (mode 0600), replacing an existing file only if `overwrite`.
    case save(text: String, path: String, overwrite: Bool)
    /// Write the person's answers to finish later (a Session file) to
    /// `path`, as save does; the outcome comes back as `.savedAnswers`.
    case saveAnswers(text: String, path: String, overwrite: Bool)
    /// Send `text` to the printer with lp (to `destination`, or lp's default).
    case print(text: String, destination: String? = nil)
    /// Forget this person: a fresh model (done by update), and the screen and
    /// the terminal's scrollback cleared and today's date read again (by the run loop).
    case wipe
}
