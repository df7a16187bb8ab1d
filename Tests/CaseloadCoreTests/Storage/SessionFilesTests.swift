@testable import CaseloadCore
import Foundation
import Testing

@Suite("Sessions on disk: a file for the session, each note and the narrative")
struct SessionFilesTests {
    typealias Fixture = UseCaseCaseload

    static let week = "sessions/2026-W47"

    /// The top-level JSON object of a file in the scratch folder.
    static func object(_ fixture: Fixture, _ relative: String) throws -> [String: Any] {
        let bytes = try #require(fixture.scratch.bytes(relative))
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    /// Every non-read audit line, as (action, kind, record, revision).
    static func lines(_ fixture: Fixture) throws -> [String] {
        try AuditLog(dataFolder: fixture.store.folder).read(AuditMonth(containing: Fixture.now)).entries
            .filter { !$0.action.isRead }
            .map { "\($0.action) \($0.kind?.rawValue ?? "-") \($0.record) \($0.revision ?? 0)" }
    }

    @Test("a group's session, narrative and each note are files of their own, each with its revision and audit line")
    func layout() throws {
        let fixture = try Fixture()
        let id = try fixture.groupReadyToSign()
        #expect(fixture.scratch.names(in: Self.week) == ["\(id)", "\(id).json"])
        #expect(fixture.scratch.names(in: "\(Self.week)/\(id)") == ["P-0001.json", "P-0002.json", "narrative.json"])
        let session = try Self.object(fixture, "\(Self.week)/\(id).json")
        #expect(session["schemaVersion"] as? Int == 3)
        #expect(session["sharedNarrative"] == nil)
        #expect((session["members"] as? [[String: Any]])?.map { $0.keys.sorted() } == [["attendance", "participant"], ["attendance", "participant"]])
        let note = try Self.object(fixture, "\(Self.week)/\(id)/P-0001.json")
        #expect(note["schemaVersion"] as? Int == 1)
        #expect(note["participant"] as? String == "P-0001")
        #expect(((note["note"] as? [String: Any])?["sections"] as? [String: String])?["data"] == "P-0001 named a trigger.")
        let narrative = try Self.object(fixture, "\(Self.week)/\(id)/narrative.json")
        #expect(narrative["text"] as? String == "Members practiced urge surfing.")
        #expect(narrative["contributors"] as? [String] == ["mgarcia"])

        #expect(
            try Self.lines(fixture).suffix(4) == [
                "session.add session \(id) 1", "narrative.write narrative \(id) 1", "note.write note \(id).P-0001 1",
                "note.write note \(id).P-0002 1",
            ])
        let read = try fixture.caseload.session(id)
        #expect(read.revision.number == 1)
        #expect(read.narrativeRevision?.number == 1)
        #expect(read.members.map { $0.noteRevision?.number } == [1, 1])
        #expect(read.editBase(of: .note("P-0001")) == .revision(1))
        #expect(read.editBase(of: .narrative) == .revision(1))
        #expect(try fixture.store.check().isHealthy)
    }

    @Test("two writers on different members, the narrative and the attendance all land; the same note twice is stale")
    func eachPartItsOwnRevision() throws {
        let fixture = try Fixture()
        let store = fixture.store
        let id = try fixture.groupReadyToSign()
        // Four editors open the session at the same moment.
        let opened = try store.session(id)
        var first = opened
        try first.writeNote(of: "P-0001", format: .dap, section: "plan", text: "Call sponsor daily.", by: "mgarcia", at: Fixture.now)
        var second = opened
        try second.writeNote(of: "P-0002", format: .dap, section: "plan", text: "Attend two meetings.", by: "mgarcia", at: Fixture.now)
        var third = opened
        try third.writeSharedNarrative("Members practiced urge surfing and box breathing.", by: "mgarcia")
        var fourth = opened
        fourth.members[1].attendance = Attendance(status: .late, minutesAttended: 60)

        try store.save(first, changing: [.note("P-0001")], action: .noteWrite, by: "mgarcia")
        try store.save(second, changing: [.note("P-0002")], action: .noteWrite, by: "mgarcia")
        try store.save(third, changing: [.narrative], action: .narrativeWrite, by: "mgarcia")
        try store.save(fourth, changing: [.session], action: .attendanceEdit, by: "mgarcia")

        let saved = try store.session(id)
        #expect(saved.member("P-0001")?.note?.sections["plan"] == "Call sponsor daily.")
        #expect(saved.member("P-0002")?.note?.sections["plan"] == "Attend two meetings.")
        #expect(saved.sharedNarrative == "Members practiced urge surfing and box breathing.")
        #expect(saved.member("P-0002")?.attendance == Attendance(status: .late, minutesAttended: 60))
        #expect(saved.revision.number == 2)
        #expect(saved.narrativeRevision?.number == 2)
        #expect(saved.members.map { $0.noteRevision?.number } == [2, 2])

        // A fifth editor, opened with the others, writes P-0001's note: someone saved it since.
        var fifth = opened
        try fifth.writeNote(of: "P-0001", format: .dap, section: "plan", text: "Keep a sleep log.", by: "jlee", at: Fixture.now)
        let error = #expect(throws: StoreError.self) { try store.save(fifth, changing: [.note("P-0001")], action: .noteWrite, by: "jlee") }
        guard case .staleRecord(let path, let changedBy, _, let kept) = error else {
            Issue.record("expected a stale refusal, got \(String(describing: error))")
            return
        }
        #expect(path.relative == "\(Self.week)/\(id)/P-0001.json")
        #expect(changedBy == "mgarcia")
        #expect(kept.relative.hasPrefix("conflicts/note-\(id).P-0001-"))
        // Without naming what it changes, an older copy's other records look changed: refused, not guessed.
        #expect(throws: StoreError.self) { try store.save(second, action: .noteWrite, by: "mgarcia") }
        #expect(try store.check().isHealthy)
    }

    @Test("a damaged note file is named and stays out of the way of the rest of the session")
    func damageStaysWithTheNote() throws {
        let fixture = try Fixture()
        let id = try fixture.groupReadyToSign()
        let broken = "\(Self.week)/\(id)/P-0002.json"
        try fixture.scratch.plant(broken, "{\"schemaVersion\": 1, \"note\": ")
        let week = fixture.store.sessions(in: ISOWeek(year: 2026, week: 47))
        #expect(week.damaged.map(\.file.relative) == [broken])
        #expect(week.records.first?.member("P-0001")?.note != nil)
        #expect(week.records.first?.member("P-0002")?.note == nil)
        // A single session is read whole or not at all, naming the file.
        #expect(throws: StoreError.self) { try fixture.store.session(id) }
        // Writing another member's note goes ahead; this member's is refused, naming the file.
        _ = try fixture.caseload.writeNote(in: id, for: "P-0001", sections: ["plan": "Keep a sleep log."], by: "mgarcia")
        let refusal = refusalMessage { () throws(CaseloadError) in
            try fixture.caseload.writeNote(in: id, for: "P-0002", sections: ["plan": "Keep a sleep log."], by: "mgarcia")
        }
        #expect(refusal?.hasPrefix("\(broken) ends unexpectedly") == true)
        // The note search index, which cannot take in a session with a file it cannot read, is left behind and named too.
        let findings = try fixture.store.check().findings
        #expect(findings.map(\.file) == [broken, NoteIndex.relativePath])
        #expect(findings.first?.kind == .damaged)
    }

    @Test("check names notes no session shows: a folder without its session file, a note for someone not on the list")
    func strayNotes() throws {
        let fixture = try Fixture()
        let id = try fixture.groupReadyToSign()
        let stray = try MemberNoteFile(
            session: id, participant: "P-0004", revision: fixture.store.session(id).revision,
            note: Note(format: .free, author: "mgarcia", at: Fixture.now, sections: ["note": "Attended."]))
        try fixture.scratch.plant(try stray.relativePath(), try RecordCoding.encode(stray, schemaVersion: 1))
        try fixture.scratch.plant("\(Self.week)/S-20261119-0900-zzzzzz/P-0001.json", "{}")
        let findings = try fixture.store.check().findings.filter { $0.kind == .reference }
        #expect(
            findings.map(\.description) == [
                "\(Self.week)/S-20261119-0900-zzzzzz holds notes of a session that has no file "
                    + "(\(Self.week)/S-20261119-0900-zzzzzz.json); restore that file from a backup, or the notes are not shown anywhere.",
                "\(Self.week)/\(id)/P-0004.json is a note for P-0004, who is not on the attendance list of session \(id), so it "
                    + "is not shown; restore the session file from a backup, or add them to the session with "
                    + "`caseload session add-member`.",
            ])
        #expect(try fixture.store.session(id).member("P-0004") == nil)
    }
}
