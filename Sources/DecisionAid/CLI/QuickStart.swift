import ArgumentParser
import Content

/// Starting the interactive aid without swift-argument-parser, when the
/// command line holds nothing but the aid's own simple options (or nothing
/// at all, as a person starts it). It then starts the aid exactly as the
/// command's run() does (plain lines for TERM=dumb, ACCESSIBLE or no terminal,
/// else the full screen). The parser finds a command's options by
/// reflection, which costs a few milliseconds and pages of the binary before
/// the first frame; this reads the line ArgumentCheck already checked and
/// tidied (`--name=value`). Anything else (a subcommand, --help, --version,
/// --content, --plain, --clinician, an option added later, a value that does
/// not read) returns nil
/// and goes through the parser as before, so messages stay the parser's.
struct QuickStart {
    var noColor = false, noMouse = false, kiosk = false
    var idleTimeout: Int?
    var printer: String?

    init?(_ checked: [String]) {
        for argument in checked {
            switch argument {
            case "--no-color": noColor = true
            case "--no-mouse": noMouse = true
            case "--kiosk": kiosk = true
            default:
                if argument.hasPrefix("--idle-timeout="), let seconds = Int(argument.dropFirst("--idle-timeout=".count)) {
                    idleTimeout = seconds
                } else if argument.hasPrefix("--printer=") {
                    printer = String(argument.dropFirst("--printer=".count))
                } else {
                    return nil
                }
            }
        }
        // A mistake is reported by the parser's path, in its words.
        if DecisionAidCommand.problem(kiosk: kiosk, plain: false, clinician: false, idleTimeout: idleTimeout,
                                      printer: printer, contentDirectory: nil) != nil {
            return nil
        }
    }

    func run() throws {
        let content: ContentSet
        do {
            content = try ProgramContent.load(directory: nil)
        } catch {
            Console.error("decision-aid: the content has problems:\n\(error.shown)")
            throw ExitCode(ExitStatus.contentProblems)
        }
        try DecisionAidCommand.start(content: content,
                                     settings: DecisionAidCommand.settings(kiosk: kiosk, clinician: false, idleTimeout: idleTimeout, printer: printer),
                                     plain: false, kiosk: kiosk, noColor: noColor, mouse: !noMouse)
    }
}
