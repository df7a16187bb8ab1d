import CaseloadCore
import Foundation
import TerminalKit

/// Every session in the window, newest first, with attendance, the note's state and its text.
enum SessionsTab {
    static func lines(_ detail: ParticipantDetail, state: ConsoleState, width: Int) -> [[Span]] {
        let person = detail.participant
        let separator = state.session.glyphs.separator
        var out = TextLines(width: width)
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
            out.append([Span("\(Format.weekdayDate(meeting.date)) \(meeting.startTime)  ", .title),
                        Span(Wording.sessionTitle(meeting, separator: separator), .title),
                        Span("  \(meeting.durationMinutes) min \(separator) "
                             + Wording.facilitators(meeting, staff: state.data.staff), .muted)])
            out.append([Span("  "), Wording.attendance(member.attendance), Span("  ")]
                       + NoteLines.status(member.note, of: meeting, state: state))
            if let note = member.note { NoteLines.append(note, of: meeting, state: state, indent: 4, to: &out) }
        }
        return out.lines
    }
}
