import CaseloadBenchSupport
import CaseloadCore
import Foundation

/// The editor's autosave: `Caseload.saveDraft` on a member's note in a twelve-member group, as
/// the console calls it two seconds after typing stops (fsync on, the write lock taken, the
/// session read with every member's note file to check the rules).
enum DraftBench {
    static func run(large: BenchCaseload, small: BenchCaseload, saves: Int) throws -> Figure {
        let measured = try autosaves(large, saves)
        let reference = try autosaves(small, saves)
        return Figure(
            name: "Save: autosave a draft note in a 12-member group (median of \(saves))", measured: measured.median,
            reference: reference.median, referenceName: "default demo", unit: "ms", limit: 10, ratioLimit: 1.2)
    }

    /// A group filed in a week before either caseload's history, its members' notes written
    /// (untimed), then one draft saved over and over with the text growing, as typing does.
    private static func autosaves(_ caseload: BenchCaseload, _ saves: Int) throws -> Samples {
        let store = try CaseloadStore.open(at: caseload.folder)
        let program = try store.program()
        let day = Clock.system.today(in: program.timeZone).adding(days: -7 * 531)
        let members = Array(try store.roster().map(\.id).prefix(12))
        let staff = caseload.counselor.id
        guard let start = LocalTime(hour: 13, minute: 0) else { throw BenchFailure("13:00 is not a time.") }
        var session = try Session(
            id: try store.newSessionID(date: day, time: start), kind: .group, date: day, startTime: start,
            durationMinutes: 90, facilitators: [staff], topic: program.topics.first,
            members: members.map { SessionMember(participant: $0, attendance: Attendance(status: .present, minutesAttended: 90)) },
            revision: Revision(createdAt: store.clock.now(), createdBy: staff))
        for member in members {
            try session.writeNote(
                of: member, format: .dap, section: "data", text: "Shared a trigger; benchmark note.", by: staff, at: store.clock.now())
        }
        let id = try store.add(session, action: .sessionAdd, by: staff).record.id
        let caseload = Caseload(store: store)
        let typed = String(repeating: "Practiced urge surfing and named two supports. ", count: 40)
        var samples = Samples()
        for number in 0..<saves {
            let text = WrittenText.sections(.dap, ["data": String(typed.prefix(200 + number * 5)), "plan": "Continue IOP."])
            try samples.time {
                _ = try caseload.saveDraft(in: id, target: .note(members[0]), text: text, startedFrom: .revision(1), by: staff)
            }
        }
        return samples
    }
}
