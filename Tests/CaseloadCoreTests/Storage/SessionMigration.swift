@testable import CaseloadCore
import Foundation

/// The proof that older session files migrate without losing or changing anything: a demo
/// caseload written in the current layout is rewritten as Caseload wrote it before schema 3
/// (`OlderLayout`), read back, then every session (or every `sampleEvery`-th) is changed once
/// through a use case, which migrates it. Each session must read back as the original with only
/// that change, and `check` must find the caseload healthy.
struct SessionMigration {
    let scratch: ScratchFolder
    let caseload: Caseload

    var store: CaseloadStore { caseload.store }

    /// Writes the demo for `options` into a new scratch folder, with a clock stopped at 09:00 on its "today".
    init(_ options: DemoCaseload.Options) throws {
        scratch = try ScratchFolder()
        let url = URL(fileURLWithPath: scratch.path)
        let timeZone = TimeZone(identifier: DemoCaseload.timeZoneIdentifier)!
        let clock = Clock.fixed(options.today.instant(at: LocalTime(hour: 9, minute: 0)!, in: timeZone))
        try CaseloadStore.create(
            at: url, programName: DemoCaseload.programName, timeZone: DemoCaseload.timeZoneIdentifier, by: "demo", clock: clock)
        let store = try CaseloadStore.open(at: url, clock: clock)
        let writer = try BulkWriter(store: store, by: "demo")
        _ = try DemoCaseload.generate(options, into: writer)
        try writer.finish()
        caseload = Caseload(store: store)
    }

    /// Every session as read now, by id.
    func sessions() -> [SessionID: Session] {
        Dictionary(uniqueKeysWithValues: store.allSessions().records.map { ($0.id, $0) })
    }

    /// Rewrites every session as one schema 2 file.
    func rewriteInOlderLayout() throws {
        for session in store.allSessions().records { try OlderLayout.rewrite(session, in: scratch) }
    }

    /// Changes `session` once through a use case and returns what it should then read as: a note
    /// still unsigned gets a line more, else a signed note an addendum, else a member's attendance
    /// changes.
    func touch(_ session: Session) throws -> Session {
        var expected = session
        let facilitator = session.facilitators[0]
        let time = caseload.clock.now()
        if let member = session.members.first(where: { $0.note.map { !$0.isSigned } ?? false }), let note = member.note {
            let section = note.orderedSections[0]
            let text = section.text + " Reviewed after the session."
            _ = try caseload.writeNote(in: session.id, for: member.participant, sections: [section.section.key: text], by: facilitator)
            try expected.writeNote(
                of: member.participant, format: note.format, section: section.section.key, text: text, by: facilitator, at: time)
        } else if let member = session.members.first(where: { $0.note?.isSigned ?? false }) {
            let text = "Late entry: reviewed with the participant."
            _ = try caseload.addAddendum(to: session.id, for: member.participant, text: text, by: facilitator)
            let staff = try store.staffMember(facilitator)
            try expected.updateNote(of: member.participant) { (note: inout Note) throws(DomainError) in
                try note.addAddendum(text, by: staff, at: time)
            }
        } else {
            let member = session.members[0]
            let status: AttendanceStatus = switch member.attendance.status {
            case .present, .late, .leftEarly: .leftEarly
            case .excused: .unexcused
            case .unexcused: .excused
            }
            let minutes = status.attended ? session.durationMinutes - 1 : nil
            _ = try caseload.setAttendance(in: session.id, for: member.participant, status: status, minutes: minutes, by: facilitator)
            expected.members[0].attendance = Attendance(status: status, minutesAttended: minutes ?? 0)
        }
        return expected
    }

    /// The session without its revisions, which a migration and a change renumber.
    static func content(_ session: Session) -> Session {
        var content = session
        let none = Revision(createdAt: Date(timeIntervalSince1970: 0), createdBy: "")
        content.revision = none
        content.narrativeRevision = nil
        for index in content.members.indices { content.members[index].noteRevision = nil }
        return content
    }
}
