/// Checks the command line before swift-argument-parser sees it, so every
/// mistake gets the bad-input contract: exit 2 and ONE line naming the
/// option, what was wrong and what is allowed. The parser alone reads
/// `--age -1` as a missing value, says an unknown option over four lines
/// with exit 64, and lets a repeated option's last value win silently.
///
/// It also hands the parser a tidy line: each value attached as
/// `--age=-1` (so a value that starts with '-' is a value), and an option
/// given twice with the same value only once.
enum ArgumentCheck {
    struct Option {
        var name: String
        var takesValue: Bool
        var repeatable = false
        /// For messages when the value is missing: what is allowed.
        var allowed: String = "a value"
        /// The only values allowed, if the option is a choice.
        var choices: [String]? = nil
        /// The answer field, for its messages (`--age: ...`).
        var field: AnswerField? = nil
        /// `--x` and `--no-x` share a group: giving both is a contradiction.
        var group: String? = nil
        /// Not suggested in "did you mean" (ArgumentParser's hidden options).
        var hidden = false
    }

    struct Command {
        var path: String
        var options: [Option]
        var subcommands: [String] = []
        var positionals = 0
        var positionalName = ""

        func option(_ name: String) -> Option? { options.first { $0.name == name } }
    }

    struct Failure: Error, Equatable {
        /// "decision-aid assess"
        var command: String
        var message: String
        var line: String { "\(command): \(message)" }
    }

    // MARK: The command line's shape (a test checks it against --help)

    static let help = Option(name: "help", takesValue: false)
    /// ArgumentParser accepts --version on every subcommand too.
    static let version = Option(name: "version", takesValue: false)
    static let content = Option(name: "content", takesValue: true, allowed: "a folder of content files")

    static let root = Command(path: "decision-aid", options: [
        content,
        Option(name: "no-color", takesValue: false),
        Option(name: "no-mouse", takesValue: false),
        Option(name: "clinician", takesValue: false),
        Option(name: "kiosk", takesValue: false),
        Option(name: "plain", takesValue: false),
        Option(name: "idle-timeout", takesValue: true, allowed: "whole seconds from 5 to 86400"),
        Option(name: "printer", takesValue: true, allowed: "a CUPS destination such as clinic-desk"),
        Option(name: "resume", takesValue: true, allowed: "the file you saved your answers in with s"),
        version,
        help,
        Option(name: "generate-completion-script", takesValue: true, allowed: "bash, zsh or fish", hidden: true),
    ], subcommands: ["assess", "check-content", "rules", "help"])

    static let assess: Command = {
        var options: [Option] = []
        for field in AnswerField.allCases {
            let name = String(field.flag.dropFirst(2))
            switch field {
            case .highEfficacyContraindicated, .seriousComorbidity:
                options.append(Option(name: name, takesValue: false, field: field, group: name))
                options.append(Option(name: "no-" + name, takesValue: false, field: field, group: name))
            case .therapies:
                options.append(Option(name: name, takesValue: true, repeatable: true, allowed: field.allowed, field: field))
            default:
                options.append(Option(name: name, takesValue: true, allowed: field.allowed, field: field))
            }
        }
        options.append(Option(name: "answers", takesValue: true, allowed: "a JSON file, or - for standard input"))
        options.append(Option(name: "answers-lines", takesValue: true, allowed: "a file of one JSON object per line, or - for standard input"))
        let formats = OutputFormat.allCases.map(\.rawValue)
        options.append(Option(name: "format", takesValue: true, allowed: formats.joined(separator: ", "), choices: formats))
        options.append(content)
        options.append(version)
        options.append(help)
        return Command(path: "decision-aid assess", options: options)
    }()

    static let checkContent = Command(path: "decision-aid check-content", options: [version, help], positionals: 1, positionalName: "folder")
    static let rules = Command(path: "decision-aid rules", options: [content, version, help])
    static let helpCommand = Command(path: "decision-aid help", options: [help], positionals: 1, positionalName: "command")

    static func command(named name: String) -> Command? {
        switch name {
        case "assess": return assess
        case "check-content": return checkContent
        case "rules": return rules
        case "help": return helpCommand
        default: return nil
        }
    }

    // MARK: Checking

    /// The arguments as the parser should see them, or the one-line failure.
    static func check(_ arguments: [String]) -> Result<[String], Failure> {
        var command = root
        var out: [String] = []
        var given: [String: String] = [:]       // option name -> value (flags: "")
        var groups: [String: String] = [:]      // group -> the flag given
        var positionals = 0
        var index = 0
        var onlyPositionals = false

        func fail(_ message: String) -> Result<[String], Failure> { .failure(Failure(command: command.path, message: message)) }

        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if !onlyPositionals && argument == "--" {
                onlyPositionals = true
                out.append(argument)
                continue
            }
            if !onlyPositionals && argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                let inline: String? = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
                guard let option = command.option(name) else {
                    return fail("unknown option '--\(name.echoed())'\(suggestion(name, among: command.options.filter { !$0.hidden }.map(\.name), prefix: "--")) (see '\(command.path) --help')")
                }
                if !option.takesValue {
                    if let inline {
                        return fail("--\(name) takes no value, but was given '\(inline.echoed())'")
                    }
                    if let group = option.group, let other = groups[group], other != name {
                        return fail("--\(other) and --\(name) contradict each other; give one of them")
                    }
                    if let group = option.group { groups[group] = name }
                    if given[name] == nil { out.append("--" + name) }
                    given[name] = ""
                    continue
                }
                // A value: attached with '=', or the next argument unless that is an option.
                let value: String
                if let inline {
                    value = inline
                } else if index < arguments.count, !arguments[index].hasPrefix("--") {
                    value = arguments[index]
                    index += 1
                } else {
                    return fail(missingValue(option))
                }
                if value.allSatisfy(\.isWhitespace) { return fail(missingValue(option)) }
                if let choices = option.choices, !choices.contains(value) {
                    return fail("--\(name): '\(value.echoed())' is not one of the choices; allowed: \(option.allowed)")
                }
                if !option.repeatable, let earlier = given[name] {
                    if earlier == value { continue }
                    return fail("--\(name) was given twice with different values ('\(earlier.echoed(limit: 25))' and '\(value.echoed(limit: 25))'); give it once")
                }
                given[name] = value
                out.append("--\(name)=\(value)")
                continue
            }
            if !onlyPositionals && argument.hasPrefix("-") && argument.count > 1 {
                if argument == "-h" { out.append(argument); continue }
                if DecimalNumber(plain: argument) != nil {
                    return fail("unexpected '\(argument.echoed())'; a number is given after its option, like --age 34")
                }
                return fail("unknown option '\(argument.echoed())'\(suggestion(String(argument.dropFirst()), among: command.options.filter { !$0.hidden }.map(\.name), prefix: "--")) (see '\(command.path) --help')")
            }
            // A word: a subcommand, or a positional argument.
            if !command.subcommands.isEmpty {
                if let next = Self.command(named: argument) {
                    command = next
                    given = [:]
                    groups = [:]
                    out.append(argument)
                    continue
                }
                return fail("unknown command '\(argument.echoed())'\(suggestion(argument, among: command.subcommands, prefix: "")) (commands: \(command.subcommands.joined(separator: ", ")))")
            }
            if positionals < command.positionals {
                if command.path == helpCommand.path, Self.command(named: argument) == nil {
                    return fail("unknown command '\(argument.echoed())'\(suggestion(argument, among: ["assess", "check-content", "rules", "help"], prefix: "")) (commands: assess, check-content, rules, help)")
                }
                positionals += 1
                out.append(argument)
                continue
            }
            if command.positionals > 0 {
                return fail("unexpected argument '\(argument.echoed())'; give only one \(command.positionalName)")
            }
            return fail("unexpected argument '\(argument.echoed())'; options start with --, like --age 34 (see '\(command.path) --help')")
        }
        return .success(out)
    }

    static func missingValue(_ option: Option) -> String {
        if let field = option.field { return AnswerError(field, "no value was given; allowed: \(field.allowed)").flagMessage }
        return "--\(option.name): no value was given; allowed: \(option.allowed)"
    }

    /// "; did you mean '--age'?" for the nearest name, if one is near enough.
    static func suggestion(_ typed: String, among names: [String], prefix: String) -> String {
        let typedLower = typed.lowercased()
        guard !typedLower.isEmpty else { return "" }
        var best: (name: String, distance: Int)? = nil
        for name in names {
            var distance = editDistance(Array(typedLower.prefix(80)), Array(name))
            if name.hasPrefix(typedLower) && typedLower.count >= 3 { distance = min(distance, 1) }
            if distance < (best?.distance ?? Int.max) { best = (name, distance) }
        }
        guard let best, best.distance <= max(2, typedLower.count / 3) else { return "" }
        return "; did you mean '\(prefix)\(best.name)'?"
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
