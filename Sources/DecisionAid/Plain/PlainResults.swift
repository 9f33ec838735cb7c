import Content

/// The results as plain lines: one section at a time, in the screen's
/// order, with a menu to choose the next; the sections a person fills in
/// (what matters, questions, checklist, check, finish) ask item by item.
extension PlainRunner {
    var sections: [ResultsSection] { ResultsSection.allCases }

    /// Shows the results until the person types b (back to the review).
    func results() throws {
        var index = 0
        try showSection(sections[index])
        while true {
            try say()
            try para("End of section \(index + 1), \(sections[index].title). A number from 1 to \(sections.count) goes to that section; m lists them; s saves the summary, p prints it; b goes back to your answers.")
            let next = index + 1 < sections.count ? "Press Enter for \(index + 2), \(sections[index + 1].title), or type your choice:" : "That was the last section. Type your choice:"
            let line = try ask(next,
                               help: "Enter goes to the next section. A number goes to that section. m lists the sections. s saves your summary to a file, p prints it. b goes back to your answers.",
                               again: { try self.showSection(self.sections[index]) })
            switch line.lowercased() {
            case "":
                guard index + 1 < sections.count else {
                    try menu()
                    continue
                }
                index += 1
            case "m", "menu":
                try menu()
                continue
            case "b", "back":
                return
            case "s", "save":
                try saveChoice()
                continue
            case "p", "print":
                try printSummary()
                continue
            default:
                guard let n = Int(line), (1...sections.count).contains(n) else {
                    try say("'\(line.echoed(limit: 60))' is not a section: type a number from 1 to \(sections.count), or m for the list.")
                    continue
                }
                index = n - 1
            }
            try showSection(sections[index])
        }
    }

    func menu() throws {
        try say()
        try say("The sections:")
        for (index, section) in sections.enumerated() { try say("  \(index + 1). " + section.title) }
    }

    func showSection(_ section: ResultsSection) throws {
        let number = (sections.firstIndex(of: section) ?? 0) + 1
        try say()
        try say("Section \(number) of \(sections.count): " + section.title)
        try say()
        let answers = interview.answers
        let assessment = Assessor.assess(answers, content: content)
        switch section {
        case .summary where Clinician.on(ctx):
            try read(Clinician.summary(assessment, ctx, g, width))
        case .summary:
            try read(ResultsView.summary(assessment, ctx, g, width))
        case .options:
            var lines: [Line] = []
            for row in content.grid.indices {
                lines += OptionsView.oneQuestion(row, ctx, g, width)
                lines.append(Line())
            }
            try read(lines + OptionsView.afterGrid(answers: answers, ctx: ctx, g: g, width: width))
        case .experience:
            try read(ExperienceView.body(ctx, g, width))
        case .numbers:
            try read(NumbersView.body(answers: answers, assessment: assessment, ctx: ctx, g: g, width: width))
        case .evidence:
            try evidence(assessment)
        case .risks:
            try read(RisksView.body(assessment, ctx, g, width))
        case .values:
            try values()
        case .questions:
            try doctorQuestions()
        case .checklist:
            try checklist()
        case .finish:
            try finish()
        case .check:
            try knowledgeCheck()
        case .glossary:
            try read(ResultsView.glossary(ctx, width))
        }
    }

    /// The studies listed; a number reads one in full.
    func evidence(_ assessment: Assessment) throws {
        let studies = assessment.evidence
        func list() throws {
            try para("Studies that speak to people like you, and the options each is about. Each has limits: few compared AHSCT with another treatment.")
            for (index, study) in studies.enumerated() {
                try say()
                try para("\(index + 1). " + study.name + " - " + study.design.phrase + ", \(study.howMany) people" + EvidenceNotes.listTag(study, ctx), hanging: 3)
                try para(study.summary.text, indent: 3)
            }
        }
        try list()
        guard !studies.isEmpty else { return }
        while true {
            let line = try ask("Type a study's number to read it in full, or press Enter to go on:",
                               help: "Each study has who was in it, what happened, its limits and its sources.", again: list)
            if line.isEmpty { return }
            guard let n = Int(line), (1...studies.count).contains(n) else {
                try say("'\(line.echoed(limit: 60))' is not a study: type a number from 1 to \(studies.count), or press Enter to go on.")
                continue
            }
            var m = Model(size: Size(width: width, height: 24))
            m.openStudy = n - 1
            try say()
            try read(ResultsView.evidence(assessment, m, ctx, g, width))
        }
    }

    // MARK: What matters

    /// Rating each statement 0-4, the person's own concern, what each option
    /// means for what they rated highest, then leaning, role, who else and pressure.
    func values() throws {
        try para("How much does each of these matter to you? There are no right answers. This part asks you to rate \(content.values.count) statements from 0 (does not matter to me) to 4 (matters very much), then 5 short questions. Each can be skipped with Enter.")
        let start = try ask("Press Enter to start, or type n to skip this part:", help: "Enter starts the questions about what matters to you; n skips to the choice of the next section.")
        if PlainRunner.yesNo(start) == false {
            try read(DecideViews.fit(deliberation, ctx, g, width))
            return
        }
        for (index, value) in content.values.enumerated() {
            func show() throws {
                try say()
                try para("Statement \(index + 1) of \(content.values.count): " + value.text)
                if let rating = deliberation.ratings[value.id] { try say("Your rating so far: " + ratingWords(rating) + ".") }
            }
            try show()
            if let rating = try rate(show) {
                deliberation.ratings[value.id] = rating
                changedSinceSave = true
            }
        }
        try say()
        try para("A concern of your own, in your own words" + (deliberation.concern.isEmpty ? "" : " (now: \(deliberation.concern))") + ".")
        let concern = try ask("Type it and press Enter, or press Enter alone to " + (deliberation.concern.isEmpty ? "skip:" : "keep it:"),
                              help: "Anything that matters to you about this choice. It goes on your summary.")
        if !concern.isEmpty {
            deliberation.concern = String(concern.prefix(200))
            changedSinceSave = true
        }
        if !deliberation.concern.isEmpty {
            let show = { try self.para("How much does your own concern matter to you?") }
            try show()
            if let rating = try rate(show) { deliberation.concernRating = rating }
        }
        try say()
        try read(DecideViews.fit(deliberation, ctx, g, width))
        if let value = try pick("Which way are you leaning now?", content.leanings, current: deliberation.leaning) {
            deliberation.leaning = value
        }
        if let value = try pick("How do you want the choice to be made?", content.roles, current: deliberation.role) {
            deliberation.role = value
        }
        try say()
        try para("Who else is part of this choice? (family, friends, doctors)" + (deliberation.others.isEmpty ? "" : " Now: \(deliberation.others)."))
        let others = try ask("Type who and press Enter, or press Enter alone to " + (deliberation.others.isEmpty ? "skip:" : "keep it:"),
                             help: "The people you want to talk it over with. It goes on your summary.")
        if !others.isEmpty {
            deliberation.others = String(others.prefix(200))
            changedSinceSave = true
        }
        if !content.pressure.isEmpty, let value = try pick("Do you feel pushed by anyone to choose one way?", content.pressure, current: deliberation.pressure) {
            deliberation.pressure = value
        }
    }

    func ratingWords(_ rating: Rating) -> String {
        switch rating {
        case .score(let n): return "\(n) of 4"
        case .notSure: return "not sure"
        }
    }

    /// A rating typed 0 to 4, or n; nil when skipped with Enter.
    func rate(_ again: @escaping () throws -> Void) throws -> Rating? {
        while true {
            let line = try ask("Type 0 to 4, n for not sure, or press Enter to skip:",
                               help: "0 means it does not matter to you at all, 4 that it matters very much; 1 to 3 are in between.", again: again)
            if line.isEmpty { return nil }
            if line.lowercased() == "n" || line.lowercased() == "not sure" { return .notSure }
            if let n = Int(line), (0...4).contains(n) { return .score(n) }
            try say("'\(line.echoed(limit: 60))' is not a rating: type a number from 0 to 4, or n for not sure.")
        }
    }

    /// One of a few labelled answers, by number; nil when skipped with Enter.
    func pick(_ question: String, _ choices: [Labelled], current: String?) throws -> String? {
        guard !choices.isEmpty else { return nil }
        func show() throws {
            try say()
            try para(question)
            for (index, choice) in choices.enumerated() {
                try para("\(index + 1). " + choice.label + (choice.value == current ? " (your answer)" : ""), indent: 2, hanging: 3)
            }
        }
        try show()
        while true {
            let line = try ask("Type a number from 1 to \(choices.count), or press Enter to skip:", help: "Type the number of the answer that fits you now.", again: show)
            if line.isEmpty { return nil }
            if let n = Int(line), (1...choices.count).contains(n) {
                changedSinceSave = true
                return choices[n - 1].value
            }
            try say("'\(line.echoed(limit: 60))' is not one of the answers: type a number from 1 to \(choices.count).")
        }
    }

    // MARK: Lists to tick

    /// The questions for the neurologist: the listed ones ticked by number, and the person's own.
    func doctorQuestions() throws {
        let listed = content.doctorQuestions
        func show() throws {
            try para("Questions you may want to ask your neurologist. The ones you pick go on your summary.")
            for (index, question) in listed.enumerated() {
                let mark = deliberation.asked.contains(question.id) ? "[x]" : "[ ]"
                try para("\(index + 1). \(mark) " + question.text, indent: 2, hanging: 8)
            }
            for own in deliberation.ownQuestions { try para("* " + own + " (your own)", indent: 2, hanging: 2) }
            try para("Each number you type adds that question to your summary, or takes it off. Type a to add one of your own.")
        }
        try show()
        while true {
            let line = try ask("Type numbers, like 1, 4 (a = add your own, Enter = go on):",
                               help: "Each number you type ticks that question, or unticks it if it was ticked. a lets you type a question in your own words.",
                               again: show)
            if line.isEmpty { return }
            if line.lowercased() == "a" {
                let own = try ask("Type your question and press Enter (Enter alone adds nothing):", help: "Your own question goes on your summary.")
                if !own.isEmpty {
                    deliberation.ownQuestions.append(String(own.prefix(200)))
                    changedSinceSave = true
                    try say("Added.")
                }
                continue
            }
            guard let numbers = PlainRunner.numbers(line), numbers.allSatisfy({ (1...listed.count).contains($0) }) else {
                try say("'\(line.echoed(limit: 60))' is not a list of question numbers: type numbers from 1 to \(listed.count).")
                continue
            }
            for n in numbers { deliberation.asked.toggle(listed[n - 1].id) }
            changedSinceSave = true
            try say("Picked: " + (listed.indices.filter { deliberation.asked.contains(listed[$0].id) }.map { String($0 + 1) }.joined(separator: ", ").nonEmpty ?? "none") + ".")
        }
    }

    /// The clinic checklist: every item with why it matters; ticked by number.
    func checklist() throws {
        let items = content.checklist
        func show() throws {
            try para("Questions to ask any clinic offering a stem cell transplant. Tick each one you have an answer to. Warning signs are marked.")
            for (index, item) in items.enumerated() {
                try say()
                let mark = ticked.contains(item.id) ? "[x]" : "[ ]"
                try para("\(index + 1). \(mark) " + (item.redFlag ? "Warning sign: " : "") + item.question, hanging: 8)
                try para("Why it matters: " + item.why + " (" + ResultsView.refs(item.sources, ctx) + ")", indent: 8)
            }
            try say()
            try para("Tick the items you have an answer to: each number ticks it, or unticks it.")
        }
        try show()
        while true {
            let line = try ask("Type numbers, like 2, 5, or press Enter to go on:",
                               help: "Each number ticks that item, or unticks it. The ticked and unticked items go on your summary.", again: show)
            if line.isEmpty { return }
            guard let numbers = PlainRunner.numbers(line), numbers.allSatisfy({ (1...items.count).contains($0) }) else {
                try say("'\(line.echoed(limit: 60))' is not a list of item numbers: type numbers from 1 to \(items.count).")
                continue
            }
            for n in numbers { ticked.toggle(items[n - 1].id) }
            changedSinceSave = true
            try say("Ticked: " + (items.indices.filter { ticked.contains(items[$0].id) }.map { String($0 + 1) }.joined(separator: ", ").nonEmpty ?? "none") + ".")
        }
    }

    // MARK: Check and finish

    /// The optional knowledge check: each statement true, false or not sure,
    /// answered with the right answer, why, and where the aid says so.
    func knowledgeCheck() throws {
        let items = content.knowledgeCheck
        guard !items.isEmpty else { return try say("This copy of the content has no knowledge check.") }
        try para("A short check of what the aid says, if you want it. It is not a test of you, and you can skip it.")
        let start = try ask("Press Enter to start, or type n to skip it:", help: "\(items.count) statements; say whether each is true or false.")
        if PlainRunner.yesNo(start) == false { return }
        for (index, item) in items.enumerated() {
            func show() throws {
                try say()
                try para("Statement \(index + 1) of \(items.count): " + item.statement)
            }
            try show()
            var answer: KnowledgeAnswer?
            while answer == nil {
                let line = try ask("Type t for true, f for false, n for not sure, or press Enter to skip:", help: "Say what you think; the answer follows.", again: show)
                switch line.lowercased() {
                case "": break
                case "t", "true": answer = .isTrue
                case "f", "false": answer = .isFalse
                case "n", "not sure": answer = .notSure
                default:
                    try say("'\(line.echoed(limit: 60))' is not t, f or n.")
                    continue
                }
                break
            }
            guard let answer else { continue }
            deliberation.knowledge[item.id] = answer
            changedSinceSave = true
            let verdict = answer == .notSure ? "The answer: " + (item.answer ? "true" : "false") + "."
                : (KnowledgeScore.isRight(answer, item) ? "Right: " : "Not quite: ") + "it is " + (item.answer ? "true" : "false") + "."
            try para(verdict + " " + item.why)
            let section = sections.firstIndex { $0.title == item.section }.map { " (section \($0 + 1))" } ?? ""
            try para("See " + item.section + section + ". Sources: " + ResultsView.refs(item.sources, ctx) + ".")
        }
        if let score = KnowledgeScore(deliberation.knowledge, items: items) {
            try say()
            try say("Your score: " + score.text + ". It goes on your summary.")
        }
    }

    /// The SURE questions again, then the summary: read it here, save or print it.
    func finish() throws {
        _ = try sure(\.sureAfter, before: false)
        try say()
        try para("Your summary: one page to take to your neurologist, with your answers, what the guidelines say about people like you, the key numbers, what matters to you, your leaning, your SURE scores, your questions and the clinic checklist.")
        while true {
            var choices = ["v to read it here"]
            if ctx.settings.storage == .userFiles { choices.append("s to save it or your answers") }
            if ctx.settings.printerName != nil { choices.append("p to print it") }
            let line = try ask("Type " + choices.joined(separator: ", ") + ", or press Enter to go on:",
                               help: "v prints the whole summary here. s saves it to a file you name. p sends it to the printer.")
            switch line.lowercased() {
            case "": return
            case "v": try read(summaryLines())
            case "s": try saveChoice()
            case "p": try printSummary()
            default: try say("'\(line.echoed(limit: 60))' is not one of v, s or p.")
            }
        }
    }

    // MARK: Summary, saving and printing

    func summaryText(markdown: Bool = false) -> String {
        let input = SummaryInput(answers: interview.answers, deliberation: deliberation, ticked: ticked,
                                 content: content, today: ctx.today)
        return SummaryDocument.render(input, for: ctx.settings.audience, markdown: markdown)
    }

    func summaryLines() -> [Line] {
        summaryText().split(separator: "\n", omittingEmptySubsequences: false).map { line in
            // The form feed between the pages becomes a line that says so.
            Line(line.contains("\u{0C}") ? "(Page 2)" : String(line))
        }
    }

    /// `s` in the results: the summary, or the answers to finish later.
    func saveChoice() throws {
        guard ctx.settings.storage == .userFiles else { return try say("Nothing can be saved on this computer.") }
        try para("Save what? 1. Your summary, to read or take to your neurologist. 2. Your answers, to come back and finish later.")
        let line = try ask("Type 1 or 2, or press Enter not to save:", help: "1 saves the one-page summary. 2 saves everything you answered, to open again with decision-aid --resume.")
        switch line {
        case "1": try save()
        case "2": try saveAnswers()
        default: try say("Not saved.")
        }
    }

    /// Saves the summary to a file the person names; never replaces one without asking.
    func save() throws {
        try saveFile(what: "your summary", example: "ahsct-summary.txt", markdownNote: true) { path in
            self.summaryText(markdown: path.lowercased().hasSuffix(".md"))
        } saved: { full in
            self.savedTo = full
            self.changedSinceSave = false
            try self.say("Saved the summary to \(full). Only you can read the file.")
        }
    }

    /// Saves everything answered so far (a session file) to finish later.
    func saveAnswers() throws {
        let session = Session(answers: interview.answers, deliberation: deliberation, ticked: ticked, audience: ctx.settings.audience,
                              contentVersion: content.about.version, saved: ctx.today)
        try saveFile(what: "your answers", example: resumedCopy?.path ?? "ahsct-answers.json", markdownNote: false) { _ in
            session.encode()
        } saved: { full in
            self.resumedCopy = SavedCopy(path: full, answers: self.interview.answers, deliberation: self.deliberation, ticked: self.ticked)
            try self.say("Saved your answers to \(full). Only you can read the file. To go on later: decision-aid --resume \(full)")
        }
    }

    /// Asks for a file name and writes `text(path)` there; never replaces a file without asking.
    func saveFile(what: String, example: String, markdownNote: Bool, text: (String) -> String, saved: (String) throws -> Void) throws {
        guard ctx.settings.storage == .userFiles else { return try say("Nothing can be saved on this computer.") }
        try para((markdownNote ? "A name ending in .md saves Markdown; any other name saves plain text. " : "")
                 + "Enter alone uses \(example); c cancels.")
        while true {
            let name = try ask("Type a file name for \(what):",
                               help: "A name without a folder saves in the folder you started the aid from. Only you can read the file.")
            if name.lowercased() == "c" || name.lowercased() == "cancel" { return try say("Not saved.") }
            let path = name.isEmpty ? example : name
            let body = text(path)
            var outcome = SummaryFile.save(body, to: path, overwrite: false, example: example)
            if case .exists(let full) = outcome {
                try para("A file named \(full) already exists.")
                let replace = try ask("Type y to replace it, or press Enter to choose another name:",
                                      help: "y replaces the file; Enter lets you type another name.")
                guard PlainRunner.yesNo(replace) == true else { continue }
                outcome = SummaryFile.save(body, to: path, overwrite: true, example: example)
            }
            switch outcome {
            case .saved(let full): return try saved(full)
            case .exists: continue
            case .failed(_, let message): try say(plainWords(message))
            }
        }
    }

    func printSummary() throws {
        guard let printer = ctx.settings.printerName else { return try say("Printing is not available here.") }
        let line = try ask("Print the summary on \(printer)? Type y to print, or press Enter not to:", help: "y sends one copy to the printer.")
        guard PlainRunner.yesNo(line) == true else { return try say("Not printed.") }
        try say("Printing...")
        var destination: String?
        if case .destination(let name) = ctx.settings.printing { destination = name }
        switch SummaryFile.print(summaryText(), destination: destination, canSave: ctx.settings.storage == .userFiles) {
        case .sent(let message): try say(plainWords(message))
        case .failed(let message): try say(plainWords(message))
        }
    }

    /// The screen's messages name keys ("Press s"); here they are typed.
    func plainWords(_ message: String) -> String {
        message.replacing("Press s to save instead", with: "Type s to save instead")
            .replacing("press s to save instead", with: "type s to save instead")
    }
}

extension String {
    /// nil for an empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
