import Content
import Testing
@testable import DecisionAid

/// The shipped content, set up for a clinician (`--clinician`).
let clinicianContext = Context(content: testContext.content, settings: .clinician)

func typeClinician(_ m: inout Model, _ text: String) {
    for c in text { press(&m, .character(c), ctx: clinicianContext) }
}

/// Types a number and Enter, or picks choice `n` (1-based) and Enter.
func answerClinician(_ m: inout Model, _ value: String) {
    if let n = Int(value), n < 10, case .question(let f) = m.page, QuestionFlow.input(f) == .choice {
        press(&m, .character(Character(String(n))), .enter, ctx: clinicianContext)
    } else {
        typeClinician(&m, value)
        press(&m, .enter, ctx: clinicianContext)
    }
}

/// A clinician's model at the EDSS question: 34, relapsing-remitting, 2 relapses (MRI skipped).
func clinicianAtEDSS(_ size: Size = Size(width: 80, height: 24)) -> Model {
    var m = Model(size: size, settings: .clinician)
    press(&m, .enter, .enter, ctx: clinicianContext)     // welcome, SURE skipped
    answerClinician(&m, "34")
    answerClinician(&m, "1")
    answerClinician(&m, "2")
    return m
}

/// The strong person as a clinician enters them, with the exact EDSS, to the review.
func walkStrongClinician(edss: String = "2", size: Size = Size(width: 80, height: 24)) -> Model {
    var m = clinicianAtEDSS(size)
    answerClinician(&m, edss)                 // below 6.5: the relapse question is skipped
    answerClinician(&m, "4")                  // years
    for _ in 0..<12 { press(&m, .down, ctx: clinicianContext) }
    press(&m, .character(" "), .enter, ctx: clinicianContext)   // ocrelizumab
    answerClinician(&m, "1")                  // active on it: yes
    answerClinician(&m, "2")                  // high-efficacy ruled out: no
    answerClinician(&m, "2")                  // serious illness: no
    return m
}

/// A page drawn whole (a tall screen), its words joined with single spaces,
/// so a wrapped sentence or citation reads whole.
func clinicianPage(_ m: Model, width: Int = 80, ctx: Context = clinicianContext) -> String {
    var tall = m
    tall.size = Size(width: width, height: 2000)
    let text = Views.render(tall, ctx).frame.text
    return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
}

func results(_ section: ResultsSection, _ m: Model) -> Model {
    var m = m
    press(&m, .end, .enter, ctx: clinicianContext)
    press(&m, .character(section.key), ctx: clinicianContext)
    return m
}

@Suite struct ClinicianTests {
    // MARK: Settings

    @Test func theCommandLineSetsClinicianModeAndRefusesItWithAKiosk() throws {
        let command = try DecisionAidCommand.parse(["--clinician"])
        #expect(command.settings == .clinician)
        #expect(command.settings.exactEDSS)
        #expect(try DecisionAidCommand.parse([]).settings == .patient)
        #expect(throws: (any Error).self) { try DecisionAidCommand.parse(["--clinician", "--kiosk"]) }
        #expect(DecisionAidCommand.clinicianRefusal(["--clinician", "assess", "--age=30"]) != nil)
        #expect(DecisionAidCommand.clinicianRefusal(["--clinician"]) == nil)
        if case .failure(let failure) = ArgumentCheck.check(["--clinician"]) { Issue.record("refused: \(failure.line)") }

        let both = try Binary.run(["--clinician", "--kiosk"])
        #expect(both.status == 2)
        #expect(both.stderr.split(separator: "\n").count == 1)
        #expect(both.stderr.contains("--clinician cannot be used with --kiosk"))
        let sub = try Binary.run(["--clinician", "assess", "--age", "30"])
        #expect(sub.status == 2)
        #expect(sub.stdout.isEmpty)
    }

    @Test func theModelFromTheClinicianPresetAsksTheExactEDSS() {
        let m = Model(size: Size(width: 80, height: 24), settings: .clinician)
        #expect(m.interview.exactEDSS)
        #expect(m.interview.order.contains(.edss))
        #expect(!m.interview.order.contains(.walking))
        // A wipe (kiosk-style start over) keeps the preset.
        var wiped = m
        _ = wipe(&wiped, clinicianContext)
        #expect(wiped.interview.exactEDSS)
    }

    // MARK: Exact EDSS

    @Test func theEDSSIsTypedAfterTheRelapses() {
        let m = clinicianAtEDSS()
        #expect(m.page == .question(.edss))
        let screen = clinicianPage(m)
        #expect(screen.contains("Question 5 of 11"))
        #expect(screen.contains("Type the score from 0 to 10 in steps of 0.5 (for example 6.5), then press Enter."))
    }

    @Test func aBadEDSSIsAskedAgainWithTheMessageAssessGives() throws {
        var m = clinicianAtEDSS()
        typeClinician(&m, "6.3")
        press(&m, .enter, ctx: clinicianContext)
        #expect(m.page == .question(.edss))
        #expect(m.draft == "6.3")
        #expect(m.answers.edss == nil)

        var scratch = Answers()
        var expected: AnswerError?
        do { try AnswerParser.set(.edss, from: "6.3", in: &scratch) } catch { expected = error }
        let problem = try #require(expected?.problem)
        #expect(problem == "6.3 is not an EDSS score; allowed: a score from 0 to 10 in steps of 0.5 (for example 3.5)")
        #expect(Views.problemText(m) == problem.capitalizedFirst() + ".")
        #expect(clinicianPage(m).contains(problem))
        // The command line says the same words after its flag.
        let assess = try Binary.run(["assess", "--edss", "6.3"])
        #expect(assess.status == 2)
        #expect(assess.stderr.contains("--edss: " + problem))

        // Nothing answered is lost; a good score goes on.
        press(&m, .backspace, ctx: clinicianContext)
        typeClinician(&m, "5")
        press(&m, .enter, ctx: clinicianContext)
        #expect(m.answers.edss == 6.5)
        #expect(m.answers.age == 34 && m.answers.relapsesLast12Months == 2)
        #expect(m.page == .question(.disabilityFromRecentRelapse))
    }

    @Test func theWalkingBandShowsBesideTheTypedScore() {
        var m = clinicianAtEDSS()
        typeClinician(&m, "6.5")
        let band = "6.5 = walking band \"I need a cane or crutch on both sides, or a walker, to walk about 20 metres\" (EDSS 6.5)"
        #expect(Clinician.typedCheck(m.draft, clinicianContext) == band)
        #expect(clinicianPage(m).contains(band + ". Press Enter to keep it."))
        // Not yet a score: no band, the hint instead.
        press(&m, .backspace, .backspace, ctx: clinicianContext)
        #expect(m.draft == "6")
        #expect(clinicianPage(m).contains("6.0 = walking band \"I use a cane, crutch or brace on one side"))
        typeClinician(&m, ".2")
        #expect(Clinician.typedCheck(m.draft, clinicianContext) == nil)
        #expect(clinicianPage(m).contains("Type the score from 0 to 10"))
    }

    @Test func everyHalfStepHasExactlyTheWalkingBandOfItsRange() {
        let expected: [(Double, Walking)] = [(0, .unlimited), (3.5, .unlimited), (4, .limited), (5.5, .limited),
                                             (6, .oneSidedAid), (6.5, .twoSidedAid), (7, .wheelchair), (7.5, .wheelchair),
                                             (8, .bedbound), (10, .bedbound)]
        for (score, band) in expected { #expect(Clinician.walkingBand(score) == band, "EDSS \(score)") }
        for tenths in stride(from: 0, through: 100, by: 5) {
            let score = Double(tenths) / 10
            let bands = Walking.allCases.filter { score >= $0.edssBand.low && score <= ($0.edssBand.high ?? 10) }
            #expect(bands.count == 1, "EDSS \(score) is in \(bands.count) bands")
            // The rules read the band's EDSS the same way as the exact score.
            if let band = bands.first {
                var exact = Answers(); exact.edss = score
                var walking = Answers(); walking.walking = band
                #expect(exact.riskFactors == walking.riskFactors, "EDSS \(score)")
            }
        }
    }

    @Test func theReviewShowsTheExactEDSSWithItsBand() {
        let m = walkStrongClinician()
        #expect(m.page == .review)
        #expect(m.answers.edss == 2.0 && m.answers.walking == nil)
        let review = clinicianPage(m)
        #expect(review.contains("EDSS: 2.0 = walking band \"I can walk as far as I like without help\" (EDSS 0.0-3.5)"))
        #expect(!review.contains("Walking:"))
        #expect(review.contains("Disability and relapse: Not asked: it matters only at EDSS 6.5 to 7.5."))
        #expect(RuleTable.evaluate(m.answers).level == .strong)
    }

    // MARK: The Summary: rules, ids, guidelines

    @Test func theSummaryListsTheRulesThatFiredWithTheirIdsAndGuidelines() throws {
        let m = results(.summary, walkStrongClinician())
        let page = clinicianPage(m, width: 132)
        #expect(page.contains("Level: strong"))
        #expect(page.contains("Rules that fired"))
        #expect(page.contains("strong-profile [strong]: " + (Clinician.condition("strong-profile") ?? "?")))
        #expect(page.contains("EDSS 2.0"), "the answers behind the rule give the exact EDSS")
        let nmss = try #require(testContext.content.source("nmss-2021"))
        #expect(page.contains("NMSS 2021, guideline: " + nmss.citation + " doi:10.1001/jamaneurol.2020.4025"))
        // Every rule that fired, by id.
        for reason in Assessor.assess(m.answers, content: testContext.content).reasons {
            #expect(page.contains(reason.rule + " [" + reason.kind.name + "]"))
        }
    }

    @Test func aMissingEDSSIsNamedAsTheEDSS() throws {
        var a = Answers()
        a.age = 34
        let reasons = Assessor.assess(a, content: testContext.content).reasons
        let missing = try #require(reasons.first { $0.missing && ($0.fields.contains(.walking) || $0.fields.contains(.edss)) })
        let because = try #require(Clinician.because(missing, a, clinicianContext))
        #expect(because.contains("EDSS"))
        #expect(!because.contains("walking"))
        // Trials too: no EDSS given, said as such.
        let fit = try #require(TrialMatcher.fits(a, DeliberationFixture.content).first { $0.edss == nil && $0.trial.edssMax != nil })
        #expect(OptionsView.fitText(fit, a, exactEDSS: true).contains("no EDSS score has been given"))
        #expect(OptionsView.fitText(fit, a).contains("you have not said how far you can walk"))
    }

    // MARK: Full citations where each figure is shown

    @Test func theNumbersShowEachFiguresFullCitation() throws {
        let m = results(.numbers, walkStrongClinician())
        let page = clinicianPage(m)
        let ids = testContext.content.keyNumbers.flatMap { $0.figures.flatMap(\.sources) }
        #expect(!ids.isEmpty)
        for id in Set(ids) {
            let source = try #require(testContext.content.source(id))
            #expect(page.contains(source.citation), "no full citation for \(id)")
        }
        #expect(page.contains("doi:10.1001/jama.2018.18743"))
        // The patient sees the short names instead.
        var patient = walkStrongPerson()
        press(&patient, .end, .enter, .character("3"))
        #expect(!clinicianPage(patient, ctx: testContext).contains("doi:10.1001/jama.2018.18743"))
    }

    @Test func risksEvidenceAndOptionsCellsCiteInFull() throws {
        let person = walkStrongClinician()
        let content = testContext.content
        let risks = clinicianPage(results(.risks, person))
        for id in Set(content.risks.flatMap { $0.figures.flatMap(\.sources) }) {
            let source = try #require(content.source(id))
            // Links that are long web addresses wrap hard; the citation itself reads whole.
            #expect(risks.contains(source.citation), "no full citation for \(id) on Risks")
        }
        var evidence = results(.evidence, person)
        let list = clinicianPage(evidence)
        let study = try #require(Assessor.matchedEvidence(person.answers, content).first)
        for id in study.summary.sources.isEmpty ? study.sources : study.summary.sources {
            #expect(list.contains(try #require(content.source(id)).citation))
        }
        // A study's outcomes are numbered into its full source list.
        press(&evidence, .enter, ctx: clinicianContext)
        let detail = clinicianPage(evidence)
        #expect(detail.contains("[1] " + (try #require(content.source(study.sources[0])).citation)))
        #expect(!detail.contains("(["))

        // Options, one question at a time (80 columns): full citations under each cell.
        let options = clinicianPage(results(.options, person))
        let row = try #require(content.grid.first)
        for id in row.cells.values.flatMap(\.sources) {
            #expect(options.contains(try #require(content.source(id)).citation), "no full citation for \(id) on Options")
        }
    }

    @Test func theWideOptionsTableNumbersItsSourcesAndCitesThemUnderEachRow() throws {
        var m = results(.options, walkStrongClinician())
        m.size = Size(width: 132, height: 40)
        let body = ResultsView.body(.options, m, clinicianContext, Glyphs(clinicianContext.capabilities))
        let table = body.filter { $0.text.contains("│") }
        #expect(!table.isEmpty)
        // The table spans the width: its widest row reaches past the patient's prose measure.
        #expect((table.map { Frame.width(of: $0.text) + $0.indent }.max() ?? 0) > 120)
        #expect(table.allSatisfy { Frame.width(of: $0.text) + $0.indent <= Views.tableWidth(m.size) })
        let text = body.map(\.text).joined(separator: "\n")
        #expect(text.contains("[1] "))
        let page = clinicianPage(m, width: 132)
        let first = try #require(testContext.content.grid.first)
        for id in Set(first.cells.values.flatMap(\.sources)) {
            #expect(page.contains(try #require(testContext.content.source(id)).citation))
        }
    }

    // MARK: The plain line mode, for a clinician

    @Test func thePlainModeAsksTheEDSSAndListsTheRules() {
        let run = runPlain(plainStart + ["34", "1", "2", "6.3", "6.5", "1", "4", "12", "1", "2", "2", "", "q", "y"], settings: .clinician)
        #expect(run.status == 0)
        #expect(!run.text.contains("walking on most days"))
        #expect(run.text.contains("6.3 is not an EDSS score; allowed: a score from 0 to 10 in steps of 0.5 (for example 3.5)."))
        #expect(run.text.contains("Taken: 6.5 = walking band \"I need a cane or crutch on both sides, or a walker,"))
        #expect(run.text.contains("Rules that fired"))
        #expect(run.text.contains("high-edss-from-relapse [discuss]"))
    }

    // MARK: Width, title, help, About

    @Test func proseUsesTheWholeWidthForAClinicianOnly() {
        let wide = Size(width: 132, height: 40)
        #expect(Views.bodyWidth(wide, clinicianContext) == 128)
        #expect(Views.bodyWidth(wide, testContext) == 80)
        #expect(Views.bodyWidth(Size(width: 80, height: 24), clinicianContext) == Views.bodyWidth(Size(width: 80, height: 24), testContext))
        let m = results(.summary, walkStrongClinician(size: wide))
        let lines = ResultsView.body(.summary, m, clinicianContext, Glyphs(clinicianContext.capabilities))
        #expect((lines.map { Frame.width(of: $0.text) + $0.indent }.max() ?? 0) > 100)
    }

    @Test func noClinicianLineIsWiderThanTheScreen() {
        // (At 60 columns a Numbers legend is wider than the body in either mode: a known gap of the pictures.)
        for width in [80, 132] {
            let m = walkStrongClinician(size: Size(width: width, height: 40))
            for section in ResultsSection.allCases {
                var page = m
                press(&page, .end, .enter, ctx: clinicianContext)
                page.page = .results(section)
                let lines = ResultsView.body(section, page, clinicianContext, Glyphs(clinicianContext.capabilities))
                let over = lines.filter { Frame.width(of: $0.text) + $0.indent > Views.tableWidth(page.size) }
                #expect(over.isEmpty, "\(section) at \(width): \(over.map(\.text))")
            }
        }
    }

    @Test func everyScreenSaysClinicianModeInItsTitle() {
        var m = Model(size: Size(width: 80, height: 24), settings: .clinician)
        func title(_ m: Model) -> String { String(Views.render(m, clinicianContext).frame.text.split(separator: "\n").first ?? "") }
        #expect(title(m).contains("[CLINICIAN MODE]"))
        m = walkStrongClinician()
        #expect(title(m).contains("[CLINICIAN MODE]"))
        press(&m, .end, .enter, ctx: clinicianContext)
        for section in ResultsSection.allCases {
            m.page = .results(section)
            #expect(title(m).contains("[CLINICIAN MODE]"), "\(section)")
            #expect(title(m).hasSuffix(section.title + " (\(section.rawValue + 1) of \(ResultsSection.allCases.count))"))
        }
        // Too narrow for the whole title beside the progress: the short one, the progress whole.
        m.size = Size(width: 60, height: 18)
        m.page = .results(.checklist)
        #expect(title(m).hasPrefix(" AHSCT aid [CLINICIAN]"))
        #expect(title(m).hasSuffix("Clinic checklist (9 of 12)"))
        // The patient's aid never says so.
        #expect(!Views.render(walkStrongPerson(), testContext).frame.text.contains("CLINICIAN"))
    }

    @Test func welcomeHelpAndAboutSayWhatDiffers() {
        var m = Model(size: Size(width: 80, height: 24), settings: .clinician)
        let differences = Clinician.differences.split(separator: " ").joined(separator: " ")
        #expect(clinicianPage(m).contains(differences))
        press(&m, .character("?"), ctx: clinicianContext)
        #expect(m.overlay == .help)
        #expect(clinicianPage(m).contains(differences))
        press(&m, .escape, .character("a"), ctx: clinicianContext)
        let about = clinicianPage(m)
        #expect(about.contains("Clinician mode " + differences))
        #expect(about.contains("decision-aid rules"))
        // None of it for the patient.
        var patient = Model(size: Size(width: 80, height: 24))
        #expect(!clinicianPage(patient, ctx: testContext).contains("Clinician mode"))
        press(&patient, .character("a"))
        #expect(!clinicianPage(patient, ctx: testContext).contains("Clinician mode"))
    }
}
