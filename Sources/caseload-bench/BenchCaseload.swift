import CaseloadBenchSupport
import Foundation

extension BenchCaseload {
    /// Opens the caseload in `folder`, first generating it with `caseload demo` when the folder is empty or missing.
    static func prepare(
        _ name: String, in folder: URL, participants: Int, weeks: Int, log: (String) -> Void
    ) throws -> BenchCaseload {
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent("caseload.json").path) {
            log("Generating the \(name) caseload (\(participants) participants, \(weeks) weeks) in \(folder.path)…")
            let clock = ContinuousClock()
            let start = clock.now
            try Subprocess.run(
                Subprocess.caseloadBinary,
                ["demo", "--participants", "\(participants)", "--weeks", "\(weeks)", "--seed", "1", "--data", folder.path])
            log("  generated in \(Number.format((clock.now - start).milliseconds / 1000)) s")
        }
        return try open(name, in: folder)
    }
}
