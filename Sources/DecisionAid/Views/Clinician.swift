import Content

/// What clinician mode (`decision-aid --clinician`, Settings.clinician)
/// shows differently, in one place. A neurologist in a consultation goes
/// through the same interview and results as the patient, but types the
/// exact EDSS (with the walking band beside it as a check), sees each
/// figure's full citation, sees the rules that fired with their ids and the
/// guidelines they rest on, and uses the whole width of a wide terminal.
/// Views ask `Clinician.on(ctx)`; nothing passes a flag by hand.
enum Clinician {
    static let title = "AHSCT decision aid [CLINICIAN MODE]"
    /// For narrow windows, where the title and the page's progress do not both fit.
    static let shortTitle = "AHSCT aid [CLINICIAN]"

    /// True when the aid is set up for a clinician.
    static func on(_ ctx: Context) -> Bool { ctx.settings.audience == .clinician }

    /// What differs from the patient's aid: on Welcome, in help and in About.
    static let differences = "Clinician mode, for a consultation: the patient's questions and results, but the exact EDSS is typed (0 to 10 in half steps, its walking band shown as a check) instead of the walking question; figures carry full citations with DOI or link; the Summary lists the rules that fired with their ids and the guidelines behind them; text uses the whole width. Without --clinician: the patient's own version."

    // MARK: Citations

    /// A source as a clinician cites it: the full citation and its DOI or link.
    static func citation(_ source: Source) -> String {
        let link = shortLink(source.link)
        return link.isEmpty ? source.citation : source.citation + " " + link
    }

    /// "doi:10.1001/jama.2018.18743" for a doi.org address (the form
    /// journals print); any other link as it is.
    static func shortLink(_ link: String) -> String {
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/"] where link.hasPrefix(prefix) {
            return "doi:" + link.dropFirst(prefix.count)
        }
        return link
    }

    /// "Source: " or "Sources: " and the first full citation, then each further one on a
    /// line of its own under the first; a citation's own wrapped lines hang
    /// two further in.
    static func sourceLines(_ ids: [String], _ ctx: Context, width: Int, indent: Int) -> [Line] {
        let citations = ids.compactMap { ctx.content.source($0).map(citation) }
        let label = citations.count == 1 ? "Source: " : "Sources: "
        let step = Frame.width(of: label)
        return citations.enumerated().flatMap { index, text -> [Line] in
            index == 0
                ? paragraph(label + text, width: width, style: .muted, indent: indent, hanging: step + 2)
                : paragraph(text, width: width, style: .muted, indent: indent + step, hanging: 2)
        }
    }

    /// "[1, 3]": the ids numbered in `cited` (in the order a page first cites
    /// them), adding any not yet there; the numbers in ascending order.
    static func numbers(_ ids: [String], _ cited: inout [String]) -> String {
        var numbers: [Int] = []
        for id in ids {
            if !cited.contains(id) { cited.append(id) }
            let number = (cited.firstIndex(of: id) ?? 0) + 1
            if !numbers.contains(number) { numbers.append(number) }
        }
        return numbers.isEmpty ? "" : "[" + numbers.sorted().map(String.init).joined(separator: ", ") + "]"
    }

    /// The full citations of `ids`, by their numbers in `cited`, one
    /// paragraph each, the text hanging clear of the number:
    /// "[3] Burt RK, et al. ... JAMA. 2019;321(2):165-174. doi:10.1001/jama.2018.18743"
    static func list(_ ids: [String], _ cited: [String], _ ctx: Context, width: Int, indent: Int = 0) -> [Line] {
        var seen: Set<String> = []
        let numbered = ids.filter { seen.insert($0).inserted }
            .map { id in ((cited.firstIndex(of: id) ?? cited.count) + 1, id) }
            .sorted { $0.0 < $1.0 }
        return numbered.flatMap { number, id -> [Line] in
            let label = "[\(number)] "
            return paragraph(label + (ctx.content.source(id).map(citation) ?? id), width: width, style: .muted,
                             indent: indent, hanging: Frame.width(of: label))
        }
    }

    // MARK: EDSS

    /// The walking answer whose EDSS band holds this score (Walking.edssBand,
    /// Kurtzke 1983): every half step from 0 to 10 is in exactly one band.
    static func walkingBand(_ score: Double) -> Walking? {
        Walking.allCases.first { band in
            let range = band.edssBand
            return score >= range.low && score <= (range.high ?? 10)
        }
    }

    /// "6.5 = walking band "I need a cane or crutch on both sides, or a
    /// walker, to walk about 20 metres" (EDSS 6.5)": the patient's own words
    /// for the score, from the walking question's choices, as a check.
    static func walkingCheck(_ score: Double, _ ctx: Context) -> String {
        guard let band = walkingBand(score) else { return format(score) }
        let label = ctx.content.question(AnswerField.walking.jsonKey)?.choices.first { $0.value == band.rawValue }?.label ?? band.rawValue
        return format(score) + " = walking band \"" + label + "\" (" + band.edssText + ")"
    }

    /// The check for what is typed in the EDSS field, once it is a score.
    static func typedCheck(_ draft: String, _ ctx: Context) -> String? {
        let text = draft.trimmingWhitespace()
        guard !text.isEmpty, let score = try? AnswerParser.edss(text) else { return nil }
        return walkingCheck(score, ctx)
    }

    // MARK: The rules that fired (the Summary)

    /// The reason a rule gives, in the words meant for the clinician
    /// (rules.yaml's `clinician:` text), or the patient's where there is none.
    static func reasonText(_ reason: Reason, _ ctx: Context) -> String {
        ctx.content.rule(reason.rule)?.clinician ?? reason.text
    }

    /// The rule's condition as the rule table states it (`decision-aid rules`).
    static func condition(_ id: String) -> String? {
        RuleTable.allRules.first { $0.id == id }?.condition
    }

    /// The answers behind a rule, short ("age 34; EDSS 6.5"), or what is missing.
    static func because(_ reason: Reason, _ answers: Answers, _ ctx: Context) -> String? {
        guard !reason.fields.isEmpty else { return nil }
        if reason.missing {
            let names = reason.fields.map { $0 == .walking || $0 == .edss ? "EDSS" : SummaryAnswers.label($0) }
            return "not answered: " + AnswerPhrases.list(names)
        }
        return reason.fields.map { SummaryAnswers.phrase($0, answers, ctx.content) }.joined(separator: "; ")
    }

    /// The Summary for a clinician: the level and why, then each rule that
    /// fired with its id, kind and condition, the answers behind it, what
    /// would change it and the sources it rests on in full.
    static func summary(_ a: Assessment, _ ctx: Context, _ g: Glyphs, _ width: Int) -> [Line] {
        var lines = paragraph(a.headline, width: width, style: .heading)
        lines += paragraph("Level: \(a.level.rawValue) (candidacy rules version \(RuleTable.version): the most serious level that fires decides; notes never change it).",
                           width: width, style: .emphasis)
        lines += paragraph(a.explanation, width: width)
        lines.append(Line())
        lines.append(Line("Rules that fired", .heading))
        for reason in a.reasons {
            lines.append(Line())
            let heading = g.bullet + " " + reason.rule + " [" + reason.kind.name + "]" + (condition(reason.rule).map { ": " + $0 } ?? "")
            lines += paragraph(heading, width: width, style: reason.kind == .note ? .normal : .emphasis, hanging: 2)
            lines += paragraph(reasonText(reason, ctx), width: width, indent: 2)
            if let because = because(reason, a.answers, ctx) {
                lines += paragraph("Answers: " + because + ".", width: width, indent: 2, hanging: 2)
            }
            if let change = reason.change {
                lines += paragraph("What could change this: " + change, width: width, indent: 2, hanging: 2)
            }
            let sources = reason.sources.compactMap { ctx.content.source($0) }
            if !sources.isEmpty {
                lines += paragraph("Rests on:", width: width, style: .muted, indent: 2)
                for source in sources {
                    lines += paragraph(source.short + ", " + source.kind.phrase + ": " + citation(source), width: width, style: .muted, indent: 4, hanging: 2)
                }
            }
        }
        lines.append(Line())
        lines += paragraph("This matches the patient's answers to what the guidelines say; it is not a decision. `decision-aid rules` prints every rule with its condition and sources. The options, the numbers and the evidence follow in their own sections, each with its full citations.", width: width)
        return lines
    }
}
