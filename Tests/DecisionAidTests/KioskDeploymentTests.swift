import Foundation
import Testing

/// The kiosk's systemd unit, checked the way systemd itself reads it, and
/// the kiosk's command line refusing what would read files.
@Suite struct KioskDeploymentTests {
    static let unit = Binary.packageRoot.appendingPathComponent("Assets/kiosk/decision-aid-kiosk.service")

    /// systemd-analyze, or why it cannot run (.ci/run installs it with apt).
    static let analyze: String? = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let skipReason = "systemd-analyze is not installed and could not be (.ci/run installs the systemd package with apt)"

    /// The unit with ExecStart pointed at the binary just built, in a folder
    /// of its own (verify checks the command exists; a test machine has no
    /// /usr/local/bin/decision-aid). Nothing else is changed.
    static func unitToVerify(_ text: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-unit-\(getpid())-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let built = text.replacingOccurrences(of: "ExecStart=/usr/local/bin/decision-aid ", with: "ExecStart=\(Binary.path) ")
        #expect(built != text, "the unit's ExecStart is not /usr/local/bin/decision-aid")
        let url = folder.appendingPathComponent("decision-aid-kiosk.service")
        try built.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// systemd-analyze verify exits 0 even for unknown keys and bad values,
    /// so what counts is that it prints nothing at all.
    static func verifyOutput(_ text: String) throws -> String {
        let url = try unitToVerify(text)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let run = try Binary.run(["verify", url.path], executable: analyze!, directory: url.deletingLastPathComponent().path)
        return run.stdout + run.stderr
    }

    @Test(.enabled(if: analyze != nil, Comment(rawValue: skipReason)))
    func verifyPrintsNothing() throws {
        let text = try String(contentsOf: Self.unit, encoding: .utf8)
        #expect(try Self.verifyOutput(text) == "")
        // The check can fail: a misspelt key is reported.
        #expect(try Self.verifyOutput(text.replacingOccurrences(of: "ProtectHome=yes", with: "ProtectHomes=yes")).contains("ProtectHomes"))
    }

    @Test(.enabled(if: analyze != nil, Comment(rawValue: skipReason)))
    func securityRatesItTwoOrLower() throws {
        let run = try Binary.run(["security", "--offline=yes", "--no-pager", Self.unit.path], executable: Self.analyze!)
        let output = run.stdout + run.stderr
        let line = try #require(output.split(separator: "\n").last { $0.contains("Overall exposure level") }, "\(output)")
        let score = try #require(line.split(separator: " ").compactMap { Double($0) }.first, "\(line)")
        #expect(score <= 2.0, "\(line)")
        // What the issue asks for is there, not only a good score.
        let text = try String(contentsOf: Self.unit, encoding: .utf8)
        for setting in ["TTYPath=/dev/tty1", "User=decision-aid", "Restart=always", "TTYVTDisallocate=yes", "StandardInput=tty",
                        "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes", "NoNewPrivileges=yes", "IPAddressDeny=any",
                        "RestrictAddressFamilies=AF_UNIX", "--kiosk"] {
            #expect(text.contains(setting), "\(setting)")
        }
        #expect(!text.contains("agetty"))
    }

    @Test func aKioskRefusesWhatReadsFiles() throws {
        let content = try Binary.run(["--kiosk", "--content", "/tmp"])
        #expect(content.status == 2)
        #expect(content.stderr.contains("--kiosk shows only the built-in content"))
        for sub in [["assess", "--answers", "/etc/passwd"], ["check-content", "/tmp"], ["rules"]] {
            let run = try Binary.run(["--kiosk"] + sub)
            #expect(run.status == 2, "\(sub)")
            #expect(run.stderr.contains("not available in kiosk mode"), "\(sub)")
            #expect(run.stdout.isEmpty, "\(sub)")
        }
        let timeout = try Binary.run(["--kiosk", "--idle-timeout", "2"])
        #expect(timeout.status == 2 && timeout.stderr.contains("--idle-timeout"))
        let printer = try Binary.run(["--kiosk", "--printer", "-o"])
        #expect(printer.status != 0)
        let notKiosk = try Binary.run(["--printer", "desk"])
        #expect(notKiosk.status == 2 && notKiosk.stderr.contains("only with --kiosk"))
        // The patient mode still takes --content and the subcommands.
        #expect(try Binary.run(["rules"]).status == 0)
    }
}
