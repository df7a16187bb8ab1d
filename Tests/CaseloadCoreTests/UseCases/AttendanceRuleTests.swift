@testable import CaseloadCore
import Foundation
import Testing

@Suite("Changing attendance and adding a member after the session was recorded")
struct AttendanceRuleTests {
    typealias Fixture = UseCaseCaseload

    static let notFacilitator = "Only a facilitator of this session can change its attendance; "

    @Test(
        "Attendance is changed by a facilitator, as recording it would have it",
        arguments: [
            ("mgarcia", "P-0001", AttendanceStatus.late, 45, nil),
            ("mgarcia", "P-0001", .leftEarly, 90, nil),
            ("mgarcia", "P-0001", .unexcused, nil, nil),
            ("mgarcia", "P-0001", .late, nil, "P-0001 is marked late: give the minutes they attended, 1 to 90."),
            ("mgarcia", "P-0001", .late, 91, "P-0001 can attend 1 to 90 minutes of this 90-minute session; 91 was given."),
            ("mgarcia", "P-0001", .present, 45,
             "P-0001 is marked present, which means the whole 90 minutes; mark them late or left-early to record 45 minutes."),
            ("mgarcia", "P-0001", .excused, 10,
             "P-0001 is marked excused absence, which counts no minutes; 10 was given. Mark them late or left-early if they attended part of the session."),
            ("mgarcia", "P-0001", .present, nil, "Nothing to change: no option was given, or the record already says that."),
            ("mgarcia", "P-0004", .late, 45, "P-0004 is not on the attendance list of session {session}."),
            ("jlee", "P-0001", .late, 45, notFacilitator + "jlee is not one of its facilitators."),
            ("lchen", "P-0001", .late, 45, notFacilitator + "lchen is not one of its facilitators."),
            ("admin", "P-0001", .late, 45, notFacilitator + "admin is an administrator."),
            ("kold", "P-0001", .late, 45,
             "kold is no longer an active staff member; act as someone else with --as, or ask an administrator to reactivate them."),
        ] as [(StaffID, ParticipantID, AttendanceStatus, Int?, String?)])
    func setAttendance(actor: StaffID, participant: ParticipantID, status: AttendanceStatus, minutes: Int?, refused: String?) throws {
        let fixture = try Fixture()
        let session = try fixture.record(Fixture.request(members: [.init("P-0001"), .init("P-0002")])).record.id
        let message = refusalMessage { () throws(CaseloadError) in
            try fixture.caseload.setAttendance(in: session, for: participant, status: status, minutes: minutes, by: actor)
        }
        #expect(message == refused?.replacingOccurrences(of: "{session}", with: session.rawValue))
        if refused == nil {
            let member = try fixture.caseload.session(session).member(participant)
            #expect(member?.attendance == Attendance(status: status, minutesAttended: minutes ?? 0))
        }
    }

    @Test("A member whose note is signed keeps that attendance; the others' change alone, their notes untouched")
    func signedNoteKeepsItsAttendance() throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let session = try fixture.groupReadyToSign()
        _ = try caseload.signNote(in: session, for: "P-0001", by: "mgarcia")
        let before = try caseload.session(session)
        #expect(
            refusalMessage { () throws(CaseloadError) in
                try caseload.setAttendance(in: session, for: "P-0001", status: .late, minutes: 45, by: "mgarcia")
            } == "P-0001's note is signed, and the attendance it records is part of what was signed; add a dated addendum to the note instead.")
        let after = try caseload.setAttendance(in: session, for: "P-0002", status: .late, minutes: 45, by: "mgarcia").record
        #expect(after.members.map(\.note) == before.members.map(\.note))
        #expect(after.members.map(\.noteRevision) == before.members.map(\.noteRevision))
        #expect(after.revision.number == before.revision.number + 1)
        #expect(try SessionFilesTests.lines(fixture).last == "attendance.edit session \(session) 2")
    }

    @Test("Marking someone as attending is refused while they attended an overlapping session, unless it was a pull-out")
    func overlap() throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let morning = try fixture.record(Fixture.request(members: [.init("P-0001"), .init("P-0004", .unexcused)])).record.id
        let other = try fixture.record(Fixture.request(.individual, at: "09:30", minutes: 50, members: [.init("P-0004")])).record.id
        #expect(
            refusalMessage { () throws(CaseloadError) in
                try caseload.setAttendance(in: morning, for: "P-0004", status: .late, minutes: 30, by: "mgarcia")
            } == "P-0004 is already in session \(other) at an overlapping time; if they stepped out of it for this one, record it as a pull-out (--allow-overlap).")
        _ = try caseload.setAttendance(in: morning, for: "P-0004", status: .late, minutes: 30, allowOverlap: true, by: "mgarcia")
    }

    @Test(
        "A member is added by a facilitator, within their stay, to a group or family session",
        arguments: [
            ("mgarcia", AttendanceRequest("P-0004"), SessionKind.group, nil),
            ("mgarcia", AttendanceRequest("P-0004", .late, minutes: 40), .group, nil),
            ("mgarcia", AttendanceRequest("P-0004", .late), .group, "P-0004 is marked late: give the minutes they attended, 1 to 90."),
            ("mgarcia", AttendanceRequest("P-0001"), .group,
             "P-0001 is already on the attendance list of session {session}; change their attendance instead (`caseload session attendance`)."),
            ("mgarcia", AttendanceRequest("P-0003"), .group,
             "Attendance on 2026-11-20 would come after P-0003's discharge on 2026-11-10; readmit them first if they have returned to care."),
            ("mgarcia", AttendanceRequest("P-0099"), .group,
             "There is no participant P-0099 in this caseload; `caseload participant list --all` lists them."),
            ("mgarcia", AttendanceRequest("P-0004"), .individual, "An individual session has exactly one participant; 2 were given."),
            ("jlee", AttendanceRequest("P-0004"), .group, "Only a facilitator of this session can add a member to it; jlee is not one of its facilitators."),
            ("admin", AttendanceRequest("P-0004"), .group, "Only a facilitator of this session can add a member to it; admin is an administrator."),
        ] as [(StaffID, AttendanceRequest, SessionKind, String?)])
    func addMember(actor: StaffID, attendance: AttendanceRequest, kind: SessionKind, refused: String?) throws {
        let fixture = try Fixture()
        let session = try fixture.record(Fixture.request(kind, members: [.init("P-0001")])).record.id
        let message = refusalMessage { () throws(CaseloadError) in
            try fixture.caseload.addMember(to: session, attendance, by: actor)
        }
        #expect(message == refused?.replacingOccurrences(of: "{session}", with: session.rawValue))
        if refused == nil {
            #expect(try fixture.caseload.session(session).members.map(\.participant) == ["P-0001", attendance.participant])
        }
    }

    @Test("A late arrival is added after the others' notes are signed; no other note or signature changes, and theirs is written and signed")
    func lateArrivalAfterSigning() throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let session = try fixture.groupReadyToSign()
        _ = try caseload.signReadyNotes(in: session, by: "mgarcia")
        let signed = try caseload.session(session)
        let added = try caseload.addMember(to: session, AttendanceRequest("P-0004", .late, minutes: 30), by: "mgarcia").record
        #expect(Array(added.members.prefix(2)) == signed.members)
        #expect(added.member("P-0004")?.attendance == Attendance(status: .late, minutesAttended: 30))
        #expect(try SessionFilesTests.lines(fixture).last == "session.add-member session \(session) 2")
        _ = try caseload.writeNote(in: session, for: "P-0004", sections: Fixture.dap("P-0004 arrived after the check-in round."), by: "mgarcia")
        let final = try caseload.signNote(in: session, for: "P-0004", by: "mgarcia").record
        #expect(final.member("P-0004")?.note?.signedSharedNarrative == "Members practiced urge surfing.")
        #expect(Array(final.members.prefix(2)) == signed.members)
        #expect(try fixture.store.check().isHealthy)
    }

    @Test("Joining a family session needs the newcomer's consent to each support member present, who are then named with their participant")
    func familySession() throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let session = try fixture.record(
            Fixture.request(.family, members: [.init("P-0001")], support: [SupportMemberReference("F1")])).record.id
        #expect(
            refusalMessage { () throws(CaseloadError) in try caseload.addMember(to: session, AttendanceRequest("P-0004"), by: "mgarcia") }
                == "Support member P-0001/F1 is not one of P-0004's support members, so P-0004 has not consented to their taking part; "
                + "add them as P-0004's support member (`caseload participant edit P-0004 --add-support`) and record a consent "
                + "covering family sessions first.")
        let added = try caseload.addMember(to: session, AttendanceRequest("P-0002"), by: "mgarcia").record
        #expect(added.supportMembersPresent == ["P-0001/F1"])
    }

    @Test("Adding someone who attended an overlapping session is refused unless it was a pull-out")
    func addMemberOverlap() throws {
        let fixture = try Fixture()
        let group = try fixture.record(Fixture.request(members: [.init("P-0001")])).record.id
        let other = try fixture.record(Fixture.request(.individual, at: "10:00", minutes: 50, members: [.init("P-0004")])).record.id
        #expect(
            refusalMessage { () throws(CaseloadError) in try fixture.caseload.addMember(to: group, AttendanceRequest("P-0004"), by: "mgarcia") }
                == "P-0004 is already in session \(other) at an overlapping time; if they stepped out of it for this one, record it as a pull-out (--allow-overlap).")
        _ = try fixture.caseload.addMember(to: group, AttendanceRequest("P-0004", .excused), by: "mgarcia")
        _ = try fixture.caseload.setAttendance(in: group, for: "P-0004", status: .late, minutes: 20, allowOverlap: true, by: "mgarcia")
    }
}
