/// Input in the project's own terms; the curses back end translates key
/// codes into these so views and update never see curses.
public enum Key: Sendable, Equatable {
    case character(Character)   // printable, including space and digits
    case up, down, left, right
    case enter, backspace, delete, tab, backTab, escape
    case home, end, pageUp, pageDown
    case control(Character)      // Ctrl-C arrives as .control("c") under raw()
    case function(Int)           // F1...F12
    case alt(Character)          // Alt plus a key: bound to nothing, and never Escape plus the key
    case click(row: Int, column: Int)
    case scrollUp, scrollDown
    /// Text the terminal marked as pasted (bracketed paste), on one line:
    /// only a text field takes it, so a paste never acts as keys.
    case paste(String)
}

/// Everything that can happen to the interactive program.
public enum Msg: Sendable, Equatable {
    case key(Key)
    case resize(Size)
    /// About twice a second while waiting for a key, with a monotonic clock
    /// reading in seconds: for idle timeouts.
    case tick(now: Double)
    /// What the last drawing measured (see ViewLayout); the run loop sends
    /// it after drawing when it changed.
    case layout(ViewLayout)
    /// The outcome of a save or print effect.
    case saved(SaveOutcome)
    /// The outcome of a saveAnswers effect.
    case savedAnswers(SaveOutcome)
    case printed(PrintOutcome)
}
