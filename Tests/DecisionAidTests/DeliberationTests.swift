import Content
import Testing
@testable import DecisionAid

/// The deciding part of the aid: SURE, values, questions, saving and printing.
@Suite struct DeliberationTests {
    let items = testContext.content.sure

    // MARK: SURE scoring

    @Test func sureScoresOnlyWhenAllFourAreAnswered() {
        #expect(items.count == 4)
        let ids = items.map(\.id)
        var answers: [String: Bool] = [ids[0]: true, ids[1]: true, ids[2]: true]
        #expect(SureScore.score(answers, items: items) == nil)
        answers[ids[3]] = true
        #expect(SureScore.score(answers, items: items) == 4)
        #expect(!SureScore.conflict(4, items: items))
        answers[ids[1]] = false
        #expect(SureScore.score(answers, items: items) == 3)
        #expect(SureScore.conflict(3, items: items))
        #expect(SureScore.needs(answers, items: items).map(\.id) == [ids[1]])
        let allNo = Dictionary(uniqueKeysWithValues: ids.map { ($0, false) })
        #expect(SureScore.score(allNo, items: items) == 0)
        #expect(SureScore.needs(allNo, items: items).count == 4)
    }

    @Test func sureBeforeIsAnsweredWithYAndNAndShowsWhereToGetHelp() {
        var m = Model(size: Size(width: 80, height: 24))
        press(&m, .enter)
        #expect(m.page == .sureBefore)
        press(&m, .character("y"), .character("n"), .character("y"))
        #expect(SureScore.score(m.deliberation.sureBefore, items: items) == nil)
        press(&m, .character("n"))
        #expect(m.deliberation.sureBefore == [items[0].id: true, items[1].id: false, items[2].id: true, items[3].id: false])
        let screen = Golden.screen(m)
        #expect(screen.contains("Your score: 2 of 4."))
        // Each "no" points to where the aid helps.
        #expect(screen.contains(items[1].letter + ": " + String(items[1].ifNo.prefix(20))))
        // Changing an answer: move up and press y.
        press(&m, .up, .character("y"))
        #expect(m.deliberation.sureBefore[items[3].id] == nil || m.deliberation.sureBefore[items[2].id] == true)
        press(&m, .enter)
        #expect(m.page == .question(.age))
    }

    @Test func finishAsksSureAgainAndKeepsBothScores() {
        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("9"))
        #expect(m.page == .results(.finish))
        press(&m, .character("y"), .character("y"), .character("y"), .character("y"))
        #expect(SureScore.score(m.deliberation.sureAfter, items: items) == 4)
        #expect(m.deliberation.sureBefore.isEmpty)
        let screen = Golden.screen(m)
        #expect(screen.contains("At the start: not done."))
    }

    // MARK: What matters

    @Test func valuesAreRatedWithNumberKeysAndNotSure() {
        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("6"))
        #expect(m.page == .results(.values))
        let values = testContext.content.values
        #expect((6...8).contains(values.count))
        press(&m, .character("4"))                // first: 4, moves on
        press(&m, .character("n"))                // second: not sure
        press(&m, .character("0"))                // third: 0
        #expect(m.deliberation.ratings[values[0].id] == .score(4))
        #expect(m.deliberation.ratings[values[1].id] == .notSure)
        #expect(m.deliberation.ratings[values[2].id] == .score(0))
        #expect(m.highlight == 3)
        // 5 is not on the scale: a message, nothing changes.
        press(&m, .character("5"))
        #expect(m.deliberation.ratings[values[3].id] == nil)
        #expect(m.notice?.problem == true)
        // Number keys rate here; they do not jump to another section.
        #expect(m.page == .results(.values))
        // The top-rated statement shows what each option means for it.
        let screen = Golden.screen(m, size: Size(width: 100, height: 80))
        #expect(screen.contains("What each option means for what you rated highest"))
        for option in testContext.content.options {
            #expect(screen.contains(option.short + ":"), "fit view lacks \(option.short)")
        }
    }

    @Test func ownConcernIsTypedAndKeptAndEscLeavesItAsItWas() {
        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("6"))
        let concernRow = testContext.content.values.count
        m.highlight = concernRow
        press(&m, .enter)
        #expect(m.typing == .concern)
        type(&m, "Who looks after my kids? q and 3 are just letters")
        #expect(m.page == .results(.values))
        press(&m, .enter)
        #expect(m.typing == nil)
        #expect(m.deliberation.concern == "Who looks after my kids? q and 3 are just letters")
        press(&m, .enter)
        type(&m, " more")
        press(&m, .escape)
        #expect(m.deliberation.concern == "Who looks after my kids? q and 3 are just letters")
    }

    @Test func leaningAndRoleArePickedWithSpace() {
        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("6"))
        let content = testContext.content
        let firstLeaning = content.values.count + 1
        m.highlight = firstLeaning + 3       // "unsure" is the fourth
        press(&m, .character(" "))
        #expect(m.deliberation.leaning == content.leanings[3].value)
        m.highlight = firstLeaning + content.leanings.count + 1
        press(&m, .enter)
        #expect(m.deliberation.role == content.roles[1].value)
        #expect(m.hasAnswers)
    }

    // MARK: Questions for the neurologist

    @Test func doctorQuestionsTickAndUntickedClinicItemsAreListed() {
        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("7"))
        #expect(m.page == .results(.questions))
        let questions = testContext.content.doctorQuestions
        press(&m, .character(" "), .down, .down, .character(" "))
        #expect(m.deliberation.asked == [questions[0].id, questions[2].id])
        press(&m, .character(" "))
        #expect(m.deliberation.asked == [questions[0].id])
        let checklist = testContext.content.checklist
        m.ticked = [checklist[0].id]
        let screen = Golden.screen(m, size: Size(width: 100, height: 200))
        #expect(screen.contains("Still to check about a clinic"))
        #expect(!screen.contains(String(checklist[0].question.prefix(40))))
        #expect(screen.contains(String(checklist[1].question.prefix(40))))
    }

    // MARK: Saving and printing

    @Test func saveAsksForANameAndReturnsAnEffect() {
        var m = walkStrongPerson()
        press(&m, .end, .enter)
        press(&m, .character("s"))
        #expect(m.overlay == .saveAs)
        #expect(m.draft == "ahsct-summary.txt")
        for _ in 0..<3 { press(&m, .backspace) }
        type(&m, "md")
        let effects = press(&m, .enter)
        guard case .save(let text, let path, let overwrite)? = effects.first else {
            Issue.record("no save effect: \(effects)")
            return
        }
        #expect(path == "ahsct-summary.md")
        #expect(!overwrite)
        #expect(text.hasPrefix("#"), "a .md name gets Markdown")
        #expect(m.overlay == nil)
    }

    @Test func anExistingFileIsReplacedOnlyAfterYes() {
        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("s"), .enter)
        _ = update(&m, .saved(.exists(path: "ahsct-summary.txt")), testContext)
        #expect(m.overlay == .confirmOverwrite(path: "ahsct-summary.txt"))
        // Any other key goes back to the name, kept.
        press(&m, .character("n"))
        #expect(m.overlay == .saveAs)
        #expect(m.draft == "ahsct-summary.txt")
        press(&m, .enter)
        _ = update(&m, .saved(.exists(path: "ahsct-summary.txt")), testContext)
        let effects = press(&m, .character("y"))
        guard case .save(_, "ahsct-summary.txt", true)? = effects.first else {
            Issue.record("no overwrite effect: \(effects)")
            return
        }
        _ = update(&m, .saved(.saved(path: "/home/x/ahsct-summary.txt")), testContext)
        #expect(m.notice?.problem == false)
        #expect(Golden.screen(m).contains("Saved the summary to /home/x/ahsct-summary.txt"))
    }

    @Test func aFailedSaveSaysWhyAndKeepsTheName() {
        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("s"))
        type(&m, "x")
        press(&m, .enter)
        _ = update(&m, .saved(.failed(path: "ahsct-summary.txtx", message: "The folder /nope does not exist.")), testContext)
        #expect(m.overlay == .saveAs)
        #expect(m.draft == "ahsct-summary.txtx")
        #expect(Golden.screen(m).contains("The folder /nope does not exist."))
        press(&m, .escape)
        #expect(m.overlay == nil)
    }

    @Test func printSendsTheSummaryAndShowsWhatHappened() {
        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("9"))
        // Print asks first; each yes sends one job.
        #expect(press(&m, .character("p")).isEmpty)
        #expect(m.overlay == .confirmPrint)
        let effects = press(&m, .character("y"))
        guard case .print(let text, _)? = effects.first else {
            Issue.record("no print effect: \(effects)")
            return
        }
        #expect(!text.hasPrefix("#"), "print gets plain text")
        _ = update(&m, .printed(.failed("No printer is set up.")), testContext)
        #expect(Golden.screen(m).contains("No printer is set up."))
        press(&m, .down)
        #expect(m.notice == nil)
    }

    // MARK: About

    @Test func aboutShowsDatesAndEverySourceAndReturns() {
        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("5"), .character("a"))
        #expect(m.page == .about(from: .results(.risks)))
        let about = testContext.content.about
        let screen = Golden.screen(m, size: Size(width: 100, height: 2000))
        #expect(screen.contains("Reviewed \(about.reviewed)"))
        #expect(screen.contains("\(about.reviewBy)"))
        #expect(screen.contains("[\(testContext.content.sources.count)]"))
        #expect(!screen.contains("was due for review"))
        press(&m, .backspace)
        #expect(m.page == .results(.risks))
    }

    @Test func aPassedReviewDateIsShownOnWelcomeAndAbout() {
        let about = testContext.content.about
        let late = Context(content: testContext.content, today: Day(year: about.reviewBy.year + 1, month: 1, day: 1))
        var m = Model(size: Size(width: 80, height: 24))
        #expect(Golden.screen(m, late).contains("was due for review"))
        press(&m, .character("a"), ctx: late)
        #expect(Golden.screen(m, late, size: Size(width: 100, height: 60)).contains("was due for review"))
        let onTime = Context(content: testContext.content, today: about.reviewBy)
        #expect(!Golden.screen(Model(size: Size(width: 80, height: 24)), onTime).contains("was due for review"))
    }
}

/// Trial limits against answers: only what the answers can show.
@Suite struct TrialFitTests {
    func person(age: Int, walking: Walking? = .unlimited, edss: Double? = nil, subtype: Subtype = .relapsingRemitting) -> Answers {
        var a = Answers()
        a.age = age; a.walking = walking; a.edss = edss; a.subtype = subtype
        a.relapsesLast12Months = 2; a.therapies = ["ocrelizumab"]
        return a
    }

    func trial(_ id: String) -> Trial { testContext.content.trials.first { $0.id == id }! }

    @Test func ageAndEDSSAtTheEdges() {
        let ram = trial("ram-ms")     // 18-50, EDSS 0-5.5
        #expect(TrialMatcher.fit(person(age: 50), ram).fits == true)
        #expect(TrialMatcher.fit(person(age: 51), ram).fits == false)
        #expect(TrialMatcher.fit(person(age: 51), ram).unmet == ["age 18 to 50"])
        #expect(TrialMatcher.fit(person(age: 30, walking: nil, edss: 5.5), ram).edss == true)
        #expect(TrialMatcher.fit(person(age: 30, walking: nil, edss: 6.0), ram).edss == false)
        // "Walks with one aid" is EDSS 6.0: inside BEAT-MS (up to 6.0), outside RAM-MS.
        #expect(TrialMatcher.fit(person(age: 30, walking: .oneSidedAid), trial("beat-ms")).edss == true)
        #expect(TrialMatcher.fit(person(age: 30, walking: .oneSidedAid), ram).edss == false)
        // "Limited walking" is EDSS 4.0-5.5: inside RAM-MS.
        #expect(TrialMatcher.fit(person(age: 30, walking: .limited), ram).edss == true)
    }

    @Test func anUnknownLimitOrAnswerIsNotCalledAFit() {
        // STAR-MS's EDSS limit is not in our sources: never "fits" on EDSS.
        let star = trial("star-ms")
        #expect(star.edssMax == nil)
        #expect(TrialMatcher.fit(person(age: 30), star).edss == nil)
        #expect(TrialMatcher.fit(person(age: 30), star).fits == nil)
        #expect(TrialMatcher.fit(person(age: 30, walking: nil), trial("beat-ms")).fits == nil)
        // Progressive MS without activity does not fit; with unknown activity, the team decides.
        var inactive = person(age: 40, subtype: .primaryProgressive)
        inactive.relapsesLast12Months = 0
        inactive.newMRIActivityLast12Months = .no
        #expect(TrialMatcher.fit(inactive, trial("beat-ms")).activity == false)
        #expect(TrialMatcher.fit(inactive, trial("beat-ms")).fits == false)
        #expect(TrialMatcher.fit(person(age: 40, subtype: .secondaryProgressive), trial("beat-ms")).type == nil)
    }
}

@Suite struct SummaryFromTheAidTests {
    @Test func aSkippedQuestionSaysWhyOnTheSummary() {
        var m = walkStrongPerson()
        press(&m, .end, .enter)
        let text = summaryText(for: "x.txt", m, testContext)
        #expect(text.contains("MRI: Not asked: 2 or more relapses in the last 12 months already count as"))
        #expect(!text.contains("You have not said whether an MRI"))
    }
}

/// Issue 9: what a person can say in their own words.
@Suite struct OwnWordsTests {
    func at(_ section: ResultsSection) -> Model {
        var m = walkStrongPerson()
        press(&m, .end, .enter)
        press(&m, .character(section.key))
        return m
    }

    @Test func theOwnConcernCanBeRatedAndShowsInTheFitView() {
        var m = at(.values)
        let concernRow = testContext.content.values.count
        m.highlight = concernRow
        press(&m, .character("4"))
        #expect(m.deliberation.concernRating == nil, "nothing to rate before it is written")
        press(&m, .enter)
        type(&m, "Time off work")
        press(&m, .enter)
        press(&m, .character("4"))
        #expect(m.deliberation.concernRating == .score(4))
        let screen = Golden.screen(m, size: Size(width: 100, height: 120))
        #expect(screen.contains("[4] Your own concern: Time off work"))
        #expect(screen.contains("The aid has no information of its own on this."))
    }

    @Test func ownQuestionsAreAddedEditedAndRemoved() {
        var m = at(.questions)
        let first = testContext.content.doctorQuestions.count
        m.highlight = first
        press(&m, .enter)
        type(&m, "Can I keep working during the treatment?")
        press(&m, .enter)
        #expect(m.deliberation.ownQuestions == ["Can I keep working during the treatment?"])
        // The "add" row moved down; add a second, then empty the first to remove it.
        m.highlight = first + 1
        press(&m, .enter)
        type(&m, "Who pays for travel?")
        press(&m, .enter)
        m.highlight = first
        press(&m, .enter)
        for _ in 0..<60 { press(&m, .backspace) }
        press(&m, .enter)
        #expect(m.deliberation.ownQuestions == ["Who pays for travel?"])
        #expect(ResultsView.itemCount(.questions, m, testContext) == first + 2)
    }

    @Test func supportAndPressureArePickedAndTyped() {
        var m = at(.values)
        let rows = ValuesRow.all(testContext.content)
        m.highlight = try! #require(rows.firstIndex(of: .others))
        press(&m, .enter)
        type(&m, "My partner and my GP")
        press(&m, .enter)
        #expect(m.deliberation.others == "My partner and my GP")
        m.highlight = try! #require(rows.firstIndex(of: .pressure("towards-ahsct")))
        press(&m, .character(" "))
        #expect(m.deliberation.pressure == "towards-ahsct")
    }
}
