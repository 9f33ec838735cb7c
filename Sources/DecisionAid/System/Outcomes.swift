// TEMPORARY until SummaryFile lands.
public enum SaveOutcome: Sendable, Equatable {
    case saved(path: String)
    case exists(path: String)
    case failed(path: String, message: String)
}

public enum PrintOutcome: Sendable, Equatable {
    case sent(String)
    case failed(String)
}
enum SummaryFile {
    static func save(_ text: String, to path: String, overwrite: Bool) -> SaveOutcome { .failed(path: path, message: "not yet") }
    static func print(_ text: String) -> PrintOutcome { .failed("not yet") }
}
