import Content
import Foundation
@testable import DecisionAid
import BuiltInContent

/// Content for the options and numbers views: the shipped content with an
/// options grid, trials and key numbers of our own, so the tests do not
/// depend on options.yaml. Figures are for testing layout, not facts.
enum DeliberationFixture {
    static let content: ContentSet = {
        var content = BuiltInContent.content
        func cited(_ text: String) -> Cited {
            var c = content.risks[0].summary
            c.text = text
            c.sources = ["nmss-2021"]
            return c
        }
        content.options = [
            TreatmentOption(id: "ahsct", name: "AHSCT at an experienced, accredited centre", short: "AHSCT",
                            summary: cited("A stem cell transplant."), line: 1),
            TreatmentOption(id: "drug", name: "A high-efficacy MS drug", short: "High-efficacy drug",
                            summary: cited("Ocrelizumab, natalizumab and others."), line: 2),
            TreatmentOption(id: "trial", name: "A trial comparing the two", short: "Trial",
                            summary: cited("Chance decides which one you get."), line: 3),
        ]
        func cell(_ text: String, _ sources: [String], noNumber: Bool = false) -> GridCell {
            GridCell(text: text, sources: sources, noGoodNumber: noNumber, line: 1)
        }
        content.grid = [
            GridRow(id: "what", question: "What does it involve?", cells: [
                "ahsct": cell("Weeks in hospital: stem cells are collected, then strong chemotherapy, then the cells are given back.", ["nmss-2021", "jessop-2019"]),
                "drug": cell("An infusion or injection every few weeks or months, for years.", ["nmss-2021"]),
                "trial": cell("One of the two, picked by chance, with more check-ups.", ["burt-2019"]),
            ], line: 1),
            GridRow(id: "death", question: "How many die from the treatment?", cells: [
                "ahsct": cell("About 3 in 1,000 in recent studies; more in older ones.", ["sormani-2017", "muraro-2025"]),
                "drug": cell("Very few; serious infections are rare.", ["mssociety-uk"]),
                "trial": cell("The same as the treatment you get.", ["burt-2019"]),
            ], line: 2),
            GridRow(id: "cancer", question: "Could it cause cancer years later?", cells: [
                "ahsct": cell("There is no good number: the risk is listed but not measured.", ["mssociety-uk"], noNumber: true),
                "drug": cell("There is no good number for most of these drugs.", [], noNumber: true),
                "trial": cell("The same as the treatment you get.", ["burt-2019"]),
            ], line: 3),
            GridRow(id: "worse", question: "How many get worse over about 3 years?", cells: [
                "ahsct": cell("About 6 in 100 in the MIST trial.", ["burt-2019"]),
                "drug": cell("About 34 in 100 in the MIST trial.", ["burt-2019"]),
                "trial": cell("Depends on which treatment you get.", ["burt-2019"]),
            ], line: 4),
        ]
        content.trials = [
            Trial(id: "ram-ms", name: "RAM-MS", registration: "NCT03477500", places: "Norway, Sweden, Denmark, Finland and the Netherlands",
                  compares: "AHSCT with alemtuzumab, ocrelizumab or cladribine", ageMin: 18, ageMax: 50, edssMin: 0, edssMax: 5.5,
                  activity: "relapses or new MRI lesions in the last year despite treatment", status: "Recruitment finished",
                  takesUntreated: false, sources: ["nmss-2021"], line: 1),
            Trial(id: "beat-ms", name: "BEAT-MS", registration: "NCT04047628", places: "the USA and the UK",
                  compares: "AHSCT with the best available high-efficacy drug", ageMin: 18, ageMax: 55, edssMin: 0, edssMax: 6.0,
                  activity: "two or more relapses, or new lesions, in the last year", status: "Recruitment closed in November 2024",
                  takesUntreated: true, sources: ["nmss-2021", "va-mscoe"], line: 2),
        ]
        content.keyNumbers = [death, worse, free]
        return content
    }()

    static let death = KeyNumber(
        id: "death", outcome: "Died from the treatment", event: "died from the treatment", nonEvent: "did not", harm: true,
        denominator: 1000, timeFrame: "in the first 100 days", risk: "treatment-related-death", figures: [
            KeyFigure(option: "ahsct", per100: 2.1, low: 0, high: 2.8, text: "In 15 studies, about 2 of every 100 people died from the treatment.",
                      group: "764 people in 15 studies", certainty: "Low: from studies without a comparison group", sources: ["sormani-2017"], line: 1),
            KeyFigure(option: "drug", per100: 0, low: nil, high: nil, text: "Deaths from these drugs are very rare.",
                      group: "people on high-efficacy drugs", certainty: "Moderate", sources: ["mssociety-uk"], line: 2),
            KeyFigure(option: "trial", per100: nil, low: nil, high: nil, text: "It depends on which treatment a person gets; there is no good number.",
                      group: "", certainty: "", sources: [], line: 3),
        ], line: 1)

    static let worse = KeyNumber(
        id: "worse", outcome: "Disability got worse", event: "got worse", nonEvent: "did not", harm: true,
        denominator: 100, timeFrame: "over about 3 years", risk: nil, figures: [
            KeyFigure(option: "ahsct", per100: 5.5, low: 3, high: 9, text: "In the MIST trial, disability got worse in 3 of 55 people who had AHSCT.",
                      group: "110 people with relapsing MS", certainty: "Moderate: one randomized trial", sources: ["burt-2019"], line: 1),
            KeyFigure(option: "drug", per100: 34, low: nil, high: nil, text: "In the MIST trial, disability got worse in 19 of 55 people on drugs.",
                      group: "110 people with relapsing MS", certainty: "Moderate: one randomized trial", sources: ["burt-2019"], line: 2),
        ], line: 2)

    static let free = KeyNumber(
        id: "free", outcome: "No relapses", event: "had no relapses", nonEvent: "had a relapse", harm: false,
        denominator: 100, timeFrame: "over about 3 years", risk: nil, figures: [
            KeyFigure(option: "ahsct", per100: 85, low: 80, high: 94, text: "Most people had no relapses after AHSCT.",
                      group: "110 people with relapsing MS", certainty: "Moderate", sources: ["burt-2019"], line: 1),
            KeyFigure(option: "drug", per100: 40, low: nil, high: nil, text: "Fewer people had no relapses on drugs.",
                      group: "110 people with relapsing MS", certainty: "Moderate", sources: ["burt-2019"], line: 2),
        ], line: 3)

    static let unicode = Context(content: content, capabilities: .full)
    static let ascii = Context(content: content, capabilities: .plain)

    static func with(_ keyNumbers: [KeyNumber]) -> Context {
        var c = content
        c.keyNumbers = keyNumbers
        return Context(content: c, capabilities: .full)
    }

    /// 34, relapsing-remitting, walks without limit, 2 relapses on ocrelizumab.
    static var young: Answers {
        var a = Answers()
        a.age = 34
        a.subtype = .relapsingRemitting
        a.walking = .unlimited
        a.relapsesLast12Months = 2
        a.therapies = ["ocrelizumab"]
        return a
    }

    /// The same at 52: outside RAM-MS's ages, inside BEAT-MS's; "older" for the risks.
    static var older: Answers {
        var a = young
        a.age = 52
        return a
    }

    /// No line wider than the body.
    static func overflow(_ lines: [Line], width: Int) -> [String] {
        lines.filter { Frame.width(of: $0.text) + $0.indent > width }.map(\.text)
    }

    /// The body's text as one string, lines joined by spaces (wrapped sentences read whole).
    static func text(_ lines: [Line]) -> String {
        lines.map { $0.text.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
