import Foundation
import Testing
@testable import Content
@testable import ContentYAML

/// Size limits on content: a word the screen cannot wrap, a text or file far
/// beyond any real content, a device or pipe in place of a file.
@Suite struct ContentLimitsTests {
    /// The line of the study's summary in the fixture (so the fixture may grow).
    static let summaryLine = (Fixture.files["studies.yaml"] ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        .firstIndex { $0.contains("summary: \"It helped.\"") }.map { $0 + 1 } ?? -1

    @Test func aWordLongerThan60CharactersIsNamedWithFileAndLine() {
        let word = String(repeating: "x", count: 61)
        let found = problems(Fixture.with("studies.yaml", replacing: "summary: \"It helped.\"", by: "summary: \"It helped \(word) a lot.\""))
        #expect(found.count == 1)
        #expect(found.first?.file == "studies.yaml")
        #expect(found.first?.line == Self.summaryLine)
        #expect(found.first?.message.contains("'summary' in study 1 has a word of 61 characters") == true, "\(found)")
        #expect(found.first?.message.contains("at most 60 characters") == true)
    }

    @Test func aWordOf60CharactersIsFine() {
        let word = String(repeating: "x", count: 60)
        #expect(problems(Fixture.with("studies.yaml", replacing: "summary: \"It helped.\"", by: "summary: \"It helped \(word) a lot.\"")) == [])
    }

    @Test func aLinkMayBeOneLongWord() {
        let link = "https://example.org/" + String(repeating: "a", count: 200)
        #expect(problems(Fixture.with("sources.yaml", replacing: "link: \"https://example.org/guide\"", by: "link: \"\(link)\"")) == [])
    }

    @Test func aTextOver2000CharactersIsNamed() {
        let long = Array(repeating: "word", count: 401).joined(separator: " ") // 2,004 characters
        let found = problems(Fixture.with("studies.yaml", replacing: "summary: \"It helped.\"", by: "summary: \"\(long)\""))
        #expect(found.count == 1)
        #expect(found.first?.line == Self.summaryLine)
        #expect(found.first?.message.contains("is 2004 characters long; a text may be at most 2000") == true, "\(found)")
    }

    @Test func aFileOver256KBIsRefusedBeforeParsing() {
        var files = Fixture.files
        files["glossary.yaml"] = (files["glossary.yaml"] ?? "") + "\n# " + String(repeating: "z", count: ContentLimits.fileBytes)
        let found = problems(files)
        #expect(found.count == 1)
        #expect(found.first?.file == "glossary.yaml")
        #expect(found.first?.message.contains("larger than 256 KB") == true)
    }

    /// A folder copy of the fixture, changed by `change`, loaded as check-content does.
    func folderProblems(_ change: (String) throws -> Void) throws -> [ContentProblem] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("da-limits-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in Fixture.files { try text.write(toFile: folder + "/" + name, atomically: false, encoding: .utf8) }
        try change(folder)
        do {
            _ = try ContentLoader.load(directory: folder)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func devZeroAsAContentFileIsRefusedNotReadForever() throws {
        let found = try folderProblems { folder in
            try FileManager.default.removeItem(atPath: folder + "/about.yaml")
            try FileManager.default.createSymbolicLink(atPath: folder + "/about.yaml", withDestinationPath: "/dev/zero")
        }
        #expect(found.count == 1)
        #expect(found.first?.file.hasSuffix("/about.yaml") == true)
        #expect(found.first?.message == "is not an ordinary file")
    }

    @Test func aPipeAsAContentFileDoesNotWait() throws {
        let found = try folderProblems { folder in
            try FileManager.default.removeItem(atPath: folder + "/about.yaml")
            #expect(mkfifo(folder + "/about.yaml", 0o600) == 0)
        }
        #expect(found.first?.message == "is not an ordinary file")
    }

    @Test func aHugeFileStopsAtTheLimit() throws {
        let found = try folderProblems { folder in
            // 1 GB and sparse: reading it all would show in time and memory.
            #expect(truncate(folder + "/glossary.yaml", 1 << 30) == 0)
        }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("larger than 256 KB, the most a content file may be; reading stopped") == true, "\(found)")
    }
}
