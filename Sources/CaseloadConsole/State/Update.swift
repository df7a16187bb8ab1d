import CaseloadCore
import Foundation
import TerminalKit

extension ConsoleState {
    /// The one place state changes. Pure: no I/O, no clock; whatever needs the outside world
    /// comes back as effects.
    public mutating func update(_ action: Action) -> [Effect] {
        switch action {
        case .command(let command):
            status = nil
            return run(command)
        case .insertText(let text):
            if overlay == nil, !modals.isEmpty { return insertOnModal(text) }
            return insert(text)
        case .unboundKey(let key):
            status = .error(KeyTable.explainUnbound(key, in: keyMode))
            return []
        case .resized(let newSize):
            size = newSize
            if !isSideBySide { roster.focus = .list }
            reclampCursors()
            return detailEffects()
        case .dataLoaded(let newData):
            data = newData
            rebuildDigest()
            if !keepStatusOnReload {
                status = .info("Reloaded: \(Format.count(digest.facts.rows.count, "participant")) in care")
            }
            keepStatusOnReload = false
            return refreshDetail() + refreshSessionsWeek() + refreshDischarged() + tellModals(.caseloadChanged)
        case .caseloadChanged:
            return [.reloadCaseload]
        case .notice(let message):
            status = .error(message)
            return []
        case .reloadFailed(let message):
            status = .error("Could not reload: \(message)")
            return []
        case .participantLoaded(let loaded):
            let told = tellModals(.participantLoaded(loaded))
            guard detail.participant == loaded.participant.id else { return told }
            detail = .loaded(loaded)
            if let notice = loaded.accessNotice { status = .error(notice) }
            return told
        case .participantLoadFailed(let id, let message):
            guard detail.participant == id else { return [] }
            detail = .failed(id, message)
            status = .error(message)
            return []
        case .clock(let now, let today):
            let newDay = today != session.today
            session.now = now
            session.today = today
            rebuildDigest()
            return newDay ? [.reloadCaseload] : []
        case .written(let reply):
            return finished(reply)
        case .sessionLoaded(let loaded):
            return tellModals(.sessionLoaded(loaded))
        case .sessionLoadFailed(let id, let message):
            return tellModals(.sessionLoadFailed(id, message))
        case .weekLoaded(let week, let sessions):
            guard week == sessionsWeek.week else { return [] }
            sessionsWeek.loaded = sessions
            rebuildDigest()
            return []
        case .weekLoadFailed(let week, let message):
            guard week == sessionsWeek.week else { return [] }
            status = .error("Could not load the week of \(Format.date(week.monday)): \(message)")
            return []
        case .externalEditFinished(let result):
            return tellModals(.externalEditFinished(result))
        case .autosaveDue:
            return tellModals(.autosaveDue)
        case .notesFound(let query, let found):
            return tellModals(.notesFound(query, found))
        case .dischargedLoaded(let entries):
            return dischargedArrived(entries)
        case .dischargedLoadFailed(let message):
            status = .error("Could not read the discharged participants: \(message)")
            return []
        case .reportLoaded(let request, let report):
            return tellModals(.reportLoaded(request, report))
        case .reportLoadFailed(let request, let message):
            return tellModals(.reportLoadFailed(request, message))
        }
    }

    private mutating func run(_ command: Command) -> [Effect] {
        let mode = keyMode
        guard let binding = KeyTable.binding(for: command, in: mode) else {
            status = .error("\"\(KeyTable.title(of: command))\" is not available \(mode.whereText)")
            return []
        }
        if let reason = binding.whyUnavailable(in: self) {
            status = .error(reason)
            return []
        }
        if command == .interrupt {
            // A stray Ctrl-C must not lose answers or a note: where something is typed it is Esc.
            return modals.top?.holdsAnswers == true ? run(.back) : [.interrupt]
        }
        if isModalCommand(command) { return runOnModal(command) }
        switch command {
        case .moveDown, .moveUp, .pageDown, .pageUp, .moveToTop, .moveToBottom:
            return Movement(command).map { move($0) } ?? []
        case .open: return openSelected()
        case .back: return back()
        case .quit: return [.quit]
        case .showToday: return show(.today)
        case .showRoster: return show(.roster)
        case .showSessions: return show(.sessions)
        case .showDashboard: return show(.dashboard)
        case .filter:
            roster.isEditingQuery = true
            roster.focus = .list
            return []
        case .acceptFilter:
            roster.isEditingQuery = false
            status = .info(roster.query.isEmpty ? "No filter" : filterSummary())
            return []
        case .deleteCharacter:
            return editInput { if !$0.isEmpty { $0.removeLast() } }
        case .clearInput:
            return editInput { $0 = "" }
        case .showMine: return setScope(.mine)
        case .showAll: return setScope(.all)
        case .showDischarged: return setScope(.discharged)
        case .nextSort:
            roster.sort = roster.sort.next
            roster.reversed = false
            return resort()
        case .reverseSort:
            roster.reversed.toggle()
            return resort()
        case .switchPane:
            roster.focus = roster.focus == .list ? .detail : .list
            return []
        case .nextTab, .previousTab:
            guard var screen = participantScreen else { return [] }
            screen.tab = command == .nextTab ? screen.tab.next : screen.tab.previous
            screen.scroll = 0
            participantScreen = screen
            return []
        case .runCommand:
            guard case .palette(let palette) = overlay,
                  palette.matches.indices.contains(palette.cursor.selected) else { return [] }
            overlay = nil
            let chosen = palette.matches[palette.cursor.selected].command
            // ":search court date": the words after the command are what to search for.
            if chosen == .searchAllNotes, let words = palette.argument, !words.isEmpty {
                var search = NoteSearchScreen(participant: nil, query: words)
                let step = search.searchNow()
                return open(search, effects: step.effects)
            }
            // ":report program 2026-11-16": which report, and of whom or which week.
            if chosen == .showReport { return showReport(palette.reportArguments ?? []) }
            return run(chosen)
        case .toggleHelp:
            if case .help = overlay { overlay = nil } else { overlay = .help(scroll: 0) }
            return []
        case .openPalette:
            overlay = .palette(PaletteState())
            return []
        case .reload:
            status = .info("Reloading…")
            return [.reloadCaseload]
        case .newSession:
            return openNewSessionForm()
        case .searchNotes:
            guard let screen = participantScreen else { return [] }
            return open(NoteSearchScreen(participant: screen.id))
        case .searchAllNotes:
            return open(NoteSearchScreen(participant: nil))
        case .interrupt:
            return [.interrupt]
        case .recordCheckIn:
            guard let id = participantInView else { return [] }
            return open(CheckInForm.open(for: id, in: self))
        case .assessFlag:
            guard let flag = shownDetail?.flags(.open).first else { return [] }
            return open(RiskAssessmentForm.open(for: flag, in: self))
        case .reviewAssessment:
            guard let flag = shownDetail?.flags(.awaitingReview).first,
                  let review = RiskReviewForm.open(for: flag, in: self) else { return [] }
            return open(review)
        case .raiseFlag:
            guard let id = participantScreen?.id else { return [] }
            return open(RaiseFlagForm.open(for: id, in: self))
        case .changeLevelOfCare:
            guard let detail = shownDetail else { return [] }
            return open(LevelOfCareForm.open(for: detail.participant, in: self))
        case .discharge:
            guard let detail = shownDetail else { return [] }
            return open(DischargeForm.open(for: detail, in: self))
        case .readmit:
            guard let detail = shownDetail else { return [] }
            return open(ReadmitForm.open(for: detail.participant, in: self))
        case .addPlanItem:
            guard let detail = shownDetail else { return [] }
            return open(PlanItemForm.adding(under: selectedPlanItem, of: detail.participant, in: self))
        case .editPlanItem:
            guard let detail = shownDetail, let item = selectedPlanItem else { return [] }
            return open(PlanItemForm.editing(item, of: detail.participant.id, in: self))
        case .setObjectiveStatus:
            guard let detail = shownDetail, case .objective(let objective) = selectedPlanItem else { return [] }
            return open(ObjectiveStatusForm.open(for: objective, of: detail.participant.id))
        case .reviewPlan:
            guard let detail = shownDetail else { return [] }
            return open(PlanReviewForm.open(for: detail.participant, in: self))
        case .showReport:
            return showReport([])
        case .previousWeek: return showWeek(sessionsWeek.week.monday.adding(days: -7).isoWeek)
        case .nextWeek: return showWeek(sessionsWeek.week.monday.adding(days: 7).isoWeek)
        case .toggleMineAll:
            sessionsWeek.mineOnly.toggle()
            status = .info(sessionsWeek.mineOnly ? "Showing the sessions you facilitate" : "Showing everyone's sessions")
            rebuildDigest()
            return []
        case .markPresent, .markLate, .markLeftEarly, .markExcused, .markUnexcused, .addMinutes, .removeMinutes,
             .writeNarrative, .signAllReady, .addMember, .coSign, .addAddendum, .confirm, .decline,
             .nextChoice, .previousChoice, .save, .signNote, .editOutside, .changeFormat, .keepMine, .keepTheirs, .mergeByHand,
             .cursorLeft, .cursorRight, .cursorUp, .cursorDown, .wordLeft, .wordRight, .lineStart, .lineEnd,
             .noteStart, .noteEnd, .nextSection, .previousSection, .newLine, .deleteBackward, .deleteForward,
             .deleteWordBackward, .deleteWordForward, .undo, .redo, .linkObjectives, .toggleChoice, .keepChoices:
            // Commands of modal screens; `isModalCommand` sends them there before this switch.
            return []
        }
    }

    /// Esc: close what is on top, or step back toward the top-level screen.
    private mutating func back() -> [Effect] {
        switch keyMode {
        case .palette, .help:
            overlay = nil
            return []
        case .filter:
            roster.isEditingQuery = false
            return clearFilter()
        case .participant:
            participantScreen = nil
            return detailEffects()
        case .roster where !roster.query.isEmpty:
            return clearFilter()
        case .roster, .report:
            roster.focus = .list
            return []
        case .session, .note, .question, .form, .editor, .conflict, .search, .checklist, .reading:
            // Modal screens handle Esc themselves (`isModalCommand`).
            return []
        }
    }

    private mutating func show(_ target: Page) -> [Effect] {
        page = target
        participantScreen = nil
        roster.isEditingQuery = false
        return detailEffects()
    }

    private mutating func openSelected() -> [Effect] {
        let opening = keyMode == .report ? selectedReportRow?.opens : selectedRosterParticipant.map(RowOpening.participant)
        switch opening {
        case nil: return []
        case .participant(let id):
            participantScreen = ParticipantScreen(id: id)
            return load(id)
        case .chart(let id, let tab):
            participantScreen = ParticipantScreen(id: id, tab: tab)
            return load(id)
        case .session(let id, let member):
            return open(SessionScreen(id: id, selecting: member), effects: [.loadSession(id)])
        case .note(let target):
            return open(SessionScreen(id: target.session, selecting: target.participant, openingNote: true),
                        effects: [.loadSession(target.session)])
        case .caseload(let counselor):
            page = .roster
            roster.isEditingQuery = false
            roster.query = ""
            return setScope(.caseload(of: counselor))
        }
    }

    private mutating func openNewSessionForm() -> [Effect] {
        open(NewSessionForm(state: self))
    }

    /// Moves the Sessions screen to `week`; a week other than this one is loaded.
    private mutating func showWeek(_ week: ISOWeek) -> [Effect] {
        sessionsWeek.week = week
        sessionsWeek.loaded = nil
        reportCursors[.sessions] = ListCursor()
        rebuildDigest()
        return refreshSessionsWeek()
    }

    /// Asks for the shown week's sessions when they do not come with the caseload.
    mutating func refreshSessionsWeek() -> [Effect] {
        sessionsWeek.week == session.today.isoWeek ? [] : [.loadWeek(sessionsWeek.week)]
    }

    /// Asks for `id`'s detail unless it is already here or on its way.
    mutating func load(_ id: ParticipantID) -> [Effect] {
        switch detail {
        case .loaded(let loaded) where loaded.participant.id == id: return []
        case .loading(let loading) where loading == id: return []
        default:
            // Nothing yet, someone else's, or a failed load worth trying again.
            detail = .loading(id)
            return [.loadParticipant(id)]
        }
    }

    /// Keeps the side-by-side detail on the selected participant.
    mutating func detailEffects() -> [Effect] {
        guard isSideBySide, page == .roster, participantScreen == nil,
              let id = selectedRosterParticipant else { return [] }
        return load(id)
    }

    /// After a reload: the detail on screen is reloaded too, so it never shows older data.
    private mutating func refreshDetail() -> [Effect] {
        if let screen = participantScreen {
            detail = .loading(screen.id)
            return [.loadParticipant(screen.id)]
        }
        if isSideBySide, page == .roster, let id = selectedRosterParticipant {
            detail = .loading(id)
            return [.loadParticipant(id)]
        }
        detail = .none
        return []
    }

    private mutating func insert(_ text: String) -> [Effect] {
        let typed = text.filter { !$0.isNewline }
        guard !typed.isEmpty else { return [] }
        switch keyMode {
        case .filter:
            roster.query += typed
            narrowRoster()
            return detailEffects()
        case .palette:
            guard case .palette(var palette) = overlay else { return [] }
            palette.setQuery(palette.query + typed)
            overlay = .palette(palette)
            return []
        default:
            return []
        }
    }

    private mutating func editInput(_ change: (inout String) -> Void) -> [Effect] {
        if case .palette(var palette) = overlay {
            var query = palette.query
            change(&query)
            palette.setQuery(query)
            overlay = .palette(palette)
            return []
        }
        change(&roster.query)
        refreshRoster(keeping: selectedRosterParticipant)
        return detailEffects()
    }

    mutating func rebuildDigest() {
        // Taken before the rows change: the visible indices point into the old rows.
        let selected = selectedRosterParticipant
        digest = Digest(data: data, discharged: discharged, session: session, sessionsWeek: sessionsWeek)
        refreshRoster(keeping: selected)
        reclampCursors()
    }
}

extension KeyMode {
    /// "on the Roster", "on a participant screen": where a command was tried.
    var whereText: String {
        switch self {
        case .roster: "on the Roster"
        case .report: "on this screen"
        case .participant: "on a participant screen"
        case .filter: "while filtering"
        case .palette: "in the palette"
        case .session: "on a session's screen"
        case .note: "while reading a note"
        case .question: "while a question waits for an answer"
        case .form: "in a form"
        case .editor: "while writing a note"
        case .conflict: "while two versions of a note wait for a choice"
        case .search: "while searching notes"
        case .checklist: "while ticking objectives"
        case .reading: "while reading a report"
        case .help: "in the help"
        }
    }
}

extension KeyTable {
    /// What the status line says for a key with no binding here.
    static func explainUnbound(_ key: Key, in mode: KeyMode) -> String {
        if let elsewhere = bindings.first(where: { $0.keys.contains(key) && !$0.modes.contains(mode) }) {
            let modes = KeyMode.allCases.filter(elsewhere.modes.contains).map(\.title).joined(separator: ", ")
            return "\(key): \"\(elsewhere.help)\" works on: \(modes)"
        }
        return "\(key) does nothing \(mode.whereText); press ? for the keys"
    }
}
