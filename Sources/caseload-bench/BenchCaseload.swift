import CaseloadCore
import Foundation

/// One caseload under test, and the people the figures act as.
struct BenchCaseload {
    let name: String
    let folder: URL
    let store: CaseloadStore
    /// The first counselor by id, as `caseload demo` suggests signing in.
    let counselor: Staff
    /// The participant in care with the most check-ins: the heaviest progress screen.
    let busiestParticipant: ParticipantID

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
        let store = try CaseloadStore.open(at: folder)
        let staff = store.staff().records.sorted { $0.id < $1.id }
        guard let counselor = staff.first(where: { $0.role == .counselor && $0.isActive }) else {
            throw BenchFailure("\(folder.path) has no active counselor to sign in as.")
        }
        let checkInCounts = try store.roster().map { ($0.id, store.checkIns(of: $0.id).records.count) }
        guard let busiest = checkInCounts.max(by: { $0.1 < $1.1 })?.0 else {
            throw BenchFailure("\(folder.path) has nobody in care.")
        }
        return BenchCaseload(name: name, folder: folder, store: store, counselor: counselor, busiestParticipant: busiest)
    }
}
