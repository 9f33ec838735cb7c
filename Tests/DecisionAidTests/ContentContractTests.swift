import BuiltInContent
import Content
import Foundation
import Testing
@testable import DecisionAid
import ContentYAML

func contractProblems(_ files: [String: String]) -> [ContentProblem] {
    do {
        let content = try ContentLoader.load(files: files)
        return ContentContract.problems(in: content)
    } catch {
        return error.problems
    }
}

func embedded(_ name: String, replacing old: String, by new: String) -> [String: String] {
    var files = ShippedContent.files
    let text = files[name] ?? ""
    #expect(text.contains(old), "fixture text not found in \(name): \(old)")
    files[name] = text.replacingOccurrences(of: old, with: new)
    return files
}

@Suite struct ContentContractTests {
    @Test func shippedContentPassesEveryCheck() throws {
        let content = try ProgramContent.load(directory: nil)
        #expect(content.rules.count == RuleTable.allRules.count)
        #expect(content.therapies.map(\.id) == TherapyIDs.all)
        #expect(Set(content.levels.keys) == Set(CandidacyLevel.allCases.map(\.rawValue)))
    }

    /// A release build trusts the built-in content at start (it cannot
    /// change after the build); this is the check it relies on.
    @Test func theBuiltInContentKeepsTheContract() throws {
        #expect(ContentContract.problems(in: BuiltInContent.content).map(\.description) == [])
        guard case .success = ProgramContent.checkedBuiltIn else {
            Issue.record("the built-in content breaks the contract")
            return
        }
    }

    @Test func theTransplantOptionMustExist() throws {
        var content = try ProgramContent.load(directory: nil)
        #expect(ContentContract.problems(in: content).isEmpty)
        content.options[0].id = "transplant"
        #expect(ContentContract.problems(in: content).map(\.description)
            == ["options.yaml:1: no option has id 'ahsct'; the program shows the transplant's risk notes beside that option"])
    }

    @Test func everyRuleHasWordsAndSources() throws {
        let content = try ProgramContent.load(directory: nil)
        for rule in RuleTable.allRules {
            let words = try #require(content.rule(rule.id), "rule \(rule.id) has no words")
            #expect(!words.text.isEmpty)
            #expect(!words.sources.isEmpty, "rule \(rule.id) has no sources")
        }
    }

    @Test func danglingRuleIDIsReportedWithItsLine() {
        let found = contractProblems(embedded("rules.yaml", replacing: "id: age-65-or-over", by: "id: age-70-or-over"))
        #expect(found.contains { $0.file == "rules.yaml" && $0.line > 1 && $0.message.contains("'age-70-or-over' is not in the program's rule table") })
        #expect(found.contains { $0.message.contains("rule 'age-65-or-over' (Age 65 or over) has no words") })
    }

    @Test func therapyInTheWrongClass() {
        let files = ShippedContent.files
        let therapies = files["therapies.yaml"] ?? ""
        // Call cladribine (sources differ, for the rules) a platform drug.
        guard let range = therapies.range(of: "id: cladribine"),
              let flag = therapies.range(of: "class: sources-differ", range: range.upperBound..<therapies.endIndex) else {
            Issue.record("cladribine entry not found")
            return
        }
        var changed = files
        changed["therapies.yaml"] = therapies.replacingCharacters(in: flag, with: "class: platform")
        #expect(contractProblems(changed).contains { $0.message.contains("'cladribine' says class: platform, but the rules count it as sources-differ") })
        changed["therapies.yaml"] = therapies.replacingCharacters(in: flag, with: "class: strong")
        #expect(contractProblems(changed).contains { $0.message.contains("'strong' in 'class' of therapy") && $0.line > 1 })
    }

    @Test func questionChoicesMustMatchTheContract() {
        let found = contractProblems(embedded("questions.yaml", replacing: "value: \"bedbound\"", by: "value: \"bed-bound\""))
        #expect(found.contains { $0.message.contains("question 'walking' has choices") })
    }

    @Test func checkContentCommandListsProblemsAsFileLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("da-content-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var files = ShippedContent.files
        files["sources.yaml"] = files["sources.yaml"]?.replacingOccurrences(of: "id: sormani-2017", with: "id: sormani-2071")
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }

        let bad = try Binary.run(["check-content", dir.path], executable: Binary.contentToolPath)
        #expect(bad.status == 1)
        let first = bad.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.range(of: #"^/.+/(studies|risks|rules)\.yaml:\d+: .*'sormani-2017', which is not in sources.yaml"#, options: .regularExpression) != nil, "\(bad.stderr)")
        #expect(bad.stderr.contains("problems found") || bad.stderr.contains("problem found"))

        // The same broken copy makes assess refuse to run rather than show unsourced figures.
        let assess = try Binary.run(["assess", "--content", dir.path, "--age", "30"], executable: Binary.contentToolPath)
        #expect(assess.status == 1)

        let good = try Binary.run(["check-content"])
        #expect(good.status == 0)
        #expect(good.stdout.contains("is valid"))
    }
}
