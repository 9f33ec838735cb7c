import Foundation

/// Runs the real binary under /bin/sh, so a test can give it the standard
/// streams a user's shell might: a folder, a closed stream, /dev/full, a size
/// limit. In the script "$DA" is the binary.
enum Shell {
    /// `brokenPipe`: standard output is a pipe whose reading end is already
    /// closed. Output goes to files (no pipe to stall on); the shell and what it
    /// runs are killed after `timeout` seconds (status 124).
    static func run(_ script: String, arguments: [String] = [], brokenPipe: Bool = false, timeout: Double = 30) throws -> Run {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("da-sh-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outFile = folder.appendingPathComponent("out"), errFile = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)   // FileHandle(forWritingTo:) below throws if this failed
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)   // FileHandle(forWritingTo:) below throws if this failed
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DA"] = Binary.path
        process.environment = environment
        let output = try FileHandle(forWritingTo: outFile), error = try FileHandle(forWritingTo: errFile)
        defer { try? output.close(); try? error.close() }
        let pipe = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardError = error
        if brokenPipe {
            try pipe.fileHandleForReading.close()
            process.standardOutput = pipe
        } else {
            process.standardOutput = output
        }
        try process.run()
        if brokenPipe { try? pipe.fileHandleForWriting.close() }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        var timedOut = false
        if process.isRunning {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        let status = timedOut ? 124 : (process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus)
        let out = (try? Data(contentsOf: outFile)) ?? Data(), err = (try? Data(contentsOf: errFile)) ?? Data()
        return Run(status: status, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}

extension Run {
    /// Nothing that looks like a trap: the runtime's backtrace or fatal error.
    var crashed: Bool {
        status == 132 || status == 134 || status == 139 || stderr.contains("Fatal error") || stderr.contains("Backtrac") || stderr.contains("crashed")
    }

    var stderrLines: [Substring] { stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast(stderr.hasSuffix("\n") ? 1 : 0).map { $0 } }
}

extension Binary {
    /// Runs the binary with `stdin` bytes, standard output and error going to
    /// files (a pipe left unread could stall a child writing a long message),
    /// and kills it after `timeout` seconds: a regression fails the test
    /// instead of hanging the suite. A timeout shows as status 124.
    static func run(_ arguments: [String], stdinBytes: [UInt8], timeout: Double = 20, executable: String? = nil) throws -> Run {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("da-run-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inFile = folder.appendingPathComponent("in"), outFile = folder.appendingPathComponent("out"), errFile = folder.appendingPathComponent("err")
        try Data(stdinBytes).write(to: inFile)
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)   // FileHandle(forWritingTo:) below throws if this failed
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)   // FileHandle(forWritingTo:) below throws if this failed
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? path)
        process.arguments = arguments
        let input = try FileHandle(forReadingFrom: inFile), output = try FileHandle(forWritingTo: outFile), error = try FileHandle(forWritingTo: errFile)
        defer { try? input.close(); try? output.close(); try? error.close() }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        var timedOut = false
        if process.isRunning {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        let status = timedOut ? 124 : (process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus)
        let out = (try? Data(contentsOf: outFile)) ?? Data(), err = (try? Data(contentsOf: errFile)) ?? Data()
        return Run(status: status, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// `run(_:stdinBytes:)` with text, or nothing, on standard input.
    static func runBounded(_ arguments: [String], stdin: String = "", timeout: Double = 20, executable: String? = nil) throws -> Run {
        try run(arguments, stdinBytes: Array(stdin.utf8), timeout: timeout, executable: executable)
    }
}

extension Binary {
    /// Runs the binary with standard input from `stdinPath`, and returns its
    /// own peak memory (ru_maxrss from wait4, in KB) beside the run, so a
    /// test can bound what one child used, whatever other tests run.
    static func runMeasuringMemory(_ arguments: [String], stdinPath: String) throws -> (run: Run, maxRSSKB: Int) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("da-mem-\(UInt64.random(in: 0...UInt64.max))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, folder + "/out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, folder + "/err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Under a 400 MB address-space limit (sh sets it, then execs the binary
        // in the same process), so a regression cannot take the machine's memory.
        let argv: [UnsafeMutablePointer<CChar>?] = (["sh", "-c", #"ulimit -v 400000; exec "$0" "$@""#, path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        // A watchdog: a regression that reads forever is killed, not waited for.
        // Generous: a loaded machine (other builds running) takes several times longer.
        let deadline = Date().addingTimeInterval(60)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            if Date() > deadline { kill(pid, SIGKILL) }
            usleep(5_000)
        }
        let exit = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let out = FileManager.default.contents(atPath: folder + "/out") ?? Data()
        let err = FileManager.default.contents(atPath: folder + "/err") ?? Data()
        return (Run(status: exit, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self)), Int(usage.ru_maxrss))
    }
}
