import Foundation
import Testing
@testable import DecisionAid

/// Replacing a saved summary is atomic: the old file survives any failure
/// and no partial or temporary file is left behind.
@Suite struct SummaryFileReplaceTests {
    func withFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("da-replace-\(UInt64.random(in: 0...UInt64.max))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    func files(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes the first half, then fails as a full disk does.
    static func fullDiskHalfWay(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        _ = SummaryFile.writeAll(fd, Array(bytes.prefix(bytes.count / 2)))
        return ENOSPC
    }

    static let summary = String(repeating: "A new summary line.\n", count: 200)

    @Test func aFailedReplaceLeavesTheOldFileWholeAndNoTemporaryFile() throws {
        try withFolder { folder in
            let path = folder + "/summary.txt"
            try "the old summary".write(toFile: path, atomically: false, encoding: .utf8)
            let outcome = SummaryFile.save(Self.summary, to: path, overwrite: true, write: Self.fullDiskHalfWay)
            guard case .failed(_, let message) = outcome else { Issue.record("expected a failure, got \(outcome)"); return }
            #expect(message.contains("is full. The file \(path) was not changed."), "\(message)")
            #expect(contents(path) == "the old summary")
            #expect(files(folder) == ["summary.txt"])
        }
    }

    @Test func aFailedNewFileLeavesNothing() throws {
        try withFolder { folder in
            let outcome = SummaryFile.save(Self.summary, to: folder + "/summary.txt", overwrite: false, write: Self.fullDiskHalfWay)
            guard case .failed(_, let message) = outcome else { Issue.record("expected a failure, got \(outcome)"); return }
            #expect(message.contains("Nothing was saved."))
            #expect(files(folder) == [])
        }
    }

    @Test func aReplaceIsARenameOfAPrivateFile() throws {
        try withFolder { folder in
            let path = folder + "/summary.txt"
            try "old".write(toFile: path, atomically: false, encoding: .utf8)
            chmod(path, 0o644)
            var before = stat()
            stat(path, &before)
            #expect(SummaryFile.save(Self.summary, to: path, overwrite: true) == .saved(path: path))
            var after = stat()
            stat(path, &after)
            #expect(contents(path) == Self.summary)
            #expect(after.st_mode & 0o777 == 0o600)
            #expect(after.st_ino != before.st_ino, "replaced in place, not renamed over")
            #expect(files(folder) == ["summary.txt"])
        }
    }

    /// A real full disk: a 64 KB tmpfs (needs root and mount; cancelled otherwise).
    @Test func aRealFullDiskKeepsTheOldFile() throws {
        try withFolder { folder in
            let mount = try Shell.run(#"mount -t tmpfs -o size=64k tmpfs "$1" 2>&1"#, arguments: [folder])
            guard mount.status == 0 else {
                try Test.cancel("cannot mount a small tmpfs here (\(mount.stdout.prefix(80))); the write seam tests cover this")
            }
            defer { _ = try? Shell.run(#"umount "$1""#, arguments: [folder]) }
            let path = folder + "/summary.txt"
            try "the old summary".write(toFile: path, atomically: false, encoding: .utf8)
            // Fill the disk, leaving less room than the new summary needs.
            let filler = open(folder + "/filler", O_WRONLY | O_CREAT, 0o600)
            let block = [UInt8](repeating: 7, count: 4096)
            while block.withUnsafeBytes({ write(filler, $0.baseAddress, $0.count) }) > 0 {}
            close(filler)
            let outcome = SummaryFile.save(Self.summary, to: path, overwrite: true)
            guard case .failed(_, let message) = outcome else { Issue.record("expected a failure, got \(outcome)"); return }
            #expect(message.contains("is full"), "\(message)")
            #expect(contents(path) == "the old summary")
            #expect(files(folder) == ["filler", "summary.txt"])
        }
    }
}
