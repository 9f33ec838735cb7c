import Content
#if canImport(Glibc)
import Glibc
#endif

enum OutputFormat: String, CaseIterable {
    case text, json, markdown, clinician
}

/// `decision-aid assess`: answers in, assessment out, no terminal needed.
/// Its options and help are in `ArgumentCheck.assess`.
struct AssessCommand {
    /// The answers given as options with a value, in the contract's order
    /// (`--age 34`); treatments and the yes-or-no answers apart.
    var flagValues: [(AnswerField, String)] = []
    var therapies: [String] = []
    var highEfficacyContraindicated, seriousComorbidity: Bool?
    var answersFile, answersLines: String?
    var format: OutputFormat = .text
    /// --format given on the line (--answers-lines takes only json).
    var formatGiven = false
    var content: ContentOptions

    init(_ line: ParsedLine) {
        for field in AnswerField.allCases {
            switch field {
            case .therapies: therapies = line.values(field.optionName)
            case .highEfficacyContraindicated:
                highEfficacyContraindicated = line.flag(field.optionName) ? true : line.flag("no-" + field.optionName) ? false : nil
            case .seriousComorbidity:
                seriousComorbidity = line.flag(field.optionName) ? true : line.flag("no-" + field.optionName) ? false : nil
            default:
                if let value = line.value(field.optionName) { flagValues.append((field, value)) }
            }
        }
        answersFile = line.value("answers")
        answersLines = line.value("answers-lines")
        // The check let only OutputFormat's names through.
        format = line.value("format").flatMap(OutputFormat.init(rawValue:)) ?? .text
        formatGiven = line.flag("format")
        content = ContentOptions(line)
    }

    func run() throws {
        let content = try self.content.load()
        if let answersLines { return try runLines(answersLines, content: content) }
        let answers: Answers
        do {
            answers = try collectAnswers()
        } catch let error as AnswerError {
            Console.error("decision-aid assess: \(answersFile != nil && error.field != nil && !flagGiven(error.field) ? error.jsonMessage : error.flagMessage)")
            throw ExitCode(2)
        }
        let summary = SummaryInput(answers: answers, content: content, today: Day.today())
        switch format {
        case .text: try Console.out(SummaryDocument.render(summary, format: .text))
        case .json: try Console.out(AssessmentJSON.render(Assessor.assess(answers, content: content), content: content))
        case .markdown: try Console.out(SummaryDocument.render(summary, format: .markdown))
        case .clinician: try Console.out(ClinicianSummary.render(summary))
        }
    }

    /// --answers-lines: every set in the file, one JSON line each. The answers
    /// come only from the file, and the output is always JSON lines.
    private func runLines(_ path: String, content: ContentSet) throws {
        guard flagValues.isEmpty, therapies.isEmpty, highEfficacyContraindicated == nil, seriousComorbidity == nil, answersFile == nil else {
            Console.error("decision-aid assess: --answers-lines takes every answer from its file; give no answer flags and no --answers with it")
            throw ExitCode(2)
        }
        guard format == .json || !formatGiven else {
            Console.error("decision-aid assess: --answers-lines always writes one JSON assessment per line; leave out --format or give --format json")
            throw ExitCode(2)
        }
        let fd: Int32
        let name: String
        if path == "-" {
            (fd, name) = (STDIN_FILENO, "standard input")
        } else {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            name = "'\(path.echoed())'"
            if fd < 0 {
                Console.error("decision-aid assess: --answers-lines: cannot read \(name) (\(StreamFailure.reason(errno)))")
                throw ExitCode(2)
            }
            var info = stat()
            if fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR {
                close(fd)
                Console.error("decision-aid assess: --answers-lines: \(name) is a folder; give a file with one JSON object per line, or - for standard input")
                throw ExitCode(2)
            }
        }
        defer { if fd != STDIN_FILENO { close(fd) } }
        let tally = try AnswerLines.run(fd, name: name, content: content)
        if tally.failed > 0 {
            Console.error("decision-aid assess: \(tally.failed) of \(tally.failed + tally.assessed) lines could not be assessed; each has an error object in the output")
            throw ExitCode(2)
        }
    }

    private func flagGiven(_ field: AnswerField?) -> Bool {
        guard let field else { return false }
        return flagValues.contains { $0.0 == field } || (field == .therapies && !therapies.isEmpty)
    }

    func collectAnswers() throws -> Answers {
        var answers = Answers()
        if let answersFile { answers = try AnswersJSON.parse(try readAnswers(answersFile)) }
        for (field, value) in flagValues { try AnswerParser.set(field, from: value, in: &answers) }
        if !therapies.isEmpty { try AnswerParser.setTherapies(therapies, in: &answers) }
        if let highEfficacyContraindicated { answers.highEfficacyContraindicated = highEfficacyContraindicated }
        if let seriousComorbidity { answers.seriousComorbidity = seriousComorbidity }
        try AnswerParser.crossCheck(answers)
        return answers
    }

    /// The most an answers file may hold: a full set of answers is under 1 KB.
    static let answersLimit = 1 << 20

    /// Reads the answers file, or standard input for "-", stopping after
    /// 1 MB (so /dev/zero cannot grow memory). A file that cannot be opened
    /// is bad input (exit 2); a read that fails part way is an I/O error (74).
    private func readAnswers(_ path: String) throws -> [UInt8] {
        let fd: Int32
        let name: String
        if path == "-" {
            fd = STDIN_FILENO
            name = "standard input"
        } else {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            name = "'\(path.echoed())'"
            if fd < 0 {
                throw AnswerError(nil, "--answers: cannot read \(name) (\(StreamFailure.reason(errno)))")
            }
            var info = stat()
            if fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR {
                close(fd)
                throw AnswerError(nil, "--answers: \(name) is a folder; give a JSON file, or - for standard input")
            }
        }
        defer { if fd != STDIN_FILENO { close(fd) } }
        switch BoundedRead.readAll(fd, limit: Self.answersLimit) {
        case .data(let bytes): return bytes
        case .tooLarge:
            throw AnswerError(nil, "--answers: \(name) holds more than 1 MB, so reading stopped; the answers are a small JSON object like {\"age\": 34}")
        case .failed(let code):
            throw StreamFailure(stream: name, code: code, reading: true)
        case .notAFile:
            throw AnswerError(nil, "--answers: \(name) is not a file")
        }
    }
}

extension Day {
    /// Today's date where the program runs, in the local time zone (TZ and
    /// /etc/localtime, read by the C library).
    static func today() -> Day {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else { return Day(year: 1970, month: 1, day: 1) }
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }
}
