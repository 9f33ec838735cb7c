import Testing
@testable import Content
import BuiltInContent
@testable import ContentYAML

/// options.yaml and deliberation.yaml: the fixture loads, and each broken
/// thing is named by file, line and problem.
@Suite struct DeliberationContentTests {
    @Test func fixtureLoadsOptionsAndDeliberation() throws {
        let content = try ContentLoader.load(files: Fixture.files)
        #expect(content.options.map(\.id) == ["ahsct", "drug"])
        #expect(content.option("ahsct")?.summary.sources == ["guide"])
        let row = try #require(content.grid.first)
        #expect(row.cells["drug"]?.noGoodNumber == true)
        #expect(row.cells["ahsct"]?.noGoodNumber == false)
        #expect(row.cells["ahsct"]?.line == 19)
        #expect(content.trials.first?.edssMax == 6.0)
        #expect(content.trials.first?.takesUntreated == false)
        let death = try #require(content.keyNumber("death"))
        #expect(death.denominator == 1000)
        #expect(death.risk == "death")
        #expect(death.figure(for: "ahsct")?.per100 == 2.1)
        #expect(death.figure(for: "drug")?.per100 == nil)
        #expect(content.values.first?.touches["drug"]?.text == "No good number.")
        #expect(content.leanings.map(\.value) == ["ahsct", "unsure"])
        #expect(content.roles.first?.label == "Together")
        #expect(content.sure.map(\.letter) == ["S", "U", "R", "E"])
        #expect(content.sure.first?.sources == ["guide"])
        #expect(content.doctorQuestions.first?.id == "reasonable")
    }

    @Test func gridRowWithoutACellForAnOption() {
        let found = problems(Fixture.with("options.yaml", replacing: """
                  drug:
                    text: "No good number."
                    sources: [guide]
                    noGoodNumber: true

            """, by: ""))
        #expect(found.count == 1)
        #expect(found.first?.file == "options.yaml")
        #expect(found.first?.line == 15)
        #expect(found.first?.message.contains("grid row 'dying' has no cell for option 'drug'") == true)
    }

    @Test func gridCellForAnUnknownOption() {
        let found = problems(Fixture.with("options.yaml", replacing: "      drug:\n", by: "      drugz:\n"))
        #expect(found.contains { $0.line == 15 && $0.message.contains("no cell for option 'drug'") })
        #expect(found.contains { $0.line == 22 && $0.message.contains("a cell for 'drugz', which is not an option") })
    }

    @Test func keyNumberFigureForAnUnknownOption() {
        let found = problems(Fixture.with("options.yaml", replacing: "- option: drug", by: "- option: drugs"))
        #expect(found.count == 1)
        #expect(found.first?.file == "options.yaml")
        #expect(found.first?.line == 59)
        #expect(found.first?.message.contains("names option 'drugs', which is not an option; options are: ahsct, drug") == true)
    }

    @Test func denominatorMustBe100Or1000() {
        let found = problems(Fixture.with("options.yaml", replacing: "denominator: 1000", by: "denominator: 50"))
        #expect(found.count == 1)
        #expect(found.first?.description.hasPrefix("options.yaml:40: key number 'death' has denominator 50") == true)
    }

    @Test func lowAbovePer100() {
        let found = problems(Fixture.with("options.yaml", replacing: "low: 0", by: "low: 2.5"))
        #expect(found.count == 1)
        #expect(found.first?.description == "options.yaml:49: the 'ahsct' figure of key number 'death' has low 2.5 above per100 2.1")
    }

    @Test func per100AboveHigh() {
        let found = problems(Fixture.with("options.yaml", replacing: "high: 2.8", by: "high: 1.5"))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("per100 2.1 above high 1.5") == true)
    }

    @Test func per100OutsideZeroTo100IsRefusedWithItsLine() {
        let found = problems(Fixture.with("options.yaml", replacing: "per100: 2.1", by: "per100: 210"))
        #expect(found.count == 1)
        #expect(found.first?.line == 50)
        #expect(found.first?.message.contains("from 0.0 to 100.0") == true)
    }

    @Test func misspeltKeyInACell() {
        let found = problems(Fixture.with("options.yaml", replacing: "noGoodNumber: true", by: "noGoodNumbr: true"))
        #expect(found.count == 1)
        #expect(found.first?.file == "options.yaml")
        #expect(found.first?.line == 24)
        #expect(found.first?.message.contains("unknown key 'noGoodNumbr' in the 'drug' cell of grid row 1") == true)
    }

    @Test func misspeltKeyInASureItem() {
        let found = problems(Fixture.with("deliberation.yaml", replacing: "ifNo: \"Questions\"", by: "ifno: \"Questions\""))
        #expect(found.contains { $0.file == "deliberation.yaml" && $0.line == 38 && $0.message.contains("unknown key 'ifno' in SURE item 4") })
        #expect(found.contains { $0.line == 35 && $0.message.contains("SURE item 4 is missing 'ifNo'") })
    }

    @Test func sureNeedsExactlyFourItems() {
        let found = problems(Fixture.with("deliberation.yaml", replacing: """
              - id: encouragement
                letter: "E"
                question: "Do you have enough support and advice to make a choice?"
                ifNo: "Questions"

            """, by: ""))
        #expect(found.count == 1)
        #expect(found.first?.description == "deliberation.yaml:22: the SURE test has 3 items; it needs exactly 4 (S, U, R, E)")
    }

    @Test func valueNeedsATouchForEveryOption() {
        let found = problems(Fixture.with("deliberation.yaml", replacing: "      drug:\n        text: \"No good number.\"\n", by: ""))
        #expect(found.count == 1)
        #expect(found.first?.line == 2)
        #expect(found.first?.message.contains("value 'avoid-death' has no 'touches' entry for option 'drug'") == true)
    }

    @Test func trialAgesMustBeInOrder() {
        let found = problems(Fixture.with("options.yaml", replacing: "ageMin: 18", by: "ageMin: 60"))
        #expect(found.count == 1)
        #expect(found.first?.description == "options.yaml:26: trial 'beat' has ageMin 60 above ageMax 55")
    }

    @Test func trialEDSSLimitsComeAsAPairAndInOrder() {
        let missing = problems(Fixture.with("options.yaml", replacing: "    edssMax: 6.0\n", by: ""))
        #expect(missing.first?.description == "options.yaml:26: trial 'beat' gives only one of edssMin and edssMax; give both, or neither if the limit is not known")
        let neither = problems(Fixture.with("options.yaml", replacing: "    edssMin: 0\n    edssMax: 6.0\n", by: ""))
        #expect(neither.isEmpty, "a trial whose EDSS limit is not known leaves both out: \(neither)")
        let reversed = problems(Fixture.with("options.yaml", replacing: "edssMin: 0", by: "edssMin: 7"))
        #expect(reversed.first?.message.contains("edssMin 7.0 above edssMax 6.0") == true)
    }

    @Test func unknownRiskAndSourceAreNamed() {
        let risk = problems(Fixture.with("options.yaml", replacing: "risk: death", by: "risk: dead"))
        #expect(risk.first?.description == "options.yaml:40: key number 'death' names risk 'dead', which is not in risks.yaml")
        let source = problems(Fixture.with("deliberation.yaml", replacing: "        sources: [guide]\n      drug:", by: "        sources: [guidee]\n      drug:"))
        #expect(source.count == 1)
        #expect(source.first?.line == 6)
        #expect(source.first?.message.contains("cites source 'guidee', which is not in sources.yaml") == true)
    }

    @Test func newTextsWithFiguresNeedSources() {
        let cell = problems(Fixture.with("options.yaml", replacing: "        text: \"About 2 in 100.\"\n        sources: [guide]\n", by: "        text: \"About 2 in 100.\"\n"))
        #expect(cell.contains { $0.line == 19 && $0.message.contains("has a figure but no source") })
        let question = problems(Fixture.with("deliberation.yaml", replacing: "Is AHSCT reasonable for me?", by: "Is my risk under 2 in 100?"))
        #expect(question.count == 1)
        #expect(question.first?.message.contains("doctor question 'reasonable' has a figure, but it cannot cite sources") == true)
    }

    @Test func duplicateOptionAndLeaningIDs() {
        let option = problems(Fixture.with("options.yaml", replacing: "  - id: drug\n    name:", by: "  - id: ahsct\n    name:"))
        #expect(option.contains { $0.line == 8 && $0.message.contains("id 'ahsct' is used twice (first on line 2)") })
        let leaning = problems(Fixture.with("deliberation.yaml", replacing: "value: unsure", by: "value: ahsct"))
        #expect(leaning.count == 1)
        #expect(leaning.first?.message == "leaning 'ahsct' is used twice (first on line 11)")
    }

    @Test func shortNameIsKeptShort() {
        let found = problems(Fixture.with("options.yaml", replacing: "short: \"Drug\"", by: "short: \"Another strong drug\""))
        #expect(found.count == 1)
        #expect(found.first?.line == 8)
        #expect(found.first?.message.contains("keep it to 12 or fewer") == true)
    }

    // MARK: the real content

    @Test func shippedOptionsAndDeliberationAreComplete() throws {
        let content = BuiltInContent.content
        #expect(content.options.map(\.id) == ["ahsct", "other-dmt", "trial", "stay"])
        #expect(content.grid.map(\.id) == ["involves", "staying-well", "dying", "side-effects", "fertility", "time-away", "follow-up", "where-and-cost"])
        for row in content.grid {
            #expect(Set(row.cells.keys) == ["ahsct", "other-dmt", "trial", "stay"], "row \(row.id)")
            for (option, cell) in row.cells {
                #expect(!cell.sources.isEmpty, "row \(row.id), \(option)")
            }
        }
        #expect(content.trials.map(\.id) == ["beat-ms", "ram-ms", "star-ms"])
        #expect(content.trials.filter(\.takesUntreated).map(\.id) == ["star-ms"])
        #expect(content.keyNumbers.count >= 5)
        let death = try #require(content.keyNumber("treatment-death"))
        for number in content.keyNumbers {
            #expect([100, 1000].contains(number.denominator))
            #expect(number.figure(for: "ahsct") != nil, "\(number.id) has no AHSCT figure")
            #expect(number.figure(for: "other-dmt") != nil, "\(number.id) has no figure for the other drug")
            #expect(number.figure(for: "stay") != nil, "\(number.id) has no figure for staying on the current treatment")
            // Who was studied, by MS type, wherever there is a number.
            for figure in number.figures where figure.per100 != nil {
                #expect(!figure.groups.isEmpty, "\(number.id)/\(figure.option) does not say which MS groups were studied")
            }
        }
        // MIST's control arm (mostly moderate drugs) never stands for "a different strong drug".
        #expect(content.keyNumber("worsening")?.figure(for: "other-dmt")?.per100 == nil)
        // One death figure, whose range holds the Canadian trial's 1 in 24.
        #expect(death.figure(for: "ahsct")?.high ?? 0 >= 4.1)
        #expect(death.denominator == 1000)
        #expect(death.risk == "treatment-related-death")
        #expect(death.figure(for: "other-dmt")?.per100 == nil)
        #expect((6...8).contains(content.values.count))
        #expect(content.leanings.map(\.value) == ["ahsct", "other-treatment", "trial", "stay", "unsure"])
        #expect(content.roles.map(\.value) == ["decide-myself", "share", "doctor-decides"])
        #expect(content.sure.map(\.id) == ["sure", "understand", "risk-benefit", "encouragement"])
        #expect(content.sure.allSatisfy { $0.sources == ["legare-2010"] })
        #expect(content.doctorQuestions.count == 9)
    }
}
