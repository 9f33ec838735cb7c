import Foundation
import Testing

/// decision-aid, which people run, carries no YAML reader, no Foundation of
/// any kind (not even FoundationEssentials) and no ICU, and parses its own
/// command line: it starts in milliseconds and small, and its static build
/// has no ICU data. Reading a folder of content is in
/// decision-aid-content, which links both.
@Suite struct ProgramSplitTests {
    private func linked(_ binary: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        process.arguments = [binary]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theAidLinksNoFoundationNoICUAndNoYAML() throws {
        let aid = try linked(Binary.path)
        #expect(aid.contains("libncursesw"), "\(aid)")
        // Nor Swift's concurrency runtime and libdispatch: the aid is one
        // thread (and a print thread of its own), and both cost every start.
        // Nor the Regex engine (_StringProcessing): a megabyte of code and
        // data rewritten at every start, for two plain-text operations.
        for library in ["libFoundation.so", "libFoundationEssentials", "libFoundationInternationalization", "_FoundationICU", "libicu", "Yams", "libFoundationNetworking", "libFoundationXML",
                        "libswift_Concurrency", "libdispatch", "libBlocksRuntime", "libswift_StringProcessing", "libswift_RegexParser"] {
            #expect(!aid.contains(library), "decision-aid links \(library):\n\(aid)")
        }
        // Nor swift-argument-parser, which would bring FoundationEssentials back.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Binary.path))
        #expect(bytes.range(of: Data("14ArgumentParser".utf8)) == nil, "decision-aid holds swift-argument-parser's code")
        #expect(bytes.range(of: Data("20FoundationEssentials".utf8)) == nil, "decision-aid holds FoundationEssentials' code")
        // The split is real: the reviewers' tool has them.
        let tool = try linked(Binary.contentToolPath)
        #expect(tool.contains("libFoundation.so"), "\(tool)")
    }

    @Test func theAidSaysWhereReadingAFolderWent() throws {
        let content = try Binary.run(["--content", Binary.packageRoot.appendingPathComponent("Assets/content").path])
        #expect(content.status == 2)
        #expect(content.stdout.isEmpty)
        #expect(content.stderr.split(separator: "\n").count == 1)
        #expect(content.stderr.hasPrefix("decision-aid: --content is in decision-aid-content"), "\(content.stderr)")
        let assess = try Binary.run(["assess", "--content", "/tmp", "--age", "30"])
        #expect(assess.status == 2 && assess.stderr.contains("decision-aid-content"))
        let check = try Binary.run(["check-content", "/tmp"])
        #expect(check.status == 2)
        #expect(check.stderr.contains("run: decision-aid-content check-content /tmp"), "\(check.stderr)")
        // The built-in content is still checked by the aid itself.
        let builtIn = try Binary.run(["check-content"])
        #expect(builtIn.status == 0 && builtIn.stdout.contains("is valid"))
    }

    @Test func theContentToolPreviewsAFolderWithoutRebuilding() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("da-preview-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files = ShippedContent.files
        files["about.yaml"] = files["about.yaml"]?.replacingOccurrences(of: "version: \"", with: "version: \"9")
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let help = try Binary.run(["help", "assess"], executable: Binary.contentToolPath)
        #expect(help.status == 0 && help.stdout.contains("USAGE: decision-aid-content assess"), "\(help.stdout.prefix(300))")
        let check = try Binary.run(["check-content", folder.path], executable: Binary.contentToolPath)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("is valid"))
        let assess = try Binary.run(["--content", folder.path, "assess", "--age", "34", "--format", "json"], executable: Binary.contentToolPath)
        #expect(assess.status == 0, "\(assess.stderr)")
        #expect(assess.stdout.contains("\"version\" : \"9"), "the edited copy is used")
    }
}
