import Content
import Foundation
import Testing
@testable import DecisionAid

@Suite struct NumbersViewTests {
    typealias F = DeliberationFixture

    func body(_ ctx: Context, width: Int, answers: Answers = F.young) -> [Line] {
        let assessment = Assessor.assess(answers, content: ctx.content)
        return NumbersView.body(answers: answers, assessment: assessment, ctx: ctx, g: Glyphs(ctx.capabilities), width: width)
    }

    /// Lines of icon-array rows: only the two glyphs and spaces.
    func pictureLines(_ lines: [Line], _ g: IconGlyphs) -> [Line] {
        lines.filter { line in
            !line.text.isEmpty && line.text.allSatisfy { String($0) == g.event || String($0) == g.nonEvent || $0 == " " }
        }
    }

    func count(_ glyph: String, _ lines: [Line]) -> Int {
        lines.map(\.text).joined().filter { String($0) == glyph }.count
    }

    func number(_ s: Substring) -> Int { Int(s.replacingOccurrences(of: ",", with: ""))! }

    /// A key number like `worse` with a third figure, so three arrays of 100 need 67 columns side by side.
    var threeWay: KeyNumber {
        var k = F.worse
        k.figures.append(KeyFigure(option: "trial", per100: 20, low: nil, high: nil, text: "Either treatment.", group: "",
                                   certainty: "Low", sources: [], line: 3))
        return k
    }

    @Test(arguments: [56, 76, 96, 128])
    func noLineIsWiderThanTheBody(width: Int) {
        for caps in [Capabilities.full, .plain] {
            var ctx = F.with(F.content.keyNumbers + [threeWay])
            ctx.capabilities = caps
            for answers in [F.young, F.older, Answers()] {
                #expect(F.overflow(body(ctx, width: width, answers: answers), width: width) == [])
            }
        }
    }

    @Test func introSaysSameGroupAndTime() {
        let text = F.text(body(F.unicode, width: 76))
        #expect(text.contains("the same size of group and the same length of time for every option"))
        #expect(text.contains("100 people, or 1,000 for rare harms"))
        #expect(text.contains("chance decides which of the two treatments"))
    }

    @Test(arguments: [56, 96])
    func bothFramingsAddUpToTheDenominator(width: Int) {
        let text = F.text(body(F.unicode, width: width))
        for key in F.content.keyNumbers {
            #expect(text.contains(key.outcome + " " + key.timeFrame))
            let pattern = try! Regex("(?:About )?([0-9,]+) in ([0-9,]+) \(key.event)\\. (?:About )?([0-9,]+) in ([0-9,]+) \(key.nonEvent)\\.")
            let matches = text.matches(of: pattern)
            #expect(matches.count == key.figures.filter { $0.per100 != nil }.count, "\(key.id)")
            for match in matches {
                let with = number(match.output[1].substring!), d1 = number(match.output[2].substring!)
                let without = number(match.output[3].substring!), d2 = number(match.output[4].substring!)
                #expect(d1 == key.denominator && d2 == key.denominator)
                #expect(with + without == key.denominator)
            }
        }
        #expect(text.contains("21 in 1,000 died from the treatment. 979 in 1,000 did not."))
        #expect(text.contains("0 in 1,000 died from the treatment. 1,000 in 1,000 did not."))
        // 5.5 in 100 is drawn as 6: "about".
        #expect(text.contains("About 6 in 100 got worse. About 94 in 100 did not."))
        #expect(text.contains("34 in 100 got worse. 66 in 100 did not."))
    }

    @Test func numberLinesGiveRangesOnTheSameDenominator() {
        let text = F.text(body(F.unicode, width: 96))
        #expect(text.contains("21 in 1,000 (range 0 to 28 in 1,000 across studies)."))
        #expect(text.contains("About 6 in 100 (range 3 to 9 in 100 across studies)."))
        #expect(text.contains("How sure: Low: from studies without a comparison group"))
        #expect(text.contains("Sources: Sormani 2017 (15 studies pooled)"))
        #expect(text.contains("Who was studied: 764 people in 15 studies."))
    }

    @Test func tinyNumbersAreNotShownAsNone() {
        var k = F.worse
        k.figures[0].per100 = 0.3
        k.figures[0].low = nil
        let text = F.text(body(F.with([k]), width: 76))
        #expect(text.contains("Fewer than 1 in 100 got worse. More than 99 in 100 did not."))
    }

    @Test func higherForYouOnlyWhenTheAssessmentSaysSo() {
        let young = body(F.unicode, width: 76, answers: F.young)
        #expect(Assessor.assess(F.young, content: F.content).risks.first { $0.risk.id == "treatment-related-death" }?.higherForYou == false)
        #expect(!F.text(young).contains("Higher for people like you"))

        let older = body(F.unicode, width: 76, answers: F.older)
        #expect(Assessor.assess(F.older, content: F.content).risks.first { $0.risk.id == "treatment-related-death" }?.higherForYou == true)
        let warnings = older.filter { $0.text.contains("Higher for people like you") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.text.hasPrefix("⚠ Higher for people like you: Older people") == true)
        #expect(warnings.first?.style == .warning)
        // Beside the AHSCT number: after its sub-heading, before the next option's.
        let at = older.firstIndex { $0.text.contains("Higher for people like you") }!
        let ahsct = older.firstIndex { $0.text == "AHSCT" && $0.style == .emphasis }!
        let drug = older.firstIndex { $0.text == "High-efficacy drug" && $0.style == .emphasis }!
        #expect(ahsct < at && at < drug)
        // ASCII warning glyph.
        #expect(F.text(body(F.ascii, width: 76, answers: F.older)).contains("! Higher for people like you"))
    }

    @Test func noPictureWithoutAGoodNumber() {
        let lines = body(F.with([F.death]), width: 76)
        let text = F.text(lines)
        #expect(text.contains("It depends on which treatment a person gets; there is no good number. No picture: there is no good number."))
        // Two arrays of 1,000 (AHSCT and the drug), none for the trial.
        #expect(pictureLines(lines, .unicode).count == 2 * 20)
    }

    @Test(arguments: [56, 76, 128])
    func thousandArraysAreStackedWithExactCounts(width: Int) {
        for (caps, g) in [(Capabilities.full, IconGlyphs.unicode), (.plain, .ascii)] {
            var ctx = F.with([F.death])
            ctx.capabilities = caps
            let lines = body(ctx, width: width)
            let pictures = pictureLines(lines, g)
            #expect(pictures.count == 40)
            #expect(pictures.allSatisfy { Frame.width(of: $0.text) == 54 })
            #expect(count(g.event, pictures) == 21 + 0)
            #expect(count(g.nonEvent, pictures) == 979 + 1000)
            #expect(lines.contains { $0.text == g.event + " = died from the treatment   " + g.nonEvent + " = did not" })
        }
    }

    @Test(arguments: [56, 76, 96])
    func hundredArraysSideBySideWhenTheyFit(width: Int) {
        let lines = body(F.with([F.worse]), width: width)
        let pictures = pictureLines(lines, .unicode)
        #expect(pictures.count == 10)
        #expect(count("■", pictures) == 6 + 34)
        #expect(count("·", pictures) == 200 - 40)
        // Names above the arrays, each over its own array.
        let names = lines.first { $0.text.hasPrefix("AHSCT") && $0.text.contains("High-efficacy drug") }
        #expect(names != nil)
        #expect(names?.text.range(of: "High-efficacy drug")?.lowerBound.utf16Offset(in: names!.text) == 19 + NumbersView.gap)
        #expect(lines.contains { $0.text.hasPrefix("About 6 in 100") && $0.text.contains("34 in 100") })
        // One legend for the pair.
        #expect(lines.filter { $0.text == "■ = got worse   · = did not" }.count == 1)
    }

    @Test func hundredArraysStackWhenTheyDoNotFit() {
        // Three arrays side by side need 2 + 3 × 19 + 2 × 4 = 67 columns.
        let narrow = body(F.with([threeWay]), width: 56)
        let stacked = pictureLines(narrow, .unicode)
        #expect(stacked.count == 30)
        #expect(stacked.allSatisfy { Frame.width(of: $0.text) == 19 })
        #expect(count("■", stacked) == 6 + 34 + 20)
        #expect(narrow.filter { $0.text == "■ = got worse   · = did not" }.count == 3)

        let wide = body(F.with([threeWay]), width: 76)
        let side = pictureLines(wide, .unicode)
        #expect(side.count == 10)
        #expect(count("■", side) == 60 && count("·", side) == 240)
    }

    @Test func eventsAreColouredAsWellAsShaped() {
        for (key, eventStyle) in [(F.death, Style.warning), (F.free, .good)] {
            let lines = body(F.with([key]), width: 96)
            let frame = Chrome(title: "t", progress: "p", status: nil, footer: { _ in [] })
                .draw(lines, size: Size(width: 100, height: lines.count + 4), glyphs: Glyphs(.full)).frame
            var events = 0, others = 0
            let pictureRows = Set(pictureLines(lines, .unicode).map(\.text))
            for row in 0..<frame.size.height {
                let text = Columns.trimmedRight((0..<frame.size.width).map { frame[row, $0].text }.joined())
                guard pictureRows.contains(text.trimmingCharacters(in: .whitespaces)) else { continue }
                for column in 0..<frame.size.width {
                    let cell = frame[row, column]
                    if cell.text == "■" { #expect(cell.style == eventStyle); events += 1 }
                    if cell.text == "·" { #expect(cell.style == .muted); others += 1 }
                    if cell.text == " " { #expect(cell.style != eventStyle) }
                }
            }
            let expected = key.figures.compactMap(\.per100).map { IconArray(per100: $0, denominator: key.denominator).events }.reduce(0, +)
            #expect(events == expected)
            #expect(events + others == key.denominator * key.figures.filter { $0.per100 != nil }.count)
        }
    }

    @Test func tooNarrowForAThousandSaysSo() {
        let text = F.text(body(F.with([F.death]), width: 50))
        #expect(text.contains("The picture of 1,000 people needs a wider window."))
    }
}

extension NumbersViewTests {
    @Test func noNumberLineWithoutARange() {
        let lines = body(F.with([F.worse]), width: 76)
        // The drug's figure has no range: its framing line gives the number once.
        #expect(!lines.contains { $0.text.hasPrefix("34 in 100 (range") || $0.text == "34 in 100." })
        #expect(lines.contains { $0.text == "34 in 100 got worse. 66 in 100 did not." })
    }
}

/// The pictures read the same way for every key number of the shipped
/// content: legend first, the filled mark is the outcome the sentence above
/// names, and the marked people come first.
extension NumbersViewTests {
    /// Lines of one body read as: for each legend, the text before it and the picture rows after it.
    struct Picture {
        var sentenceAbove: String
        var legend: String
        var rows: [Line]
    }

    func pictures(_ lines: [Line], _ g: IconGlyphs) -> [Picture] {
        var out: [Picture] = []
        for (index, line) in lines.enumerated() where line.text.hasPrefix(g.event + " = ") {
            var above = index - 1
            while above >= 0 && lines[above].text.isEmpty { above -= 1 }
            // A wrapped sentence: gather its lines back to the previous blank or emphasis line.
            var start = above
            while start > 0 && !lines[start - 1].text.isEmpty && lines[start - 1].style == lines[above].style
                && lines[start - 1].indent + 2 >= lines[above].indent && !lines[start - 1].text.hasPrefix("Who was studied") { start -= 1 }
            let sentence = above >= 0 ? lines[start...above].map(\.text).joined(separator: " ") : ""
            // Past the rows note (1,000) or the names and counts (side by side), to the people.
            let rows = lines[(index + 1)...].drop { pictureLines([$0], g).isEmpty }
            out.append(Picture(sentenceAbove: sentence, legend: line.text,
                               rows: Array(rows.prefix { !pictureLines([$0], g).isEmpty || $0.text.isEmpty }.filter { !$0.text.isEmpty })))
        }
        return out
    }

    @Test(arguments: [56, 76, 128])
    func everyShippedPictureFillsTheOutcomeTheSentenceAboveNames(width: Int) {
        for (caps, g) in [(Capabilities.full, IconGlyphs.unicode), (.plain, .ascii)] {
            let ctx = Context(content: testContext.content, capabilities: caps)
            #expect(!ctx.content.keyNumbers.isEmpty)
            for number in ctx.content.keyNumbers {
                var one = ctx.content
                one.keyNumbers = [number]
                let lines = body(Context(content: one, capabilities: caps), width: width, answers: strongPerson())
                let found = pictures(lines, g)
                let drawn = number.figures.compactMap(\.per100)
                if drawn.isEmpty { #expect(found.isEmpty); continue }
                // Stacked: one legend per array; side by side: one for the row of arrays.
                #expect(found.count == drawn.count || found.count == 1, "\(number.id) at \(width)")
                for picture in found {
                    // The legend names the event with the filled glyph, before any person is drawn.
                    #expect(picture.legend == g.event + " = " + number.event + "   " + g.nonEvent + " = " + number.nonEvent, "\(number.id)")
                    #expect(!picture.rows.isEmpty)
                }
                if found.count == 1 && drawn.count > 1 {
                    // Side by side: the sentence above names the outcome, each count sits over its picture.
                    #expect(found[0].sentenceAbove.hasPrefix(number.outcome + " " + number.timeFrame), "\(number.id): \(found[0].sentenceAbove)")
                    #expect(count(g.event, found[0].rows) == drawn.map { IconArray(per100: $0, denominator: number.denominator).events }.reduce(0, +))
                } else {
                    for (picture, per100) in zip(found, drawn) {
                        let filled = IconArray(per100: per100, denominator: number.denominator).events
                        #expect(count(g.event, picture.rows) == filled, "\(number.id)")
                        // The sentence right above the picture says how many had the outcome the filled mark shows.
                        let amount = NumbersView.amount(filled, exact: true, of: number.denominator)
                        #expect(picture.sentenceAbove.lowercased().contains((amount + " " + number.event + ".").lowercased()), "\(number.id): \(picture.sentenceAbove)")
                    }
                }
            }
        }
    }

    @Test func noSignOfActivityFillsThePeopleWithNoActivity() throws {
        let number = try #require(testContext.content.keyNumbers.first { $0.id == "no-activity" })
        #expect(number.outcome == "No sign of MS activity" && number.event == "had no sign of MS activity" && !number.harm)
        var one = testContext.content
        one.keyNumbers = [number]
        let lines = body(Context(content: one, capabilities: .full), width: 56, answers: strongPerson())
        let found = pictures(lines, .unicode)
        let ahsct = try #require(found.first)
        // 88 of 100 had no sign of activity after AHSCT: 88 filled, and the legend says filled = no activity.
        #expect(count("■", ahsct.rows) == 88 && count("·", ahsct.rows) == 12)
        #expect(ahsct.legend.hasPrefix("■ = had no sign of MS activity"))
        #expect(ahsct.sentenceAbove.contains("88 in 100 had no sign of MS activity."))
    }

    @Test(arguments: [56, 76])
    func legendComesBeforeThePeople(width: Int) {
        for key in [F.worse, F.death, F.free, threeWay] {
            let lines = body(F.with([key]), width: width)
            let firstRow = lines.firstIndex { !pictureLines([$0], .unicode).isEmpty }
            let firstLegend = lines.firstIndex { $0.text.hasPrefix("■ = ") }
            #expect(firstRow != nil && firstLegend != nil)
            if let firstRow, let firstLegend { #expect(firstLegend < firstRow, "\(key.id) at \(width)") }
            // No legend after the last picture row: each one leads its picture.
            let lastRow = lines.lastIndex { !pictureLines([$0], .unicode).isEmpty }!
            #expect(!lines[lastRow...].contains { $0.text.hasPrefix("■ = ") }, "\(key.id)")
        }
    }

    /// At 80×24 the body shows 17 lines; a 1,000-array is 21. The legend,
    /// the rows note and every marked person fit on the screen that starts at the legend.
    @Test func thousandArrayShowsItsMarkedPeopleOnTheFirstScreen() throws {
        let bodyHeight = 24 - 7
        let number = try #require(testContext.content.keyNumbers.first { $0.denominator == 1000 })
        var one = testContext.content
        one.keyNumbers = [number]
        for (caps, g) in [(Capabilities.full, IconGlyphs.unicode), (.plain, .ascii)] {
            let lines = body(Context(content: one, capabilities: caps), width: 76, answers: strongPerson())
            let legend = try #require(lines.firstIndex { $0.text.hasPrefix(g.event + " = ") })
            #expect(lines[legend + 1].text == "20 rows of 50 people follow, the marked ones first.")
            let lastMarked = try #require(lines.lastIndex { !pictureLines([$0], g).isEmpty && $0.text.contains(g.event) })
            #expect(lastMarked - legend < bodyHeight)
            #expect(lines[legend + 2].text.hasPrefix(String(repeating: g.event, count: 10)))
        }
    }
}
