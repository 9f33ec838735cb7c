/// A command's exit status, thrown to end it (0 is never thrown).
struct ExitCode: Error, Equatable {
    let rawValue: Int32
    init(_ rawValue: Int32) { self.rawValue = rawValue }
}

extension DecisionAidCommand {
    /// The program's entry point:
    /// - the command line is checked first (ArgumentCheck): bad input is one
    ///   line and exit 2;
    /// - help and version are written with a checked write, and a write or
    ///   read that fails is one line and exit 74, never a trap;
    /// - only the statuses the README lists are returned: 0, 1, 2, 3 (the plain
    ///   mode's input ended), 74 (and
    ///   the interactive aid's 128 + signal).
    public static func main() {
        main(folderReader: nil)
    }

    /// decision-aid-content's entry point: the same program, able to read a
    /// folder of content YAML (`--content DIR`, `check-content DIR`).
    public static func main(folderReader: ProgramContent.FolderReader?) {
        ProgramContent.folderReader = folderReader
        ProcessSetup.prepare()
        ProcessSetup.exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    /// Runs the command line and returns the exit status.
    static func run(_ arguments: [String]) -> Int32 {
        let checked: [String]
        switch ArgumentCheck.check(arguments) {
        case .success(let tidy): checked = tidy
        case .failure(let failure):
            Console.error(failure.line)
            return ExitStatus.badInput
        }
        if let refusal = kioskRefusal(checked) ?? clinicianRefusal(checked) {
            Console.error(refusal)
            return ExitStatus.badInput
        }
        let line = ParsedLine(tidy: checked)
        let name = line.command.path == ArgumentCheck.helpCommand.path ? ArgumentCheck.root.path : line.command.path
        do {
            if let command = line.helpFor {
                let program = ProgramContent.folderReader == nil ? "decision-aid" : "decision-aid-content"
                try Console.out(Help.text(for: command, program: program) + "\n")
                return ExitStatus.success
            }
            if line.wantsVersion {
                try Console.out(versionText + "\n")
                return ExitStatus.success
            }
            // By name: the aid itself never builds the other commands' shapes
            // (assess's, with its help for every answer, costs a start-up).
            switch line.command.name {
            case "assess": try AssessCommand(line).run()
            case "rules": try RulesCommand(line).run()
            case "check-content": try CheckContentCommand(line).run()
            default: try DecisionAidCommand(line).run()
            }
            return ExitStatus.success
        } catch let failure as ArgumentCheck.Failure {
            Console.error(failure.line)
            return ExitStatus.badInput
        } catch let failure as StreamFailure {
            Console.error("\(name): \(failure.message)")
            return ExitStatus.ioError
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            // Nothing else is thrown; if it were, still one line.
            Console.error("\(name): \(String(describing: error).echoed(limit: 300))")
            return ExitStatus.ioError
        }
    }
}
