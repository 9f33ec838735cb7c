import Content

/// `--content DIR`: load a reviewer's edited copy instead of the built-in
/// content. Only decision-aid-content reads folders (it has the YAML reader);
/// decision-aid says so in one line and exits 2.
struct ContentOptions {
    var directory: String?

    init(_ line: ParsedLine) { directory = line.value("content") }

    /// Loads content, or prints every problem as file:line: message and exits 1.
    func load() throws -> ContentSet {
        if directory != nil && ProgramContent.folderReader == nil {
            Console.error("decision-aid: --content is in decision-aid-content, built beside decision-aid: \(ProgramContent.onlyBuiltIn); run the same command line with decision-aid-content")
            throw ExitCode(ExitStatus.badInput)
        }
        do {
            return try ProgramContent.load(directory: directory)
        } catch {
            Console.error("decision-aid: the content has problems:\n\(error.shown)")
            throw ExitCode(ExitStatus.contentProblems)
        }
    }
}

extension ContentError {
    /// One `file:line: message` a line, each made safe to show: a folder
    /// name or a key from the files may hold control characters.
    var shown: String { problems.map { $0.description.echoed(limit: 1_000) }.joined(separator: "\n") }
}
