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
        guard let content = try? ContentLoader.loadEmbedded() else {
            return "decision-aid \(programVersion) (built-in content has problems: run decision-aid check-content)"
        }
        return "decision-aid \(programVersion), content \(content.about.version), reviewed \(content.about.reviewed), review by \(content.about.reviewBy)"
    }()

    @OptionGroup var content: ContentOptions

    @Flag(name: .customLong("no-color"), help: "Use no colour (bold, reverse and underline instead). Also set by NO_COLOR.")
    var noColor = false

    @Flag(name: .customLong("no-mouse"), help: "Do not take mouse clicks, so the terminal's own text selection works.")
    var noMouse = false

    public init() {}

    /// With no subcommand: the interactive aid.
    public func run() throws {
        let content = try self.content.load()
        // ArgumentParser calls run() synchronously on the main thread, where curses must live.
        let noColor = self.noColor, mouse = !noMouse
        let status = MainActor.assumeIsolated {
            InteractiveAid.run(content: content, settings: Settings(), noColor: noColor, mouse: mouse)
        }
        if status != 0 { throw ExitCode(status) }
    }
}
