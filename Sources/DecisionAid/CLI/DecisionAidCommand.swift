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

    static var versionText: String {
        guard let content = try? ContentLoader.loadEmbedded() else {
            return "decision-aid \(programVersion) (built-in content has problems: run decision-aid check-content)"
        }
        return "decision-aid \(programVersion), content \(content.about.version), reviewed \(content.about.reviewed), review by \(content.about.reviewBy)"
    }

    @OptionGroup var content: ContentOptions

    public init() {}

    public func run() throws {
        _ = try content.load()
        Console.out("""
        decision-aid: the interactive screens are not built yet.
        For now, try:
          decision-aid assess --help     what the guidelines say for a set of answers
          decision-aid rules             the rule table with sources
          decision-aid check-content     check the content files

        """)
    }
}
