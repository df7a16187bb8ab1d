#if canImport(CaseloadStorage)
// The domain-aware store needs the domain types, so these tests build only inside CaseloadCore.
#else
@testable import CaseloadCore
import Foundation
import Glibc
import Testing

/// A clock tests move by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time = Date(timeIntervalSince1970: 1_795_395_900)  // 2026-11-23T01:05:00Z

    func now() -> Date { lock.withLock { time } }
    func advance(minutes: Double) { lock.withLock { time += minutes * 60 } }
}

/// A caseload in a scratch folder with two staff members and a controllable clock.
struct ScratchCaseload {
    let scratch: ScratchFolder
    let store: CaseloadStore
    let clock = TestClock()

    init(fileSystem: any FileSystem = PosixFileSystem()) throws {
        scratch = try ScratchFolder()
        let url = URL(fileURLWithPath: scratch.path)
        let clock = clock
        try CaseloadStore.create(at: url, programName: "Riverside IOP", timeZone: "America/Chicago", by: "admin", clock: Clock(clock.now))
        store = try CaseloadStore.open(at: url, fileSystem: fileSystem, clock: Clock(clock.now), lockTimeout: .milliseconds(300))
        try store.add(Self.staff("mgarcia"), action: .staffAdd, by: "admin")
        try store.add(Self.staff("jlee"), action: .staffAdd, by: "admin")
    }

    func advance(minutes: Double) { clock.advance(minutes: minutes) }

    static func staff(_ id: StaffID) -> Staff {
        Staff(id: id, displayName: "Staff \(id)", credentials: "LCSW", role: .counselor, revision: revision)
    }

    static func participant(_ id: ParticipantID, admitted: String = "2026-11-02") -> Participant {
        Participant(
            id: id, firstName: "\(SampleRecord.secretMarker)", lastName: "Quill", dateOfBirth: try! LocalDate("1990-04-01"),
            admissionDate: try! LocalDate(admitted), referralSource: "Self", track: .coOccurring, primaryCounselor: "mgarcia",
            levelOfCare: .iop, revision: revision)
    }

    static func checkIn(_ id: CheckInID, of participant: ParticipantID, on date: String, itemNine: Int = 0) -> CheckIn {
        try! CheckIn(
            id: id, participant: participant, date: LocalDate(date), recordedBy: "mgarcia",
            phq9: [1, 1, 2, 1, 0, 1, 1, 0, itemNine], gad7: [1, 1, 1, 1, 1, 1, 1], craving: 3,
            substanceUse: SubstanceUse(used: false), comment: "\(SampleRecord.secretMarker) felt better", revision: revision)
    }

    static func session(_ id: SessionID, on date: String, members: [ParticipantID]) -> Session {
        try! Session(
            id: id, kind: .group, date: LocalDate(date), startTime: LocalTime("09:00"), durationMinutes: 90,
            facilitators: ["mgarcia"], topic: "Coping skills",
            members: members.map { SessionMember(participant: $0, attendance: Attendance(status: .present, minutesAttended: 90)) },
            revision: revision)
    }

    static let revision = Revision(createdAt: Date(timeIntervalSince1970: 0), createdBy: "nobody")
}

@Suite("Caseload store")
struct CaseloadStoreTests {
    @Test("create makes a private caseload once, and refuses a folder holding other files")
    func createIsIdempotentAndCareful() throws {
        let scratch = try ScratchFolder()
        let url = URL(fileURLWithPath: scratch.path + "/caseload")
        #expect(try CaseloadStore.create(at: url, programName: "Riverside IOP", timeZone: "UTC", by: "admin"))
        #expect(try !CaseloadStore.create(at: url, programName: "Other", timeZone: "UTC", by: "admin"))
        #expect(try CaseloadStore.open(at: url).program().name == "Riverside IOP")

        // A folder holding someone's hidden file is theirs: refused, and left without a lock file.
        let other = URL(fileURLWithPath: scratch.path + "/with-profile")
        try scratch.plant("with-profile/.profile", "export X=1")
        #expect(throws: StoreError.folderNotEmpty(folder: other.path)) {
            try CaseloadStore.create(at: other, programName: "P", timeZone: "UTC", by: "admin")
        }
        #expect(scratch.names(in: "with-profile") == [".profile"])
        #expect(scratch.permissions("caseload/caseload.json") == 0o600)
        #expect(scratch.permissions("caseload") == 0o700)

        try scratch.plant("other/notes.txt", "x")
        #expect(throws: StoreError.folderNotEmpty(folder: scratch.path + "/other")) {
            try CaseloadStore.create(at: URL(fileURLWithPath: scratch.path + "/other"), programName: "P", timeZone: "UTC", by: "admin")
        }
        #expect(throws: StoreError.notACaseload(folder: scratch.path + "/other")) {
            try CaseloadStore.open(at: URL(fileURLWithPath: scratch.path + "/other"))
        }
        #expect(throws: StoreError.notACaseload(folder: scratch.path + "/missing")) {
            try CaseloadStore.open(at: URL(fileURLWithPath: scratch.path + "/missing"))
        }
    }

    @Test("add stamps revision 1, files the record by id, writes an id-only audit line and indexes the participant")
    func addParticipant() throws {
        let caseload = try ScratchCaseload()
        let store = caseload.store
        let id = try store.newParticipantID()
        #expect(id == "P-0001")

        let added = try store.add(ScratchCaseload.participant(id), action: .participantAdd, by: "mgarcia").record

        #expect(added.revision.number == 1)
        #expect(added.revision.createdBy == "mgarcia")
        #expect(added.revision.createdAt == Date(timeIntervalSince1970: 1_795_395_900))
        #expect(try store.participant(id) == added)
        #expect(try store.newParticipantID() == "P-0002")
        #expect(try store.roster() == [RosterEntry(participant: added, checkIns: [])])
        let audit = String(decoding: caseload.scratch.bytes("audit/2026-11.jsonl") ?? [], as: UTF8.self)
        let line = try #require(audit.split(separator: "\n").last { $0.contains(#""record":"P-0001""#) })
        #expect(line.hasPrefix(#"{"action":"participant.add","at":"2026-11-23T01:05:00Z","kind":"participant","line":"#))
        #expect(line.hasSuffix(#""record":"P-0001","revision":1,"staff":"mgarcia"}"#))
        #expect(!audit.contains(SampleRecord.secretMarker))
        let kept = store.folder.path("conflicts/participant-P-0001-20261123T010500Z.json")
        #expect(
            throws: StoreError.recordExists(
                kind: "participant", id: "P-0001", file: store.folder.path("participants/P-0001.json"), keptAt: kept)
        ) {
            try store.add(ScratchCaseload.participant(id), action: .participantAdd, by: "mgarcia")
        }
        #expect(try RecordReader().readRecordIfPresent(Participant.self, at: kept, newestSchemaVersion: Participant.schemaVersion)?.record.id == "P-0001")
    }

    @Test("a save from an old revision is refused, keeps the user's version in conflicts/, and leaves the file alone")
    func staleSaveIsRefusedAndKept() throws {
        let caseload = try ScratchCaseload()
        let store = caseload.store
        let opened = try store.add(ScratchCaseload.participant("P-0001"), action: .participantAdd, by: "mgarcia").record

        var theirs = opened
        theirs.phone = "555-0100"
        caseload.advance(minutes: 5)
        let saved = try store.save(theirs, action: .participantEdit, by: "jlee").record
        #expect(saved.revision.number == 2)
        #expect(saved.revision.updatedBy == "jlee")
        let onDisk = caseload.scratch.bytes("participants/P-0001.json")

        var mine = opened
        mine.pronouns = "they/them"
        caseload.advance(minutes: 1)
        let error = #expect(throws: StoreError.self) { try store.save(mine, action: .participantEdit, by: "mgarcia") }

        let kept = store.folder.path("conflicts/participant-P-0001-20261123T011100Z.json")
        #expect(
            error == .staleRecord(
                store.folder.path("participants/P-0001.json"), changedBy: "jlee",
                changedAt: Date(timeIntervalSince1970: 1_795_395_900 + 300), keptAt: kept))
        #expect(
            error?.description == "participants/P-0001.json was changed by jlee at 2026-11-23 01:10 UTC after you opened "
                + "it, so your save was refused and your version was kept in conflicts/participant-P-0001-20261123T011100Z.json; "
                + "reopen the record and apply your changes again.")
        #expect(caseload.scratch.bytes("participants/P-0001.json") == onDisk)
        let conflict = try #require(try RecordReader().readRecordIfPresent(Participant.self, at: kept, newestSchemaVersion: Participant.schemaVersion))
        #expect(conflict.record == mine)
        #expect(caseload.scratch.permissions("conflicts/participant-P-0001-20261123T011100Z.json") == 0o600)
    }

    @Test("a save over a removed or damaged record is refused with the user's version kept")
    func saveOverMissingOrDamagedRecord() throws {
        let caseload = try ScratchCaseload()
        let store = caseload.store
        let opened = try store.add(ScratchCaseload.participant("P-0001"), action: .participantAdd, by: "mgarcia").record

        try caseload.scratch.plant("participants/P-0001.json", "{\"schemaVersion\": 1,")
        let damaged = #expect(throws: StoreError.self) { try store.save(opened, action: .participantEdit, by: "mgarcia") }
        guard case .saveRefused(_, .invalidJSON?, let kept)? = damaged else {
            Issue.record("expected a refusal naming the damage, got \(String(describing: damaged))")
            return
        }
        #expect(try RecordReader().readRecordIfPresent(Participant.self, at: kept, newestSchemaVersion: Participant.schemaVersion)?.record == opened)

        unlink(caseload.scratch.path + "/participants/P-0001.json")
        caseload.advance(minutes: 1)
        let removed = #expect(throws: StoreError.self) { try store.save(opened, action: .participantEdit, by: "mgarcia") }
        guard case .saveRefused(_, nil, _)? = removed else {
            Issue.record("expected a refusal for a removed file, got \(String(describing: removed))")
            return
        }
        #expect(removed?.description.hasPrefix("participants/P-0001.json was removed after you opened it") == true)
    }

    @Test("one damaged file is named and the rest still load")
    func damagedFileDoesNotHideTheRest() throws {
        let caseload = try ScratchCaseload()
        let store = caseload.store
        for number in 1...3 {
            try store.add(ScratchCaseload.participant(RecordIDs.participant(number: number)), action: .participantAdd, by: "mgarcia")
        }
        try caseload.scratch.plant("participants/P-0002.json", "")
        try caseload.scratch.plant("participants/P-0009.json", String(decoding: try RecordCoding.encode(ScratchCaseload.participant("P-0003"), schemaVersion: 1), as: UTF8.self))

        let loaded = store.participants()

        #expect(loaded.records.map(\.id) == ["P-0001", "P-0003"])
        #expect(
            loaded.damaged == [
                RecordDamage(store.folder.path("participants/P-0002.json"), .empty),
                RecordDamage(store.folder.path("participants/P-0009.json"), .misfiled(expectedPath: "participants/P-0003.json")),
            ])
        #expect(loaded.damaged.allSatisfy { !$0.description.contains(SampleRecord.secretMarker) })
    }

    @Test("ids that are not file-safe are refused before anything is written", arguments: ["../escape", "P 1", ".hidden", ""])
    func unsafeIdsAreRefused(id: String) throws {
        let caseload = try ScratchCaseload()
        #expect(throws: StoreError.invalidRecordID(kind: "participant", id: id)) {
            try caseload.store.add(ScratchCaseload.participant(ParticipantID(id)), action: .participantAdd, by: "mgarcia")
        }
        #expect(throws: StoreError.invalidRecordID(kind: "participant", id: id)) {
            try caseload.store.participant(ParticipantID(id))
        }
        #expect(caseload.scratch.names(in: "participants").isEmpty)
    }

    @Test("sessions are filed under the ISO week of their id's date and read by week range")
    func sessionsByWeek() throws {
        let caseload = try ScratchCaseload()
        let store = caseload.store
        try store.add(ScratchCaseload.participant("P-0001"), action: .participantAdd, by: "mgarcia")
        let monday = try store.newSessionID(date: LocalDate("2026-11-16"), time: LocalTime("09:00"))
        let sunday = try store.newSessionID(date: LocalDate("2026-11-22"), time: LocalTime("09:00"))
        let next = try store.newSessionID(date: LocalDate("2026-11-23"), time: LocalTime("09:00"))
        #expect(monday.rawValue.hasPrefix("S-20261116-0900-") && monday.rawValue.count == 22)
        for (id, date) in [(monday, "2026-11-16"), (sunday, "2026-11-22"), (next, "2026-11-23")] {
            try store.add(ScratchCaseload.session(id, on: date, members: ["P-0001"]), action: .sessionAdd, by: "mgarcia")
        }

        #expect(caseload.scratch.names(in: "sessions") == ["2026-W47", "2026-W48"])
        #expect(store.sessions(in: ISOWeek(year: 2026, week: 47)).records.map(\.id).sorted() == [monday, sunday].sorted())
        #expect(try store.sessions(from: LocalDate("2026-11-22"), through: LocalDate("2026-11-23")).records.map(\.id).sorted() == [sunday, next].sorted())
        #expect(try store.session(next).date == LocalDate("2026-11-23"))
        #expect(store.allSessions().records.count == 3)
    }

    @Test("the roster index follows adds, edits, check-ins and discharge, and always equals a rebuild")
    func rosterIndexStaysExact() throws {
        let caseload = try ScratchCaseload()
        let store = caseload.store
        let first = try store.add(ScratchCaseload.participant("P-0001"), action: .participantAdd, by: "mgarcia").record
        try store.add(ScratchCaseload.participant("P-0002"), action: .participantAdd, by: "mgarcia")
        func expectIndexMatchesRecords(_ step: String) throws {
            #expect(try store.readRosterIndex() == store.rosterIndexFromRecords(keeping: nil), Comment(rawValue: step))
        }

        try store.add(ScratchCaseload.checkIn("C-20261110-aaaaaa", of: "P-0001", on: "2026-11-10"), action: .checkInAdd, by: "mgarcia")
        try expectIndexMatchesRecords("first check-in")
        try store.add(ScratchCaseload.checkIn("C-20261103-bbbbbb", of: "P-0001", on: "2026-11-03"), action: .checkInAdd, by: "mgarcia")
        try expectIndexMatchesRecords("earlier check-in becomes the baseline")
        let flagged = try store.add(
            ScratchCaseload.checkIn("C-20261117-cccccc", of: "P-0001", on: "2026-11-17", itemNine: 2), action: .checkInAdd, by: "mgarcia").record
        try expectIndexMatchesRecords("latest check-in with a safety flag")
        try store.add(ScratchCaseload.checkIn("C-20261105-dddddd", of: "P-0001", on: "2026-11-05", itemNine: 1), action: .checkInAdd, by: "mgarcia")
        try expectIndexMatchesRecords("older check-in with a safety flag")

        var assessed = flagged
        try assessed.assessSafetyFlag(Fixture.assessment(.high, at: Date(timeIntervalSince1970: 1_795_395_960)))
        try store.save(assessed, action: .flagAcknowledge, by: "mgarcia")
        try expectIndexMatchesRecords("flag assessed as high risk, awaiting review")
        #expect(try store.rosterIndex().first { $0.id == "P-0001" }?.openSafetyFlags.contains(flagged.id) == true)

        var reviewed = try store.checkIn(flagged.id, of: "P-0001")
        try reviewed.reviewRiskAssessment(SupervisorReview(by: "lchen", at: Date(timeIntervalSince1970: 1_795_396_960)))
        try store.save(reviewed, action: .flagReview, by: "lchen")
        try expectIndexMatchesRecords("high-risk assessment reviewed")
        #expect(try store.rosterIndex().first { $0.id == "P-0001" }?.openSafetyFlags.contains(flagged.id) == false)

        var moved = try store.checkIn("C-20261117-cccccc", of: "P-0001")
        moved.date = try LocalDate("2026-11-01")
        try store.save(moved, action: .checkInEdit, by: "mgarcia")
        try expectIndexMatchesRecords("latest check-in moved before the baseline")

        var edited = first
        edited.preferredName = "Zeb"
        try store.save(edited, action: .participantEdit, by: "mgarcia")
        try expectIndexMatchesRecords("participant edited")

        var discharged = try store.participant("P-0002")
        discharged.status = .discharged
        try store.save(discharged, action: .participantDischarge, by: "mgarcia")
        try expectIndexMatchesRecords("participant discharged")
        #expect(try store.roster().map(\.id) == ["P-0001"])
    }

    @Test("a missing or damaged roster index is rebuilt from the records")
    func rosterIndexIsRebuilt() throws {
        let caseload = try ScratchCaseload()
        let store = caseload.store
        try store.add(ScratchCaseload.participant("P-0001"), action: .participantAdd, by: "mgarcia")
        let expected = try store.roster()

        unlink(caseload.scratch.path + "/index/roster.json")
        #expect(try store.roster() == expected)
        #expect(caseload.scratch.bytes("index/roster.json") != nil)

        try caseload.scratch.plant("index/roster.json", "{\"schemaVersion\": 1, \"entries\": [")
        let before = store.changeStamp()
        #expect(try store.roster() == expected)
        #expect(store.changeStamp() != before)
    }

    @Test("when the index cannot be written the record is still saved, with a warning that says so")
    func indexFailureAfterSave() throws {
        let faulty = FaultyFileSystem()
        let caseload = try ScratchCaseload(fileSystem: faulty)
        faulty.fail(.rename, onCall: faulty.calls(of: .rename) + 2, with: ENOSPC)  // the record's rename, then the index's

        let saved = try caseload.store.add(ScratchCaseload.participant("P-0001"), action: .participantAdd, by: "mgarcia")

        #expect(saved.warnings == [.rosterIndexNotUpdated(caseload.store.folder.path("participants/P-0001.json"), .diskFull)])
        #expect(
            saved.warnings.first?.description == "participants/P-0001.json was saved, but the roster index could not be "
                + "updated because the disk is full; it will be rebuilt the next time the roster is read, or now with "
                + "`caseload check --repair`.")
        #expect(try caseload.store.participant("P-0001").id == "P-0001")
        #expect(try caseload.store.check().findings.map(\.kind) == [.index])
    }

    @Test("a second writer waits for the lock and then gives up with a clear message")
    func writersExcludeEachOther() throws {
        let caseload = try ScratchCaseload()
        let held = try caseload.store.folder.lockForWriting()
        #expect(throws: StoreError.lockTimedOut(folder: caseload.scratch.path)) {
            try caseload.store.add(ScratchCaseload.participant("P-0001"), action: .participantAdd, by: "mgarcia")
        }
        held.release()
        try caseload.store.add(ScratchCaseload.participant("P-0001"), action: .participantAdd, by: "mgarcia")
    }

    @Test("check reports damage, broken references, leftovers and index drift; repair fixes only derived files")
    func checkAndRepair() throws {
        let caseload = try ScratchCaseload()
        let store = caseload.store
        try store.add(ScratchCaseload.participant("P-0001"), action: .participantAdd, by: "mgarcia")
        try store.add(ScratchCaseload.checkIn("C-20261110-aaaaaa", of: "P-0001", on: "2026-11-10"), action: .checkInAdd, by: "mgarcia")
        #expect(try store.check().isHealthy)

        var orphan = ScratchCaseload.participant("P-0002")
        orphan.primaryCounselor = "ghost"
        try caseload.scratch.plant("participants/P-0002.json", try RecordCoding.encode(orphan, schemaVersion: 1))
        try caseload.scratch.plant("staff/broken.json", "{")
        try caseload.scratch.plant("checkins/P-0001/.C-20261111-zzzzzz.json.tmp-1-00000000", "{")
        let brokenBefore = caseload.scratch.bytes("staff/broken.json")

        let report = try store.check()

        #expect(!report.isHealthy)
        #expect(
            Set(report.findings.map(\.kind)) == [.damaged, .reference, .leftover, .index, .audit])
        #expect(report.findings.contains { $0.file == "staff/broken.json" && $0.kind == .damaged })
        #expect(report.findings.contains { $0.description == "participants/P-0002.json names the counselor ghost, who is not in this caseload; restore the missing record from a backup or correct the reference." })
        #expect(report.findings.contains { $0.description == "index/roster.json lacks the participant P-0002; run `caseload check --repair` to rebuild it from the records." })
        #expect(report.findings.contains { $0.file == "participants/P-0002.json" && $0.kind == .audit })
        #expect(report.summary == "Checked 7 record files: 5 problems found, listed above.")
        #expect(report.findings.allSatisfy { !$0.description.contains(SampleRecord.secretMarker) })

        let repaired = try store.check(repair: true)

        #expect(repaired.repairs.count == 2)
        #expect(Set(repaired.findings.map(\.kind)) == [.damaged, .reference, .audit])
        #expect(try store.check().findings.count == 3)
        #expect(caseload.scratch.bytes("staff/broken.json") == brokenBefore)
        let json = String(decoding: try RecordCoding.makeEncoder().encode(repaired), as: UTF8.self)
        #expect(json.contains("\"healthy\" : false"))
    }

    @Test("many files are read and decoded on every core, yet come back in name order with damage named where it is")
    func manyFilesInOrder() throws {
        let caseload = try ScratchCaseload()
        let store = caseload.store
        try store.add(ScratchCaseload.participant("P-0001"), action: .participantAdd, by: "mgarcia")
        let bulk = try BulkWriter(store: store, by: "demo")
        // Well past the few files a load reads on the calling thread, one at a time.
        let ids = (1...700).map { CheckInID("C-20261103-n\(1000 + $0)") }
        for id in ids { try bulk.write(ScratchCaseload.checkIn(id, of: "P-0001", on: "2026-11-03")) }
        try bulk.finish()
        let damaged = "checkins/P-0001/C-20261103-n1350.json"
        try caseload.scratch.plant(damaged, "{\"id\": ")

        for _ in 0..<3 {
            let loaded = store.checkIns(of: "P-0001")
            #expect(loaded.records.map(\.id) == ids.filter { $0 != "C-20261103-n1350" })
            #expect(loaded.damaged.map(\.file.relative) == [damaged])
        }
        let report = try store.check()
        #expect(report.findings.filter { $0.kind == .damaged }.map(\.file) == [damaged])
    }

    @Test("the bulk writer writes records without per-file fsync and an index equal to a rebuild")
    func bulkWriter() throws {
        let faulty = FaultyFileSystem()
        let caseload = try ScratchCaseload(fileSystem: faulty)
        let store = caseload.store
        let syncsBefore = faulty.calls(of: .sync)
        let bulk = try BulkWriter(store: store, by: "demo")
        for number in 1...20 {
            var participant = ScratchCaseload.participant(RecordIDs.participant(number: number))
            if number % 5 == 0 { participant.status = .discharged }
            try bulk.write(participant)
            for day in ["03", "10", "17"] {
                try bulk.write(
                    ScratchCaseload.checkIn(
                        CheckInID("C-202611\(day)-p\(number)d\(day)"), of: participant.id, on: "2026-11-\(day)", itemNine: day == "10" ? 1 : 0))
            }
        }
        #expect(faulty.calls(of: .sync) == syncsBefore)

        try bulk.finish()

        #expect(bulk.recordsWritten == 80)
        #expect(faulty.calls(of: .syncFileSystem) == 1)
        #expect(try store.readRosterIndex() == store.rosterIndexFromRecords(keeping: nil))
        #expect(try store.roster().count == 16)
        #expect(try store.check().isHealthy)
    }
}
#endif
