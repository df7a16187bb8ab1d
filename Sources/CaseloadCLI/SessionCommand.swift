import ArgumentParser
import CaseloadCore
import Foundation

struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session", abstract: "Record, list and show individual, group and family sessions.",
        subcommands: [Add.self, List.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a session with its attendance; prints the new session id.",
            discussion: """
                Each --member is a participant id, optionally with attendance and minutes:
                  P-0007               present for the whole session
                  P-0007:late:150      late, 150 minutes attended
                  P-0007:unexcused-absence
                """)

        @OptionGroup var store: StoreOptions
        @Option(help: "individual, group or family.") var kind: SessionKind
        @Option(help: "Date (default today).") var date = "today"
        @Option(help: "Start time, HH:MM.") var start: String
        @Option(help: "Length in minutes.") var minutes: Int
        @Option(help: "Topic (groups: one of the program's catalog).") var topic: String?
        @Option(help: "Facilitator id (default: you). Repeatable.") var facilitator: [String] = []
        @Option(help: "Participant and attendance (see above). Repeatable.") var member: [String] = []
        @Option(help: "Family sessions: support member ids present (from the participant's record). Repeatable.")
        var supportMember: [String] = []

        func run() throws {
            let acting = try store.open()
            let (caseload, staff) = (acting.store, acting.staff)
            let program = try caseload.program()
            let day = try parseDate(date, today: try acting.today())
            let startTime = try LocalTime(start)
            let facilitators = try (facilitator.isEmpty ? [staff.id.rawValue] : facilitator)
                .map { try caseload.staffMember(StaffID($0)).id }
            if kind == .group, let topic, !program.topics.contains(topic) {
                throw DomainError.unknownTopic(topic, known: program.topics)
            }
            let members = try member.map { try parseMember($0, caseload: caseload, on: day) }
            var session = try Session(
                id: try caseload.newSessionID(date: day, time: startTime), kind: kind, date: day,
                startTime: startTime, durationMinutes: minutes, facilitators: facilitators,
                topic: topic, members: members, revision: Revision(createdAt: acting.caseload.clock.now(), createdBy: staff.id))
            if kind == .family {
                session.supportMembersPresent = try consentedSupport(members, caseload: caseload, on: day)
            }
            let saved = try caseload.add(session, action: .sessionAdd, by: staff.id)
            Output.line(saved.record.id.rawValue)
        }

        private func parseMember(_ text: String, caseload: CaseloadStore, on day: LocalDate) throws
            -> SessionMember
        {
            let parts = text.split(separator: ":").map(String.init)
            let id = ParticipantID(parts[0])
            let participant = try caseload.participant(id)
            if participant.status == .discharged, let discharge = participant.discharge, day > discharge.date {
                throw DomainError.participantDischarged(id)
            }
            let status = try parts.count > 1
                ? AttendanceStatus(rawValue: parts[1]).orThrow(
                    CommandFailure("Attendance for \(id) must be one of \(AttendanceStatus.allCases.map(\.rawValue).joined(separator: ", ")); \"\(parts[1])\" was given."))
                : .present
            let attended = try parts.count > 2
                ? Int(parts[2]).orThrow(CommandFailure("Minutes for \(id) must be a number; \"\(parts[2])\" was given."))
                : minutes
            return SessionMember(participant: id, attendance: Attendance(status: status, minutesAttended: attended))
        }

        /// A family member may take part only with a current consent to disclose.
        private func consentedSupport(_ members: [SessionMember], caseload: CaseloadStore, on day: LocalDate)
            throws -> [String]
        {
            guard let first = members.first else { return [] }
            let participant = try caseload.participant(first.participant)
            return try supportMember.map { memberID in
                guard let member = participant.supportMembers.first(where: { $0.id == memberID }) else {
                    throw CommandFailure("\(participant.id) has no support member \(memberID); see `caseload participant show \(participant.id)`.")
                }
                guard member.consent?.isCurrent(on: day) ?? false else {
                    throw CommandFailure("Support member \(memberID) has no current consent to disclose on \(day); record a consent before a family session.")
                }
                return memberID
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List sessions in a date range (default: this week).")

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
        static let configuration = CommandConfiguration(abstract: "Show a session with attendance and notes.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Session id.") var id: String

        func run() throws {
            let session = try store.open().store.session(SessionID(id))
            if output.json { return try Output.json(session) }
            Output.line("\(session.kind.title) session \(session.id)")
            Output.fields([
                ("Date", "\(session.date) \(session.startTime), \(session.durationMinutes) minutes"),
                ("Facilitators", session.facilitators.map(\.rawValue).joined(separator: ", ")),
                ("Topic", session.topic),
                ("Support members", session.supportMembersPresent.isEmpty ? nil : session.supportMembersPresent.joined(separator: ", ")),
            ])
            if let narrative = session.sharedNarrative {
                Output.line()
                Output.line("Shared narrative")
                Output.line("  \(narrative)")
            }
            for member in session.members {
                Output.line()
                let a = member.attendance
                Output.line("\(member.participant)  \(a.status.title), \(a.countedMinutes) min")
                guard let note = member.note else {
                    Output.line("  No note yet.")
                    continue
                }
                let state = note.signature.map { "signed by \($0.by) \(formatInstant($0.at))" } ?? "draft"
                Output.line("  \(note.format.title) note, \(state)" + (note.coSignature.map { ", co-signed by \($0.by)" } ?? ""))
                for (section, text) in note.orderedSections where !text.isEmpty {
                    Output.line("  \(section.title): \(text)")
                }
                for addendum in note.addenda {
                    Output.line("  Addendum \(formatInstant(addendum.at)) by \(addendum.by): \(addendum.text)")
                }
            }
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

func formatInstant(_ date: Date) -> String {
    date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false))
}

extension Optional {
    func orThrow(_ error: @autoclosure () -> some Error) throws -> Wrapped {
        guard let self else { throw error() }
        return self
    }
}
