import ContentYAML

/// The content files as shipped in Assets/content, by name, for tests that
/// break one thing in a real copy.
enum ShippedContent {
    static let files: [String: String] = {
        do {
            return try ContentLoader.files(in: Binary.packageRoot.appendingPathComponent("Assets/content").path)
        } catch {
            fatalError("cannot read Assets/content: \(error)")
        }
    }()
}
