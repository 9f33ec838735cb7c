import ArgumentParser
import Content

/// `decision-aid check-content [DIR]`: validate content, list every problem.
struct CheckContentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-content",
        abstract: "Check content files and print each problem as file:line: message.",
        discussion: "With no folder, checks the content built into the program. Exits 1 if there are problems."
    )

    @Argument(help: ArgumentHelp("A folder of content YAML files (a reviewer's copy of Assets/content).", valueName: "DIR"))
    var directory: String?

    func run() throws {
        do {
            let content = try ProgramContent.load(directory: directory)
            Console.out("content \(content.about.version) is valid: \(content.sources.count) sources, \(content.studies.count) studies, \(content.risks.count) risks, \(content.checklist.count) checklist items, \(content.glossary.count) glossary terms, \(content.rules.count) rules; reviewed \(content.about.reviewed), review by \(content.about.reviewBy)\n")
        } catch {
            Console.error(error.description)
            Console.error("\(error.problems.count) problem\(error.problems.count == 1 ? "" : "s") found")
            throw ExitCode(1)
        }
    }
}
