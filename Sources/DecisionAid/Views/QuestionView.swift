import Content

/// One question per screen: the question, why we ask, and the answer field.
enum QuestionView {
    static func render(_ field: AnswerField, _ m: Model, _ ctx: Context, _ g: Glyphs) -> Rendered {
        let width = Views.bodyWidth(m.size, ctx)
        let question = ctx.content.question(field.jsonKey)
        // Numbered in the full order, so the total never changes as answers
        // change; a question that does not apply is passed over.
        let order = m.interview.order
        let number = (order.firstIndex(of: field) ?? 0) + 1
        let input = QuestionFlow.input(field)

        var body: [Line] = paragraph(question?.prompt ?? AnswerPhrases.topic(field), width: width, style: .heading)
        if field == .activeOnTreatment {
            let names = m.answers.strongDrugsTried.map { ctx.content.therapy($0)?.name ?? $0 }
            body += paragraph("The drugs you took that count here: " + AnswerPhrases.list(names) + ".", width: width, style: .emphasis)
        }
        body.append(Line())
        body += paragraph("Why we ask: " + (question?.why ?? ""), width: width)
        body.append(Line())

        switch input {
        case .number:
            let label = "Your answer: "
            var line = Line(label + m.draft, .normal, focus: true)
            line.cursorColumn = Frame.width(of: label + String(m.draft.prefix(m.caret)))
            body.append(line)
            if let error = Views.problemText(m) {
                body += paragraph(g.warning + " " + error, width: width, style: .warning, hanging: 2)
            } else if field == .edss, let check = Clinician.typedCheck(m.draft, ctx) {
                // The exact score's walking band, as a check before Enter.
                body += paragraph(check + ". Press Enter to keep it.", width: width, style: .emphasis, hanging: 2)
            } else if field == .edss {
                body += paragraph("Type the score from 0 to 10 in steps of 0.5 (for example 6.5), then press Enter.", width: width, style: .muted)
            } else {
                body += paragraph("Type a number, then press Enter.", width: width, style: .muted)
            }
        case .choice:
            let choices = question?.choices ?? []
            for (index, choice) in choices.enumerated() {
                let selected = index == m.highlight
                let chosen = QuestionFlow.choiceValue(field, m.answers) == choice.value
                let text = (selected ? g.pointer : " ") + " \(index + 1) " + (chosen ? g.radioOn : g.radioOff) + " " + choice.label
                body += paragraph(text, width: width, style: selected ? .selected : .normal, hanging: 8, target: index, focus: selected)
            }
            if m.highlight < choices.count {
                body.append(Line())
                body += paragraph(choices[m.highlight].description, width: width, style: .muted, indent: 2)
            }
            if let error = Views.problemText(m) { body += paragraph(g.warning + " " + error, width: width, style: .warning) }
        case .multiChoice:
            let values = choiceValues(field, ctx)
            body += paragraph("Tick each one you have taken (Space), then press Enter.", width: width, style: .emphasis)
            for (index, value) in values.enumerated() {
                let selected = index == m.highlight
                let ticked = m.picked.contains(value)
                let label: String
                if value == "none" {
                    label = "None: I have not taken an MS treatment"
                } else if let therapy = ctx.content.therapy(value) {
                    label = therapy.name + " (" + therapy.brands + ")"
                } else {
                    label = value
                }
                let key = index < 9 ? "\(index + 1)" : " "
                let text = (selected ? g.pointer : " ") + " " + key + " " + (ticked ? g.boxOn : g.boxOff) + " " + label
                body += paragraph(text, width: width, style: selected ? .selected : .normal, hanging: 8, target: index, focus: selected)
            }
            if let error = Views.problemText(m) { body += paragraph(g.warning + " " + error, width: width, style: .warning) }
        }
        let problem: (String, Style)? = input == .multiChoice ? Views.problemText(m).map { ($0, .warning) } : nil
        let status = problem ?? Views.status(m)
        let chrome = Chrome(m, ctx, g, progress: "Question \(number) of \(order.count)", status: status)
        return chrome.draw(body, m, glyphs: g)
    }

    /// A short name for each question, for the review list.
    static func shortLabel(_ field: AnswerField) -> String {
        switch field {
        case .age: return "Age"
        case .subtype: return "Type of MS"
        case .relapsesLast12Months: return "Relapses"
        case .newMRIActivityLast12Months: return "MRI"
        case .walking: return "Walking"
        case .edss: return "EDSS"
        case .disabilityFromRecentRelapse: return "Disability and relapse"
        case .yearsSinceDiagnosis: return "Diagnosed"
        case .therapies: return "Treatments"
        case .activeOnTreatment: return "Active on treatment"
        case .highEfficacyContraindicated: return "High-efficacy ruled out"
        case .seriousComorbidity: return "Other illness"
        }
    }
}
