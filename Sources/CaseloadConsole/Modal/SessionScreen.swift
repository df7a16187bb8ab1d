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
    /// The member just marked late or early: `+` and `-` change their minutes although the
    /// cursor has moved on, until the cursor is moved by hand.
    var adjusting: ParticipantID?

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
        if let movement = Movement(command) { return move(movement, state) }
        switch command {
        case .back: return .close
        case .open: return openSelectedNote(state)
        case .writeNarrative:
            guard let session else { return ModalStep() }
            return .push(NoteEditorScreen(.narrative, of: session, state: state))
        case .addAddendum:
            guard let session, let member = selectedMember else { return ModalStep() }
            return .push(NoteEditorScreen(.addendum(member.participant), of: session, state: state))
        case .markPresent: return mark(.present, state)
        case .markLate: return mark(.late, state)
        case .markLeftEarly: return mark(.leftEarly, state)
        case .markExcused: return mark(.excused, state)
        case .markUnexcused: return mark(.unexcused, state)
        case .addMinutes: return changeMinutes(by: 15, state)
        case .removeMinutes: return changeMinutes(by: -15, state)
        case .signAllReady:
            guard let session else { return ModalStep() }
            return .push(Question(signingQuestion(session), effects: [.write(.signReadyNotes(id, acknowledgingNamesFor: []))]))
        case .addMember:
            guard let session else { return ModalStep() }
            return .push(MemberPicker(session: session, state: state))
        default: return ModalStep()
        }
    }

    /// "Sign 5 ready notes …? 2 are not ready: …", counted with the core's own readiness rule so the
    /// question states what `y` will do; the core checks again when it signs.
    private func signingQuestion(_ session: Session) -> String {
        let unsigned = session.members.filter { $0.note?.isSigned != true }
        let ready = unsigned.filter { (try? session.checkReadyToSign($0.participant)) != nil }
        let notes = ready.count == 1 ? "the 1 ready note" : "the \(ready.count) ready notes"
        var question = "Sign \(notes) of this session, each with its member's own entry"
            + (session.kind == .group ? " and the shared narrative as it stands" : "") + "?"
        let waiting = unsigned.count - ready.count
        if waiting > 0 {
            question += " \(waiting == 1 ? "1 other is" : "\(waiting) others are") not ready and stay unsigned."
        }
        return question
    }

    /// Marks the selected member and moves to the next, so a group's attendance is one key a member.
    private mutating func mark(_ status: AttendanceStatus, _ state: ConsoleState) -> ModalStep {
        guard let session, let member = selectedMember else { return ModalStep() }
        let minutes: Int?
        switch status {
        case .late, .leftEarly:
            // Keep minutes already given for a partial stay; otherwise a quarter hour short, for + and - to correct.
            let current = member.attendance
            minutes = current.status == .late || current.status == .leftEarly
                ? current.minutesAttended : max(1, session.durationMinutes - 15)
        case .present, .excused, .unexcused:
            minutes = nil
        }
        let target = NoteTarget(session: id, participant: member.participant)
        _ = move(.by(1), state)
        adjusting = status == .late || status == .leftEarly ? member.participant : nil
        return ModalStep(effects: [.write(.setAttendance(target, status: status, minutes: minutes))])
    }

    /// + and -: a quarter hour more or less for the member just marked late or early (or the
    /// selected one), kept on quarter hours within the session.
    private func changeMinutes(by step: Int, _ state: ConsoleState) -> ModalStep {
        guard let session, let member = adjusting.flatMap({ session.member($0) }) ?? selectedMember else { return ModalStep() }
        let attendance = member.attendance
        let name = ParticipantTabs.participantInSentence(member.participant, state)
        guard attendance.status == .late || attendance.status == .leftEarly else {
            return .status(.error("\(name) is not marked late or left early; l or e first, then + and - change the minutes"))
        }
        let length = session.durationMinutes
        let quarter = (attendance.minutesAttended / 15) * 15
        let stepped = step > 0 ? quarter + 15 : (quarter == attendance.minutesAttended ? quarter - 15 : quarter)
        let minutes = max(min(15, length), min(length, stepped))
        guard minutes != attendance.minutesAttended else {
            return .status(.error("\(name): already \(minutes) of \(length) min"))
        }
        return ModalStep(effects: [.write(.setAttendance(
                            NoteTarget(session: id, participant: member.participant), status: attendance.status,
                            minutes: minutes))],
                         status: .info("\(name): \(attendance.status.title.lowercased()), \(minutes) of \(length) min"))
    }

    func whyUnavailable(_ command: Command, in state: ConsoleState) -> String? {
        guard let session else { return command == .back ? nil : loadError ?? "The session is still loading" }
        switch command {
        case .open, .markPresent, .markLate, .markLeftEarly, .markExcused, .markUnexcused, .addMinutes,
             .removeMinutes:
            return selectedMember == nil ? "Select a member first" : nil
        case .writeNarrative:
            return session.kind == .group ? nil : "Only a group session has a shared narrative"
        case .signAllReady:
            let unsigned = session.members.filter { $0.note?.isSigned != true }
            if unsigned.isEmpty { return "Every note of this session is signed" }
            var firstReason: String?
            for member in unsigned {
                do throws(DomainError) {
                    try session.checkReadyToSign(member.participant)
                    return nil
                } catch {
                    firstReason = firstReason ?? error.description
                }
            }
            return "No note is ready to sign. " + (firstReason ?? "")
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
            var step = show(saved, state)
            if case .setAttendance(let target, _, _) = reply.request, reply.status.isError == false,
               let member = saved.member(target.participant) {
                step.status = .info("\(ParticipantTabs.participantInSentence(target.participant, state)): "
                                    + "\(Wording.attendance(member.attendance, of: saved, separator: state.session.glyphs.separator).text)")
            }
            guard case .saved(let change) = reply.result, !change.namesToConfirm.isEmpty else { return step }
            let names = change.namesToConfirm.map { ParticipantTabs.participantInSentence($0, state) }.joined(separator: ", ")
            return .push(Question(
                "The entries of \(names) name another member of the group, and a participant may read their own note. "
                    + "Sign them with the names in them?",
                effects: [.write(.signReadyNotes(id, acknowledgingNamesFor: Set(change.namesToConfirm)))],
                declined: "Those notes are not signed; take the names out, then sign them"))
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
        // Opened only to reach the note: the note takes this screen's place, so Esc goes straight
        // back to where the user came from.
        return noteScreen(state).map { ModalStep(next: .replace($0)) } ?? ModalStep()
    }

    private mutating func move(_ movement: Movement, _ state: ConsoleState) -> ModalStep {
        adjusting = nil
        let count = session?.members.count ?? 0
        let height = rows(state)
        cursor.select(movement.target(from: cursor.selected, count: count, height: height), count: count, height: height)
        return ModalStep()
    }

    private func openSelectedNote(_ state: ConsoleState) -> ModalStep {
        noteScreen(state).map { .push($0) } ?? ModalStep()
    }

    /// The selected member's note: read when signed, written when not.
    private func noteScreen(_ state: ConsoleState) -> (any ModalScreen)? {
        guard let session, let member = selectedMember else { return nil }
        let target = NoteTarget(session: session.id, participant: member.participant)
        // Someone who may not write this note (the core's rule) reads it instead of typing in vain.
        if member.note?.isSigned == true || !Permissions.allows(.writeNote, by: state.session.staff, in: session) {
            return NoteReader(target: target, session: session)
        }
        return NoteEditorScreen(.note(member.participant), of: session, state: state)
    }

    /// Member rows the screen has room for.
    private func rows(_ state: ConsoleState) -> Int {
        SessionView.memberRows(session, height: ConsoleLayout.shell(state.size).body.height - 2)
    }

    func draw(_ state: ConsoleState, in rect: Rect, into screen: inout Screen) {
        SessionView.draw(self, state, in: rect, into: &screen)
    }
}
