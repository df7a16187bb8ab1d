import Foundation

/// A note that should have been signed by now.
public struct OverdueNote: Sendable, Equatable {
    public let session: SessionID
    public let participant: ParticipantID
    public let sessionDate: LocalDate
    public let dueAt: Date
}

public enum NoteDeadline {
    /// When a session's notes are due: the program's window after the session ends.
    public static func dueAt(_ session: Session, settings: ProgramSettings) -> Date {
        session.endsAt(in: settings.timeZone).addingTimeInterval(Double(settings.noteDueHours) * 3600)
    }

    /// Notes past their due time and not signed. Attended members need a note; a documented
    /// absence still needs one, so every member is counted.
    public static func overdue(in sessions: [Session], settings: ProgramSettings, now: Date)
        -> [OverdueNote]
    {
        sessions.flatMap { session -> [OverdueNote] in
            let due = dueAt(session, settings: settings)
            guard now > due else { return [] }
            return session.members
                .filter { !($0.note?.isSigned ?? false) }
                .map {
                    OverdueNote(
                        session: session.id, participant: $0.participant,
                        sessionDate: session.date, dueAt: due)
                }
        }
    }
}
