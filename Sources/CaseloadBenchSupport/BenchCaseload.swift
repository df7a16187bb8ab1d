import CaseloadCore
import Foundation

/// One caseload under test, and the people the figures act as: shared by `caseload-bench`
/// (whole processes) and the in-process benchmarks in `Benchmarks/`.
public struct BenchCaseload: Sendable {
    public let name: String
    public let folder: URL
    public let store: CaseloadStore
    /// The first counselor by id, as `caseload demo` suggests signing in.
    public let counselor: Staff
    /// The participant in care with the most check-ins: the heaviest progress screen.
    public let busiestParticipant: ParticipantID

    /// Opens the caseload in `folder`, which must hold a demo caseload.
    public static func open(_ name: String, in folder: URL) throws -> BenchCaseload {
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

/// Stops a benchmark with a message.
public struct BenchFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
