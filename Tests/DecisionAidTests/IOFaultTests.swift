import Foundation
import Testing

/// No command traps on an I/O error: each is run with standard input a folder
/// or closed, standard output full, closed or a broken pipe (SIGPIPE
/// ignored), over a size limit, and with standard error gone too. A failed
/// read or write is one line on standard error and exit 74.
@Suite struct IOFaultTests {
    static let commands: [[String]] = [
        ["assess", "--age", "34", "--format", "json"],
        ["assess", "--answers", "-"],
        ["check-content"],
        ["rules"],
        ["--version"],
        ["--help"],
        ["assess", "--help"],
    ]

    /// Reads standard input.
    static func readsInput(_ command: [String]) -> Bool { command.contains("--answers") }

    /// For the commands that read standard input, answers to read.
    static let feed = #"printf '%s' '{"age": 34, "subtype": "unsure"}' | "#

    func check(_ run: Run, _ what: String) {
        #expect(!run.crashed, "\(what): \(run.status) \(run.stderr.prefix(300))")
        #expect([0, 2, 74].contains(run.status), "\(what): status \(run.status)")
        #expect(run.stderrLines.count <= 1, "\(what): \(run.stderr.prefix(500))")
    }

    @Test(arguments: commands)
    func standardInputAFolder(_ command: [String]) throws {
        let run = try Shell.run(#""$DA" "$@" < /"#, arguments: command)
        check(run, "\(command) < /")
        if Self.readsInput(command) {
            #expect(run.status == 74)
            #expect(run.stderr == "decision-aid assess: cannot read standard input (it is a folder)\n")
        } else {
            #expect(run.status == 0, "\(run.stderr)")
            #expect(!run.stdout.isEmpty)
        }
    }

    @Test(arguments: commands)
    func standardInputClosed(_ command: [String]) throws {
        let run = try Shell.run(#""$DA" "$@" <&-"#, arguments: command)
        check(run, "\(command) <&-")
        if Self.readsInput(command) {
            #expect(run.status == 74)
            #expect(run.stderr == "decision-aid assess: cannot read standard input (it is closed)\n")
        } else {
            #expect(run.status == 0, "\(run.stderr)")
        }
    }

    func name(_ command: [String]) -> String {
        command.first.map { $0.hasPrefix("-") ? "decision-aid" : "decision-aid \($0)" } ?? "decision-aid"
    }

    @Test(arguments: commands)
    func standardOutputFull(_ command: [String]) throws {
        let run = try Shell.run((Self.readsInput(command) ? Self.feed : "") + #""$DA" "$@" > /dev/full"#, arguments: command)
        check(run, "\(command) > /dev/full")
        #expect(run.status == 74)
        #expect(run.stderr == "\(name(command)): cannot write to standard output (no space left on the disk)\n")
    }

    @Test(arguments: commands)
    func standardOutputClosed(_ command: [String]) throws {
        let run = try Shell.run((Self.readsInput(command) ? Self.feed : "") + #""$DA" "$@" >&-"#, arguments: command)
        check(run, "\(command) >&-")
        #expect(run.status == 74)
        #expect(run.stderr == "\(name(command)): cannot write to standard output (it is closed)\n")
    }

    @Test(arguments: commands)
    func brokenPipeWithSIGPIPEIgnored(_ command: [String]) throws {
        let run = try Shell.run("trap '' PIPE; " + (Self.readsInput(command) ? Self.feed : "") + #""$DA" "$@""#, arguments: command, brokenPipe: true)
        check(run, "\(command) | (closed)")
        #expect(run.status == 74)
        #expect(run.stderr == "\(name(command)): cannot write to standard output (broken pipe: the program reading it has ended)\n")
    }

    @Test(arguments: commands)
    func standardOutputAndErrorBothFull(_ command: [String]) throws {
        let run = try Shell.run((Self.readsInput(command) ? Self.feed : "") + #""$DA" "$@" > /dev/full 2>/dev/full"#, arguments: command)
        check(run, "\(command) > /dev/full 2>/dev/full")
        #expect(run.status == 74)
    }

    @Test(arguments: [["assess", "--age", "-1"], ["assess", "--agee", "3"], ["rules", "extra"]])
    func badInputWithStandardErrorClosedStillExits2(_ command: [String]) throws {
        let run = try Shell.run(#""$DA" "$@" 2>&-"#, arguments: command)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
    }

    /// SIGXFSZ is ignored, so a write over the file size limit fails with
    /// EFBIG through the normal path instead of killing the program.
    @Test(arguments: [["rules"], ["assess", "--age", "34", "--format", "json"]])
    func overTheFileSizeLimit(_ command: [String]) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("da-fsize-\(UInt32.random(in: 0...UInt32.max))").path
        defer { unlink(file) }
        let run = try Shell.run(#"ulimit -f 1; out="$1"; shift; "$DA" "$@" > "$out""#, arguments: [file] + command)
        check(run, "\(command) with ulimit -f 1")
        #expect(run.status == 74, "\(run.stderr)")
        #expect(run.stderr == "\(name(command)): cannot write to standard output (the file is too large)\n")
    }

    @Test func readErrorOnAnAnswersFileIsExit74() throws {
        // /proc/self/mem cannot be read from offset 0: read fails with EIO.
        let run = try Binary.run(["assess", "--answers", "/proc/self/mem"])
        check(run, "--answers /proc/self/mem")
        #expect(run.status == 74)
        #expect(run.stderr.hasPrefix("decision-aid assess: cannot read '/proc/self/mem' ("), "\(run.stderr)")
    }
}
