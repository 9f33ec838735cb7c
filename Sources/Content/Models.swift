// What the aid says, as plain values. Read from Assets/content/*.yaml by
// ContentYAML (YAML/FileReaders.swift); see Assets/content/README.md for the
// file format.
//
// The build writes the content into the program as calls to these types'
// public initializers (content-compiler, YAML/SwiftSource.swift): it reads each
// value's stored properties by reflection, in declaration order, and passes
// them by label. So every model type keeps ONE public init that takes every
// stored property, in declaration order, with the property's own label.
// Adding an optional field to a model therefore takes three lines:
//   1. `public var clinician: String? = nil` in the type;
//   2. `clinician: String? = nil` in the same place of its public init
//      (`self.clinician = clinician`);
//   3. reading it in YAML/FileReaders.swift (and its key in that entry's
//      `known:` list).
// Nothing else: the compiler picks the field up by itself. Forgetting step 2
// fails the build with "extra argument 'clinician' in call" in the generated
// BuiltInContent file. A new enum needs String raw values (written as
// `Type(rawValue: "...")!`); a new struct needs such an init. A new part of
// ContentSet is a `@Section` (built when first read) and goes in both of its
// inits.

/// A sentence that may hold figures, with the sources behind them.
public struct Cited: Sendable, Equatable {
    public var text: String
    public var sources: [String]
    public var line: Int

    public init(text: String, sources: [String], line: Int) {
        self.text = text; self.sources = sources; self.line = line
    }
}

public struct About: Sendable, Equatable {
    public var version: String
    public var reviewed: Day
    public var reviewBy: Day
    public var madeBy: String
    public var updatePolicy: String
    public var funding: String
    public var conflicts: String
    public var evidenceMethod: String
    public var purpose: String
    public var notAdvice: String
    public var timeNeeded: String
    /// Welcome screen: what MS is and what AHSCT does, in plain words.
    public var condition: String
    /// How to tell the makers about a mistake.
    public var reportErrors: String = ""
    /// Who has tested the aid with people (so far: no one), said plainly.
    public var testing: String = ""

    public init(version: String, reviewed: Day, reviewBy: Day, madeBy: String, updatePolicy: String, funding: String,
                conflicts: String, evidenceMethod: String, purpose: String, notAdvice: String, timeNeeded: String,
                condition: String, reportErrors: String = "", testing: String = "") {
        self.version = version; self.reviewed = reviewed; self.reviewBy = reviewBy; self.madeBy = madeBy
        self.updatePolicy = updatePolicy; self.funding = funding; self.conflicts = conflicts
        self.evidenceMethod = evidenceMethod; self.purpose = purpose; self.notAdvice = notAdvice
        self.timeNeeded = timeNeeded; self.condition = condition; self.reportErrors = reportErrors; self.testing = testing
    }
}

/// A GRADE certainty level (high, moderate, low, very low): how sure we can
/// be that the true effect is close to the figure. Randomized evidence starts
/// high and observational evidence low; each is moved down for risk of bias,
/// imprecision, indirectness, inconsistency or publication bias.
public enum GradeLevel: String, Sendable, CaseIterable {
    case high, moderate, low
    case veryLow = "very-low"

    /// In a sentence: "very low".
    public var words: String { self == .veryLow ? "very low" : rawValue }
}

/// A figure's GRADE level with a one-line reason in plain words.
public struct Grade: Sendable, Equatable {
    public var level: GradeLevel
    public var reason: String
    public init(level: GradeLevel, reason: String) { self.level = level; self.reason = reason }

    /// "GRADE: low. Observational studies start low; ..."
    public var line: String { "GRADE: " + level.words + ". " + reason }
}

public enum SourceKind: String, Sendable, CaseIterable {
    case guideline, positionStatement = "position-statement", randomizedTrial = "randomized-trial"
    case cohort, metaAnalysis = "meta-analysis", registry, trialRegistration = "trial-registration"
    case review, regulator, patientOrganisation = "patient-organisation", newsArticle = "news-article"
    case advocacy, scale
    case qualitative = "qualitative-study"

    /// How the kind reads in a sentence ("a randomized trial").
    public var phrase: String {
        switch self {
        case .guideline: return "guideline"
        case .positionStatement: return "position statement"
        case .randomizedTrial: return "randomized trial"
        case .cohort: return "cohort study"
        case .metaAnalysis: return "meta-analysis"
        case .registry: return "registry study"
        case .trialRegistration: return "trial registration"
        case .review: return "review"
        case .regulator: return "regulator's advice"
        case .patientOrganisation: return "patient organisation"
        case .newsArticle: return "news article"
        case .advocacy: return "patient advocacy group"
        case .scale: return "rating scale"
        case .qualitative: return "interview study"
        }
    }
}

public struct Source: Sendable, Equatable, Identifiable {
    public var id: String
    public var short: String
    public var citation: String
    public var year: Int
    public var kind: SourceKind
    public var link: String
    public var checked: String
    public var line: Int

    public init(id: String, short: String, citation: String, year: Int, kind: SourceKind, link: String, checked: String, line: Int) {
        self.id = id; self.short = short; self.citation = citation; self.year = year; self.kind = kind
        self.link = link; self.checked = checked; self.line = line
    }
}

public enum StudyGroup: String, Sendable, CaseIterable {
    case relapsing, progressive, children
}

public struct Study: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var who: String
    public var howMany: Int
    public var design: SourceKind
    public var followUp: Cited
    public var groups: [StudyGroup]
    public var summary: Cited
    public var outcomes: [Cited]
    public var limitations: [Cited]
    public var sources: [String]
    public var line: Int
    /// The options this study speaks to (option ids); a comparison names both.
    public var options: [String] = []
    /// How sure its findings are, in GRADE terms.
    public var grade: Grade? = nil

    public init(id: String, name: String, who: String, howMany: Int, design: SourceKind, followUp: Cited,
                groups: [StudyGroup], summary: Cited, outcomes: [Cited], limitations: [Cited], sources: [String],
                line: Int, options: [String] = [], grade: Grade? = nil) {
        self.id = id; self.name = name; self.who = who; self.howMany = howMany; self.design = design
        self.followUp = followUp; self.groups = groups; self.summary = summary; self.outcomes = outcomes
        self.limitations = limitations; self.sources = sources; self.line = line; self.options = options; self.grade = grade
    }
}

public struct RiskFigure: Sendable, Equatable {
    public var text: String
    public var group: String
    public var timeFrame: String
    public var per100: Double?
    public var low: Double?
    public var high: Double?
    public var certainty: String
    public var sources: [String]
    public var line: Int
    /// The GRADE level beside the plain words of `certainty`.
    public var grade: Grade? = nil

    public init(text: String, group: String, timeFrame: String, per100: Double? = nil, low: Double? = nil, high: Double? = nil,
                certainty: String, sources: [String], line: Int, grade: Grade? = nil) {
        self.text = text; self.group = group; self.timeFrame = timeFrame; self.per100 = per100; self.low = low
        self.high = high; self.certainty = certainty; self.sources = sources; self.line = line; self.grade = grade
    }
}

public struct Risk: Sendable, Equatable, Identifiable {
    public var id: String
    /// The option this harm belongs to (an option id in options.yaml).
    public var option: String = ""
    public var name: String
    public var summary: Cited
    public var figures: [RiskFigure]
    public var higherFor: Cited?
    /// Which of the person's answers make `higherFor` apply to them.
    public var higherWhen: [RiskFactor] = []
    public var sources: [String]
    public var line: Int

    public init(id: String, option: String = "", name: String, summary: Cited, figures: [RiskFigure], higherFor: Cited? = nil,
                higherWhen: [RiskFactor] = [], sources: [String], line: Int) {
        self.id = id; self.option = option; self.name = name; self.summary = summary; self.figures = figures
        self.higherFor = higherFor; self.higherWhen = higherWhen; self.sources = sources; self.line = line
    }
}

/// An answer that makes a risk higher for a person ("higher for people like you").
public enum RiskFactor: String, Sendable, CaseIterable {
    /// Age 45 or more (the European consensus prefers under 45).
    case older
    /// EDSS 6.0 or more.
    case disabled
    /// Secondary or primary progressive MS.
    case progressive
    /// Serious heart, lung, liver or kidney disease.
    case illness
}

public struct ChecklistItem: Sendable, Equatable, Identifiable {
    public var id: String
    public var question: String
    public var why: String
    public var redFlag: Bool
    public var sources: [String]
    public var line: Int

    public init(id: String, question: String, why: String, redFlag: Bool, sources: [String], line: Int) {
        self.id = id; self.question = question; self.why = why; self.redFlag = redFlag; self.sources = sources; self.line = line
    }
}

/// How the aid's rules count a drug. Guidelines and trials agree on the
/// high-efficacy drugs; they differ on cladribine and the S1P modulators
/// (STAR-MS and RAM-MS count cladribine among the best available), so the aid
/// never calls those "not high-efficacy".
public enum TherapyClass: String, Sendable, CaseIterable {
    case highEfficacy = "high-efficacy"
    case sourcesDiffer = "sources-differ"
    case platform
}

public struct Therapy: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var brands: String
    public var therapyClass: TherapyClass
    public var sources: [String]
    public var line: Int

    public init(id: String, name: String, brands: String, therapyClass: TherapyClass, sources: [String], line: Int) {
        self.id = id; self.name = name; self.brands = brands; self.therapyClass = therapyClass; self.sources = sources; self.line = line
    }
}

public struct GlossaryTerm: Sendable, Equatable, Identifiable {
    public var id: String
    public var term: String
    public var definition: String
    public var sources: [String]
    public var line: Int

    public init(id: String, term: String, definition: String, sources: [String], line: Int) {
        self.id = id; self.term = term; self.definition = definition; self.sources = sources; self.line = line
    }
}

public struct LevelText: Sendable, Equatable {
    public var headline: String
    public var explanation: String
    public var sources: [String]
    public var line: Int

    public init(headline: String, explanation: String, sources: [String], line: Int) {
        self.headline = headline; self.explanation = explanation; self.sources = sources; self.line = line
    }
}

public struct RuleText: Sendable, Equatable, Identifiable {
    public var id: String
    public var text: String
    public var change: String?
    /// The reason in a clinician's words, for the clinician's printout (the
    /// patient's `text` is used where there is none). Not patient-facing, so
    /// exempt from the reading-grade check; its figures cite `sources` too.
    public var clinician: String? = nil
    public var sources: [String]
    public var line: Int

    public init(id: String, text: String, change: String? = nil, clinician: String? = nil, sources: [String], line: Int) {
        self.id = id; self.text = text; self.change = change; self.clinician = clinician; self.sources = sources; self.line = line
    }
}

public struct Choice: Sendable, Equatable {
    public var value: String
    public var label: String
    public var description: String
    public var line: Int

    public init(value: String, label: String, description: String, line: Int) {
        self.value = value; self.label = label; self.description = description; self.line = line
    }
}

public struct Question: Sendable, Equatable, Identifiable {
    public var id: String
    public var prompt: String
    public var why: String
    public var choices: [Choice]
    public var sources: [String]
    public var line: Int

    public init(id: String, prompt: String, why: String, choices: [Choice], sources: [String], line: Int) {
        self.id = id; self.prompt = prompt; self.why = why; self.choices = choices; self.sources = sources; self.line = line
    }
}

/// One part of the content (its sources, its studies...): a value, or, in
/// the content built into the program, a value built the first time it is
/// read (BuiltInContent keeps each part in a `static let`, built once, safely
/// from any thread). So the Welcome page, which shows only `about`, does not
/// wait for the studies to be built, and a question page holds only the
/// questions. Reading it is the same either way; setting it stores a value.
@propertyWrapper
public struct Section<Value: Sendable & Equatable>: Sendable, Equatable {
    // Inlinable, so the program's modules use it for each part's own type
    // (no generic code, no type metadata built at run time).
    @usableFromInline enum Storage: Sendable {
        case value(Value)
        case later(@Sendable () -> Value)
    }
    @usableFromInline var storage: Storage

    @inlinable public init(wrappedValue: Value) { storage = .value(wrappedValue) }
    /// Built when first read: `build` must give the same value every time
    /// (a `static let`).
    @inlinable public init(later build: @escaping @Sendable () -> Value) { storage = .later(build) }

    @inlinable public var wrappedValue: Value {
        get {
            switch storage {
            case .value(let value): return value
            case .later(let build): return build()
            }
        }
        set { storage = .value(newValue) }
    }

    public static func == (a: Section, b: Section) -> Bool { a.wrappedValue == b.wrappedValue }
}

/// What content-compiler sees of a Section when it writes the content as
/// Swift (YAML/SwiftSource.swift): the value, built.
public protocol AnySection {
    var builtValue: Any { get }
}

extension Section: AnySection {
    public var builtValue: Any { wrappedValue }
}

/// Everything the aid says, loaded and cross-checked. Every part but `about`
/// is a Section (see there).
public struct ContentSet: Sendable, Equatable {
    public var about: About
    @Section public var sources: [Source]
    @Section public var studies: [Study]
    @Section public var risks: [Risk]
    @Section public var checklist: [ChecklistItem]
    @Section public var therapiesNote: Cited
    @Section public var therapies: [Therapy]
    @Section public var glossary: [GlossaryTerm]
    @Section public var levels: [String: LevelText]
    @Section public var rules: [RuleText]
    @Section public var questions: [Question]
    // options.yaml
    @Section public var options: [TreatmentOption] = []
    @Section public var grid: [GridRow] = []
    @Section public var trials: [Trial] = []
    @Section public var keyNumbers: [KeyNumber] = []
    @Section public var experience: [ExperienceStep] = []
    @Section public var ifNothingChanges: [CourseFigure] = []
    // deliberation.yaml
    @Section public var values: [ValueStatement] = []
    @Section public var leanings: [Labelled] = []
    @Section public var roles: [Labelled] = []
    /// Whether the person feels pressure from others (Ottawa Personal Decision Guide).
    @Section public var pressure: [Labelled] = []
    @Section public var sure: [SureItem] = []
    @Section public var doctorQuestions: [DoctorQuestion] = []
    @Section public var knowledgeCheck: [KnowledgeItem] = []

    public init(about: About, sources: [Source], studies: [Study], risks: [Risk], checklist: [ChecklistItem],
                therapiesNote: Cited, therapies: [Therapy], glossary: [GlossaryTerm], levels: [String: LevelText],
                rules: [RuleText], questions: [Question], options: [TreatmentOption] = [], grid: [GridRow] = [],
                trials: [Trial] = [], keyNumbers: [KeyNumber] = [], experience: [ExperienceStep] = [],
                ifNothingChanges: [CourseFigure] = [], values: [ValueStatement] = [], leanings: [Labelled] = [],
                roles: [Labelled] = [], pressure: [Labelled] = [], sure: [SureItem] = [],
                doctorQuestions: [DoctorQuestion] = [], knowledgeCheck: [KnowledgeItem] = []) {
        self.about = about; self.sources = sources; self.studies = studies; self.risks = risks; self.checklist = checklist
        self.therapiesNote = therapiesNote; self.therapies = therapies; self.glossary = glossary; self.levels = levels
        self.rules = rules; self.questions = questions; self.options = options; self.grid = grid; self.trials = trials
        self.keyNumbers = keyNumbers; self.experience = experience; self.ifNothingChanges = ifNothingChanges
        self.values = values; self.leanings = leanings; self.roles = roles; self.pressure = pressure; self.sure = sure
        self.doctorQuestions = doctorQuestions; self.knowledgeCheck = knowledgeCheck
    }

    /// The same, each part a Section kept unbuilt (the built-in content:
    /// `sources: Section(later: { ... })`).
    public init(about: About, sources: Section<[Source]>, studies: Section<[Study]>, risks: Section<[Risk]>,
                checklist: Section<[ChecklistItem]>, therapiesNote: Section<Cited>, therapies: Section<[Therapy]>,
                glossary: Section<[GlossaryTerm]>, levels: Section<[String: LevelText]>, rules: Section<[RuleText]>,
                questions: Section<[Question]>, options: Section<[TreatmentOption]>, grid: Section<[GridRow]>,
                trials: Section<[Trial]>, keyNumbers: Section<[KeyNumber]>, experience: Section<[ExperienceStep]>,
                ifNothingChanges: Section<[CourseFigure]>, values: Section<[ValueStatement]>, leanings: Section<[Labelled]>,
                roles: Section<[Labelled]>, pressure: Section<[Labelled]>, sure: Section<[SureItem]>,
                doctorQuestions: Section<[DoctorQuestion]>, knowledgeCheck: Section<[KnowledgeItem]>) {
        self.about = about; _sources = sources; _studies = studies; _risks = risks; _checklist = checklist
        _therapiesNote = therapiesNote; _therapies = therapies; _glossary = glossary; _levels = levels
        _rules = rules; _questions = questions; _options = options; _grid = grid; _trials = trials
        _keyNumbers = keyNumbers; _experience = experience; _ifNothingChanges = ifNothingChanges
        _values = values; _leanings = leanings; _roles = roles; _pressure = pressure; _sure = sure
        _doctorQuestions = doctorQuestions; _knowledgeCheck = knowledgeCheck
    }

    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }
    public func rule(_ id: String) -> RuleText? { rules.first { $0.id == id } }
    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }
    public func therapy(_ id: String) -> Therapy? { therapies.first { $0.id == id } }
}
