@testable import CaseloadCore
import Foundation
import Testing

@Suite("Recording a session")
struct RecordSessionTests {
    typealias Fixture = UseCaseCaseload

    @Test(
        "Each rule refuses with its message; nothing is saved",
        arguments: [
            (Fixture.request(), "admin",
             "Only a counselor or supervisor can record a session; admin is an administrator."),
            (Fixture.request(facilitators: ["admin"]), "mgarcia",
             "admin is an administrator and cannot facilitate; facilitators are active counselors or supervisors."),
            (Fixture.request(facilitators: ["zed"]), "mgarcia",
             "zed is not on this caseload's staff list; facilitators are active counselors or supervisors."),
            (Fixture.request(facilitators: ["kold"]), "mgarcia",
             "kold is no longer an active staff member and cannot facilitate; facilitators are active counselors or supervisors."),
            (Fixture.request(topic: nil), "mgarcia",
             "A group session needs a topic from the program's catalog (\(ProgramSettings.defaultTopics.joined(separator: ", ")))."),
            (Fixture.request(topic: "Karaoke"), "mgarcia",
             "The topic given is not in the program's topic catalog, which holds \(ProgramSettings.defaultTopics.joined(separator: ", "))."),
            (Fixture.request(on: "2026-11-23", at: "15:00"), "mgarcia",
             "The session starting 2026-11-23 at 15:00 has not ended yet (it ends 2026-11-23 16:30 CST); a session and its attendance are recorded once it is over, so only minutes that have happened are counted."),
            (Fixture.request(on: "2026-11-24", at: "09:00"), "mgarcia",
             "The session starting 2026-11-24 at 09:00 has not ended yet (it ends 2026-11-24 10:30 CST); a session and its attendance are recorded once it is over, so only minutes that have happened are counted."),
            (Fixture.request(on: "2026-11-23", at: "13:30", minutes: 600), "mgarcia",
             "The session starting 2026-11-23 at 13:30 has not ended yet (it ends 2026-11-23 23:30 CST); a session and its attendance are recorded once it is over, so only minutes that have happened are counted."),
            (Fixture.request(on: "2026-11-23", at: "13:00"), "mgarcia",
             "The session starting 2026-11-23 at 13:00 has not ended yet (it ends 2026-11-23 14:30 CST); a session and its attendance are recorded once it is over, so only minutes that have happened are counted."),
            (Fixture.request(.individual, on: "2026-11-23", at: "20:00", minutes: 300), "mgarcia",
             "The session starting 2026-11-23 at 20:00 has not ended yet (it ends 2026-11-24 01:00 CST); a session and its attendance are recorded once it is over, so only minutes that have happened are counted."),
            (Fixture.request(.individual, on: "2026-11-10", at: "23:00", minutes: 120, members: [.init("P-0003")]), "mgarcia",
             "This session would end on 2026-11-11, after P-0003's discharge on 2026-11-10; their attendance must fall within their stay, so check the session's date, start time and length."),
            (Fixture.request(on: "2026-11-01"), "mgarcia",
             "Attendance on 2026-11-01 would come before P-0001's admission on 2026-11-02."),
            (Fixture.request(members: [.init("P-0003")]), "mgarcia",
             "Attendance on 2026-11-20 would come after P-0003's discharge on 2026-11-10; readmit them first if they have returned to care."),
            (Fixture.request(members: [.init("P-0001", .late)]), "mgarcia",
             "P-0001 is marked late: give the minutes they attended, 1 to 90."),
            (Fixture.request(members: [.init("P-0001", .leftEarly)]), "mgarcia",
             "P-0001 is marked left early: give the minutes they attended, 1 to 90."),
            (Fixture.request(members: [.init("P-0001", .late, minutes: 0)]), "mgarcia",
             "P-0001 can attend 1 to 90 minutes of this 90-minute session; 0 was given."),
            (Fixture.request(members: [.init("P-0001", .late, minutes: 91)]), "mgarcia",
             "P-0001 can attend 1 to 90 minutes of this 90-minute session; 91 was given."),
            (Fixture.request(members: [.init("P-0001", .leftEarly, minutes: -5)]), "mgarcia",
             "P-0001 can attend 1 to 90 minutes of this 90-minute session; -5 was given."),
            (Fixture.request(members: [.init("P-0001", .present, minutes: -5)]), "mgarcia",
             "P-0001 can attend 1 to 90 minutes of this 90-minute session; -5 was given."),
            (Fixture.request(members: [.init("P-0001", .present, minutes: 60)]), "mgarcia",
             "P-0001 is marked present, which means the whole 90 minutes; mark them late or left-early to record 60 minutes."),
            (Fixture.request(minutes: 0), "mgarcia", "A session lasts 1 to 600 minutes; 0 was given."),
            (Fixture.request(members: [.init("P-0001", .excused, minutes: 40)]), "mgarcia",
             "P-0001 is marked excused absence, which counts no minutes; 40 was given. Mark them late or left-early if they attended part of the session."),
            (Fixture.request(members: [.init("P-0001", .unexcused, minutes: 0)]), "mgarcia",
             "P-0001 is marked unexcused absence, which counts no minutes; 0 was given. Mark them late or left-early if they attended part of the session."),
            (Fixture.request(facilitators: ["jlee", "jlee"]), "mgarcia", "jlee is listed twice as a facilitator; name each facilitator once."),
            (Fixture.request(.individual, members: []), "mgarcia", "An individual session needs at least one participant."),
            (Fixture.request(members: []), "mgarcia", "A group session needs at least one participant."),
            (Fixture.request(topic: "Coping  skills extra"), "mgarcia",
             "The topic given is not in the program's topic catalog, which holds \(ProgramSettings.defaultTopics.joined(separator: ", "))."),
            (Fixture.request(members: [.init("P-0009")]), "mgarcia",
             "There is no participant P-0009 in this caseload; `caseload participant list --all` lists them."),
        ] as [(SessionRequest, StaffID, String)])
    func refused(request: SessionRequest, actor: StaffID, message: String) throws {
        let fixture = try Fixture()
        #expect(refusalMessage { () throws(CaseloadError) in try fixture.record(request, by: actor) } == message)
        #expect(fixture.caseload.store.sessions(from: Fixture.date("2026-11-01"), through: Fixture.date("2026-11-30")).records.isEmpty)
    }

    @Test(
        "Attendance is recorded as meant: present is the whole session, absences count nothing",
        arguments: [
            (AttendanceRequest("P-0001"), 90), (.init("P-0001", .present, minutes: 90), 90),
            (.init("P-0001", .late, minutes: 60), 60), (.init("P-0001", .leftEarly, minutes: 1), 1),
            (.init("P-0001", .excused), 0), (.init("P-0001", .unexcused), 0),
        ] as [(AttendanceRequest, Int)])
    func attendance(member: AttendanceRequest, minutes: Int) throws {
        let fixture = try Fixture()
        let session = try fixture.record(Fixture.request(members: [member])).record
        #expect(session.members.map(\.attendance.minutesAttended) == [minutes])
    }

    @Test("A session that ended by now is recorded, led by the one recording it unless named")
    func recorded() throws {
        let fixture = try Fixture()
        let outcome = try fixture.record(Fixture.request(on: "2026-11-23", at: "12:30"), by: "lchen")
        #expect(outcome.record.facilitators == ["lchen"])
        #expect(outcome.warnings.isEmpty)
        #expect(try fixture.caseload.store.session(outcome.record.id) == outcome.record)
        let named = try fixture.record(Fixture.request(on: "2026-11-23", at: "08:00", facilitators: ["jlee", "lchen"]))
        #expect(named.record.facilitators == ["jlee", "lchen"])
    }

    @Test("Attendance ending on the day of discharge counts, up to midnight")
    func endsOnDischargeDay() throws {
        let fixture = try Fixture()
        let session = try fixture.record(
            Fixture.request(.individual, on: "2026-11-10", at: "22:00", minutes: 120, members: [.init("P-0003")])).record
        #expect(session.members.map(\.attendance.minutesAttended) == [120])
    }

    @Test("A group's topic matches the catalog ignoring case and spacing, and is kept as the catalog spells it",
          arguments: ["Coping skills", "coping SKILLS", "  Coping   skills  "])
    func topicAsCataloged(given: String) throws {
        let fixture = try Fixture()
        #expect(try fixture.record(Fixture.request(topic: given)).record.topic == "Coping skills")
    }
}
