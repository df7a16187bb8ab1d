import ArgumentParser
import CaseloadCore
import Foundation

struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session", abstract: "Record, list and show individual, group and family sessions.",
        subcommands: [Add.self, List.self, Show.self, Attendance.self, AddMember.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a session with its attendance; prints the new session id.",
            discussion: """
                Each --member is a participant id, optionally with attendance and minutes:
                  P-0007               present for the whole session
                  P-0007:late:150      late, 150 minutes attended
                  P-0007:unexcused-absence
                Each --support-member is an id from the participant's record (S1); with several
                participants, name whose it is: P-0007/S1.
                """)

        @OptionGroup var store: StoreOptions
        @Option(help: "individual, group or family.") var kind: SessionKind
        @Option(help: "Date (default today).") var date = "today"
        @Option(help: "Start time, HH:MM.") var start: String
        @Option(help: "Length in minutes.") var minutes: Int
        @Option(help: "Topic (groups: one of the program's catalog).") var topic: String?
        @Option(help: "Facilitator id (default: you). Repeatable.") var facilitator: [String] = []
        @Option(help: "Participant and attendance (see above). Repeatable.") var member: [String] = []
        @Option(help: "Family sessions: support member ids present (see above). Repeatable.")
        var supportMember: [String] = []
        @Flag(help: "A pull-out: members may also be in another session at an overlapping time.")
        var allowOverlap = false

        func run() throws {
            let acting = try store.open()
            let request = SessionRequest(
                kind: kind, date: try parseDate(date, today: try acting.today()), start: try LocalTime(start),
                minutes: minutes, facilitators: facilitator.map { StaffID($0) }, topic: topic,
                members: try member.map(parseMember), supportMembers: supportMember.map(parseSupportMember),
                allowOverlap: allowOverlap)
            let outcome = try acting.caseload.recordSession(request, by: acting.staff.id)
            Output.line(outcome.record.id.rawValue)
            Output.warnings(outcome.warnings)
        }

        private func parseMember(_ text: String) throws -> AttendanceRequest {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            let id = ParticipantID(parts[0])
            guard parts.count <= 3 else {
                throw CommandFailure(
                    "Attendance for \(id) has more parts than ID:ATTENDANCE:MINUTES; write it as, for example, \(id):late:40.")
            }
            let status = try parts.count > 1
                ? AttendanceStatus(rawValue: parts[1]).orThrow(
                    CommandFailure("Attendance for \(id) must be one of \(AttendanceStatus.allCases.map(\.rawValue).joined(separator: ", "))."))
                : .present
            let attended = try parts.count > 2
                ? Int(parts[2]).orThrow(CommandFailure("Minutes for \(id) must be a whole number, for example \(id):late:40."))
                : nil
            return AttendanceRequest(id, status, minutes: attended)
        }

        /// "S1", or "P-0007/S1" to say whose support member it is.
        private func parseSupportMember(_ text: String) -> SupportMemberReference {
            let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
            return parts.count == 2 ? SupportMemberReference(parts[1], of: ParticipantID(parts[0])) : SupportMemberReference(text)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List sessions in a date range (default: this week).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "First day (default: this week's Monday).") var from: String?
        @Option(help: "Last day (default: today).") var to: String?
        @Option(help: "Only sessions this participant was on.") var participant: String?

        func run() throws {
            let acting = try store.open()
            let caseload = acting.store
            let today = try acting.today()
            let first = try from.map { try parseDate($0, today: today) } ?? today.isoWeek.monday
            let last = try to.map { try parseDate($0, today: today) } ?? today
            guard first <= last else { throw CommandFailure("--from \(first) is after --to \(last).") }
            let loaded = caseload.sessions(from: first, through: last)
            var sessions = loaded.records.sorted { ($0.date, $0.startTime, $0.id) < ($1.date, $1.startTime, $1.id) }
            if let participant { sessions = sessions.filter { $0.member(ParticipantID(participant)) != nil } }
            if output.json { return try Output.json(sessions.map(SessionSummary.init)) }
            Output.table(
                ["ID", "DATE", "START", "MIN", "KIND", "TOPIC", "PRESENT", "UNSIGNED"],
                sessions.map { s in
                    let summary = SessionSummary(s)
                    return [s.id.rawValue, s.date.description, s.startTime.description, String(s.durationMinutes),
                     s.kind.rawValue, s.topic ?? "", "\(summary.attended)/\(s.members.count)",
                     summary.unsignedNotes == 0 ? "" : String(summary.unsignedNotes)]
                })
            if sessions.isEmpty { Output.line("No sessions from \(first) to \(last).") }
            reportDamage(loaded.damaged)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a session with attendance and notes.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Session id.") var id: String

        func run() throws {
            let acting = try store.open()
            let session = try acting.caseload.session(SessionID(id))
            if output.json { return try Output.json(session) }
            let timeZone = try acting.caseload.program().timeZone
            Output.line("\(session.kind.title) session \(session.id)")
            Output.fields([
                ("Date", "\(session.date) \(session.startTime), \(session.durationMinutes) minutes"),
                ("Facilitators", session.facilitators.map(\.rawValue).joined(separator: ", ")),
                ("Topic", session.topic),
                ("Support members", session.supportMembersPresent.isEmpty ? nil : session.supportMembersPresent.joined(separator: ", ")),
            ])
            for member in session.members {
                Output.line()
                let a = member.attendance
                Output.line("\(member.participant)  \(a.status.title), \(a.countedMinutes) min")
                guard let note = member.note else {
                    Output.line("  No note yet.")
                    continue
                }
                let state = note.signature.map { "signed by \(signer($0)) \(timeZone.wallClock($0.at))" } ?? "draft"
                Output.line("  \(note.format.title) note, \(state)" + (note.coSignature.map { ", co-signed by \(signer($0))" } ?? ""))
                // A signed note stands beside the narrative it was signed with, never a later edit.
                if let narrative = note.isSigned ? note.signedSharedNarrative : session.sharedNarrative {
                    Output.paragraph("  Shared narrative: \(narrative)")
                }
                for (section, text) in note.orderedSections where !text.isEmpty {
                    Output.paragraph("  \(section.title): \(text)")
                }
                for addendum in note.addenda {
                    Output.paragraph("  Addendum \(timeZone.wallClock(addendum.at)) by \(signer(addendum.by, addendum.signedAs)): \(addendum.text)")
                }
            }
        }

        /// "María García, LCSW (mgarcia)": the line as signed. Older records kept only the id, which
        /// is shown alone rather than today's name, which may not be the one they signed as.
        private func signer(_ id: StaffID, _ signedAs: String?) -> String {
            signedAs.map { "\($0) (\(id))" } ?? id.rawValue
        }

        private func signer(_ signature: Signature) -> String {
            signer(signature.by, signature.signedAs)
        }
    }
}

/// What `session list --json` prints per session: attendance counts, not note text.
struct SessionSummary: Encodable {
    let id: SessionID
    let kind: SessionKind
    let date: LocalDate
    let startTime: LocalTime
    let durationMinutes: Int
    let topic: String?
    let facilitators: [StaffID]
    let participants: [ParticipantID]
    let attended: Int
    let unsignedNotes: Int

    init(_ session: Session) {
        id = session.id
        kind = session.kind
        date = session.date
        startTime = session.startTime
        durationMinutes = session.durationMinutes
        topic = session.topic
        facilitators = session.facilitators
        participants = session.members.map(\.participant)
        attended = session.members.filter(\.attendance.status.attended).count
        unsignedNotes = session.members.filter { !($0.note?.isSigned ?? false) }.count
    }
}

extension Optional {
    func orThrow(_ error: @autoclosure () -> some Error) throws -> Wrapped {
        guard let self else { throw error() }
        return self
    }
}
