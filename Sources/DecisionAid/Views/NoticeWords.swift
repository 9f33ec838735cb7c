/// The screen's words for the status row's notices (the model holds only
/// what happened; see Notice).
extension Notice {
    public var text: String {
        switch self {
        case .printing: return "Printing the summary. You can go on using the aid meanwhile."
        case .printed(let message), .printFailed(let message), .saveFailed(let message): return message
        case .savedSummary(let path): return "Saved the summary to \(path). Only you can read the file."
        case .savedAnswers(let path):
            return "Saved your answers to \(path). Only you can read the file. To go on later, start the aid with: decision-aid --resume \(shellQuoted(path))"
        case .fileNameNeeded(let example): return "Please type a file name, like \(example)."
        case .ratingOutOfRange: return "Rate with 0 (does not matter to me) to 4 (matters very much), or n for not sure."
        case .concernFirst: return "Press Enter to write your own concern first; then rate it 0 to 4."
        case .ratingsAreAbove: return "Numbers rate the statements above. Use Tab to go to another section."
        case .welcomeBack(let from): return Views.welcomeBack(from)
        }
    }

    /// Shown as a warning: something did not happen.
    public var problem: Bool {
        switch self {
        case .printFailed, .saveFailed, .fileNameNeeded, .ratingOutOfRange: return true
        default: return false
        }
    }
}
