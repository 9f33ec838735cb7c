import Content
import Testing
@testable import DecisionAid

/// Saving the answers to finish later and resuming them, as update and the
/// views see it: the saveAnswers effect and its savedAnswers message, the
/// save dialog's choice on the results, the quit dialog, --resume's model,
/// and the kiosk, which never offers any of it.
@Suite struct SessionUpdateTests {
    static let clinician = Context(content: testContext.content, settings: .clinician)
    static let kiosk = Context(content: testContext.content, settings: .kiosk(idleTimeout: 180))

    /// The effect's text and path, if it saves the answers.
    static func answersSave(_ effects: [Effect]) -> (text: String, path: String, overwrite: Bool)? {
        for effect in effects {
            if case .saveAnswers(let text, let path, let overwrite) = effect { return (text, path, overwrite) }
        }
        return nil
    }

    // MARK: Saving

    @Test func sIsOfferedOnlyAfterTheFirstAnswer() {
        var m = atFirstQuestion()
        #expect(!KeyTable.offers(.save, m, testContext), "nothing to save yet")
        press(&m, .control("s"))
        #expect(m.overlay == nil)
        answer(&m, "34")
        #expect(m.page == .question(.subtype))
        #expect(KeyTable.offers(.save, m, testContext))
        #expect(flat(Golden.screen(m)).contains("s save"))
        // A SURE answer counts as an answer too.
        var sure = Model(size: Size(width: 80, height: 24))
        press(&sure, .enter)
        #expect(!KeyTable.offers(.save, sure, testContext))
        press(&sure, .character("y"))
        #expect(KeyTable.offers(.save, sure, testContext))
    }

    @Test func saveOnAQuestionSavesTheAnswersAndReportsWhere() throws {
        var m = atFirstQuestion()
        answer(&m, "34")
        answer(&m, "1")
        answer(&m, "2")
        #expect(m.page == .question(.walking))
        press(&m, .character("s"))
        #expect(m.overlay == .saveAs)
        #expect(m.saving == .answers)
        #expect(m.draft == "ahsct-answers.json")
        let screen = flat(Golden.screen(m))
        #expect(screen.contains("Save your answers to finish later"))
        #expect(screen.contains("decision-aid --resume ahsct-answers.json"))
        #expect(!screen.contains("Your summary:"), "before the results only the answers are offered")
        let effects = press(&m, .enter)
        let save = try #require(Self.answersSave(effects), "\(effects)")
        #expect(save.path == "ahsct-answers.json")
        #expect(!save.overwrite)
        let (session, dropped) = try Session.decode(save.text, file: save.path, content: testContext.content)
        #expect(session.answers == m.answers)
        #expect(dropped.isEmpty)
        #expect(session.audience == .patient)
        #expect(session.contentVersion == testContext.content.about.version)

        _ = update(&m, .savedAnswers(.saved(path: "/home/x/ahsct-answers.json")), testContext)
        #expect(m.savedAnswers?.path == "/home/x/ahsct-answers.json")
        #expect(m.notice?.text.contains("decision-aid --resume /home/x/ahsct-answers.json") == true)
        #expect(flat(Golden.screen(m)).contains("Saved your answers to /home/x/ahsct-answers.json"))
        #expect(m.page == .question(.walking), "the person stays where they were")
        // The next save offers the same file, so saving again asks to replace it.
        press(&m, .control("s"))
        #expect(m.draft == "/home/x/ahsct-answers.json")
    }

    @Test func aNumberBeingTypedIsKeptThroughTheSaveDialog() {
        var m = atFirstQuestion()
        answer(&m, "34")
        answer(&m, "1")
        type(&m, "3")
        #expect(m.page == .question(.relapsesLast12Months))
        // s is a letter in a number field: it types. Ctrl-S saves.
        press(&m, .character("s"))
        #expect(m.overlay == nil)
        #expect(m.draft == "3s")
        press(&m, .backspace)
        #expect(flat(Golden.screen(m)).contains("Ctrl-S save"))
        press(&m, .control("s"))
        #expect(m.overlay == .saveAs)
        #expect(m.draft == "ahsct-answers.json")
        press(&m, .escape)
        #expect(m.overlay == nil)
        #expect(m.draft == "3", "cancelled: the number is back")
        press(&m, .control("s"), .enter)
        _ = update(&m, .savedAnswers(.exists(path: "/x/ahsct-answers.json")), testContext)
        #expect(m.overlay == .confirmOverwrite(path: "/x/ahsct-answers.json"))
        #expect(flat(Golden.screen(m)).contains("replace it with your answers"))
        press(&m, .character("n"))
        #expect(m.overlay == .saveAs)
        #expect(m.draft == "ahsct-answers.json", "back to the name, kept")
        let effects = press(&m, .enter)
        #expect(Self.answersSave(effects)?.path == "ahsct-answers.json")
        _ = update(&m, .savedAnswers(.exists(path: "/x/ahsct-answers.json")), testContext)
        #expect(Self.answersSave(press(&m, .character("y")))?.overwrite == true)
        _ = update(&m, .savedAnswers(.saved(path: "/x/ahsct-answers.json")), testContext)
        #expect(m.draft == "3", "saved: the number is back")
        #expect(m.answers.relapsesLast12Months == nil, "and still only typed, not taken")
    }

    @Test func aFailedSaveOfTheAnswersSaysWhyAndKeepsTheName() {
        var m = walkStrongPerson()
        press(&m, .character("s"))
        type(&m, "x")
        press(&m, .enter)
        _ = update(&m, .savedAnswers(.failed(path: "/nope/ahsct-answers.jsonx", message: "The folder /nope does not exist.")), testContext)
        #expect(m.overlay == .saveAs)
        #expect(m.saving == .answers)
        #expect(m.draft == "ahsct-answers.jsonx")
        #expect(m.savedAnswers == nil)
        #expect(flat(Golden.screen(m)).contains("The folder /nope does not exist."))
    }

    @Test func theResultsSaveDialogOffersTheSummaryAndTheAnswers() throws {
        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("9"))
        press(&m, .character("s"))
        // The summary first, as before.
        #expect(m.overlay == .saveAs)
        #expect(m.saving == .summary)
        #expect(m.draft == "ahsct-summary.txt")
        var screen = flat(Golden.screen(m))
        #expect(screen.contains("Save your summary"))
        #expect(screen.contains("(●) Your summary: to read, or to take to your neurologist"))
        #expect(screen.contains("( ) Your answers: to come back and finish later"))
        #expect(screen.contains("↑↓ summary or answers"))
        // ↓ chooses the answers; the default name follows.
        press(&m, .down)
        #expect(m.saving == .answers)
        #expect(m.draft == "ahsct-answers.json")
        screen = flat(Golden.screen(m))
        #expect(screen.contains("Save your answers to finish later"))
        #expect(screen.contains("(●) Your answers"))
        let effects = press(&m, .enter)
        let save = try #require(Self.answersSave(effects))
        #expect(save.path == "ahsct-answers.json")
        // ↑ back to the summary; a name the person typed is kept.
        press(&m, .character("s"))
        #expect(m.saving == .summary)
        for _ in 0..<17 { press(&m, .backspace) }
        type(&m, "mine.md")
        press(&m, .down, .up)
        #expect(m.saving == .summary)
        #expect(m.draft == "mine.md")
        guard case .save(let text, "mine.md", false)? = press(&m, .enter).first else {
            Issue.record("no summary save")
            return
        }
        #expect(text.hasPrefix("#"))
    }

    @Test func everythingTheModelHoldsIsInTheFile() throws {
        var m = KioskTests.someoneAtFinish(testContext)
        m.deliberation.concern = "My job"
        m.deliberation.ownQuestions = ["How long off work?"]
        m.ticked = [testContext.content.checklist[1].id]
        m.deliberation.knowledge = [testContext.content.knowledgeCheck[0].id: .isFalse]
        press(&m, .character("s"), .down)
        let save = try #require(Self.answersSave(press(&m, .enter)))
        let session = try Session.decode(save.text, file: "a", content: testContext.content).session
        #expect(session.answers == m.answers)
        #expect(session.deliberation == m.deliberation)
        #expect(session.ticked == m.ticked)
        #expect(session.saved == testContext.today)
    }

    // MARK: The quit dialog

    @Test func theQuitDialogSaysWhatIsSavedAndWhatChanged() {
        var m = walkStrongPerson()
        press(&m, .character("q"))
        var screen = flat(Golden.screen(m))
        #expect(screen.contains("Your answers are not saved anywhere: they will be gone when you quit."))
        #expect(screen.contains("Press y to quit, s to save your answers first, or n to go back"))
        // s from the quit dialog saves the answers.
        press(&m, .character("s"))
        #expect(m.overlay == .saveAs)
        #expect(m.saving == .answers)
        _ = press(&m, .enter)
        _ = update(&m, .savedAnswers(.saved(path: "/home/x/a.json")), testContext)
        press(&m, .character("q"))
        screen = flat(Golden.screen(m))
        #expect(!screen.contains("not saved anywhere"))
        #expect(screen.contains("Your answers are saved in /home/x/a.json."))
        #expect(screen.contains("decision-aid --resume /home/x/a.json"))
        #expect(screen.contains("Press y to quit, or n to go back"))
        // A change since: said.
        press(&m, .character("n"))
        press(&m, .up, .enter)            // the last question, to change it
        answer(&m, "1")                    // serious illness: yes
        press(&m, .character("q"))
        screen = flat(Golden.screen(m))
        #expect(screen.contains("Your answers were saved in /home/x/a.json, but you have changed things since then."), "\(screen)")
        #expect(screen.contains("s to save your answers first"))
    }

    @Test func theQuitDialogAfterSavingOnlyTheSummary() {
        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("s"), .enter)
        _ = update(&m, .saved(.saved(path: "/home/x/ahsct-summary.txt")), testContext)
        press(&m, .character("q"))
        var screen = flat(Golden.screen(m))
        #expect(screen.contains("Your summary is saved in /home/x/ahsct-summary.txt."))
        #expect(screen.contains("Your answers themselves are not saved, so you cannot go on from here later."))
        #expect(!screen.contains("not saved anywhere"))
        press(&m, .character("n"), .character("6"), .character("4"))    // a rating: the summary does not have it
        press(&m, .character("q"))
        screen = flat(Golden.screen(m))
        #expect(screen.contains("Your summary was saved in /home/x/ahsct-summary.txt, but you have changed things since then"), "\(screen)")
    }

    // MARK: Resuming

    static func resumption(_ session: Session, dropped: [Session.Dropped] = []) -> Resumption {
        Resumption(session: session, path: "/home/x/ahsct-answers.json", dropped: dropped)
    }

    @Test func resumeOpensAtTheReviewWithEverythingRestored() {
        let session = SessionTests.full()
        var m = Model(size: Size(width: 80, height: 24))
        m.resume(Self.resumption(session), testContext)
        #expect(m.page == .review)
        #expect(m.overlay == nil)
        #expect(m.highlight == m.interview.order.count, "See what the guidelines say is highlighted")
        #expect(m.answers == session.answers)
        #expect(m.deliberation == session.deliberation)
        #expect(m.ticked == session.ticked)
        let screen = flat(Golden.screen(m))
        #expect(screen.contains("Welcome back. These are your answers from /home/x/ahsct-answers.json, saved on 2026-11-20."))
        #expect(screen.contains("Review your answers"))
        // The file counts as saved until something changes.
        press(&m, .character("q"))
        #expect(flat(Golden.screen(m)).contains("Your answers are saved in /home/x/ahsct-answers.json."))
        press(&m, .character("n"))
        // Enter goes on to the results, with the values restored there.
        press(&m, .enter)
        #expect(m.page == .results(.summary))
        // Saving again offers the same file.
        press(&m, .character("s"), .down)
        #expect(m.draft == "/home/x/ahsct-answers.json")
    }

    @Test func resumeInClinicianModeAsksForTheExactEDSS() throws {
        let session = SessionTests.full(audience: .clinician)
        let resumption = Self.resumption(session)
        let settings = resumption.settings(.patient)
        #expect(settings.audience == .clinician, "a clinician's file opens in clinician mode")
        let ctx = Context(content: testContext.content, settings: settings)
        var m = Model(size: Size(width: 80, height: 24), settings: settings)
        m.resume(resumption, ctx)
        #expect(m.interview.exactEDSS)
        #expect(m.interview.order.contains(.edss))
        #expect(m.answers.edss == 3.5)
        #expect(m.overlay == .resumed, "the mode came from the file: said first")
        let screen = flat(Golden.screen(m, ctx))
        #expect(screen.contains("They were saved in clinician mode, so the aid is in clinician mode now."))
        press(&m, .enter, ctx: ctx)
        #expect(m.overlay == nil)
        #expect(m.page == .review)
        // Saved again, it is still a clinician's file.
        press(&m, .character("s"), ctx: ctx)
        let save = try #require(Self.answersSave(press(&m, .enter, ctx: ctx)))
        #expect(try Session.decode(save.text, file: "a", content: ctx.content).session.audience == .clinician)
        // A patient's file stays a patient's.
        #expect(Self.resumption(SessionTests.full()).settings(.patient).audience == .patient)
        // A patient's file opened by a clinician (--clinician) stays in clinician mode,
        // and the review shows the walking answer the rules use until a score is typed.
        let patients = Self.resumption(SessionTests.full())
        #expect(patients.settings(.clinician).audience == .clinician)
        var opened = Model(size: Size(width: 80, height: 24), settings: .clinician)
        opened.resume(patients, Self.clinician)
        #expect(opened.overlay == nil, "nothing to say first: the mode came from the command line")
        #expect(flat(Golden.screen(opened, Self.clinician, size: Size(width: 80, height: 40)))
            .contains("EDSS: Not typed yet; the walking answer stands for now: you can walk as far as you like without help"))
    }

    @Test func whatTheContentNoLongerHasIsShownFirst() {
        let dropped = [Session.Dropped(.therapy, "daclizumab"), Session.Dropped(.checklistItem, "old-check")]
        var m = Model(size: Size(width: 80, height: 24))
        m.resume(Self.resumption(SessionTests.full(), dropped: dropped), testContext)
        #expect(m.overlay == .resumed)
        let screen = flat(Golden.screen(m))
        #expect(screen.contains("This version of the aid no longer has 2 things you saved, so they were left"))
        #expect(screen.contains("The treatment 'daclizumab'"))
        #expect(screen.contains("A tick on the clinic checklist ('old-check')"))
        #expect(screen.contains("Your file has not been changed."))
        #expect(screen.contains("Press Enter to see your answers."))
        press(&m, .enter)
        #expect(m.overlay == nil)
        #expect(m.page == .review)
    }

    // MARK: Never in a kiosk

    @Test func aKioskNeverOffersOrSavesTheAnswers() {
        let ctx = Self.kiosk
        #expect(!ctx.settings.sessions)
        for (name, start) in KioskTests.everyScreen(ctx) where start.overlay == nil {
            var m = start
            m.deliberation.sureBefore = ["sure": true]
            #expect(!KeyTable.offers(.save, m, ctx), "\(name)")
            for key: Key in [.character("s"), .control("s")] {
                var pressed = m
                let effects = press(&pressed, key, ctx: ctx)
                #expect(Self.answersSave(effects) == nil, "\(key) on \(name)")
                #expect(pressed.overlay != .saveAs, "\(key) on \(name)")
            }
            #expect(!Golden.screen(m, ctx).contains("s save"), "\(name)")
        }
        // Nor from a quit dialog (which a kiosk never shows): s there does nothing.
        var m = walkStrongPerson()
        m.overlay = .confirmQuit
        #expect(!Golden.screen(m, ctx).contains("save your answers"))
        press(&m, .character("s"), ctx: ctx)
        #expect(m.overlay != .saveAs)
    }
}
