import Foundation

/// Runs the real decision-aid binary, as a user or a script would.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum Binary {
    /// The package root, found from this file's path.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// The built binary: DECISION_AID_BINARY if set, else .build/debug.
    static var path: String {
        if let path = ProcessInfo.processInfo.environment["DECISION_AID_BINARY"] { return path }
        return packageRoot.appendingPathComponent(".build/debug/decision-aid").path
    }

    /// decision-aid-content (the aid plus the YAML reader, for --content DIR
    /// and check-content DIR): DECISION_AID_CONTENT_BINARY if set, else beside
    /// the aid.
    static var contentToolPath: String {
        if let path = ProcessInfo.processInfo.environment["DECISION_AID_CONTENT_BINARY"] { return path }
        return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("decision-aid-content").path
    }

    static func run(_ arguments: [String], stdin: String? = nil, executable: String? = nil, directory: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read before waiting, so a large output cannot fill the pipe and stall.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}
