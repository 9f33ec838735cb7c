// The curses back end: copies a Frame to the terminal and turns terminal input
// into Msg values. This is the only Swift file that imports CNcurses, so the
// rest of the program never sees a curses type, global or key code.
import CNcurses
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Why the interactive screen could not start. The caller can fall back to
/// plain line mode; nothing here prints or exits.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case unusableTerminal(term: String)
    case alreadyOpen

    public var description: String {
        switch self {
        case .notATerminal:
            return "standard input and output must be a terminal for the interactive screen"
        case .unusableTerminal(let term):
            return term.isEmpty
                ? "TERM is not set, so the terminal type is unknown"
                : "cannot use terminal type TERM=\(term) (unknown, or it cannot move the cursor)"
        case .alreadyOpen:
            return "the terminal screen is already open"
        }
    }
}

@MainActor
public final class CursesScreen {
    public let capabilities: Capabilities
    /// Why nextMessage() returned nil: a signal, or the terminal went away.
    public private(set) var endReason: String?
    /// 143 after SIGTERM, 129 after SIGHUP (128 + signal, as a shell reports);
    /// nil otherwise. The caller passes it to exit() after close().
    public private(set) var signalExitCode: Int32?

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let attributes: [Style: (attrs: attr_t, pair: Int16)]
    private let tickMilliseconds: Int32 = 250
    private var previousActions: [Int32: sigaction]
    private var isClosed = false
    /// Consecutive reads that failed before the timeout ran out (see nextMessage).
    private var earlyFailures = 0
    private static var isOpen = false

    public var size: Size {
        Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, capabilities: Capabilities,
                 attributes: [Style: (attrs: attr_t, pair: Int16)], previousActions: [Int32: sigaction]) {
        self.screen = screen
        self.window = window
        self.capabilities = capabilities
        self.attributes = attributes
        self.previousActions = previousActions
    }

    // MARK: Opening

    public static func open(noColor: Bool, mouse: Bool) throws -> CursesScreen {
        guard !isOpen else { throw TerminalError.alreadyOpen }
        // Checked first: ncurses would happily write escape codes into a pipe or file.
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        setlocale(LC_ALL, "")
        setlocale(LC_NUMERIC, "C")   // ncurses needs only LC_CTYPE; keep "5.5" parsing and printing as is
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard tcgetattr(STDIN_FILENO, savedTermios) == 0 else { throw TerminalError.notATerminal }

        // raw() already passes Ctrl-C/\/Z through as keys; ignoring the signals as
        // well means nothing else (or ncurses' own handlers) can turn them into
        // a kill or a suspend. SIGTERM/SIGHUP only set a flag the loop polls.
        var previous: [Int32: sigaction] = [:]
        for sig in [SIGINT, SIGQUIT, SIGTSTP] { previous[sig] = setAction(sig, handler: SIG_IGN) }
        for sig in [SIGTERM, SIGHUP] { previous[sig] = setAction(sig, handler: { pendingSignal.store($0, ordering: .relaxed) }) }
        func undoSignals() { for (sig, action) in previous { var a = action; sigaction(sig, &a, nil) } }

        // newterm, unlike initscr, returns nil for an unknown TERM instead of exiting.
        guard let output = cn_fdopen_out(), let input = cn_fdopen_in(),
              let screen = newterm(nil, output, input) else {
            undoSignals()
            throw TerminalError.unusableTerminal(term: term)
        }
        // A terminal that cannot address the cursor (dumb, a printer) cannot show a screen.
        guard let window = cn_stdscr(), cn_tigetstr("cup") != nil else {
            endwin(); delscreen(screen); undoSignals()
            throw TerminalError.unusableTerminal(term: term)
        }

        raw()
        noecho()
        keypad(window, true)
        cn_set_escdelay(25)          // Esc must feel instant (default waits 1 s)
        defineCommonKeys()
        curs_set(1)                  // screen readers and magnifiers follow the cursor

        let unicode = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } == "UTF-8"
        let color = !noColor && !noColorRequested() && has_colors() && start_color() == OK && cn_colors() >= 8
        let attributes = color ? colorAttributes() : monochromeAttributes()

        if mouse {
            mouseinterval(0)         // report presses at once, no click-detection delay
            mousemask(cn_button1_pressed() | cn_button1_clicked() | cn_button4_pressed() | cn_button5_pressed(), nil)
        }

        let result = CursesScreen(screen: screen, window: window,
                                  capabilities: Capabilities(unicode: unicode, color: color),
                                  attributes: attributes, previousActions: previous)
        wtimeout(window, result.tickMilliseconds)  // wake regularly: ticks, signal flags
        armEmergencyRestore(mouse: mouse)
        // One-shot (SA_RESETHAND): the default action is back in place when the
        // handler re-raises, so the process still dies of the same signal.
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            result.previousActions[sig] = setAction(sig, handler: { sig in emergencyRestore(); raise(sig) },
                                                    flags: Int32(bitPattern: UInt32(SA_RESETHAND)))
        }
        isOpen = true
        return result
    }

    /// Many terminals (PuTTY, tmux, rxvt, xterm under TERM=vt100 or linux) send
    /// keys as sequences their TERM's terminfo does not list; unknown, they
    /// would arrive as Escape followed by "[1~", and Escape means "back". Teach
    /// ncurses the common ones, unless the terminfo already binds them to a key
    /// we use (codes above KEY_MAX are terminfo extensions we ignore anyway).
    private static func defineCommonKeys() {
        var keys: [(String, Int32)] = [
            ("[1~", KEY_HOME), ("[7~", KEY_HOME), ("[H", KEY_HOME), ("OH", KEY_HOME),
            ("[4~", KEY_END), ("[8~", KEY_END), ("[F", KEY_END), ("OF", KEY_END),
            ("[3~", KEY_DC), ("[5~", KEY_PPAGE), ("[6~", KEY_NPAGE), ("[Z", KEY_BTAB),
            ("OP", cn_key_f(1)), ("OQ", cn_key_f(2)), ("OR", cn_key_f(3)), ("OS", cn_key_f(4)),
        ]
        for (index, number) in [15, 17, 18, 19, 20, 21, 23, 24].enumerated() {
            keys.append(("[\(number)~", cn_key_f(Int32(index + 5))))
        }
        for (suffix, code) in keys {
            let sequence = "\u{1B}" + suffix
            let existing = key_defined(sequence)
            if existing == 0 || existing > KEY_MAX { define_key(sequence, code) }
        }
    }

    /// no-color.org: NO_COLOR set to anything non-empty turns colour off.
    private static func noColorRequested() -> Bool {
        guard let value = getenv("NO_COLOR") else { return false }
        return value.pointee != 0
    }

    /// Colour is a second cue only: every style keeps the attribute it has
    /// without colour, so meaning never rests on hue alone.
    private static func colorAttributes() -> [Style: (attrs: attr_t, pair: Int16)] {
        let background: Int16 = use_default_colors() == OK ? -1 : Int16(COLOR_BLACK)
        let pairs: [(Style, Int32, Int16?)] = [
            (.heading, COLOR_CYAN, nil), (.selected, COLOR_WHITE, Int16(COLOR_BLUE)),
            (.warning, COLOR_RED, nil), (.good, COLOR_GREEN, nil),
            (.emphasis, COLOR_MAGENTA, nil), (.link, COLOR_CYAN, nil),
        ]
        var result = monochromeAttributes()
        for (index, (style, foreground, back)) in pairs.enumerated() {
            let pair = Int16(index + 1)
            init_pair(pair, Int16(foreground), back ?? background)
            result[style]?.pair = pair
        }
        // Dim is readable as grey on colour terminals; selected keeps bold on blue
        // rather than reverse so the bar stays high-contrast on light and dark themes.
        result[.muted] = (cn_a_dim(), 0)
        result[.selected]?.attrs = cn_a_bold()
        return result
    }

    /// Without colour: selected=reverse, heading/good/emphasis=bold,
    /// warning=bold+underline, link=underline; muted stays normal because dim
    /// is unreadable or missing on monochrome terminals.
    private static func monochromeAttributes() -> [Style: (attrs: attr_t, pair: Int16)] {
        [
            .normal: (cn_a_normal(), 0), .heading: (cn_a_bold(), 0), .selected: (cn_a_reverse(), 0),
            .muted: (cn_a_normal(), 0), .warning: (cn_a_bold() | cn_a_underline(), 0), .good: (cn_a_bold(), 0),
            .emphasis: (cn_a_bold(), 0), .link: (cn_a_underline(), 0),
        ]
    }

    // MARK: Drawing

    public func draw(_ frame: Frame) {
        guard !isClosed else { return }
        werase(window)
        let rows = min(frame.size.height, Int(getmaxy(window)))
        let columns = min(frame.size.width, Int(getmaxx(window)))
        for row in 0..<rows {
            // ASCII cells are written in runs of one style (fast); anything else
            // one cell at a time at its own column, so a width disagreement
            // between Frame and ncurses cannot shift the rest of the line.
            var run = "", runStart = 0, runStyle = Style.normal
            func flush() {
                if !run.isEmpty { write(run, row: row, column: runStart, style: runStyle) }
                run = ""
            }
            for column in 0..<columns {
                let cell = frame[row, column]
                if cell.text.isEmpty { continue }                 // right half of a wide character
                if cell.text.utf8.count == 1, let byte = cell.text.utf8.first, byte >= 0x20, byte < 0x7F {
                    if run.isEmpty || cell.style != runStyle || runStart + run.utf8.count != column {
                        flush(); runStart = column; runStyle = cell.style
                    }
                    run.append(cell.text)
                    continue
                }
                flush()
                let wide = Frame.width(of: Character(cell.text)) == 2
                if wide && column + 1 >= columns { continue }       // would not fit: leave blank
                write(printable(cell.text), row: row, column: column, style: cell.style)
            }
            flush()
        }
        if let cursor = frame.cursor, cursor.row >= 0, cursor.row < rows, cursor.column >= 0, cursor.column < columns {
            wmove(window, Int32(cursor.row), Int32(cursor.column))
            curs_set(1)
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func write(_ text: String, row: Int, column: Int, style: Style) {
        let (attrs, pair) = attributes[style] ?? (cn_a_normal(), 0)
        wattr_set(window, attrs, pair, nil)
        mvwaddnstr(window, Int32(row), Int32(column), text, -1)
    }

    /// Control characters would move the cursor, and UTF-8 in a non-UTF-8
    /// locale would be shown as several escape cells: draw "?" instead.
    private func printable(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, first.value >= 0x20, first.value != 0x7F,
              !(0x80..<0xA0).contains(first.value) else { return "?" }
        return capabilities.unicode || first.isASCII ? text : "?"
    }

    // MARK: Input

    /// Waits up to about a quarter of a second. nil means the program must end
    /// (see endReason and signalExitCode); it then keeps returning nil.
    public func nextMessage() -> Msg? {
        while !isClosed {
            if let reason = pendingEnd() { return end(reason) }
            let started = monotonicSeconds()
            var code: wint_t = 0
            let result = wget_wch(window, &code)
            if let reason = pendingEnd() { return end(reason) }

            if result == ERR {
                let now = monotonicSeconds()
                if now - started >= Double(tickMilliseconds) / 2000 {
                    earlyFailures = 0
                    return .tick(now: now)
                }
                // ERR long before the timeout: a signal, an invalid byte, or a dead
                // terminal. After an ssh drop read() fails at once forever, which
                // would spin the CPU, so check the terminal and give up soon.
                if terminalIsGone() { return end("the terminal was disconnected") }
                earlyFailures += 1
                if earlyFailures >= 100 { return end("input keeps failing; the terminal seems lost") }
                usleep(10_000)
                continue
            }
            earlyFailures = 0
            if let message = translate(code: code, isFunctionKey: result == KEY_CODE_YES) { return message }
        }
        return nil
    }

    private func translate(code: wint_t, isFunctionKey: Bool) -> Msg? {
        let value = Int32(bitPattern: code)
        if isFunctionKey {
            switch value {
            case KEY_RESIZE: return .resize(size)
            case KEY_MOUSE: return mouseMessage()
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_ENTER: return .key(.enter)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_DC: return .key(.delete)
            case KEY_BTAB: return .key(.backTab)
            case KEY_HOME, KEY_FIND, KEY_A1: return .key(.home)
            case KEY_END, KEY_SELECT, KEY_C1: return .key(.end)
            case KEY_PPAGE, KEY_A3: return .key(.pageUp)
            case KEY_NPAGE, KEY_C3: return .key(.pageDown)
            case cn_key_f(1)...cn_key_f(12): return .key(.function(Int(value - cn_key_f(0))))
            default: return nil                                  // keys the aid does not use
            }
        }
        switch value {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 27: return .key(.escape)
        case 1...26: return .key(.control(Character(Unicode.Scalar(UInt8(value) + 0x60))))
        case 28...31: return .key(.control(Character(Unicode.Scalar(UInt8(value) + 0x40))))
        case 0..<32, 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    private func mouseMessage() -> Msg? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        if event.bstate & cn_button4_pressed() != 0 { return .key(.scrollUp) }
        if event.bstate & cn_button5_pressed() != 0 { return .key(.scrollDown) }
        if event.bstate & (cn_button1_pressed() | cn_button1_clicked()) != 0 {
            return .key(.click(row: Int(event.y), column: Int(event.x)))
        }
        return nil
    }

    private func pendingEnd() -> String? {
        if endReason != nil { return endReason }
        switch pendingSignal.load(ordering: .relaxed) {
        case SIGTERM: signalExitCode = 128 + SIGTERM; return "terminated (SIGTERM)"
        case SIGHUP: signalExitCode = 128 + SIGHUP; return "the terminal hung up (SIGHUP)"
        default: return nil
        }
    }

    private func end(_ reason: String) -> Msg? {
        endReason = reason
        return nil
    }

    private func terminalIsGone() -> Bool {
        if isatty(STDIN_FILENO) != 1 { return true }
        var probe = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&probe, 1, 0) > 0 && probe.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// The monotonic clock in seconds, as ticks report it.
    public func now() -> Double { monotonicSeconds() }

    private func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    // MARK: Closing

    /// Puts the terminal back as it was. Safe to call more than once.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        // The Linux console has no alternate screen: without this the last
        // screen (someone's answers) would stay visible after the program ends.
        if cn_tigetstr("smcup") == nil {
            wattr_set(window, cn_a_normal(), 0, nil)
            wclear(window)
            wrefresh(window)
        }
        endwin()
        delscreen(screen)
        disarmEmergencyRestore()
        tcsetattr(STDIN_FILENO, TCSADRAIN, savedTermios)
        for (sig, action) in previousActions {
            var a = action
            sigaction(sig, &a, nil)
        }
        CursesScreen.isOpen = false
    }
}

// MARK: - Signal-safe state
//
// Signal handlers cannot capture context, so the little they touch lives in
// globals set up before any handler can run: an atomic for the pending
// signal, and preallocated memory for the emergency terminal restore.

private let pendingSignal = Atomic<Int32>(0)
private let restoreArmed = Atomic<Bool>(false)
private let resetLength = Atomic<Int>(0)
private let resetCapacity = 512
nonisolated(unsafe) private let savedTermios = UnsafeMutablePointer<termios>.allocate(capacity: 1)
nonisolated(unsafe) private let resetBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: resetCapacity)
private let exitHookInstalled = Atomic<Bool>(false)

@discardableResult
private func setAction(_ sig: Int32, handler: sighandler_t?, flags: Int32 = 0) -> sigaction {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = handler
    sigemptyset(&action.sa_mask)
    action.sa_flags = flags        // no SA_RESTART: a signal should wake a blocked read
    var old = sigaction()
    sigaction(sig, &action, &old)
    return old
}

/// Async-signal-safe: only tcsetattr and write on memory prepared at open.
private func emergencyRestore() {
    guard restoreArmed.exchange(false, ordering: .relaxed) else { return }
    tcsetattr(STDIN_FILENO, TCSANOW, savedTermios)
    _ = write(STDOUT_FILENO, resetBytes, resetLength.load(ordering: .relaxed))
}

/// Prepares the bytes that undo what the screen changed, for a process that
/// ends by a trap, abort or exit() without close().
@MainActor
private func armEmergencyRestore(mouse: Bool) {
    var sequence = [UInt8]()
    func add(_ capability: String) {
        guard let value = cn_tigetstr(capability) else { return }
        sequence += stripPadding(Array(String(cString: value).utf8))
    }
    add("sgr0")
    add("cnorm")
    add("rmkx")
    if mouse { sequence += Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l".utf8) }
    if cn_tigetstr("rmcup") != nil { add("rmcup") } else { add("clear") }
    let count = min(sequence.count, resetCapacity)
    for index in 0..<count { resetBytes[index] = sequence[index] }
    resetLength.store(count, ordering: .relaxed)
    restoreArmed.store(true, ordering: .relaxed)

    // atexit cannot be undone, so install it once; disarming makes it a no-op.
    if !exitHookInstalled.exchange(true, ordering: .relaxed) {
        atexit { emergencyRestore() }
    }
}

private func disarmEmergencyRestore() {
    restoreArmed.store(false, ordering: .relaxed)
}

/// terminfo strings may contain delays like "$<2>" that only tputs understands.
private func stripPadding(_ bytes: [UInt8]) -> [UInt8] {
    var result = [UInt8](), index = 0
    while index < bytes.count {
        if bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "<"),
           let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) {
            index = close + 1
        } else {
            result.append(bytes[index]); index += 1
        }
    }
    return result
}
