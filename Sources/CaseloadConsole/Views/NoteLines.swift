import CaseloadCore
import Foundation
import TerminalKit

/// A note as the console reads it out: its state, the group narrative it was signed with, its
/// sections and addenda. The participant's Sessions tab, the session screen and the note reader
/// share it.
enum NoteLines {
    /// The narrative, sections and addenda of `note`, indented by `indent`.
    static func append(_ note: Note, of meeting: Session, state: ConsoleState, indent: Int, to out: inout TextLines) {
        let pad = String(repeating: " ", count: indent)
        if let narrative = note.signedSharedNarrative ?? (note.isSigned ? nil : meeting.sharedNarrative),
           !narrative.isEmpty {
            out.append("\(pad)Group narrative", .label)
            out.paragraph(narrative, indent: indent + 2)
        }
        for (section, text) in note.orderedSections where !text.isEmpty {
            out.append("\(pad)\(section.title)", .label)
            out.paragraph(text, indent: indent + 2)
        }
        for addendum in note.addenda {
            out.append("\(pad)Addendum by \(ParticipantTabs.signer(addendum.signedAs, addendum.by, state)) on "
                       + Format.dateTime(addendum.at, in: state.data.program.timeZone), .label)
            out.paragraph(addendum.text, indent: indent + 2)
        }
    }

    /// "Signed by Maria Garcia, LCSW on 20 Nov 2026 at 14:05 CST · co-signed by …", "Draft · Overdue 2 days".
    static func status(_ note: Note?, of meeting: Session, state: ConsoleState) -> [Span] {
        let timeZone = state.data.program.timeZone
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
