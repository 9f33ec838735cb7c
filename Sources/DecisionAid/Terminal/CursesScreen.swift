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

public final class CursesScreen {
    public let capabilities: Capabilities
    /// Why nextMessages() returned nil: a signal, or the terminal went away.
    public private(set) var endReason: String?
    /// 128 + the signal's number after a signal that ends the program (143
    /// after SIGTERM, 129 after SIGHUP, as a shell reports); nil otherwise.
    /// The caller passes it to exit() after close().
    public private(set) var signalExitCode: Int32?
    /// Where other threads (a print job) send messages for the loop; posting wakes it.
    public let mailbox = Mailbox()

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    /// Whether styles have colour pairs (see attributes(of:)).
    private let color: Bool
    private let tickMilliseconds: Int32 = 250
    /// How long to wait for the rest of an escape sequence before taking a lone ESC as Escape.
    private let escapeDelayMilliseconds: Int32 = 25
    /// How long a paste may pause before its end mark before it is taken as ended.
    private let pastePauseMilliseconds: Int32 = 1000
    /// The signal actions to put back, in the order they were replaced.
    private var previousActions: [(Int32, sigaction)]
    /// Made when the first input arrives (reading the terminfo keys is not
    /// needed to draw, nor to wait).
    private var decoder: InputDecoder?
    private var inputBuffer: [UInt8] = []
    /// draw()'s buffers, kept between frames to reuse their storage.
    private var buffers = RunBuffers()
    private var lastFrame: Frame?
    /// Set after a resize: the next draw repaints the whole terminal.
    private var needsRepaint = false
    private var isClosed = false
    /// One screen at a time (curses has one terminal), on the thread that opened it.
    private static let isOpen = Atomic<Bool>(false)

    public var size: Size {
        Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, capabilities: Capabilities,
                 previousActions: [(Int32, sigaction)]) {
        self.screen = screen
        self.window = window
        self.capabilities = capabilities
        self.color = capabilities.color
        self.previousActions = previousActions
    }

    // MARK: Opening

    public static func open(noColor: Bool, mouse: Bool) throws -> CursesScreen {
        guard !isOpen.load(ordering: .relaxed) else { throw TerminalError.alreadyOpen }
        // Checked first: ncurses would happily write escape codes into a pipe or file.
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        // ncurses needs only the character set (LC_CTYPE). The rest stays
        // "C": "5.5" is parsed and printed as is, system messages (strerror)
        // are in English like the rest of the aid, and the start loads one
        // locale file, not twelve.
        setlocale(LC_CTYPE, "")
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard tcgetattr(STDIN_FILENO, savedTermios) == 0 else { throw TerminalError.notATerminal }
        guard openWakePipe() else { throw TerminalError.notATerminal }

        // Installed before newterm, so ncurses (which only takes signals still
        // at their default) installs none of its own. See "Signals" below.
        let previous = installSignalHandlers()
        func undoSignals() {
            for (sig, action) in previous.reversed() { var a = action; sigaction(sig, &a, nil) }
        }

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
        // The keypad's "transmit" mode (smkx), as keypad(window, true) would
        // set it, but without what keypad() also does: build ncurses' table
        // for decoding keys, which the aid never asks ncurses to use
        // (InputDecoder reads the keys): 105 K instructions and 245
        // allocations at every start. endwin sends rmkx as it always does,
        // and so does the emergency restore.
        sendInputModes()             // and bracketed paste (see sendInputModes)
        typeahead(-1)                // never abandon a frame half drawn because a key is waiting:
                                     // frames are drawn only when something changed
        curs_set(1)                  // screen readers and magnifiers follow the cursor

        let unicode = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } == "UTF-8"
        let color = !noColor && !noColorRequested() && has_colors() && start_color() == OK && cn_colors() >= 8
        if color { initColorPairs() }

        if mouse {
            // ncurses sends the terminal's own "report the mouse" sequence;
            // InputDecoder reads the reports (SGR or X10).
            mouseinterval(0)
            mousemask(cn_button1_pressed() | cn_button1_clicked() | cn_button4_pressed() | cn_button5_pressed(), nil)
        }

        let result = CursesScreen(screen: screen, window: window,
                                  capabilities: Capabilities(unicode: unicode, color: color, consoleFont: term == "linux" || term.hasPrefix("linux-")),
                                  previousActions: previous)
        armEmergencyRestore(mouse: mouse)
        // One-shot (SA_RESETHAND): the default action is back in place when the
        // handler re-raises, so the process still dies of the same signal.
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            result.previousActions.append((sig, setAction(sig, handler: { sig in emergencyRestore(); raise(sig) },
                                                    flags: Int32(bitPattern: UInt32(SA_RESETHAND)))))
        }
        isOpen.store(true, ordering: .relaxed)
        return result
    }

    /// The key sequences this terminal's terminfo entry lists, for the keys
    /// the aid uses; InputDecoder already knows the common ones, these cover
    /// terminals that send something else.
    private static func terminfoKeys() -> [([UInt8], Key)] {
        var names: [(String, Key)] = [
            ("kcuu1", .up), ("kcud1", .down), ("kcub1", .left), ("kcuf1", .right),
            ("khome", .home), ("kfnd", .home), ("kend", .end), ("kslt", .end),
            ("kdch1", .delete), ("kpp", .pageUp), ("knp", .pageDown), ("kcbt", .backTab), ("kent", .enter),
        ]
        for n in 1...12 { names.append(("kf\(n)", .function(n))) }
        return names.compactMap { name, key in
            guard let value = cn_tigetstr(name) else { return nil }
            let bytes = stripPadding(Array(String(cString: value).utf8))
            return bytes.count >= 2 && bytes[0] == 0x1B ? (bytes, key) : nil
        }
    }

    /// no-color.org: NO_COLOR set to anything non-empty turns colour off.
    private static func noColorRequested() -> Bool {
        guard let value = getenv("NO_COLOR") else { return false }
        return value.pointee != 0
    }

    /// Colour is a second cue only: every style keeps the attribute it has
    /// without colour, so meaning never rests on hue alone. Each style with a
    /// colour has its own pair (1 to 6, made in this order at start).
    private static func colorPair(of style: Style) -> (pair: Int16, foreground: Int32, background: Int16?)? {
        switch style {
        case .normal, .muted: return nil
        case .heading: return (1, COLOR_CYAN, nil)
        case .selected: return (2, COLOR_WHITE, Int16(COLOR_BLUE))
        case .warning: return (3, COLOR_RED, nil)
        case .good: return (4, COLOR_GREEN, nil)
        case .emphasis: return (5, COLOR_MAGENTA, nil)
        case .link: return (6, COLOR_CYAN, nil)
        }
    }

    private static func initColorPairs() {
        let background: Int16 = use_default_colors() == OK ? -1 : Int16(COLOR_BLACK)
        for style in Style.allCases {
            guard let (pair, foreground, back) = colorPair(of: style) else { continue }
            init_pair(pair, Int16(foreground), back ?? background)
        }
    }

    /// A switch, not a dictionary made at start (generic metadata and hashing
    /// cost more than the drawing). Without colour: selected=reverse,
    /// heading/good/emphasis=bold, warning=bold+underline, link=underline;
    /// muted stays normal, as with colour: dim text is hard to read. With
    /// colour, muted text (sources, who was studied, hints) is never dim either:
    /// low contrast is hard to read with MS vision problems; and selected keeps
    /// bold on blue rather than reverse, so the bar stays high-contrast on
    /// light and dark themes.
    private func attributes(of style: Style) -> (attrs: attr_t, pair: Int16) {
        let pair = color ? CursesScreen.colorPair(of: style)?.pair ?? 0 : 0
        switch style {
        case .normal, .muted: return (cn_a_normal(), pair)
        case .heading, .good, .emphasis: return (cn_a_bold(), pair)
        case .selected: return (color ? cn_a_bold() : cn_a_reverse(), pair)
        case .warning: return (cn_a_bold() | cn_a_underline(), pair)
        case .link: return (cn_a_underline(), pair)
        }
    }

    // MARK: Drawing

    /// Forgets what is on the terminal: the screen cleared, and the
    /// terminal's scrollback too (terminfo's E3 where it has one, else
    /// ESC [3J, which the Linux console, xterm and tmux all take), so the
    /// next person cannot scroll back to the last one's answers. The next
    /// draw repaints everything.
    public func wipe() {
        guard !isClosed else { return }
        wattr_set(window, cn_a_normal(), 0, nil)
        wclear(window)
        wrefresh(window)
        let clearScrollback = cn_tigetstr("E3").map { stripPadding(Array(String(cString: $0).utf8)) } ?? Array("\u{1B}[3J".utf8)
        clearScrollback.withUnsafeBytes { _ = Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        lastFrame = nil
        needsRepaint = true
    }

    /// Copies `frame` to the terminal. A frame equal to the last one drawn
    /// is not sent again (unless the terminal was resized).
    public func draw(_ frame: Frame) {
        guard !isClosed else { return }
        if !needsRepaint, let lastFrame, lastFrame == frame { return }
        lastFrame = frame
        if needsRepaint {
            wclear(window)           // the next refresh clears and repaints the whole terminal
            needsRepaint = false
        } else {
            werase(window)
        }
        let rows = min(frame.size.height, Int(getmaxy(window)))
        let columns = min(frame.size.width, Int(getmaxx(window)))
        // The buffers are taken out of the object while the frame is written
        // and put back after: used in place, every append would be a
        // run-time checked access to a class property, two for each cell.
        var buffers = self.buffers
        self.buffers = RunBuffers()
        defer { self.buffers = buffers }
        for row in 0..<rows {
            // ASCII cells are written in runs of one style (fast), and so are
            // other characters one column wide as both Frame and the C library
            // (which ncurses asks) count it, one code point each (box lines,
            // bullets, arrows); anything else one cell at a time at its own
            // column, so a width disagreement between Frame and ncurses cannot
            // shift the rest of the line. The runs are numbers, not Strings:
            // no String to grow cell by cell.
            buffers.run.removeAll(keepingCapacity: true)
            buffers.wideRun.removeAll(keepingCapacity: true)
            var runStart = 0, runStyle = Style.normal
            func flush() {
                if !buffers.run.isEmpty { writeRun(&buffers, row: row, column: runStart, style: runStyle) }
                if !buffers.wideRun.isEmpty { writeNarrowRun(buffers.wideRun, row: row, column: runStart, style: runStyle) }
                buffers.run.removeAll(keepingCapacity: true)
                buffers.wideRun.removeAll(keepingCapacity: true)
            }
            for column in 0..<columns {
                let cell = frame[row, column]
                if cell.text.isEmpty { continue }                 // right half of a wide character
                if cell.text.utf8.count == 1, let byte = cell.text.utf8.first, byte >= 0x20, byte < 0x7F {
                    if !buffers.wideRun.isEmpty || buffers.run.isEmpty || cell.style != runStyle || runStart + buffers.run.count != column {
                        flush(); runStart = column; runStyle = cell.style
                    }
                    buffers.run.append(byte)
                    continue
                }
                if capabilities.unicode, let scalar = Self.narrowScalar(cell.text) {
                    if !buffers.run.isEmpty || buffers.wideRun.isEmpty || cell.style != runStyle || runStart + buffers.wideRun.count != column
                        || buffers.wideRun.count == 255 {
                        flush(); runStart = column; runStyle = cell.style
                    }
                    buffers.wideRun.append(scalar)
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
        let (attrs, pair) = attributes(of: style)
        wattr_set(window, attrs, pair, nil)
        mvwaddnstr(window, Int32(row), Int32(column), text, -1)
    }

    /// Writes the ASCII bytes in `buffers.run` as write() would the same text, but as
    /// ready-made cells (waddchnstr): no multibyte decoding per character,
    /// which was a third of the first frame's time in ncurses. Unlike
    /// waddnstr it leaves the cursor where it was, so the cursor goes where
    /// the text ended, as before (the frame's own cursor is placed last).
    private func writeRun(_ buffers: inout RunBuffers, row: Int, column: Int, style: Style) {
        let (attrs, pair) = attributes(of: style)
        let rendition = chtype(attrs) | chtype(cn_color_pair(Int32(pair)))
        buffers.cells.removeAll(keepingCapacity: true)
        for byte in buffers.run { buffers.cells.append(chtype(byte) | rendition) }
        buffers.cells.append(0)
        _ = mvwaddchnstr(window, Int32(row), Int32(column), buffers.cells, Int32(buffers.run.count))
        wmove(window, Int32(row), Int32(min(column + buffers.run.count, Int(getmaxx(window)) - 1)))
    }

    /// The code point of a cell that is one printable non-ASCII code point,
    /// one column wide as both Frame and the C library's wcwidth (which
    /// ncurses uses) count it; nil for anything else.
    static func narrowScalar(_ text: String) -> UInt32? {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next(), scalars.next() == nil, first.value >= 0xA0 else { return nil }
        guard Frame.width(of: first.value) == 1, cn_wcwidth(first.value) == 1 else { return nil }
        return first.value
    }

    /// Writes the cells in `wideRun` (see narrowScalar) as ready-made cells,
    /// then puts the cursor where the text ended, as writeRun does.
    private func writeNarrowRun(_ wideRun: [UInt32], row: Int, column: Int, style: Style) {
        let (attrs, pair) = attributes(of: style)
        let count = wideRun.count
        let written = wideRun.withUnsafeBufferPointer { chars in
            cn_put_narrow_run(window, Int32(row), Int32(column), chars.baseAddress, Int32(count), attrs, Int32(pair))
        }
        if written == ERR {
            // Not expected (each was checked); fall back to one cell at a time.
            for (offset, scalar) in wideRun.enumerated() {
                write(String(Character(Unicode.Scalar(scalar)!)), row: row, column: column + offset, style: style)
            }
            return
        }
        wmove(window, Int32(row), Int32(min(column + count, Int(getmaxx(window)) - 1)))
    }

    /// Control characters would move the cursor, and UTF-8 in a non-UTF-8
    /// locale would be shown as several escape cells: draw "?" instead.
    private func printable(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, first.value >= 0x20, first.value != 0x7F,
              !(0x80..<0xA0).contains(first.value) else { return "?" }
        return capabilities.unicode || first.isASCII ? text : "?"
    }

    // MARK: Input
    //
    // The program reads the terminal itself (poll and read on standard input)
    // and decodes the bytes with InputDecoder; curses only draws. So every
    // pending byte is taken before the next frame is drawn, an invalid byte
    // costs only itself in any locale, and a signal, a resize or a finished
    // print job wakes the loop at once through the wake pipe.

    /// Waits up to about a quarter of a second and returns everything that
    /// has happened since the last call, in order: keys (all the input that is
    /// waiting, a whole paste at once), a resize, messages posted from other
    /// threads, or a tick when nothing came. nil means the program must end
    /// (see endReason and signalExitCode); it then keeps returning nil.
    public func nextMessages() -> [Msg]? {
        while !isClosed {
            if let reason = pendingEnd() { return end(reason) }
            var messages = mailbox.take()
            if resumePending.exchange(false, ordering: .relaxed) { resumeAfterStop() }
            if resizePending.exchange(false, ordering: .relaxed) {
                applyResize()
                messages.append(.resize(size))
            }
            // Wait for input, unless there is news already; while half an
            // escape sequence is held, wait only the escape delay; inside a
            // paste, up to a second for the rest of it.
            let holding = decoder?.isWaiting ?? false
            let wait: Int32 = !messages.isEmpty ? 0 : decoder?.isPasting == true ? pastePauseMilliseconds
                : holding ? escapeDelayMilliseconds : tickMilliseconds
            var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakeRead.load(ordering: .relaxed), events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, nfds_t(fds.count), wait)
            if ready < 0 {
                if errno == EINTR || errno == EAGAIN { continue }    // a signal: the flags are checked above
                return end("cannot wait for the terminal (\(String(cString: strerror(errno))))")
            }
            if fds[1].revents != 0 { drainWakePipe() }
            if fds[0].revents != 0 {
                guard readInput() else { return end("the terminal was disconnected") }
                var keys = decoder ?? InputDecoder(extraSequences: CursesScreen.terminfoKeys())
                decoder = nil                   // keys is then its only holder: no copy on feed
                messages += keys.feed(inputBuffer).map(Msg.key)
                decoder = keys
                inputBuffer.removeAll(keepingCapacity: true)
            } else if ready == 0 && holding, var keys = decoder {
                // Nothing more came within the escape delay: a lone ESC is the Escape key.
                decoder = nil
                messages += keys.flush().map(Msg.key)
                decoder = keys
            }
            if let reason = pendingEnd() { return end(reason) }
            if !messages.isEmpty { return messages }
            if ready == 0 && wait == tickMilliseconds { return [.tick(now: monotonicSeconds())] }
        }
        return nil
    }

    /// Reads everything waiting on standard input into inputBuffer (up to a
    /// megabyte at a time, so a flood cannot starve the screen). false when
    /// the terminal has gone (end of file, EIO, hang-up).
    private func readInput() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while inputBuffer.count < 1 << 20 {
            let n = read(STDIN_FILENO, &chunk, chunk.count)
            if n > 0 {
                inputBuffer += chunk[0..<n]
            } else if n == 0 {
                return false
            } else if errno == EINTR {
                continue
            } else if errno == EAGAIN {
                break
            } else {
                return false
            }
            // More waiting? Look without blocking.
            var probe = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            if poll(&probe, 1, 0) <= 0 { break }
            if probe.revents & Int16(POLLIN) == 0 { return probe.revents & Int16(POLLHUP | POLLERR | POLLNVAL) == 0 }
        }
        return true
    }

    /// Back from being stopped (SIGSTOP from outside: Ctrl-Z is a key here).
    /// Meanwhile a shell may have put the terminal back in cooked mode, left
    /// the alternate screen and written over it. endwin() and the next
    /// refresh are ncurses' own way back (program mode, the alternate screen,
    /// mouse reports); the keypad and paste modes are ours to send again. The resize
    /// that goes with it repaints the whole screen at its current size.
    private func resumeAfterStop() {
        endwin()
        sendInputModes()
    }

    /// Tells curses the terminal's new size (we handle SIGWINCH ourselves,
    /// so curses does not), and repaints everything on the next draw.
    private func applyResize() {
        var rows: Int32 = 0, columns: Int32 = 0
        guard cn_window_size(STDOUT_FILENO, &rows, &columns) == 0 || cn_window_size(STDIN_FILENO, &rows, &columns) == 0 else { return }
        resizeterm(max(1, rows), max(1, columns))
        needsRepaint = true
    }

    private func pendingEnd() -> String? {
        if endReason != nil { return endReason }
        let sig = pendingSignal.load(ordering: .relaxed)
        guard sig != 0 else { return nil }
        signalExitCode = 128 + sig
        switch sig {
        case SIGTERM: return "terminated (SIGTERM)"
        case SIGHUP: return "the terminal hung up (SIGHUP)"
        default: return "ended by signal \(sig)"
        }
    }

    private func end(_ reason: String) -> [Msg]? {
        endReason = reason
        return nil
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
        _ = bracketedPasteOff.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        delscreen(screen)
        tcsetattr(STDIN_FILENO, TCSADRAIN, savedTermios)
        // Restored in full: no emergency needed any more, then the signals back
        // as they were (the fallback timer of a signal is cancelled first).
        disarmEmergencyRestore()
        cn_alarm_after(0)
        // Newest first, so a signal replaced twice ends as it was at the start.
        for (sig, action) in previousActions.reversed() {
            var a = action
            sigaction(sig, &a, nil)
        }
        CursesScreen.isOpen.store(false, ordering: .relaxed)
    }
}

/// Messages from other threads for the screen's loop. Posting wakes the loop
/// at once (through the same pipe the signal handlers use).
public final class Mailbox: Sendable {
    private let queue = Mutex<[Msg]>([])

    public func post(_ msg: Msg) {
        queue.withLock { $0.append(msg) }
        wakeLoop()
    }

    func take() -> [Msg] {
        queue.withLock { messages in
            defer { messages.removeAll() }
            return messages
        }
    }
}

/// The input modes the aid asks of the terminal, at the start and again
/// after a stop:
/// - the keypad's "transmit" mode (smkx), so the arrow keys send the
///   sequences terminfo names (endwin sends rmkx);
/// - bracketed paste (xterm's mode 2004, which most terminals share and the
///   rest ignore): the terminal marks pasted text, and InputDecoder makes it
///   one `.paste` key, so a paste types into a text field and never acts as
///   keys (a pasted "q" and "y" would otherwise quit). close() and the
///   emergency restore turn it off.
private func sendInputModes() {
    var bytes = cn_tigetstr("smkx").map { stripPadding(Array(String(cString: $0).utf8)) } ?? []
    bytes += Array("\u{1B}[?2004h".utf8)
    _ = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
}

private let bracketedPasteOff = Array("\u{1B}[?2004l".utf8)

/// The runs draw() collects before writing them: ASCII bytes, narrow
/// non-ASCII code points, and the curses cells an ASCII run becomes.
private struct RunBuffers {
    var run: [UInt8] = []
    var wideRun: [UInt32] = []
    var cells: [chtype] = []
}

// MARK: - Signals
//
// What each signal does while the screen is open:
//
// - SIGINT, SIGQUIT, SIGTSTP: ignored. raw() already passes Ctrl-C, Ctrl-\ and
//   Ctrl-Z through as keys; ignoring the signals as well means nothing else
//   (or ncurses' own handlers) can turn them into a kill or a suspend.
// - SIGPIPE, SIGXFSZ: ignored, so a write to a closed pipe fails with EPIPE
//   and a too-large write with EFBIG instead of killing the program.
// - SIGWINCH: sets a flag; the loop asks the terminal its new size.
// - SIGCONT (after a SIGSTOP from outside): sets a flag; the loop puts the
//   terminal back in the program's modes and repaints, as after a resize.
// - SIGTERM, SIGHUP, and every other signal whose default action ends the
//   process (USR1/2, ALRM, XCPU, VTALRM, PROF, IO, SYS, STKFLT, PWR, the
//   real-time signals): the first sets a flag and wakes the loop, which
//   restores the terminal and exits with 128 + the signal. The handler also
//   arms a timer: if the loop has not finished within half a second (the
//   terminal has stopped reading, so writing to it blocks), the timer's
//   SIGALRM does an emergency restore with non-blocking writes and _exit.
//   A second such signal does the same at once. The extra signals are taken
//   over only while at their default: one inherited as ignored stays ignored.
// - SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE (a crash): an emergency
//   restore, then the signal again with its default action.
//
// Signal handlers cannot capture context, so the little they touch lives in
// globals set up before any handler can run: atomics, the wake pipe, and
// preallocated memory for the emergency terminal restore.

private let pendingSignal = Atomic<Int32>(0)
private let resizePending = Atomic<Bool>(false)
private let resumePending = Atomic<Bool>(false)
private let wakeRead = Atomic<Int32>(-1)
private let wakeWrite = Atomic<Int32>(-1)
private let restoreArmed = Atomic<Bool>(false)
private let resetLength = Atomic<Int>(0)
private let resetCapacity = 512
/// How long the orderly shutdown after a signal may take before the emergency exit.
private let fallbackMilliseconds = 500
nonisolated(unsafe) private let savedTermios = UnsafeMutablePointer<termios>.allocate(capacity: 1)
nonisolated(unsafe) private let resetBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: resetCapacity)
private let exitHookInstalled = Atomic<Bool>(false)

/// Signals that end the program by default and are taken over only if still at their default.
private func otherEndingSignals() -> [Int32] {
    var signals = [SIGUSR1, SIGUSR2, SIGXCPU, SIGVTALRM, SIGPROF, SIGIO, SIGSYS, SIGSTKFLT, SIGPWR]
    let low = cn_sigrtmin(), high = cn_sigrtmax()
    if low > 0 && high >= low { signals += Array(low...high) }
    return signals
}

/// Installs the handlers described above; returns the actions they replaced.
private func installSignalHandlers() -> [(Int32, sigaction)] {
    pendingSignal.store(0, ordering: .relaxed)
    resizePending.store(false, ordering: .relaxed)
    resumePending.store(false, ordering: .relaxed)
    var previous: [(Int32, sigaction)] = []
    for sig in [SIGINT, SIGQUIT, SIGTSTP, SIGPIPE, SIGXFSZ] { previous.append((sig, setAction(sig, handler: SIG_IGN))) }
    previous.append((SIGWINCH, setAction(SIGWINCH, handler: { _ in
        resizePending.store(true, ordering: .relaxed)
        wakeLoop()
    })))
    previous.append((SIGCONT, setAction(SIGCONT, handler: { _ in
        resumePending.store(true, ordering: .relaxed)
        resizePending.store(true, ordering: .relaxed)
        wakeLoop()
    })))
    let ending: sighandler_t = { sig in signalEnds(sig) }
    // SIGALRM is also the fallback timer's signal, so it is always ours.
    for sig in [SIGTERM, SIGHUP, SIGALRM] { previous.append((sig, setAction(sig, handler: ending))) }
    for sig in otherEndingSignals() {
        var current = sigaction()
        guard sigaction(sig, nil, &current) == 0, current.__sigaction_handler.sa_handler == nil else { continue }  // nil is SIG_DFL
        previous.append((sig, setAction(sig, handler: ending)))
    }
    return previous
}

/// The handler of every signal that ends the program. Async-signal-safe.
private func signalEnds(_ sig: Int32) {
    if pendingSignal.compareExchange(expected: 0, desired: sig, ordering: .relaxed).exchanged {
        cn_alarm_after(fallbackMilliseconds)
        wakeLoop()
    } else {
        // The fallback timer, or a second signal: the loop is stuck (most
        // likely writing to a terminal that has stopped reading). Restore what
        // can be restored without blocking, and go.
        emergencyRestore()
        _exit(128 + pendingSignal.load(ordering: .relaxed))
    }
}

@discardableResult
private func setAction(_ sig: Int32, handler: sighandler_t?, flags: Int32 = 0) -> sigaction {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = handler
    sigemptyset(&action.sa_mask)
    action.sa_flags = flags        // no SA_RESTART: a signal should wake a blocked poll
    var old = sigaction()
    sigaction(sig, &action, &old)
    return old
}

/// A pipe whose only job is to wake poll(): signal handlers and other
/// threads write a byte to it. Both ends non-blocking, so a full pipe never
/// blocks a handler (the loop is being woken anyway). Made once and never
/// closed, so a late writer (a print job finishing as the program ends) can
/// never write into a descriptor that has since been reused.
private func openWakePipe() -> Bool {
    if wakeRead.load(ordering: .relaxed) >= 0 { return true }
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return false }
    for fd in fds {
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }
    wakeRead.store(fds[0], ordering: .relaxed)
    wakeWrite.store(fds[1], ordering: .relaxed)
    return true
}

/// Async-signal-safe: one write to a non-blocking pipe.
private func wakeLoop() {
    let fd = wakeWrite.load(ordering: .relaxed)
    guard fd >= 0 else { return }
    var byte: UInt8 = 1
    _ = write(fd, &byte, 1)
}

private func drainWakePipe() {
    var buffer = [UInt8](repeating: 0, count: 256)
    while read(wakeRead.load(ordering: .relaxed), &buffer, buffer.count) > 0 {}
}

/// Async-signal-safe: tcsetattr, fcntl, tcflush and write on memory prepared
/// at open. Never blocks: if the terminal is not taking output (a stalled
/// connection), what is queued for it is dropped so the reset can go in.
private func emergencyRestore() {
    guard restoreArmed.exchange(false, ordering: .relaxed) else { return }
    tcsetattr(STDIN_FILENO, TCSANOW, savedTermios)
    let flags = fcntl(STDOUT_FILENO, F_GETFL)
    guard flags >= 0 else { return }
    _ = fcntl(STDOUT_FILENO, F_SETFL, flags | O_NONBLOCK)
    let length = resetLength.load(ordering: .relaxed)
    var written = write(STDOUT_FILENO, resetBytes, length)
    if written < length {
        tcflush(STDOUT_FILENO, TCOFLUSH)
        let done = max(0, written)
        written = write(STDOUT_FILENO, resetBytes + done, length - done)
    }
    _ = fcntl(STDOUT_FILENO, F_SETFL, flags)
}

/// Prepares the bytes that undo what the screen changed, for a process that
/// ends by a trap, abort, exit() or a stalled terminal without close().
private func armEmergencyRestore(mouse: Bool) {
    var sequence = [UInt8]()
    func add(_ capability: String) {
        guard let value = cn_tigetstr(capability) else { return }
        sequence += stripPadding(Array(String(cString: value).utf8))
    }
    add("sgr0")
    add("cnorm")
    add("rmkx")
    sequence += bracketedPasteOff
    if mouse { sequence += Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l".utf8) }
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
