import Foundation
import PackagePlugin

/// Compiles Assets/content/*.yaml into the Content module as string literals,
/// so the program finds its content wherever the binary is run or copied.
@main
struct EmbedContentPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let contentDir = context.package.directoryURL.appending(path: "Assets").appending(path: "content")
        let names = try FileManager.default.contentsOfDirectory(atPath: contentDir.path)
            .filter { $0.hasSuffix(".yaml") }
            .sorted()
        let inputs = names.map { contentDir.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedContent.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) content files",
                executable: try context.tool(named: "content-embedder").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
