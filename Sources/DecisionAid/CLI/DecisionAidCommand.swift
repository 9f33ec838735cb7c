import ArgumentParser
import Content

/// The program's front door: subcommands, or the interactive aid with none.
public struct DecisionAidCommand: ParsableCommand {
    public static let programVersion = "0.1.0"

    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "decision-aid",
            abstract: "Think through whether a stem cell transplant (AHSCT) for MS is worth exploring.",
            discussion: "Not medical advice: it shows what published guidelines say about people like you, to talk over with your neurologist.",
            version: versionText,
            subcommands: [AssessCommand.self, CheckContentCommand.self, RulesCommand.self]
        )
    }

    // Computed once: ArgumentParser reads the configuration several times while parsing.
    static let versionText: String = {
        guard case .success(let content) = ProgramContent.builtIn else {
            return "decision-aid \(programVersion) (built-in content has problems: run decision-aid check-content)"
        }
        return "decision-aid \(programVersion), content \(content.about.version), reviewed \(content.about.reviewed), review by \(content.about.reviewBy)"
    }()

    @OptionGroup var content: ContentOptions

    @Flag(name: .customLong("no-color"), help: "Use no colour (bold, reverse and underline instead). Also set by NO_COLOR.")
    var noColor = false

    @Flag(name: .customLong("no-mouse"), help: "Do not take mouse clicks, so the terminal's own text selection works.")
    var noMouse = false

    @Flag(name: .customLong("plain"), help: "Plain lines only, for screen readers, braille displays and simple terminals: each question, its numbered answers, then a prompt. Also chosen when TERM=dumb, when ACCESSIBLE is set, or when input or output is not a terminal.")
    var plain = false

    @Flag(name: .customLong("clinician"), help: "For a neurologist in a consultation: the exact EDSS instead of walking bands, full citations, the rules that fired with their ids and guidelines, and the whole width of wide terminals.")
    var clinician = false

    @Flag(name: .customLong("kiosk"), help: "Run as a locked clinic terminal: nothing is saved, nothing ends the program (q starts over), and each person is wiped after --idle-timeout.")
    var kiosk = false

    @Option(name: .customLong("idle-timeout"), help: ArgumentHelp("Kiosk: wipe everything after this many seconds without a key (a countdown shows first).", valueName: "SECONDS"))
    var idleTimeout: Int?

    @Option(name: .customLong("printer"), help: ArgumentHelp("Kiosk: print to this CUPS destination (lp -d DEST). Without it a kiosk cannot print.", valueName: "DEST"))
    var printer: String?

    @Option(name: .customLong("resume"), help: ArgumentHelp("Open the aid at your answers as you saved them with s, to finish later. A file saved in clinician mode opens in clinician mode.", valueName: "FILE"))
    var resume: String?

    public init() {}

    public func validate() throws {
        if let problem = Self.problem(kiosk: kiosk, plain: plain, clinician: clinician, idleTimeout: idleTimeout,
                                      printer: printer, contentDirectory: content.directory, resume: resume) {
            throw ValidationError(problem)
        }
    }

    /// What is wrong with these options together, or nil (QuickStart asks too).
    static func problem(kiosk: Bool, plain: Bool, clinician: Bool, idleTimeout: Int?, printer: String?, contentDirectory: String?,
                        resume: String? = nil) -> String? {
        if kiosk && plain {
            return "--kiosk runs the full-screen aid on a clinic terminal, so it does not take --plain."
        }
        if kiosk && clinician {
            return "--clinician cannot be used with --kiosk: a kiosk is for patients on their own, clinician mode is for a consultation."
        }
        if !kiosk {
            if idleTimeout != nil { return "--idle-timeout works only with --kiosk." }
            if printer != nil { return "--printer works only with --kiosk." }
            return nil
        }
        // A kiosk keeps nothing of a person, and never reads one back.
        if resume != nil {
            return "--kiosk keeps nothing of a person and reads no files, so it does not take --resume"
        }
        // A kiosk reads nothing from files: what a stranger sees is the built-in content.
        if contentDirectory != nil {
            return "--kiosk shows only the built-in content, so it does not read --content. Build the reviewed content into the binary instead."
        }
        if let idleTimeout, !(5...86_400).contains(idleTimeout) {
            return "--idle-timeout: '\(idleTimeout)' is out of range; allowed: whole seconds from 5 to 86400."
        }
        if let printer, printer.isEmpty || printer.hasPrefix("-") || printer.contains(where: { $0.isWhitespace || $0 == "/" }) {
            return "--printer: '\(printer)' is not a printer name; allowed: a CUPS destination such as clinic-desk (no spaces, no slash, not starting with -)."
        }
        return nil
    }

    /// A kiosk runs the aid and nothing else: the subcommands read files
    /// (`assess --answers`, `check-content DIR`), so `--kiosk` with one is
    /// refused before anything is parsed or read. Returns the message, or nil.
    public static func kioskRefusal(_ arguments: [String]) -> String? {
        guard arguments.contains("--kiosk") else { return nil }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        guard let sub = arguments.first(where: names.contains) else { return nil }
        return "decision-aid: --kiosk runs only the aid itself; '\(sub)' is not available in kiosk mode (it can read files)"
    }

    /// `--clinician` sets up the interactive aid; a subcommand after it would
    /// run as for anyone and silently drop it, so that is refused. Returns
    /// the message, or nil.
    public static func clinicianRefusal(_ arguments: [String]) -> String? {
        guard arguments.contains("--clinician") else { return nil }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        guard let sub = arguments.first(where: names.contains) else { return nil }
        return "decision-aid: --clinician sets up the interactive aid only; '\(sub)' does not use it"
    }

    /// What this deployment allows, from the command line: one value.
    var settings: Settings { Self.settings(kiosk: kiosk, clinician: clinician, idleTimeout: idleTimeout, printer: printer) }

    static func settings(kiosk: Bool, clinician: Bool, idleTimeout: Int?, printer: String?) -> Settings {
        if kiosk { return .kiosk(idleTimeout: Double(idleTimeout ?? 180), printer: printer) }
        return clinician ? .clinician : .patient
    }

    /// The plain line mode, when asked for or when the full screen would not
    /// work or not be read: TERM=dumb, ACCESSIBLE set (as huh and click-extra
    /// take it), or standard input or output not a terminal. Never on a kiosk,
    /// which is always a terminal and always the full screen.
    static func wantsPlain(flag: Bool, kiosk: Bool, term: String?, accessible: String?, inputIsTerminal: Bool, outputIsTerminal: Bool) -> Bool {
        if flag { return true }
        if kiosk { return false }
        return term == "dumb" || !(accessible ?? "").isEmpty || !inputIsTerminal || !outputIsTerminal
    }

    /// With no subcommand: the interactive aid.
    public func run() throws {
        try Self.start(content: try self.content.load(), settings: settings, plain: plain, kiosk: kiosk,
                       noColor: noColor, mouse: !noMouse, resume: resume)
    }

    /// The aid, plain or full-screen (QuickStart starts it here too).
    static func start(content: ContentSet, settings: Settings, plain: Bool, kiosk: Bool, noColor: Bool, mouse: Bool,
                      resume: String? = nil) throws {
        // A saved session is read and checked before anything is shown: a
        // file that cannot be opened is one line and a non-zero exit.
        var settings = settings
        var resumption: Resumption?
        if let resume {
            do {
                resumption = try ResumeFile.read(resume, content: content)
            } catch {
                Console.error("decision-aid: \(error.message)")
                throw ExitCode(error.status)
            }
            settings = resumption?.settings(settings) ?? settings
        }
        let environment = Environment.read(["TERM", "ACCESSIBLE", "LC_ALL", "LC_CTYPE", "LANG"])
        if Self.wantsPlain(flag: plain, kiosk: kiosk, term: environment["TERM"], accessible: environment["ACCESSIBLE"],
                           inputIsTerminal: Environment.isTerminal(0), outputIsTerminal: Environment.isTerminal(1)) {
            settings.frontEnd = .lines
            let status = PlainAid.run(content: content, settings: settings, environment: environment, resume: resumption)
            if status != 0 { throw ExitCode(status) }
            return
        }
        // Called synchronously on the main thread, where curses must live.
        let chosen = settings, resuming = resumption
        let status = MainActor.assumeIsolated {
            InteractiveAid.run(content: content, settings: chosen, noColor: noColor, mouse: mouse, resume: resuming)
        }
        if status != 0 { throw ExitCode(status) }
    }
}
