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

/// The glyphs a screen uses, chosen here and only here from what the
/// terminal can show (Capabilities.glyphSet): Unicode where the locale is
/// UTF-8, only what the Linux console's fonts have on TERM=linux, ASCII where
/// the locale is not UTF-8.
struct Glyphs {
    let rule, pointer, radioOn, radioOff, boxOn, boxOff, bullet, warning, moreBelow, moreAbove, dash: String
    /// Keys named Up/Down and Left/Right instead of arrows (the console fonts may lack them).
    let asciiKeyNames: Bool
    /// Icon arrays drawn as pictures; false in the plain line mode, where the
    /// sentences beside them ("21 in 1,000") say it all and a picture is noise to a reader.
    var pictures = true

    init(_ capabilities: Capabilities) {
        switch capabilities.glyphSet {
        case .console:
            // The standard Debian console fonts (Lat15/Uni2/Uni3 Fixed, VGA,
            // Terminus) have ─ ● • – ■ ·, but no ✓ ⚠ ○ □ ▼ ▲ ›.
            rule = "─"; pointer = ">"; radioOn = "(●)"; radioOff = "( )"; boxOn = "[x]"; boxOff = "[ ]"
            bullet = "•"; warning = "!"; moreBelow = "v more below"; moreAbove = "^ more above"; dash = "–"
            asciiKeyNames = true
        case .unicode:
            rule = "─"; pointer = "›"; radioOn = "(●)"; radioOff = "( )"; boxOn = "[✓]"; boxOff = "[ ]"
            bullet = "•"; warning = "⚠"; moreBelow = "▼ more below"; moreAbove = "▲ more above"; dash = "–"
            asciiKeyNames = false
        case .ascii:
            rule = "-"; pointer = ">"; radioOn = "(*)"; radioOff = "( )"; boxOn = "[x]"; boxOff = "[ ]"
            bullet = "*"; warning = "!"; moreBelow = "v more below"; moreAbove = "^ more above"; dash = "-"
            asciiKeyNames = true
        }
    }
}

/// A screen ready to draw: the frame, which rows a click can pick, and
/// what the drawing measured (fed back to update, which never renders).
public struct Rendered {
    public var frame: Frame
    public var targets: [Int: Int]
    public var layout = ViewLayout()
}

/// The screen's frame: a title row, a rule, the body, a status row and the key footer.
struct Chrome {
    static let minimum = Size(width: 60, height: 18)

    var title: String
    /// Shown instead of `title` when the title and the progress do not both fit.
    var shortTitle: String?
    var progress: String
    var status: (String, Style)?
    /// The footer's keys, given whether the page is longer than the screen
    /// (it then names Page Down): the drawing measures that, so the first
    /// drawing of a page is already the right one.
    var footer: (_ longPage: Bool) -> [(key: String, action: String)]

    init(title: String, shortTitle: String? = nil, progress: String, status: (String, Style)?,
         footer: @escaping (_ longPage: Bool) -> [(key: String, action: String)]) {
        self.title = title
        self.shortTitle = shortTitle
        self.progress = progress
        self.status = status
        self.footer = footer
    }

    /// The aid's own chrome, with the page's keys from the key table: the
    /// title says which audience it is set up for, so a clinician's screen
    /// is never taken for the patient's.
    init(_ m: Model, _ ctx: Context, _ g: Glyphs, progress: String, status: (String, Style)?) {
        let footer = { (longPage: Bool) in KeyTable.footer(m, ctx, g, longPage: longPage) }
        switch ctx.settings.audience {
        case .patient:
            self.init(title: "AHSCT decision aid", progress: progress, status: status, footer: footer)
        case .clinician:
            self.init(title: Clinician.title, shortTitle: Clinician.shortTitle, progress: progress, status: status, footer: footer)
        }
    }

    /// Draws the chrome and the body from the model's view: scrolled where
    /// the last key put it, moved just enough to show the focused line when
    /// the focus moved. An overlay has its own view, so closing it returns
    /// the page where it was.
    func draw(_ body: [Line], _ m: Model, glyphs: Glyphs) -> Rendered {
        draw(body, size: m.size, glyphs: glyphs, view: m.shownView)
    }

    func draw(_ body: [Line], size: Size, glyphs: Glyphs, view: Viewport = Viewport()) -> Rendered {
        var frame = Frame(size)
        var targets: [Int: Int] = [:]
        let width = size.width
        // Title bar: in the "heading" style across the row.
        let right = progress + " "
        var title = self.title
        if let shortTitle, Frame.width(of: " " + title) + 1 + Frame.width(of: right) > width { title = shortTitle }
        frame.put(" " + title, row: 0, column: 0, style: .heading)
        frame.put(right, row: 0, column: max(0, width - Frame.width(of: right)), style: .heading)
        frame.restyle(row: 0, from: 0, count: width, style: .heading)
        frame.put(repeating: glyphs.rule, count: width, row: 1, column: 0, style: .muted)

        let top = 2
        // A status message shows in full: it takes as many rows as it needs
        // (up to half the screen) above the footer, and the body gives way.
        let statusRows = status.map { wrap(" " + $0.0, width: max(10, width - 1)) } ?? []
        let statusHeight = min(max(1, statusRows.count), max(1, size.height / 2))
        let height = max(1, Chrome.bodyHeight(size) - (statusHeight - 1))
        let start = Chrome.start(of: body, height: height, view: view)
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
            if let target = line.target, targets[row] == nil { targets[row] = target }
            if line.focus { frame.cursor = (row, 2 + line.indent + (line.cursorColumn ?? 0)) }
        }
        // Screen readers and magnifiers follow the cursor: with the focus
        // scrolled out of view, it rests on the first line shown.
        if frame.cursor == nil { frame.cursor = (top, 2) }
        if let (_, style) = status {
            for (index, row) in statusRows.prefix(statusHeight).enumerated() {
                frame.put(row, row: size.height - 1 - statusHeight + index, column: 0, style: style)
            }
        } else {
            frame.put(repeating: glyphs.rule, count: width, row: size.height - 2, column: 0, style: .muted)
        }
        // Scroll marks sit on the rule rows, so they never cover text. Every
        // page scrolls with Page Down, so a mark always means a key reaches more.
        if start > 0 {
            frame.put(" " + glyphs.moreAbove + " ", row: 1, column: max(0, width - Frame.width(of: glyphs.moreAbove) - 3), style: .emphasis)
        }
        if start + height < body.count && status == nil {
            frame.put(" " + glyphs.moreBelow + " ", row: size.height - 2, column: max(0, width - Frame.width(of: glyphs.moreBelow) - 3), style: .emphasis)
        }
        var column = 1
        for item in footer(body.count > height) {
            let used = Frame.width(of: item.key) + 1 + Frame.width(of: item.action) + 2
            if column + used > width { break }
            frame.put(item.key, row: size.height - 1, column: column, style: .emphasis)
            frame.put(item.action, row: size.height - 1, column: column + Frame.width(of: item.key) + 1)
            column += used
        }
        var itemLines: [Int: Int] = [:]
        for (index, line) in body.enumerated() {
            if let target = line.target, itemLines[target] == nil { itemLines[target] = index }
        }
        let layout = ViewLayout(top: start, lines: body.count, height: height, itemLines: itemLines)
        return Rendered(frame: frame, targets: targets, layout: layout)
    }

    static func bodyHeight(_ size: Size) -> Int { max(1, size.height - 4) }

    /// The first body line shown: the view's top, kept inside the body, and
    /// moved just enough to show the focused line (with a little of what
    /// follows it) when the focus moved.
    static func start(of body: [Line], height: Int, view: Viewport) -> Int {
        let maxStart = max(0, body.count - height)
        var start = min(max(0, view.top), maxStart)
        if view.followFocus, let focus = body.firstIndex(where: \.focus) {
            let context = min(3, max(0, height / 4))
            if focus < start {
                start = focus
            } else if focus + context >= start + height {
                start = min(maxStart, focus + context - height + 1)
            }
        }
        return max(0, start)
    }
}

/// Shown when the window is too small to use: what size it is, what it needs.
func tooSmall(_ size: Size, glyphs: Glyphs, quitWord: String = "quit") -> Rendered {
    var frame = Frame(size)
    let lines = [
        "Please make this window bigger.",
        "",
        "It is \(size.width) x \(size.height); the aid needs at least \(Chrome.minimum.width) x \(Chrome.minimum.height).",
        "Your answers are kept.",
        "",
        quitWord == "quit" ? "Ctrl-C quits." : "Ctrl-C starts over.",
    ]
    var row = 0
    for line in lines {
        for piece in wrap(line, width: max(10, size.width - 2)) {
            frame.put(piece, row: row, column: 1, style: row == 0 ? .warning : .normal)
            row += 1
        }
    }
    frame.cursor = (0, 1)
    return Rendered(frame: frame, targets: [:], layout: ViewLayout(top: 0, lines: 0, height: 0, itemLines: [:]))
}
