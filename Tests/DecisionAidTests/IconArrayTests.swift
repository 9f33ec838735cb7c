import Testing
@testable import DecisionAid

@Suite struct IconArrayTests {
    func count(_ glyph: String, in lines: [String]) -> Int {
        lines.joined().filter { String($0) == glyph }.count
    }

    /// The glyphs in reading order: top row first, left to right in each row.
    func fillOrder(_ lines: [String], _ g: IconGlyphs) -> [String] {
        lines.filter { !$0.isEmpty }.flatMap { line in
            line.filter { String($0) == g.event || String($0) == g.nonEvent }.map(String.init)
        }
    }

    @Test(arguments: [
        (0.0, 100, 0), (1.0, 100, 1), (2.1, 100, 2), (50.0, 100, 50), (100.0, 100, 100),
        (0.0, 1000, 0), (1.0, 1000, 10), (2.1, 1000, 21), (50.0, 1000, 500), (100.0, 1000, 1000),
    ])
    func countsAreExact(per100: Double, denominator: Int, events: Int) {
        let array = IconArray(per100: per100, denominator: denominator)
        #expect(array.events == events)
        #expect(array.nonEvents == denominator - events)
        for g in [IconGlyphs.unicode, IconGlyphs.ascii] {
            let lines = array.lines(g)
            #expect(count(g.event, in: lines) == events)
            #expect(count(g.nonEvent, in: lines) == denominator - events)
            #expect(count(g.event, in: lines) + count(g.nonEvent, in: lines) == denominator)
            // Nothing but the two glyphs and spaces.
            #expect(lines.joined().allSatisfy { String($0) == g.event || String($0) == g.nonEvent || $0 == " " })
        }
    }

    @Test func roundedOnlyWhereTheCountIsNotWhole() {
        #expect(IconArray(per100: 2.1, denominator: 100).isRounded)
        #expect(!IconArray(per100: 2.1, denominator: 1000).isRounded)
        #expect(!IconArray(per100: 2, denominator: 100).isRounded)
        // Half up.
        #expect(IconArray(per100: 2.5, denominator: 100).events == 3)
        #expect(IconArray(per100: 0.15, denominator: 1000).events == 2)
        #expect(IconArray(per100: 0.3, denominator: 100).events == 0)
        #expect(IconArray(per100: 0.3, denominator: 100).isRounded)
        // Kept between none and everyone.
        #expect(IconArray(per100: -1, denominator: 100).events == 0)
        #expect(IconArray(per100: 120, denominator: 100).events == 100)
    }

    @Test(arguments: [0.0, 1.0, 2.1, 9.9, 10.0, 37.0, 50.0, 99.0, 100.0])
    func eventsAreGroupedFromTheTopDown(per100: Double) {
        for denominator in [100, 1000] {
            let array = IconArray(per100: per100, denominator: denominator)
            for g in [IconGlyphs.unicode, IconGlyphs.ascii] {
                let order = fillOrder(array.lines(g), g)
                #expect(order.count == denominator)
                // Every event comes before every non-event in reading order:
                // none above an event, none before it in its row.
                #expect(order.prefix(array.events).allSatisfy { $0 == g.event })
                #expect(order.dropFirst(array.events).allSatisfy { $0 == g.nonEvent })
            }
        }
    }

    @Test func twoEventsSitAtTheTopLeft() {
        let array = IconArray(per100: 2.1, denominator: 100)
        let lines = array.lines(.ascii)
        #expect(lines.first == "# # . . . . . . . .")
        #expect(lines.dropFirst().allSatisfy { $0 == ". . . . . . . . . ." })
        #expect(array.markedRows == 1)
        #expect(IconArray(per100: 37, denominator: 100).markedRows == 4)
        #expect(IconArray(per100: 0, denominator: 1000).markedRows == 0)
        #expect(IconArray(per100: 5.1, denominator: 1000).markedRows == 2)
    }

    @Test func hundredIsTenRowsOfTenSpaced() {
        for g in [IconGlyphs.unicode, IconGlyphs.ascii] {
            let lines = IconArray(per100: 37, denominator: 100).lines(g)
            #expect(lines.count == 10)
            for line in lines {
                #expect(Frame.width(of: line) == 19)
                #expect(count(g.event, in: [line]) + count(g.nonEvent, in: [line]) == 10)
            }
        }
    }

    @Test func thousandIsTwentyRowsOfFiftyInBlocksWithAGap() {
        for g in [IconGlyphs.unicode, IconGlyphs.ascii] {
            let lines = IconArray(per100: 2.1, denominator: 1000).lines(g)
            #expect(lines.count == 21)
            #expect(lines[10] == "")
            for (index, line) in lines.enumerated() where index != 10 {
                #expect(Frame.width(of: line) == 54)
                #expect(count(g.event, in: [line]) + count(g.nonEvent, in: [line]) == 50)
                // Spaces only between blocks of 10.
                let spaces = line.enumerated().filter { $0.element == " " }.map(\.offset)
                #expect(spaces == [10, 21, 32, 43])
            }
            // 21 events all fit in the top row, at its left: on the first
            // screen, however tall the array.
            #expect(count(g.event, in: [lines[0]]) == 21)
            #expect(lines[0].hasPrefix(String(repeating: g.event, count: 10) + " " + String(repeating: g.event, count: 10) + " " + g.event + g.nonEvent))
            #expect(count(g.event, in: Array(lines.dropFirst())) == 0)
        }
    }

    @Test func asciiIsOnlyASCII() {
        for (per100, denominator) in [(2.1, 100), (2.1, 1000), (50.0, 100), (100.0, 1000)] {
            let lines = IconArray(per100: per100, denominator: denominator).lines(.ascii)
            #expect(lines.joined().unicodeScalars.allSatisfy { $0.isASCII })
        }
    }

    @Test func unicodeGlyphsDifferInShape() {
        let g = IconGlyphs.unicode
        #expect(g.event == "■" && g.nonEvent == "·")
        #expect(Frame.width(of: g.event) == 1 && Frame.width(of: g.nonEvent) == 1)
        #expect(Glyphs(.plain).icons == .ascii)
        #expect(Glyphs(.full).icons == .unicode)
    }

    @Test func eventRunsCoverExactlyTheEventGlyphs() {
        for denominator in [100, 1000] {
            let array = IconArray(per100: 23.7, denominator: denominator)
            for row in array.rows(.unicode) {
                let characters = Array(row.text)
                var covered = Set<Int>()
                for run in row.eventRuns {
                    for column in run.column..<(run.column + run.count) { covered.insert(column) }
                }
                let events = Set(characters.indices.filter { String(characters[$0]) == IconGlyphs.unicode.event })
                #expect(covered == events)
            }
        }
    }
}

extension IconArrayTests {
    @Test func bodyLinesStyleEventsAndDrawSafelyWhenClipped() {
        let lines = IconArray(per100: 2.1, denominator: 1000).bodyLines(.unicode, eventStyle: .warning, indent: 2)
        #expect(lines.count == 21)
        #expect(lines[0].spans.count == 3)
        #expect(lines[0].spans.allSatisfy { $0.style == .warning })
        #expect(lines[20].style == .muted && lines[20].spans.isEmpty)
        // A 54-column array in a 40-column frame: the text is clipped, and so are its spans.
        var line = lines[0]
        line.spans.append((column: 90, count: 5, style: .warning))
        let frame = Chrome(title: "t", progress: "p", status: nil, footer: { _ in [] })
            .draw([line], size: Size(width: 40, height: 6), glyphs: Glyphs(.full)).frame
        #expect(frame[2, 4].text == "■" && frame[2, 4].style == .warning)
        #expect(frame[2, 14].text == " " && frame[2, 14].style == .muted)
        #expect(frame[2, 26].text == "■" && frame[2, 26].style == .warning)
        #expect(frame[2, 27].text == "·" && frame[2, 27].style == .muted)
    }
}
