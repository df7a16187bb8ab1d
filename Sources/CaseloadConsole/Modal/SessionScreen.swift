import CaseloadCore
import TerminalKit

/// One session: who led it, its members with attendance and the state of each note. In a group
/// it is the attendance grid: a key marks the selected member and moves down, so a 12-member
/// group takes at most 13 keys.
struct SessionScreen: ModalScreen, Equatable {
    let id: SessionID
    /// The session as last loaded or saved; nil until it arrives.
    var session: Session?
    var loadError: String?
    var cursor = ListCursor()
    /// The member to select once the session arrives.
    var selecting: ParticipantID?
    /// Open the selected member's note as soon as the session arrives (Enter on a note to write).
    var openingNote: Bool

    init(id: SessionID, selecting: ParticipantID? = nil, openingNote: Bool = false) {
        self.id = id
        self.selecting = selecting
        self.openingNote = openingNote
    }

    var keyMode: KeyMode { .session }

    var selectedMember: SessionMember? {
        guard let members = session?.members, members.indices.contains(cursor.selected) else { return nil }
        return members[cursor.selected]
    }

    mutating func run(_ command: Command, in state: ConsoleState) -> ModalStep {
        switch command {
        case .back: return .close
        case .moveDown: return move(.by(1), state)
        case .moveUp: return move(.by(-1), state)
        case .pageDown: return move(.page(1), state)
        case .pageUp: return move(.page(-1), state)
        case .moveToTop: return move(.top, state)
        case .moveToBottom: return move(.bottom, state)
        case .open: return openSelectedNote(state)
        case .writeNarrative:
            guard let session else { return ModalStep() }
            return .push(NoteEditorScreen(.narrative(session.id), of: session, state: state))
        case .addAddendum:
            guard let session, let member = selectedMember else { return ModalStep() }
            let target = NoteTarget(session: session.id, participant: member.participant)
            return .push(NoteEditorScreen(.addendum(target), of: session, state: state))
        default: return ModalStep()
        }
    }

    func whyUnavailable(_ command: Command, in state: ConsoleState) -> String? {
        guard let session else { return command == .back ? nil : loadError ?? "The session is still loading" }
        switch command {
        case .open, .markPresent, .markLate, .markLeftEarly, .markExcused, .markUnexcused, .addMinutes,
             .removeMinutes:
            return selectedMember == nil ? "Select a member first" : nil
        case .writeNarrative:
            return session.kind == .group ? nil : "Only a group session has a shared narrative"
        case .addAddendum:
            return selectedMember?.note?.isSigned == true ? nil
                : "An addendum goes on a signed note; this member's note is not signed"
        default:
            return nil
        }
    }

    mutating func receive(_ event: ModalEvent, in state: ConsoleState) -> ModalStep {
        switch event {
        case .sessionLoaded(let loaded) where loaded.id == id:
            return show(loaded, state)
        case .sessionLoadFailed(let failed, let message) where failed == id:
            loadError = message
            return .status(.error(message))
        case .written(let reply):
            guard let saved = reply.savedSession, saved.id == id else { return ModalStep() }
            return show(saved, state)
        case .caseloadChanged:
            return ModalStep(effects: [.loadSession(id)])
        default:
            return ModalStep()
        }
    }

    private mutating func show(_ loaded: Session, _ state: ConsoleState) -> ModalStep {
        session = loaded
        loadError = nil
        if let wanted = selecting, let index = loaded.members.firstIndex(where: { $0.participant == wanted }) {
            cursor.select(index, count: loaded.members.count, height: rows(state))
        } else {
            cursor.select(cursor.selected, count: loaded.members.count, height: rows(state))
        }
        selecting = nil
        guard openingNote else { return ModalStep() }
        openingNote = false
        return openSelectedNote(state)
    }

    private mutating func move(_ movement: Movement, _ state: ConsoleState) -> ModalStep {
        let count = session?.members.count ?? 0
        let height = rows(state)
        cursor.select(movement.target(from: cursor.selected, count: count, height: height), count: count, height: height)
        return ModalStep()
    }

    /// Reads a signed note; an unsigned one opens to be written.
    private func openSelectedNote(_ state: ConsoleState) -> ModalStep {
        guard let session, let member = selectedMember else { return ModalStep() }
        let target = NoteTarget(session: session.id, participant: member.participant)
        if member.note?.isSigned == true { return .push(NoteReader(target: target, session: session)) }
        return .push(NoteEditorScreen(.note(target), of: session, state: state))
    }

    /// Member rows the screen has room for.
    private func rows(_ state: ConsoleState) -> Int {
        SessionView.memberRows(session, height: ConsoleLayout.shell(state.size).body.height - 2)
    }

    func draw(_ state: ConsoleState, in rect: Rect, into screen: inout Screen) {
        SessionView.draw(self, state, in: rect, into: &screen)
    }
}
