import Foundation
import Testing

let strongFlags = [
    "assess", "--age", "34", "--subtype", "relapsing-remitting", "--relapses-last-12-months", "2",
    "--new-mri-activity-last-12-months", "yes", "--walking", "unlimited", "--years-since-diagnosis", "4",
    "--therapy", "ocrelizumab", "--active-on-treatment", "yes", "--no-serious-comorbidity",
]

func json(_ text: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
}

@Suite(.serialized) struct AssessCommandTests {
    @Test func strongPersonAsJSON() throws {
        let run = try Binary.run(strongFlags + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let doc = try json(run.stdout)
        let candidacy = doc["candidacy"] as? [String: Any]
        #expect(candidacy?["level"] as? String == "strong")
        let reasons = candidacy?["reasons"] as? [[String: Any]] ?? []
        #expect(reasons.first?["rule"] as? String == "strong-profile")
        #expect((reasons.first?["sources"] as? [String])?.isEmpty == false)
        #expect((reasons.first?["text"] as? String)?.isEmpty == false)
        #expect((doc["risks"] as? [Any])?.isEmpty == false)
        #expect((doc["evidence"] as? [Any])?.isEmpty == false)
        #expect((doc["checklist"] as? [Any])?.isEmpty == false)
        let content = doc["content"] as? [String: Any]
        #expect(content?["version"] is String)
        #expect(content?["reviewed"] is String)
    }

    @Test func answersFromJSONOnStdinMatchFlags() throws {
        let answers = """
        {"age": 52, "subtype": "secondary-progressive", "relapsesLast12Months": 0,
         "newMRIActivityLast12Months": "yes", "walking": "one-sided-aid", "yearsSinceDiagnosis": 15,
         "therapies": ["natalizumab"], "activeOnTreatment": "yes", "highEfficacyContraindicated": false,
         "seriousComorbidity": false}
        """
        let run = try Binary.run(["assess", "--answers", "-", "--format", "json"], stdin: answers)
        #expect(run.status == 0, "\(run.stderr)")
        let candidacy = try json(run.stdout)["candidacy"] as? [String: Any]
        #expect(candidacy?["level"] as? String == "discuss")
        let rules = (candidacy?["reasons"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(Set(rules).isSuperset(of: ["age-50-to-55", "ten-years-or-more", "edss-6-0", "progressive-with-activity", "progressive-one-sign"]))
    }

    @Test func missingAnswersSayWhatWouldSettleIt() throws {
        let run = try Binary.run(["assess", "--age", "30", "--format", "json"])
        #expect(run.status == 0)
        let candidacy = try json(run.stdout)["candidacy"] as? [String: Any]
        #expect(candidacy?["level"] as? String == "need-more-information")
        let missing = (candidacy?["reasons"] as? [[String: Any]])?.first { $0["rule"] as? String == "missing-answer" }
        #expect((missing?["settledBy"] as? [String])?.contains("subtype") == true)
        #expect((missing?["settledBy"] as? [String])?.contains("age") == false)
    }

    @Test func textAndMarkdownAreTheSummaryWithHeadlineReasonsAndSources() throws {
        let headline = try #require((try json(Binary.run(strongFlags + ["--format", "json"]).stdout)["candidacy"] as? [String: Any])?["headline"] as? String)
        let text = try Binary.run(strongFlags)
        #expect(text.status == 0, "\(text.stderr)")
        let headings = headingTitles(text.stdout, format: .text)
        var from = 0
        for heading in summaryHeadings {
            let found = headings.indices.dropFirst(from).first { headings[$0].hasPrefix(heading) }
            #expect(found != nil || heading == "Trials", "\(heading): \(headings)")
            if let found { from = found + 1 }
        }
        #expect(text.stdout.range(of: #"^AHSCT decision aid: my summary, made on \d{4}-\d{2}-\d{2} \(not medical advice\) =+\n"#, options: .regularExpression) != nil)
        #expect(flat(text.stdout).contains(headline))
        #expect(text.stdout.contains("\nMy answers: Age 34; relapsing-remitting MS;"))
        #expect(text.stdout.contains("\n[1] "))
        let page1 = text.stdout.split(separator: "\u{0C}")[0].split(separator: "\n", omittingEmptySubsequences: false)
        #expect(page1.count - 1 <= 60)
        #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 || $0.split(separator: " ").count == 1 })
        // Nothing worked out yet on the command line: no deliberation, no ticks.
        #expect(text.stdout.contains("Leaning: not recorded"))
        #expect(text.stdout.contains("- SURE test before using the aid: not done; after: not done."))
        #expect(text.stdout.contains("None ticked."))
        #expect(text.stdout.contains("\n0 of "))

        let markdown = try Binary.run(strongFlags + ["--format", "markdown"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# AHSCT decision aid: my summary, made on "))
        #expect(headingTitles(markdown.stdout, format: .markdown) == headings)
        #expect(flat(markdown.stdout).contains("**\(headline).**") || markdown.stdout.contains("\n## \(headline)\n"))
        #expect(markdown.stdout.contains("\nMy answers: Age 34; relapsing-remitting MS;"))
        #expect(markdown.stdout.contains("\n1. "))
    }

    @Test func markdownSummaryFromAnAnswersFile() throws {
        let answers = """
        {"age": 62, "subtype": "primary-progressive", "relapsesLast12Months": 0, "newMRIActivityLast12Months": "no",
         "edss": 6.5, "yearsSinceDiagnosis": 12, "therapies": ["ocrelizumab"], "activeOnTreatment": "no",
         "highEfficacyContraindicated": false, "seriousComorbidity": false}
        """
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("da-answers-\(UInt32.random(in: 0...UInt32.max)).json")
        try answers.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try Binary.run(["assess", "--answers", file.path, "--format", "markdown"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\n## The guidelines do not support AHSCT for people like you\n"))
        #expect(run.stdout.contains("\nMy answers: Age 62; primary progressive MS;"))
        #expect(run.stdout.contains("Higher for people like me: "))
        let titles = headingTitles(run.stdout, format: .markdown)
        #expect(titles.first?.hasPrefix("AHSCT decision aid: my summary, made on ") == true)
        #expect(titles.last == "About this summary")
    }

    /// `--format clinician`: the one-page printout for the neurologist, from
    /// flags, from an answers file and from standard input alike.
    @Test func clinicianPrintoutFromFlags() throws {
        let run = try Binary.run(strongFlags + ["--edss", "3.5", "--format", "clinician"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.range(of: #"^AHSCT decision aid: clinician summary, \d{4}-\d{2}-\d{2} \(not medical advice\) =+\n"#, options: .regularExpression) != nil)
        let pages = run.stdout.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        #expect(pages.count == 2)
        let page1 = pages[0].split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(page1.count <= 60, "page 1 is \(page1.count) lines")
        #expect(page1.allSatisfy { $0.count <= 80 })
        #expect(page1.contains("Walking                     walks without aid or limit (band EDSS 0.0-3.5)"))
        #expect(page1.contains("EDSS                        3.5 (exact, used by the rules; in the walking band)"))
        #expect(page1.contains("Level: strong " + String(repeating: "-", count: 80 - 14)))
        #expect(flat(run.stdout).contains("- strong-profile [strong]"))
        // The full citation with its DOI, and the clinician's words for the rule.
        #expect(flat(run.stdout).contains("Miller AE, et al. Autologous hematopoietic stem cell transplant in multiple sclerosis: recommendations of the National Multiple Sclerosis Society. JAMA Neurol. 2021;78(2):241-246. https://doi.org/10.1001/jamaneurol.2020.4025"))
        #expect(flat(run.stdout).contains("Matches the profile with the strongest evidence"))
        #expect(run.stdout.contains("- None recorded (no ratings, leaning, SURE answers or questions)."))
    }

    @Test func clinicianPrintoutFromAnAnswersFileAndStandardInput() throws {
        let answers = """
        {"age": 62, "subtype": "primary-progressive", "relapsesLast12Months": 0, "newMRIActivityLast12Months": "no",
         "edss": 6.5, "disabilityFromRecentRelapse": "no", "yearsSinceDiagnosis": 12, "therapies": ["ocrelizumab"],
         "activeOnTreatment": "no", "highEfficacyContraindicated": false, "seriousComorbidity": "unsure"}
        """
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("da-clinician-\(UInt32.random(in: 0...UInt32.max)).json")
        try answers.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let fromFile = try Binary.run(["assess", "--answers", file.path, "--format", "clinician"])
        let fromStdin = try Binary.run(["assess", "--answers", "-", "--format", "clinician"], stdin: answers)
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
        #expect(fromFile.stdout == fromStdin.stdout)
        let text = fromFile.stdout
        #expect(text.contains("\nEDSS                        6.5 (exact score given; the rules use it)\n"))
        #expect(text.contains("\nSerious comorbidity         NOT SURE\n"))
        #expect(text.contains("\nLevel: not supported ---"))
        for rule in ["over-55-with-another-limit", "high-edss-not-from-relapse", "no-recent-activity"] {
            #expect(flat(text).contains("- \(rule) [not supported]"), "\(rule)")
        }
        // Flags override the file, as for the other formats.
        let overridden = try Binary.run(["assess", "--answers", file.path, "--edss", "5.0", "--format", "clinician"])
        #expect(overridden.stdout.contains("\nEDSS                        5.0 (exact score given; the rules use it)\n"))
    }

    @Test func clinicianIsAFormatInHelpAndAnswersLinesRefusesIt() throws {
        let help = try Binary.run(["assess", "--help"])
        #expect(flat(help.stdout).contains("clinician (a one-page printout for the neurologist"))
        #expect(flat(help.stdout).contains("(values: text, json, markdown, clinician;"))
        let lines = try Binary.run(["assess", "--answers-lines", "-", "--format", "clinician"], stdin: "{}\n")
        #expect(lines.status == 2)
        #expect(lines.stderr.contains("--answers-lines always writes one JSON assessment per line"))
        let bad = try Binary.run(["assess", "--format", "doctor"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("allowed: text, json, markdown, clinician"), "\(bad.stderr)")
    }

    @Test(arguments: [
        (["--age", "forty"], "--age: 'forty' is not a number; allowed: a whole number of years from 1 to 120"),
        (["--age", "200"], "--age: 200 is outside the allowed range"),
        (["--age", "0"], "--age: 0 is outside the allowed range"),
        (["--age", "40.5"], "--age: '40.5' is not a whole number"),
        (["--edss", "6.3"], "--edss: 6.3 is not an EDSS score; allowed: a score from 0 to 10 in steps of 0.5"),
        (["--edss", "10.5"], "--edss: 10.5 is not an EDSS score"),
        (["--age", "30", "--years-since-diagnosis", "31"], "--years-since-diagnosis: 31 years since diagnosis is more than the age given (30)"),
        (["--therapy", "aspirin"], "--therapy: 'aspirin' is not a known therapy id; allowed: none, interferon-beta"),
        (["--therapy", "none", "--therapy", "natalizumab"], "--therapy: 'none' cannot be given together with a therapy"),
        (["--subtype", "relapsing"], "--subtype: 'relapsing' is not one of the choices; allowed: relapsing-remitting, secondary-progressive"),
        (["--walking", "far"], "--walking: 'far' is not one of the choices; allowed: unlimited, limited"),
        (["--new-mri-activity-last-12-months", "maybe"], "allowed: yes, no, unknown"),
    ])
    func badFlagsExitNonZeroNamingTheField(arguments: [String], message: String) throws {
        let run = try Binary.run(["assess"] + arguments)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(message), "stderr was: \(run.stderr)")
    }

    @Test(arguments: [
        ("{\"age\": 34,", "the answers are not valid JSON"),
        ("[1, 2]", "the answers must be a JSON object"),
        ("{\"agee\": 34}", "unknown field 'agee'; allowed fields: age, subtype"),
        ("{\"age\": \"34\"}", "age: must be a number without quotes"),
        ("{\"age\": 34.5}", "age: '34.5' is not a whole number"),
        ("{\"therapies\": \"natalizumab\"}", "therapies: must be a list"),
        ("{\"seriousComorbidity\": \"no\"}", "seriousComorbidity: must be true or false"),
        ("{\"subtype\": 3}", "subtype: must be text in quotes, not 3"),
    ])
    func badJSONExitsNonZeroNamingTheField(input: String, message: String) throws {
        let run = try Binary.run(["assess", "--answers", "-"], stdin: input)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "stderr was: \(run.stderr)")
    }

    @Test func missingAnswersFileIsAClearError() throws {
        let run = try Binary.run(["assess", "--answers", "/nonexistent/answers.json"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot read '/nonexistent/answers.json'"))
    }

    @Test func versionNamesContentAndReviewDate() throws {
        let run = try Binary.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.range(of: #"decision-aid \d+\.\d+\.\d+, content \S+, reviewed \d{4}-\d{2}-\d{2}, review by \d{4}-\d{2}-\d{2}"#, options: .regularExpression) != nil, "\(run.stdout)")
    }

    @Test func rulesListsEveryRuleWithSources() throws {
        let run = try Binary.run(["rules"])
        #expect(run.status == 0)
        for id in ["age-65-or-over", "over-55-with-another-limit", "missing-answer", "strong-profile", "age-45-to-49", "unknown-would-not-change"] {
            #expect(run.stdout.contains("] \(id)\n"))
        }
        #expect(run.stdout.contains("Source:  "))
    }

    @Test func contentIsFoundFromACopiedBinaryInAnotherFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("da-copy-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("decision-aid")
        try FileManager.default.copyItem(atPath: Binary.path, toPath: copy.path)
        let run = try Binary.run(strongFlags + ["--format", "json"], executable: copy.path, directory: "/")
        #expect(run.status == 0, "\(run.stderr)")
        #expect((try json(run.stdout)["candidacy"] as? [String: Any])?["level"] as? String == "strong")
    }
}
