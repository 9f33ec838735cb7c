import Foundation
import Testing
@testable import DecisionAid

/// The plain line mode, run in-process on typed lines; the output is read back.
final class PlainTranscript: @unchecked Sendable {
    var lines: [String]
    var output: [UInt8] = []
    init(_ lines: [String]) { self.lines = lines }
    var text: String { String(decoding: output, as: UTF8.self) }
}

func runPlain(_ lines: [String], settings: Settings = .patient, charset: PlainCharset = .utf8) -> (status: Int32, text: String) {
    let transcript = PlainTranscript(lines)
    let io = PlainIO(read: { transcript.lines.isEmpty ? nil : transcript.lines.removeFirst() },
                     write: { transcript.output += $0 }, charset: charset, promptEndsLine: true)
    var ctx = testContext
    ctx.settings = settings
    let status = PlainRunner(ctx: ctx, io: io).run()
    return (status, transcript.text)
}

/// Welcome, then the four SURE questions skipped.
let plainStart = ["", "", "", "", ""]
/// The strong person's answers, as typed: 34, relapsing-remitting, 2 relapses
/// (MRI not asked), walks without help (disability not asked), 4 years,
/// ocrelizumab (12), active after 6 months, not ruled out, no serious illness.
let plainStrong = ["34", "1", "2", "1", "4", "12", "1", "2", "2"]

@Suite struct PlainAidTests {
    @Test func aWholeWalkReachesTheResultsAndQuits() {
        let run = runPlain(plainStart + plainStrong + ["", "q", "y"])
        #expect(run.status == 0)
        #expect(run.text.contains("Question 1 of 11: How old are you?"))
        #expect(run.text.contains("Type a whole number of years from 1 to 120 (b = back, ? = help):"))
        // MRI and the disability question are passed over, as on screen.
        #expect(!run.text.contains("Question 4 of 11"))
        #expect(run.text.contains("Question 5 of 11"))
        #expect(run.text.contains("4. MRI: Not asked: 2 or more relapses"))
        #expect(run.text.contains("Section 1 of 12: Summary"))
        #expect(run.text.contains("People like you are the group in whom the evidence for AHSCT is strongest"))
        #expect(run.text.contains("Your answers are not saved anywhere. Quit now?"))
        #expect(run.text.hasSuffix("Goodbye.\n"))
    }

    @Test func aBadLineGetsTheSameMessageAsTheScreenAndNothingIsLost() {
        let run = runPlain(plainStart + ["forty", "200", "", "34", "7", "sometimes", "1", "b", "", "", "2", "1", "4", "3, 99", "0, 12", "3,12"])
        #expect(run.text.contains("'forty' is not a number; allowed: a whole number of years from 1 to 120."))
        #expect(run.text.contains("200 is outside the allowed range"))
        #expect(run.text.contains("Please type an answer: a whole number of years from 1 to 120."))
        #expect(run.text.contains("'7' is not one of the answers: type a number from 1 to 5."))
        #expect(run.text.contains("'sometimes' is not one of the answers"))
        // b went back to the type of MS, which kept its answer: Enter kept it.
        #expect(run.text.contains("1. Relapsing-remitting (your answer)"))
        #expect(run.text.contains("Your answer so far: you have relapsing-remitting MS. Press Enter alone to keep"))
        #expect(run.text.contains("99 is not on the list: the treatments are numbered 0 to 17."))
        #expect(run.text.contains("0 means no treatment, so it cannot go with others."))
        // "3,12" took both: the activity question names the drug that counts.
        #expect(run.text.contains("The drugs you took that count here: Ocrelizumab."))
        #expect(run.status == PlainAid.endOfInputStatus)
    }

    @Test func endOfInputSaysWhatWasAnsweredAndThatNothingWasSaved() {
        let run = runPlain(plainStart + ["34", "1"])
        #expect(run.status == 3)
        #expect(run.text.hasSuffix("Input ended. You answered 2 of the 9 questions that apply to you. Nothing was saved.\n"))
    }

    @Test func theReviewChangesOneAnswerAndKeepsTheRest() {
        let run = runPlain(plainStart + plainStrong + ["3", "0", "1", "4", "b"])
        // 0 relapses open the MRI question, asked next; then back to the
        // review; the MRI question opened from there goes back to it with b.
        #expect(run.text.contains("Question 4 of 11"))
        #expect(run.text.components(separatedBy: "Your answers. Type a number to change one").count == 4)
        #expect(run.text.contains("3. Relapses: You had no relapses in the last 12 months"))
        #expect(run.text.contains("1. Age: You are 34"))
        // A question that is not asked says why instead of opening.
        let notAsked = runPlain(plainStart + plainStrong + ["4"])
        #expect(notAsked.text.contains("Not asked: 2 or more relapses in the last 12 months already count as substantial activity.\nType 1 to 11 to change an answer"))
    }

    @Test func helpRepeatAndQuitWorkAtAnyPrompt() {
        let run = runPlain(plainStart + ["?", "r", "q", "", "34", "q", "y"])
        #expect(run.text.contains("Type the number and press Enter. b goes back"))
        #expect(run.text.contains(PlainRunner.everywhere))
        #expect(run.text.components(separatedBy: "Question 1 of 11: How old are you?").count == 3)
        #expect(run.text.contains("Quit now? Type y to quit, or press Enter to go on:\nGoing on."))
        #expect(run.status == 0)
    }

    @Test func sectionsByNumberAndTheKnowledgeCheck() {
        let check = ResultsSection.allCases.firstIndex(of: .check)! + 1
        let items = testContext.content.knowledgeCheck
        let run = runPlain(plainStart + plainStrong + ["", "m", "\(check)", ""] + items.map { _ in "n" } + ["q", "y"])
        #expect(run.text.contains("  \(check). Check"))
        #expect(run.text.contains("Section \(check) of 12: Check"))
        #expect(run.text.contains("The answer: " + (items[0].answer ? "true" : "false") + ". " + items[0].why.prefix(30)))
        #expect(run.text.contains("Your score:"))
    }

    @Test func valuesAreRatedAndGoOnTheSummary() {
        let values = ResultsSection.allCases.firstIndex(of: .values)! + 1
        let finish = ResultsSection.allCases.firstIndex(of: .finish)! + 1
        let count = testContext.content.values.count
        let ratings = ["4", "x", "n"] + Array(repeating: "", count: count - 2)
        let run = runPlain(plainStart + plainStrong + ["", "\(values)", ""] + ratings
                           + ["Being there for my children", "3", "1", "", "my partner", ""]
                           + ["\(finish)", "y", "y", "n", "y", "v"] + Array(repeating: "", count: 8) + ["q", "y"])
        #expect(run.text.contains("'x' is not a rating: type a number from 0 to 4, or n for not sure."))
        #expect(run.text.contains("Your SURE score: 3 of 4.") || run.text.contains("Your score: 3 of 4."))
        #expect(run.text.contains("Being there for my children"))
        #expect(run.text.contains("my partner"))
        #expect(run.status == 0)
    }

    @Test func asciiOutputHasOnlyASCII() {
        let run = runPlain(plainStart + plainStrong + ["", "", "", "", ""] + Array(repeating: "", count: 60) + ["q", "y"], charset: .ascii)
        #expect(run.text.utf8.allSatisfy { $0 < 0x80 })
        #expect(!run.text.utf8.contains(0x1B))
        #expect(run.text.contains("Section 4 of 12: Numbers"))
    }

    @Test func charsetFollowsTheLocale() {
        #expect(PlainCharset.fromLocale(["LANG": "en_GB.UTF-8"]) == .utf8)
        #expect(PlainCharset.fromLocale(["LANG": "en_GB.UTF-8", "LC_ALL": "C"]) == .ascii)
        #expect(PlainCharset.fromLocale(["LC_CTYPE": "de_DE.ISO-8859-1", "LANG": "de_DE.UTF-8"]) == .latin1)
        #expect(PlainCharset.fromLocale([:]) == .ascii)
        #expect(PlainCharset.ascii.encode("Río – ≤ 5 “ok”") == Array("Rio - <= 5 \"ok\"".utf8))
        #expect(PlainCharset.latin1.encode("Río ≥ 1") == [0x52, 0xED, 0x6F, 0x20, 0x3E, 0x3D, 0x20, 0x31])
    }

    @Test func plainIsChosenWhenTheScreenWouldNotWorkOrNotBeRead() {
        func wants(flag: Bool = false, kiosk: Bool = false, term: String? = "xterm", accessible: String? = nil, tty: Bool = true) -> Bool {
            DecisionAidCommand.wantsPlain(flag: flag, kiosk: kiosk, term: term, accessible: accessible, inputIsTerminal: tty, outputIsTerminal: tty)
        }
        #expect(!wants())
        #expect(wants(flag: true))
        #expect(wants(term: "dumb"))
        #expect(wants(accessible: "1"))
        #expect(!wants(accessible: ""))
        #expect(wants(tty: false))
        // A kiosk is always the full screen.
        #expect(!wants(kiosk: true, term: "dumb", accessible: "1"))
    }
}

@Suite struct ClinicianSaveTests {
    @Test func saveAndPrintGiveTheClinicianPrintoutInClinicianMode() {
        var m = Model(size: Size(width: 80, height: 24), settings: .clinician)
        m.interview = Interview.resumed(strongPerson(), exactEDSS: true)
        var ctx = testContext
        ctx.settings = .clinician
        #expect(summaryText(for: "x.txt", m, ctx).hasPrefix("AHSCT decision aid: clinician summary"))
        #expect(summaryText(for: "x.md", m, ctx).hasPrefix("AHSCT decision aid: clinician summary"))
        ctx.settings = .patient
        #expect(!summaryText(for: "x.txt", m, ctx).hasPrefix("AHSCT decision aid: clinician summary"))
    }

    @Test func thePlainClinicianModeAsksTheEDSSAndReadsOutTheClinicianPrintout() {
        let finish = ResultsSection.allCases.firstIndex(of: .finish)! + 1
        // 34, RR, 2 relapses, EDSS 6.3 (refused) then 3.0, 4 years, ocrelizumab, active, not ruled out, no illness.
        let typed = ["34", "1", "2", "6.3", "3", "4", "12", "1", "2", "2", "", "\(finish)", "", "", "", "", "v"]
        let run = runPlain(plainStart + typed + Array(repeating: "", count: 6) + ["q", "y"], settings: .clinician)
        #expect(run.text.contains("6.3 is not an EDSS score"))
        #expect(run.text.contains("AHSCT decision aid: clinician summary"))
        #expect(run.text.contains("strong-profile"))
    }
}
