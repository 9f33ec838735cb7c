/// One line of a screen's body, before it is placed in the frame.
struct Line {
    var text: String
    var style: Style = .normal
    var indent: Int = 0
    /// The item a click on this line picks (a choice, a review row, a list item).
    var target: Int?
    /// The focused line: kept in view and given the hardware cursor.
    var focus: Bool = false
    /// Where the cursor goes on a focused line (column after indent), if not at its start.
    var cursorColumn: Int?
    /// Runs of the text drawn in another style (an icon array's event glyphs),
    /// as columns from the start of the text, after the indent.
    var spans: [(column: Int, count: Int, style: Style)] = []

    init(_ text: String = "", _ style: Style = .normal, indent: Int = 0, target: Int? = nil, focus: Bool = false) {
        self.text = text
        self.style = style
        self.indent = indent
        self.target = target
        self.focus = focus
    }
}

/// Wraps a paragraph into lines of the body width, with a hanging indent.
func paragraph(_ text: String, width: Int, style: Style = .normal, indent: Int = 0, hanging: Int = 0,
               target: Int? = nil, focus: Bool = false) -> [Line] {
    let lines = wrap(text, width: max(10, width - indent), rest: max(10, width - indent - hanging))
    return lines.enumerated().map { index, line in
        var l = Line(line, style, indent: indent + (index == 0 ? 0 : hanging), target: target, focus: focus && index == 0)
        if index > 0 { l.focus = false }
        return l
    }
}

/// The glyphs a screen uses: Unicode where the locale is UTF-8, ASCII where not.
struct Glyphs {
    let rule, pointer, radioOn, radioOff, boxOn, boxOff, bullet, warning, moreBelow, moreAbove, dash: String

    init(_ capabilities: Capabilities) {
        if capabilities.unicode {
            rule = "─"; pointer = "›"; radioOn = "(●)"; radioOff = "( )"; boxOn = "[✓]"; boxOff = "[ ]"
            bullet = "•"; warning = "⚠"; moreBelow = "▼ more below"; moreAbove = "▲ more above"; dash = "–"
        } else {
            rule = "-"; pointer = ">"; radioOn = "(*)"; radioOff = "( )"; boxOn = "[x]"; boxOff = "[ ]"
            bullet = "*"; warning = "!"; moreBelow = "v more below"; moreAbove = "^ more above"; dash = "-"
        }
    }
}

/// A screen ready to draw: the frame, and which rows a click can pick.
public struct Rendered {
    public var frame: Frame
    public var targets: [Int: Int]
}

/// The screen's frame: a title row, a rule, the body, a status row and the key footer.
struct Chrome {
    static let minimum = Size(width: 60, height: 18)

    var title: String
    var progress: String
    var status: (String, Style)?
    var footer: [(key: String, action: String)]

    /// Draws the chrome and the body, scrolled so the focused line shows.
    /// `scroll` is used when no line has focus.
    func draw(_ body: [Line], size: Size, glyphs: Glyphs, scroll: Int = 0) -> Rendered {
        var frame = Frame(size)
        var targets: [Int: Int] = [:]
        let width = size.width
        // Title bar: in the "heading" style across the row.
        frame.put(" " + title, row: 0, column: 0, style: .heading)
        let right = progress + " "
        frame.put(right, row: 0, column: max(0, width - Frame.width(of: right)), style: .heading)
        frame.restyle(row: 0, from: 0, count: width, style: .heading)
        frame.put(String(repeating: glyphs.rule, count: width), row: 1, column: 0, style: .muted)

        let top = 2
        let height = Chrome.bodyHeight(size)
        let start = Chrome.start(of: body, height: height, scroll: scroll)
        for (offset, line) in body.dropFirst(start).prefix(height).enumerated() {
            let row = top + offset
            frame.put(line.text, row: row, column: 2 + line.indent, style: line.style)
            if line.style == .selected {
                frame.restyle(row: row, from: 1 + line.indent, count: width - 2 - line.indent, style: .selected)
            }
            for span in line.spans {
                // restyle needs a non-empty run that starts inside the row.
                let from = 2 + line.indent + span.column
                if span.count > 0 && from >= 0 && from < width {
                    frame.restyle(row: row, from: from, count: span.count, style: span.style)
                }
            }
            if let target = line.target { targets[row] = target }
            if line.focus { frame.cursor = (row, 2 + line.indent + (line.cursorColumn ?? 0)) }
        }
        if let (message, style) = status {
            frame.put(" " + message, row: size.height - 2, column: 0, style: style)
        } else {
            frame.put(String(repeating: glyphs.rule, count: width), row: size.height - 2, column: 0, style: .muted)
        }
        // Scroll marks sit on the rule rows, so they never cover text.
        if start > 0 {
            frame.put(" " + glyphs.moreAbove + " ", row: 1, column: max(0, width - Frame.width(of: glyphs.moreAbove) - 3), style: .emphasis)
        }
        if start + height < body.count && status == nil {
            frame.put(" " + glyphs.moreBelow + " ", row: size.height - 2, column: max(0, width - Frame.width(of: glyphs.moreBelow) - 3), style: .emphasis)
        }
        var column = 1
        for item in footer {
            let used = Frame.width(of: item.key) + 1 + Frame.width(of: item.action) + 2
            if column + used > width { break }
            frame.put(item.key, row: size.height - 1, column: column, style: .emphasis)
            frame.put(item.action, row: size.height - 1, column: column + Frame.width(of: item.key) + 1)
            column += used
        }
        return Rendered(frame: frame, targets: targets)
    }

    static func bodyHeight(_ size: Size) -> Int { max(1, size.height - 4) }

    /// The first body line shown: the scroll offset, moved just enough to keep the focus in view.
    static func start(of body: [Line], height: Int, scroll: Int) -> Int {
        let maxStart = max(0, body.count - height)
        guard let focus = body.firstIndex(where: \.focus) else { return min(max(0, scroll), maxStart) }
        // Keep a little context below the focus (its description), and never scroll past the end.
        let wanted = focus - height + 1 + min(3, max(0, height / 4))
        return min(maxStart, max(0, wanted))
    }
}

/// Shown when the window is too small to use: what size it is, what it needs.
func tooSmall(_ size: Size, glyphs: Glyphs) -> Rendered {
    var frame = Frame(size)
    let lines = [
        "Please make this window bigger.",
        "",
        "It is \(size.width) x \(size.height); the aid needs at least \(Chrome.minimum.width) x \(Chrome.minimum.height).",
        "Your answers are kept.",
        "",
        "Ctrl-C quits.",
    ]
    var row = 0
    for line in lines {
        for piece in wrap(line, width: max(10, size.width - 2)) {
            frame.put(piece, row: row, column: 1, style: row == 0 ? .warning : .normal)
            row += 1
        }
    }
    frame.cursor = (0, 1)
    return Rendered(frame: frame, targets: [:])
}
