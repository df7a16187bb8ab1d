import Foundation
import Testing

/// `caseload export --format fhir` through the built binary, checked by an independent FHIR
/// library: PyPI fhir.resources with its R4B models, which `.ci/run` (or this test, the first
/// time) installs into `.build/fhir-venv` with `Tests/FHIRValidation/install-validator.sh`.
@Suite("caseload export --format fhir, end to end")
struct FHIREndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Whether `python3` runs here; without it the validator cannot, and the test says so.
    static let hasPython: Bool = (try? run("/usr/bin/env", ["python3", "--version"]).status) == 0

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test(
        "the demo caseload's bundles validate with zero errors, every reference resolves, ids are stable, files are private",
        .enabled(if: hasPython, "python3 is not installed, so the FHIR validator (fhir.resources) cannot run; install python3 and python3-venv"))
    func demoValidates() throws {
        let install = try Self.run("/usr/bin/env", ["bash", "Tests/FHIRValidation/install-validator.sh"])
        try #require(install.status == 0, "Installing fhir.resources into .build/fhir-venv failed:\n\(install.output)")

        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.succeed("demo")
        let first = caseload.data.deletingLastPathComponent().appendingPathComponent("fhir-first")
        let exported = try caseload.run(["export", "--format", "fhir", "--out", first.path])
        #expect(exported.status == 0)
        #expect(exported.stdout == "Wrote 70 FHIR R4 bundles, one per participant named by id (P-0001.json…), to \(first.path).\n")
        #expect(exported.stderr == "")

        // An hour later: only the bundles' timestamps may differ.
        var later = caseload
        later.environment["CASELOAD_NOW"] = "2026-11-23T15:00:00-06:00"
        let second = caseload.data.deletingLastPathComponent().appendingPathComponent("fhir-second")
        try later.succeed("export", "--format", "fhir", "--out", second.path)

        let validation = try Self.run(
            Self.root.appendingPathComponent(".build/fhir-venv/bin/python").path,
            ["Tests/FHIRValidation/validate_bundles.py", second.path, "--same-ids-as", first.path])
        #expect(validation.status == 0, "\(validation.output)")
        #expect(validation.output.hasPrefix("70 bundles, ") && validation.output.hasSuffix(", 0 errors\n"), "\(validation.output)")

        let manager = FileManager.default
        #expect(try manager.attributesOfItem(atPath: first.path)[.posixPermissions] as? Int == 0o700)
        let files = try manager.contentsOfDirectory(atPath: first.path).sorted()
        #expect(files.count == 70 && files.first == "P-0001.json" && files.last == "P-0070.json")
        for file in files {
            #expect(try manager.attributesOfItem(atPath: first.appendingPathComponent(file).path)[.posixPermissions] as? Int == 0o600)
        }
    }

    @Test("--participant writes that participant's bundle alone, the same as in the full export, and the audit log names them")
    func oneParticipant() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.succeed("demo", "--participants", "6", "--weeks", "2")
        let all = caseload.data.deletingLastPathComponent().appendingPathComponent("all")
        let one = caseload.data.deletingLastPathComponent().appendingPathComponent("one")
        try caseload.succeed("export", "--format", "fhir", "--out", all.path)
        let written = try caseload.run(["export", "--format", "fhir", "--participant", "P-0003", "--out", one.path])
        #expect(written.stdout == "Wrote P-0003.json, a FHIR R4 bundle, to \(one.path).\n")
        #expect(written.stderr == "")
        #expect(try FileManager.default.contentsOfDirectory(atPath: one.path) == ["P-0003.json"])
        #expect(
            try Data(contentsOf: one.appendingPathComponent("P-0003.json")) == Data(contentsOf: all.appendingPathComponent("P-0003.json")))
        let audit = try caseload.succeed("audit", "list", "--participant", "P-0003", "--as", "kbrown")
        #expect(audit.contains("record.export  P-0003"))

        let unknown = try caseload.run(["export", "--format", "fhir", "--participant", "P-0099", "--out", one.path])
        #expect(unknown.status == 1)
        let misplaced = try caseload.run(["export", "--format", "csv", "--participant", "P-0003", "--out", one.path])
        #expect(misplaced.stderr.hasPrefix("Error: --participant is for --format fhir"))
        let noFolder = try caseload.run(["export", "--format", "fhir"])
        #expect(noFolder.stderr.hasPrefix("Error: FHIR export writes a file per participant; give a folder with --out."))
    }
}
