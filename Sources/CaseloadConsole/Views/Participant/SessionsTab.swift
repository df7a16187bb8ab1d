import CaseloadCore
import Foundation
import TerminalKit

/// Every session in the window, newest first, with attendance, the note's state and its text.
enum SessionsTab {
    static func lines(_ detail: ParticipantDetail, state: ConsoleState, width: Int) -> [[Span]] {
        let person = detail.participant
        let separator = state.session.glyphs.separator
        let timeZone = state.data.program.timeZone
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
            var status = [Wording.attendance(member.attendance, of: meeting, separator: separator), Span("  ")]
            status += noteStatus(member.note, meeting: meeting, state: state, timeZone: timeZone)
            out.append([Span("  ")] + status)
            guard let note = member.note else { continue }
            if let narrative = note.signedSharedNarrative ?? (note.isSigned ? nil : meeting.sharedNarrative),
               !narrative.isEmpty {
                out.append("    Group narrative", .label)
                out.paragraph(narrative, indent: 6)
            }
            for (section, text) in note.orderedSections where !text.isEmpty {
                out.append("    \(section.title)", .label)
                out.paragraph(text, indent: 6)
            }
            for addendum in note.addenda {
                out.append("    Addendum by \(ParticipantTabs.signer(addendum.signedAs, addendum.by, state)) on "
                           + Format.dateTime(addendum.at, in: timeZone), .label)
                out.paragraph(addendum.text, indent: 6)
            }
        }
        return out.lines
    }

    /// "Signed by Maria Garcia, LCSW on 20 Nov 2026 at 14:05 CST · co-signed by …", "Draft · Overdue 2 days".
    private static func noteStatus(_ note: Note?, meeting: Session, state: ConsoleState, timeZone: TimeZone) -> [Span] {
        let due = Wording.noteDue(NoteDeadline.dueAt(meeting, settings: state.data.program), now: state.session.now,
                                  today: state.session.today, timeZone: timeZone)
        guard let note else { return [Span("No note yet \(state.session.glyphs.separator) ", .muted), due] }
        guard let signature = note.signature, note.isSigned else {
            return [Span("\(note.format.title) draft \(state.session.glyphs.separator) ", .value), due]
        }
        var text = "\(note.format.title) signed by \(signer(signature, state)) on "
            + Format.dateTime(signature.at, in: timeZone)
        if let coSignature = note.coSignature {
            text += ", co-signed by \(signer(coSignature, state))"
        }
        return [Span(text, .muted)]
    }

    /// The line as signed; notes signed before it was kept show the staff member's current one.
    private static func signer(_ signature: Signature, _ state: ConsoleState) -> String {
        ParticipantTabs.signer(signature.signedAs, signature.by, state)
    }
}
