import Foundation
import Testing
@testable import Content
@testable import ContentYAML

func problems(_ files: [String: String]) -> [ContentProblem] {
    do {
        _ = try ContentLoader.load(files: files)
        return []
    } catch {
        return error.problems
    }
}

@Suite struct ContentLoaderTests {
    @Test func fixtureLoads() throws {
        let content = try ContentLoader.load(files: Fixture.files)
        #expect(content.about.version == "9.9.9")
        #expect(content.about.reviewed == Day(year: 2026, month: 1, day: 2))
        #expect(content.studies.first?.outcomes.first?.text == "3 of 55 got worse.")
        #expect(content.risks.first?.figures.first?.per100 == 2.1)
        #expect(content.rules.first?.id == "age-60-or-over")
    }

    @Test func missingSourceIsNamedWithFileAndLine() {
        let found = problems(Fixture.with("studies.yaml", replacing: "sources: [guide]\n    limitations", by: "sources: [nmss-2099]\n    limitations"))
        #expect(found.count == 1)
        #expect(found.first?.file == "studies.yaml")
        #expect(found.first?.line == 14)
        #expect(found.first?.message.contains("'nmss-2099'") == true)
    }

    @Test func figureWithoutSourceFails() {
        let found = problems(Fixture.with("risks.yaml", replacing: "        sources: [guide]\n", by: ""))
        #expect(found.count == 1)
        #expect(found.first?.file == "risks.yaml")
        #expect(found.first?.line == 7)
        #expect(found.first?.message.contains("has a figure but no source") == true)
    }

    @Test func textWithoutDigitsNeedsNoSource() {
        // "Small." in limitations cites nothing, and the fixture loads.
        #expect(problems(Fixture.files).isEmpty)
    }

    @Test(arguments: ["2026-13-01", "2026-02-30", "21-11-2026", "soon"])
    func badDateFails(date: String) {
        let found = problems(Fixture.with("about.yaml", replacing: "reviewed: 2026-01-02", by: "reviewed: \(date)"))
        #expect(found.count == 1)
        #expect(found.first?.file == "about.yaml")
        #expect(found.first?.line == 3)
        #expect(found.first?.message.contains("YYYY-MM-DD") == true)
    }

    @Test func reviewByMustFollowReviewed() {
        let found = problems(Fixture.with("about.yaml", replacing: "reviewBy: 2027-01-02", by: "reviewBy: 2025-01-02"))
        #expect(found.first?.message.contains("should come after") == true)
    }

    @Test func misspeltKeyIsReported() {
        let found = problems(Fixture.with("checklist.yaml", replacing: "    sources: [guide]", by: "    soruces: [guide]"))
        #expect(found.contains { $0.line == 6 && $0.message.contains("unknown key 'soruces'") })
    }

    @Test func brokenYAMLNamesTheLine() {
        let found = problems(Fixture.with("glossary.yaml", replacing: "    term: \"EDSS\"", by: "    term: \"EDSS"))
        #expect(found.count == 1)
        #expect(found.first?.file == "glossary.yaml")
        #expect(found.first?.message.hasPrefix("not valid YAML") == true)
        #expect((found.first?.line ?? 0) >= 3)
    }

    @Test func missingRequiredField() {
        let found = problems(Fixture.with("checklist.yaml", replacing: "    why: \"Safer.\"\n", by: ""))
        #expect(found.first?.description == "checklist.yaml:2: checklist item 1 is missing 'why'")
    }

    @Test func duplicateIDs() {
        var files = Fixture.files
        files["glossary.yaml"]! += "\n  - id: edss\n    term: \"EDSS again\"\n    definition: \"Twice.\"\n"
        let found = problems(files)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("used twice (first on line 2)") == true)
    }

    @Test func rangeMustHoldTheValue() {
        let found = problems(Fixture.with("risks.yaml", replacing: "per100: 2.1", by: "per100: 5"))
        #expect(found.first?.message.contains("outside its range") == true)
    }

    @Test func wrongKindIsListedWithAllowedKinds() {
        let found = problems(Fixture.with("sources.yaml", replacing: "kind: guideline", by: "kind: blog"))
        #expect(found.first?.line == 6)
        #expect(found.first?.message.contains("allowed: guideline") == true)
    }

    @Test func folderWithMissingFileNamesIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("content-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in Fixture.files where name != "risks.yaml" {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        #expect(throws: ContentError.self) { try ContentLoader.load(directory: dir.path) }
        do {
            _ = try ContentLoader.load(directory: dir.path)
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.file == dir.appendingPathComponent("risks.yaml").path)
            #expect(error.problems.first?.message.contains("missing") == true)
        }
        try Fixture.files["risks.yaml"]!.write(to: dir.appendingPathComponent("risks.yaml"), atomically: true, encoding: .utf8)
        #expect(try ContentLoader.load(directory: dir.path).risks.count == 1)
    }
}
