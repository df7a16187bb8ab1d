import CaseloadCore
import Foundation
import TerminalKit

/// Phrases several screens share, so "Overdue 2 days" reads the same everywhere.
enum Wording {
    /// "Overdue 2 days", "Overdue since 17:30", "Due today 17:30", "Due tomorrow 09:00", "Due Wed 25 Nov".
    static func noteDue(_ dueAt: Date, now: Date, today: LocalDate, timeZone: TimeZone) -> Span {
        if now > dueAt {
            let days = Int(now.timeIntervalSince(dueAt) / 86_400)
            return Span(days >= 1 ? "Overdue \(Format.days(days))"
                        : "Overdue since \(Format.time(dueAt, in: timeZone))", .flagWarning)
        }
        let dueDay = LocalDate(dueAt, in: timeZone)
        let time = Format.time(dueAt, in: timeZone)
        switch today.days(until: dueDay) {
        case 0: return Span("Due today \(time)", .value)
        case 1: return Span("Due tomorrow \(time)", .value)
        default: return Span("Due \(Format.weekdayDate(dueDay))", .value)
        }
    }

    /// "2 participant files damaged — open flags may be missing": a rebuilt roster could not
    /// read them, so a person or a safety flag may be absent from every list.
    static func damagedParticipants(_ count: Int, glyphs: ConsoleGlyphs) -> String {
        "\(Format.count(count, "participant file")) damaged \(glyphs.dash) open flags may be missing"
    }

    /// Leads Today and the dashboard while any participant file is damaged, naming each one;
    /// Enter opens the participant, whose screen says what could not be read.
    static func damagedParticipantsSection(_ data: ConsoleData, glyphs: ConsoleGlyphs) -> ReportSection {
        ReportSection(
            title: damagedParticipants(data.damagedParticipants.count, glyphs: glyphs) + "; run caseload check",
            columns: [.flex("Participant", min: 20)],
            rows: zip(data.damagedParticipants, data.damagedParticipantNames(glyphs)).map { id, name in
                ReportRow([[Span(name, .error)]], participant: id)
            },
            emptyText: "")
    }

    /// The participant's name, marked when they left care with the safety flag still open.
    static func flaggedName(_ row: RosterRow, glyphs: ConsoleGlyphs) -> [Span] {
        [Span(row.shownName(glyphs), .value)] + (row.entry.isInCare ? [] : [Span(" (discharged)", .muted)])
    }

    /// "Due today", "Overdue 3 days", "Due Fri 27 Nov".
    static func checkInDue(_ schedule: CheckInSchedule, today: LocalDate) -> Span {
        if schedule.isOverdue(on: today) {
            return Span("Overdue \(Format.days(schedule.daysOverdue(on: today)))", .flagWarning)
        }
        return schedule.nextDue == today
            ? Span("Due today", .value) : Span("Due \(Format.weekdayDate(schedule.nextDue))", .muted)
    }

    /// "Not started", "Draft", "Signed", "Co-signed".
    static func noteState(_ note: Note?) -> Span {
        guard let note else { return Span("Not started", .flagWarning) }
        if note.coSignature != nil { return Span("Co-signed", .muted) }
        return note.isSigned ? Span("Signed", .muted) : Span("Draft", .value)
    }

    /// "Group · Relapse prevention", "Individual", "Family · Communication".
    static func sessionTitle(_ session: Session, separator: String) -> String {
        guard let topic = session.topic, !topic.isEmpty else { return session.kind.title }
        return "\(session.kind.title) \(separator) \(topic)"
    }

    /// The facilitators' display names, "Maria Garcia, Sam Lee".
    static func facilitators(_ session: Session, staff: [StaffID: Staff], glyphs: ConsoleGlyphs) -> String {
        session.facilitators.map { ShownName.staff($0, in: staff, glyphs: glyphs) }.joined(separator: ", ")
    }

    /// "7 of 9 attended".
    static func attendance(_ session: Session) -> String {
        "\(session.members.filter(\.attendance.status.attended).count) of \(session.members.count) attended"
    }

    /// "Present · 90 min", "Late · 170 of 180 min", "Excused absence": a partial attendance
    /// against the session's length, so the minutes missed read at a glance.
    static func attendance(_ attendance: Attendance, of session: Session, separator: String) -> Span {
        guard attendance.status.attended else {
            return Span(attendance.status.title, attendance.status == .unexcused ? .flagWarning : .muted)
        }
        let minutes = attendance.minutesAttended
        let length = session.durationMinutes
        let attended = minutes == length ? "\(minutes) min" : "\(minutes) of \(length) min"
        return Span("\(attendance.status.title) \(separator) \(attended)", .value)
    }
}
