#if canImport(CaseloadStorage)
// The roster index summarises domain records, so these tests build only inside CaseloadCore.
#else
@testable import CaseloadCore
import Foundation
import Testing

/// A rebuild cannot read a damaged file, so it must keep what the index knew of it and say so,
/// never quietly drop a person or an open safety flag.
@Suite("Roster index beside damaged files")
struct RosterDamageTests {
    static let flaggedCheckIn: CheckInID = "C-20261110-aaaaaa"

    /// P-0001 and P-0002 in care, P-0002 with an open safety flag; then P-0001's file and
    /// P-0002's flagged check-in are cut short, as a failing disk would leave them.
    static func damagedCaseload() throws -> (ScratchCaseload, before: [RosterEntry]) {
        let caseload = try ScratchCaseload()
        let store = caseload.store
        try store.add(ScratchCaseload.participant("P-0001"), action: .participantAdd, by: "mgarcia")
        try store.add(ScratchCaseload.participant("P-0002"), action: .participantAdd, by: "mgarcia")
        try store.add(
            ScratchCaseload.checkIn(flaggedCheckIn, of: "P-0002", on: "2026-11-10", itemNine: 1), action: .checkInAdd,
            by: "mgarcia")
        let before = try store.roster()
        try caseload.scratch.plant("participants/P-0001.json", "{\"schemaVersion\": 1, \"id\": \"P-00")
        try caseload.scratch.plant("checkins/P-0002/\(flaggedCheckIn).json", "")
        return (caseload, before)
    }

    static func expectKept(_ index: RosterIndex, before: [RosterEntry], _ how: String) {
        let comment = Comment(rawValue: how)
        #expect(index.damagedParticipants == ["P-0001", "P-0002"], comment)
        #expect(index.entries.first { $0.id == "P-0001" } == before.first { $0.id == "P-0001" }, comment)
        #expect(index.entries.first { $0.id == "P-0002" }?.openSafetyFlags == [flaggedCheckIn], comment)
    }

    @Test("check --repair keeps the damaged participant and the flag of the damaged check-in, and names them")
    func repair() throws {
        let (caseload, before) = try Self.damagedCaseload()
        let store = caseload.store
        let report = try store.check(repair: true)
        #expect(report.repairs.contains { $0.contains(RosterIndex.relativePath) })
        #expect(!report.findings.contains { $0.kind == .index })
        Self.expectKept(try store.rosterIndexWithDamage(), before: before, "check --repair")
        // Once repaired, the index agrees with the damage: check names the two files and nothing else.
        #expect(try store.check().findings.map(\.kind) == [.damaged, .damaged])
    }

    @Test("a rebuild after a crash marker keeps them too")
    func pendingMarker() throws {
        let (caseload, before) = try Self.damagedCaseload()
        try caseload.scratch.plant(RosterIndex.pendingMarkerPath, "")
        Self.expectKept(try caseload.store.rosterIndexWithDamage(), before: before, "pending marker")
        #expect(!caseload.store.rosterIndexIsPending())
    }

    @Test("without an index to keep from, the damaged participant is still named")
    func missingIndex() throws {
        let (caseload, _) = try Self.damagedCaseload()
        try FileManager.default.removeItem(atPath: caseload.scratch.path + "/" + RosterIndex.relativePath)
        let index = try caseload.store.rosterIndexWithDamage()
        #expect(index.damagedParticipants == ["P-0001", "P-0002"])
        #expect(index.entries.map(\.id) == ["P-0002"])
    }

    @Test("a check-in saved beside a damaged one keeps the unreadable flag open")
    func saveBesideDamage() throws {
        let (caseload, _) = try Self.damagedCaseload()
        let store = caseload.store
        _ = try store.check(repair: true)
        try store.add(
            ScratchCaseload.checkIn("C-20261111-bbbbbb", of: "P-0002", on: "2026-11-11"), action: .checkInAdd, by: "mgarcia")
        let index = try store.rosterIndexWithDamage()
        #expect(index.entries.first { $0.id == "P-0002" }?.openSafetyFlags == [Self.flaggedCheckIn])
        #expect(index.damagedParticipants == ["P-0001", "P-0002"])
    }

    @Test("once the damaged files are gone, check asks for a rebuild and the notice goes away")
    func restored() throws {
        let (caseload, _) = try Self.damagedCaseload()
        let store = caseload.store
        _ = try store.check(repair: true)
        try FileManager.default.removeItem(atPath: caseload.scratch.path + "/checkins/P-0002/\(Self.flaggedCheckIn).json")
        try FileManager.default.removeItem(atPath: caseload.scratch.path + "/participants/P-0001.json")
        let findings = try store.check().findings.filter { $0.kind == .index }.map(\.description)
        #expect(findings.contains { $0.contains("whose files cannot be read") })
        _ = try store.check(repair: true)
        #expect(try store.rosterIndexWithDamage().damagedParticipants == [])
        #expect(try store.check().isHealthy)
    }
}
#endif
