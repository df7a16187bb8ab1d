import ArgumentParser
import CaseloadCore

extension SessionCommand {
    struct Attendance: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "attendance",
            abstract: "Change one member's attendance in a recorded session.",
            discussion: """
                Example: caseload session attendance S-20261120-0900-ab12cd P-0007 --status late --minutes 50
                Present means the whole session; late and left-early need --minutes; an absence takes none.
                A member whose note is signed keeps the attendance it was signed with: add an addendum instead.
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "Session id.") var session: String
        @Argument(help: "Participant id.") var participant: String
        @Option(help: "present, late, left-early, excused-absence or unexcused-absence.") var status: AttendanceStatus
        @Option(help: "Minutes attended (late and left-early).") var minutes: Int?
        @Flag(help: "A pull-out: the member may also be in another session at an overlapping time.")
        var allowOverlap = false

        func run() throws {
            let acting = try store.open()
            let outcome = try acting.caseload.setAttendance(
                in: SessionID(session), for: ParticipantID(participant), status: status, minutes: minutes,
                allowOverlap: allowOverlap, by: acting.staff.id)
            let attendance = outcome.record.member(ParticipantID(participant))?.attendance
            Output.line("Saved \(participant)'s attendance: \(attendance.map(AttendanceText.describe) ?? status.title).")
            Output.warnings(outcome.warnings)
        }
    }

    struct AddMember: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-member",
            abstract: "Add a participant to a recorded group or family session (a late arrival, say).",
            discussion: """
                Example: caseload session add-member S-20261120-0900-ab12cd P-0007 --status late --minutes 40
                The other members' notes and signatures stay as they are; write and sign the newcomer's note as usual.
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "Session id.") var session: String
        @Argument(help: "Participant id.") var participant: String
        @Option(help: "present (default), late, left-early, excused-absence or unexcused-absence.")
        var status: AttendanceStatus = .present
        @Option(help: "Minutes attended (late and left-early).") var minutes: Int?
        @Flag(help: "A pull-out: the member may also be in another session at an overlapping time.")
        var allowOverlap = false

        func run() throws {
            let acting = try store.open()
            let outcome = try acting.caseload.addMember(
                to: SessionID(session), AttendanceRequest(ParticipantID(participant), status, minutes: minutes),
                allowOverlap: allowOverlap, by: acting.staff.id)
            let attendance = outcome.record.member(ParticipantID(participant))?.attendance
            Output.line("Added \(participant) to session \(session): \(attendance.map(AttendanceText.describe) ?? status.title).")
            Output.warnings(outcome.warnings)
        }
    }
}

/// "Late, 50 minutes", "Excused absence".
enum AttendanceText {
    static func describe(_ attendance: CaseloadCore.Attendance) -> String {
        attendance.status.attended && attendance.status != .present
            ? "\(attendance.status.title), \(attendance.minutesAttended) minutes" : attendance.status.title
    }
}
