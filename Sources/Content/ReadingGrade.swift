// How hard a text is to read: the Flesch–Kincaid grade level, with a plain
// English syllable counter. Pure Swift (no Foundation), so it runs the same
// in the tests, in check-content and anywhere else.
//
//     grade = 0.39 × words/sentences + 11.8 × syllables/words − 15.59
//
// It is an estimate. It knows nothing about meaning, and short texts give
// jumpy grades; that is why patient texts under 4 words are not graded.

public enum ReadingGrade {
    /// What the formula needs.
    public struct Counts: Sendable, Equatable {
        public var words: Int
        public var sentences: Int
        public var syllables: Int

        public init(words: Int, sentences: Int, syllables: Int) {
            self.words = words; self.sentences = sentences; self.syllables = syllables
        }

        /// The grade, or nil for a text without words.
        public var grade: Double? {
            guard words > 0 else { return nil }
            let sentences = Double(max(self.sentences, 1)), words = Double(self.words)
            return 0.39 * words / sentences + 11.8 * Double(syllables) / words - 15.59
        }
    }

    /// The Flesch–Kincaid grade of a text, or nil if it has no words.
    public static func grade(_ text: String) -> Double? { counts(text).grade }

    /// Words, sentences and syllables in a text.
    public static func counts(_ text: String) -> Counts {
        let tokens = self.tokens(text)
        var words = 0, syllables = 0, sentences = 0
        var wordsSinceEnd = 0
        for (index, token) in tokens.enumerated() {
            guard let word = token.word else { continue }
            words += 1
            wordsSinceEnd += 1
            syllables += self.syllables(word)
            if endsSentence(token, next: tokens[(index + 1)...].first { $0.word != nil }) {
                sentences += 1
                wordsSinceEnd = 0
            }
        }
        // Words after the last full stop (or a text with none) make one more sentence.
        if wordsSinceEnd > 0 { sentences += 1 }
        return Counts(words: words, sentences: sentences, syllables: syllables)
    }

    /// The words of a text, as counted (punctuation around them removed).
    public static func words(_ text: String) -> [String] {
        tokens(text).compactMap(\.word)
    }

    /// How many sentences a text has (at least 1 if it has any words).
    public static func sentences(_ text: String) -> Int { counts(text).sentences }

    // MARK: Syllables

    /// Syllables in one word: a number counts as 1 or 2; otherwise vowel
    /// groups, less a silent final e (but not "-le" or "-re" after a
    /// consonant) and a silent "-es" or "-ed"; at least 1. Parts joined by a
    /// hyphen or slash are counted apart.
    ///
    /// Initialisms are counted like words ("MS" 1, "AHSCT" 1, "NEDA" 2), as
    /// common Flesch–Kincaid tools do, not letter by letter: the aid's own
    /// terms cannot be avoided, are explained in the glossary, and spelling
    /// them out would make every sentence naming AHSCT look 4 syllables harder.
    public static func syllables(_ word: String) -> Int {
        let parts = word.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "/" })
        if parts.count > 1 { return parts.reduce(0) { $0 + syllables(String($1)) } }
        let scalars = Array(word.unicodeScalars)
        guard !scalars.isEmpty else { return 0 }
        if scalars.contains(where: isDigit) {
            // "5" is read as one syllable; "2.1", "100", "68%", "1,000" as two.
            return scalars.filter(isDigit).count <= 1 ? 1 : 2
        }
        let letters = plainLetters(word)
        guard !letters.isEmpty else { return 1 }
        return letterSyllables(letters)
    }

    /// Lower-case a to z; accented vowels become plain ones; apostrophes and other marks go.
    private static func plainLetters(_ word: String) -> [Character] {
        var letters: [Character] = []
        for c in word.lowercased() {
            switch c {
            case "a"..."z": letters.append(c)
            case "à", "á", "â", "ä", "ã", "å": letters.append("a")
            case "è", "é", "ê", "ë": letters.append("e")
            case "ì", "í", "î", "ï": letters.append("i")
            case "ò", "ó", "ô", "ö", "õ": letters.append("o")
            case "ù", "ú", "û", "ü": letters.append("u")
            default: continue
            }
        }
        return letters
    }

    /// Endings after which a silent e of the stem stays silent ("likely",
    /// "careful", "guidelines", "something", "safety").
    private static let suffixes: [[Character]] = [
        "fully", "ful", "ly", "ness", "less", "ments", "ment", "lines", "line", "lets", "let",
        "thing", "times", "time", "where", "one", "ty",
    ].map { Array($0) }

    private static func letterSyllables(_ letters: [Character]) -> Int {
        let n = letters.count
        func at(_ i: Int) -> Character? { i >= 0 && i < n ? letters[i] : nil }
        func isVowel(_ c: Character?) -> Bool { c.map { "aeiou".contains($0) } ?? false }
        func vowel(_ i: Int) -> Bool {
            let c = letters[i]
            if isVowel(c) { return true }
            // y is a vowel except at the start of a word or after a vowel ("yes", "day").
            return c == "y" && i > 0 && !isVowel(letters[i - 1])
        }
        func consonant(_ i: Int) -> Bool { at(i) != nil && !vowel(i) }

        // A stem with a silent e and a common ending: count them apart.
        for suffix in suffixes where n >= suffix.count + 3 && letters.suffix(suffix.count).elementsEqual(suffix) {
            let stem = Array(letters.dropLast(suffix.count))
            let m = stem.count
            if stem[m - 1] == "e", !"aeiouy".contains(stem[m - 2]), "aeiou".contains(where: { stem.dropLast(2).contains($0) }) {
                return letterSyllables(stem) + letterSyllables(suffix)
            }
        }

        var count = 0
        var i = 0
        while i < n {
            guard vowel(i) else { i += 1; continue }
            count += 1
            var j = i + 1
            while j < n && vowel(j) {
                // Two vowels said apart: "ia", "io", "iu", "ua", "uo" ("trial", "period",
                // "medium", "gradual") except after c, t, s, g, q ("special", "nation",
                // "vision", "region", "quality"); "ie" before t ("society", "quiet") or in a
                // final "-ier(s)"/"-iest" ("earlier"); a vowel before a final "-ing"
                // ("being", "dying"). Not "eo", for "people".
                let pair = String([letters[j - 1], letters[j]])
                let before = at(j - 2)
                let rest = String(letters[(j + 1)...])
                if ["ia", "io", "iu", "ua", "uo"].contains(pair), let before, !"ctsgq".contains(before) {
                    count += 1
                } else if pair == "ie", at(j + 1) == "t" || ["r", "rs", "st"].contains(rest) {
                    count += 1
                } else if letters[j] == "i", rest == "ng" {
                    count += 1
                }
                j += 1
            }
            i = j
        }

        if count > 1 {
            if at(n - 1) == "e" {
                // "-le" and "-re" after a consonant are said ("table", "centre"); other
                // final e's after a consonant are silent ("make", "whole").
                let said = (at(n - 2) == "l" || at(n - 2) == "r") && consonant(n - 3) && at(n - 3) != at(n - 2)
                if !said && consonant(n - 2) { count -= 1 }
            } else if at(n - 1) == "s", at(n - 2) == "e", consonant(n - 3) {
                // "-es" is silent after most consonants ("makes", "times") but said after
                // s, x, z, c, g, ch, sh ("uses", "boxes", "changes", "washes"), and in
                // "-les", "-res" after a consonant ("tables", "centres").
                let c = at(n - 3)!
                let said = "sxzcg".contains(c) || (c == "h" && (at(n - 4) == "c" || at(n - 4) == "s"))
                    || ((c == "l" || c == "r") && consonant(n - 4) && at(n - 4) != c)
                if !said { count -= 1 }
            } else if at(n - 1) == "d", at(n - 2) == "e", consonant(n - 3), at(n - 3) != "t", at(n - 3) != "d" {
                // "-ed" is silent except after t or d ("walked", "stayed", but "wanted",
                // "needed") and in "-led" after a consonant ("disabled", but "called").
                let said = at(n - 3) == "l" && consonant(n - 4) && at(n - 4) != "l"
                if !said { count -= 1 }
            }
        }
        return max(count, 1)
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
    private static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || isDigit(s)
    }

    // MARK: Words and sentences

    /// A run of text between spaces, with the word inside it (nil for bare punctuation).
    struct Token {
        /// As written, with its punctuation.
        var raw: String
        /// Without leading and trailing punctuation; nil if it held no letter or digit.
        var word: String?
        /// The raw token without closing quotes and brackets ("done.)" -> "done.").
        var core: String
    }

    static func tokens(_ text: String) -> [Token] {
        let dashes: Set<Character> = ["—", "–"]
        return text.split(whereSeparator: { $0.isWhitespace }).flatMap { piece -> [Token] in
            // "words—like this" has two words.
            piece.split(whereSeparator: { dashes.contains($0) }).map { token(String($0)) }
        }
    }

    private static func token(_ raw: String) -> Token {
        let scalars = Array(raw.unicodeScalars)
        let closers: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "}", "”", "’", "»", "*"]
        var end = scalars.count
        while end > 0 && closers.contains(scalars[end - 1]) { end -= 1 }
        let core = String(String.UnicodeScalarView(scalars[0..<end]))
        guard let first = scalars.firstIndex(where: isLetterOrDigit),
              let last = scalars.lastIndex(where: isLetterOrDigit) else {
            return Token(raw: raw, word: nil, core: core)
        }
        var stop = last + 1
        // Keep a trailing % with its number ("68%").
        if stop < scalars.count && scalars[stop] == "%" { stop += 1 }
        return Token(raw: raw, word: String(String.UnicodeScalarView(scalars[first..<stop])), core: core)
    }

    /// Abbreviations that end in a full stop but not a sentence.
    static let abbreviations: Set<String> = [
        "e.g.", "i.e.", "eg.", "ie.", "cf.", "vs.", "approx.", "dr.", "mr.", "mrs.", "prof.",
        "fig.", "al.", "ca.", "incl.", "resp.",
    ]

    /// True if this word's token ends a sentence: it ends in . ! or ? (after
    /// any closing quote or bracket) and is not an abbreviation. A decimal
    /// point is inside a token ("2.1"), so it never ends one.
    static func endsSentence(_ token: Token, next: Token?) -> Bool {
        guard let last = token.core.last, ".!?".contains(last) else { return false }
        if last != "." { return true }
        // Strip opening brackets and quotes to compare with the abbreviations.
        let bare = String(token.core.drop(while: { !($0.isLetter || $0.isNumber) }))
        let lower = bare.lowercased()
        if abbreviations.contains(lower) { return false }
        // Initialisms written with stops ("U.S.", "U.K.") end a sentence only before a capital.
        let isInitialism = bare.count >= 4 && bare.enumerated().allSatisfy { i, c in i % 2 == 0 ? c.isLetter : c == "." }
        if isInitialism || lower == "etc." {
            guard let next = next?.word?.first else { return true }
            return next.isUppercase
        }
        return true
    }
}

/// One piece of patient-facing prose and where it lives in the content.
public struct PatientText: Sendable, Equatable {
    /// "glossary.yaml"
    public var file: String
    /// The line of the text or of its entry; nil where the loader keeps none (about.yaml).
    public var line: Int?
    /// What it is ("glossary 'ahsct' definition").
    public var place: String
    public var text: String

    public init(file: String, line: Int?, place: String, text: String) {
        self.file = file; self.line = line; self.place = place; self.text = text
    }

    /// "glossary.yaml:12 glossary 'ahsct' definition"
    public var location: String {
        if let line { return "\(file):\(line) \(place)" }
        return "\(file) \(place)"
    }

    /// The Flesch–Kincaid grade of the text.
    public var grade: Double { ReadingGrade.grade(text) ?? 0 }
}

/// The reading grade over all patient texts: the average and the hardest.
public struct ReadingGradeSummary: Sendable, Equatable {
    public var count: Int
    public var average: Double
    public var highest: PatientText?
    public var highestGrade: Double

    public init(_ texts: [PatientText]) {
        let graded = texts.map { ($0, $0.grade) }
        count = graded.count
        average = graded.isEmpty ? 0 : graded.reduce(0) { $0 + $1.1 } / Double(graded.count)
        let top = graded.max { $0.1 < $1.1 }
        highest = top?.0
        highestGrade = top?.1 ?? 0
    }
}

extension ContentSet {
    /// The fewest words a text needs to be graded; a grade means little for shorter ones.
    public static let gradedMinimumWords = 4

    /// Every piece of patient-facing prose with its location, for the reading
    /// grade check: not names, citations or links, and not texts under 4 words.
    public var patientTexts: [PatientText] {
        var all: [PatientText] = []
        func add(_ file: String, _ line: Int?, _ place: String, _ text: String?) {
            guard let text else { return }
            all.append(PatientText(file: file, line: line, place: place, text: text))
        }

        let a = about
        for (key, text) in [
            ("purpose", a.purpose), ("notAdvice", a.notAdvice), ("timeNeeded", a.timeNeeded), ("condition", a.condition), ("madeBy", a.madeBy),
            ("updatePolicy", a.updatePolicy), ("funding", a.funding), ("conflicts", a.conflicts),
            ("evidenceMethod", a.evidenceMethod), ("reportErrors", a.reportErrors), ("testing", a.testing),
        ] {
            add("about.yaml", nil, "about \(key)", text)
        }

        for s in studies {
            let f = "studies.yaml", p = "study '\(s.id)'"
            add(f, s.line, "\(p) who", s.who)
            add(f, s.summary.line, "\(p) summary", s.summary.text)
            for (i, o) in s.outcomes.enumerated() { add(f, o.line, "\(p) outcome \(i + 1)", o.text) }
            for (i, l) in s.limitations.enumerated() { add(f, l.line, "\(p) limitation \(i + 1)", l.text) }
            add(f, s.followUp.line, "\(p) followUp", s.followUp.text)
            add(f, s.line, "\(p) gradeReason", s.grade?.reason)
        }

        for r in risks {
            let f = "risks.yaml", p = "risk '\(r.id)'"
            add(f, r.summary.line, "\(p) summary", r.summary.text)
            for (i, figure) in r.figures.enumerated() {
                add(f, figure.line, "\(p) figure \(i + 1)", figure.text)
                add(f, figure.line, "\(p) figure \(i + 1) gradeReason", figure.grade?.reason)
            }
            if let h = r.higherFor { add(f, h.line, "\(p) higherFor", h.text) }
        }

        for c in checklist {
            add("checklist.yaml", c.line, "checklist '\(c.id)' question", c.question)
            add("checklist.yaml", c.line, "checklist '\(c.id)' why", c.why)
        }

        add("therapies.yaml", therapiesNote.line, "therapies note", therapiesNote.text)

        for g in glossary { add("glossary.yaml", g.line, "glossary '\(g.id)' definition", g.definition) }

        for name in levels.keys.sorted() {
            guard let level = levels[name] else { continue }
            add("rules.yaml", level.line, "level '\(name)' headline", level.headline)
            add("rules.yaml", level.line, "level '\(name)' explanation", level.explanation)
        }
        for r in rules {
            add("rules.yaml", r.line, "rule '\(r.id)' text", r.text)
            add("rules.yaml", r.line, "rule '\(r.id)' change", r.change)
            // r.clinician is for the clinician's printout, not the patient: not graded.
        }

        for q in questions {
            let f = "questions.yaml", p = "question '\(q.id)'"
            add(f, q.line, "\(p) prompt", q.prompt)
            add(f, q.line, "\(p) why", q.why)
            for c in q.choices {
                add(f, c.line, "\(p) choice '\(c.value)' label", c.label)
                add(f, c.line, "\(p) choice '\(c.value)' description", c.description)
            }
        }

        // options.yaml
        for o in options { add("options.yaml", o.summary.line, "option '\(o.id)' summary", o.summary.text) }
        for row in grid {
            add("options.yaml", row.line, "grid row '\(row.id)' question", row.question)
            for id in row.cells.keys.sorted() {
                guard let cell = row.cells[id] else { continue }
                add("options.yaml", cell.line, "grid row '\(row.id)' cell '\(id)'", cell.text)
            }
        }
        for t in trials {
            let f = "options.yaml", p = "trial '\(t.id)'"
            add(f, t.line, "\(p) compares", t.compares)
            add(f, t.line, "\(p) activity", t.activity)
            add(f, t.line, "\(p) status", t.status)
        }
        for k in keyNumbers {
            for figure in k.figures {
                add("options.yaml", figure.line, "key number '\(k.id)' figure '\(figure.option)'", figure.text)
                add("options.yaml", figure.line, "key number '\(k.id)' figure '\(figure.option)' gradeReason", figure.grade?.reason)
            }
        }
        for step in experience {
            add("options.yaml", step.line, "experience '\(step.option)' '\(step.when)'", step.text)
        }
        for c in ifNothingChanges {
            add("options.yaml", c.line, "if nothing changes '\(c.id)'", c.text)
            add("options.yaml", c.line, "if nothing changes '\(c.id)' gradeReason", c.grade?.reason)
        }

        // deliberation.yaml
        for v in values {
            let f = "deliberation.yaml", p = "value '\(v.id)'"
            add(f, v.line, "\(p) text", v.text)
            for id in v.touches.keys.sorted() {
                guard let touch = v.touches[id] else { continue }
                add(f, touch.line, "\(p) touches '\(id)'", touch.text)
            }
        }
        for l in leanings { add("deliberation.yaml", l.line, "leaning '\(l.value)' label", l.label) }
        for r in roles { add("deliberation.yaml", r.line, "role '\(r.value)' label", r.label) }
        for s in sure {
            add("deliberation.yaml", s.line, "SURE '\(s.id)' question", s.question)
            add("deliberation.yaml", s.line, "SURE '\(s.id)' ifNo", s.ifNo)
        }
        for d in doctorQuestions { add("deliberation.yaml", d.line, "doctor question '\(d.id)'", d.text) }
        for k in knowledgeCheck {
            add("deliberation.yaml", k.line, "knowledge check '\(k.id)' statement", k.statement)
            add("deliberation.yaml", k.line, "knowledge check '\(k.id)' why", k.why)
        }

        return all.filter { ReadingGrade.counts($0.text).words >= Self.gradedMinimumWords }
    }
}
