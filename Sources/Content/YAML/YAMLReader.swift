import Content
import Foundation
import Yams

/// Collects problems while a file is read, so every one is reported at once.
final class ProblemLog {
    var problems: [ContentProblem] = []
    func add(_ file: String, _ line: Int, _ message: String) {
        problems.append(ContentProblem(file: file, line: line, message: message))
    }
}

/// A YAML mapping being read field by field. It remembers which keys were
/// read, so a misspelt key ("soruces") is reported instead of silently ignored.
final class Entry {
    let file: String
    let label: String
    let line: Int
    private let pairs: [(key: String, value: Node, line: Int)]
    private let log: ProblemLog

    init?(_ node: Node, file: String, label: String, log: ProblemLog) {
        self.file = file
        self.label = label
        self.log = log
        line = node.mark?.line ?? 1
        guard let mapping = node.mapping else {
            log.add(file, line, "\(label) should be a set of 'key: value' lines")
            return nil
        }
        pairs = mapping.map { (key: $0.key.string ?? "", value: $0.value, line: $0.key.mark?.line ?? (node.mark?.line ?? 1)) }
    }

    func problem(_ line: Int, _ message: String) { log.add(file, line, message) }

    func node(_ key: String) -> (Node, Int)? {
        guard let pair = pairs.first(where: { $0.key == key }) else { return nil }
        return (pair.value, pair.line)
    }

    func string(_ key: String, required: Bool = true) -> String? {
        guard let (node, line) = node(key), !isNull(node) else {
            if required { problem(line, "\(label) is missing '\(key)'") }
            return nil
        }
        guard let scalar = node.scalar else {
            problem(line, "'\(key)' in \(label) should be text, not a list or mapping")
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            if required { problem(line, "'\(key)' in \(label) is empty") }
            return nil
        }
        if let tooLong = ContentLimits.problem(with: text, key: key, in: label) { problem(line, tooLong) }
        return text
    }

    func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = string(key) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            problem(node(key)?.1 ?? line, "'\(key)' in \(label) should be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
            return nil
        }
        return value
    }

    func double(_ key: String, in range: ClosedRange<Double>, required: Bool = false) -> Double? {
        guard let text = string(key, required: required) else { return nil }
        guard let value = Double(text), range.contains(value) else {
            problem(node(key)?.1 ?? line, "'\(key)' in \(label) should be a number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
            return nil
        }
        return value
    }

    /// A true/false field; `defaultValue` when the key is absent (nil: the key is required).
    func bool(_ key: String, default defaultValue: Bool? = nil) -> Bool? {
        if let defaultValue, node(key) == nil { return defaultValue }
        guard let text = string(key) else { return nil }
        switch text {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            problem(node(key)?.1 ?? line, "'\(key)' in \(label) should be true or false, not '\(text)'")
            return nil
        }
    }

    func day(_ key: String) -> Day? {
        guard let text = string(key) else { return nil }
        guard let day = Day(text) else {
            problem(node(key)?.1 ?? line, "'\(key)' in \(label) should be a real date written YYYY-MM-DD, not '\(text)'")
            return nil
        }
        return day
    }

    /// A list of short texts such as source ids: `[a, b]` or one per line.
    func words(_ key: String) -> [String] {
        guard let (node, line) = node(key), !isNull(node) else { return [] }
        if let scalar = node.scalar {
            if let tooLong = ContentLimits.problem(with: scalar.string, key: key, in: label) { problem(line, tooLong) }
            return [scalar.string]
        }
        guard let sequence = node.sequence else {
            problem(line, "'\(key)' in \(label) should be a list like [a, b]")
            return []
        }
        return sequence.compactMap { item in
            guard let text = item.scalar?.string else {
                problem(item.mark?.line ?? line, "each item of '\(key)' in \(label) should be a single word")
                return nil
            }
            if let tooLong = ContentLimits.problem(with: text, key: key, in: label) { problem(item.mark?.line ?? line, tooLong) }
            return text
        }
    }

    /// A list of mappings, each read as an Entry.
    func entries(_ key: String, required: Bool = true, labelled name: String) -> [Entry] {
        guard let (node, line) = node(key), !isNull(node) else {
            if required { problem(line, "\(label) is missing '\(key)'") }
            return []
        }
        guard let sequence = node.sequence else {
            problem(line, "'\(key)' in \(label) should be a list of entries, each starting with '- '")
            return []
        }
        return sequence.enumerated().compactMap { index, item in
            Entry(item, file: file, label: "\(name) \(index + 1)", log: log)
        }
    }

    /// A mapping under `key`, read as an Entry named `name` in messages
    /// (by default the key itself).
    func entry(_ key: String, required: Bool = true, labelled name: String? = nil) -> Entry? {
        guard let (node, _) = node(key), !isNull(node) else {
            if required { problem(line, "\(label) is missing '\(key)'") }
            return nil
        }
        return Entry(node, file: file, label: name ?? "'\(key)'", log: log)
    }

    /// The keys of a mapping in order, for tables keyed by name (levels).
    var keys: [String] { pairs.map(\.key) }

    /// Reports keys outside the file format: almost always a typo. Listing
    /// the known keys (rather than tracking reads) keeps this independent of
    /// whether reading stopped early at another problem.
    func finish(known: [String]) {
        for pair in pairs where !known.contains(pair.key) {
            problem(pair.line, "unknown key '\(pair.key)' in \(label); known keys are: \(known.joined(separator: ", "))")
        }
    }

    private func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}
