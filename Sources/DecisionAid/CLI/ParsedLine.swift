/// A command line that `ArgumentCheck.check` passed, read into the command it
/// names and its options' values. Reading it cannot fail: every mistake was
/// refused by the check, in one line, before this.
struct ParsedLine {
    /// The command the line runs: `ArgumentCheck.root` for the aid itself.
    var command = ArgumentCheck.root
    /// Each option given, by name, with its values in order ("" for a flag).
    var options: [String: [String]] = [:]
    var positionals: [String] = []

    /// Reads the tidy line `ArgumentCheck.check` returns (`--name=value`, each
    /// subcommand as a word, `-h` for help).
    init(tidy: [String]) {
        var onlyPositionals = false
        for argument in tidy {
            if onlyPositionals {
                positionals.append(argument)
            } else if argument == "--" {
                onlyPositionals = true
            } else if argument == "-h" {
                options["help", default: []].append("")
            } else if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                let value = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : ""
                options[name, default: []].append(value)
            } else if command.positionals == 0, let next = ArgumentCheck.command(named: argument) {
                // An option given before the command that the command takes
                // too carries over (`--content DIR assess`).
                command = next
                options = options.filter { next.option($0.key) != nil }
            } else {
                positionals.append(argument)
            }
        }
    }

    /// Checks and reads `arguments` as the program does (for tests and callers
    /// that have a raw line).
    static func parse(_ arguments: [String]) -> Result<ParsedLine, ArgumentCheck.Failure> {
        ArgumentCheck.check(arguments).map { ParsedLine(tidy: $0) }
    }

    func flag(_ name: String) -> Bool { options[name] != nil }
    func value(_ name: String) -> String? { options[name]?.last }
    func values(_ name: String) -> [String] { options[name] ?? [] }

    /// --help, -h, or `help [COMMAND]`: the command whose help to show.
    var helpFor: ArgumentCheck.Command? {
        if command.path == ArgumentCheck.helpCommand.path {
            return positionals.first.flatMap(ArgumentCheck.command(named:)) ?? ArgumentCheck.root
        }
        return flag("help") ? command : nil
    }

    var wantsVersion: Bool { flag("version") }
}

/// `--help`, written from the command line's shape (`ArgumentCheck`), so
/// every option that is checked is listed and nothing else is.
enum Help {
    /// Where descriptions start, as the usual command-line help has it.
    static let column = 26

    /// The help for `command`; `program` is the name it was run as
    /// (decision-aid-content takes the same commands).
    static func text(for command: ArgumentCheck.Command, columns: Int = 80, program: String = "decision-aid") -> String {
        var out: [String] = []
        let width = max(columns, 40)
        out += wrap("OVERVIEW: " + command.abstract, width: width)
        if !command.discussion.isEmpty {
            out.append("")
            out += wrap(command.discussion, width: width)
        }
        out.append("")
        out.append("USAGE: " + program + usage(command).dropFirst("decision-aid".count))
        if command.positionals > 0 {
            out.append("")
            out.append("ARGUMENTS:")
            out += entry("<\(command.positionalValue)>", command.positionalHelp, width: width)
        }
        out.append("")
        out.append("OPTIONS:")
        for option in command.options where !option.hidden {
            // A --no-x flag is listed with its --x.
            if let group = option.group, option.name != group { continue }
            var name = "--" + option.name
            if let group = option.group { name += "/--no-" + group }
            if option.takesValue { name += " <\(option.valueName)>" }
            if option.name == "help" { name = "-h, --help" }
            out += entry(name, option.help, width: width)
        }
        if command.path == ArgumentCheck.root.path {
            out.append("")
            out.append("SUBCOMMANDS:")
            for sub in ArgumentCheck.subcommands { out += entry(sub.name, sub.abstract, width: width) }
            out.append("")
            out.append("  See '\(program) help <subcommand>' for detailed help.")
        }
        return out.joined(separator: "\n")
    }

    static func usage(_ command: ArgumentCheck.Command) -> String {
        switch command.path {
        case ArgumentCheck.root.path: return "decision-aid [<options>] [<subcommand>]"
        case ArgumentCheck.assess.path: return "decision-aid assess <options>"
        default:
            var words = [command.path]
            for option in command.options where option.name != "help" && option.name != "version" {
                words.append(option.takesValue ? "[--\(option.name) <\(option.valueName)>]" : "[--\(option.name)]")
            }
            if command.positionals > 0 { words.append("[<\(command.positionalValue)>]") }
            return words.joined(separator: " ")
        }
    }

    /// "  --age <YEARS>           Age in years: ..." with the description
    /// wrapped at `column`; a long name gets a line of its own.
    static func entry(_ name: String, _ help: String, width: Int) -> [String] {
        let indent = String(repeating: " ", count: column)
        let lines = wrap(help, width: width - column)
        var out: [String] = []
        var head = "  " + name
        if head.count + 2 > column {
            out.append(head)
            head = ""
        }
        for (index, line) in lines.enumerated() {
            if index == 0 && !head.isEmpty {
                out.append(head + String(repeating: " ", count: column - head.count) + line)
            } else {
                out.append(indent + line)
            }
        }
        if lines.isEmpty && !head.isEmpty { out.append(head) }
        return out
    }
}
