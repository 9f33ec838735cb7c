import Content

/// The questions and the review as plain lines.
extension PlainRunner {
    /// Runs the interview until the person goes on to the results (true) or
    /// back before the first question (false).
    func interviewLoop() throws -> Bool {
        if interview.step == .notStarted { interview.start() }
        while true {
            switch interview.step {
            case .notStarted:
                return false
            case .question(let field):
                try ask(field)
            case .review:
                if try review() { return true }
            }
        }
    }

    // MARK: One question

    /// The values a choice question offers, in order, with their labels.
    func choices(_ field: AnswerField) -> [(value: String, label: String, description: String)] {
        if field == .therapies {
            return [("none", "None: I have not taken an MS treatment", "")]
                + content.therapies.map { ($0.id, $0.name + " (" + $0.brands + ")", "") }
        }
        return (content.question(field.jsonKey)?.choices ?? []).map { ($0.value, $0.label, $0.description) }
    }

    func showQuestion(_ field: AnswerField) throws {
        let question = content.question(field.jsonKey)
        let (number, total) = interview.position(of: field)
        let answers = interview.answers
        try say()
        try para("Question \(number) of \(total): " + (question?.prompt ?? AnswerPhrases.topic(field)))
        if field == .activeOnTreatment {
            let names = answers.strongDrugsTried.map { content.therapy($0)?.name ?? $0 }
            try para("The drugs you took that count here: " + AnswerPhrases.list(names) + ".")
        }
        try para("Why we ask: " + (question?.why ?? ""))
        switch QuestionFlow.input(field) {
        case .number:
            break
        case .choice:
            let chosen = QuestionFlow.choiceValue(field, answers)
            for (index, choice) in choices(field).enumerated() {
                try para("\(index + 1). " + choice.label + (choice.value == chosen ? " (your answer)" : ""), indent: 2, hanging: 3)
                if !choice.description.isEmpty { try para(choice.description, indent: 5) }
            }
        case .multiChoice:
            let taken = answers.therapies.map { $0.isEmpty ? ["none"] : $0 } ?? []
            for (index, choice) in choices(field).enumerated() {
                try para("\(index). " + choice.label + (taken.contains(choice.value) ? " (ticked)" : ""), indent: 2, hanging: 4)
            }
        }
        if QuestionFlow.isAnswered(field, answers) {
            try para("Your answer so far: " + AnswerPhrases.phrase(field, answers, content) + ". Press Enter alone to keep it.")
        }
    }

    /// The prompt line: what may be typed, as the last thing on the line.
    func promptText(_ field: AnswerField) -> String {
        switch QuestionFlow.input(field) {
        case .number:
            return "Type " + field.allowed + " (b = back, ? = help):"
        case .choice:
            return "Type a number from 1 to \(choices(field).count) and press Enter (b = back, ? = help):"
        case .multiChoice:
            return "Type their numbers, like 3, 12, or 0 for none (b = back, ? = help):"
        }
    }

    func help(_ field: AnswerField) -> String {
        switch QuestionFlow.input(field) {
        case .number: return "Type the number and press Enter. b goes back to the question before; nothing you answered is lost."
        case .choice: return "Type the number in front of the answer that fits you best, then Enter. b goes back; nothing you answered is lost."
        case .multiChoice: return "Type the numbers of all the treatments you have ever taken, with commas between them, then Enter. Type 0 if you have never taken one."
        }
    }

    /// Asks the question until it is answered, skipped with Enter (when it
    /// already has an answer) or left with b. A bad line gets the same
    /// message the screen and `assess` give, and is asked again.
    func ask(_ field: AnswerField) throws {
        try showQuestion(field)
        while true {
            let line = try ask(promptText(field), help: help(field), again: { try self.showQuestion(field) })
            if ["b", "back"].contains(line.lowercased()) {
                interview.back()
                return
            }
            if line.isEmpty && QuestionFlow.isAnswered(field, interview.answers) {
                interview.skip()
                return
            }
            let outcome: Result<Void, Interview.Problem>
            switch QuestionFlow.input(field) {
            case .number:
                outcome = Result { () throws(Interview.Problem) in try interview.answer(line) }
            case .choice:
                guard let value = try choice(line, field) else { continue }
                outcome = Result { () throws(Interview.Problem) in try interview.answer(value) }
            case .multiChoice:
                guard let values = try treatments(line) else { continue }
                outcome = Result { () throws(Interview.Problem) in try interview.answer(therapies: values) }
            }
            switch outcome {
            case .success:
                changedSinceSave = true
                // The exact EDSS (clinician mode) with its walking band, as a check.
                if field == .edss, let score = interview.answers.edss {
                    try para("Taken: " + Clinician.walkingCheck(score, ctx) + ".")
                }
                return
            case .failure(let problem):
                try say(self.problem(problem))
            }
        }
    }

    /// The plain mode's words for an answer that was not taken: the screen's,
    /// but for the treatments, which are typed here, not ticked.
    func problem(_ problem: Interview.Problem) -> String {
        problem == .nothingTicked ? "Please type the number of each treatment you have taken, or 0 for none."
                                  : Views.words(problem, interview)
    }

    /// A choice typed as its number (or its word, as in `assess`); nil after saying what is wrong.
    func choice(_ line: String, _ field: AnswerField) throws -> String? {
        let options = choices(field)
        if line.isEmpty {
            try say("Please type an answer: a number from 1 to \(options.count).")
            return nil
        }
        if let n = Int(line), (1...options.count).contains(n) { return options[n - 1].value }
        if let hit = options.first(where: { $0.value == line.lowercased() || $0.label.lowercased() == line.lowercased() }) {
            return hit.value
        }
        try say("'\(line.echoed(limit: 60))' is not one of the answers: type a number from 1 to \(options.count).")
        return nil
    }

    /// The treatments typed as numbers ("3, 12"), 0 or "none"; nil after saying what is wrong.
    func treatments(_ line: String) throws -> [String]? {
        let options = choices(.therapies)
        if line.isEmpty {
            try say(problem(.nothingTicked))
            return nil
        }
        if line.lowercased() == "none" { return ["none"] }
        guard let numbers = PlainRunner.numbers(line) else {
            try say("'\(line.echoed(limit: 60))' is not a list of numbers: type numbers from the list, like 3, 12, or 0 for none.")
            return nil
        }
        if let bad = numbers.first(where: { !options.indices.contains($0) }) {
            try say("\(bad) is not on the list: the treatments are numbered 0 to \(options.count - 1).")
            return nil
        }
        if numbers.contains(0) && numbers.count > 1 {
            try say("0 means no treatment, so it cannot go with others. Type only 0, or only the treatments you took.")
            return nil
        }
        var values: [String] = []
        for n in numbers where !values.contains(options[n].value) { values.append(options[n].value) }
        return values
    }

    // MARK: Review

    /// Every answer, numbered; a number opens that question. True when the
    /// person goes on to the results.
    func review() throws -> Bool {
        let order = interview.order
        func show() throws {
            try say()
            try say("Your answers. Type a number to change one; the others are kept.")
            let answers = interview.answers
            for (index, field) in order.enumerated() {
                let answer: String
                if let skip = QuestionFlow.skipReason(field, answers, exactEDSS: interview.exactEDSS) {
                    answer = skip
                } else if QuestionFlow.isAnswered(field, answers) {
                    answer = AnswerPhrases.phrase(field, answers, content)
                } else {
                    answer = "Not answered"
                }
                try para("\(index + 1). " + QuestionView.shortLabel(field) + ": " + answer.capitalizedFirst(), indent: 2, hanging: 4)
            }
        }
        try show()
        while true {
            let line = try ask("Type 1 to \(order.count) to change an answer, or press Enter for the results (b = back):",
                               help: "Enter goes on to the results. A number opens that question again. b goes back to the last question.",
                               again: show)
            if line.isEmpty { return true }
            if ["b", "back"].contains(line.lowercased()) {
                interview.back()
                return false
            }
            guard let n = Int(line), (1...order.count).contains(n) else {
                try say("'\(line.echoed(limit: 60))' is not on the list: type a number from 1 to \(order.count), or press Enter to go on.")
                continue
            }
            switch Result(catching: { () throws(Interview.Problem) in try interview.change(order[n - 1]) }) {
            case .success: return false
            case .failure(let problem): try say(self.problem(problem))
            }
        }
    }
}
