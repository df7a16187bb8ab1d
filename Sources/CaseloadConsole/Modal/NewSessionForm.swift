import CaseloadCore
import Foundation
import TerminalKit

/// `n`: records a session that has ended. Kind, date, start and length; who led it; the members,
/// picked by typing a few letters of a name; a topic from the program's catalog for a group; the
/// support members of a family session with their consent. Every rule is the core's: the form
/// only parses what was typed and shows the answer in place.
struct NewSessionForm: ModalScreen, Equatable {
    enum Field: Int, CaseIterable, Sendable {
        case kind, date, start, minutes, topic, facilitators, members, supportMembers

        var title: String {
            switch self {
            case .kind: "Kind"
            case .date: "Date"
            case .start: "Start"
            case .minutes: "Minutes"
            case .topic: "Topic"
            case .facilitators: "Led by"
            case .members: "Members"
            case .supportMembers: "Family"
            }
        }
    }

    var kind: SessionKind = .group
    var date: String
    var start: String
    var minutes: String
    var topic = ""
    var facilitators: Picker
    var members: Picker
    /// Support members chosen for a family session, by their id on the participant's record.
    var supportMembers: [String] = []
    var supportHighlighted = 0
    var field: Field = .kind
    /// The request on its way, to know its answer when it comes.
    var sent: SessionRequest?
    /// What the core or the parsing said about the last attempt.
    var problem: String?
    /// Pre-filled fields not yet touched: the first key typed replaces the suggestion.
    var suggested: Set<Field> = [.date, .start, .minutes]
    /// Esc was pressed once on a form with something chosen: a second Esc discards it.
    var discardArmed = false

    init(state: ConsoleState) {
        let me = state.session.staff
        let program = state.data.program
        date = state.session.today.description
        // Sessions are recorded once they have ended: suggest one that ended on the last quarter hour.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = program.timeZone
        let clock = calendar.dateComponents([.hour, .minute], from: state.session.now)
        let nowTime = (clock.hour ?? 0) * 60 + (clock.minute ?? 0)
        let length = Self.usualMinutes(.group)
        let startMinutes = max(0, (nowTime / 15) * 15 - length)
        start = String(format: "%02d:%02d", startMinutes / 60, startMinutes % 60)
        minutes = String(length)
        let leaders = state.data.staff.values.filter { $0.isActive && $0.role != .admin }
            .sorted { $0.displayName < $1.displayName }
        facilitators = Picker(
            options: leaders.map { Picker.Option(id: $0.id.rawValue, label: $0.displayName,
                                                 key: SearchKey("\($0.displayName) \($0.id)")) },
            chosen: me.role == .admin ? [] : [me.id.rawValue])
        members = Picker(options: state.digest.facts.rows.map {
            Picker.Option(id: $0.id.rawValue, label: $0.name, key: $0.searchKey)
        })
    }

    static func usualMinutes(_ kind: SessionKind) -> Int {
        switch kind {
        case .individual: 50
        case .group: 90
        case .family: 60
        }
    }

    var keyMode: KeyMode { .form }
    var holdsAnswers: Bool { !members.chosen.isEmpty }

    /// The fields this kind of session has, in order.
    var fields: [Field] {
        Field.allCases.filter { field in
            switch field {
            case .supportMembers: kind == .family
            default: true
            }
        }
    }

    mutating func run(_ command: Command, in state: ConsoleState) -> ModalStep {
        problem = nil
        if command != .back { discardArmed = false }
        switch command {
        case .back:
            guard discardArmed || members.chosen.isEmpty else {
                discardArmed = true
                return .status(.error("Esc again discards this new session; Ctrl-S records it"))
            }
            return ModalStep(status: .info("New session discarded"), next: .close)
        case .nextTab, .acceptFilter where field != .members && field != .facilitators:
            moveField(by: 1)
        case .previousTab:
            moveField(by: -1)
        case .acceptFilter:
            if field == .members ? !members.pickHighlighted() : !facilitators.pickHighlighted() {
                moveField(by: 1)
            }
            return loadFamily()
        case .moveDown, .moveUp:
            let step = command == .moveDown ? 1 : -1
            switch field {
            case .members: members.moveHighlight(by: step)
            case .facilitators: facilitators.moveHighlight(by: step)
            case .supportMembers:
                supportHighlighted = max(0, min(supportHighlighted + step, supportOptions(state).count - 1))
            default: moveField(by: step)
            }
        case .nextChoice, .previousChoice:
            cycle(command == .nextChoice ? 1 : -1, state)
        case .deleteCharacter:
            suggested.remove(field)
            edit { text in if !text.isEmpty { text.removeLast() } }
            if field == .members { members.deleteBackward() }
            if field == .facilitators { facilitators.deleteBackward() }
        case .clearInput:
            edit { $0 = "" }
            if field == .members { members.clearQuery() }
            if field == .facilitators { facilitators.clearQuery() }
        case .save:
            return send(state)
        default:
            break
        }
        return ModalStep()
    }

    mutating func insert(_ text: String, in state: ConsoleState) -> ModalStep {
        problem = nil
        discardArmed = false
        switch field {
        case .kind:
            cycle(1, state)
        case .members:
            members.type(text)
        case .facilitators:
            facilitators.type(text)
        case .supportMembers:
            if text == " " { toggleSupportMember(state) }
        default:
            if suggested.remove(field) != nil { edit { $0 = "" } }
            edit { $0 += text }
        }
        return ModalStep()
    }

    mutating func receive(_ event: ModalEvent, in state: ConsoleState) -> ModalStep {
        guard case .written(let reply) = event, case .recordSession(let request) = reply.request, request == sent
        else { return ModalStep() }
        sent = nil
        switch reply.result {
        case .saved(let saved):
            guard let session = saved.session else { return .close }
            var opened = SessionScreen(id: session.id)
            _ = opened.receive(.sessionLoaded(session), in: state)
            return ModalStep(next: .replace(opened))
        case .refused(let reason), .failed(let reason), .namesOtherMembers(_, let reason):
            problem = reason
            return ModalStep()
        case .conflict(let conflict):
            problem = conflict.description
            return ModalStep()
        }
    }

    func whyUnavailable(_ command: Command, in state: ConsoleState) -> String? {
        command == .save && sent != nil ? "Saving…" : nil
    }

    private mutating func moveField(by step: Int) {
        let order = fields
        let index = order.firstIndex(of: field) ?? 0
        field = order[max(0, min(index + step, order.count - 1))]
    }

    private mutating func edit(_ change: (inout String) -> Void) {
        switch field {
        case .date: change(&date)
        case .start: change(&start)
        case .minutes: change(&minutes)
        case .topic: change(&topic)
        case .kind, .facilitators, .members, .supportMembers: break
        }
    }

    /// Left and Right: the kind of session, or the next topic of the catalog.
    private mutating func cycle(_ step: Int, _ state: ConsoleState) {
        switch field {
        case .kind:
            let kinds = SessionKind.allCases
            let index = kinds.firstIndex(of: kind) ?? 0
            let before = kind
            kind = kinds[(index + step + kinds.count) % kinds.count]
            if minutes == String(Self.usualMinutes(before)) { minutes = String(Self.usualMinutes(kind)) }
        case .topic:
            let topics = state.data.program.topics
            guard !topics.isEmpty else { return }
            let index = topics.firstIndex(of: topic).map { $0 + step } ?? (step > 0 ? 0 : topics.count - 1)
            topic = topics[(index + topics.count) % topics.count]
        default:
            break
        }
    }

    /// A family session's support members come from the participant's record.
    private func loadFamily() -> ModalStep {
        guard kind == .family, let first = members.chosen.first else { return ModalStep() }
        return ModalStep(effects: [.loadParticipant(ParticipantID(first))])
    }

    func supportOptions(_ state: ConsoleState) -> [SupportMember] {
        guard kind == .family, let first = members.chosen.first,
              let detail = state.loadedDetail(of: ParticipantID(first)) else { return [] }
        return detail.participant.supportMembers
    }

    private mutating func toggleSupportMember(_ state: ConsoleState) {
        let options = supportOptions(state)
        guard options.indices.contains(supportHighlighted) else { return }
        let id = options[supportHighlighted].id
        if let index = supportMembers.firstIndex(of: id) { supportMembers.remove(at: index) } else { supportMembers.append(id) }
    }

    /// Parses the form into a request for the core; a field that cannot be read is named in place.
    private mutating func send(_ state: ConsoleState) -> ModalStep {
        let parsed: SessionRequest
        do throws(DomainError) {
            // Each field is read on its own, so the one that cannot be read gets the focus.
            field = .date
            let day = try LocalDate(date.trimmingCharacters(in: .whitespaces))
            field = .start
            let time = try LocalTime(start.trimmingCharacters(in: .whitespaces))
            guard let length = Int(minutes.trimmingCharacters(in: .whitespaces)) else {
                field = .minutes
                problem = "Minutes must be a whole number, such as 50"
                return ModalStep()
            }
            field = .members
            parsed = SessionRequest(
                kind: kind, date: day, start: time, minutes: length,
                facilitators: facilitators.chosen.map { StaffID($0) },
                topic: topic.trimmingCharacters(in: .whitespaces).isEmpty ? nil : topic,
                members: members.chosen.map { AttendanceRequest(ParticipantID($0)) },
                supportMembers: kind == .family ? supportMembers.map { SupportMemberReference($0) } : [])
        } catch {
            problem = error.description
            return ModalStep()
        }
        sent = parsed
        return ModalStep(effects: [.write(.recordSession(parsed))], status: .info("Recording the session…"))
    }

    func draw(_ state: ConsoleState, in rect: Rect, into screen: inout Screen) {
        NewSessionView.draw(self, state, in: rect, into: &screen)
    }
}
