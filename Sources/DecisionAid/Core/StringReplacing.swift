// Finding and replacing text without the _StringProcessing module. The aid's
// modules do not import it (Package.swift): it is the Regex engine, a megabyte
// of code and 50 KB of data the loader must rewrite at every start, and the
// aid's only use of it was these two operations on plain text. Both are
// disfavoured, so code that does import _StringProcessing (the tests) keeps
// the standard library's own.

extension StringProtocol {
    /// Whether `other` appears in this text, compared character by character
    /// (as the standard library compares strings). Empty text appears everywhere.
    @_disfavoredOverload
    func contains(_ other: some StringProtocol) -> Bool {
        rangeOfText(other) != nil
    }

    /// The text with every `target` replaced by `replacement`, left to right,
    /// matches not overlapping; an empty `target` changes nothing.
    @_disfavoredOverload
    func replacing(_ target: some StringProtocol, with replacement: some StringProtocol) -> String {
        replacingText(target, with: replacement)
    }

    /// `replacing(_:with:)` under a name of its own, so tests can tell it
    /// from the standard library's.
    func replacingText(_ target: some StringProtocol, with replacement: some StringProtocol) -> String {
        guard !target.isEmpty else { return String(self) }
        var result = ""
        var rest = self[...]
        while let match = rest.rangeOfText(target) {
            result += rest[..<match.lowerBound]
            result += replacement
            rest = rest[match.upperBound...]
        }
        result += rest
        return result
    }

    /// Where `other` first appears, character by character.
    func rangeOfText(_ other: some StringProtocol) -> Range<Index>? {
        if other.isEmpty { return startIndex..<startIndex }
        var start = startIndex
        while start != endIndex {
            var here = start, there = other.startIndex
            while here != endIndex, there != other.endIndex, self[here] == other[there] {
                formIndex(after: &here)
                other.formIndex(after: &there)
            }
            if there == other.endIndex { return start..<here }
            if here == endIndex { return nil }
            formIndex(after: &start)
        }
        return nil
    }
}
