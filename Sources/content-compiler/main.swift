// Build-time tool (run by CompileContentPlugin): reads and checks the content
// in a folder of YAML files, and writes it as Swift values for the
// BuiltInContent module, so the program parses nothing when it starts.
// A content problem stops the build, each printed as `file:line: message`
// exactly as `decision-aid-content check-content` prints it.
//
//     content-compiler CONTENT_DIR OUTPUT.swift
import Content
import ContentYAML
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: content-compiler CONTENT_DIR OUTPUT.swift\n".utf8))
    exit(2)
}
let (folder, outputPath) = (arguments[0], arguments[1])

let content: ContentSet
do {
    content = try ContentLoader.load(directory: folder)
} catch {
    var report = error.problems.map { "\($0)\n" }.joined()
    let count = error.problems.count
    report += "content-compiler: \(count) problem\(count == 1 ? "" : "s") in \(folder), so the content cannot be built into the program; fix \(count == 1 ? "it" : "each one") at the line named (decision-aid-content check-content \(folder) lists the same).\n"
    FileHandle.standardError.write(Data(report.utf8))
    exit(1)
}

let header = """
// Generated at build time from Assets/content by content-compiler
// (Sources/content-compiler, Sources/Content/YAML/SwiftSource.swift). Do not edit:
// edit the YAML and rebuild.
"""
let swift = SwiftSource.file(for: content, namespace: "BuiltInContent", header: header)
do {
    try swift.write(toFile: outputPath, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("content-compiler: cannot write \(outputPath): \(error)\n".utf8))
    exit(1)
}
