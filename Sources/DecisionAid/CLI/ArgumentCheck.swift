/// The command line: its shape (commands, options, their help), and the one
/// check every line goes through, so every mistake gets the bad-input
/// contract: exit 2 and ONE line naming the option, what was wrong and what
/// is allowed. `--age -1` is a value, not a missing one; an option given
/// twice with different values is refused, with the same value kept once.
///
/// The program parses its own command line (no swift-argument-parser, which
/// would link FoundationEssentials and cost memory at start): `check` gives
/// a tidy line (`--age=-1`), `ParsedLine` reads it, and `Help` writes
/// `--help` from the same shape, so what is checked and what is listed
/// cannot drift apart.
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
        /// Not suggested in "did you mean", not listed in --help.
        var hidden = false
        /// What --help says about it, and the name of its value (`<YEARS>`).
        var help = ""
        var valueName = "VALUE"
    }

    struct Command {
        var path: String
        var options: [Option]
        var subcommands: [String] = []
        var positionals = 0
        var positionalName = ""
        /// What --help says: one line, then paragraphs.
        var abstract = ""
        var discussion = ""
        /// --help's name for the positional argument (`<DIR>`) and what it is.
        var positionalValue = ""
        var positionalHelp = ""

        /// "assess" (the last word of the path), or "" for the program itself.
        var name: String { path == "decision-aid" ? "" : String(path.split(separator: " ").last ?? "") }

        func option(_ name: String) -> Option? { options.first { $0.name == name } }
    }

    struct Failure: Error, Equatable {
        /// "decision-aid assess"
        var command: String
        var message: String
        var line: String { "\(command): \(message)" }
    }

    // MARK: The command line's shape

    static let help = Option(name: "help", takesValue: false, help: "Show help information.")
    /// Every command takes --version too.
    static let version = Option(name: "version", takesValue: false, help: "Show the version.")
    static let content = Option(name: "content", takesValue: true, allowed: "a folder of content files",
                                help: "Load content from this folder instead of the built-in copy (decision-aid-content only).",
                                valueName: "DIR")

    static let root = Command(path: "decision-aid", options: [
        content,
        Option(name: "no-color", takesValue: false, help: "Use no colour (bold, reverse and underline instead). Also set by NO_COLOR."),
        Option(name: "no-mouse", takesValue: false, help: "Do not take mouse clicks, so the terminal's own text selection works."),
        Option(name: "plain", takesValue: false, help: "Plain lines only, for screen readers, braille displays and simple terminals: each question, its numbered answers, then a prompt. Also chosen when TERM=dumb, when ACCESSIBLE is set, or when input or output is not a terminal."),
        Option(name: "clinician", takesValue: false, help: "For a neurologist in a consultation: the exact EDSS instead of walking bands, full citations, the rules that fired with their ids and guidelines, and the whole width of wide terminals."),
        Option(name: "kiosk", takesValue: false, help: "Run as a locked clinic terminal: nothing is saved, nothing ends the program (q starts over), and each person is wiped after --idle-timeout."),
        Option(name: "idle-timeout", takesValue: true, allowed: "whole seconds from 5 to 86400",
               help: "Kiosk: wipe everything after this many seconds without a key (a countdown shows first).", valueName: "SECONDS"),
        Option(name: "printer", takesValue: true, allowed: "a CUPS destination such as clinic-desk",
               help: "Kiosk: print to this CUPS destination (lp -d DEST). Without it a kiosk cannot print.", valueName: "DEST"),
        Option(name: "resume", takesValue: true, allowed: "the file you saved your answers in with s",
               help: "Open the aid at your answers as you saved them with s, to finish later. A file saved in clinician mode opens in clinician mode.",
               valueName: "FILE"),
        version,
        help,
    ], subcommands: subcommandNames + ["help"],
       abstract: "Think through whether a stem cell transplant (AHSCT) for MS is worth exploring.",
       discussion: "Not medical advice: it shows what published guidelines say about people like you, to talk over with your neurologist.")

    static let assess: Command = {
        var options: [Option] = []
        for field in AnswerField.allCases {
            let name = field.optionName
            switch field {
            case .highEfficacyContraindicated, .seriousComorbidity:
                options.append(Option(name: name, takesValue: false, field: field, group: name, help: fieldHelp(field)))
                options.append(Option(name: "no-" + name, takesValue: false, field: field, group: name))
            case .therapies:
                options.append(Option(name: name, takesValue: true, repeatable: true, allowed: field.allowed, field: field,
                                      help: fieldHelp(field), valueName: "ID"))
            default:
                options.append(Option(name: name, takesValue: true, allowed: field.allowed, field: field,
                                      help: fieldHelp(field), valueName: fieldValueName(field)))
            }
        }
        options.append(Option(name: "answers", takesValue: true, allowed: "a JSON file, or - for standard input",
                              help: "Read answers as JSON from FILE (- for standard input).", valueName: "FILE"))
        options.append(Option(name: "answers-lines", takesValue: true, allowed: "a file of one JSON object per line, or - for standard input",
                              help: "Assess many sets at once: one JSON answers object per line of FILE (- for standard input), one JSON assessment per line out, in order; a bad line gets an error object with its line number, and the rest go on (exit 2 if any failed).",
                              valueName: "FILE"))
        let formats = OutputFormat.allCases.map(\.rawValue)
        options.append(Option(name: "format", takesValue: true, allowed: formats.joined(separator: ", "), choices: formats,
                              help: "Output: text or markdown (a one-page summary to bring to your neurologist), clinician (a one-page printout for the neurologist: answers as given, the rules that fired with full citations), or json. (values: \(formats.joined(separator: ", ")); default: text)",
                              valueName: "FORMAT"))
        options.append(content)
        options.append(version)
        options.append(help)
        return Command(path: "decision-aid assess", options: options,
                       abstract: "Print what the guidelines say for a set of answers.",
                       discussion: """
                       Give answers as flags, or as JSON with --answers FILE (- for standard input); \
                       flags override the file. An answer left out counts as not answered: the result \
                       then says which answers are needed. Not medical advice.

                       Therapy ids: none, \(TherapyIDs.all.joined(separator: ", ")).
                       Example: decision-aid assess --age 34 --subtype relapsing-remitting \
                       --relapses-last-12-months 2 --walking unlimited --years-since-diagnosis 4 \
                       --therapy ocrelizumab --active-on-treatment yes --no-serious-comorbidity
                       """)
    }()

    /// What `assess --help` says about an answer's option.
    static func fieldHelp(_ field: AnswerField) -> String {
        switch field {
        case .age: return "Age in years: \(field.allowed)."
        case .subtype: return "MS type: \(field.allowed)."
        case .relapsesLast12Months: return "Relapses in the last 12 months: \(field.allowed)."
        case .newMRIActivityLast12Months: return "New or active MRI lesions in the last 12 months: \(field.allowed)."
        case .walking: return "Walking ability: \(field.allowed)."
        case .edss: return "Exact EDSS score (wins over --walking): \(field.allowed)."
        case .disabilityFromRecentRelapse: return "Did the disability come on with a recent relapse: \(field.allowed)."
        case .yearsSinceDiagnosis: return "Years since diagnosis: \(field.allowed)."
        case .therapies: return "A treatment tried (repeat for each), or none."
        case .activeOnTreatment: return "Did the activity of the last 12 months come while on a high-efficacy (or cladribine or S1P) drug: yes (after 6+ months on it), early (only in the first 6 months), no, unsure."
        case .highEfficacyContraindicated: return "A doctor has ruled out high-efficacy treatment."
        case .seriousComorbidity: return "Serious heart, lung, liver or kidney disease."
        }
    }

    static func fieldValueName(_ field: AnswerField) -> String {
        switch field {
        case .age, .yearsSinceDiagnosis: return "YEARS"
        case .subtype: return "TYPE"
        case .relapsesLast12Months: return "N"
        case .walking: return "ABILITY"
        case .edss: return "SCORE"
        case .therapies: return "ID"
        default: return "ANSWER"
        }
    }

    static let checkContent = Command(
        path: "decision-aid check-content", options: [version, help], positionals: 1, positionalName: "folder",
        abstract: "Check content files and print each problem as file:line: message.",
        discussion: "With no folder, checks the content built into the program. Checking a folder (a reviewer's copy) is done by decision-aid-content, which has the YAML reader. Exits 1 if there are problems.",
        positionalValue: "DIR", positionalHelp: "A folder of content YAML files (a reviewer's copy of Assets/content).")
    static let rules = Command(path: "decision-aid rules", options: [content, version, help],
                               abstract: "Print the candidacy rules with their reasons and sources, for a clinician to audit.")
    static let helpCommand = Command(path: "decision-aid help", options: [help], positionals: 1, positionalName: "command",
                                     abstract: "Show help for the program or one of its commands.",
                                     positionalValue: "COMMAND", positionalHelp: "assess, check-content or rules.")

    /// The commands --help lists, in its order.
    static let subcommands = [assess, checkContent, rules]
    /// Their names, known without building them (the kiosk's and the
    /// clinician's refusals run at every start of the aid).
    static let subcommandNames = ["assess", "check-content", "rules"]

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
