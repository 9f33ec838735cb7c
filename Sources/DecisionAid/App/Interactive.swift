import Content

/// Runs the interactive aid in the terminal: the only place where the pure
/// update/view loop meets the curses screen.
public enum InteractiveAid {
    /// Returns the process exit status: 0 after quitting, 128+n after signal n,
    /// 1 if the terminal could not be used or was lost.
    /// With `resume` (read and checked by the caller before the screen
    /// opens), the aid opens at the review with everything restored.
    public static func run(content: ContentSet, settings: Settings, noColor: Bool, mouse: Bool, resume: Resumption? = nil) -> Int32 {
        let screen: CursesScreen
        do {
            screen = try CursesScreen.open(noColor: noColor, mouse: mouse)
        } catch {
            Console.error("decision-aid: \(error)\nFor scripts, `decision-aid assess --help` works without a terminal.")
            return 1
        }
        var ctx = Context(content: content, settings: settings, capabilities: screen.capabilities, today: Day.today())
        var model = Model(size: screen.size, settings: settings)
        if let resume { model.resume(resume, ctx) }
        var drawn = model
        /// Draws, then tells update what the drawing measured (where the
        /// view is, how long the page is), so update can scroll without
        /// drawing. The drawing is already what the measured model draws (the
        /// chrome names Page Down from its own measure; the tests' `settle`
        /// checks this on every key), so a page is composed once.
        func draw() {
            let rendered = Views.render(model, ctx)
            if model.shownView.measured != rendered.layout { _ = update(&model, .layout(rendered.layout), ctx) }
            screen.draw(rendered.frame)
            drawn = model
        }
        draw()

        // Everything that is waiting (a whole paste) is handled before one
        // frame is drawn, and a frame is drawn only when the model changed:
        // a tick or a key that does nothing redraws nothing, so screen readers
        // do not repeat themselves and a flood of keys cannot outrun the screen.
        while let batch = screen.nextMessages() {
            let resized = batch.contains { if case .resize = $0 { return true } else { return false } }
            // The keys come with the time they were read: update uses it to
            // tell a bounce or a held key from a new answer.
            // (A tick can wipe, so it goes through handle like any message.)
            let going = handle([.tick(now: screen.now())] + batch, &model, ctx) { effect in
                switch effect {
                case .quit:
                    return nil
                case .wipe:
                    // update has made a fresh model; the terminal forgets too.
                    screen.wipe()
                    ctx.today = Day.today()
                    return nil
                case .save(let text, let path, let overwrite):
                    // Quick and local: done here, and its outcome handled before the next key.
                    return .saved(SummaryFile.save(text, to: path, overwrite: overwrite))
                case .saveAnswers(let text, let path, let overwrite):
                    // The same careful write: mode 0600, never over a file without a yes.
                    return .savedAnswers(SummaryFile.save(text, to: path, overwrite: overwrite, example: "ahsct-answers.json"))
                case .print(let text, let destination):
                    // lp may take up to its time limit: it runs on its own
                    // thread, and its outcome comes back as a message.
                    let mailbox = screen.mailbox
                    Printer.start(text, destination: destination, canSave: ctx.settings.storage != .none) { outcome in
                        mailbox.post(.printed(outcome))
                    }
                    return nil
                }
            }
            guard going else { break }
            if !model.drawsLike(drawn) || resized { draw() }
        }
        screen.close()
        if let code = screen.signalExitCode { return code }
        if let reason = screen.endReason {
            Console.error("decision-aid: \(reason)")
            return 1
        }
        return 0
    }

    /// Handles a batch of messages in order. `perform` carries out each effect
    /// but quit and may return a message with its outcome, which is handled
    /// before the rest of the batch (a save's result before the next key).
    /// Returns false as soon as an effect is quit. Linear in the batch's size.
    static func handle(_ batch: [Msg], _ model: inout Model, _ ctx: Context, perform: (Effect) -> Msg?) -> Bool {
        var next = 0
        var outcomes: [Msg] = []              // a few at most; taken first
        while true {
            let msg: Msg
            if !outcomes.isEmpty {
                msg = outcomes.removeFirst()
            } else if next < batch.count {
                msg = batch[next]
                next += 1
            } else {
                return true
            }
            var produced: [Msg] = []
            for effect in update(&model, msg, ctx) {
                if effect == .quit { return false }
                if let outcome = perform(effect) { produced.append(outcome) }
            }
            outcomes.insert(contentsOf: produced, at: 0)
        }
    }
}
