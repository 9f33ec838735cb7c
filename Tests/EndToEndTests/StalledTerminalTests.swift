import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A terminal that has stopped reading (a frozen ssh session): the program's
/// writes block. SIGTERM and SIGHUP must still end it within about a second,
/// with the terminal's settings restored and the reset sequence sent.
@Suite(.enabled(if: Tmux.binaryPath != nil, "needs a built binary"))
struct StalledTerminalTests {
    @Test(arguments: [NamedSignal(name: "TERM", number: SIGTERM), NamedSignal(name: "HUP", number: SIGHUP)])
    func signalEndsTheProgramWhileItsOutputIsBlocked(_ signal: NamedSignal) throws {
        let pty = try Pty(rows: 100, columns: 300)
        defer { pty.close() }
        try pty.readUntil("Welcome")
        let raw = pty.termios()
        #expect(raw.c_lflag & tcflag_t(ICANON) == 0, "the aid runs in raw mode")

        // From here on nobody reads the terminal. Each key changes the whole
        // 300×100 screen (help on, help off), so the terminal's buffer fills
        // and the program blocks writing to it.
        var blocked = false
        let deadline = Date().addingTimeInterval(10)
        var toggles = 0
        while Date() < deadline {
            pty.write(toggles % 2 == 0 ? "?" : " ")
            toggles += 1
            usleep(20_000)
            if pty.isBlockedWriting {
                usleep(100_000)
                if pty.isBlockedWriting { blocked = true; break }
            }
        }
        #expect(blocked, "the program never blocked writing (waiting in \(pty.waitChannel)) after \(toggles) screens")

        let sent = Date()
        kill(pty.pid, signal.number)
        let status = pty.waitForExit(timeout: 5)
        let took = Date().timeIntervalSince(sent)
        print("stalled-terminal figure: SIG\(signal.name) ended the blocked program in \(String(format: "%.2f", took)) s (after \(toggles) screens)")
        #expect(status != nil, "still running 5 s after SIG\(signal.name) with its output blocked")
        guard let status else { return }
        #expect(Pty.shellStatus(status) == 128 + signal.number)
        #expect(took < 3, "took \(took) s to end")

        let restored = pty.termios()
        #expect(restored.c_lflag & tcflag_t(ICANON) != 0, "terminal left without icanon")
        #expect(restored.c_lflag & tcflag_t(ECHO) != 0, "terminal left without echo")
        // The frames it could not send were dropped so the reset could go in:
        // what the terminal reads now ends with leaving the alternate screen.
        let rest = pty.read(timeout: 0.5)
        let tail = String(decoding: rest.suffix(200), as: UTF8.self)
        #expect(tail.contains("\u{1B}[?1049l"), "no reset sequence at the end of the output: \(tail.debugDescription)")
        #expect(tail.contains("\u{1B}[?25h"), "cursor not made visible again: \(tail.debugDescription)")
        #expect(tail.contains("\u{1B}[?1000l"), "mouse reporting not turned off: \(tail.debugDescription)")
    }
}
