import CaseloadCore
import TerminalKit

/// One member's note, read-only: a signed note, or a note the reader may co-sign or add an
/// addendum to. Kept current as the session is saved or reloaded.
struct NoteReader: ModalScreen, Equatable {
    let target: NoteTarget
    var session: Session
    var scroll = 0

    var keyMode: KeyMode { .note }

    var note: Note? { session.member(target.participant)?.note }

    mutating func run(_ command: Command, in state: ConsoleState) -> ModalStep {
        if let movement = Movement(command) {
            let height = ConsoleLayout.shell(state.size).body.height - 2
            let count = lines(state, width: ConsoleLayout.shell(state.size).body.width - 4).count - height + 1
            scroll = movement.target(from: scroll, count: count, height: height)
            return ModalStep()
        }
        switch command {
        case .back: return .close
        case .coSign:
            let name = ParticipantTabs.participantInSentence(target.participant, state)
            return .push(Question("Co-sign \(name)'s note as \(state.session.staff.signatureLine)?",
                                  effects: [.write(.coSignNote(target))]))
        case .addAddendum:
            return .push(NoteEditorScreen(.addendum(target.participant), of: session, state: state))
        default: break
        }
        return ModalStep()
    }

    func whyUnavailable(_ command: Command, in state: ConsoleState) -> String? {
        switch command {
        case .coSign:
            guard let note, note.isSigned else { return "This note is not signed yet" }
            if let coSignature = note.coSignature {
                return "Already co-signed by \(ParticipantTabs.signer(coSignature.signedAs, coSignature.by, state))"
            }
            do throws(DomainError) {
                try Permissions.checkCoSignature(of: note, by: state.session.staff)
                return nil
            } catch {
                return error.description
            }
        case .addAddendum:
            return note?.isSigned == true ? nil : "This note is not signed yet"
        default:
            return nil
        }
    }

    mutating func receive(_ event: ModalEvent, in state: ConsoleState) -> ModalStep {
        switch event {
        case .sessionLoaded(let loaded) where loaded.id == target.session:
            session = loaded
        case .written(let reply):
            if let saved = reply.savedSession, saved.id == target.session { session = saved }
        default:
            break
        }
        return ModalStep()
    }

    func lines(_ state: ConsoleState, width: Int) -> [[Span]] {
        var out = TextLines(width: width, ellipsis: state.session.glyphs.frame.ellipsis)
        out.append([Span(Wording.sessionTitle(session, separator: state.session.glyphs.separator), .title),
                    Span("  \(Format.weekdayDate(session.date)) \(session.startTime)", .muted)])
        out.append([Span("  ")] + NoteLines.status(note, of: session, state: state))
        out.blank()
        if let note {
            NoteLines.append(note, of: session, state: state, indent: 2, to: &out)
        } else {
            out.append("  No note has been written for this member yet.", .muted)
        }
        return out.lines
    }

    func draw(_ state: ConsoleState, in rect: Rect, into screen: inout Screen) {
        let glyphs = state.session.glyphs
        screen.fill(rect)
        screen.box(rect, title: "Note \(glyphs.separator) " + ParticipantTabs.participantName(target.participant, state),
                   role: .borderFocused, titleRole: .titleFocused, glyphs: glyphs.frame)
        let inner = rect.inset(horizontal: 2, vertical: 1)
        screen.put(lines(state, width: inner.width), in: inner, scroll: scroll, ellipsis: glyphs.frame.ellipsis)
    }
}
