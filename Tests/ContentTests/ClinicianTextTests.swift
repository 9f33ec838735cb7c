import Testing
@testable import Content
@testable import ContentYAML

/// A rule's optional `clinician:` text: the reason in a clinician's words,
/// for the clinician's printout. Loaded, held to the same limits and
/// citation rule as the patient's text, but not reading-graded.
@Suite struct ClinicianTextTests {
    static let withClinician = Fixture.with("rules.yaml", replacing: "    text: \"Risk rises with age.\"\n",
                                            by: "    text: \"Risk rises with age.\"\n    clinician: \"Transplant-related mortality rises with age (registry data).\"\n")

    @Test func loadsWhenGivenAndIsNilOtherwise() throws {
        let with = try ContentLoader.load(files: Self.withClinician)
        #expect(with.rules.first?.clinician == "Transplant-related mortality rises with age (registry data).")
        let without = try ContentLoader.load(files: Fixture.files)
        #expect(without.rules.first?.clinician == nil)
    }

    @Test func isNotGradedForReading() throws {
        let content = try ContentLoader.load(files: Self.withClinician)
        #expect(!content.patientTexts.contains { $0.text.contains("mortality") })
        #expect(content.patientTexts.contains { $0.place == "rule 'age-60-or-over' text" })
    }

    @Test func aFigureInItNeedsTheRulesSources() {
        var files = Fixture.files
        files["rules.yaml"] = """
        levels:
          strong:
            headline: "Strongest evidence"
            explanation: "Words."
        rules:
          - id: age-60-or-over
            text: "Risk rises with age."
            clinician: "Transplant-related mortality of 2.1 in 100."
        """
        let found = problems(files)
        #expect(found.contains { $0.file == "rules.yaml" && $0.message.contains("has a figure but no source: \"Transplant-related") }, "\(found)")
    }

    @Test func isHeldToTheContentLimits() {
        let long = String(repeating: "word ", count: 500)
        let found = problems(Fixture.with("rules.yaml", replacing: "    text: \"Risk rises with age.\"\n",
                                          by: "    text: \"Risk rises with age.\"\n    clinician: \"\(long)\"\n"))
        #expect(found.contains { $0.file == "rules.yaml" && $0.message.contains("'clinician'") && $0.message.contains("at most 2000") }, "\(found)")
    }
}
