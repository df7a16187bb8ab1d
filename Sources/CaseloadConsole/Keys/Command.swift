/// Everything a user can ask of the console by key or from the palette. Keys map to commands
/// only through `KeyTable`.
public enum Command: String, CaseIterable, Sendable, Hashable {
    case moveDown, moveUp, pageDown, pageUp, moveToTop, moveToBottom
    case open, back, quit
    case showToday, showRoster, showSessions, showDashboard
    case filter, showMine, showAll, nextSort, reverseSort, switchPane
    case nextTab, previousTab
    case acceptFilter, deleteCharacter, clearInput
    case runCommand
    case toggleHelp, openPalette, reload
    // Sessions
    case newSession, previousWeek, nextWeek, toggleMineAll
    // A session
    case markPresent, markLate, markLeftEarly, markExcused, markUnexcused, addMinutes, removeMinutes
    case writeNarrative, signAllReady, addMember
    // Notes
    case coSign, addAddendum
    // Questions
    case confirm, decline
    // Forms
    case nextChoice, previousChoice, save

    /// Commands that only make sense while typing or inside the palette are not offered in it.
    var isOfferedInPalette: Bool {
        switch self {
        case .acceptFilter, .deleteCharacter, .clearInput, .runCommand, .openPalette: false
        // Keys of the screens that open over a page; the palette runs on the pages beneath them.
        case .markPresent, .markLate, .markLeftEarly, .markExcused, .markUnexcused, .addMinutes, .removeMinutes,
             .writeNarrative, .signAllReady, .addMember, .coSign, .addAddendum, .confirm, .decline,
             .nextChoice, .previousChoice, .save:
            false
        default: true
        }
    }
}

/// Which bindings apply: one mode at a time, derived from the state (`ConsoleState.keyMode`).
public enum KeyMode: String, CaseIterable, Sendable, Hashable {
    /// The roster screen.
    case roster
    /// Today, Sessions and Dashboard.
    case report
    /// A participant's screen with its tabs.
    case participant
    /// Typing a roster filter after `/`.
    case filter
    /// The `:` command palette.
    case palette
    /// The `?` help overlay.
    case help
    /// A session's screen: its members, attendance and notes.
    case session
    /// Reading a note that is signed (or one the user may not write).
    case note
    /// A question waiting for y or n.
    case question
    /// Filling in a form, such as a new session.
    case form

    public var title: String {
        switch self {
        case .roster: "Roster"
        case .report: "Today, Sessions, Dashboard"
        case .participant: "Participant screen"
        case .filter: "Typing a filter"
        case .palette: "Command palette"
        case .help: "Help"
        case .session: "A session"
        case .note: "Reading a note"
        case .question: "A question"
        case .form: "A form"
        }
    }

    /// Modes where unbound printable keys are typed as text.
    var takesText: Bool { self == .filter || self == .palette || self == .form }
}

/// The headings of the help overlay and `caseload keys`, in the order they are listed.
public enum KeyGroup: Int, CaseIterable, Sendable, Hashable {
    case movement, screens, roster, participant, sessions, session, note, form, general, filter, palette, question, help

    public var title: String {
        switch self {
        case .movement: "Moving around"
        case .screens: "Screens"
        case .roster: "Roster"
        case .participant: "Participant"
        case .sessions: "Today and Sessions"
        case .session: "A session"
        case .note: "Reading a note"
        case .question: "A question"
        case .form: "In a form"
        case .general: "General"
        case .filter: "While filtering"
        case .palette: "In the command palette"
        case .help: "In this help"
        }
    }
}
