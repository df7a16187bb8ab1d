@testable import CaseloadCore
import Foundation
import Glibc
import Testing

/// SQLite's method over a whole operation rather than one file: count every file-system call a
/// check-in save makes (the roster marker, the record, the index, the audit line), then fail each
/// one in turn and prove what a person would need to trust the result.
@Suite("Faults over a whole save")
struct WholeSaveFaultTests {
    static let request = CheckInRequest(
        participant: "P-0001", date: try! LocalDate("2026-11-20"), phq9: [1, 1, 1, 1, 1, 1, 1, 1, 2], craving: 3)

    /// A caseload with a counselor and one participant, on `fileSystem`.
    static func caseload(on fileSystem: FaultyFileSystem) throws -> (ScratchCaseload, Caseload) {
        let scratch = try ScratchCaseload(fileSystem: fileSystem)
        try scratch.store.add(ScratchCaseload.participant("P-0001"), action: .participantAdd, by: "mgarcia")
        return (scratch, Caseload(store: scratch.store))
    }

    /// How many calls of each operation one check-in save makes.
    static func callsInOneSave() throws -> [FileOperation: Int] {
        let counting = FaultyFileSystem()
        let (scratch, caseload) = try caseload(on: counting)
        defer { withExtendedLifetime(scratch) {} }
        let before = Dictionary(uniqueKeysWithValues: FileOperation.allCases.map { ($0, counting.calls(of: $0)) })
        _ = try caseload.recordCheckIn(request, by: "mgarcia")
        return Dictionary(uniqueKeysWithValues: FileOperation.allCases.map { ($0, counting.calls(of: $0) - before[$0]!) })
            .filter { $0.value > 0 }
    }

    @Test("Failing any call of a check-in save: never a torn record, a message that says what happened, a roster a repair makes whole")
    func everyCallOfASave() throws {
        let calls = try Self.callsInOneSave()
        #expect(calls.values.reduce(0, +) >= 20, "the save's calls were counted: \(calls)")
        for (operation, count) in calls.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            for call in 1...count {
                let faulty = FaultyFileSystem()
                let (scratch, caseload) = try Self.caseload(on: faulty)
                faulty.fail(operation, onCall: faulty.calls(of: operation) + call, with: EIO)
                let context = "\(operation) call \(call) of \(count)"

                let outcome = Result { () throws(CaseloadError) in try caseload.recordCheckIn(Self.request, by: "mgarcia") }

                // Read back through an honest file system, as the next process would.
                let reader = try CaseloadStore.open(at: URL(fileURLWithPath: scratch.scratch.path), clock: Clock(scratch.clock.now))
                let onDisk = reader.checkIns(of: "P-0001")
                #expect(onDisk.damaged.isEmpty, "\(context): never a torn or unreadable record: \(onDisk.damaged)")
                #expect(onDisk.records.count <= 1, "\(context)")
                switch outcome {
                case .success(let saved):
                    #expect(onDisk.records == [saved.record], "\(context): a reported save is on disk")
                case .failure(let error):
                    #expect(!error.description.isEmpty, "\(context)")
                    if case .store(.saveUnconfirmed) = error {} else {
                        #expect(onDisk.records.isEmpty, "\(context): a refused save leaves nothing: \(error)")
                    }
                }
                let report = try reader.check(repair: true)
                #expect(report.findings.filter { $0.kind != .index && $0.kind != .leftover }.isEmpty, "\(context): \(report.findings)")
                #expect(try reader.rosterIndexWithDamage() == reader.rosterIndexFromRecords(keeping: nil), "\(context): the repaired roster equals a rebuild")
            }
        }
    }
}
