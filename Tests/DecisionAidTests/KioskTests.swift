import Content
import Testing
@testable import DecisionAid

/// The kiosk as update and the views see it: one Settings value, and the key
/// table (what acts, the footer, the help) following it.
@Suite struct KioskTests {
    static let kiosk = Context(content: testContext.content, settings: .kiosk(idleTimeout: 180, printer: "clinic-desk"))
    static let kioskNoPrinter = Context(content: testContext.content, settings: .kiosk(idleTimeout: 180))

    /// The strong person's answers, at the results' Finish section, with some
    /// of their own words, a tick and a rating.
    static func someoneAtFinish(_ ctx: Context = kiosk) -> Model {
        var m = walkStrongPerson()
        press(&m, .end, .enter, ctx: ctx)
        press(&m, .tab, .tab, .tab, .tab, .tab, ctx: ctx)          // to What matters
        press(&m, .character("4"), ctx: ctx)                         // a rating
        press(&m, .tab, .character(" "), ctx: ctx)                   // a ticked question
        press(&m, .character("9"), ctx: ctx)                         // Finish
        #expect(m.page == .results(.finish))
        #expect(m.hasAnswers)
        return m
    }

    /// Every screen a person can reach, one model each.
    static func everyScreen(_ ctx: Context) -> [(String, Model)] {
        var screens: [(String, Model)] = []
        let welcome = Model(size: Size(width: 80, height: 24))
        screens.append(("welcome", welcome))
        var m = welcome
        press(&m, .enter, ctx: ctx)
        screens.append(("SURE", m))
        for field in QuestionFlow.order(exactEDSS: false) {
            var q = atFirstQuestion()
            open(field, &q, ctx)
            screens.append(("question \(field)", q))
        }
        let person = walkStrongPerson()
        screens.append(("review", person))
        var results = person
        press(&results, .end, .enter, ctx: ctx)
        for section in ResultsSection.allCases {
            var r = results
            r.page = .results(section)
            r.highlight = 0
            screens.append(("results \(section)", r))
        }
        var study = results
        study.page = .results(.evidence)
        press(&study, .enter, ctx: ctx)
        screens.append(("a study", study))
        var about = welcome
        about.page = .about(from: .welcome)
        screens.append(("about", about))
        for overlay: Overlay in [.help, .confirmQuit, .confirmStartOver, .confirmPrint, .saveAs, .confirmOverwrite(path: "x.txt")] {
            var o = results
            o.page = .results(.finish)
            o.overlay = overlay
            screens.append(("overlay \(overlay)", o))
        }
        var counting = results
        counting.idleCountdown = 12
        screens.append(("countdown", counting))
        var typing = results
        typing.page = .results(.values)
        typing.typing = .concern
        typing.draft = "my own words"
        screens.append(("typing", typing))
        screens.append(("too small", Model(size: Size(width: 40, height: 10))))
        return screens
    }

    // MARK: No way out

    @Test func noKeyEndsTheProgramOrSaves() {
        let ctx = Self.kiosk
        let keys: [Key] = [.character("q"), .control("c"), .control("d"), .escape, .control("z"), .control("\\"),
                           .alt("x"), .alt("q"), .function(4), .function(10), .function(12), .character("s"), .control("s")]
        // (Not from the save and quit overlays: a kiosk never opens them; the glyph test draws them anyway.)
        let reachable = Self.everyScreen(ctx).filter { ![Overlay.saveAs, .confirmQuit].contains($0.1.overlay) && !$0.0.contains("confirmOverwrite") }
        for (name, start) in reachable where start.size.width >= 60 {
            for key in keys {
                var m = start
                let effects = press(&m, key, ctx: ctx)
                #expect(!effects.contains(.quit), "\(key) on \(name) ends the program")
                #expect(!effects.contains { if case .save = $0 { true } else { false } }, "\(key) on \(name) saves")
                #expect(m.overlay == start.overlay || (m.overlay != .saveAs && m.overlay != .confirmQuit), "\(key) on \(name)")
                // And y after it never quits either.
                #expect(!press(&m, .character("y"), ctx: ctx).contains(.quit), "\(key) then y on \(name)")
            }
        }
    }

    @Test func quitKeysStartOverAfterAskingThenWipe() {
        for key: Key in [.character("q"), .control("c"), .control("d")] {
            var m = Self.someoneAtFinish()
            #expect(press(&m, key, ctx: Self.kiosk).isEmpty)
            #expect(m.overlay == .confirmStartOver, "\(key)")
            #expect(Golden.screen(m, Self.kiosk).contains("Start over?"))
            // n keeps everything.
            press(&m, .character("n"), ctx: Self.kiosk)
            #expect(m.overlay == nil && m.hasAnswers)
            press(&m, key, ctx: Self.kiosk)
            let effects = press(&m, .character("y"), ctx: Self.kiosk)
            #expect(effects == [.wipe], "\(key)")
            Self.expectForgotten(m)
        }
        // Esc on Welcome, where a patient's Esc asks to quit.
        var m = Model(size: Size(width: 80, height: 24))
        press(&m, .escape, ctx: Self.kiosk)
        #expect(m.overlay == .confirmStartOver)
        #expect(press(&m, .character("y"), ctx: Self.kiosk) == [.wipe])
        // The too-small screen: Ctrl-C asks to start over there too.
        var small = Self.someoneAtFinish()
        small.size = Size(width: 30, height: 8)
        press(&small, .control("c"), ctx: Self.kiosk)
        #expect(small.overlay == .confirmStartOver)
        #expect(Golden.screen(small, Self.kiosk).contains("Ctrl-C starts over."))
    }

    @Test func imDoneOnFinishWipes() {
        var m = Self.someoneAtFinish()
        #expect(Golden.screen(m, Self.kiosk).contains("press d"))
        press(&m, .character("d"), ctx: Self.kiosk)
        #expect(m.overlay == .confirmStartOver)
        #expect(press(&m, .character("y"), ctx: Self.kiosk) == [.wipe])
        Self.expectForgotten(m)
        // A patient has no d: quitting forgets anyway.
        var patient = Self.someoneAtFinish(testContext)
        press(&patient, .character("d"))
        #expect(patient.overlay == nil && patient.hasAnswers)
    }

    /// After a wipe: a fresh model, and no key leads to an earlier answer.
    static func expectForgotten(_ wiped: Model, sourceLocation: SourceLocation = #_sourceLocation) {
        var fresh = Model(size: wiped.size)
        fresh.clock = wiped.clock
        fresh.lastActivity = wiped.lastActivity
        // What the last key was and what the last drawing measured are not the person's.
        var seen = wiped
        seen.lastKey = nil; seen.lastKeyAt = fresh.lastKeyAt; seen.lastKeyChangedScreen = false
        seen.view = Viewport()
        #expect(seen == fresh, sourceLocation: sourceLocation)
        var m = wiped
        let keys: [Key] = [.backspace, .escape, .left, .enter, .enter, .backspace, .tab, .character("9"), .end, .enter, .backspace]
        for key in keys {
            press(&m, key, ctx: kiosk)
            #expect(!m.hasAnswers, "\(key)", sourceLocation: sourceLocation)
            #expect(!Golden.screen(m, kiosk).contains("Age: 34"), sourceLocation: sourceLocation)
        }
    }

    // MARK: Save and print follow the settings

    @Test func noSaveAnywhereAndPrintOnlyToTheNamedPrinterOnce() {
        for (name, m) in Self.everyScreen(Self.kiosk) {
            let screen = Golden.screen(m, Self.kiosk)
            #expect(!screen.contains(" s save"), "\(name) offers save")
            #expect(!KeyTable.offers(.save, m, Self.kiosk), "\(name)")
            var help = m
            help.overlay = .help
            if m.overlay == nil && m.size.width >= 60 {
                #expect(!Golden.screen(help, Self.kiosk, size: Size(width: 80, height: 200)).contains("s: save"), "\(name) help")
            }
        }
        var m = Self.someoneAtFinish()
        #expect(!Golden.screen(m, Self.kiosk).contains("Press s"))
        press(&m, .character("p"), ctx: Self.kiosk)
        #expect(m.overlay == .confirmPrint)
        #expect(Golden.screen(m, Self.kiosk).contains("clinic-desk"))
        let effects = press(&m, .character("y"), ctx: Self.kiosk)
        guard case .print(_, let destination)? = effects.first else { Issue.record("no print: \(effects)"); return }
        #expect(destination == "clinic-desk")
        _ = update(&m, .printed(.sent("Sent to the printer.")), Self.kiosk)
        // One job per person: p is gone from this page, footer and help.
        #expect(!KeyTable.offers(.print, m, Self.kiosk))
        press(&m, .down, .character("p"), ctx: Self.kiosk)
        #expect(m.overlay == nil)
        // A failed job does not count: nothing came out.
        var failed = Self.someoneAtFinish()
        press(&failed, .character("p"), ctx: Self.kiosk)
        _ = press(&failed, .character("y"), ctx: Self.kiosk)
        _ = update(&failed, .printed(.failed(SummaryFile.withoutSaveHint(SummaryFile.lpMissing))), Self.kiosk)
        #expect(KeyTable.offers(.print, failed, Self.kiosk))
        #expect(Golden.screen(failed, Self.kiosk).contains("Please ask the staff"))
        #expect(!Golden.screen(failed, Self.kiosk).contains("save"))
        // The next person may print again.
        press(&m, .character("d"), .character("y"), ctx: Self.kiosk)
        var next = Self.someoneAtFinish()
        next.clock = m.clock + 10
        #expect(KeyTable.offers(.print, next, Self.kiosk))

        // Without --printer, no print key at all.
        let none = Self.someoneAtFinish(Self.kioskNoPrinter)
        #expect(!KeyTable.offers(.print, none, Self.kioskNoPrinter))
        var tried = none
        press(&tried, .character("p"), ctx: Self.kioskNoPrinter)
        #expect(tried.overlay == nil)
    }

    @Test func thePatientModeKeepsSaveQuitAndPrint() {
        var m = Self.someoneAtFinish(testContext)
        #expect(KeyTable.offers(.save, m, testContext) && KeyTable.offers(.print, m, testContext))
        press(&m, .character("q"))
        #expect(m.overlay == .confirmQuit)
        #expect(press(&m, .character("y")) == [.quit])
    }

    // MARK: Idle

    @Test func idleCountsDownThenWipes() {
        let ctx = Context(content: testContext.content, settings: .kiosk(idleTimeout: 90))
        var m = Self.someoneAtFinish(ctx)
        let start = m.clock
        _ = update(&m, .tick(now: start + 59), ctx)
        #expect(m.idleCountdown == nil)
        _ = update(&m, .tick(now: start + 61), ctx)
        #expect(m.idleCountdown == 29)
        #expect(Golden.screen(m, ctx).contains("Still there? Press any key to keep going."))
        // Any key puts it away and does nothing else.
        let page = m.page
        _ = update(&m, .key(.tab), ctx)
        #expect(m.idleCountdown == nil && m.page == page && m.hasAnswers)
        _ = update(&m, .tick(now: start + 61 + 89), ctx)
        #expect(m.idleCountdown == 1 && m.hasAnswers)
        let effects = update(&m, .tick(now: start + 61 + 90.1), ctx)
        #expect(effects == [.wipe])
        Self.expectForgotten(m)
        // A fresh Welcome has nothing to forget: no countdown, no wipe.
        _ = update(&m, .tick(now: m.clock + 1000), ctx)
        #expect(m.idleCountdown == nil)
        #expect(update(&m, .tick(now: m.clock + 1000), ctx).isEmpty)
    }

    @Test func aShortTimeoutWarnsForItsLastThird() {
        let ctx = Context(content: testContext.content, settings: .kiosk(idleTimeout: 9))
        var m = Model(size: Size(width: 80, height: 24))
        press(&m, .enter, ctx: ctx)
        let start = m.clock
        _ = update(&m, .tick(now: start + 5.9), ctx)
        #expect(m.idleCountdown == nil)
        _ = update(&m, .tick(now: start + 6.1), ctx)
        #expect(m.idleCountdown == 3)
    }

    @Test func aPatientIsNeverTimedOut() {
        var m = Self.someoneAtFinish(testContext)
        #expect(update(&m, .tick(now: m.clock + 100_000), testContext).isEmpty)
        #expect(m.idleCountdown == nil && m.hasAnswers)
    }

    // MARK: Console glyphs

    /// Every screen at TERM=linux, drawn whole (80×400, so every line of a
    /// long page is in the frame), holds only what the console fonts have,
    /// before the safety net that would otherwise hide a view's mistake.
    @Test func everyConsoleFrameUsesOnlyConsoleGlyphs() {
        let caps = Capabilities(unicode: true, color: true, consoleFont: true)
        #expect(caps.glyphSet == .console)
        let ctx = Context(content: testContext.content, settings: .kiosk(printer: "desk"), capabilities: caps)
        var checked = 0
        for (name, start) in Self.everyScreen(ctx) {
            for size in [start.size, Size(width: 80, height: 400), Size(width: 130, height: 400)] where start.size.width >= 60 || size == start.size {
                var m = start
                m.size = size
                let frame = Views.compose(m, ctx).frame
                let outside = Set(frame.text.filter { $0 != "\n" && !Capabilities.consoleCharacters.contains($0) })
                #expect(outside.isEmpty, "\(name) at \(size.width)x\(size.height): \(outside.sorted())")
                checked += 1
            }
        }
        #expect(checked > 40)
        // The same screens in a terminal emulator do use Unicode glyphs, so
        // the check above can tell the sets apart.
        let unicode = Context(content: testContext.content, settings: .kiosk(printer: "desk"), capabilities: .full)
        let finish = Self.everyScreen(unicode).first { $0.0 == "results finish" }!.1
        #expect(Views.render(finish, unicode).frame.text.contains { !Capabilities.consoleCharacters.contains($0) && $0 != "\n" })
    }

    @Test func theSafetyNetDrawsAnyOtherCharacterAsASCII() {
        var frame = Frame(Size(width: 10, height: 1))
        frame.put("✓⚠○a●♿", row: 0, column: 0)
        frame.keepOnly(Capabilities.consoleCharacters)
        #expect(frame.text == "x!oa●?")
    }
}

