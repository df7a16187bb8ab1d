/// Everything a user can ask of the console by key or from the palette. Keys map to commands
/// only through `KeyTable`.
public enum Command: String, CaseIterable, Sendable, Hashable {
    case moveDown, moveUp, pageDown, pageUp, moveToTop, moveToBottom
    case open, back, quit
    case showToday, showRoster, showSessions, showDashboard
    case filter, showMine, showAll, showDischarged, nextSort, reverseSort, switchPane
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
    // The note editor (its keys come from `EditorKeys`)
    case cursorLeft, cursorRight, cursorUp, cursorDown, wordLeft, wordRight, lineStart, lineEnd, noteStart, noteEnd
    case nextSection, previousSection, newLine, deleteBackward, deleteForward, deleteWordBackward, deleteWordForward
    case undo, redo
    case signNote, editOutside, changeFormat
    case keepMine, keepTheirs, mergeByHand
    // Searching notes
    case searchNotes, searchAllNotes
    // Check-ins and safety flags
    case recordCheckIn, assessFlag, reviewAssessment, raiseFlag
    case interrupt
    // Level of care and discharge
    case changeLevelOfCare, discharge, readmit
    // The treatment plan, and a note's links to its objectives
    case addPlanItem, editPlanItem, setObjectiveStatus, reviewPlan
    case linkObjectives, toggleChoice, keepChoices
    // Reports
    case showReport

    /// Commands that only make sense while typing or inside the palette are not offered in it.
    var isOfferedInPalette: Bool {
        switch self {
        case .acceptFilter, .deleteCharacter, .clearInput, .runCommand, .openPalette: false
        // Keys of the screens that open over a page; the palette runs on the pages beneath them.
        case .markPresent, .markLate, .markLeftEarly, .markExcused, .markUnexcused, .addMinutes, .removeMinutes,
             .writeNarrative, .signAllReady, .addMember, .coSign, .addAddendum, .confirm, .decline,
             .nextChoice, .previousChoice, .save, .signNote, .editOutside, .changeFormat, .keepMine, .keepTheirs,
             .mergeByHand, .linkObjectives, .toggleChoice, .keepChoices:
            false
        case .pageUp, .pageDown:
            true
        default:
            editorCommand == nil
        }
    }

    /// What the note editor does for this command; nil for commands that are not the editor's.
    /// Page up and down serve lists and the editor alike.
    var editorCommand: EditorCommand? {
        switch self {
        case .cursorLeft: .left
        case .cursorRight: .right
        case .cursorUp: .up
        case .cursorDown: .down
        case .wordLeft: .wordLeft
        case .wordRight: .wordRight
        case .lineStart: .rowStart
        case .lineEnd: .rowEnd
        case .noteStart: .noteStart
        case .noteEnd: .noteEnd
        case .pageUp: .pageUp
        case .pageDown: .pageDown
        case .nextSection: .nextSection
        case .previousSection: .previousSection
        case .newLine: .newline
        case .deleteBackward: .deleteBackward
        case .deleteForward: .deleteForward
        case .deleteWordBackward: .deleteWordBackward
        case .deleteWordForward: .deleteWordForward
        case .undo: .undo
        case .redo: .redo
        default: nil
        }
    }

    /// The command the key table binds to an editor command with keys of its own.
    init?(editing command: EditorCommand) {
        guard let match = Command.allCases.first(where: { $0.editorCommand == command }) else { return nil }
        self = match
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
    /// Writing in the note editor.
    case editor
    /// Choosing between two versions of a note someone else saved first.
    case conflict
    /// Searching notes.
    case search
    /// Ticking the plan objectives a note addressed (`Ctrl-O` in the editor).
    case checklist
    /// Reading a report (`:report`).
    case reading

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
        case .editor: "Writing a note"
        case .conflict: "Two versions of a note"
        case .search: "Searching notes"
        case .checklist: "Linking a note to objectives"
        case .reading: "Reading a report"
        }
    }

    /// Modes where unbound printable keys are typed as text.
    var takesText: Bool { self == .filter || self == .palette || self == .form || self == .editor || self == .conflict
        || self == .search }
}

/// The headings of the help overlay and `caseload keys`, in the order they are listed.
public enum KeyGroup: Int, CaseIterable, Sendable, Hashable {
    case movement, screens, roster, participant, sessions, session, editor, note, search, reading, form, general, filter, palette, question, help

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
        case .search: "Searching notes"
        case .reading: "Reports"
        case .editor: "Writing a note"
        case .general: "General"
        case .filter: "While filtering"
        case .palette: "In the command palette"
        case .help: "In this help"
        }
    }
}
