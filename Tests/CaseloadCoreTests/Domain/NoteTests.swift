import Foundation
import Testing

@testable import CaseloadCore

@Suite("Note lifecycle")
struct NoteTests {
    let supervisor = Staff(
        id: "lchen", displayName: "Lin Chen", credentials: "LPC-S", role: .supervisor,
        revision: Fixture.revision)

    func draft() -> Note {
        Note(format: .dap, author: Fixture.counselor, at: Fixture.time)
    }

    @Test("Draft → signed → read-only, corrections as dated addenda")
    func lifecycle() throws {
        var note = draft()
        #expect(throws: DomainError.noteEmpty) { try note.sign(by: Fixture.counselorStaff, at: Fixture.time) }
        try note.edit(section: "data", text: "Engaged in role-play.", by: Fixture.counselor, at: Fixture.time)
        #expect(throws: DomainError.noteNotSigned) {
            try note.addAddendum("Late entry", by: Fixture.counselorStaff, at: Fixture.time)
        }
        try note.sign(by: Fixture.counselorStaff, at: Fixture.time)
        #expect(note.status == .signed)
        #expect(throws: DomainError.noteIsSigned) {
            try note.edit(section: "data", text: "Changed", by: Fixture.counselor, at: Fixture.time)
        }
        #expect(throws: DomainError.noteIsSigned) { try note.sign(by: Fixture.counselorStaff, at: Fixture.time) }
        let later = Fixture.time.addingTimeInterval(3600)
        try note.addAddendum("Participant called to clarify.", by: Fixture.counselorStaff, at: later)
        #expect(note.addenda.map(\.at) == [later])
        #expect(note.sections["data"] == "Engaged in role-play.")
    }

    @Test("Co-signature: only on a signed note, once (who may co-sign is the Permissions table's rule)")
    func coSignature() throws {
        var note = draft()
        try note.edit(section: "plan", text: "Continue IOP.", by: Fixture.counselor, at: Fixture.time)
        #expect(throws: DomainError.noteNotSigned) { try note.coSign(by: supervisor, at: Fixture.time) }
        try note.sign(by: Fixture.counselorStaff, at: Fixture.time)
        try note.coSign(by: supervisor, at: Fixture.time)
        #expect(note.coSignature?.by == "lchen")
        #expect(throws: DomainError.noteAlreadyCoSigned) { try note.coSign(by: supervisor, at: Fixture.time) }
    }

    @Test("A signed group note keeps the narrative it was signed with")
    func groupNarrativeFrozen() throws {
        var session = Fixture.session(members: [Fixture.member(), Fixture.member("P-0002")])
        session.sharedNarrative = "Group practiced urge surfing."
        try session.writeNote(
            of: "P-0001", format: .dap, section: "data", text: "Shared a trigger.",
            by: Fixture.counselor, at: Fixture.time)
        try session.signNote(of: "P-0001", by: Fixture.counselorStaff, at: Fixture.time)
        session.sharedNarrative = "Edited later."
        let note = try #require(session.member("P-0001")?.note)
        #expect(note.signedSharedNarrative == "Group practiced urge surfing.")
        #expect(throws: DomainError.noNote("P-0002", session.id)) {
            try session.signNote(of: "P-0002", by: Fixture.counselorStaff, at: Fixture.time)
        }
        #expect(throws: DomainError.notAMember("P-0009", session.id)) {
            try session.signNote(of: "P-0009", by: Fixture.counselorStaff, at: Fixture.time)
        }
    }

    @Test("A schema-1 session still loads: its writer is the only contributor and signatures carry no line")
    func schemaOneSession() throws {
        var session = Fixture.session(members: [Fixture.member()])
        try session.writeNote(
            of: "P-0001", format: .free, section: "note", text: "Attended.", by: Fixture.counselor, at: Fixture.time)
        try session.signNote(of: "P-0001", by: Fixture.counselorStaff, at: Fixture.time)
        let bytes = try RecordCoding.encode(session, schemaVersion: Session.schemaVersion)
        // A build that knows only schema 1 would drop contributors and signature lines on its next save.
        #expect(throws: RecordProblem.newerSchemaVersion(found: Session.schemaVersion, newestSupported: 1)) {
            try RecordCoding.decode(Session.self, from: bytes, newestSchemaVersion: 1)
        }
        var object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        var members = try #require(object["members"] as? [[String: Any]])
        var note = try #require(members[0]["note"] as? [String: Any])
        var signature = try #require(note["signature"] as? [String: Any])
        signature["signedAs"] = nil
        note["signature"] = signature
        note["contributors"] = nil
        members[0]["note"] = note
        object["members"] = members
        object["schemaVersion"] = 1
        let old = [UInt8](try JSONSerialization.data(withJSONObject: object))
        let decoded = try RecordCoding.decode(Session.self, from: old, newestSchemaVersion: Session.schemaVersion)
        let loaded = try #require(decoded.record.member("P-0001")?.note)
        #expect(decoded.schemaVersion == 1)
        #expect(loaded.contributors == [Fixture.counselor])
        #expect(loaded.signature == Signature(by: Fixture.counselor, signedAs: nil, at: Fixture.time))
    }

    @Test(
        "Notes overdue once the due window after the session passes, until signed",
        arguments: [(23.0, false), (25.0, true)])
    func overdue(hoursAfterEnd: Double, overdue: Bool) throws {
        var session = Fixture.session(start: "09:00", minutes: 60, members: [Fixture.member(minutes: 60)])
        let end = session.endsAt(in: Fixture.settings.timeZone)
        let now = end.addingTimeInterval(hoursAfterEnd * 3600)
        #expect(!NoteDeadline.overdue(in: [session], settings: Fixture.settings, now: now).isEmpty == overdue)
        try session.writeNote(
            of: "P-0001", format: .free, section: "note", text: "Attended.", by: Fixture.counselor,
            at: Fixture.time)
        try session.signNote(of: "P-0001", by: Fixture.counselorStaff, at: Fixture.time)
        #expect(NoteDeadline.overdue(in: [session], settings: Fixture.settings, now: now).isEmpty)
    }

    @Test("Session rules refuse impossible attendance lists")
    func sessionValidation() {
        #expect(throws: DomainError.individualSessionHasOneParticipant(2)) {
            try Session(
                id: "S-1", kind: .individual, date: Fixture.date("2026-11-20"),
                startTime: try LocalTime("10:00"), durationMinutes: 50, facilitators: ["mgarcia"],
                topic: nil, members: [Fixture.member(minutes: 50), Fixture.member("P-0002", minutes: 50)],
                revision: Fixture.revision)
        }
        #expect(throws: DomainError.minutesOutOfRange(participant: "P-0001", minutes: 90, duration: 50)) {
            try Session(
                id: "S-1", kind: .individual, date: Fixture.date("2026-11-20"),
                startTime: try LocalTime("10:00"), durationMinutes: 50, facilitators: ["mgarcia"],
                topic: nil, members: [Fixture.member(minutes: 90)], revision: Fixture.revision)
        }
        #expect(throws: DomainError.duplicateMember("P-0001")) {
            try Session(
                id: "S-1", kind: .group, date: Fixture.date("2026-11-20"),
                startTime: try LocalTime("10:00"), durationMinutes: 90, facilitators: ["mgarcia"],
                topic: "Coping skills", members: [Fixture.member(minutes: 90), Fixture.member(minutes: 90)],
                revision: Fixture.revision)
        }
    }
}

@Suite("Level of care and consent")
struct ParticipantTests {
    @Test("Transitions are dated, reasoned and in order")
    func transitions() throws {
        var participant = Fixture.participant(level: .php, admitted: "2026-10-01")
        try participant.changeLevelOfCare(
            to: .iop, on: Fixture.date("2026-10-29"), reason: "Met PHP goals", by: Fixture.counselor)
        #expect(participant.latestLevelOfCare == .iop)
        #expect(throws: DomainError.sameLevelOfCare(.iop, on: Fixture.date("2026-11-05"))) {
            try participant.changeLevelOfCare(
                to: .iop, on: Fixture.date("2026-11-05"), reason: "x", by: Fixture.counselor)
        }
        #expect(throws: DomainError.transitionBeforeCurrent(Fixture.date("2026-10-20"), current: Fixture.date("2026-10-29"))) {
            try participant.changeLevelOfCare(
                to: .op, on: Fixture.date("2026-10-20"), reason: "x", by: Fixture.counselor)
        }
        try participant.discharge(
            Discharge(
                date: Fixture.date("2026-11-20"), type: .completed, summary: "Completed IOP.",
                aftercare: AftercarePlan(supportGroups: ["SMART Recovery"]), dischargedBy: Fixture.counselor))
        #expect(participant.status == .discharged)
        #expect(throws: DomainError.participantDischarged("P-0001")) {
            try participant.changeLevelOfCare(
                to: .op, on: Fixture.date("2026-11-21"), reason: "x", by: Fixture.counselor)
        }
    }

    @Test(
        "Consent is current from signing until expiry or revocation",
        arguments: [
            ("2026-09-30", false), ("2026-10-01", true), ("2026-12-31", true), ("2027-01-01", false),
        ])
    func consent(day: String, current: Bool) {
        let consent = DisclosureConsent(
            recipient: "Lucía Núñez", purpose: "Family involvement", categories: [.attendance, .progress],
            signedOn: Fixture.date("2026-10-01"), expiresOn: Fixture.date("2026-12-31"))
        #expect(consent.isCurrent(on: Fixture.date(day)) == current)
    }

    @Test("A revoked consent stops disclosure on the day it was revoked")
    func revoked() {
        let consent = DisclosureConsent(
            recipient: "Lucía Núñez", purpose: "Family involvement", categories: DisclosureCategory.allCases,
            signedOn: Fixture.date("2026-10-01"), expiresOn: nil, revokedOn: Fixture.date("2026-11-10"))
        #expect(consent.isCurrent(on: Fixture.date("2026-11-09")))
        #expect(!consent.isCurrent(on: Fixture.date("2026-11-10")))
    }

    @Test("Age on a date", arguments: [("2026-05-16", 35), ("2026-05-17", 36)])
    func age(day: String, years: Int) {
        #expect(Fixture.participant().age(on: Fixture.date(day)) == years)
    }
}
