/// The two glyphs of an icon array. They differ in shape as well as colour,
/// so the picture reads the same without colour (TERMINAL-NOTES: never carry
/// meaning by colour alone).
struct IconGlyphs: Equatable {
    /// A person with the event (harmed, or helped).
    let event: String
    /// A person without it.
    let nonEvent: String

    init(unicode: Bool) {
        if unicode {
            event = "■"; nonEvent = "·"
        } else {
            event = "#"; nonEvent = "."
        }
    }

    init(_ capabilities: Capabilities) { self.init(unicode: capabilities.unicode) }

    static let unicode = IconGlyphs(unicode: true)
    static let ascii = IconGlyphs(unicode: false)
}

extension Glyphs {
    /// The icon-array glyphs that go with these glyphs (ASCII where the screen is ASCII).
    var icons: IconGlyphs { IconGlyphs(unicode: rule != "-") }
}

/// A picture of a number as people: 100 (10 rows of 10) or, for rare harms,
/// 1,000 (20 rows of 50). The people with the event (the outcome the sentence
/// above the picture names) are grouped together (DECISION-AID-STANDARDS d1.6)
/// and come first: from the top row down, left to right, the order a page is
/// read in. iconarray.com fills from the bottom up, but a 1,000-array is taller
/// than an 80×24 screen, and marks at the bottom would only show after
/// scrolling past 19 rows of unmarked people. Every array fills the same way,
/// so the pictures read alike. Pure: text in, text out.
struct IconArray: Equatable {
    /// People with the event, out of `denominator`.
    let events: Int
    /// 100 or 1000.
    let denominator: Int
    /// True when the count was rounded to whole people, so a caption says "about".
    let isRounded: Bool

    /// `per100` events per 100 people, drawn on an array of `denominator`
    /// (100, or 1000; anything else is drawn as 100). The count is rounded
    /// half up and kept between none and everyone.
    init(per100: Double, denominator: Int) {
        let size = denominator == 1000 ? 1000 : 100
        let exact = min(Double(size), max(0, per100 * Double(size) / 100))
        // The small allowance keeps 2.1 × 1000 / 100 (21.000000000000004) exact
        // and 0.15 × 1000 / 100 (1.4999999999999998) rounding up.
        let tolerance = 1e-9
        self.denominator = size
        events = min(size, Int((exact + 0.5 + tolerance).rounded(.down)))
        isRounded = abs(exact - Double(events)) > tolerance
    }

    var nonEvents: Int { denominator - events }

    /// Glyphs across one row of the grid.
    var columns: Int { denominator == 1000 ? 50 : 10 }
    /// Rows of glyphs (not counting the blank line in the middle of a 1,000-array).
    var gridRows: Int { denominator / columns }
    /// Columns of text a row takes: 19 for 100 (glyphs spaced), 54 for 1,000
    /// (blocks of 10 glyphs, a space between blocks).
    var width: Int { denominator == 1000 ? 5 * 10 + 4 : 10 * 2 - 1 }

    /// How many people in grid row `row` (0 = top) have the event: the fill
    /// starts at the top row and runs left to right, then down.
    func events(inRow row: Int) -> Int {
        max(0, min(columns, events - row * columns))
    }

    /// Grid rows holding at least one person with the event (they are the first rows).
    var markedRows: Int { (events + columns - 1) / columns }

    /// One line of the picture, and where its event glyphs are (for styling them).
    struct Row: Equatable {
        var text: String
        /// Runs of event glyphs: (column, count) in display columns from the text start.
        var eventRuns: [Run]

        struct Run: Equatable {
            var column: Int
            var count: Int
        }
    }

    /// The picture line by line. A 1,000-array has a blank line between its
    /// top 10 rows and its bottom 10 rows.
    func rows(_ g: IconGlyphs) -> [Row] {
        var out: [Row] = []
        let eventWidth = Frame.width(of: g.event)
        let nonEventWidth = Frame.width(of: g.nonEvent)
        for row in 0..<gridRows {
            if denominator == 1000 && row == gridRows / 2 { out.append(Row(text: "", eventRuns: [])) }
            let filled = events(inRow: row)
            var text = ""
            var column = 0
            var runs: [Row.Run] = []
            for index in 0..<columns {
                let separator = denominator == 1000 ? (index > 0 && index % 10 == 0) : index > 0
                if separator { text += " "; column += 1 }
                if index < filled {
                    // Glyphs next to each other join one run; a space between them starts another,
                    // so a separator is never styled (an underline there would join the glyphs).
                    if let last = runs.last, last.column + last.count == column {
                        runs[runs.count - 1].count += eventWidth
                    } else {
                        runs.append(Row.Run(column: column, count: eventWidth))
                    }
                    text += g.event
                    column += eventWidth
                } else {
                    text += g.nonEvent
                    column += nonEventWidth
                }
            }
            out.append(Row(text: text, eventRuns: runs))
        }
        return out
    }

    /// The picture as plain text, one string per line.
    func lines(_ g: IconGlyphs) -> [String] { rows(g).map(\.text) }

    /// The picture as body lines: people without the event in `.muted`, those
    /// with it in `eventStyle` (colour as a second cue to the glyph's shape).
    func bodyLines(_ g: IconGlyphs, eventStyle: Style, indent: Int = 0) -> [Line] {
        rows(g).map { row in
            var line = Line(row.text, row.text.isEmpty ? .normal : .muted, indent: indent)
            line.spans = row.eventRuns.map { (column: $0.column, count: $0.count, style: eventStyle) }
            return line
        }
    }
}
