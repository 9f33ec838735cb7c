import Content

/// Runs the interactive aid in the terminal: the only place where the pure
/// update/view loop meets the curses screen.
public enum InteractiveAid {
    /// Returns the process exit status: 0 after quitting, 128+n after signal n,
    /// 1 if the terminal could not be used or was lost.
    @MainActor
    public static func run(content: ContentSet, settings: Settings, noColor: Bool, mouse: Bool) -> Int32 {
        let screen: CursesScreen
        do {
            screen = try CursesScreen.open(noColor: noColor, mouse: mouse)
        } catch {
            Console.error("decision-aid: \(error)\nFor scripts, `decision-aid assess --help` works without a terminal.")
            return 1
        }
        let ctx = Context(content: content, settings: settings, capabilities: screen.capabilities, today: Day.today())
        var model = Model(size: screen.size)
        /// Draws, then tells update what the drawing measured (where the
        /// view is, how long the page is), so update can scroll without drawing.
        func draw() {
            let rendered = Views.render(model, ctx)
            screen.draw(rendered.frame)
            let path: KeyPath<Model, Viewport> = model.overlay == nil ? \.view : \.overlayView
            if model[keyPath: path].measured != rendered.layout {
                _ = update(&model, .layout(rendered.layout), ctx)
            }
        }
        draw()
        var pending: [Msg] = []
        loop: while let msg = pending.isEmpty ? screen.nextMessage() : pending.removeFirst() {
            // Every key comes with the time it was read: update uses it to
            // tell a bounce or a held key from a new answer.
            if case .key = msg { _ = update(&model, .tick(now: screen.now()), ctx) }
            for effect in update(&model, msg, ctx) {
                switch effect {
                case .quit: break loop
                case .save(let text, let path, let overwrite):
                    pending.append(.saved(SummaryFile.save(text, to: path, overwrite: overwrite)))
                case .print(let text):
                    pending.append(.printed(SummaryFile.print(text)))
                }
            }
            // A tick changes nothing on screen yet; redrawing on it would make
            // screen readers repeat themselves.
            if case .tick = msg { continue }
            draw()
        }
        screen.close()
        if let code = screen.signalExitCode { return code }
        if let reason = screen.endReason {
            Console.error("decision-aid: \(reason)")
            return 1
        }
        return 0
    }
}

