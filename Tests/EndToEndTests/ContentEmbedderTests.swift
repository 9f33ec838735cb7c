import Foundation
import Testing

/// The build turns Assets/content into Swift raw string literals. Text that
/// holds "\#" or "\##" (an escape inside a raw string) or "# after a quote
/// must come out exactly as written, never as a tab or a broken build.
@Suite struct ContentEmbedderTests {
    @Test func awkwardTextComesBackExactly() throws {
        guard let aid = Tmux.binaryPath else { Issue.record("decision-aid is not built"); return }
        let embedder = URL(fileURLWithPath: aid).deletingLastPathComponent().appendingPathComponent("content-embedder").path
        guard FileManager.default.isExecutableFile(atPath: embedder) else { Issue.record("no content-embedder at \(embedder)"); return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("embedder-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        // Each its own file: the delimiter is chosen per file, so each case
        // must stand alone (a "## elsewhere in the file would hide the bug).
        let texts = [
            ####"a tab escape \#t in raw text"####,
            ####"a unicode escape \##u{1F600} and \#(interpolation)"####,
            ####"a quote and hash "# ends a raw string"####,
            ####"triple quotes """ and a backslash \\# too"####,
        ]
        var inputs: [String] = []
        for (index, text) in texts.enumerated() {
            let input = folder.appendingPathComponent("awkward\(index).yaml")
            try text.write(to: input, atomically: true, encoding: .utf8)
            inputs.append(input.path)
        }
        let generated = folder.appendingPathComponent("Embedded.swift")
        #expect(try run(embedder, [generated.path] + inputs) == 0)
        let main = folder.appendingPathComponent("main.swift")
        try #"for file in EmbeddedContent.files { print(file.text, terminator: "\u{0}") }"#.write(to: main, atomically: true, encoding: .utf8)
        let program = folder.appendingPathComponent("roundtrip").path
        #expect(try run("/usr/bin/env", ["swiftc", "-Onone", "-o", program, main.path, generated.path]) == 0, "the generated Swift does not compile")
        let output = folder.appendingPathComponent("out.txt")
        #expect(try run(program, [], stdout: output) == 0)
        let back = try String(contentsOf: output, encoding: .utf8).split(separator: "\u{0}", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(back == texts)
    }

    private func run(_ executable: String, _ arguments: [String], stdout: URL? = nil) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let stdout {
            FileManager.default.createFile(atPath: stdout.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: stdout)
        }
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
