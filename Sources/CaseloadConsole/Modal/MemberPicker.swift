import CaseloadCore
import TerminalKit

/// `a` on a session: someone who arrived after the session was recorded. Typing narrows the
/// roster to those not on the list; Enter adds the highlighted one as late, a quarter hour
/// short, for + and - to correct. Nobody else's note or signature changes.
struct MemberPicker: ModalScreen, Equatable {
    let session: SessionID
    let minutes: Int
    var picker: Picker

    init(session: Session, state: ConsoleState) {
        self.session = session.id
        minutes = max(1, session.durationMinutes - 15)
        let onList = Set(session.members.map(\.participant))
        picker = Picker(options: state.digest.facts.rows.filter { !onList.contains($0.id) }.map {
            Picker.Option(id: $0.id.rawValue, label: $0.name, key: $0.searchKey)
        })
    }

    var keyMode: KeyMode { .form }
    var isOverlay: Bool { true }

    mutating func run(_ command: Command, in state: ConsoleState) -> ModalStep {
        switch command {
        case .back: return ModalStep(status: .info("Nobody added"), next: .close)
        case .moveDown: picker.moveHighlight(by: 1)
        case .moveUp: picker.moveHighlight(by: -1)
        case .deleteCharacter: picker.deleteBackward()
        case .clearInput: picker.clearQuery()
        case .acceptFilter, .save:
            guard picker.pickHighlighted(), let chosen = picker.chosen.last else {
                return .status(.error("Type letters of a name first"))
            }
            let attendance = AttendanceRequest(ParticipantID(chosen), .late, minutes: minutes)
            return ModalStep(effects: [.write(.addMember(session, attendance))], status: .info("Adding…"), next: .close)
        default: break
        }
        return ModalStep()
    }

    mutating func insert(_ text: String, in state: ConsoleState) -> ModalStep {
        picker.type(text)
        return ModalStep()
    }

    func draw(_ state: ConsoleState, in rect: Rect, into screen: inout Screen) {
        let glyphs = state.session.glyphs
        let box = Rect(x: rect.x + 4, y: rect.y + 2, width: max(10, min(rect.width - 8, 60)), height: min(rect.height - 4, 12))
        screen.fill(box, role: .overlay)
        screen.box(box, title: "Add a member who came late", role: .overlayBorder, titleRole: .titleFocused,
                   glyphs: glyphs.frame)
        let inner = box.inset(horizontal: 2, vertical: 1)
        screen.put([Span("Name: ", .label), Span(picker.query, .input), Span(" ", .inputCursor)], x: inner.x, y: inner.y,
                   width: inner.width, ellipsis: glyphs.frame.ellipsis)
        let matches = picker.query.isEmpty ? [] : picker.matches
        if !picker.query.isEmpty, matches.isEmpty {
            screen.put("No one else matches \"\(picker.query)\"", x: inner.x, y: inner.y + 2, role: .muted,
                       maxWidth: inner.width)
        }
        for (index, option) in matches.prefix(max(0, inner.height - 2)).enumerated() {
            let here = index == picker.highlighted
            screen.put([Span(here ? glyphs.frame.marker + " " : "  ", .value), Span(option.label, here ? .rosterSelected : .value)],
                       x: inner.x, y: inner.y + 2 + index, width: inner.width, ellipsis: glyphs.frame.ellipsis)
        }
    }
}
