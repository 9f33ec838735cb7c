extension String {
    /// The text with every `target` replaced by `replacement`. The module
    /// imports no full Foundation (the program stays free of ICU and fast to
    /// start), so this is the standard library's `replacing(_:with:)` under
    /// the name Foundation gives it, which code here already uses.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        replacing(target, with: replacement)
    }
}
