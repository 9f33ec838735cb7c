import Content
import Foundation
import Testing
@testable import DecisionAid
import ContentYAML

/// Issue 14: every option in equal detail (risks, studies, what it is like),
/// GRADE beside every certainty, what is known if nothing changes, the
/// knowledge check, and the disclosure on About.
@Suite struct EveryOptionTests {
    let content = testContext.content

    /// The screen as one line of words, so a phrase is found wherever it wraps.
    func flat(_ m: Model, height: Int) -> String {
        Golden.screen(m, size: Size(width: 100, height: height))
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    // MARK: Equal detail

    @Test func everyOptionHasRisksStudiesAndStepsOfItsOwn() {
        for option in content.options {
            #expect(content.risks.contains { $0.option == option.id }, "no risk for \(option.id)")
            #expect(content.studies.contains { $0.options.contains(option.id) }, "no study for \(option.id)")
            #expect(content.experience.contains { $0.option == option.id }, "no 'what it is like' step for \(option.id)")
        }
    }

    @Test func shippedContentIsWithinItsStatedDetailRatios() {
        let balance = DetailBalance(content)
        #expect(balance.unbalanced.isEmpty, "\(balance.unbalanced.map { "\($0.name): \($0.counts) = \($0.ratio)" })")
        // No place is excused any more: every grid row and every page (Risks,
        // Evidence, What it is like), in items and in words, is held to the
        // 1.5 : 1 target itself. (Risks and Evidence were allowed 3.6 and 4.0
        // before the other options' harms and studies were added.)
        #expect(DetailBalance.limit == 1.5)
        #expect(DetailBalance.notYetEqual.isEmpty)
        for place in balance.places {
            #expect(place.allowed == DetailBalance.limit, "\(place.name)")
            #expect(place.ratio <= 1.5, "\(place.name): \(place.counts)")
        }
        // The pages themselves are all measured, for every option.
        let names = Set(balance.places.map(\.name))
        for page in ["Risks page", "Evidence page", "What it is like page"] {
            #expect(names.contains(page + " (items)") && names.contains(page + " (words)"), "\(page)")
        }
    }

    @Test func aPageAboveTheTargetFailsTheBalance() {
        // Take away every study of staying but one: the Evidence page is unequal again.
        var changed = content
        var kept = false
        changed.studies.removeAll { study in
            guard study.options == ["stay"] else { return false }
            if !kept { kept = true; return false }
            return true
        }
        let place = DetailBalance(changed).places.first { $0.name == "Evidence page (items)" }
        #expect(place?.isBalanced == false)
    }

    @Test func aGridRowWithOneLongCellFailsTheBalance() {
        var changed = content
        let row = changed.grid[0]
        let long = Array(repeating: "word", count: 200).joined(separator: " ")
        changed.grid[0].cells["trial"]?.text = long
        let place = DetailBalance(changed).places.first { $0.name == "grid row '\(row.id)' (words)" }
        #expect(place?.isBalanced == false)
        #expect((place?.ratio ?? 0) > 1.5)
    }

    @Test func anOptionWithNoRisksIsInfinitelyUnbalanced() {
        var changed = content
        changed.risks.removeAll { $0.option == "trial" }
        let place = DetailBalance(changed).places.first { $0.name == "Risks page (items)" }
        #expect(place?.ratio == .infinity)
        #expect(place?.isBalanced == false)
    }

    @Test func checkContentPrintsTheDetailRatio() throws {
        let run = try Binary.run(["check-content"])
        #expect(run.status == 0, "\(run.stderr)")
        let line = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("Detail per option") })
        #expect(line.contains("target 1.5 : 1"))
        // Each page's own ratio, items and words, and no page excused.
        for page in ["Risks page", "Evidence page", "What it is like page"] {
            #expect(line.range(of: "; \(page) [0-9.]+ : 1 items, [0-9.]+ : 1 words", options: .regularExpression) != nil, "\(line)")
        }
        #expect(!line.contains("not yet equal"))
    }

    // MARK: Risks and studies name their option; GRADE

    @Test func aRiskForAnUnknownOptionIsNamed() {
        let found = contractProblems(embedded("risks.yaml", replacing: "    option: stay\n    name: \"Plans for a family\"", by: "    option: stayed\n    name: \"Plans for a family\""))
        #expect(found.contains { $0.file == "risks.yaml" && $0.message.contains("belongs to option 'stayed', which is not an option") })
    }

    @Test func aFigureWithoutAGradeIsNamed() {
        let found = contractProblems(embedded("risks.yaml", replacing: "        grade: high\n        gradeReason: \"A fact about the trial's design, from its own record\"\n", by: ""))
        #expect(found.contains { $0.file == "risks.yaml" && $0.message.contains("has no 'grade'") })
    }

    @Test func aWrongGradeLevelListsTheAllowedOnes() {
        let found = contractProblems(embedded("risks.yaml", replacing: "grade: high\n", by: "grade: certain\n"))
        #expect(found.contains { $0.message.contains("'grade' of") && $0.message.contains("high, moderate, low, very-low") })
    }

    @Test func everyFigureAndStudyHasAGradeAndGradeIsInTheGlossary() {
        for risk in content.risks { for figure in risk.figures { #expect(figure.grade != nil, "\(risk.id)") } }
        for number in content.keyNumbers { for figure in number.figures { #expect(figure.grade != nil, "\(number.id)") } }
        for study in content.studies { #expect(study.grade != nil, "\(study.id)") }
        for figure in content.ifNothingChanges { #expect(figure.grade != nil, "\(figure.id)") }
        let term = content.glossary.first { $0.term == "GRADE" }
        #expect(term?.definition.contains("high, moderate, low and very low") == true)
    }

    @Test func assessJSONGivesEachRiskItsOptionAndEachFigureItsGrade() throws {
        let run = try Binary.run(strongFlags + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let doc = try json(run.stdout)
        let risks = doc["risks"] as? [[String: Any]] ?? []
        let options = Set(risks.compactMap { $0["option"] as? String })
        #expect(options == ["ahsct", "other-dmt", "trial", "stay"])
        for risk in risks {
            for figure in risk["figures"] as? [[String: Any]] ?? [] {
                let grade = figure["grade"] as? [String: Any]
                #expect(["high", "moderate", "low", "very-low"].contains(grade?["level"] as? String ?? ""), "\(risk["id"] ?? "")")
                #expect((grade?["reason"] as? String)?.isEmpty == false)
            }
        }
        let pml = risks.first { $0["id"] as? String == "pml" }
        #expect(pml?["option"] as? String == "other-dmt")
        let study = (doc["evidence"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "mist" }
        #expect((study?["grade"] as? [String: Any])?["level"] as? String == "low")
        #expect((study?["options"] as? [String]) == ["ahsct", "other-dmt", "trial"])
        let numbers = doc["keyNumbers"] as? [[String: Any]] ?? []
        #expect(!numbers.isEmpty)
        for number in numbers {
            for figure in number["figures"] as? [[String: Any]] ?? [] { #expect(figure["grade"] is [String: Any]) }
        }
    }

    @Test func anExperienceStepForAnUnknownOptionIsNamed() {
        let found = contractProblems(embedded("options.yaml", replacing: "  - option: trial\n    when: \"Rules\"", by: "  - option: trials\n    when: \"Rules\""))
        #expect(found.contains { $0.file == "options.yaml" && $0.message.contains("experience step names option 'trials'") })
    }

    @Test func anIfNothingChangesFigureNeedsAGrade() {
        let found = contractProblems(embedded("options.yaml", replacing: "    grade: very-low\n    gradeReason: \"One group of a trial read on its own starts low; down one as they changed drug\"\n    sources: [burt-2019, burt-2018-abstract]", by: "    sources: [burt-2019, burt-2018-abstract]"))
        #expect(found.contains { $0.message.contains("'if nothing changes' figure 'changed-drug-in-mist' has no 'grade'") })
    }

    @Test func theKnowledgeCheckHasFourToSixStatements() {
        let files = ShippedContent.files
        let text = files["deliberation.yaml"] ?? ""
        let start = text.range(of: "  - id: quiet-stay")!.lowerBound
        var cut = files
        cut["deliberation.yaml"] = String(text[..<start])   // the first two statements only
        #expect(contractProblems(cut).contains { $0.message.contains("the knowledge check has 2 statements; use 4 to 6") })
    }

    // MARK: The screens

    @Test func risksPageGroupsHarmsByOptionWithGrade() {
        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("5"))
        #expect(m.page == .results(.risks))
        let screen = flat(m, height: 1500)
        for option in content.options { #expect(screen.contains(option.name.uppercased()), "\(option.id)") }
        #expect(screen.contains("PML, a rare brain infection (natalizumab)"))
        #expect(screen.contains("GRADE: very low."))
        // Each harm sits under its own option's heading: AHSCT's first, then the strong drug's.
        let ahsct = screen.range(of: content.options[0].name.uppercased())?.lowerBound
        let drug = screen.range(of: content.options[1].name.uppercased())?.lowerBound
        let pml = screen.range(of: "PML, a rare brain infection (natalizumab)")?.lowerBound
        #expect(ahsct != nil && drug != nil && pml != nil)
        if let ahsct, let drug, let pml { #expect(ahsct < drug && drug < pml) }
    }

    @Test func numbersAndEvidenceShowGrade() {
        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("3"))
        #expect(m.page == .results(.numbers))
        #expect(flat(m, height: 400).contains("GRADE: low. Randomized, so it starts high"))
        press(&m, .character("4"), .enter)
        #expect(m.openStudy == 0)
        let detail = flat(m, height: 200)
        #expect(detail.contains("How sure: GRADE:"))
        #expect(detail.contains("About: "))
    }

    @Test func wOpensWhatItIsLikeWithEveryOptionAndIfNothingChanges() {
        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("w"))
        #expect(m.page == .results(.experience))
        let screen = flat(m, height: 400)
        for option in content.options { #expect(screen.contains(option.name), "\(option.id)") }
        #expect(screen.contains("If nothing changes"))
        #expect(screen.contains("about 26 had disability get worse"))
        #expect(screen.contains("isolation"))
        #expect(screen.contains("Our sources are silent on this"))
        // The numbered keys people know still go where they did.
        press(&m, .character("3"))
        #expect(m.page == .results(.numbers))
        press(&m, .backTab)
        #expect(m.page == .results(.experience))
    }

    @Test func summaryOutlinesWhatEachOptionIsLike() {
        var m = walkStrongPerson()
        press(&m, .end, .enter)
        let summary = summaryText(for: "x.txt", m, testContext)
        #expect(summary.contains("What each option is like"))
        for option in content.options {
            let first = content.experience.first { $0.option == option.id }
            #expect(summary.contains("- " + option.short + ": " + (first?.when ?? "?")), "\(option.id)")
        }
    }

    // MARK: Knowledge check

    @Test func knowledgeCheckAnswersShowWhyAndGoOnTheSummary() {
        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("c"))
        #expect(m.page == .results(.check))
        let items = content.knowledgeCheck
        #expect((4...6).contains(items.count))
        // Answer the first rightly, the second wrongly, the third not sure.
        let first = items[0], second = items[1]
        press(&m, .character(first.answer ? "t" : "f"))
        #expect(m.highlight == 1)
        press(&m, .character(second.answer ? "f" : "t"), .character("n"))
        #expect(m.deliberation.knowledge.count == 3)
        let screen = flat(m, height: 200)
        #expect(screen.contains("Right: it is " + (first.answer ? "true" : "false")))
        #expect(screen.contains("Not quite: it is " + (second.answer ? "true" : "false")))
        #expect(screen.contains(first.why))
        #expect(screen.contains("See \(first.section) (key"))
        #expect(screen.contains("Your score: 1 of \(items.count) right (1 not sure, \(items.count - 3) not answered)"))
        let summary = summaryText(for: "x.txt", m, testContext)
        #expect(summary.contains("Knowledge check (optional): 1 of \(items.count) right"))
    }

    @Test func knowledgeCheckNeverBlocks() {
        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("c"))
        press(&m, .tab)
        #expect(m.page == .results(.glossary))
        // Unanswered, the summary says nothing about it.
        #expect(!summaryText(for: "x.txt", m, testContext).contains("Knowledge check"))
        // Delete clears an answer.
        press(&m, .character("c"), .character("t"), .up, .delete)
        #expect(m.deliberation.knowledge.isEmpty)
    }

    @Test func knowledgeItemsPointToRealSections() {
        let found = contractProblems(embedded("deliberation.yaml", replacing: "    section: \"Numbers\"", by: "    section: \"Numberz\""))
        #expect(found.contains { $0.message.contains("points to section 'Numberz', which is not a results section") })
    }

    // MARK: Disclosure

    @Test func aboutSaysFundingAuthorsErrorsAndTesting() {
        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("a"))
        let screen = flat(m, height: 900)
        #expect(screen.contains("no outside funding"))
        #expect(screen.contains("Who has tested it"))
        #expect(screen.contains("have tested this aid yet"))
        #expect(screen.contains("Found a mistake?"))
        #expect(screen.contains("new guideline"))
    }
}
