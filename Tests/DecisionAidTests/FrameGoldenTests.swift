import Content
import Foundation
import Testing
@testable import DecisionAid

/// Whole screens compared with committed text files. After a deliberate
/// change, regenerate with UPDATE_GOLDENS=1 and read every changed file.
enum Golden {
    static let folder = Binary.packageRoot.appendingPathComponent("Tests/DecisionAidTests/Goldens")

    static func check(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden \(name).txt; run with UPDATE_GOLDENS=1 and read it", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "screen \(name) differs from its golden:\n\(actual)", sourceLocation: sourceLocation)
    }

    /// The frame's text with the hardware cursor position, which screen readers follow.
    /// The screen as text; `size` draws it at another size (a tall one shows a whole page).
    static func screen(_ m: Model, _ ctx: Context = testContext, size: Size? = nil) -> String {
        var m = m
        if let size { m.size = size }
        let frame = Views.render(m, ctx).frame
        let cursor = frame.cursor.map { "cursor: row \($0.row), column \($0.column)" } ?? "cursor: hidden"
        return frame.text + "\n" + cursor + "\n"
    }

    /// One letter per cell naming its style, so meaning carried by style is visible.
    static func styles(_ m: Model, _ ctx: Context = testContext) -> String {
        let frame = Views.render(m, ctx).frame
        let letter: [Style: Character] = [.normal: ".", .heading: "H", .selected: "S", .muted: "m", .warning: "W", .good: "G", .emphasis: "E", .link: "L"]
        return (0..<frame.size.height).map { row in
            String((0..<frame.size.width).map { letter[frame[row, $0].style] ?? "?" })
        }.joined(separator: "\n") + "\n"
    }
}

@Suite struct FrameGoldenTests {
    let size = Size(width: 80, height: 24)

    @Test func welcome() {
        Golden.check("welcome-80x24", Golden.screen(Model(size: size)))
    }

    @Test func ageQuestionWithInlineError() {
        var m = atFirstQuestion(size)
        type(&m, "forty")
        press(&m, .enter)
        Golden.check("question-age-error-80x24", Golden.screen(m))
    }

    @Test func choiceQuestion() {
        var m = atFirstQuestion(size)
        answer(&m, "34"); answer(&m, "1"); answer(&m, "2")
        press(&m, .down, .down)
        Golden.check("question-walking-80x24", Golden.screen(m))
    }

    @Test func review() {
        Golden.check("review-80x24", Golden.screen(walkStrongPerson()))
    }

    @Test func resultsSummaryEvidenceChecklist() {
        var m = walkStrongPerson()
        press(&m, .end, .enter)
        Golden.check("results-summary-80x24", Golden.screen(m))
        press(&m, .character("4"))
        Golden.check("results-evidence-80x24", Golden.screen(m))
        press(&m, .enter)
        Golden.check("results-evidence-detail-80x24", Golden.screen(m))
        press(&m, .character("8"), .down, .character(" "))
        Golden.check("results-checklist-80x24", Golden.screen(m))
    }

    @Test func wideResults() {
        var m = walkStrongPerson()
        m.size = Size(width: 132, height: 40)
        press(&m, .end, .enter)
        Golden.check("results-summary-132x40", Golden.screen(m))
    }

    @Test func decidingScreens() {
        var sure = Model(size: size)
        press(&sure, .enter, .character("y"), .character("n"))
        Golden.check("sure-before-80x24", Golden.screen(sure))

        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("2"))
        Golden.check("options-narrow-80x24", Golden.screen(m))
        var wide = m
        wide.size = Size(width: 132, height: 40)
        Golden.check("options-wide-132x40", Golden.screen(wide))
        press(&m, .character("3"))
        Golden.check("numbers-80x24", Golden.screen(m))
        // The whole page, to read every picture: legend first, marked people first.
        Golden.check("numbers-whole-80x320", Golden.screen(m, size: Size(width: 80, height: 320)))
        press(&m, .character("6"), .character("4"), .character("3"), .character("n"))
        Golden.check("values-80x24", Golden.screen(m))
        press(&m, .tab, .tab, .tab, .character("y"), .character("n"), .character("y"), .character("y"))
        Golden.check("finish-80x24", Golden.screen(m))
        press(&m, .character("s"))
        Golden.check("save-as-80x24", Golden.screen(m))
        press(&m, .escape, .character("a"))
        Golden.check("about-80x24", Golden.screen(m))
    }

    /// Clinician mode (--clinician): the exact EDSS with its walking band as
    /// typed, the review, the Summary's rules at a clinic terminal's width,
    /// and the options table across 132 columns with its numbered sources.
    @Test func clinicianScreens() {
        var edss = clinicianAtEDSS(size)
        typeClinician(&edss, "6.5")
        Golden.check("clinician-question-edss-80x24", Golden.screen(edss, clinicianContext))
        var m = walkStrongClinician()
        Golden.check("clinician-review-80x24", Golden.screen(m, clinicianContext))
        m.size = Size(width: 132, height: 40)
        press(&m, .end, .enter, ctx: clinicianContext)
        Golden.check("clinician-summary-132x40", Golden.screen(m, clinicianContext))
        press(&m, .character("2"), ctx: clinicianContext)
        Golden.check("clinician-options-wide-132x40", Golden.screen(m, clinicianContext))
        m.size = size
        press(&m, .character("3"), .pageDown, ctx: clinicianContext)
        Golden.check("clinician-numbers-80x24", Golden.screen(m, clinicianContext))
    }

    @Test func sessionScreens() {
        // Saving the answers part way through, the quit dialog after it, and
        // coming back with something the content no longer has.
        var m = atFirstQuestion(size)
        answer(&m, "34"); answer(&m, "1"); answer(&m, "2")
        press(&m, .character("s"))
        Golden.check("save-answers-80x24", Golden.screen(m))
        press(&m, .enter)
        _ = update(&m, .savedAnswers(.saved(path: "/home/sam/ahsct-answers.json")), testContext)
        Golden.check("saved-answers-status-80x24", Golden.screen(m))
        press(&m, .character("q"))
        Golden.check("quit-after-saving-80x24", Golden.screen(m))

        var resumed = Model(size: size)
        let dropped = [Session.Dropped(.therapy, "daclizumab"), Session.Dropped(.value, "cost")]
        resumed.resume(Resumption(session: SessionTests.full(), path: "/home/sam/ahsct-answers.json", dropped: dropped), testContext)
        Golden.check("resumed-dropped-80x24", Golden.screen(resumed))
        press(&resumed, .enter)
        Golden.check("resumed-review-80x24", Golden.screen(resumed))
    }

    @Test func tooSmall() {
        var m = walkStrongPerson()
        m.size = Size(width: 40, height: 12)
        Golden.check("too-small-40x12", Golden.screen(m))
    }

    @Test func asciiWhenTheLocaleIsNotUTF8() {
        let ascii = Context(content: testContext.content, capabilities: .plain)
        var m = Model(size: size)
        press(&m, .enter, .enter, ctx: ascii)
        answer(&m, "34")
        Golden.check("question-subtype-ascii-80x24", Golden.screen(m, ascii))
        let text = Golden.screen(m, ascii)
        #expect(text.unicodeScalars.allSatisfy { $0.value < 0x80 }, "ASCII screen has non-ASCII glyphs")
        var review = walkStrongPerson()
        review.highlight = 3
        #expect(Golden.screen(review, ascii).unicodeScalars.allSatisfy { $0.value < 0x80 })
    }

    @Test func withoutColourMeaningIsInGlyphsAndStyles() {
        // Styles map to bold/reverse/underline without colour; the golden
        // shows which cells carry which style on a question and the checklist.
        var m = atFirstQuestion(size)
        answer(&m, "34")
        Golden.check("styles-question-subtype-80x24", Golden.styles(m))
        // Every highlighted row also shows the pointer glyph, so nothing depends on colour alone.
        let frame = Views.render(m, testContext).frame
        for row in 0..<frame.size.height where frame[row, 3].style == .selected {
            #expect(frame[row, 2].text == "›", "selected row \(row) has no pointer")
        }
    }
}
