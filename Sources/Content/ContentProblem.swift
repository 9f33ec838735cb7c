/// One thing wrong with the content, located so a reviewer can fix it:
/// printed as `file:line: message`.
public struct ContentProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

/// All problems found while loading, so check-content can list every one at once.
public struct ContentError: Error, Sendable, CustomStringConvertible {
    public var problems: [ContentProblem]
    public init(problems: [ContentProblem]) { self.problems = problems }

    /// The same problems with each file named by its path in `directory`, so
    /// an editor can jump to it.
    public func located(in directory: String) -> ContentError {
        ContentError(problems: problems.map { problem in
            var located = problem
            if !problem.file.hasPrefix("/") {
                located.file = (directory.hasSuffix("/") ? directory : directory + "/") + problem.file
            }
            return located
        })
    }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
