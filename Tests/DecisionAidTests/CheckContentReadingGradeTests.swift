import Foundation
import Testing

@Suite(.serialized) struct CheckContentReadingGradeTests {
    @Test func checkContentPrintsTheReadingGrade() throws {
        let run = try Binary.run(["check-content"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("is valid") == true, "\(run.stdout)")
        let grade = try #require(lines.first { $0.hasPrefix("Reading grade") }, "\(run.stdout)")
        let pattern = #"^Reading grade \(Flesch–Kincaid\): average -?\d+\.\d over \d+ texts; highest -?\d+\.\d \([a-z]+\.yaml(:\d+)? .+\)$"#
        #expect(grade.range(of: pattern, options: .regularExpression) != nil, "\(grade)")
    }
}
