import Testing
@testable import DecisionAid

/// The interview on its own: answers in, steps out, no keys and no screen.
@Suite struct InterviewTests {
    @Test func answersMoveOnInOrderAndSkipWhatNoLongerApplies() throws {
        var i = Interview()
        #expect(i.step == .notStarted)
        i.start()
        #expect(i.step == .question(.age))
        try i.answer("32")
        #expect(i.step == .question(.subtype))
        try i.answer("relapsing-remitting")
        try i.answer("2")
        // Two relapses are substantial activity: the MRI question is not asked.
        #expect(i.step == .question(.walking))
        #expect(i.position(of: .walking) == (5, 11))
        try i.answer("unlimited")
        // Walking without aids: the disability-from-a-relapse question is skipped too.
        #expect(i.step == .question(.yearsSinceDiagnosis))
        try i.answer("4")
        try i.answer(therapies: ["ocrelizumab"])
        #expect(i.step == .question(.activeOnTreatment))
        try i.answer("yes")
        try i.answer("no")
        try i.answer("no")
        #expect(i.step == .review)
        #expect(i.answers.age == 32 && i.answers.therapies == ["ocrelizumab"] && i.answers.seriousComorbidity == false)
    }

    @Test func aBadAnswerIsReportedAndChangesNothing() throws {
        var i = Interview()
        i.start()
        try i.answer("40")
        var copy = i
        #expect(throws: Interview.Problem.self) { try copy.answer("sometimes") }
        do {
            try i.answer("sometimes")
        } catch {
            guard case .answer(let e, let typed) = error else { Issue.record("wrong problem \(error)"); return }
            #expect(e.field == .subtype && typed == "sometimes")
        }
        #expect(i.step == .question(.subtype))
        #expect(i.answers.age == 40)
        // Treatments only answer the treatments question; nothing ticked there is a problem.
        try copy.answer(therapies: ["ocrelizumab"])
        #expect(copy.answers.therapies == nil && copy.step == .question(.subtype))
        try copy.change(.therapies)
        #expect(throws: Interview.Problem.nothingTicked) { try copy.answer(therapies: []) }
    }

    @Test func yearsSinceDiagnosisCannotExceedAge() throws {
        var i = Interview(answers: strongPerson())
        try i.change(.yearsSinceDiagnosis)
        do {
            try i.answer("60")
            Issue.record("60 years since diagnosis at 30 was taken")
        } catch {
            guard case .answer(let e, _) = error else { Issue.record("wrong problem \(error)"); return }
            #expect(e.problem.contains("more than the age given"))
        }
        #expect(i.answers.yearsSinceDiagnosis == strongPerson().yearsSinceDiagnosis)
    }

    @Test func backWalksTheAskedQuestionsAndLeavesAtTheStart() throws {
        var i = Interview()
        i.start()
        try i.answer("32")
        try i.answer("relapsing-remitting")
        try i.answer("2")
        #expect(back(&i))
        #expect(i.step == .question(.relapsesLast12Months))
        #expect(back(&i))
        #expect(back(&i))
        #expect(i.step == .question(.age))
        // Before the first question the front end shows what comes before.
        #expect(back(&i) == false)
        #expect(i.step == .notStarted)
        // Nothing answered is lost by going back.
        #expect(i.answers.age == 32 && i.answers.relapsesLast12Months == 2)
    }

    @Test func skipLeavesTheQuestionUnansweredAndTheRulesTreatItAsUnknown() throws {
        var i = Interview()
        i.start()
        try i.answer("32")
        i.skip()
        #expect(i.step == .question(.relapsesLast12Months))
        #expect(i.answers.subtype == nil)
        #expect(i.answers.missingFields.contains(.subtype))
    }

    @Test func reviewChangesOneAnswerAndKeepsTheRest() throws {
        var i = Interview.resumed(strongPerson(), exactEDSS: false)
        #expect(i.step == .review)
        // A skipped question cannot be opened; the problem names it.
        var copy = i
        #expect(throws: Interview.Problem.notAsked(.newMRIActivityLast12Months)) { try copy.change(.newMRIActivityLast12Months) }
        try i.change(.relapsesLast12Months)
        try i.answer("0")
        // Fewer relapses open the MRI question, and only that one is asked before the review.
        #expect(i.step == .question(.newMRIActivityLast12Months))
        try i.answer("yes")
        #expect(i.step == .review)
        #expect(i.answers.age == strongPerson().age && i.answers.relapsesLast12Months == 0)
        // Back from a question opened at the review returns to the review.
        try i.change(.age)
        #expect(back(&i))
        #expect(i.step == .review)
        // Back from the review goes to the last question asked.
        i.back()
        #expect(i.step == .question(i.asked.last!))
    }

    @Test func aChangedAnswerNeverLeavesAStaleOne() throws {
        var i = Interview.resumed(strongPerson(), exactEDSS: false)
        try i.change(.relapsesLast12Months)
        try i.answer("0")
        try i.answer("yes")
        try i.change(.relapsesLast12Months)
        try i.answer("3")
        #expect(i.answers.newMRIActivityLast12Months == nil)
        #expect(i.step == .review)
    }

    @Test func clinicianInterviewAsksTheExactEDSS() throws {
        var i = Interview(exactEDSS: true)
        #expect(i.order.contains(.edss) && !i.order.contains(.walking))
        i.start()
        try i.answer("30")
        try i.answer("relapsing-remitting")
        try i.answer("3")
        #expect(i.step == .question(.edss))
        var copy = i
        #expect(throws: Interview.Problem.self) { try copy.answer("6.3") }
        try i.answer("6.5")
        #expect(i.answers.edss == 6.5)
        // At 6.5 whether the disability came from a relapse matters.
        #expect(i.step == .question(.disabilityFromRecentRelapse))
    }
}

/// Goes back, outside #expect (which cannot change its arguments).
private func back(_ i: inout Interview) -> Bool { i.back() }
