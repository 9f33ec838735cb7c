import Content

// A saved session: everything a person has given the aid, in a small JSON
// file, so they can stop and finish later (`s`, then `decision-aid --resume
// FILE`). Pure: text in, text out; the disk is the caller's (the screen's run
// loop saves with SummaryFile.save; the CLI reads the file). No Foundation.
//
// API, for every front end (the curses screen, the plain line mode):
//
//     let session = Session(answers: interview.answers, deliberation: deliberation,
//                           ticked: ticked, audience: settings.audience,
//                           contentVersion: content.about.version, saved: today)
//     let text = session.encode()                 // write with SummaryFile.save(text, to:, overwrite:)
//
//     do {
//         let (session, dropped) = try Session.decode(text, file: path, content: content)
//         // session.answers, .deliberation, .ticked, .audience;
//         // Interview.resumed(session.answers, exactEDSS: ...) opens at the review.
//         // dropped: ids this content no longer has, left out; show each
//         // one's `text` to the person on the first screen.
//     } catch {
//         // error.description names the file and line: "'a.json' line 7, column 10: age: ..."
//         // error.isNewerVersion: saved by a newer decision-aid.
//     }
//
// The file (format version 1), keys in this order:
//
//     {
//       "format": "decision-aid-session",      required, exactly this
//       "version": 1,                           required; newer versions are refused
//       "saved": "2026-11-20",                  the day it was saved, or null
//       "content": "2026.11",                   the content version it was saved with
//       "audience": "patient",                  or "clinician": --resume opens in that mode
//       "answers": { "age": 34, ... },          exactly `assess --answers`'s object
//       "sureBefore": { "sure": true, ... },    SURE item id -> yes (true) or no (false)
//       "ratings": { "relapses": 4, "chemo": "not sure" },   value id -> 0-4 or "not sure"
//       "concern": "", "concernRating": null,   their own concern (0-4, "not sure" or null)
//       "leaning": null, "role": null,          a leaning and role value, or null
//       "others": "", "pressure": null,         who else is involved; a pressure value or null
//       "askedQuestions": [ "centre" ],         ticked questions for the neurologist, by id
//       "ownQuestions": [ "In my words?" ],     their own questions
//       "checklist": [ "accredited" ],          ticked clinic checklist items, by id
//       "knowledgeCheck": { "k1": true, "k2": "not sure" },  true, false or "not sure"
//       "sureAfter": { ... }                    as sureBefore
//     }
//
// Reading is strict, as for `assess --answers` (StrictJSON): a key this
// version does not know, a value of the wrong kind or out of range, a
// control character in the person's own words, is an error naming the line.
// Only ids the content no longer has (a treatment, a value statement, a SURE
// or knowledge item, a checklist item, a question, a leaning, role or
// pressure value) are left out, and each is reported in `dropped`. A plain
// `assess` answers object (no "format" key) is read as a session with only
// answers. `assess --answers` reads a session file's answers (AnswersJSON).

/// Everything a person has given the aid, to save and to resume.
public struct Session: Sendable, Equatable {
    /// The "format" every session file starts with.
    public static let formatName = "decision-aid-session"
    /// The file format written, and the newest one read.
    public static let formatVersion = 1
    /// The most a session file may hold (a full one is a few KB).
    public static let sizeLimit = 1 << 20
    /// The longest text of the person's own an entry may hold.
    public static let textLimit = 2_000

    public var answers: Answers
    public var deliberation: Deliberation
    /// Ticked clinic checklist items, by id (Model.ticked).
    public var ticked: Set<String>
    public var audience: Settings.Audience
    /// The content version the session was saved with ("" if not known).
    public var contentVersion: String
    /// The day it was saved, if known.
    public var saved: Day?

    public init(answers: Answers = Answers(), deliberation: Deliberation = Deliberation(), ticked: Set<String> = [],
                audience: Settings.Audience = .patient, contentVersion: String = "", saved: Day? = nil) {
        self.answers = answers
        self.deliberation = deliberation
        self.ticked = ticked
        self.audience = audience
        self.contentVersion = contentVersion
        self.saved = saved
    }

    /// Something in a file that this content no longer has, left out on reading.
    public struct Dropped: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            case therapy, value, sureItem, knowledgeItem, checklistItem, doctorQuestion, leaning, role, pressure
        }
        public var kind: Kind
        public var id: String

        public init(_ kind: Kind, _ id: String) {
            self.kind = kind
            self.id = id
        }

        /// What was left out, in the person's words ("the treatment 'old-drug'").
        public var text: String {
            let name = "'\(id.echoed(limit: 40))'"
            switch kind {
            case .therapy: return "the treatment \(name)"
            case .value: return "your rating of a statement about what matters (\(name))"
            case .sureItem: return "an answer to a question about being ready to decide (\(name))"
            case .knowledgeItem: return "an answer to the knowledge check (\(name))"
            case .checklistItem: return "a tick on the clinic checklist (\(name))"
            case .doctorQuestion: return "a ticked question for your neurologist (\(name))"
            case .leaning: return "your leaning (\(name))"
            case .role: return "how you want the choice made (\(name))"
            case .pressure: return "whether you feel pushed (\(name))"
            }
        }
    }

    /// Why a file could not be read, and where. Nothing was changed.
    public struct Failure: Error, Sendable, Equatable {
        /// The file as the person named it.
        public var file: String
        public var line: Int?
        public var column: Int?
        /// The answer at fault, if it is one (for `assess`'s messages).
        public var field: AnswerField?
        public var message: String
        /// True when a newer decision-aid wrote the file.
        public var isNewerVersion = false

        public init(file: String, line: Int? = nil, column: Int? = nil, field: AnswerField? = nil, message: String, isNewerVersion: Bool = false) {
            self.file = file
            self.line = line
            self.column = column
            self.field = field
            self.message = message
            self.isNewerVersion = isNewerVersion
        }

        /// "line 7, column 10" or "line 7", or "" when not known.
        public var place: String {
            guard let line else { return "" }
            return "line \(line)" + (column.map { ", column \($0)" } ?? "")
        }

        /// "'a.json' line 7, column 10: age: must be a number ..."
        public var description: String {
            "'\(file.echoed(limit: 200))'" + (line == nil ? "" : " " + place) + ": " + message
        }
    }
}

// MARK: - Writing

extension Session {
    /// The session as a version 1 file: JSON, two-space indents, keys in a
    /// fixed order and ids sorted, so the same session always gives the same
    /// text. Ends with a newline.
    public func encode() -> String {
        var w = JSONWriter()
        w.open()
        w.member("format", JSONWriter.string(Session.formatName))
        w.member("version", String(Session.formatVersion))
        w.member("saved", saved.map { JSONWriter.string($0.description) } ?? "null")
        w.member("content", JSONWriter.string(contentVersion))
        w.member("audience", JSONWriter.string(audience == .clinician ? "clinician" : "patient"))
        w.member("answers", Session.encode(answers))
        let d = deliberation
        w.member("sureBefore", JSONWriter.object(d.sureBefore.sorted { $0.key < $1.key }.map { ($0.key, $0.value ? "true" : "false") }))
        w.member("ratings", JSONWriter.object(d.ratings.sorted { $0.key < $1.key }.map { ($0.key, Session.encode($0.value)) }))
        w.member("concern", JSONWriter.string(d.concern))
        w.member("concernRating", d.concernRating.map(Session.encode) ?? "null")
        w.member("leaning", d.leaning.map(JSONWriter.string) ?? "null")
        w.member("role", d.role.map(JSONWriter.string) ?? "null")
        w.member("others", JSONWriter.string(d.others))
        w.member("pressure", d.pressure.map(JSONWriter.string) ?? "null")
        w.member("askedQuestions", JSONWriter.array(d.asked.sorted().map(JSONWriter.string)))
        w.member("ownQuestions", JSONWriter.array(d.ownQuestions.map(JSONWriter.string)))
        w.member("checklist", JSONWriter.array(ticked.sorted().map(JSONWriter.string)))
        w.member("knowledgeCheck", JSONWriter.object(d.knowledge.sorted { $0.key < $1.key }.map { ($0.key, Session.encode($0.value)) }))
        w.member("sureAfter", JSONWriter.object(d.sureAfter.sorted { $0.key < $1.key }.map { ($0.key, $0.value ? "true" : "false") }))
        w.close()
        return w.text + "\n"
    }

    /// The answers as `assess --answers` reads them: only what was answered,
    /// in the contract's order; "unsure" for a yes-or-no answered "not sure".
    static func encode(_ a: Answers) -> String {
        var members: [(String, String)] = []
        for field in AnswerField.allCases {
            let value: String?
            switch field {
            case .age: value = a.age.map(String.init)
            case .subtype: value = a.subtype.map { JSONWriter.string($0.rawValue) }
            case .relapsesLast12Months: value = a.relapsesLast12Months.map(String.init)
            case .newMRIActivityLast12Months: value = a.newMRIActivityLast12Months.map { JSONWriter.string($0.rawValue) }
            case .walking: value = a.walking.map { JSONWriter.string($0.rawValue) }
            case .edss: value = a.edss.map(format)
            case .disabilityFromRecentRelapse: value = a.disabilityFromRecentRelapse.map { JSONWriter.string($0.rawValue) }
            case .yearsSinceDiagnosis: value = a.yearsSinceDiagnosis.map(String.init)
            case .therapies: value = a.therapies.map { JSONWriter.array($0.map(JSONWriter.string), inline: true) }
            case .activeOnTreatment: value = a.activeOnTreatment.map { JSONWriter.string($0.rawValue) }
            case .highEfficacyContraindicated:
                value = a.highEfficacyContraindicated.map { $0 ? "true" : "false" } ?? (a.notSure.contains(field) ? JSONWriter.string("unsure") : nil)
            case .seriousComorbidity:
                value = a.seriousComorbidity.map { $0 ? "true" : "false" } ?? (a.notSure.contains(field) ? JSONWriter.string("unsure") : nil)
            }
            if let value { members.append((field.jsonKey, value)) }
        }
        return JSONWriter.object(members, indent: 1)
    }

    static func encode(_ rating: Rating) -> String {
        switch rating {
        case .score(let n): return String(n)
        case .notSure: return JSONWriter.string("not sure")
        }
    }

    static func encode(_ answer: KnowledgeAnswer) -> String {
        switch answer {
        case .isTrue: return "true"
        case .isFalse: return "false"
        case .notSure: return JSONWriter.string("not sure")
        }
    }
}

/// Writes JSON by hand (no Foundation): strings escaped as RFC 8259 asks.
struct JSONWriter {
    private(set) var text = ""
    private var first = true

    mutating func open() { text = "{" }
    mutating func close() { text += "\n}" }

    /// One top-level member, on its own line.
    mutating func member(_ key: String, _ value: String) {
        text += (first ? "\n" : ",\n") + "  " + JSONWriter.string(key) + ": " + value
        first = false
    }

    /// An object whose members are already JSON, each on its own line at
    /// `indent` levels (empty: `{}`).
    static func object(_ members: [(String, String)], indent: Int = 1) -> String {
        guard !members.isEmpty else { return "{}" }
        let inner = String(repeating: "  ", count: indent + 1)
        let outer = String(repeating: "  ", count: indent)
        return "{\n" + members.map { inner + string($0.0) + ": " + $0.1 }.joined(separator: ",\n") + "\n" + outer + "}"
    }

    /// An array of JSON values: inline (`["a", "b"]`) or one per line.
    static func array(_ items: [String], inline: Bool = false, indent: Int = 1) -> String {
        guard !items.isEmpty else { return "[]" }
        if inline { return "[" + items.joined(separator: ", ") + "]" }
        let inner = String(repeating: "  ", count: indent + 1)
        let outer = String(repeating: "  ", count: indent)
        return "[\n" + items.map { inner + $0 }.joined(separator: ",\n") + "\n" + outer + "]"
    }

    /// A JSON string: quotes, backslashes and control characters escaped;
    /// everything else as UTF-8. Works on the UTF-8 bytes, copying runs that
    /// need no escape as they are (one scalar at a time was most of the time
    /// `assess --format json` took).
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    static func string(_ s: String) -> String {
        var text = s
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 2)
            out.append(0x22)
            func escape(_ code: UInt32) {
                out += [0x5C, 0x75]                                 // \u
                for shift in stride(from: 12, through: 0, by: -4) {
                    out.append(hexDigits[Int((code >> UInt32(shift)) & 0xF)])
                }
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                case 0x08: out += [0x5C, 0x62]
                case 0x0C: out += [0x5C, 0x66]
                case 0x00...0x1F, 0x7F: escape(UInt32(byte))
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)   // line and paragraph separators
                    index += 2
                default: out.append(byte)
                }
                index += 1
            }
            out.append(0x22)
            return String(decoding: out, as: UTF8.self)
        }
    }
}

// MARK: - Reading

extension Session {
    /// Reads a session file (or a plain answers object) for this content:
    /// ids the content no longer has are left out and listed in `dropped`.
    public static func decode(_ text: String, file: String, content: ContentSet) throws(Failure) -> (session: Session, dropped: [Dropped]) {
        try decode(Array(text.utf8), file: file, content: content)
    }

    public static func decode(_ bytes: [UInt8], file: String, content: ContentSet) throws(Failure) -> (session: Session, dropped: [Dropped]) {
        var reader = try SessionReader(bytes, file: file)
        reader.therapies = Set(content.therapies.map(\.id)).intersection(TherapyIDs.all)
        var session = try reader.read()
        var dropped = reader.dropped
        session.dropUnknown(content, &dropped)
        return (session, dropped)
    }

    /// Reads a session file's structure without a content set: every
    /// therapy must be one this program knows (as for `assess`), and ids of
    /// the content are kept as they are. For `assess --answers`.
    static func read(_ bytes: [UInt8], file: String) throws(Failure) -> Session {
        var reader = try SessionReader(bytes, file: file)
        return try reader.read()
    }

    /// True if a JSON object is a session file rather than a plain answers
    /// object: it has a "format" key.
    static func isSession(_ value: StrictJSON.Value) -> Bool {
        guard case .object(let pairs) = value else { return false }
        return pairs.contains { $0.key == "format" }
    }

    /// Leaves out what this content does not have, each noted in `dropped`.
    mutating func dropUnknown(_ content: ContentSet, _ dropped: inout [Dropped]) {
        func keep<V>(_ map: inout [String: V], _ ids: Set<String>, _ kind: Dropped.Kind) {
            for id in map.keys.sorted() where !ids.contains(id) {
                map[id] = nil
                dropped.append(Dropped(kind, id))
            }
        }
        func keep(_ set: inout Set<String>, _ ids: Set<String>, _ kind: Dropped.Kind) {
            for id in set.sorted() where !ids.contains(id) {
                set.remove(id)
                dropped.append(Dropped(kind, id))
            }
        }
        func keep(_ value: inout String?, _ values: [Labelled], _ kind: Dropped.Kind) {
            if let v = value, !values.contains(where: { $0.value == v }) {
                value = nil
                dropped.append(Dropped(kind, v))
            }
        }
        let sure = Set(content.sure.map(\.id))
        keep(&deliberation.sureBefore, sure, .sureItem)
        keep(&deliberation.ratings, Set(content.values.map(\.id)), .value)
        keep(&deliberation.leaning, content.leanings, .leaning)
        keep(&deliberation.role, content.roles, .role)
        keep(&deliberation.pressure, content.pressure, .pressure)
        keep(&deliberation.asked, Set(content.doctorQuestions.map(\.id)), .doctorQuestion)
        keep(&ticked, Set(content.checklist.map(\.id)), .checklistItem)
        keep(&deliberation.knowledge, Set(content.knowledgeCheck.map(\.id)), .knowledgeItem)
        keep(&deliberation.sureAfter, sure, .sureItem)
    }
}

/// Reads one session file, strictly, with the line of anything wrong.
private struct SessionReader {
    let file: String
    let value: StrictJSON.Value
    let positions: [[String]: StrictJSON.Position]
    /// The therapies kept; nil: every one must be known (an unknown one is an error).
    var therapies: Set<String>?
    var dropped: [Session.Dropped] = []

    /// The keys of a version 1 file, in order.
    static let keys = ["format", "version", "saved", "content", "audience", "answers", "sureBefore", "ratings",
                       "concern", "concernRating", "leaning", "role", "others", "pressure", "askedQuestions",
                       "ownQuestions", "checklist", "knowledgeCheck", "sureAfter"]

    init(_ bytes: [UInt8], file: String) throws(Session.Failure) {
        self.file = file
        guard bytes.count <= Session.sizeLimit else {
            throw Session.Failure(file: file, message: "the file holds more than 1 MB; saved answers are a few KB, so this is not a file of saved answers")
        }
        do {
            (value, positions) = try StrictJSON.parseLocated(bytes)
        } catch {
            throw Session.Failure(file: file, line: error.line, column: error.column,
                                  message: "this is not a file of saved answers, or it is damaged: \(error.message)")
        }
    }

    func fail(_ path: [String], _ message: String, field: AnswerField? = nil) -> Session.Failure {
        // The nearest recorded position: the key itself, or the object it is in.
        var at = path
        while !at.isEmpty && positions[at] == nil { at.removeLast() }
        let position = positions[at]
        return Session.Failure(file: file, line: position?.line, column: position?.column, field: field, message: message)
    }

    mutating func read() throws(Session.Failure) -> Session {
        guard case .object(let pairs) = value else {
            throw Session.Failure(file: file, line: 1, message: "this is not a file of saved answers: it must be a JSON object ({ ... }), not \(value.shortDescription)")
        }
        var session = Session()
        guard Session.isSession(value) else {
            // A plain answers object, as `assess --answers` takes.
            session.answers = try answers(pairs, path: [])
            return session
        }
        let members = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        guard case .string(let format)? = members["format"], format == Session.formatName else {
            throw fail(["format"], "\"format\" must be \"\(Session.formatName)\", not \(members["format"]?.shortDescription ?? "missing")")
        }
        // The version first: a newer file may have keys this one does not know.
        guard let versionValue = members["version"] else {
            throw fail([], "the file has no \"version\"; a file of saved answers has \"version\": \(Session.formatVersion)")
        }
        guard case .number(let number) = versionValue, let version = number.wholeValue, version >= 1 else {
            throw fail(["version"], "\"version\" must be a whole number like \(Session.formatVersion), not \(versionValue.shortDescription)")
        }
        if version > Session.formatVersion {
            var failure = fail(["version"], "it was saved by a newer decision-aid (file format \(version); this one reads format \(Session.formatVersion)). Open it with that newer version, or update this one")
            failure.isNewerVersion = true
            throw failure
        }
        for (key, item) in pairs {
            let path = [key]
            switch key {
            case "format", "version":
                break
            case "saved":
                if item == .null { break }
                guard case .string(let text) = item, let day = Day(text) else {
                    throw fail(path, "\"saved\" must be a date like \"2026-11-20\", or null, not \(item.shortDescription)")
                }
                session.saved = day
            case "content":
                session.contentVersion = try text(item, path, limit: 100, what: "\"content\" (the content version)")
            case "audience":
                switch item {
                case .string("patient"): session.audience = .patient
                case .string("clinician"): session.audience = .clinician
                default: throw fail(path, "\"audience\" must be \"patient\" or \"clinician\", not \(item.shortDescription)")
                }
            case "answers":
                guard case .object(let answerPairs) = item else {
                    throw fail(path, "\"answers\" must be an object like {\"age\": 34}, not \(item.shortDescription)")
                }
                session.answers = try answers(answerPairs, path: path)
            case "sureBefore":
                session.deliberation.sureBefore = try yesNo(item, path)
            case "sureAfter":
                session.deliberation.sureAfter = try yesNo(item, path)
            case "ratings":
                guard case .object(let ratings) = item else {
                    throw fail(path, "\"ratings\" must be an object like {\"relapses\": 4}, not \(item.shortDescription)")
                }
                for (id, rating) in ratings {
                    session.deliberation.ratings[id] = try self.rating(rating, path + [id])
                }
            case "concern":
                session.deliberation.concern = try text(item, path, what: "\"concern\"")
            case "concernRating":
                session.deliberation.concernRating = item == .null ? nil : try rating(item, path)
            case "leaning", "role", "pressure":
                let chosen = item == .null ? nil : try text(item, path, limit: 100, what: "\"\(key)\"")
                switch key {
                case "leaning": session.deliberation.leaning = chosen
                case "role": session.deliberation.role = chosen
                default: session.deliberation.pressure = chosen
                }
            case "others":
                session.deliberation.others = try text(item, path, what: "\"others\"")
            case "askedQuestions":
                session.deliberation.asked = Set(try texts(item, path, limit: 100))
            case "ownQuestions":
                session.deliberation.ownQuestions = try texts(item, path, limit: Session.textLimit)
            case "checklist":
                session.ticked = Set(try texts(item, path, limit: 100))
            case "knowledgeCheck":
                guard case .object(let items) = item else {
                    throw fail(path, "\"knowledgeCheck\" must be an object like {\"k1\": true}, not \(item.shortDescription)")
                }
                for (id, answer) in items {
                    switch answer {
                    case .bool(true): session.deliberation.knowledge[id] = .isTrue
                    case .bool(false): session.deliberation.knowledge[id] = .isFalse
                    case .string("not sure"): session.deliberation.knowledge[id] = .notSure
                    default: throw fail(path + [id], "a knowledge check answer must be true, false or \"not sure\", not \(answer.shortDescription)")
                    }
                }
            default:
                throw fail(path, "unknown key '\(key.echoed())'; a file of saved answers has: \(SessionReader.keys.joined(separator: ", "))")
            }
        }
        // Their own concern's rating means nothing without the concern.
        if session.deliberation.concern.isEmpty && session.deliberation.concernRating != nil {
            throw fail(["concernRating"], "\"concernRating\" is given but \"concern\" is empty")
        }
        return session
    }

    /// The answers object, read as `assess --answers` reads it, with the
    /// line of a wrong answer. Treatments this content no longer has are
    /// left out (when `therapies` is set); if none is left, the question
    /// counts as not answered, never as "none tried".
    mutating func answers(_ pairs: [(key: String, value: StrictJSON.Value)], path: [String]) throws(Session.Failure) -> Answers {
        var answers = Answers()
        let fieldsByKey = Dictionary(uniqueKeysWithValues: AnswerField.allCases.map { ($0.jsonKey, $0) })
        for (key, item) in pairs {
            guard let field = fieldsByKey[key] else {
                throw fail(path + [key], "unknown answer '\(key.echoed())'; allowed answers: \(AnswerField.allCases.map(\.jsonKey).joined(separator: ", "))")
            }
            var item = item
            if field == .therapies, let known = therapies, case .array(let ids) = item {
                let kept = ids.filter { entry in
                    guard case .string(let id) = entry, id != "none", !known.contains(id) else { return true }
                    dropped.append(Session.Dropped(.therapy, id))
                    return false
                }
                if kept.isEmpty && !ids.isEmpty { continue }        // every one gone: not answered
                item = .array(kept)
            }
            do {
                try AnswersJSON.set(field, item, in: &answers)
            } catch {
                throw fail(path + [key], error.jsonMessage, field: error.field)
            }
        }
        do {
            try AnswerParser.crossCheck(answers)
        } catch {
            throw fail(path + [error.field?.jsonKey ?? ""], error.jsonMessage, field: error.field)
        }
        return answers
    }

    func text(_ item: StrictJSON.Value, _ path: [String], limit: Int = Session.textLimit, what: String) throws(Session.Failure) -> String {
        guard case .string(let text) = item else {
            throw fail(path, "\(what) must be text in quotes, not \(item.shortDescription)")
        }
        guard text.count <= limit else {
            throw fail(path, "\(what) is longer than \(limit) characters")
        }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            throw fail(path, "\(what) holds a control character ('\(text.echoed())'); only ordinary text is kept")
        }
        return text
    }

    func texts(_ item: StrictJSON.Value, _ path: [String], limit: Int) throws(Session.Failure) -> [String] {
        guard case .array(let items) = item else {
            throw fail(path, "\"\(path.last ?? "")\" must be a list like [\"one\", \"two\"], not \(item.shortDescription)")
        }
        var out: [String] = []
        for (index, entry) in items.enumerated() {
            let text = try self.text(entry, path + [String(index)], limit: limit, what: "each item of \"\(path.last ?? "")\"")
            guard !text.isEmpty else { throw fail(path + [String(index)], "an item of \"\(path.last ?? "")\" is empty") }
            if !out.contains(text) { out.append(text) }
        }
        return out
    }

    func yesNo(_ item: StrictJSON.Value, _ path: [String]) throws(Session.Failure) -> [String: Bool] {
        guard case .object(let pairs) = item else {
            throw fail(path, "\"\(path.last ?? "")\" must be an object like {\"sure\": true}, not \(item.shortDescription)")
        }
        var out: [String: Bool] = [:]
        for (id, answer) in pairs {
            guard case .bool(let yes) = answer else {
                throw fail(path + [id], "a SURE answer must be true (yes) or false (no), not \(answer.shortDescription)")
            }
            out[id] = yes
        }
        return out
    }

    func rating(_ item: StrictJSON.Value, _ path: [String]) throws(Session.Failure) -> Rating {
        switch item {
        case .number(let n):
            guard let score = n.wholeValue, (0...4).contains(score) else { break }
            return .score(score)
        case .string("not sure"):
            return .notSure
        default:
            break
        }
        throw fail(path, "a rating must be a whole number from 0 to 4, or \"not sure\", not \(item.shortDescription)")
    }
}
