import ArgumentParser
import Content
import Foundation

/// `--content DIR`: load a reviewer's edited copy instead of the built-in content.
public struct ContentOptions: ParsableArguments {
    @Option(name: .customLong("content"), help: ArgumentHelp("Load content from this folder instead of the built-in copy.", valueName: "DIR"))
    public var directory: String?

    public init() {}

    /// Loads content, or prints every problem as file:line: message and exits 1.
    func load() throws -> ContentSet {
        do {
            return try ProgramContent.load(directory: directory)
        } catch {
            Console.error("decision-aid: the content has problems:\n\(error.shown)")
            throw ExitCode(1)
        }
    }
}

extension ContentError {
    /// One `file:line: message` a line, each made safe to show: a folder
    /// name or a key from the files may hold control characters.
    var shown: String { problems.map { $0.description.echoed(limit: 1_000) }.joined(separator: "\n") }
}
