import Foundation
import Testing
@testable import DecisionAid

/// A fresh folder under the temporary folder, removed afterwards.
private func withTemporaryFolder(_ body: (String) throws -> Void) throws {
    var template = Array((NSTemporaryDirectory() + "da-summary-XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    let folder = try #require(made.map { String(cString: $0) })
    defer {
        chmod(folder, 0o700)
        try? FileManager.default.removeItem(atPath: folder)
    }
    try body(folder)
}

private func mode(_ path: String) -> mode_t? {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
}

private func contents(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

/// An executable shell script standing in for lp.
private func fakeLP(in folder: String, _ body: String) throws -> String {
    let path = folder + "/lp"
    try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    chmod(path, 0o755)
    return path
}

private let summary = "AHSCT decision aid: your summary\n\nLine two, with ü and 2.1%.\n"

// umask is process-wide, so these run one at a time.
@Suite(.serialized) struct SummaryFileTests {
    // MARK: Saving

    @Test(arguments: [mode_t(0), 0o077, 0o022, 0o277])
    func newFileIsOwnerOnlyWhateverTheUmask(umaskValue: mode_t) throws {
        try withTemporaryFolder { folder in
            let path = folder + "/summary.txt"
            let old = umask(umaskValue)
            let outcome = SummaryFile.save(summary, to: path, overwrite: false)
            umask(old)
            #expect(outcome == .saved(path: path))
            #expect(mode(path) == 0o600, "mode \(String(mode(path) ?? 0, radix: 8)) with umask \(String(umaskValue, radix: 8))")
            #expect(contents(path) == summary)
        }
    }

    @Test func existingFileIsLeftAlone() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/summary.txt"
            try "old summary".write(toFile: path, atomically: false, encoding: .utf8)
            chmod(path, 0o644)
            #expect(SummaryFile.save(summary, to: path, overwrite: false) == .exists(path: path))
            #expect(contents(path) == "old summary")
            #expect(mode(path) == 0o644)
        }
    }

    @Test func overwriteReplacesTheContentsAndMakesItPrivate() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/summary.txt"
            // Longer than the new text, so a missing truncate would show.
            try String(repeating: "old summary text. ", count: 50).write(toFile: path, atomically: false, encoding: .utf8)
            chmod(path, 0o644)
            #expect(SummaryFile.save(summary, to: path, overwrite: true) == .saved(path: path))
            #expect(contents(path) == summary)
            #expect(mode(path) == 0o600)
        }
    }

    @Test func overwriteDoesNotFollowALink() throws {
        try withTemporaryFolder { folder in
            let target = folder + "/target.txt", link = folder + "/summary.txt"
            try "target".write(toFile: target, atomically: false, encoding: .utf8)
            symlink(target, link)
            #expect(SummaryFile.save(summary, to: link, overwrite: false) == .exists(path: link))
            guard case .failed(_, let message) = SummaryFile.save(summary, to: link, overwrite: true) else {
                Issue.record("saving over a link should fail"); return
            }
            #expect(message.contains("is a link"))
            #expect(contents(target) == "target")
        }
    }

    @Test func missingFolderIsNamed() throws {
        try withTemporaryFolder { folder in
            let missing = folder + "/no-such-folder"
            let outcome = SummaryFile.save(summary, to: missing + "/summary.txt", overwrite: false)
            guard case .failed(let path, let message) = outcome else {
                Issue.record("expected failure, got \(outcome)"); return
            }
            #expect(path == missing + "/summary.txt")
            #expect(message.contains("The folder \(missing) does not exist."), "\(message)")
            #expect(message.contains("Try another folder, like your home folder: ~/ahsct-summary.txt"))
            #expect(!FileManager.default.fileExists(atPath: missing))
            // Saving the answers suggests the answers' name.
            guard case .failed(_, let answers) = SummaryFile.save("{}", to: missing + "/a.json", overwrite: false, example: "ahsct-answers.json") else {
                Issue.record("expected failure"); return
            }
            #expect(answers.contains("Try another folder, like your home folder: ~/ahsct-answers.json"), "\(answers)")
            #expect(!answers.contains("ahsct-summary"), "\(answers)")
        }
    }

    @Test func unwritableFolderFailsWithAClearMessage() throws {
        try withTemporaryFolder { folder in
            let target: String, expectedFolder: String
            if geteuid() == 0 {
                // Root ignores permission bits, so a locked temporary folder would be
                // written. /sys refuses new files even to root.
                target = "/sys/ahsct-summary-test.txt"; expectedFolder = "/sys"
            } else {
                chmod(folder, 0o500)
                target = folder + "/summary.txt"; expectedFolder = folder
            }
            let outcome = SummaryFile.save(summary, to: target, overwrite: false)
            if case .saved = outcome {
                unlink(target)
                try Test.cancel("\(expectedFolder) accepted a new file on this machine, so there is no unwritable folder to test with")
            }
            guard case .failed(_, let message) = outcome else {
                Issue.record("expected failure, got \(outcome)"); return
            }
            #expect(message.contains("permission to save files in the folder \(expectedFolder)."), "\(message)")
            #expect(message.hasSuffix("Try another folder, like your home folder: ~/ahsct-summary.txt"))
            #expect(!FileManager.default.fileExists(atPath: target))
        }
    }

    @Test func folderWithoutNewFilesIsNamedEvenWhenItExists() {
        // /proc exists but takes no new files (ENOENT, even for root): the message
        // must not claim the folder is missing.
        guard case .failed(_, let message) = SummaryFile.save(summary, to: "/proc/ahsct-summary-test.txt", overwrite: false) else {
            Issue.record("saving in /proc should fail"); return
        }
        #expect(message.contains("/proc"))
        #expect(!message.contains("does not exist"), "\(message)")
        #expect(message.contains("Try another folder"))
    }

    @Test func pathThatIsAFolderFails() throws {
        try withTemporaryFolder { folder in
            for overwrite in [false, true] {
                guard case .failed(let path, let message) = SummaryFile.save(summary, to: folder, overwrite: overwrite) else {
                    Issue.record("saving to a folder should fail"); return
                }
                #expect(path == folder)
                #expect(message.contains("\(folder) is a folder"), "\(message)")
                #expect(message.contains("\(folder)/ahsct-summary.txt"))
            }
            guard case .failed(_, let message) = SummaryFile.save(summary, to: folder + "/", overwrite: false) else {
                Issue.record("a path ending in / should fail"); return
            }
            #expect(message.contains("is a folder"))
        }
    }

    @Test func emptyNameFails() {
        for name in ["", "   "] {
            guard case .failed(_, let message) = SummaryFile.save(summary, to: name, overwrite: false) else {
                Issue.record("an empty name should fail"); return
            }
            #expect(message.contains("No file name was given"))
            #expect(message.contains("~/ahsct-summary.txt"))
        }
    }

    @Test func homeAndRelativePathsAreExpanded() {
        let home = SummaryFile.home()
        #expect(SummaryFile.absolute("~/ahsct-summary.txt") == (home.hasSuffix("/") ? home : home + "/") + "ahsct-summary.txt")
        #expect(SummaryFile.absolute("notes/s.txt") == FileManager.default.currentDirectoryPath + "/notes/s.txt")
        #expect(SummaryFile.absolute("/tmp/s.txt") == "/tmp/s.txt")
        #expect(SummaryFile.absolute("~other/s.txt").hasSuffix("/~other/s.txt"))
        #expect(SummaryFile.parentFolder(of: "/a/b/c.txt") == "/a/b")
        #expect(SummaryFile.parentFolder(of: "/c.txt") == "/")
    }

    // MARK: Printing

    @Test func lpWithoutAPrinterFails() throws {
        try withTemporaryFolder { folder in
            let lp = try fakeLP(in: folder, """
            cat > /dev/null
            echo "lp: Error - no default destination available." >&2
            exit 1
            """)
            let outcome = SummaryFile.print(summary, lpPath: lp)
            #expect(outcome == .failed("No printer is set up; press s to save instead. lp said: lp: Error - no default destination available."))
        }
    }

    @Test func lpThatWorksGetsTheTextOnStdin() throws {
        try withTemporaryFolder { folder in
            let received = folder + "/received.txt"
            // cat reads to the end, so this finishes only if stdin is closed.
            let lp = try fakeLP(in: folder, """
            cat > '\(received)'
            echo "request id is Office-42 (1 file(s))"
            """)
            let outcome = SummaryFile.print(summary, lpPath: lp)
            #expect(outcome == .sent("Sent to the printer (lp said: request id is Office-42 (1 file(s)))"))
            #expect(contents(received) == summary)
        }
    }

    @Test func missingLPSaysItIsNotInstalled() throws {
        try withTemporaryFolder { folder in
            let outcome = SummaryFile.print(summary, lpPath: folder + "/lp")
            #expect(outcome == .failed("Printing needs the lp command, which is not installed. Press s to save instead."))
        }
    }

    @Test func lpThatHangsIsStopped() throws {
        try withTemporaryFolder { folder in
            // Reads nothing and never ends; the text is larger than a pipe holds.
            let lp = try fakeLP(in: folder, "exec sleep 60")
            let start = Date()
            let outcome = SummaryFile.print(String(repeating: summary, count: 20_000), lpPath: lp, timeout: 1)
            #expect(Date().timeIntervalSince(start) < 10)
            guard case .failed(let message) = outcome else {
                Issue.record("expected failure, got \(outcome)"); return
            }
            #expect(message.contains("did not finish"))
        }
    }

    @Test func lpThatIgnoresItsInputDoesNotEndTheAid() throws {
        try withTemporaryFolder { folder in
            // Exits at once without reading: writing more would raise SIGPIPE,
            // which must not kill this process.
            let lp = try fakeLP(in: folder, "echo 'request id is x-1'")
            let outcome = SummaryFile.print(String(repeating: summary, count: 20_000), lpPath: lp)
            #expect(outcome == .sent("Sent to the printer (lp said: request id is x-1)"))
        }
    }

    @Test func lpIsLookedUpOnThePath() {
        #expect(SummaryFile.findOnPath("sh")?.hasSuffix("/sh") == true)
        #expect(SummaryFile.findOnPath("no-such-command-for-decision-aid") == nil)
    }
}
