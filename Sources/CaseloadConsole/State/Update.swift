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
            status = .info("Reloaded: \(Format.count(digest.facts.rows.count, "participant")) in care")
            return refreshDetail()
        case .caseloadChanged:
            return [.reloadCaseload]
        case .notice(let message):
            status = .error(message)
            return []
        case .reloadFailed(let message):
            status = .error("Could not reload: \(message)")
            return []
        case .participantLoaded(let loaded):
            guard detail.participant == loaded.participant.id else { return [] }
            detail = .loaded(loaded)
            if let notice = loaded.accessNotice { status = .error(notice) }
            return []
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
        switch command {
        case .moveDown: return move(.by(1))
        case .moveUp: return move(.by(-1))
        case .pageDown: return move(.page(1))
        case .pageUp: return move(.page(-1))
        case .moveToTop: return move(.top)
        case .moveToBottom: return move(.bottom)
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
            return run(palette.matches[palette.cursor.selected].command)
        case .toggleHelp:
            if case .help = overlay { overlay = nil } else { overlay = .help(scroll: 0) }
            return []
        case .openPalette:
            overlay = .palette(PaletteState())
            return []
        case .reload:
            status = .info("Reloading…")
            return [.reloadCaseload]
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
        }
    }

    private mutating func show(_ target: Page) -> [Effect] {
        page = target
        participantScreen = nil
        roster.isEditingQuery = false
        return detailEffects()
    }

    private mutating func openSelected() -> [Effect] {
        let id = keyMode == .report ? selectedReportRow?.participant : selectedRosterParticipant
        guard let id else { return [] }
        participantScreen = ParticipantScreen(id: id)
        return load(id)
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
        digest = Digest(data: data, session: session)
        refreshRoster(keeping: selectedRosterParticipant)
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
