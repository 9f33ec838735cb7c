import Content

/// The program's front door: subcommands, or the interactive aid with none.
/// Its options and help are in `ArgumentCheck.root`.
public struct DecisionAidCommand {
    public static let programVersion = "0.1.0"

    static let versionText: String = {
        guard case .success(let content) = ProgramContent.builtIn else {
            return "decision-aid \(programVersion) (built-in content has problems: run decision-aid check-content)"
        }
        return "decision-aid \(programVersion), content \(content.about.version), reviewed \(content.about.reviewed), review by \(content.about.reviewBy)"
    }()

    var content: ContentOptions
    var noColor = false, noMouse = false, plain = false, clinician = false, kiosk = false
    var idleTimeout: Int?
    var printer: String?
    var resume: String?

    /// The aid's options from a checked line; a value that does not read,
    /// or options that do not go together, is the one-line message.
    init(_ line: ParsedLine) throws(ArgumentCheck.Failure) {
        content = ContentOptions(line)
        noColor = line.flag("no-color")
        noMouse = line.flag("no-mouse")
        plain = line.flag("plain")
        clinician = line.flag("clinician")
        kiosk = line.flag("kiosk")
        printer = line.value("printer")
        resume = line.value("resume")
        if let seconds = line.value("idle-timeout") {
            guard let whole = Int(seconds) else {
                throw ArgumentCheck.Failure(command: "decision-aid", message: "--idle-timeout: '\(seconds.echoed(limit: 25))' is not a whole number; allowed: whole seconds from 5 to 86400")
            }
            idleTimeout = whole
        }
        if let problem = Self.problem(kiosk: kiosk, plain: plain, clinician: clinician, idleTimeout: idleTimeout,
                                      printer: printer, contentDirectory: content.directory, resume: resume) {
            var message = problem
            while message.hasSuffix(".") { message.removeLast() }
            throw ArgumentCheck.Failure(command: "decision-aid", message: "\(message.echoed(limit: 300)); see 'decision-aid --help'")
        }
    }

    /// Checks and reads a raw command line for the aid itself (tests).
    static func parse(_ arguments: [String]) throws(ArgumentCheck.Failure) -> DecisionAidCommand {
        try DecisionAidCommand(ParsedLine.parse(arguments).get())
    }

    /// What is wrong with these options together, or nil.
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
        guard let sub = arguments.first(where: ArgumentCheck.subcommandNames.contains) else { return nil }
        return "decision-aid: --kiosk runs only the aid itself; '\(sub)' is not available in kiosk mode (it can read files)"
    }

    /// `--clinician` sets up the interactive aid; a subcommand after it would
    /// run as for anyone and silently drop it, so that is refused. Returns
    /// the message, or nil.
    public static func clinicianRefusal(_ arguments: [String]) -> String? {
        guard arguments.contains("--clinician") else { return nil }
        guard let sub = arguments.first(where: ArgumentCheck.subcommandNames.contains) else { return nil }
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
    func run() throws {
        try Self.start(content: try self.content.load(), settings: settings, plain: plain, kiosk: kiosk,
                       noColor: noColor, mouse: !noMouse, resume: resume)
    }

    /// The aid, plain or full-screen.
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
        let status = InteractiveAid.run(content: content, settings: chosen, noColor: noColor, mouse: mouse, resume: resuming)
        if status != 0 { throw ExitCode(status) }
    }
}
