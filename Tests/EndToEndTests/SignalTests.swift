import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A signal by name and number, for test arguments.
struct NamedSignal: Sendable, CustomTestStringConvertible {
    let name: String
    let number: Int32
    var testDescription: String { "SIG\(name)" }
}

/// Every way the program can be ended by a signal leaves the terminal as it
/// was: echo on, cooked mode, the normal screen (the shell's), mouse
/// reporting off, the cursor visible. The real binary in tmux.
@Suite(.enabled(if: Tmux.unavailableReason == nil, "needs tmux and a built binary"))
struct SignalTests {
    /// Signals whose default action ends the process, which the program turns
    /// into an orderly exit with status 128 + the signal.
    static let ending: [NamedSignal] = [
        NamedSignal(name: "TERM", number: SIGTERM), NamedSignal(name: "HUP", number: SIGHUP),
        NamedSignal(name: "USR1", number: SIGUSR1), NamedSignal(name: "USR2", number: SIGUSR2),
        NamedSignal(name: "ALRM", number: SIGALRM), NamedSignal(name: "XCPU", number: SIGXCPU),
        NamedSignal(name: "VTALRM", number: SIGVTALRM), NamedSignal(name: "PROF", number: SIGPROF),
        NamedSignal(name: "IO", number: SIGIO), NamedSignal(name: "SYS", number: SIGSYS),
        NamedSignal(name: "STKFLT", number: SIGSTKFLT), NamedSignal(name: "PWR", number: SIGPWR),
        NamedSignal(name: "RTMIN", number: __libc_current_sigrtmin()),
        NamedSignal(name: "RTMIN+3", number: __libc_current_sigrtmin() + 3),
        NamedSignal(name: "RTMAX", number: __libc_current_sigrtmax()),
    ]

    /// A crash: the terminal is restored, then the process dies of the signal.
    static let crashes: [NamedSignal] = [
        NamedSignal(name: "SEGV", number: SIGSEGV), NamedSignal(name: "BUS", number: SIGBUS),
        NamedSignal(name: "ILL", number: SIGILL), NamedSignal(name: "TRAP", number: SIGTRAP),
        NamedSignal(name: "ABRT", number: SIGABRT), NamedSignal(name: "FPE", number: SIGFPE),
    ]

    /// Starts the aid and moves one step in, with the mouse on (the default),
    /// so there is something to restore; checks the screen really changed the
    /// terminal, so the checks after the signal can fail.
    func started() throws -> Tmux {
        let tmux = try Tmux(width: 80, height: 24, term: "xterm-256color", lang: "C.UTF-8")
        try tmux.waitFor("Welcome")
        try tmux.send("Enter")
        try tmux.waitFor("Before you start")
        let modes = try tmux.modes()
        #expect(modes["alternate_on"] == "1", "the aid uses the alternate screen: \(modes)")
        #expect(modes["mouse_standard_flag"] == "1" || modes["mouse_button_flag"] == "1" || modes["mouse_any_flag"] == "1",
                "the aid asks for mouse reports: \(modes)")
        let stty = try tmux.stty()
        #expect(stty.contains("-icanon") && stty.contains("-echo "), "the aid runs in raw mode: \(stty)")
        return tmux
    }

    static func expectRestored(_ tmux: Tmux, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let stty = try tmux.stty()
        #expect(stty.contains(" icanon") && !stty.contains("-icanon"), "terminal left without icanon: \(stty)", sourceLocation: sourceLocation)
        #expect(stty.contains(" echo ") && !stty.contains("-echo "), "terminal left without echo: \(stty)", sourceLocation: sourceLocation)
        let modes = try tmux.modes()
        #expect(modes["alternate_on"] == "0", "left on the alternate screen: \(modes)", sourceLocation: sourceLocation)
        #expect(modes["cursor_flag"] == "1", "cursor left hidden: \(modes)", sourceLocation: sourceLocation)
        for flag in ["mouse_any_flag", "mouse_standard_flag", "mouse_button_flag", "mouse_sgr_flag"] {
            #expect(modes[flag] == "0", "mouse reporting left on (\(flag)): \(modes)", sourceLocation: sourceLocation)
        }
        #expect(modes["keypad_cursor_flag"] == "0", "cursor keys left in application mode: \(modes)", sourceLocation: sourceLocation)
        // Bracketed paste off: a paste reaches the shell without its marks.
        try tmux.paste("pasted")
        try tmux.waitFor("pasted")
        let screen = try tmux.screen()
        #expect(!screen.contains("200~"), "bracketed paste left on", sourceLocation: sourceLocation)
        #expect(screen.contains("EXIT=") && !screen.contains("AHSCT decision aid"),
                "the screen is not the shell's again:\n\(screen)", sourceLocation: sourceLocation)
    }

    @Test(arguments: ending)
    func endingSignalRestoresTheTerminalAndExits(_ signal: NamedSignal) throws {
        let tmux = try started()
        defer { tmux.close() }
        try tmux.kill(signal: signal.number)
        #expect(try tmux.exitCode() == Int(128 + signal.number))
        try SignalTests.expectRestored(tmux)
    }

    @Test(arguments: crashes)
    func crashRestoresTheTerminalThenDiesOfTheSignal(_ signal: NamedSignal) throws {
        let tmux = try started()
        defer { tmux.close() }
        try tmux.kill(signal: signal.number)
        #expect(try tmux.exitCode() == Int(128 + signal.number))
        try SignalTests.expectRestored(tmux)
    }

    /// Ctrl-C, Ctrl-\ and Ctrl-Z are keys under raw(); their signals, and
    /// SIGPIPE and SIGXFSZ (a write that fails should say so, not kill), are
    /// ignored: the aid keeps running and answering keys.
    @Test func ignoredSignalsLeaveTheAidRunning() throws {
        let tmux = try started()
        defer { tmux.close() }
        for sig in [SIGINT, SIGQUIT, SIGTSTP, SIGPIPE, SIGXFSZ] {
            try tmux.kill(signal: sig)
        }
        try tmux.send("?")
        try tmux.waitFor("Ctrl-C: quit from anywhere")
        try tmux.send("Escape")
        try tmux.waitFor("Before you start")
        try tmux.send("q")
        #expect(try tmux.exitCode() == 0)
        try SignalTests.expectRestored(tmux)
    }

    /// Stopped from outside (SIGSTOP cannot be caught), then continued: in
    /// between, a shell takes the terminal back as a shell does (cooked mode,
    /// the normal screen, cursor keys and mouse reports off) and writes on it.
    /// After SIGCONT the aid is back as it was: raw mode, its own screen
    /// repainted, and answering keys.
    @Test func continuedAfterAStopTheAidPutsTheTerminalBackAndRepaints() throws {
        let tmux = try started()
        defer { tmux.close() }
        try tmux.kill(signal: SIGSTOP)
        try tmux.onTerminal("stty sane; printf '\\033[?1049l\\033[?1l\\033[?1000l\\033[?1006l[1]+  Stopped  decision-aid\\r\\n$ '")
        try tmux.waitFor("Stopped  decision-aid")
        let stopped = try tmux.modes()
        #expect(stopped["alternate_on"] == "0" && stopped["keypad_cursor_flag"] == "0", "the shell's modes were not set: \(stopped)")
        #expect(try tmux.stty().contains(" icanon"))

        try tmux.kill(signal: SIGCONT)
        try tmux.waitForGone("Stopped  decision-aid")
        try tmux.waitFor("Before you start")
        let modes = try tmux.modes()
        #expect(modes["alternate_on"] == "1", "not back on the alternate screen: \(modes)")
        #expect(modes["keypad_cursor_flag"] == "1", "cursor keys not back in application mode: \(modes)")
        #expect(modes["mouse_standard_flag"] == "1" || modes["mouse_button_flag"] == "1" || modes["mouse_any_flag"] == "1",
                "mouse reports not asked for again: \(modes)")
        let stty = try tmux.stty()
        #expect(stty.contains("-icanon") && stty.contains("-echo "), "not back in raw mode: \(stty)")
        #expect(try tmux.screen().contains("› S  Do you feel SURE"))
        try tmux.send("Down")
        try tmux.waitFor("› U  Do you know the benefits")
        try tmux.send("q")
        #expect(try tmux.exitCode() == 0)
        try SignalTests.expectRestored(tmux)
    }
}
