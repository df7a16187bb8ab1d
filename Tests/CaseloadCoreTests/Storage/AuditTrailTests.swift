#if canImport(CaseloadStorage)
// The domain-aware store needs the domain types, so these tests build only inside CaseloadCore.
#else
@testable import CaseloadCore
import Foundation
import Glibc
import Testing

@Suite("Audit trail of saves")
struct AuditTrailTests {
    @Test("a save whose audit line cannot be written is refused and the previous version stays", arguments: [
        FileOperation.openForAppending, .write, .sync,
    ])
    func auditFailureRefusesTheSave(operation: FileOperation) throws {
        let faulty = FaultyFileSystem()
        let caseload = try ScratchCaseload(fileSystem: faulty)
        let store = caseload.store
        let added = try store.add(ScratchCaseload.participant("P-0001"), action: .participantAdd, by: "mgarcia").record
        let before = caseload.scratch.bytes("participants/P-0001.json")
        var edited = added
        edited.referralSource = "Court"
        faulty.fail(operation, onCall: faulty.calls(of: operation) + 1, with: ENOSPC)

        let error = #expect(throws: StoreError.self) { try store.save(edited, action: .participantEdit, by: "mgarcia") }

        #expect(error == .auditAppendFailed(store.folder.path("audit/2026-11.jsonl"), .diskFull))
        #expect(
            error?.description == "Could not add to the audit log audit/2026-11.jsonl because the disk is full, so the "
                + "change was not made; \(FailureReason.diskFull.advice).")
        #expect(caseload.scratch.bytes("participants/P-0001.json") == before)
        #expect(try store.check().isHealthy)
    }

    @Test("an add whose audit line cannot be written leaves no record")
    func auditFailureRefusesTheAdd() throws {
        let faulty = FaultyFileSystem()
        let caseload = try ScratchCaseload(fileSystem: faulty)
        faulty.fail(.openForAppending, onCall: faulty.calls(of: .openForAppending) + 1, with: EIO)

        #expect(throws: StoreError.self) {
            try caseload.store.add(ScratchCaseload.participant("P-0001"), action: .participantAdd, by: "mgarcia")
        }
        #expect(caseload.scratch.bytes("participants/P-0001.json") == nil)
    }

    @Test("every save's line carries the record's kind and revision, and check matches them")
    func linesCarryRevisions() throws {
        let caseload = try ScratchCaseload()
        let store = caseload.store
        var participant = try store.add(ScratchCaseload.participant("P-0001"), action: .participantAdd, by: "mgarcia").record
        participant.referralSource = "Court"
        try store.save(participant, action: .participantEdit, by: "jlee")

        let entries = try AuditLog(dataFolder: store.folder).read(AuditMonth(containing: caseload.clock.now())).entries
        let mine = entries.filter { $0.record.rawValue == "P-0001" }
        #expect(mine.map(\.revision) == [1, 2])
        #expect(mine.map(\.kind) == [Participant.auditKind, Participant.auditKind])
        #expect(try store.check().isHealthy)
    }

    @Test("check names a record revision that has no audit line")
    func checkNamesAGap() throws {
        let caseload = try ScratchCaseload()
        var participant = ScratchCaseload.participant("P-0007")
        participant.revision.number = 3
        try caseload.scratch.plant("participants/P-0007.json", try RecordCoding.encode(participant, schemaVersion: 1))

        let gaps = try caseload.store.check().findings.filter { $0.kind == .audit }

        #expect(
            gaps.map(\.description) == [
                "participants/P-0007.json revision 3 has no audit line, so who made that change is not on record; keep "
                    + "the file as it is and tell your privacy officer."
            ])
    }

    @Test("lines from before revisions were recorded still account for a record's saves")
    func olderLinesCount() throws {
        let caseload = try ScratchCaseload()
        var participant = ScratchCaseload.participant("P-0007")
        participant.revision.number = 2
        try caseload.scratch.plant("participants/P-0007.json", try RecordCoding.encode(participant, schemaVersion: 1))
        let older = #"{"action":"participant.edit","at":"2026-11-23T01:05:00Z","record":"P-0007","staff":"mgarcia"}"#
        try caseload.scratch.plant("audit/2026-10.jsonl", older + "\n")
        #expect(try caseload.store.check().findings.contains { $0.kind == .audit })

        try caseload.scratch.plant("audit/2026-10.jsonl", older + "\n" + older + "\n")
        #expect(!(try caseload.store.check().findings.contains { $0.kind == .audit }))
    }
}
#endif
