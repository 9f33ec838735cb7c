import Content

/// The content of Assets/content, built into the program. The build read
/// and checked the YAML (content-compiler, run by CompileContentPlugin) and
/// wrote it as Swift values in `compiled()`, so nothing is parsed at run
/// time and the binary needs no files beside it.
public enum BuiltInContent {
    /// Built once, on first use.
    public static let content: ContentSet = compiled()
}
