import Foundation

/// Runs the real binary under /bin/sh, so a test can give it the standard
/// streams a user's shell might: a folder, a closed stream, /dev/full, a size
/// limit. In the script "$DA" is the binary.
enum Shell {
    /// `brokenPipe`: standard output is a pipe whose reading end is already closed.
    static func run(_ script: String, arguments: [String] = [], brokenPipe: Bool = false) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DA"] = Binary.path
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        if brokenPipe { try out.fileHandleForReading.close() }
        try process.run()
        try? out.fileHandleForWriting.close()
        try? err.fileHandleForWriting.close()
        let outData = brokenPipe ? Data() : out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Run(status: status, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension Run {
    /// Nothing that looks like a trap: the runtime's backtrace or fatal error.
    var crashed: Bool {
        status == 132 || status == 134 || status == 139 || stderr.contains("Fatal error") || stderr.contains("Backtrac") || stderr.contains("crashed")
    }

    var stderrLines: [Substring] { stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast(stderr.hasSuffix("\n") ? 1 : 0).map { $0 } }
}
