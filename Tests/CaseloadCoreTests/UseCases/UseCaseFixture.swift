@testable import CaseloadCore
import Foundation

/// A scratch caseload for the use-case tests: one member of staff per role (and one who has left),
/// one participant in care, and the clock stopped on Monday 2026-11-23 at 14:00 in Chicago.
struct UseCaseFixture {
    static let now = Date(timeIntervalSince1970: 1_795_464_000)  // 2026-11-23T20:00:00Z
    static let today = try! LocalDate("2026-11-23")

    let scratch: ScratchFolder
    let caseload: Caseload

    var store: CaseloadStore { caseload.store }

    init() throws {
        scratch = try ScratchFolder()
        let url = URL(fileURLWithPath: scratch.path)
        let clock = Clock.fixed(Self.now)
        try CaseloadStore.create(at: url, programName: "Riverside IOP", timeZone: "America/Chicago", by: "kbrown", clock: clock)
        caseload = Caseload(store: try CaseloadStore.open(at: url, clock: clock, lockTimeout: .milliseconds(300)))
        for (id, role, active) in Self.staff {
            try store.add(
                Staff(id: id, displayName: "Staff \(id)", credentials: "LCSW", role: role, isActive: active,
                      revision: ScratchCaseload.revision),
                action: .staffAdd, by: "kbrown")
        }
        try store.add(ScratchCaseload.participant("P-0001"), action: .participantAdd, by: "mgarcia")
    }

    /// Everyone on the staff list: id, role, and whether they are still active.
    static let staff: [(StaffID, StaffRole, Bool)] = [
        ("kbrown", .admin, true), ("mgarcia", .counselor, true), ("jlee", .counselor, true),
        ("lchen", .supervisor, true), ("retired", .counselor, false),
    ]
}
