import ArgumentParser
import Foundation
import Testing
@testable import DecisionAid

/// ArgumentCheck knows the command line's shape by itself; these keep it
/// the same shape as the commands ArgumentParser builds from.
@Suite struct ArgumentCheckTests {
    static let commands: [(String, ArgumentCheck.Command)] = [
        ("", ArgumentCheck.root), ("assess", ArgumentCheck.assess),
        ("check-content", ArgumentCheck.checkContent), ("rules", ArgumentCheck.rules),
    ]

    /// Every long option --help lists is known to ArgumentCheck, and every
    /// option ArgumentCheck knows (not hidden) is in --help.
    @Test(arguments: commands.map(\.0))
    func optionsMatchTheHelp(subcommand: String) throws {
        let command = try #require(Self.commands.first { $0.0 == subcommand }?.1)
        let help = subcommand.isEmpty ? DecisionAidCommand.helpMessage(columns: 200) : DecisionAidCommand.helpMessage(for: helpType(subcommand), columns: 200)
        var inHelp = Set<String>()
        let pattern = try NSRegularExpression(pattern: #"--(\[no-\])?([a-z0-9][a-z0-9-]*)"#)
        for match in pattern.matches(in: help, range: NSRange(help.startIndex..., in: help)) {
            let name = (help as NSString).substring(with: match.range(at: 2))
            inHelp.insert(name)
            if match.range(at: 1).location != NSNotFound { inHelp.insert("no-" + name) }
        }
        // Words in the help's prose that look like options but are examples or other commands' options.
        let prose: Set<String> = subcommand == "assess" ? ["age", "subtype", "relapses-last-12-months", "walking", "years-since-diagnosis", "therapy", "active-on-treatment", "no-serious-comorbidity"] : []
        let known = Set(command.options.filter { !$0.hidden }.map(\.name))
        #expect(inHelp.subtracting(prose.intersection(known)).subtracting(known).isEmpty, "in --help but unknown to ArgumentCheck: \(inHelp.subtracting(known))")
        #expect(known.subtracting(inHelp).isEmpty, "known to ArgumentCheck but not in --help: \(known.subtracting(inHelp))")
    }

    func helpType(_ name: String) -> any ParsableCommand.Type {
        switch name {
        case "assess": return AssessCommand.self
        case "check-content": return CheckContentCommand.self
        default: return RulesCommand.self
        }
    }

    @Test func subcommandsMatch() {
        let names = DecisionAidCommand.configuration.subcommands.map { $0.configuration.commandName ?? "" }
        #expect(Set(names + ["help"]) == Set(ArgumentCheck.root.subcommands))
    }

    /// --format's choices come from OutputFormat, so a new format is known
    /// here and listed in --help at once.
    @Test func clinicianIsAFormatChoice() throws {
        #expect(try ArgumentCheck.check(["assess", "--format", "clinician"]).get() == ["assess", "--format=clinician"])
        #expect(ArgumentCheck.assess.option("format")?.choices == ["text", "json", "markdown", "clinician"])
        let help = DecisionAidCommand.helpMessage(for: AssessCommand.self, columns: 200)
        #expect(help.contains("clinician (a one-page printout for the neurologist"))
        #expect(help.contains("values: text, json, markdown, clinician"))
    }

    @Test func valuesAreAttachedAndRepeatsOfTheSameValueDropped() throws {
        let tidy = try ArgumentCheck.check(["assess", "--age", "-1", "--age=-1", "--therapy", "natalizumab", "--therapy", "natalizumab", "--no-serious-comorbidity", "--no-serious-comorbidity"]).get()
        #expect(tidy == ["assess", "--age=-1", "--therapy=natalizumab", "--therapy=natalizumab", "--no-serious-comorbidity"])
    }

    @Test func suggestions() {
        #expect(ArgumentCheck.suggestion("agee", among: ["age", "subtype"], prefix: "--") == "; did you mean '--age'?")
        #expect(ArgumentCheck.suggestion("form", among: ["format", "answers"], prefix: "--") == "; did you mean '--format'?")
        #expect(ArgumentCheck.suggestion("zzzzzz", among: ["age", "subtype"], prefix: "--") == "")
    }
}
