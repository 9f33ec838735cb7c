import Foundation
import Yams

/// Loads the content files and checks them. The program's own copy is
/// compiled in (EmbeddedContent); a reviewer's edited copy can be loaded
/// from a folder instead.
public enum ContentLoader {
    public static let fileNames = [
        "about.yaml", "sources.yaml", "studies.yaml", "risks.yaml", "checklist.yaml",
        "therapies.yaml", "glossary.yaml", "rules.yaml", "questions.yaml", "options.yaml", "deliberation.yaml",
    ]

    /// The content files built into the program, by name.
    public static var embeddedFiles: [String: String] {
        Dictionary(EmbeddedContent.files.map { ($0.name, $0.text) }, uniquingKeysWith: { a, _ in a })
    }

    /// The content built into the program.
    public static func loadEmbedded() throws(ContentError) -> ContentSet {
        try load(files: embeddedFiles)
    }

    /// A folder holding the content files (a reviewer's copy).
    public static func load(directory: String) throws(ContentError) -> ContentSet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ContentError(problems: [ContentProblem(file: directory, line: 0, message: "no such folder")])
        }
        var files: [String: String] = [:]
        var problems: [ContentProblem] = []
        for name in fileNames {
            let path = (directory as NSString).appendingPathComponent(name)
            let data: [UInt8]
            switch BoundedRead.file(path, limit: ContentLimits.fileBytes) {
            case .data(let bytes): data = bytes
            case .failed(ENOENT):
                problems.append(ContentProblem(file: path, line: 0, message: "file is missing; the content needs all of: \(fileNames.joined(separator: ", "))"))
                continue
            case .failed(let code):
                problems.append(ContentProblem(file: path, line: 0, message: "cannot read this file (\(String(cString: strerror(code))))"))
                continue
            case .notAFile:
                problems.append(ContentProblem(file: path, line: 0, message: "is not an ordinary file"))
                continue
            case .tooLarge:
                problems.append(ContentProblem(file: path, line: 0, message: "file is larger than \(ContentLimits.fileBytes / 1024) KB, the most a content file may be; reading stopped"))
                continue
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                problems.append(ContentProblem(file: path, line: 0, message: "file is not UTF-8 text"))
                continue
            }
            files[name] = text
        }
        if !problems.isEmpty { throw ContentError(problems: problems) }
        do {
            return try load(files: files)
        } catch {
            throw error.located(in: directory)
        }
    }

    /// Parses and cross-checks content given as file name -> text.
    public static func load(files: [String: String]) throws(ContentError) -> ContentSet {
        let log = ProblemLog()
        var roots: [String: Entry] = [:]
        for name in fileNames {
            guard let text = files[name] else {
                log.add(name, 0, "file is missing")
                continue
            }
            if text.utf8.count > ContentLimits.fileBytes {
                log.add(name, 0, "file is larger than \(ContentLimits.fileBytes / 1024) KB, the most a content file may be")
                continue
            }
            do {
                guard let node = try Yams.compose(yaml: text) else {
                    log.add(name, 1, "file is empty")
                    continue
                }
                roots[name] = Entry(node, file: name, label: "the file", log: log)
            } catch {
                let (line, message) = describe(error)
                log.add(name, line, "not valid YAML: \(message)")
            }
        }
        guard log.problems.isEmpty else { throw ContentError(problems: log.problems) }
        guard let set = FileReaders.read(roots, log: log), log.problems.isEmpty else {
            throw ContentError(problems: log.problems)
        }
        let problems = ContentValidator.problems(in: set)
        guard problems.isEmpty else { throw ContentError(problems: problems) }
        return set
    }

    private static func describe(_ error: Error) -> (Int, String) {
        switch error {
        case let YamlError.scanner(context, problem, mark, _),
             let YamlError.parser(context, problem, mark, _),
             let YamlError.composer(context, problem, mark, _):
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return (mark.line, detail)
        case let YamlError.duplicatedKeysInMapping(duplicates, context):
            return (context.mark.line, "the key \(duplicates.joined(separator: ", ")) appears twice")
        case let YamlError.reader(problem, _, _, _):
            return (1, problem)
        default:
            return (1, "\(error)")
        }
    }
}
