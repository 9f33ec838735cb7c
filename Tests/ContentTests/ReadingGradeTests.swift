import Testing
@testable import Content
import BuiltInContent
@testable import ContentYAML

@Suite struct ReadingGradeTests {
    // MARK: The formula and its counts

    @Test func shortPlainSentenceIsAVeryLowGrade() throws {
        let counts = ReadingGrade.counts("The cat sat on the mat.")
        #expect(counts == ReadingGrade.Counts(words: 6, sentences: 1, syllables: 6))
        // 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45
        let grade = try #require(ReadingGrade.grade("The cat sat on the mat."))
        #expect(abs(grade - -1.45) < 0.01)
        #expect(grade < 1)
    }

    @Test func longPolysyllabicSentenceIsAHighGrade() throws {
        let text = "Autologous haematopoietic stem cell transplantation demonstrated considerably superior effectiveness in comparison with continuing disease-modifying immunotherapy among individuals experiencing inflammatory relapsing-remitting multiple sclerosis."
        let grade = try #require(ReadingGrade.grade(text))
        #expect(grade > 20, "grade \(grade)")
    }

    @Test func plainTextGradesLowerThanHardTextOfTheSameMeaning() throws {
        let plain = try #require(ReadingGrade.grade("The drug made fewer people get worse. It did not help all of them."))
        let hard = try #require(ReadingGrade.grade("The medication substantially reduced the proportion of participants experiencing disability progression, although efficacy was heterogeneous."))
        #expect(plain < 5, "plain \(plain)")
        #expect(hard > 14, "hard \(hard)")
    }

    @Test func decimalNumberDoesNotSplitASentence() {
        let text = "About 2 of every 100 people died (2.1%) and 0.19 is smaller than 2.8 in this study."
        #expect(ReadingGrade.sentences(text) == 1)
        #expect(ReadingGrade.words(text).contains("2.1%"))
        #expect(ReadingGrade.words(text).contains("0.19"))
    }

    @Test func numbersAreOneWordOfOneOrTwoSyllables() {
        #expect(ReadingGrade.words("Of 1,000 people, 68% had 2.1 fevers.") == ["Of", "1,000", "people", "68%", "had", "2.1", "fevers"])
        #expect(ReadingGrade.syllables("5") == 1)
        #expect(ReadingGrade.syllables("100") == 2)
        #expect(ReadingGrade.syllables("2.1") == 2)
        #expect(ReadingGrade.syllables("1,000") == 2)
    }

    @Test func abbreviationsDoNotEndSentences() {
        #expect(ReadingGrade.sentences("Some drugs, e.g. ocrelizumab, are strong. Others, i.e. the older ones, are not.") == 2)
        #expect(ReadingGrade.sentences("Compare AHSCT vs. drugs with your team.") == 1)
    }

    @Test func sentenceEndsAreCounted() {
        #expect(ReadingGrade.sentences("One. Two? Three! Four.") == 4)
        #expect(ReadingGrade.sentences("He said \"stop.\" Then he left.") == 2)
        #expect(ReadingGrade.sentences("It is rare (about 1 in 100.) Ask your team.") == 2)
    }

    @Test func textWithoutAFinalStopIsOneSentence() {
        #expect(ReadingGrade.sentences("People like you are the group in whom the evidence is strongest") == 1)
        #expect(ReadingGrade.sentences("First part. Second part without a stop") == 2)
        #expect(ReadingGrade.grade("") == nil)
        #expect(ReadingGrade.grade(" -- ") == nil)
    }

    @Test(arguments: [
        ("cat", 1), ("the", 1), ("table", 2), ("simple", 2), ("whole", 1), ("make", 1), ("makes", 1),
        ("uses", 2), ("changes", 2), ("walked", 1), ("wanted", 2), ("needed", 2), ("called", 1),
        ("disabled", 3), ("people", 2), ("trial", 2), ("period", 3), ("radiation", 4), ("medium", 3),
        ("treatment", 2), ("transplant", 2), ("immune", 2), ("system", 2), ("therapy", 3), ("yes", 1),
        ("day", 1), ("disease", 2), ("relapsing-remitting", 6), ("don't", 1), ("MS", 1), ("a", 1),
    ])
    func syllableCounts(word: String, expected: Int) {
        #expect(ReadingGrade.syllables(word) == expected, "\(word)")
    }

    // MARK: Patient texts

    @Test func fixtureTextsAreListedWithLocationsAndShortOnesSkipped() throws {
        let content = try ContentLoader.load(files: Fixture.files)
        let texts = content.patientTexts
        // "Not medical advice." has 3 words: skipped. "About 10 minutes." too.
        #expect(!texts.contains { $0.text == "Not medical advice." })
        #expect(!texts.contains { $0.place.contains("timeNeeded") })
        #expect(texts.allSatisfy { ReadingGrade.words($0.text).count >= 4 })
        let outcome = try #require(texts.first { $0.text == "3 of 55 got worse." })
        #expect(outcome.file == "studies.yaml")
        #expect(outcome.location.hasPrefix("studies.yaml:"))
        #expect(outcome.place == "study 'trial' outcome 1")
        // Names, sources' citations and links are never graded.
        #expect(!texts.contains { $0.text == content.studies.first?.name })
        #expect(!texts.contains { t in content.sources.contains { $0.citation == t.text || $0.link == t.text } })
    }

    @Test func issueFourFieldsAreListed() throws {
        var content = try ContentLoader.load(files: Fixture.files)
        let cited = { (text: String) in Cited(text: text, sources: [], line: 7) }
        content.options = [TreatmentOption(id: "ahsct", name: "AHSCT", short: "AHSCT", summary: cited("Option summary with enough words."), line: 2)]
        content.grid = [GridRow(id: "row", question: "How well does it work?", cells: [
            "ahsct": GridCell(text: "Grid cell text with enough words.", sources: [], noGoodNumber: false, line: 9),
        ], line: 8)]
        content.trials = [Trial(id: "t", name: "T", registration: "NCT0", places: "UK", compares: "Trial compares text here.",
                                ageMin: 18, ageMax: 55, edssMin: 0, edssMax: 6, activity: "Trial activity text here.",
                                status: "Trial status text here.", takesUntreated: false, sources: [], line: 10)]
        content.keyNumbers = [KeyNumber(id: "k", outcome: "Worse", event: "worse", nonEvent: "not", harm: true, denominator: 100,
                                        timeFrame: "3 years", risk: nil, figures: [
            KeyFigure(option: "ahsct", per100: 3, low: nil, high: nil, text: "Key figure text here.", group: "g", certainty: "c", sources: [], line: 12),
        ], line: 11)]
        content.values = [ValueStatement(id: "v", text: "Value statement text here.", touches: ["ahsct": cited("Value touches text here.")], line: 13)]
        content.leanings = [Labelled(value: "lean", label: "Leaning label text here.", line: 14)]
        content.roles = [Labelled(value: "role", label: "Role label text here.", line: 15)]
        content.sure = [SureItem(id: "sure", letter: "S", question: "Sure question text here?", ifNo: "Sure ifNo text here.", line: 16)]
        content.doctorQuestions = [DoctorQuestion(id: "d", text: "Doctor question text here?", line: 17)]
        let texts = content.patientTexts.map(\.text)
        for expected in [
            "Option summary with enough words.", "Grid cell text with enough words.", "Trial compares text here.",
            "Trial activity text here.", "Trial status text here.", "Key figure text here.", "Value statement text here.",
            "Value touches text here.", "Leaning label text here.", "Role label text here.", "Sure question text here?",
            "Sure ifNo text here.", "Doctor question text here?", "How well does it work?",
        ] {
            #expect(texts.contains(expected), "\(expected)")
        }
        let cell = try #require(content.patientTexts.first { $0.text == "Grid cell text with enough words." })
        #expect(cell.location == "options.yaml:9 grid row 'row' cell 'ahsct'")
    }

    @Test func summaryNamesTheHardestText() {
        let texts = [
            PatientText(file: "a.yaml", line: 1, place: "easy", text: "The cat sat on the mat."),
            PatientText(file: "b.yaml", line: 2, place: "hard", text: "Considerable immunological heterogeneity complicates interpretation."),
        ]
        let summary = ReadingGradeSummary(texts)
        #expect(summary.count == 2)
        #expect(summary.highest?.place == "hard")
        #expect(summary.highestGrade > 10)
        #expect(abs(summary.average - (texts[0].grade + texts[1].grade) / 2) < 0.0001)
    }

    // MARK: The real content

    static let maximumGrade = 10.0

    @Test func everyPatientTextIsAtMostGradeTen() throws {
        let content = BuiltInContent.content
        let texts = content.patientTexts
        #expect(texts.count > 100, "the enumerator found only \(texts.count) texts")
        let tooHard = texts.map { ($0, $0.grade) }.filter { $0.1 > Self.maximumGrade }.sorted { $0.1 > $1.1 }
        // One issue per text, naming where it is, its grade and the words to make plainer.
        for (text, grade) in tooHard {
            Issue.record("\(text.location): reading grade \((grade * 10).rounded() / 10) is above \(Self.maximumGrade): \(text.text)")
        }
    }
}
