/// A small, valid content set. Tests break one thing at a time and check the
/// loader names the file, the line and the problem.
enum Fixture {
    static let files: [String: String] = [
        "about.yaml": """
        about:
          version: "9.9.9"
          reviewed: 2026-01-02
          reviewBy: 2027-01-02
          madeBy: "A test team."
          updatePolicy: "Reviewed every year."
          funding: "None."
          conflicts: "None."
          evidenceMethod: "Guidelines first."
          purpose: "To test."
          notAdvice: "Not medical advice."
          timeNeeded: "About 10 minutes."
          condition: "MS is a disease of the nerves."
          reportErrors: "Open an issue."
          testing: "No one has tested it yet."
        """,
        "sources.yaml": """
        sources:
          - id: guide
            short: "Guide 2021"
            citation: "A guideline. 2021."
            year: 2021
            kind: guideline
            link: "https://example.org/guide"
            checked: "abstract"
        """,
        "studies.yaml": """
        studies:
          - id: trial
            name: "A trial"
            who: "Adults"
            howMany: 110
            design: randomized-trial
            followUp: "Two years"
            groups: [relapsing]
            options: [ahsct]
            grade: low
            gradeReason: "One small trial."
            summary: "It helped."
            outcomes:
              - text: "3 of 55 got worse."
                sources: [guide]
            limitations:
              - text: "Small."
            sources: [guide]
        """,
        "risks.yaml": """
        risks:
          - id: death
            option: ahsct
            name: "Dying from the treatment"
            summary: "Some people die."
            figures:
              - text: "About 2 in 100 died."
                group: "people treated"
                timeFrame: "first months"
                per100: 2.1
                low: 1.3
                high: 3.4
                certainty: "no comparison group"
                grade: very-low
                gradeReason: "No comparison group."
                sources: [guide]
            sources: [guide]
        """,
        "checklist.yaml": """
        checklist:
          - id: accredited
            question: "Is it accredited?"
            why: "Safer."
            redFlag: false
            sources: [guide]
        """,
        "therapies.yaml": """
        note:
          text: "Sources differ."
          sources: [guide]
        therapies:
          - id: natalizumab
            name: "Natalizumab"
            brands: "Tysabri"
            class: high-efficacy
        """,
        "glossary.yaml": """
        glossary:
          - id: edss
            term: "EDSS"
            definition: "A scale of disability."
        """,
        "rules.yaml": """
        levels:
          strong:
            headline: "Strongest evidence"
            explanation: "Words."
        rules:
          - id: age-60-or-over
            text: "Risk rises with age."
            sources: [guide]
        """,
        "questions.yaml": """
        questions:
          - id: age
            prompt: "How old are you?"
            why: "Risk rises with age."
        """,
        "options.yaml": """
        options:
          - id: ahsct
            name: "AHSCT at a centre"
            short: "AHSCT"
            summary:
              text: "A transplant."
              sources: [guide]
          - id: drug
            name: "Another drug"
            short: "Drug"
            summary:
              text: "A drug."
              sources: [guide]
        grid:
          - id: dying
            question: "Chance of dying?"
            cells:
              ahsct:
                text: "About 2 in 100."
                sources: [guide]
              drug:
                text: "No good number."
                sources: [guide]
                noGoodNumber: true
        trials:
          - id: beat
            name: "BEAT-MS"
            registration: "NCT04047628"
            places: "The US"
            compares: "AHSCT and drugs"
            ageMin: 18
            ageMax: 55
            edssMin: 0
            edssMax: 6.0
            activity: "Active MS"
            status: "Check the record."
            takesUntreated: false
            sources: [guide]
        keyNumbers:
          - id: death
            outcome: "Dying from the treatment"
            event: "died"
            nonEvent: "did not"
            harm: true
            denominator: 1000
            timeFrame: "first months"
            risk: death
            figures:
              - option: ahsct
                per100: 2.1
                low: 0
                high: 2.8
                text: "About 21 in 1,000 died."
                group: "people treated"
                certainty: "no comparison group"
                grade: very-low
                gradeReason: "No comparison group."
                sources: [guide]
              - option: drug
                text: "No good number."
                group: "people on drugs"
                certainty: "none"
                grade: very-low
                gradeReason: "No number."
                sources: [guide]
        """,
        "deliberation.yaml": """
        values:
          - id: avoid-death
            text: "Avoiding death"
            touches:
              ahsct:
                text: "About 2 in 100 died."
                sources: [guide]
              drug:
                text: "No good number."
        leanings:
          - value: ahsct
            label: "AHSCT"
          - value: unsure
            label: "Not sure"
        roles:
          - value: share
            label: "Together"
        pressure:
          - value: none
            label: "No"
        sure:
          - id: sure
            letter: "S"
            question: "Do you feel SURE about the best choice for you?"
            ifNo: "Finish"
            sources: [guide]
          - id: understand
            letter: "U"
            question: "Do you know the benefits and risks of each option?"
            ifNo: "Options"
          - id: risk-benefit
            letter: "R"
            question: "Are you clear about which benefits and risks matter most to you?"
            ifNo: "What matters"
          - id: encouragement
            letter: "E"
            question: "Do you have enough support and advice to make a choice?"
            ifNo: "Questions"
        doctorQuestions:
          - id: reasonable
            text: "Is AHSCT reasonable for me?"
        """,
    ]

    static func with(_ name: String, replacing old: String, by new: String) -> [String: String] {
        var files = Fixture.files
        files[name] = files[name]?.replacingOccurrences(of: old, with: new)
        return files
    }
}
