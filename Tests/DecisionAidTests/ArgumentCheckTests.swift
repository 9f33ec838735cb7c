import Foundation
import Testing
@testable import DecisionAid

/// ArgumentCheck knows the command line's shape; --help is written from it,
/// and the commands read only what it passed.
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
        let help = Help.text(for: command, columns: 200)
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

    @Test func subcommandsMatch() {
        #expect(Set(ArgumentCheck.subcommands.map(\.name) + ["help"]) == Set(ArgumentCheck.root.subcommands))
        #expect(ArgumentCheck.subcommandNames == ArgumentCheck.subcommands.map(\.name))
        for name in ArgumentCheck.root.subcommands {
            #expect(ArgumentCheck.command(named: name)?.name == name)
        }
    }

    /// Every option's help fits 80 columns, with the description at column 27.
    @Test func theHelpFits80Columns() {
        for command in [ArgumentCheck.root, ArgumentCheck.assess, ArgumentCheck.checkContent, ArgumentCheck.rules, ArgumentCheck.helpCommand] {
            let help = Help.text(for: command)
            for line in help.split(separator: "\n") {
                // The usage line of rules and check-content is short; only a
                // long option name may pass 80, on a line of its own.
                #expect(line.count <= 80 || line.hasPrefix("  --"), "\(command.path): \(line)")
            }
            #expect(help.contains("-h, --help"))
            #expect(help.hasPrefix("OVERVIEW: "))
        }
    }

    /// The line is read as the commands need it: values, repeats, flags, --no-x.
    @Test func theCommandsReadWhatTheCheckPassed() throws {
        let line = try ParsedLine.parse(["assess", "--age", "-1", "--therapy", "natalizumab", "--therapy=ocrelizumab",
                                         "--no-serious-comorbidity", "--high-efficacy-contraindicated", "--format", "json"]).get()
        #expect(line.command.path == ArgumentCheck.assess.path)
        let assess = AssessCommand(line)
        #expect(assess.flagValues.map(\.0) == [.age] && assess.flagValues.first?.1 == "-1" && assess.therapies == ["natalizumab", "ocrelizumab"])
        #expect(assess.seriousComorbidity == false && assess.highEfficacyContraindicated == true)
        #expect(assess.format == .json && assess.formatGiven)
        #expect(try ParsedLine.parse(["help", "assess"]).get().helpFor?.path == ArgumentCheck.assess.path)
        #expect(try ParsedLine.parse(["help"]).get().helpFor?.path == ArgumentCheck.root.path)
        #expect(try ParsedLine.parse(["rules", "-h"]).get().helpFor?.path == ArgumentCheck.rules.path)
        #expect(try ParsedLine.parse(["rules"]).get().helpFor == nil)
        #expect(try ParsedLine.parse(["check-content", "--", "--odd-folder"]).get().positionals == ["--odd-folder"])
        let kiosk = try DecisionAidCommand.parse(["--kiosk", "--idle-timeout", "60", "--printer", "clinic-desk", "--no-mouse"])
        #expect(kiosk.kiosk && kiosk.idleTimeout == 60 && kiosk.printer == "clinic-desk" && kiosk.noMouse && !kiosk.noColor)
        #expect(throws: ArgumentCheck.Failure.self) { try DecisionAidCommand.parse(["--kiosk", "--idle-timeout", "soon"]) }
        #expect(throws: ArgumentCheck.Failure.self) { try DecisionAidCommand.parse(["--kiosk", "--idle-timeout", "2"]) }
    }

    /// --format's choices come from OutputFormat, so a new format is known
    /// here and listed in --help at once.
    @Test func clinicianIsAFormatChoice() throws {
        #expect(try ArgumentCheck.check(["assess", "--format", "clinician"]).get() == ["assess", "--format=clinician"])
        #expect(ArgumentCheck.assess.option("format")?.choices == ["text", "json", "markdown", "clinician"])
        let help = Help.text(for: ArgumentCheck.assess, columns: 200)
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
