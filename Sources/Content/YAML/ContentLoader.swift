import Content
import Foundation
import Yams

/// Reads the content files from YAML and checks them. The build runs this on
/// Assets/content (content-compiler) and writes the result into the program
/// as Swift values (BuiltInContent); a reviewer's edited copy is read from a
/// folder at run time by decision-aid-content. decision-aid itself never
/// links it, so it carries no YAML parser and no full Foundation.
public enum ContentLoader {
    public static let fileNames = [
        "about.yaml", "sources.yaml", "studies.yaml", "risks.yaml", "checklist.yaml",
        "therapies.yaml", "glossary.yaml", "rules.yaml", "questions.yaml", "options.yaml", "deliberation.yaml",
    ]

    /// A folder holding the content files (a reviewer's copy).
    public static func load(directory: String) throws(ContentError) -> ContentSet {
        let files = try self.files(in: directory)
        do {
            return try load(files: files)
        } catch {
            throw error.located(in: directory)
        }
    }

    /// The content files' texts in a folder, by name: every file must be
    /// there, an ordinary file, UTF-8 and no larger than the limit.
    public static func files(in directory: String) throws(ContentError) -> [String: String] {
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
        return files
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
