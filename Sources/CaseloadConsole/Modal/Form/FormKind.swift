import CaseloadCore
import TerminalKit

/// What a form is for: its title, the save its fields make, and what it says while it is filled.
/// Every rule stays in the core; a kind only reads the fields into a `WriteRequest`.
protocol FormKind: Sendable, Equatable {
    associatedtype Key: Hashable & Sendable
    /// The box's title, naming whose record it changes.
    func title(in state: ConsoleState) -> String
    /// The save the fields ask for, or the field that cannot be read and why.
    func request(from fields: FormFields<Key>, in state: ConsoleState) throws(FormProblem<Key>) -> WriteRequest
    /// Lines above the fields (live totals, a warning), worked out from the answers so far.
    func notices(_ fields: FormFields<Key>, in state: ConsoleState) -> [FormNotice]
    /// Fields that apply only after another answer ("what was used" after "yes").
    func isShown(_ key: Key, in fields: FormFields<Key>) -> Bool
    /// What follows a save the core accepted: by default the form closes and shows `status`, what
    /// was saved and any warning.
    func afterSaving(_ saved: SavedChange, status: StatusMessage, in state: ConsoleState) -> ModalStep
    /// What is discarded by a second Esc, as in "Esc again discards this check-in".
    var whatIsDiscarded: String { get }
    /// A question to answer `y` before `request` is saved, for a change hard to take back.
    func confirmation(of request: WriteRequest, in state: ConsoleState) -> String?
}

extension FormKind {
    func notices(_ fields: FormFields<Key>, in state: ConsoleState) -> [FormNotice] { [] }
    func isShown(_ key: Key, in fields: FormFields<Key>) -> Bool { true }
    func confirmation(of request: WriteRequest, in state: ConsoleState) -> String? { nil }
    func afterSaving(_ saved: SavedChange, status: StatusMessage, in state: ConsoleState) -> ModalStep {
        ModalStep(status: status, next: .close)
    }
}

extension ConsoleState {
    /// "Check-in · Ávila, Ana María": what a form records, and whose record it goes in.
    func formTitle(_ what: String, for participant: ParticipantID) -> String {
        "\(what) \(session.glyphs.separator) " + digest.facts.shownName(of: participant, glyphs: session.glyphs)
    }

    /// The same for a participant who may not be on the roster (a discharged one).
    func formTitle(_ what: String, for person: Participant) -> String {
        "\(what) \(session.glyphs.separator) " + digest.facts.shownName(of: person, glyphs: session.glyphs)
    }
}

/// A line shown above a form's fields.
struct FormNotice: Sendable, Equatable {
    var text: String
    /// A warning that must not be missed, drawn as a banner.
    var isAlarm = false

    static func alarm(_ text: String) -> FormNotice { FormNotice(text: text, isAlarm: true) }
}

/// A field that cannot be read, and why; the form moves its focus there.
struct FormProblem<Key: Hashable & Sendable>: Error, Sendable, Equatable {
    var field: Key?
    var message: String
}

/// The answers of a form, read by its kind.
struct FormFields<Key: Hashable & Sendable>: Sendable, Equatable {
    var all: [FormField<Key>]

    subscript(key: Key) -> FormValue? {
        all.first { $0.key == key }?.value
    }

    /// The text typed, trimmed; empty when nothing was.
    func text(_ key: Key) -> String {
        switch self[key] {
        case .text(let text), .date(let text, _): text.trimmingCharacters(in: .whitespaces)
        default: ""
        }
    }

    /// The typed text, or nil when the field was left empty.
    func optionalText(_ key: Key) -> String? {
        let text = text(key)
        return text.isEmpty ? nil : text
    }

    /// The date typed, nil when left empty; a date that cannot be read names the field.
    func date(_ key: Key) throws(FormProblem<Key>) -> LocalDate? {
        let typed = text(key)
        guard !typed.isEmpty else { return nil }
        do throws(DomainError) {
            return try LocalDate(typed)
        } catch {
            throw FormProblem(field: key, message: error.description)
        }
    }

    func choice(_ key: Key) -> Int? {
        if case .choice(_, let selected) = self[key] { selected } else { nil }
    }

    func yesNo(_ key: Key) -> Bool? {
        if case .yesNo(let answer) = self[key] { answer } else { nil }
    }

    func score(_ key: Key) -> Int? {
        if case .score(let score, _, _) = self[key] { score } else { nil }
    }

    func isChecked(_ key: Key) -> Bool {
        if case .check(let on) = self[key] { on } else { false }
    }
}
