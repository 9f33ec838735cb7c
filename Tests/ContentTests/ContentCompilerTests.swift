import BuiltInContent
import Foundation
import Testing
@testable import Content
@testable import ContentYAML

/// The build reads Assets/content (YAML) and writes it into the program as
/// Swift values (content-compiler with SwiftSource). These check that what
/// the program holds is exactly what the YAML says, that any text survives
/// the trip into Swift source, and that a content problem stops the build
/// with its file and line.
@Suite struct ContentCompilerTests {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()
    static var contentFolder: String { packageRoot.appendingPathComponent("Assets/content").path }
    static var compiler: String { packageRoot.appendingPathComponent(".build/debug/content-compiler").path }

    @Test func theBuiltInContentIsExactlyWhatTheYAMLSays() throws {
        let read = try ContentLoader.load(directory: Self.contentFolder)
        #expect(BuiltInContent.content == read)
        // Spot checks, so equality cannot pass on two empty sets.
        #expect(BuiltInContent.content.sources.count > 50)
        #expect(BuiltInContent.content.about.version == read.about.version)
        #expect(BuiltInContent.content.studies.first?.line == read.studies.first?.line)
    }

    /// The built-in content is written as Sections built when first read
    /// (so the start builds only what it shows), and a Section reads, sets
    /// and compares like the value it holds.
    @Test func sectionsAreBuiltWhenFirstReadAndActLikeTheirValue() throws {
        let built = LockedCount()
        var section = Section<[Int]>(later: { built.add(); return [1, 2] })
        #expect(built.value == 0, "a Section is not built when made")
        #expect(section.wrappedValue == [1, 2])
        #expect(section == Section(wrappedValue: [1, 2]))
        #expect(section != Section(wrappedValue: [1]))
        section.wrappedValue = [3]
        #expect(section.wrappedValue == [3])
        #expect(built.value == 3, "read twice, then no more once set: \(built.value)")

        let written = SwiftSource.file(for: BuiltInContent.content, namespace: "BuiltInContent", header: "//")
        #expect(written.contains("studies: Content.Section(later: { section_studies }),"))
        #expect(written.contains("private static let section_studies = part_studies()"))
        #expect(written.contains("about: part_about(),"), "about is shown first, and built at once")
    }

    /// Raw strings broke on "\#" (a tab, an emoji, or no build at all); the
    /// literals are plain now with every awkward character escaped.
    @Test func awkwardTextComesBackExactly() throws {
        let texts = [
            ####"a tab escape \#t in raw text"####,
            ####"a unicode escape \##u{1F600} and \#(interpolation)"####,
            ####"a quote and hash "# ends a raw string"####,
            ####"triple quotes """ and a backslash \\# too"####,
            "\\(interpolation) and \\u{41} and a lone \\",
            "line one\nline two\r\n\ttabbed \u{0}\u{7F}\u{1B}[31m",
            "e\u{301} (combining) é ≥ – … “quotes” 😀 \u{2028} \u{202E}bidi",
            "",
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("content-literal-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let main = folder.appendingPathComponent("main.swift")
        let source = "let texts: [String] = [\n" + texts.map { "    " + SwiftSource.literal($0) + ",\n" }.joined() + "]\n"
            + #"for text in texts { print(Array(text.unicodeScalars.map(\.value)), terminator: "\n") }"# + "\n"
        try source.write(to: main, atomically: true, encoding: .utf8)
        let program = folder.appendingPathComponent("roundtrip").path
        #expect(try run("/usr/bin/env", ["swiftc", "-Onone", "-o", program, main.path]).status == 0, "the generated Swift does not compile:\n\(source)")
        let output = try run(program, []).stdout
        let expected = texts.map { "\(Array($0.unicodeScalars.map(\.value)))\n" }.joined()
        #expect(output == expected)
        // Only printable ASCII is written as itself.
        #expect(!source.unicodeScalars.contains { $0.value > 0x7E || ($0.value < 0x20 && $0 != "\n") })
    }

    /// Written from stored properties by reflection: a type the writer has
    /// never seen comes out as a call to its init, field by field.
    @Test func anyModelIsWrittenFieldByField() {
        struct Sample { var name: String; var per100: Double?; var missing: Double?; var grades: [GradeLevel]; var cells: [String: Int]; var day: Day }
        let written = SwiftSource.expression(Sample(name: "a \"b\"", per100: 2.5, missing: nil, grades: [.veryLow, .high],
                                                    cells: ["z": 1, "a": 2], day: Day(year: 2026, month: 1, day: 2)))
        #expect(written.hasPrefix("ContentTests."))
        #expect(written.contains(#"Sample(name: "a \"b\"", per100: 2.5, missing: nil, grades: [Content.GradeLevel(rawValue: "very-low")!, Content.GradeLevel(rawValue: "high")!], cells: ["#))
        #expect(written.contains(#""a": 2,"#) && written.contains(#""z": 1,"#))
        #expect(written.range(of: #""a": 2"#)!.lowerBound < written.range(of: #""z": 1"#)!.lowerBound, "keys sorted")
        #expect(written.hasSuffix("day: Content.Day(year: 2026, month: 1, day: 2))"))
    }

    /// A problem in the content fails the build, named file:line as
    /// check-content names it, and writes no Swift.
    @Test func aContentProblemStopsTheBuildNamingItsLine() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.compiler) else {
            Issue.record("content-compiler is not built at \(Self.compiler): run swift build")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("content-bad-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files = try ContentLoader.files(in: Self.contentFolder)
        let glossary = try #require(files["glossary.yaml"])
        let lines = glossary.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0.contains("  - id: ") })
        var changed = lines
        changed.insert("    soruces: [nmss-2021]", at: index + 1)
        files["glossary.yaml"] = changed.joined(separator: "\n")
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }

        let output = folder.appendingPathComponent("Out.swift").path
        let bad = try run(Self.compiler, [folder.path, output])
        #expect(bad.status == 1)
        let expectedLine = "\(folder.path)/glossary.yaml:\(index + 2): unknown key 'soruces'"
        #expect(bad.stderr.hasPrefix(expectedLine), "\(bad.stderr)")
        #expect(bad.stderr.contains("1 problem in"))
        #expect(!FileManager.default.fileExists(atPath: output))

        // The shipped content compiles, to Swift the module holds.
        let good = try run(Self.compiler, [Self.contentFolder, output])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("static func compiled() -> Content.ContentSet"))
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}

/// Counts calls from a Sendable closure.
private final class LockedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
