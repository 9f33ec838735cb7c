import Content
import Testing
@testable import DecisionAid

/// The session file on its own: encode and decode, what is refused and
/// where, what is dropped, and that `assess --answers` reads it.
@Suite struct SessionTests {
    static var content: ContentSet { testContext.content }

    /// A session with something in every part.
    static func full(audience: Settings.Audience = .patient) -> Session {
        let c = content
        var answers = Answers()
        answers.age = 34
        answers.subtype = .relapsingRemitting
        answers.relapsesLast12Months = 2
        answers.walking = .unlimited
        answers.yearsSinceDiagnosis = 4
        answers.therapies = ["ocrelizumab", "natalizumab"]
        answers.activeOnTreatment = .yes
        answers.notSure = [.highEfficacyContraindicated]
        answers.seriousComorbidity = false
        if audience == .clinician { answers.edss = 3.5 }
        var d = Deliberation()
        d.sureBefore = [c.sure[0].id: true, c.sure[1].id: false]
        d.ratings = [c.values[0].id: .score(4), c.values[1].id: .notSure, c.values[2].id: .score(0)]
        d.concern = "Who looks after the \"kids\" \\ and me?"
        d.concernRating = .score(3)
        d.leaning = c.leanings[0].value
        d.role = c.roles[0].value
        d.others = "My wife, Ana"
        d.pressure = c.pressure[0].value
        d.asked = [c.doctorQuestions[0].id, c.doctorQuestions[2].id]
        d.ownQuestions = ["How long off work?", "Ünïcödé — ok?"]
        d.knowledge = [c.knowledgeCheck[0].id: .isTrue, c.knowledgeCheck[1].id: .notSure, c.knowledgeCheck[2].id: .isFalse]
        d.sureAfter = [c.sure[0].id: true]
        return Session(answers: answers, deliberation: d, ticked: [c.checklist[0].id, c.checklist[3].id],
                       audience: audience, contentVersion: c.about.version, saved: Day(year: 2026, month: 11, day: 20))
    }

    @Test func roundTripKeepsEverything() throws {
        for audience: Settings.Audience in [.patient, .clinician] {
            let session = Self.full(audience: audience)
            let text = session.encode()
            let (back, dropped) = try Session.decode(text, file: "s.json", content: Self.content)
            #expect(back == session)
            #expect(dropped.isEmpty)
            #expect(back.encode() == text, "the same session always gives the same text")
        }
    }

    @Test func anEmptySessionRoundTrips() throws {
        let session = Session(contentVersion: "x")
        let (back, dropped) = try Session.decode(session.encode(), file: "s.json", content: Self.content)
        #expect(back == session)
        #expect(dropped.isEmpty)
    }

    @Test func theFileIsReadableJSONWithTheFormatFirst() throws {
        let text = Self.full().encode()
        #expect(text.hasPrefix("{\n  \"format\": \"decision-aid-session\",\n  \"version\": 1,\n  \"saved\": \"2026-11-20\","))
        #expect(text.contains("\"answers\": {\n    \"age\": 34,\n    \"subtype\": \"relapsing-remitting\","))
        #expect(text.contains("\"therapies\": [\"ocrelizumab\", \"natalizumab\"]"))
        #expect(text.contains("\"highEfficacyContraindicated\": \"unsure\""))
        #expect(text.contains(#""concern": "Who looks after the \"kids\" \\ and me?""#))
        #expect(text.contains("Ünïcödé — ok?"), "non-ASCII is written as UTF-8")
        #expect(text.hasSuffix("}\n"))
        // Any JSON reader takes it.
        _ = try StrictJSON.parse(text)
    }

    @Test func controlCharactersAreEscapedWhenWritten() throws {
        var session = Session()
        session.deliberation.others = "a\tb\nc\u{1B}d\u{7F}e"
        let text = session.encode()
        #expect(text.contains(#""others": "a\tb\nc\u001Bd\u007Fe""#))
        // ...and refused when read back: the person's own words are ordinary text.
        #expect(throws: Session.Failure.self) { try Session.decode(text, file: "s.json", content: Self.content) }
    }

    // MARK: assess --answers

    @Test func assessReadsTheAnswersOfASession() throws {
        let session = Self.full()
        #expect(try AnswersJSON.parse(session.encode()) == session.answers)
    }

    @Test func aPlainAnswersFileStillRefusesUnknownKeys() {
        #expect(throws: AnswerError.self) { try AnswersJSON.parse(#"{"age": 34, "agee": 3}"#) }
        #expect(throws: AnswerError.self) { try AnswersJSON.parse(#"{"age": 34, "ratings": {}}"#) }
        #expect(throws: AnswerError.self) { try AnswersJSON.parse(#"{"age": 34, "answers": {"age": 34}}"#) }
        // A "format" key makes it a session, which must then be one.
        do {
            _ = try AnswersJSON.parse(#"{"format": "mine", "age": 34}"#)
            Issue.record("a wrong format was accepted")
        } catch {
            #expect(error.problem.contains("\"format\" must be \"decision-aid-session\""), "\(error.problem)")
        }
    }

    @Test func assessRefusesADamagedSessionWithItsLine() {
        let text = Self.full().encode().replacingOccurrences(of: "\"age\": 34", with: "\"age\": \"forty\"")
        do {
            _ = try AnswersJSON.parse(text)
            Issue.record("accepted")
        } catch {
            #expect(error.problem.hasPrefix("the saved session at line 8, column 5: age: must be a number"), "\(error.problem)")
        }
    }

    // MARK: What is refused, and where

    static func failure(_ text: String) -> Session.Failure? {
        do {
            _ = try Session.decode(text, file: "my answers.json", content: content)
            return nil
        } catch {
            return error
        }
    }

    @Test func aDamagedFileNamesTheFileAndLine() throws {
        let good = Self.full().encode()
        let cases: [(String, String, Int?, String)] = [
            ("cut short", String(good.prefix(200)), nil, "this is not a file of saved answers, or it is damaged"),
            ("a bad answer", good.replacingOccurrences(of: "\"age\": 34", with: "\"age\": 300"), 8, "age: "),
            ("a rating of 7", good.replacingOccurrences(of: ": 4,", with: ": 7,"), nil, "a rating must be a whole number from 0 to 4"),
            ("an unknown key", good.replacingOccurrences(of: "\"others\"", with: "\"otters\""), nil, "unknown key 'otters'"),
            ("an unknown answer", good.replacingOccurrences(of: "\"subtype\"", with: "\"subtipe\""), 9, "unknown answer 'subtipe'"),
            ("a wrong audience", good.replacingOccurrences(of: "\"patient\"", with: "\"doctor\""), 6, "\"audience\" must be"),
            ("no version", good.replacingOccurrences(of: "  \"version\": 1,\n", with: ""), nil, "has no \"version\""),
            ("a summary", "# Your AHSCT summary\n\nAge: 34\n", 1, "this is not a file of saved answers"),
            ("a list", "[1, 2]", 1, "it must be a JSON object"),
            ("nothing", "", 1, "this is not a file of saved answers"),
        ]
        for (name, text, line, message) in cases {
            guard let failure = Self.failure(text) else {
                Issue.record("\(name): accepted")
                continue
            }
            #expect(failure.file == "my answers.json", "\(name)")
            #expect(failure.description.hasPrefix("'my answers.json' line "), "\(name): \(failure.description)")
            if let line { #expect(failure.line == line, "\(name): \(failure.description)") }
            #expect(failure.line != nil, "\(name) has a line")
            #expect(failure.message.contains(message), "\(name): \(failure.message)")
            #expect(!failure.isNewerVersion, "\(name)")
        }
    }

    @Test func theLineOfAWrongValueDeepInside() throws {
        let good = Self.full().encode()
        let lines = good.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0.contains("\"ownQuestions\"") })
        // The second own question, on its own line after the key.
        let text = good.replacingOccurrences(of: "\"Ünïcödé — ok?\"", with: "17")
        let failure = try #require(Self.failure(text))
        #expect(failure.line == index + 3, "\(failure.description)")
        #expect(failure.message.contains("each item of \"ownQuestions\" must be text"), "\(failure.message)")
    }

    @Test func aNewerFormatIsRefusedAsNewer() throws {
        let text = Self.full().encode().replacingOccurrences(of: "\"version\": 1,", with: "\"version\": 2,")
            .replacingOccurrences(of: "\"others\"", with: "\"somethingNew\"")
        let failure = try #require(Self.failure(text))
        #expect(failure.isNewerVersion)
        #expect(failure.line == 3)
        #expect(failure.message.contains("saved by a newer decision-aid (file format 2; this one reads format 1)"), "\(failure.message)")
    }

    @Test func aPlainAnswersFileOpensAsASessionWithOnlyAnswers() throws {
        let (session, dropped) = try Session.decode(#"{"age": 62, "subtype": "primary-progressive"}"#, file: "a.json", content: Self.content)
        #expect(session.answers.age == 62)
        #expect(session.answers.subtype == .primaryProgressive)
        #expect(session.deliberation.isEmpty && session.ticked.isEmpty && session.audience == .patient)
        #expect(dropped.isEmpty)
        #expect(Self.failure(#"{"age": 62, "agee": 1}"#)?.message.contains("unknown answer 'agee'") == true)
    }

    // MARK: Ids the content no longer has

    @Test func idsTheContentNoLongerHasAreDroppedAndListed() throws {
        var old = Self.full()
        old.contentVersion = "2025.01"
        old.deliberation.ratings["an-old-value"] = .score(2)
        old.deliberation.sureBefore["old-sure"] = true
        old.deliberation.asked.insert("old-question")
        old.deliberation.knowledge["old-k"] = .isTrue
        old.deliberation.leaning = "old-leaning"
        old.ticked.insert("old-check")
        // A therapy this program no longer knows: written by hand, as an older program would have.
        let text = old.encode().replacingOccurrences(of: "[\"ocrelizumab\", \"natalizumab\"]", with: "[\"ocrelizumab\", \"daclizumab\"]")
        let (session, dropped) = try Session.decode(text, file: "old.json", content: Self.content)
        #expect(Set(dropped) == Set([
            Session.Dropped(.therapy, "daclizumab"), Session.Dropped(.value, "an-old-value"), Session.Dropped(.sureItem, "old-sure"),
            Session.Dropped(.doctorQuestion, "old-question"), Session.Dropped(.knowledgeItem, "old-k"),
            Session.Dropped(.leaning, "old-leaning"), Session.Dropped(.checklistItem, "old-check"),
        ]))
        #expect(session.answers.therapies == ["ocrelizumab"])
        #expect(session.deliberation.leaning == nil)
        #expect(session.deliberation.ratings.count == 3)
        #expect(session.ticked == Self.full().ticked)
        #expect(session.contentVersion == "2025.01")
        #expect(dropped.first { $0.kind == .therapy }?.text == "the treatment 'daclizumab'")
        // assess keeps its contract: an unknown therapy is an error, not dropped.
        #expect(throws: AnswerError.self) { try AnswersJSON.parse(text) }
    }

    @Test func whenEveryTreatmentIsGoneTheQuestionIsNotAnswered() throws {
        let text = Self.full().encode().replacingOccurrences(of: "[\"ocrelizumab\", \"natalizumab\"]", with: "[\"daclizumab\"]")
        let (session, dropped) = try Session.decode(text, file: "old.json", content: Self.content)
        #expect(session.answers.therapies == nil, "not 'none tried'")
        #expect(dropped == [Session.Dropped(.therapy, "daclizumab")])
        // "none" and an empty list still mean none tried.
        let none = Self.full().encode().replacingOccurrences(of: "[\"ocrelizumab\", \"natalizumab\"]", with: "[]")
        #expect(try Session.decode(none, file: "a", content: Self.content).session.answers.therapies == [])
    }

    @Test func stringsAreEscapedForEveryCharacterAndReadBack() throws {
        var session = Session()
        let awkward = "\"quotes\" \\back\\ / slash, tab-free, emoji 🧠, é and e\u{301}, \u{2028} separator"
        session.deliberation.concern = awkward
        session.deliberation.ownQuestions = [awkward]
        let text = session.encode()
        #expect(text.contains("\\u2028"))
        let back = try Session.decode(text, file: "a", content: Self.content).session
        #expect(back.deliberation.concern == awkward)
        #expect(back.deliberation.ownQuestions == [awkward])
    }

    /// The escaper works on UTF-8 bytes; it writes exactly what escaping one
    /// Unicode scalar at a time writes, for every control character, the
    /// separators, and text around them.
    @Test func theByteWiseEscaperMatchesTheScalarWiseOne() {
        func reference(_ s: String) -> String {
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{08}": out += "\\b"
                case "\u{0C}": out += "\\f"
                case "\u{00}"..."\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}":
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default:
                    out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        var samples = (0..<0x80).map { String(Unicode.Scalar(UInt8($0))) }
        samples += ["", "plain", "\u{2028}", "\u{2029}", "a\u{2028}b\u{2029}c", "\u{2027}\u{202A}\u{2020}", "\u{E2}\u{80}",
                    "€ 🧠 e\u{301} 中文", "\"\\\n\r\t\u{08}\u{0C}\u{1B}[31m\u{7F}\u{85}", String(repeating: "ab\u{2028}", count: 50)]
        for sample in samples {
            #expect(JSONWriter.string(sample) == reference(sample), "\(Array(sample.unicodeScalars.map(\.value)))")
        }
    }
}
