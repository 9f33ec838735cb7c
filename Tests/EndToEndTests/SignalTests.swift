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
        let screen = try tmux.screen()
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
}
