import Foundation
import PackagePlugin

/// Builds Assets/content/*.yaml into the BuiltInContent module as Swift
/// values (content-compiler), so the program finds its content wherever the
/// binary is run or copied, and parses nothing at start. A content problem
/// fails the build with its file and line.
@main
struct CompileContentPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let contentDir = context.package.directoryURL.appending(path: "Assets").appending(path: "content")
        let names = try FileManager.default.contentsOfDirectory(atPath: contentDir.path)
            .filter { $0.hasSuffix(".yaml") }
            .sorted()
        let inputs = names.map { contentDir.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInContent+Compiled.swift")
        let compiler = try context.tool(named: "content-compiler").url
        return [
            .buildCommand(
                displayName: "Compiling the content in Assets/content (\(inputs.count) files)",
                executable: compiler,
                arguments: [contentDir.path, output.path],
                // The compiler too: a change in how content is written as
                // Swift must rewrite the file, not only a change in the YAML.
                inputFiles: inputs + [compiler],
                outputFiles: [output]
            ),
        ]
    }
}
