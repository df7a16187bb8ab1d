import CaseloadCore
import TerminalKit

/// A screen that opens over the page and takes the keys until it closes: a session, the note
/// editor, a form, a question. The top one of `ConsoleState.modals` gets every key first, through
/// its own mode in the one key table; it answers with a `ModalStep`, so adding a screen adds a
/// type, not cases to the console's switches.
protocol ModalScreen: Sendable {
    /// The bindings that apply while this screen is on top.
    var keyMode: KeyMode { get }
    /// Runs a command of its mode; `state` is the console around it, read-only.
    mutating func run(_ command: Command, in state: ConsoleState) -> ModalStep
    /// Text typed or pasted while it is on top, in a mode that takes text.
    mutating func insert(_ text: String, in state: ConsoleState) -> ModalStep
    /// Results of saves and loads reach every open screen; each takes what concerns it.
    mutating func receive(_ event: ModalEvent, in state: ConsoleState) -> ModalStep
    /// Why `command` cannot run now, or nil when it can.
    func whyUnavailable(_ command: Command, in state: ConsoleState) -> String?
    /// Draws the screen over the body of the console.
    func draw(_ state: ConsoleState, in rect: Rect, into screen: inout Screen)
    /// True while it holds typed text not yet saved, not even as a draft.
    var hasUnsavedText: Bool { get }
    /// True while leaving it by anything but its own Esc would lose what was typed or chosen:
    /// Ctrl-C then goes back as Esc does instead of quitting.
    var holdsAnswers: Bool { get }
    /// Draws over the screen beneath it (a question) rather than over the whole body.
    var isOverlay: Bool { get }
    /// Compares with another screen of any type, so the console state stays `Equatable`.
    func isEqual(to other: any ModalScreen) -> Bool
}

extension ModalScreen {
    mutating func insert(_ text: String, in state: ConsoleState) -> ModalStep { ModalStep() }
    mutating func receive(_ event: ModalEvent, in state: ConsoleState) -> ModalStep { ModalStep() }
    func whyUnavailable(_ command: Command, in state: ConsoleState) -> String? { nil }
    var hasUnsavedText: Bool { false }
    var holdsAnswers: Bool { hasUnsavedText }
    var isOverlay: Bool { false }
}

extension ModalScreen where Self: Equatable {
    func isEqual(to other: any ModalScreen) -> Bool { (other as? Self) == self }
}

/// What a modal screen asks for after a key or an event.
struct ModalStep: Sendable {
    var effects: [Effect] = []
    var status: StatusMessage?
    var next: Next = .stay

    enum Next: Sendable {
        case stay
        /// Close this screen and show the one beneath.
        case close
        /// Open another screen on top of this one.
        case push(any ModalScreen)
        /// Close this screen and open another in its place.
        case replace(any ModalScreen)
    }

    init(effects: [Effect] = [], status: StatusMessage? = nil, next: Next = .stay) {
        self.effects = effects
        self.status = status
        self.next = next
    }

    static func status(_ message: StatusMessage) -> ModalStep { ModalStep(status: message) }
    static let close = ModalStep(next: .close)
    static func push(_ screen: any ModalScreen, effects: [Effect] = []) -> ModalStep {
        ModalStep(effects: effects, next: .push(screen))
    }
}

/// Something that happened outside a modal screen that it may need to know.
enum ModalEvent: Sendable, Equatable {
    /// A save finished: saved, refused or in conflict.
    case written(WriteReply)
    /// A session was loaded or reloaded.
    case sessionLoaded(Session)
    case sessionLoadFailed(SessionID, String)
    /// The text an outside editor handed back, or why it could not run.
    case externalEditFinished(ExternalEditResult)
    /// Typing paused long enough (or went on long enough) that unsaved text should be saved.
    case autosaveDue
    /// The caseload changed on disk; screens showing a record ask for it again.
    case caseloadChanged
    /// A note search finished.
    case notesFound(NoteSearchQuery, NotesFound)
    /// A participant's record was loaded (for the note editor, their plan's objectives).
    case participantLoaded(ParticipantDetail)
    /// A report's text came back, or could not be made.
    case reportLoaded(ReportRequest, LoadedReport)
    case reportLoadFailed(ReportRequest, String)
}
