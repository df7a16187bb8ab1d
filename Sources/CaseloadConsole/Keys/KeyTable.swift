import CaseloadCore
import TerminalKit

/// The one table of keys. Dispatch, the status line hints, the `?` overlay, the `:` palette and
/// `caseload keys` all read it, so what the help says is what the keys do.
public enum KeyTable {
    private static let browsing: Set<KeyMode> = [.roster, .report, .participant]
    private static let lists: Set<KeyMode> = [.roster, .report, .participant, .help, .session, .note, .reading]

    public static let bindings: [KeyBinding] = pageBindings + editorBindings

    private static let pageBindings: [KeyBinding] = [
        // Moving around
        KeyBinding([.char("j"), .down], .moveDown, "Move down", group: .movement, modes: lists),
        KeyBinding([.char("k"), .up], .moveUp, "Move up", group: .movement, modes: lists),
        KeyBinding([.pageDown, .ctrl("d")], .pageDown, "Page down", group: .movement, modes: lists),
        KeyBinding([.pageUp, .ctrl("u")], .pageUp, "Page up", group: .movement, modes: lists),
        KeyBinding([.char("g"), .home], .moveToTop, "Go to the top", group: .movement, modes: lists),
        KeyBinding([.char("G"), .end], .moveToBottom, "Go to the bottom", group: .movement, modes: lists),
        KeyBinding([.enter], .open, "Open the selected participant", group: .movement,
                   modes: [.roster, .report], hint: "open", unavailable: whyNothingToOpen),
        KeyBinding([.escape], .back, "Go back one step", group: .movement,
                   modes: [.roster, .report, .participant, .session, .note], hint: "back", unavailable: whyNoStepBack),
        // Screens
        KeyBinding([.char("1")], .showToday, "Show Today: my sessions, notes and check-ins due",
                   group: .screens, modes: browsing),
        KeyBinding([.char("2")], .showRoster, "Show the Roster", group: .screens, modes: browsing),
        KeyBinding([.char("3")], .showSessions, "Show this week's Sessions", group: .screens, modes: browsing),
        KeyBinding([.char("4")], .showDashboard, "Show the Dashboard of flags and overdue work",
                   group: .screens, modes: browsing),
        // Roster
        KeyBinding([.char("/")], .filter, "Filter the roster by name, id or counselor", group: .roster,
                   modes: [.roster], hint: "filter"),
        KeyBinding([.char("m")], .showMine, "Show my caseload", group: .roster, modes: [.roster], hint: "mine"),
        KeyBinding([.char("a")], .showAll, "Show all participants", group: .roster, modes: [.roster], hint: "all"),
        KeyBinding([.char("d")], .showDischarged, "Show discharged participants (their charts open read-only)",
                   group: .roster, modes: [.roster]),
        KeyBinding([.char("s")], .nextSort, "Sort by name, level, hours, check-in or score",
                   group: .roster, modes: [.roster], hint: "sort"),
        KeyBinding([.char("S")], .reverseSort, "Reverse the sort order", group: .roster, modes: [.roster]),
        KeyBinding([.tab], .switchPane, "Switch between the roster and the detail pane", group: .roster,
                   modes: [.roster], unavailable: whyNoDetailPane),
        // Participant
        KeyBinding([.tab, .char("]")], .nextTab, "Next tab", group: .participant, modes: [.participant],
                   hint: "tabs"),
        KeyBinding([.backTab, .char("[")], .previousTab, "Previous tab", group: .participant,
                   modes: [.participant]),
        // The Plan tab.
        KeyBinding([.char("a")], .addPlanItem, "Add a problem, goal or objective under the selected line",
                   group: .participant, modes: [.participant], hint: "add", unavailable: whyNotPlanTab),
        KeyBinding([.char("e")], .editPlanItem, "Edit the selected problem, goal or objective", group: .participant,
                   modes: [.participant], hint: "edit", unavailable: whyNoPlanItem),
        KeyBinding([.char("s")], .setObjectiveStatus, "Set the selected objective's status", group: .participant,
                   modes: [.participant], hint: "status", unavailable: whyNoObjective),
        KeyBinding([.char("c")], .recordCheckIn, "Record a check-in: PHQ-9, GAD-7, craving, use, drug screen",
                   group: .participant, modes: [.roster, .participant, .report], hint: "check-in", unavailable: whyNoCheckIn),
        KeyBinding([.char("A")], .assessFlag, "Assess the open safety flag (risk assessment)", group: .participant,
                   modes: [.participant], hint: "assess flag", unavailable: whyNoFlagToAssess),
        // `R` serves two commands (see `sharedKeys`): on the Plan tab it records a plan review, on
        // any other tab it reviews a high-risk assessment; where neither can run, the first says why.
        KeyBinding([.char("R")], .reviewAssessment, "Review the high-risk assessment (supervisors)",
                   group: .participant, modes: [.participant], unavailable: whyNoAssessmentToReview),
        KeyBinding([.char("R")], .reviewPlan, "Record a plan review (date, note) on the Plan tab", group: .participant,
                   modes: [.participant], hint: "review", unavailable: whyNotPlanTab),
        KeyBinding([.char("F")], .raiseFlag, "Raise a safety flag for a concern voiced in session",
                   group: .participant, modes: [.participant], unavailable: whyNoRaisingFlag),
        KeyBinding([.char("t")], .changeLevelOfCare, "Step down or up a level of care", group: .participant,
                   modes: [.participant], hint: "step down/up", unavailable: whyNoLevelChange),
        KeyBinding([.char("D")], .discharge, "Discharge with a summary and an aftercare plan", group: .participant,
                   modes: [.participant], hint: "discharge", unavailable: whyNoDischarge),
        KeyBinding([.char("N")], .readmit, "Readmit a discharged participant for a new stay", group: .participant,
                   modes: [.participant], hint: "readmit", unavailable: whyNoReadmit),
        // General
        // Today and Sessions
        KeyBinding([.char("n")], .newSession, "Record a new session", group: .sessions, modes: [.report],
                   hint: "new session", unavailable: whyNoNewSession),
        KeyBinding([.char("<")], .previousWeek, "Show the week before", group: .sessions, modes: [.report],
                   hint: "week", unavailable: whyNotSessions),
        KeyBinding([.char(">")], .nextWeek, "Show the week after", group: .sessions, modes: [.report],
                   unavailable: whyNotSessions),
        KeyBinding([.char("m")], .toggleMineAll, "Show my sessions or everyone's", group: .sessions,
                   modes: [.report], hint: "mine/all", unavailable: whyNotSessions),
        // A session
        KeyBinding([.enter], .open, "Write or read the selected member's note", group: .session,
                   modes: [.session], hint: "note"),
        KeyBinding([.char("p")], .markPresent, "Mark present for the whole session", group: .session,
                   modes: [.session], hint: "present"),
        KeyBinding([.char("l")], .markLate, "Mark late", group: .session, modes: [.session]),
        KeyBinding([.char("e")], .markLeftEarly, "Mark left early", group: .session, modes: [.session]),
        KeyBinding([.char("x")], .markExcused, "Mark an excused absence", group: .session, modes: [.session]),
        KeyBinding([.char("u")], .markUnexcused, "Mark an unexcused absence", group: .session, modes: [.session]),
        KeyBinding([.char("+")], .addMinutes, "Add 15 minutes attended", group: .session, modes: [.session]),
        KeyBinding([.char("-")], .removeMinutes, "Take off 15 minutes attended", group: .session, modes: [.session]),
        KeyBinding([.char("w")], .writeNarrative, "Write the group's shared narrative", group: .session,
                   modes: [.session], hint: "narrative"),
        KeyBinding([.char("S")], .signAllReady, "Sign every note that is ready", group: .session,
                   modes: [.session], hint: "sign ready"),
        KeyBinding([.char("a")], .addMember, "Add a participant who arrived late", group: .session,
                   modes: [.session]),
        // Reading a note
        KeyBinding([.char("C")], .coSign, "Co-sign this note", group: .note, modes: [.note], hint: "co-sign"),
        KeyBinding([.char("A")], .addAddendum, "Add a dated addendum to the signed note", group: .note,
                   modes: [.note, .session], hint: "addendum"),
        // A form
        KeyBinding([.tab], .nextTab, "Next field", group: .form, modes: [.form], hint: "next"),
        KeyBinding([.backTab], .previousTab, "Previous field", group: .form, modes: [.form]),
        KeyBinding([.down], .moveDown, "Next match, or the next field", group: .form, modes: [.form]),
        KeyBinding([.up], .moveUp, "Previous match, or the previous field", group: .form, modes: [.form]),
        KeyBinding([.right], .nextChoice, "Next choice (kind, topic)", group: .form, modes: [.form]),
        KeyBinding([.left], .previousChoice, "Previous choice (kind, topic)", group: .form, modes: [.form]),
        KeyBinding([.enter], .acceptFilter, "Next field; in a list of names, add the highlighted one", group: .form,
                   modes: [.form]),
        KeyBinding([.backspace], .deleteCharacter, "Delete the last character or the last choice", group: .form,
                   modes: [.form]),
        KeyBinding([.ctrl("u")], .clearInput, "Clear the field", group: .form, modes: [.form]),
        KeyBinding([.ctrl("s")], .save, "Save", group: .form, modes: [.form], hint: "save"),
        KeyBinding([.escape], .back, "Discard and close", group: .form, modes: [.form], hint: "discard"),
        // Two versions of a note
        KeyBinding([.char("m")], .keepMine, "Keep your version", group: .note, modes: [.conflict], hint: "keep yours"),
        KeyBinding([.char("t")], .keepTheirs, "Take the version saved by the other person", group: .note,
                   modes: [.conflict], hint: "take theirs"),
        KeyBinding([.char("e")], .mergeByHand, "Put both versions in the editor to merge by hand", group: .note,
                   modes: [.conflict], hint: "merge"),
        KeyBinding([.escape], .back, "Say how to choose (nothing is lost)", group: .note, modes: [.conflict]),
        // Searching notes
        KeyBinding([.char("/")], .searchNotes, "Search this participant's notes", group: .search, modes: [.participant],
                   hint: "search notes", unavailable: whyNotNotesTab),
        KeyBinding([.ctrl("f")], .searchAllNotes, "Search everyone's notes (or type :search and the words)",
                   group: .search, modes: browsing),
        KeyBinding([.enter], .open, "Search, or open the selected result", group: .search, modes: [.search],
                   hint: "search/open"),
        KeyBinding([.down], .moveDown, "Next result", group: .search, modes: [.search]),
        KeyBinding([.up], .moveUp, "Previous result", group: .search, modes: [.search]),
        KeyBinding([.pageDown], .pageDown, "Results a page down", group: .search, modes: [.search]),
        KeyBinding([.pageUp], .pageUp, "Results a page up", group: .search, modes: [.search]),
        KeyBinding([.backspace], .deleteCharacter, "Delete the last character", group: .search, modes: [.search]),
        KeyBinding([.ctrl("u")], .clearInput, "Delete everything typed", group: .search, modes: [.search]),
        KeyBinding([.escape], .back, "Close the search", group: .search, modes: [.search], hint: "close"),
        // Reports
        KeyBinding([.char("P")], .showReport,
                   "Report: progress of this participant, or the program's week",
                   group: .reading, modes: browsing),
        KeyBinding([.escape], .back, "Close the report", group: .reading, modes: [.reading], hint: "close"),
        // A question
        KeyBinding([.char("y")], .confirm, "Yes, go ahead", group: .question, modes: [.question], hint: "yes"),
        KeyBinding([.char("n")], .decline, "No, leave it", group: .question, modes: [.question], hint: "no"),
        KeyBinding([.escape], .back, "No, and close the question", group: .question, modes: [.question]),
        // General
        KeyBinding([.char("?")], .toggleHelp, "Show or hide this help", group: .general,
                   modes: [.roster, .report, .participant, .help, .session, .note, .reading], hint: "help"),
        KeyBinding([.char(":")], .openPalette, "Open the command palette", group: .general,
                   modes: browsing, hint: "commands"),
        KeyBinding([.char("r")], .reload, "Reload the caseload from disk", group: .general, modes: browsing),
        KeyBinding([.char("q")], .quit, "Quit Caseload", group: .general, modes: browsing, hint: "quit",
                   unavailable: whyNotQuit),
        KeyBinding([.ctrl("c")], .interrupt, "Quit; in a form or a note with answers, go back as Esc does",
                   group: .general, modes: Set(KeyMode.allCases)),
        // While filtering
        KeyBinding([.enter], .acceptFilter, "Keep the filter and return to the list", group: .filter,
                   modes: [.filter], hint: "keep"),
        KeyBinding([.escape], .back, "Clear the filter", group: .filter, modes: [.filter], hint: "clear"),
        KeyBinding([.down, .ctrl("n")], .moveDown, "Move down while typing", group: .filter,
                   modes: [.filter, .palette]),
        KeyBinding([.up, .ctrl("p")], .moveUp, "Move up while typing", group: .filter, modes: [.filter, .palette]),
        KeyBinding([.backspace], .deleteCharacter, "Delete the last character", group: .filter,
                   modes: [.filter, .palette]),
        KeyBinding([.ctrl("u")], .clearInput, "Delete everything typed", group: .filter, modes: [.filter, .palette]),
        // Command palette
        KeyBinding([.enter], .runCommand, "Run the selected command", group: .palette, modes: [.palette],
                   hint: "run", unavailable: whyNoCommandMatches),
        KeyBinding([.escape], .back, "Close the palette", group: .palette, modes: [.palette], hint: "close"),
        // Help
        KeyBinding([.escape, .char("q")], .back, "Close the help", group: .help, modes: [.help], hint: "close"),
    ]

    /// The editor's keys, from `EditorKeys`, with the keys of the screen that holds the editor.
    private static let editorBindings: [KeyBinding] = [
        KeyBinding([.ctrl("s")], .signNote, "Sign; for a narrative, save it (asks first)",
                   group: .editor, modes: [.editor], hint: "sign"),
        KeyBinding([.ctrl("e")], .editOutside, "Write in your own editor ($VISUAL or $EDITOR)", group: .editor,
                   modes: [.editor], hint: "own editor"),
        KeyBinding([.ctrl("t")], .changeFormat, "Change the format while the note is empty",
                   group: .editor, modes: [.editor]),
        KeyBinding([.ctrl("o")], .linkObjectives, "Link the note to the plan objectives it addressed",
                   group: .editor, modes: [.editor]),
        KeyBinding([.char("j"), .down], .moveDown, "Next objective", group: .editor, modes: [.checklist]),
        KeyBinding([.char("k"), .up], .moveUp, "Previous objective", group: .editor, modes: [.checklist]),
        KeyBinding([.char(" ")], .toggleChoice, "Tick or clear the selected objective", group: .editor,
                   modes: [.checklist], hint: "tick"),
        KeyBinding([.enter], .keepChoices, "Keep these links and go back to the note", group: .editor,
                   modes: [.checklist], hint: "keep"),
        KeyBinding([.escape], .back, "Go back to the note, links unchanged", group: .editor, modes: [.checklist],
                   hint: "cancel"),
        KeyBinding([.escape], .back, "Leave the editor; the text is saved, not signed", group: .editor,
                   modes: [.editor], hint: "leave"),
    ] + EditorKeys.bindings.compactMap { binding in
        Command(editing: binding.command).map {
            KeyBinding(binding.keys, $0, binding.help, group: .editor, modes: [.editor],
                       hint: $0 == .nextSection ? "next section" : $0 == .undo ? "undo" : nil)
        }
    }

    /// Commands that share a key in one mode, each available where the other is not (on different
    /// tabs, or for different roles); `action(for:in:)` runs the one that can.
    static let sharedKeys: Set<Set<Command>> = [[.reviewAssessment, .reviewPlan]]

    /// The bindings that apply in `mode`, in table order.
    public static func bindings(in mode: KeyMode) -> [KeyBinding] {
        byMode[mode] ?? []
    }

    private static let byMode: [KeyMode: [KeyBinding]] = Dictionary(
        uniqueKeysWithValues: KeyMode.allCases.map { mode in (mode, bindings.filter { $0.modes.contains(mode) }) })

    public static func binding(for key: Key, in mode: KeyMode) -> KeyBinding? {
        bindings(in: mode).first { $0.keys.contains(key) }
    }

    public static func binding(for command: Command, in mode: KeyMode) -> KeyBinding? {
        bindings(in: mode).first { $0.command == command }
    }

    /// What the palette and listings call a command: the help of its first binding.
    public static func title(of command: Command) -> String {
        bindings.first { $0.command == command }?.help ?? command.rawValue
    }

    /// The action a key press means in `state`: a command, typed text, or a key to explain.
    public static func action(for key: Key, in state: ConsoleState) -> Action {
        let mode = state.keyMode
        // A key may serve two commands of one mode on different tabs (R reviews an assessment,
        // or a plan on the Plan tab): the one that can run now wins, else the first explains.
        let bound = bindings(in: mode).filter { $0.keys.contains(key) }
        let chosen = bound.count > 1 ? bound.first { $0.whyUnavailable(in: state) == nil } ?? bound.first : bound.first
        if let binding = chosen { return .command(binding.command) }
        if mode.takesText {
            switch key {
            case .char(let character): return .insertText(String(character))
            case .paste(let text): return .insertText(text)
            default: break
            }
        }
        if key == .resize { return .resized(state.size) }
        return .unboundKey(key)
    }

    /// The width of the widest key names in `group`: each group lines up its own help text, so
    /// one long list of keys does not push every other group's help to the right.
    static func keysWidth(of group: KeyGroup) -> Int {
        bindings.filter { $0.group == group }.map { DisplayWidth.of($0.keyNames) }.max() ?? 0
    }

    /// The key table as `caseload keys` prints it: a heading per group, then keys, help and modes.
    public static func listing() -> [String] {
        var lines: [String] = []
        for group in KeyGroup.allCases {
            let members = bindings.filter { $0.group == group }
            guard !members.isEmpty else { continue }
            if !lines.isEmpty { lines.append("") }
            lines.append(group.title)
            let keysWidth = keysWidth(of: group)
            for binding in members {
                let modes = KeyMode.allCases.filter(binding.modes.contains).map(\.title).joined(separator: "; ")
                lines.append("  " + DisplayWidth.fit(binding.keyNames, to: keysWidth) + "  " + binding.help
                             + "  (\(modes))")
            }
        }
        return lines
    }
}

// MARK: - Why a key cannot run here

extension KeyTable {
    @Sendable static func whyNothingToOpen(_ state: ConsoleState) -> String? {
        if state.keyMode == .report {
            guard let row = state.selectedReportRow else { return "Nothing to open on this screen" }
            return row.opens == nil ? row.whyNoParticipant ?? "This row has nothing to open" : nil
        }
        guard state.selectedRosterParticipant == nil else { return nil }
        if !state.roster.query.isEmpty {
            return "No participant matches \"\(state.roster.query)\"; Esc clears the filter"
        }
        switch state.roster.scope {
        case .mine: return "No participants on your caseload; press a to show everyone"
        case .discharged:
            return state.discharged == nil ? "Reading the discharged participants' files…" : "No one has been discharged yet"
        case .caseload: return "No participants on this caseload; press a to show everyone"
        case .all: break
        }
        return "Select a participant first"
    }

    @Sendable static func whyNoNewSession(_ state: ConsoleState) -> String? {
        state.page == .today || state.page == .sessions ? nil : "Record a session from Today (1) or Sessions (3)"
    }

    @Sendable static func whyNotNotesTab(_ state: ConsoleState) -> String? {
        state.participantScreen?.tab == .sessions ? nil : "Search works on the Notes tab; Tab moves to it"
    }

    @Sendable static func whyNotPlanTab(_ state: ConsoleState) -> String? {
        guard let screen = state.participantScreen, screen.tab == .plan else { return "Works on the Plan tab; Tab moves to it" }
        return Permissions.whyNot(.editPlan, by: state.session.staff) ?? state.whyChartReadOnly(screen.id)
    }

    @Sendable static func whyNoPlanItem(_ state: ConsoleState) -> String? {
        if let reason = whyNotPlanTab(state) { return reason }
        return state.selectedPlanItem == nil ? "The plan has no line yet; a adds the first problem" : nil
    }

    @Sendable static func whyNoObjective(_ state: ConsoleState) -> String? {
        if let reason = whyNotPlanTab(state) { return reason }
        if case .objective = state.selectedPlanItem { return nil }
        return "Select an objective first (j/k); a status belongs to an objective"
    }

    @Sendable static func whyNoCheckIn(_ state: ConsoleState) -> String? {
        guard let id = state.participantInView else {
            return state.keyMode == .report ? "Select a row about a participant first" : "Select a participant first"
        }
        return Permissions.whyNot(.recordCheckIn, by: state.session.staff) ?? state.whyChartReadOnly(id)
    }

    @Sendable static func whyNoFlagToAssess(_ state: ConsoleState) -> String? {
        if let reason = Permissions.whyNot(.acknowledgeFlag, by: state.session.staff) { return reason }
        guard let detail = state.shownDetail else { return "Loading the participant…" }
        if detail.flags(.open).isEmpty {
            guard detail.flags(.awaitingReview).isEmpty else {
                return "The assessment is done and waits for a supervisor's review (R)"
            }
            return state.whyChartReadOnly(detail.participant.id) == nil
                ? "No open safety flag to assess; F raises one" : "No open safety flag to assess"
        }
        return nil
    }

    @Sendable static func whyNoAssessmentToReview(_ state: ConsoleState) -> String? {
        // On the Plan tab R is the plan review's: what stops that one is the reason to give.
        if state.participantScreen?.tab == .plan { return whyNotPlanTab(state) ?? "On the Plan tab R records a plan review" }
        if let reason = Permissions.whyNot(.reviewRiskAssessment, by: state.session.staff) { return reason }
        guard let detail = state.shownDetail else { return "Loading the participant…" }
        return detail.flags(.awaitingReview).isEmpty ? "No high-risk assessment waits for review" : nil
    }

    /// A discharged chart still takes `A` and `R`: a flag left open must be closable; nothing new is added.
    @Sendable static func whyNoRaisingFlag(_ state: ConsoleState) -> String? {
        Permissions.whyNot(.raiseFlag, by: state.session.staff)
            ?? state.participantScreen.flatMap { state.whyChartReadOnly($0.id) }
    }

    @Sendable static func whyNoLevelChange(_ state: ConsoleState) -> String? {
        whyNoStayChange(.transition, state) { person in
            state.whyChartReadOnly(person.id).map { "\($0). N readmits for a new stay" }
        }
    }

    @Sendable static func whyNoDischarge(_ state: ConsoleState) -> String? {
        whyNoStayChange(.discharge, state) { person in
            person.discharge.map { "Already discharged on \(Format.date($0.date)); N readmits for a new stay" }
        }
    }

    @Sendable static func whyNoReadmit(_ state: ConsoleState) -> String? {
        whyNoStayChange(.readmit, state) { person in
            person.discharge == nil
                ? "In care since \(Format.date(person.admissionDate)): only a discharged participant is readmitted" : nil
        }
    }

    /// Why a change to the stay cannot start here: who may make it, the chart loaded, what the
    /// participant's stay allows (`refusal`), then the tab it belongs to.
    private static func whyNoStayChange(
        _ action: StaffAction, _ state: ConsoleState, _ refusal: (Participant) -> String?
    ) -> String? {
        if let reason = Permissions.whyNot(action, by: state.session.staff) { return reason }
        guard let detail = state.shownDetail else { return "Loading the participant…" }
        if let reason = refusal(detail.participant) { return reason }
        return state.participantScreen?.tab == .discharge ? nil : "Works on the Discharge tab; Tab moves to it"
    }

    @Sendable static func whyNotSessions(_ state: ConsoleState) -> String? {
        state.page == .sessions ? nil : "Works on the Sessions screen (3)"
    }

    @Sendable static func whyNoStepBack(_ state: ConsoleState) -> String? {
        guard state.keyMode == .roster || state.keyMode == .report else { return nil }
        let canStepBack = state.keyMode == .roster && (!state.roster.query.isEmpty || state.roster.focus == .detail)
        return canStepBack ? nil : "Already on a top-level screen; q quits"
    }

    @Sendable static func whyNoDetailPane(_ state: ConsoleState) -> String? {
        state.isSideBySide ? nil
            : "The detail pane shows beside the roster at \(ConsoleLayout.sideBySideWidth) columns or wider "
                + "(now \(state.size.cols)); Enter opens the participant"
    }

    @Sendable static func whyNotQuit(_ state: ConsoleState) -> String? {
        state.keyMode == .participant ? "q quits from a top-level screen; press Esc to go back first" : nil
    }

    @Sendable static func whyNoCommandMatches(_ state: ConsoleState) -> String? {
        guard case .palette(let palette) = state.overlay, palette.matches.isEmpty else { return nil }
        return "No command matches \"\(palette.query)\""
    }
}
