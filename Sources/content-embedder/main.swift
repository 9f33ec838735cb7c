// Build-time tool: writes a Swift file holding each content file's text as a
// raw string literal. Usage: content-embedder OUTPUT.swift FILE.yaml...
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let outputPath = arguments.first else {
    FileHandle.standardError.write(Data("usage: content-embedder OUTPUT FILE...\n".utf8))
    exit(2)
}

/// One more '#' than the longest run of '#' after a quote or a backslash, so
/// no text can end the literal early ("#) or start an escape (\#t, \#u{…})
/// inside it.
func delimiter(for text: String) -> String {
    var longest = 0, run = 0, afterOpener = false
    for character in text {
        if character == "#" && afterOpener { run += 1; longest = max(longest, run) } else {
            afterOpener = character == "\"" || character == "\\"
            run = 0
        }
    }
    return String(repeating: "#", count: longest + 1)
}

var swift = "// Generated at build time from Assets/content by content-embedder. Do not edit.\n"
swift += "enum EmbeddedContent {\n    static let files: [(name: String, text: String)] = [\n"
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        FileHandle.standardError.write(Data("content-embedder: cannot read \(path) as UTF-8\n".utf8))
        exit(1)
    }
    let hashes = delimiter(for: text)
    swift += "        (\"\(url.lastPathComponent)\", \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)),\n"
}
swift += "    ]\n}\n"
do {
    try swift.write(toFile: outputPath, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("content-embedder: cannot write \(outputPath): \(error)\n".utf8))
    exit(1)
}
