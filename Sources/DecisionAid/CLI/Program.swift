import ArgumentParser

extension DecisionAidCommand {
    /// The program's entry point. It replaces ArgumentParser's `main()` (this
    /// one is found first for `DecisionAidCommand.main()`) so that:
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
        let name = commandName(checked)
        do {
            if let quick = QuickStart(checked) {
                try quick.run()
                return ExitStatus.success
            }
            var command = try parseAsRoot(checked)
            try command.run()
            return ExitStatus.success
        } catch let failure as StreamFailure {
            Console.error("\(name): \(failure.message)")
            return ExitStatus.ioError
        } catch let exit as ExitCode where exit != .success {
            // Checked before exitCode(for:), which builds the help text to decide.
            return exit.rawValue
        } catch {
            if exitCode(for: error) == .success {
                // --help, --version, help COMMAND.
                do {
                    try Console.out(fullMessage(for: error) + "\n")
                } catch {
                    Console.error("\(name): \(error.message)")
                    return ExitStatus.ioError
                }
                return ExitStatus.success
            }
            if let exit = error as? ExitCode { return exit.rawValue }
            // A mistake ArgumentCheck let through: still one line, still exit 2.
            let first = message(for: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? "the command line is not valid"
            var line = first.hasPrefix("Error: ") ? String(first.dropFirst(7)) : first
            while line.hasSuffix(".") { line.removeLast() }
            Console.error("\(name): \(line.echoed(limit: 300)); see '\(name) --help'")
            return ExitStatus.badInput
        }
    }

    /// "decision-aid assess" when the first word is a subcommand.
    static func commandName(_ arguments: [String]) -> String {
        let sub = arguments.first { !$0.hasPrefix("-") }
        if let sub, ArgumentCheck.command(named: sub) != nil { return "decision-aid \(sub)" }
        return "decision-aid"
    }
}
