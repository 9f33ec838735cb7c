import Content
import Testing
@testable import DecisionAid

let testContext: Context = {
    // The shipped content; a failure here is reported by ContentContractTests.
    let content = (try? ProgramContent.load(directory: nil))!
    return Context(content: content)
}()

/// Presses keys as the run loop would: update, draw, and tell update what
/// the drawing measured.
@discardableResult
func press(_ m: inout Model, _ keys: Key..., ctx: Context = testContext) -> [Effect] {
    var effects: [Effect] = []
    for key in keys {
        // A person's pace: a second between keys (see pressQuickly for bounces).
        _ = update(&m, .tick(now: m.clock + 1), ctx)
        effects += update(&m, .key(key), ctx)
        settle(&m, ctx)
    }
    return effects
}

/// Keys `gap` seconds apart, as a tremor or a held key sends them.
@discardableResult
func pressQuickly(_ m: inout Model, _ keys: Key..., gap: Double = 0.05, ctx: Context = testContext) -> [Effect] {
    var effects: [Effect] = []
    for key in keys {
        _ = update(&m, .tick(now: m.clock + gap), ctx)
        effects += update(&m, .key(key), ctx)
        settle(&m, ctx)
    }
    return effects
}

/// Tells update what the drawing measured, as the run loop does; and checks
/// what the run loop relies on to draw each page once: the drawing before
/// the measure is the drawing after it.
func settle(_ m: inout Model, _ ctx: Context = testContext, sourceLocation: SourceLocation = #_sourceLocation) {
    let drawn = Views.render(m, ctx)
    _ = update(&m, .layout(drawn.layout), ctx)
    let again = Views.render(m, ctx)
    #expect(again.frame == drawn.frame, "the first drawing of this page is not what its measure draws", sourceLocation: sourceLocation)
}

func type(_ m: inout Model, _ text: String) {
    for c in text { press(&m, .character(c)) }
}

/// Answers a typed question or picks choice `n` (1-based).
func answer(_ m: inout Model, _ value: String) {
    if let n = Int(value), n < 10, case .question(let f) = m.page, QuestionFlow.input(f) == .choice {
        press(&m, .character(Character(String(n))), .enter)
    } else {
        type(&m, value)
        press(&m, .enter)
    }
}

/// A new model past the welcome and the SURE questions (skipped), at the age question.
func atFirstQuestion(_ size: Size = Size(width: 80, height: 24)) -> Model {
    var m = Model(size: size)
    press(&m, .enter, .enter)
    return m
}

/// Walks the strong person through every question to the review.
func walkStrongPerson() -> Model {
    var m = Model(size: Size(width: 80, height: 24))
    press(&m, .enter)                  // welcome
    press(&m, .enter)                  // SURE before: skipped
    answer(&m, "34")                   // age
    answer(&m, "1")                    // relapsing-remitting
    answer(&m, "2")                    // relapses: MRI is skipped
    answer(&m, "1")                    // walking: unlimited; relapse question skipped
    answer(&m, "4")                    // years
    press(&m, .down, .down, .down, .down, .down, .down, .down, .down, .down, .down, .down, .down) // to ocrelizumab
    press(&m, .character(" "), .enter) // treatments
    answer(&m, "1")                    // active on treatment: yes
    answer(&m, "2")                    // high-efficacy ruled out: no
    answer(&m, "2")                    // serious illness: no
    return m
}

@Suite struct UpdateTests {
    /// The run loop redraws only when the screen would change: a tick moves
    /// the clock and a key that does nothing moves the key timing, and
    /// neither is shown.
    @Test func ticksAndKeyTimingDoNotRedraw() {
        var m = Model(size: Size(width: 80, height: 24))
        settle(&m)                          // as drawn: the page measured
        let drawn = m
        _ = update(&m, .tick(now: 12.5), testContext)
        #expect(m != drawn && m.drawsLike(drawn))
        press(&m, .character("z"))          // bound to nothing on Welcome
        #expect(m.drawsLike(drawn))
        press(&m, .down)
        #expect(!m.drawsLike(drawn), "scrolling changes the screen")
    }

    @Test func welcomeStartsWithTheSureTestThenTheFirstQuestion() {
        var m = Model(size: Size(width: 80, height: 24))
        press(&m, .enter)
        #expect(m.page == .sureBefore)
        press(&m, .enter)
        #expect(m.page == .question(.age))
        press(&m, .backspace)
        #expect(m.page == .sureBefore)
    }

    @Test func badAgeKeepsTypingAndSaysWhy() {
        var m = atFirstQuestion(Size(width: 80, height: 24))
        type(&m, "forty")
        press(&m, .enter)
        #expect(m.page == .question(.age))
        #expect(m.draft == "forty")
        #expect(Views.problemText(m)?.contains("'forty' is not a number") == true)
        #expect(Views.problemText(m)?.contains("a whole number of years from 1 to 120") == true)
        #expect(m.answers.age == nil)

        for _ in 0..<5 { press(&m, .backspace) }
        type(&m, "200")
        press(&m, .enter)
        #expect(Views.problemText(m)?.contains("200 is outside the allowed range") == true)

        press(&m, .backspace, .backspace, .backspace, .enter)
        #expect(Views.problemText(m)?.hasPrefix("Please type an answer") == true)
        #expect(m.page == .question(.age))

        type(&m, "34")
        #expect(Views.problemText(m) == nil)
        press(&m, .enter)
        #expect(m.answers.age == 34)
        #expect(m.page == .question(.subtype))
    }

    @Test func yearsAboveAgeIsRefusedInline() {
        var m = atFirstQuestion(Size(width: 80, height: 24))
        answer(&m, "30"); answer(&m, "1"); answer(&m, "2"); answer(&m, "1")
        #expect(m.page == .question(.yearsSinceDiagnosis))
        answer(&m, "31")
        #expect(m.page == .question(.yearsSinceDiagnosis))
        #expect(Views.problemText(m)?.contains("more than the age given (30)") == true)
    }

    @Test func goingBackKeepsEveryAnswer() {
        var m = atFirstQuestion(Size(width: 80, height: 24))
        answer(&m, "34")
        answer(&m, "2")
        #expect(m.page == .question(.relapsesLast12Months))
        press(&m, .backspace)
        #expect(m.page == .question(.subtype))
        #expect(m.highlight == 1) // secondary progressive still chosen
        press(&m, .left)
        #expect(m.page == .question(.age))
        #expect(m.draft == "34")
        press(&m, .enter, .enter)
        #expect(m.answers.subtype == .secondaryProgressive)
    }

    @Test func fullWalkReachesReviewWithSkippedQuestions() {
        let m = walkStrongPerson()
        #expect(m.page == .review)
        #expect(m.answers.therapies == ["ocrelizumab"])
        #expect(m.answers.newMRIActivityLast12Months == nil)
        #expect(QuestionFlow.skipReason(.newMRIActivityLast12Months, m.answers) != nil)
        #expect(RuleTable.evaluate(m.answers).level == .strong)
    }

    @Test func changingOneAnswerFromReviewKeepsTheRest() {
        var m = walkStrongPerson()
        let before = m.answers
        m.highlight = 0
        press(&m, .enter)                 // edit age
        #expect(m.page == .question(.age))
        press(&m, .backspace, .backspace)
        type(&m, "52")
        press(&m, .enter)
        #expect(m.page == .review)
        var expected = before
        expected.age = 52
        #expect(m.answers == expected)
    }

    @Test func changeThatOpensAQuestionAsksItThenReturns() {
        var m = walkStrongPerson()
        // Relapses 2 -> 0: the MRI question is now needed.
        m.highlight = 2
        press(&m, .enter)
        press(&m, .backspace)
        type(&m, "0")
        press(&m, .enter)
        #expect(m.page == .question(.newMRIActivityLast12Months))
        answer(&m, "1")
        #expect(m.page == .review)
        #expect(m.answers.newMRIActivityLast12Months == .yes)
        // And back to 2: the MRI answer is cleared, not left stale.
        m.highlight = 2
        press(&m, .enter, .backspace)
        type(&m, "2")
        press(&m, .enter)
        #expect(m.page == .review)
        #expect(m.answers.newMRIActivityLast12Months == nil)
    }

    @Test func treatmentsNeedATickAndNoneClearsOthers() {
        var m = Model(size: Size(width: 80, height: 24))
        open(.therapies, &m, testContext)
        press(&m, .enter)
        #expect(Views.problemText(m)?.contains("Tick each treatment") == true)
        // A digit moves the highlight; Space ticks (a tremor cannot tick by accident).
        press(&m, .character("2"), .character(" "), .character("3"), .character(" "))   // two therapies
        #expect(m.picked.count == 2)
        press(&m, .character("1"), .character(" "))                      // none
        #expect(m.picked == ["none"])
        press(&m, .enter)
        #expect(m.answers.therapies == [])
        // No treatment: the "active on treatment" question is skipped.
        #expect(m.page == .question(.highEfficacyContraindicated))
    }

    @Test func quitAsksOnlyWhenThereAreAnswers() {
        var fresh = Model(size: Size(width: 80, height: 24))
        #expect(press(&fresh, .character("q")) == [.quit])

        var m = walkStrongPerson()
        #expect(press(&m, .character("q")).isEmpty)
        #expect(m.overlay == .confirmQuit)
        press(&m, .character("n"))
        #expect(m.overlay == nil)
        #expect(m.page == .review)
        #expect(press(&m, .control("c")).isEmpty)
        #expect(press(&m, .character("y")) == [.quit])
    }

    @Test func qTypesIntoANonEmptyNumberField() {
        var m = atFirstQuestion(Size(width: 80, height: 24))
        type(&m, "3q")
        #expect(m.draft == "3q")
        #expect(m.overlay == nil)
    }

    @Test func questionMarkOpensHelpInANumberFieldAsTheFooterSays() {
        var m = atFirstQuestion(Size(width: 80, height: 24))
        #expect(KeyTable.footer(m, testContext, Glyphs(.full)).contains { $0.key == "?" && $0.action == "help" })
        type(&m, "3")
        press(&m, .character("?"))
        #expect(m.overlay == .help)
        #expect(m.draft == "3")
    }

    @Test func helpScrollsAndAnyOtherKeyCloses() {
        var m = walkStrongPerson()
        press(&m, .character("?"))
        #expect(m.overlay == .help)
        press(&m, .down, .pageDown)
        #expect(m.overlay == .help)
        press(&m, .escape)
        #expect(m.overlay == nil)
        #expect(m.page == .review)
        press(&m, .character("?"), .character("x"))
        #expect(m.overlay == nil)
    }

    @Test func resizeKeepsState() {
        var m = walkStrongPerson()
        let answers = m.answers
        _ = update(&m, .resize(Size(width: 30, height: 10)), testContext)
        _ = update(&m, .resize(Size(width: 100, height: 30)), testContext)
        #expect(m.answers == answers)
        #expect(m.page == .review)
        #expect(m.size == Size(width: 100, height: 30))
    }

    @Test func resultsSectionsAndChecklistTicks() {
        var m = walkStrongPerson()
        press(&m, .end, .enter)
        #expect(m.page == .results(.summary))
        press(&m, .tab)
        #expect(m.page == .results(.options))
        press(&m, .character("4"))
        #expect(m.page == .results(.evidence))
        press(&m, .enter)
        #expect(m.openStudy == 0)
        press(&m, .backspace)
        #expect(m.openStudy == nil)
        #expect(m.page == .results(.evidence))
        press(&m, .character("8"))
        #expect(m.page == .results(.checklist))
        press(&m, .down, .character(" "))
        #expect(m.ticked == [testContext.content.checklist[1].id])
        press(&m, .character("0"))
        #expect(m.page == .results(.glossary))
        // Glossary, back over the knowledge check and Finish, to the checklist.
        press(&m, .backTab, .backTab, .backTab)
        #expect(m.page == .results(.checklist))
        press(&m, .tab, .tab, .tab, .tab)
        #expect(m.page == .results(.summary))
        press(&m, .character("0"))
        press(&m, .backspace)
        #expect(m.page == .review)
    }

    @Test func scrollingStopsAtTheEnd() {
        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("5"))
        #expect(m.page == .results(.risks))
        // A few presses past the end (the page is long: harms of all four options): the scroll stops there.
        press(&m, .down)
        let measured = try! #require(m.view.measured)
        for _ in 0..<(measured.lines - measured.height + 5) { press(&m, .down) }
        let bottom = m.view.top
        #expect(bottom == measured.lines - measured.height)
        #expect(bottom > 0)
        press(&m, .up)
        #expect(m.view.top == bottom - 1)
    }

    @Test func clickPicksAChoice() {
        var m = atFirstQuestion(Size(width: 80, height: 24))
        answer(&m, "34")
        let rendered = Views.render(m, testContext)
        let row = rendered.targets.first { $0.value == 2 }?.key
        #expect(row != nil)
        // A click moves the highlight, as a digit does; Enter confirms.
        press(&m, .click(row: row ?? 0, column: 10))
        #expect(m.answers.subtype == nil)
        #expect(m.highlight == 2)
        press(&m, .enter)
        #expect(m.answers.subtype == .primaryProgressive)
        #expect(m.page == .question(.relapsesLast12Months))
    }
}

/// Issue 9: safe for shaky hands, and the review's Enter never loops.
@Suite struct ShakyHandsTests {
    @Test func aDigitHighlightsAndEnterConfirms() {
        var m = atFirstQuestion()
        answer(&m, "34")
        press(&m, .character("3"))
        #expect(m.page == .question(.subtype))
        #expect(m.highlight == 2)
        #expect(m.answers.subtype == nil)
        press(&m, .enter)
        #expect(m.answers.subtype == .primaryProgressive)
    }

    @Test func aDoubleTapOfEnterAnswersOneQuestionNotTwo() {
        var m = atFirstQuestion()
        answer(&m, "34")
        press(&m, .character("1"))
        pressQuickly(&m, .enter, .enter)
        #expect(m.answers.subtype == .relapsingRemitting)
        #expect(m.page == .question(.relapsesLast12Months))
        #expect(m.draft.isEmpty)
        // The same key a little later is a new answer.
        type(&m, "2")
        press(&m, .enter)
        #expect(m.page == .question(.walking))
    }

    @Test func aDoubleTapOfYOnSureAnswersOneItem() {
        var m = Model(size: Size(width: 80, height: 24))
        press(&m, .enter)
        #expect(m.page == .sureBefore)
        pressQuickly(&m, .character("y"), .character("y"))
        let items = testContext.content.sure
        #expect(m.deliberation.sureBefore[items[0].id] == true)
        #expect(m.deliberation.sureBefore[items[1].id] == nil)
        #expect(m.highlight == 1)
    }

    @Test func aHeldBackspaceStopsAtTheEmptyField() {
        var m = atFirstQuestion()
        answer(&m, "34")
        answer(&m, "1")
        #expect(m.page == .question(.relapsesLast12Months))
        type(&m, "12")
        // Held: repeats 30 ms apart delete the digits and stop at the empty field.
        for _ in 0..<10 { pressQuickly(&m, .backspace, gap: 0.03) }
        #expect(m.page == .question(.relapsesLast12Months))
        #expect(m.draft.isEmpty)
        // A fresh press goes back; a held one does not run on through the previous answers.
        press(&m, .backspace)
        #expect(m.page == .question(.subtype))
        for _ in 0..<10 { pressQuickly(&m, .backspace, gap: 0.03) }
        #expect(m.page == .question(.subtype))
    }

    @Test func heldArrowsStillScroll() {
        var m = atFirstQuestion()
        open(.therapies, &m, testContext)
        for _ in 0..<5 { pressQuickly(&m, .down, gap: 0.03) }
        #expect(m.highlight == 5)
    }

    @Test func keysDoNothingWhileTheWindowIsTooSmall() {
        var m = atFirstQuestion()
        _ = update(&m, .resize(Size(width: 40, height: 10)), testContext)
        type(&m, "34")
        press(&m, .enter, .character("q"))
        #expect(m.page == .question(.age))
        #expect(m.draft.isEmpty)
        #expect(m.overlay == nil)
        _ = update(&m, .resize(Size(width: 80, height: 24)), testContext)
        type(&m, "34")
        #expect(m.draft == "34")
    }

    @Test func altCombinationsDoNothing() {
        var m = atFirstQuestion()
        answer(&m, "34")
        press(&m, .alt("q"), .alt("1"))
        #expect(m.page == .question(.subtype))
        #expect(m.overlay == nil)
        #expect(m.highlight == 0)
    }

    @Test func aPasteTypesIntoATextFieldAndDoesNothingElsewhere() {
        // On Welcome, where q quits at once and y would answer: nothing happens.
        var m = Model(size: Size(width: 80, height: 24))
        #expect(press(&m, .paste("q y")).isEmpty)
        #expect(m.page == .welcome && m.overlay == nil)
        // In the age field it is typed, at the caret, as far as the field takes.
        m = atFirstQuestion()
        type(&m, "4")
        press(&m, .left, .paste("3"))
        #expect(m.draft == "34" && m.caret == 1)
        press(&m, .paste(String(repeating: "9", count: 40)))
        #expect(m.draft.count == 12, "the field's limit holds for a paste too: \(m.draft)")
        // A choice question takes no paste: its digits and letters stay unused.
        m = atFirstQuestion()
        answer(&m, "34")
        press(&m, .paste("3"))
        #expect(m.page == .question(.subtype) && m.highlight == 0)
    }

    @Test func escOnWelcomeAsksBeforeLeaving() {
        var m = Model(size: Size(width: 80, height: 24))
        #expect(press(&m, .escape).isEmpty)
        #expect(m.overlay == .confirmQuit)
        #expect(press(&m, .character("n")).isEmpty)
        #expect(m.overlay == nil)
        // q with nothing answered still quits at once.
        #expect(press(&m, .character("q")) == [.quit])
    }

    @Test func theCaretMovesWithLeftAndRight() {
        var m = atFirstQuestion()
        type(&m, "34")
        press(&m, .left, .left)
        type(&m, "1")
        #expect(m.draft == "134")
        press(&m, .right, .backspace)
        #expect(m.draft == "14")
        #expect(m.page == .question(.age))
    }

    @Test func theReviewOpensOnSeeTheResultsAndReturnsThereAfterAChange() {
        var m = walkStrongPerson()
        let order = QuestionFlow.order(exactEDSS: false)
        #expect(m.page == .review)
        #expect(m.highlight == order.count)
        // Change the age from the review: back on "See what the guidelines say".
        m.highlight = 0
        press(&m, .enter)
        #expect(m.page == .question(.age))
        press(&m, .backspace, .backspace)
        type(&m, "40")
        press(&m, .enter)
        #expect(m.page == .review)
        #expect(m.highlight == order.count)
        press(&m, .enter)
        #expect(m.page == .results(.summary))
    }

    @Test func typeToFindReachesEveryTreatment() {
        var m = atFirstQuestion()
        open(.therapies, &m, testContext)
        let values = choiceValues(.therapies, testContext)
        press(&m, .character("u"))
        #expect(values[m.highlight] == "ublituximab")
        // Each "o" goes to the next treatment starting with o, wrapping round.
        press(&m, .character("o"))
        #expect(values[m.highlight] == "ozanimod")
        press(&m, .character("o"))
        #expect(values[m.highlight] == "ocrelizumab")
        press(&m, .character("o"))
        #expect(values[m.highlight] == "ofatumumab")
        press(&m, .end)
        #expect(values[m.highlight] == values.last)
    }

    @Test func everyResultsSectionShowsSaveInAnEightyColumnFooter() {
        var m = walkStrongPerson()
        press(&m, .enter, .character("9"))
        // On What matters, the rating keys (0-4, n, Space) fill the 80 columns.
        for section in ResultsSection.allCases where section != .values {
            m.page = .results(section)
            settle(&m)
            let footer = KeyTable.footer(m, testContext, Glyphs(.full))
            #expect(footer.contains { $0.key == "s" && $0.action == "save" }, "\(section): \(footer)")
            #expect(footer.last?.key == "q", "\(section): help and quit end the footer: \(footer)")
        }
    }

    @Test func theFooterKeepsHelpAndQuitWhenNarrow() {
        var m = walkStrongPerson()
        press(&m, .enter, .character("9"))
        m.size = Size(width: 60, height: 24)
        let footer = KeyTable.footer(m, testContext, Glyphs(.full))
        #expect(footer.contains { $0.key == "?" && $0.action == "more" })
        #expect(footer.contains { $0.key == "q" })
        #expect(footer.contains { $0.key == "s" })
        // Every key in the footer acts, and help lists every key that acts.
        let help = Golden.screen({ var h = m; h.overlay = .help; h.size = Size(width: 80, height: 80); return h }())
        for binding in KeyTable.bindings(m, testContext) {
            #expect(help.contains(binding.name + ":"), "help lacks \(binding.name)")
        }
    }
}

@Suite struct TextFieldTests {
    @Test func aCombiningMarkJoinsTheLetterAndTheCaretStaysInside() {
        var m = atFirstQuestion()
        type(&m, "e\u{301}x")
        #expect(m.draft == "\u{e9}x" || m.draft == "e\u{301}x")
        #expect(m.caret <= m.draft.count)
        press(&m, .left, .left, .left)
        type(&m, "\u{301}")
        press(&m, .backspace, .backspace, .backspace, .right, .right)
        #expect(m.caret <= m.draft.count)
    }
}

@Suite struct FooterTests {
    @Test func pageDownIsNamedOnlyWhenThePageScrolls() {
        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("5"))          // Risks: long
        #expect(KeyTable.footer(m, testContext, Glyphs(.full)).contains { $0.key == "↑↓ PgDn" })
        m.size = Size(width: 80, height: 3000)
        settle(&m)
        #expect(!KeyTable.footer(m, testContext, Glyphs(.full)).contains { $0.key.contains("PgDn") })
    }
}
