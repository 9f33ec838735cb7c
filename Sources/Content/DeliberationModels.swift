// The parts of the content that help a person decide rather than inform:
// the options grid, key numbers for risk pictures, trials, values, the SURE
// test and questions for the neurologist. Loaded from options.yaml and
// deliberation.yaml; see Assets/content/README.md.

/// One option compared on the options grid ("AHSCT at an experienced, accredited centre").
public struct TreatmentOption: Sendable, Equatable, Identifiable {
    public var id: String
    /// The full name, as a column heading on wide screens.
    public var name: String
    /// A short name for narrow screens and legends ("AHSCT").
    public var short: String
    public var summary: Cited
    public var line: Int

    public init(id: String, name: String, short: String, summary: Cited, line: Int) {
        self.id = id; self.name = name; self.short = short; self.summary = summary; self.line = line
    }
}

/// What one option means for one question of the grid.
public struct GridCell: Sendable, Equatable {
    public var text: String
    public var sources: [String]
    /// True where no good number exists; the text then says so.
    public var noGoodNumber: Bool
    public var line: Int

    public init(text: String, sources: [String], noGoodNumber: Bool, line: Int) {
        self.text = text; self.sources = sources; self.noGoodNumber = noGoodNumber; self.line = line
    }
}

/// A row of the options grid: a question people ask, answered for every option.
public struct GridRow: Sendable, Equatable, Identifiable {
    public var id: String
    public var question: String
    /// By option id; every option has a cell.
    public var cells: [String: GridCell]
    public var line: Int

    public init(id: String, question: String, cells: [String: GridCell], line: Int) {
        self.id = id; self.question = question; self.cells = cells; self.line = line
    }
}

/// A randomized trial comparing AHSCT with drugs, and who it takes.
public struct Trial: Sendable, Equatable, Identifiable {
    public var id: String
    /// "BEAT-MS"
    public var name: String
    /// "NCT04047628"
    public var registration: String
    /// Where it runs, in words ("the USA and the UK").
    public var places: String
    /// What it compares, in words.
    public var compares: String
    public var ageMin: Int
    public var ageMax: Int
    /// nil where the limit is not in our sources.
    public var edssMin: Double?
    public var edssMax: Double?
    /// The entry condition about MS activity, in words.
    public var activity: String
    /// Whether it is known to be taking people, in words ("Recruitment closed in November 2024").
    public var status: String
    /// Whether it takes people who have not had MS drugs (rapidly evolving severe MS).
    public var takesUntreated: Bool
    public var sources: [String]
    public var line: Int

    public init(id: String, name: String, registration: String, places: String, compares: String,
                ageMin: Int, ageMax: Int, edssMin: Double?, edssMax: Double?, activity: String,
                status: String, takesUntreated: Bool, sources: [String], line: Int) {
        self.id = id; self.name = name; self.registration = registration; self.places = places
        self.compares = compares; self.ageMin = ageMin; self.ageMax = ageMax; self.edssMin = edssMin
        self.edssMax = edssMax; self.activity = activity; self.status = status
        self.takesUntreated = takesUntreated; self.sources = sources; self.line = line
    }
}

/// One key probability, shown the same way for every option: one
/// denominator (100, or 1,000 for rare harms) and one time frame.
public struct KeyNumber: Sendable, Equatable, Identifiable {
    public var id: String
    /// What is counted, as a heading ("Disability got worse").
    public var outcome: String
    /// The legend for people with the event ("got worse") and without it ("did not").
    public var event: String
    public var nonEvent: String
    /// True when the event is a harm; false when it is a benefit.
    public var harm: Bool
    /// 100 or 1000.
    public var denominator: Int
    /// The same for every option ("over about 3 years").
    public var timeFrame: String
    /// A risk in risks.yaml whose "higher for" note applies to this number.
    public var risk: String?
    /// One per option that the number speaks to; an option without a good
    /// number has a figure with per100 nil and a text saying so.
    public var figures: [KeyFigure]
    public var line: Int

    public init(id: String, outcome: String, event: String, nonEvent: String, harm: Bool, denominator: Int,
                timeFrame: String, risk: String?, figures: [KeyFigure], line: Int) {
        self.id = id; self.outcome = outcome; self.event = event; self.nonEvent = nonEvent; self.harm = harm
        self.denominator = denominator; self.timeFrame = timeFrame; self.risk = risk; self.figures = figures; self.line = line
    }

    public func figure(for option: String) -> KeyFigure? { figures.first { $0.option == option } }
}

public struct KeyFigure: Sendable, Equatable {
    /// An option id.
    public var option: String
    /// Events per 100 people; nil where no good number exists.
    public var per100: Double?
    /// The range where the studies differ.
    public var low: Double?
    public var high: Double?
    /// The sentence ("In the MIST trial, disability got worse in 3 of 55 people ...").
    public var text: String
    /// Who was studied.
    public var group: String
    /// Which MS groups were studied, so numbers from relapsing-remitting MS
    /// can be labelled so for a person with progressive MS.
    public var groups: [StudyGroup] = []
    /// How sure we can be, in plain words ("from studies without a comparison group").
    public var certainty: String
    public var sources: [String]
    public var line: Int
    /// The GRADE level beside the plain words.
    public var grade: Grade? = nil

    public init(option: String, per100: Double?, low: Double?, high: Double?, text: String, group: String,
                groups: [StudyGroup] = [], certainty: String, sources: [String], line: Int, grade: Grade? = nil) {
        self.option = option; self.per100 = per100; self.low = low; self.high = high; self.text = text
        self.group = group; self.groups = groups; self.certainty = certainty; self.sources = sources; self.line = line
        self.grade = grade
    }
}

/// Something people weigh in this choice, rated 0-4 by the person.
public struct ValueStatement: Sendable, Equatable, Identifiable {
    public var id: String
    /// "Avoiding a small chance of dying from the treatment"
    public var text: String
    /// By option id: the feature of that option that touches this value.
    public var touches: [String: Cited]
    public var line: Int

    public init(id: String, text: String, touches: [String: Cited], line: Int) {
        self.id = id; self.text = text; self.touches = touches; self.line = line
    }
}

/// A choice with a stored value and the words shown (a leaning, a role).
public struct Labelled: Sendable, Equatable {
    public var value: String
    public var label: String
    public var line: Int

    public init(value: String, label: String, line: Int) {
        self.value = value; self.label = label; self.line = line
    }
}

/// One item of the SURE test (Légaré 2010), and where the aid helps if the answer is no.
public struct SureItem: Sendable, Equatable, Identifiable {
    /// sure, understand, risk-benefit, encouragement
    public var id: String
    /// S, U, R or E
    public var letter: String
    public var question: String
    /// Where in the aid to go if the answer is "no".
    public var ifNo: String
    /// Where the wording comes from (legare-2010).
    public var sources: [String]
    public var line: Int

    public init(id: String, letter: String, question: String, ifNo: String, sources: [String] = [], line: Int) {
        self.id = id; self.letter = letter; self.question = question; self.ifNo = ifNo; self.sources = sources; self.line = line
    }
}

/// A question the person may want to ask their neurologist.
public struct DoctorQuestion: Sendable, Equatable, Identifiable {
    public var id: String
    public var text: String
    public var line: Int

    public init(id: String, text: String, line: Int) {
        self.id = id; self.text = text; self.line = line
    }
}

extension ContentSet {
    public func option(_ id: String) -> TreatmentOption? { options.first { $0.id == id } }
    public func keyNumber(_ id: String) -> KeyNumber? { keyNumbers.first { $0.id == id } }
    public func risk(_ id: String) -> Risk? { risks.first { $0.id == id } }
}

/// One step of what an option is like to live through ("Weeks 1 to 2: ..."),
/// or how it can feel; shown on the "What it is like" page.
public struct ExperienceStep: Sendable, Equatable {
    /// An option id.
    public var option: String
    /// When, in words ("Week 1", "Months 3 to 6", "How it can feel").
    public var when: String
    public var text: String
    public var sources: [String]
    public var line: Int

    public init(option: String, when: String, text: String, sources: [String], line: Int) {
        self.option = option; self.when = when; self.text = text; self.sources = sources; self.line = line
    }
}

/// What is known about MS if nothing changes: a sourced figure for a
/// stated group and time, with its certainty (shown beside "stay").
public struct CourseFigure: Sendable, Equatable, Identifiable {
    public var id: String
    /// "If MS stays active on a drug"
    public var heading: String
    public var text: String
    public var group: String
    public var timeFrame: String
    public var certainty: String
    public var grade: Grade?
    public var sources: [String]
    public var line: Int

    public init(id: String, heading: String, text: String, group: String, timeFrame: String, certainty: String,
                grade: Grade?, sources: [String], line: Int) {
        self.id = id; self.heading = heading; self.text = text; self.group = group; self.timeFrame = timeFrame
        self.certainty = certainty; self.grade = grade; self.sources = sources; self.line = line
    }
}

/// A true-or-false statement of the optional knowledge check, with the
/// right answer, why, and the results section that says so.
public struct KnowledgeItem: Sendable, Equatable, Identifiable {
    public var id: String
    public var statement: String
    /// True if the statement is true.
    public var answer: Bool
    public var why: String
    /// The title of the results section that explains it ("Risks").
    public var section: String
    public var sources: [String]
    public var line: Int

    public init(id: String, statement: String, answer: Bool, why: String, section: String, sources: [String], line: Int) {
        self.id = id; self.statement = statement; self.answer = answer; self.why = why; self.section = section
        self.sources = sources; self.line = line
    }
}
