import CaseloadCore
import Foundation
import TerminalKit

/// Every session in the window, newest first, with attendance, the note's state and its text.
enum SessionsTab {
    static func lines(_ detail: ParticipantDetail, state: ConsoleState, width: Int) -> [[Span]] {
        let person = detail.participant
        let separator = state.session.glyphs.separator
        var out = TextLines(width: width, ellipsis: state.session.glyphs.frame.ellipsis)
        let window = ParticipantDetail.sessionWindow(admission: person.admissionDate, today: state.session.today)
        out.append("Sessions from \(Format.date(window.lowerBound)) to \(Format.date(window.upperBound))", .muted)
        guard !detail.sessions.isEmpty else {
            out.blank()
            out.append("No sessions recorded in this period.", .muted)
            return out.lines
        }
        for meeting in detail.sessions.reversed() {
            guard let member = meeting.member(person.id) else { continue }
            out.blank()
            let heading = [Span("\(Format.weekdayDate(meeting.date)) \(meeting.startTime)  ", .title),
                           Span(Wording.sessionTitle(meeting, separator: separator), .title),
                           Span("  \(meeting.durationMinutes) min \(separator) "
                                + Wording.facilitators(meeting, staff: state.data.staff, glyphs: state.session.glyphs), .muted)]
            // The session's id, which `note write` and `note sign` take: on the heading when it fits.
            let id = Span(meeting.id.rawValue, .muted)
            if heading.width + 3 + id.width <= width {
                out.append(heading + [Span(" \(separator) ", .muted), id])
            } else {
                out.append(heading)
                out.append([Span("  "), id])
            }
            out.append([Span("  "), Wording.attendance(member.attendance, of: meeting, separator: separator), Span("  ")]
                       + NoteLines.status(member.note, of: meeting, state: state))
            if let note = member.note { NoteLines.append(note, of: meeting, state: state, indent: 4, to: &out) }
        }
        return out.lines
    }
}
