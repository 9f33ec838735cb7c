import Content
import Foundation
import Testing
@testable import DecisionAid

@Suite struct OptionsViewTests {
    typealias F = DeliberationFixture

    func body(_ ctx: Context, width: Int, current: Int = 0, answers: Answers = F.young) -> [Line] {
        OptionsView.body(current: current, answers: answers, ctx: ctx, g: Glyphs(ctx.capabilities), width: width, tableWidth: width)
    }

    /// The table's column `index`, read down the lines and joined with spaces.
    func column(_ lines: [Line], _ index: Int, bar: String) -> String {
        lines.compactMap { line -> String? in
            let pieces = (line.text + " ").components(separatedBy: " " + bar + " ")
            guard pieces.count > 1, index < pieces.count else { return nil }
            let piece = pieces[index].trimmingCharacters(in: .whitespaces)
            return piece.isEmpty ? nil : piece
        }.joined(separator: " ")
    }

    @Test(arguments: [56, 76, 96, 128])
    func noLineIsWiderThanTheBody(width: Int) {
        for ctx in [F.unicode, F.ascii] {
            for current in 0..<OptionsView.rowCount(ctx) {
                for answers in [F.young, F.older, Answers()] {
                    let lines = body(ctx, width: width, current: current, answers: answers)
                    #expect(F.overflow(lines, width: width) == [], "width \(width), unicode \(ctx.capabilities.unicode)")
                }
            }
        }
    }

    @Test func narrowBelowNinetySix() {
        #expect(OptionsView.isNarrow(width: 56))
        #expect(OptionsView.isNarrow(width: 95))
        #expect(!OptionsView.isNarrow(width: 96))
        #expect(OptionsView.rowCount(F.unicode) == 4)
    }

    @Test(arguments: [96, 128])
    func wideShowsEveryOptionAndEveryQuestion(width: Int) {
        for (ctx, bar) in [(F.unicode, "│"), (F.ascii, "|")] {
            let lines = body(ctx, width: width)
            for (index, option) in ctx.content.options.enumerated() {
                #expect(column(lines, index + 1, bar: bar).hasPrefix(option.name), "option \(option.id) at \(width)")
            }
            let questions = column(lines, 0, bar: bar)
            for row in ctx.content.grid {
                #expect(questions.contains(row.question), "\(row.question) at \(width)")
                // Every cell's text, read down its column.
                for (index, option) in ctx.content.options.enumerated() {
                    let cell = row.cells[option.id]!
                    #expect(column(lines, index + 1, bar: bar).contains(cell.text), "\(row.id)/\(option.id)")
                }
            }
            // Rules between the rows; every cell's sources under it.
            #expect(lines.filter { $0.text.contains(ctx.capabilities.unicode ? "┼" : "+") }.count == ctx.content.grid.count)
            #expect(column(lines, 1, bar: bar).contains("Sormani 2017 (15 studies pooled); UK national cohort (Muraro 2025, JNNP)"))
            #expect(column(lines, 0, bar: bar).contains("Sources"))
            // The mark for no good number, explained.
            #expect(column(lines, 1, bar: bar).contains("? There is no good number"))
            #expect(F.text(lines).contains("? marks an answer with no good number"))
            #expect(!lines.contains { $0.text.hasPrefix("Question ") })
        }
    }

    @Test func asciiTableIsASCII() {
        let lines = body(F.ascii, width: 128, answers: F.older)
        let table = lines.prefix { !$0.text.hasPrefix("Trials") }
        // Content text is the content's own; the table's own glyphs must be ASCII.
        #expect(!table.contains { $0.text.contains("│") || $0.text.contains("┼") || $0.text.contains("─") })
        #expect(table.contains { $0.text.contains("-+-") })
    }

    @Test(arguments: [56, 76])
    func narrowShowsOneQuestionAndEveryOptionsCell(width: Int) {
        let ctx = F.unicode
        for current in 0..<ctx.content.grid.count {
            let lines = body(ctx, width: width, current: current)
            let row = ctx.content.grid[current]
            let focused = lines.filter(\.focus)
            #expect(focused.count == 1)
            #expect(focused.first?.text.hasPrefix("Question \(current + 1) of 4: ") == true)
            #expect(focused.first?.style == .heading)
            let text = F.text(lines)
            #expect(text.contains("Question \(current + 1) of 4: " + row.question))
            for other in ctx.content.grid where other.id != row.id {
                #expect(!text.contains(other.question))
            }
            for option in ctx.content.options {
                #expect(text.contains(option.name))
                #expect(text.contains(row.cells[option.id]!.text))
                for source in row.cells[option.id]!.sources {
                    #expect(text.contains(ctx.content.source(source)!.short))
                }
            }
        }
    }

    @Test func narrowMarksCellsWithoutAGoodNumber() {
        let lines = body(F.unicode, width: 76, current: 2)
        let marked = lines.filter { $0.text.hasPrefix("? There is no good number") }
        #expect(marked.count == 2)
        #expect(marked.allSatisfy { $0.spans.count == 1 && $0.spans[0].column == 0 && $0.spans[0].style == .emphasis })
        #expect(F.text(lines).contains("? marks an answer with no good number"))
        #expect(!F.text(body(F.unicode, width: 76, current: 0)).contains("? marks"))
    }

    @Test func narrowClampsTheQuestion() {
        let text = F.text(body(F.unicode, width: 76, current: 99))
        #expect(text.contains("Question 4 of 4: "))
        #expect(F.text(body(F.unicode, width: 76, current: -3)).contains("Question 1 of 4: "))
    }

    @Test func trialsSayWhetherTheAnswersFitTheirLimits() {
        for width in [76, 128] {
            let young = F.text(body(F.unicode, width: width, answers: F.young))
            #expect(young.contains("Trials you could ask about"))
            for trial in F.content.trials {
                #expect(young.contains(trial.name + " (" + trial.registration + ")"))
                #expect(young.contains(trial.places))
                #expect(young.contains(trial.compares))
                #expect(young.contains(trial.status))
            }
            #expect(young.contains("Limits: age 18 to 50; EDSS 0.0 to 5.5."))
            // 34 with unlimited walking fits both.
            #expect(young.components(separatedBy: "Your answers fit the limits the aid can check; the trial team checks the rest.").count == 3)

            // 52: outside RAM-MS (18 to 50), inside BEAT-MS (18 to 55).
            let older = body(F.unicode, width: width, answers: F.older)
            let text = F.text(older)
            let ram = text.range(of: "RAM-MS")!, beat = text.range(of: "BEAT-MS")!
            let ramPart = String(text[ram.lowerBound..<beat.lowerBound])
            let beatPart = String(text[beat.lowerBound...])
            #expect(ramPart.contains("Your answers are outside its limits: age 18 to 50."))
            #expect(beatPart.contains("Your answers fit the limits the aid can check; the trial team checks the rest."))
            #expect(F.text(older).contains("Sources: NMSS 2021; VA MS Centers of Excellence"))
        }
    }

    @Test func trialsSayWhenTheGuidelinesDoNotSupportEvenIfTheLimitsFit() {
        // Review L9: quiet MS fits no trial (all need recent activity); an untreated person
        // fits only the trial that takes untreated people; a not-supported fit says so.
        var quiet = F.young
        quiet.relapsesLast12Months = 0
        quiet.newMRIActivityLast12Months = .no
        let quietText = F.text(body(F.unicode, width: 76, answers: quiet))
        #expect(!quietText.contains("Your answers fit the limits"))
        #expect(quietText.components(separatedBy: "Your answers are outside its limits: MS activity in the past year.").count == 3)
        var untreated = F.young
        untreated.therapies = []
        untreated.highEfficacyContraindicated = true
        let fits = TrialMatcher.fits(untreated, F.content)
        #expect(fits.first { $0.trial.id == "ram-ms" }?.unmet == ["having taken an MS drug before"])
        #expect(fits.first { $0.trial.id == "beat-ms" }?.drugTried == true)   // takes untreated people
        var ill = F.young
        ill.seriousComorbidity = true
        let illText = F.text(body(F.unicode, width: 76, answers: ill))
        #expect(illText.contains("But the guidelines do not support AHSCT for people with your answers; the trial team decides who can join."))
    }

    @Test func trialsSayWhatIsNotKnownYet() {
        var a = Answers()
        a.age = 40
        let text = F.text(body(F.unicode, width: 76, answers: a))
        #expect(text.contains("We cannot tell yet: you have not said how far you can walk; you have not said whether your MS was active in the past year; you have not said which MS drugs you have taken; you have not said which type of MS you have."))
        var b = F.young
        b.walking = .limited    // EDSS 4.0 to 5.5: inside RAM-MS's 0 to 5.5
        b.subtype = .secondaryProgressive
        let progressive = F.text(body(F.unicode, width: 76, answers: b))
        #expect(progressive.contains("We cannot tell yet: whether it takes your type of MS is for the trial team to judge."))
    }

    @Test func wordsAreNotDirective() {
        for answers in [F.young, F.older, Answers()] {
            for width in [56, 128] {
                let text = F.text(body(F.unicode, width: width, answers: answers)).lowercased()
                #expect(!text.contains("you should"))
                #expect(!text.contains("eligib"))
            }
        }
    }

    @Test func withoutAGridItSaysSo() {
        var content = F.content
        content.grid = []
        content.trials = []
        let lines = body(Context(content: content), width: 76)
        #expect(F.text(lines) == "This copy of the content has no options to compare.")
    }

    @Test func drawnGridKeepsItsStyles() {
        let ctx = F.unicode
        let lines = body(ctx, width: 96)
        let frame = Chrome(title: "t", progress: "p", status: nil, footer: { _ in [] }).draw(lines, size: Size(width: 100, height: 200), glyphs: Glyphs(ctx.capabilities)).frame
        // The question column is emphasised; a no-good-number mark too.
        let questionRow = (0..<frame.size.height).first { row in
            (0..<frame.size.width).map { frame[row, $0].text }.joined().contains("How many die from")
        }!
        #expect(frame[questionRow, 2].style == .emphasis)
        let markRow = (0..<frame.size.height).first { row in
            (0..<frame.size.width).map { frame[row, $0].text }.joined().contains("? There is no")
        }!
        let columns = (0..<frame.size.width).filter { frame[markRow, $0].text == "?" }
        #expect(columns.count == 2)
        #expect(columns.allSatisfy { frame[markRow, $0].style == .emphasis })
        #expect(frame[markRow, columns[0] + 2].style == .normal)
    }
}

@Suite struct WideTerminalTests {
    @Test func aWideClinicTerminalGetsAFullWidthTableAndReadableProse() {
        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("2"))
        m.size = Size(width: 132, height: 40)
        let frame = Views.render(m, testContext).frame
        let rows = frame.text.split(separator: "\n").map(String.init)
        // The table reaches past 100 columns; prose lines stay within about 80.
        #expect(rows.contains { $0.contains("│") && Frame.width(of: $0.trimmingCharacters(in: .whitespaces)) > 100 })
        press(&m, .character("1"))
        m.size = Size(width: 132, height: 40)
        let summary = Views.render(m, testContext).frame.text.split(separator: "\n").dropFirst(2).dropLast(2)
        #expect(summary.allSatisfy { Frame.width(of: String($0).replacingOccurrences(of: " +$", with: "", options: .regularExpression)) <= 82 })
    }
}
