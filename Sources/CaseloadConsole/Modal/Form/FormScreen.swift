import CaseloadCore
import TerminalKit

/// A form over the page: a check-in, a risk assessment, a plan item. Tab, Enter and the arrows
/// move between fields; each field takes its own keys (a digit, y or n, text); Ctrl-S asks the
/// core to save, and a refusal is shown in place with every answer kept; Esc twice discards.
struct FormScreen<Kind: FormKind>: ModalScreen, Equatable {
    let kind: Kind
    private(set) var fields: FormFields<Kind.Key>
    /// The answers as the form opened, to know whether Esc would lose anything.
    private let opening: FormFields<Kind.Key>
    private(set) var focus: Kind.Key
    /// What the core or the reading of a field said about the last attempt.
    private(set) var problem: String?
    /// The request on its way, to know its answer when it comes.
    private(set) var sent: WriteRequest?
    /// The request a question is asking about; it goes out if the answer is yes.
    private var confirming: WriteRequest?
    private var discardArmed = false

    init(_ kind: Kind, fields: [FormField<Kind.Key>]) {
        precondition(!fields.isEmpty, "A form has at least one field")
        self.kind = kind
        self.fields = FormFields(all: fields)
        opening = self.fields
        focus = fields[0].key
    }

    var keyMode: KeyMode { .form }
    var holdsAnswers: Bool { fields != opening }

    /// The fields that apply now, in order.
    var shownFields: [FormField<Kind.Key>] {
        fields.all.filter { kind.isShown($0.key, in: fields) }
    }

    mutating func run(_ command: Command, in state: ConsoleState) -> ModalStep {
        problem = nil
        if command != .back { discardArmed = false }
        switch command {
        case .back:
            guard discardArmed || fields == opening else {
                discardArmed = true
                return .status(.error("Esc again discards this \(kind.whatIsDiscarded); Ctrl-S saves it"))
            }
            return ModalStep(status: .info("Nothing was saved"), next: .close)
        case .nextTab, .moveDown, .acceptFilter:
            moveFocus(by: 1)
        case .previousTab, .moveUp:
            moveFocus(by: -1)
        case .nextChoice, .previousChoice:
            change { $0.cycle(by: command == .nextChoice ? 1 : -1) }
        case .deleteCharacter:
            change { $0.deleteBackward() }
        case .clearInput:
            change { $0.clear() }
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
        guard let index = fields.all.firstIndex(where: { $0.key == focus }) else { return ModalStep() }
        if fields.all[index].value.isTyped {
            // Pasted text may hold line breaks; a form field is one paragraph.
            let line = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            _ = fields.all[index].value.type(line)
            return ModalStep()
        }
        // One key at a time, so a pasted "2103" answers four items.
        for character in text {
            guard let index = fields.all.firstIndex(where: { $0.key == focus }) else { break }
            let (refusal, advance) = fields.all[index].value.type(String(character))
            if let refusal { return .status(.error("\(fields.all[index].label): \(refusal)")) }
            if advance { moveFocus(by: 1) }
        }
        return ModalStep()
    }

    mutating func receive(_ event: ModalEvent, in state: ConsoleState) -> ModalStep {
        guard case .written(let reply) = event, reply.request == sent || reply.request == confirming else { return ModalStep() }
        sent = nil
        confirming = nil
        switch reply.result {
        case .saved(let saved):
            return kind.afterSaving(saved, status: reply.status, in: state)
        case .refused(let reason), .failed(let reason), .namesOtherMembers(_, let reason):
            problem = reason
        case .conflict(let conflict):
            problem = conflict.description
        }
        return ModalStep()
    }

    func whyUnavailable(_ command: Command, in state: ConsoleState) -> String? {
        command == .save && sent != nil ? "Saving…" : nil
    }

    private mutating func change(_ edit: (inout FormValue) -> Void) {
        guard let index = fields.all.firstIndex(where: { $0.key == focus }) else { return }
        edit(&fields.all[index].value)
    }

    private mutating func moveFocus(by step: Int) {
        let order = shownFields.map(\.key)
        let index = order.firstIndex(of: focus) ?? 0
        focus = order[max(0, min(index + step, order.count - 1))]
    }

    /// Reads the fields into a request; a field that cannot be read gets the focus and the reason.
    private mutating func send(_ state: ConsoleState) -> ModalStep {
        do throws(FormProblem<Kind.Key>) {
            let request = try kind.request(from: fields, in: state)
            if let question = kind.confirmation(of: request, in: state) {
                // The question sends the save on `y`; the form stays beneath it to take the answer.
                confirming = request
                return .push(Question(question, effects: [.write(request)], declined: "Not saved; the form is as you left it"))
            }
            sent = request
            return ModalStep(effects: [.write(request)], status: .info("Saving…"))
        } catch {
            if let field = error.field { focus = field }
            problem = error.message
            return ModalStep()
        }
    }

    func draw(_ state: ConsoleState, in rect: Rect, into screen: inout Screen) {
        FormView.draw(self, state, in: rect, into: &screen)
    }
}
