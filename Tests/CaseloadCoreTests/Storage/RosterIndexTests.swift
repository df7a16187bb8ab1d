#if canImport(CaseloadStorage)
// The roster index summarises domain records, so these tests build only inside CaseloadCore.
#else
@testable import CaseloadCore
import Foundation
import Testing

@Suite("Roster index")
struct RosterIndexTests {
    static func discharge(_ participant: inout Participant, on date: String) throws {
        try participant.discharge(
            Discharge(
                date: try LocalDate(date), type: .completed, summary: "Completed IOP.",
                aftercare: AftercarePlan(supportGroups: ["SMART Recovery"]), dischargedBy: "mgarcia"))
    }

    static func cravingOnly(_ id: CheckInID, of participant: ParticipantID, on date: String) throws -> CheckIn {
        try CheckIn(
            id: id, participant: participant, date: LocalDate(date), recordedBy: "mgarcia", phq9: nil, gad7: nil,
            craving: 6, substanceUse: nil, revision: ScratchCaseload.revision)
    }

    /// Each step saves something; the index must then list exactly these participants in care and
    /// these discharged ones still flagged, and equal a rebuild from the records.
    @Test("a discharged participant stays in the index while a safety flag is open")
    func dischargedWithOpenFlag() throws {
        let caseload = try ScratchCaseload()
        let store = caseload.store
        func expectIndex(inCare: [ParticipantID], flagged: [ParticipantID], _ step: String) throws {
            let entries = try store.rosterIndex()
            #expect(try store.roster().map(\.id) == inCare, Comment(rawValue: step))
            #expect(entries.filter { !$0.isInCare }.map(\.id) == flagged, Comment(rawValue: step))
            #expect(entries == store.rosterIndexFromRecords(keeping: nil).entries, Comment(rawValue: step))
        }
        var flaggedPerson = try store.add(ScratchCaseload.participant("P-0001"), action: .participantAdd, by: "mgarcia").record
        var quietPerson = try store.add(ScratchCaseload.participant("P-0002"), action: .participantAdd, by: "mgarcia").record
        let flagged = try store.add(
            ScratchCaseload.checkIn("C-20261110-aaaaaa", of: "P-0001", on: "2026-11-10", itemNine: 1),
            action: .checkInAdd, by: "mgarcia").record
        try expectIndex(inCare: ["P-0001", "P-0002"], flagged: [], "both in care")

        try Self.discharge(&flaggedPerson, on: "2026-11-20")
        try store.save(flaggedPerson, action: .participantDischarge, by: "mgarcia")
        try Self.discharge(&quietPerson, on: "2026-11-20")
        try store.save(quietPerson, action: .participantDischarge, by: "mgarcia")
        try expectIndex(inCare: [], flagged: ["P-0001"], "discharged, one with an open flag")

        var assessed = flagged
        try assessed.assessSafetyFlag(Fixture.assessment(.moderate, at: caseload.clock.now()))
        try store.save(assessed, action: .flagAcknowledge, by: "mgarcia")
        try expectIndex(inCare: [], flagged: [], "flag assessed after discharge")
    }

    @Test("a craving-only check-in is the latest check-in but moves no baseline and no due date")
    func cravingOnlyCheckIn() throws {
        let caseload = try ScratchCaseload()
        let store = caseload.store
        try store.add(ScratchCaseload.participant("P-0001"), action: .participantAdd, by: "mgarcia")
        try store.add(ScratchCaseload.checkIn("C-20261103-aaaaaa", of: "P-0001", on: "2026-11-03"), action: .checkInAdd, by: "mgarcia")
        try store.add(try Self.cravingOnly("C-20261110-bbbbbb", of: "P-0001", on: "2026-11-10"), action: .checkInAdd, by: "mgarcia")

        let entry = try #require(try store.roster().first)
        #expect(entry.latestCheckIn?.id == "C-20261110-bbbbbb")
        #expect(entry.lastQuestionnaire == (try LocalDate("2026-11-03")))
        #expect(entry.phq9?.baseline.checkIn == "C-20261103-aaaaaa")
        #expect(entry == store.rosterIndexFromRecords(keeping: nil).entries.first)
    }

    @Test("an index written by an earlier version is rebuilt, not reported as damaged")
    func olderIndexIsRebuilt() throws {
        let caseload = try ScratchCaseload()
        let store = caseload.store
        try store.add(ScratchCaseload.participant("P-0001"), action: .participantAdd, by: "mgarcia")
        let expected = try store.roster()
        // The shape version 1 wrote: one level of care and one baseline of any kind.
        try caseload.scratch.plant("index/roster.json", """
            {"schemaVersion": 1, "entries": [{"id": "P-0001", "firstName": "Ada", "lastName": "Quill",
             "levelOfCare": "iop", "track": "co-occurring", "status": "active", "primaryCounselor": "mgarcia",
             "admissionDate": "2026-11-02", "openSafetyFlags": [], "participantRevision": 1}]}
            """)

        let finding = try store.check().findings.first { $0.kind == .index }
        #expect(finding?.description.contains("earlier version of Caseload") == true)
        #expect(try store.roster() == expected)
        let rebuilt = try #require(caseload.scratch.bytes("index/roster.json"))
        #expect(try RecordCoding.schemaVersion(of: rebuilt) == RosterIndex.schemaVersion)
        #expect(try store.check().isHealthy)
    }
}
#endif
