import CaseloadCore
import Foundation
import TerminalKit

/// The whole console as a value: what is loaded, where the user is, what they typed.
/// Changed only by `update(_:)`; drawn only by `render(_:size:)`.
public struct ConsoleState: Sendable, Equatable {
    public internal(set) var session: ConsoleSession
    public internal(set) var data: ConsoleData
    var digest: Digest
    /// The terminal size, needed by update for paging and for the side-by-side layout.
    public internal(set) var size: Size
    public internal(set) var page: Page
    public internal(set) var participantScreen: ParticipantScreen?
    public internal(set) var overlay: Overlay?
    public internal(set) var roster: RosterState
    public internal(set) var reportCursors: [Page: ListCursor] = [:]
    public internal(set) var detail: DetailLoad = .none
    public internal(set) var status: StatusMessage?
    /// Screens open over the page (a session, the editor, a form, a question); the top one
    /// takes the keys.
    var modals = ModalStack()
    /// The week the Sessions screen shows and whose sessions it lists.
    public internal(set) var sessionsWeek: SessionsWeek
    /// The discharged participants, once the roster's discharged list asked for them; kept
    /// across reloads and asked for again while that list is shown.
    public internal(set) var discharged: [RosterEntry]?
    /// Saves asked for and not yet answered.
    public internal(set) var writesInFlight = 0
    /// Set when a save's message is on the status line, so the reload it causes does not
    /// replace it with "Reloaded".
    var keepStatusOnReload = false

    /// Opens on the signed-in person's landing screen: Today for counselors, the Dashboard for
    /// supervisors and administrators.
    public init(session: ConsoleSession, data: ConsoleData, size: Size) {
        self.session = session
        self.data = data
        self.size = size
        let counselor = session.staff.role == .counselor
        sessionsWeek = SessionsWeek(week: session.today.isoWeek, mineOnly: false)
        digest = Digest(data: data, session: session, sessionsWeek: sessionsWeek)
        page = counselor ? .today : .dashboard
        roster = RosterState(scope: counselor ? .mine : .all)
        refreshRoster(keeping: nil)
        reclampCursors()
        status = DraftNotice.text(data.drafts, names: { [digest] in digest.facts.row($0)?.name ?? $0.rawValue })
    }

    /// Which key bindings apply now.
    public var keyMode: KeyMode {
        switch overlay {
        case .palette: return .palette
        case .help: return .help
        case nil: break
        }
        if let modal = modals.top { return modal.keyMode }
        if participantScreen != nil { return .participant }
        if page == .roster { return roster.isEditingQuery ? .filter : .roster }
        return .report
    }

    /// True while a screen holds text that is not yet saved anywhere, not even as a draft.
    public var hasUnsavedText: Bool { modals.screens.contains { $0.hasUnsavedText } }

    /// True when the roster and the detail of the selected participant stand side by side.
    public var isSideBySide: Bool { size.cols >= ConsoleLayout.sideBySideWidth }

    /// The rows the roster's scope picks from: those in care, or the discharged.
    var rosterRows: [RosterRow] { roster.scope == .discharged ? digest.facts.discharged : digest.facts.rows }

    /// The participant under the roster cursor.
    public var selectedRosterParticipant: ParticipantID? {
        roster.visible.indices.contains(roster.cursor.selected)
            ? rosterRows[roster.visible[roster.cursor.selected]].id : nil
    }

    var selectedReportRow: ReportRow? {
        digest.report(page)?.row(at: reportCursors[page]?.selected ?? 0)
    }

    /// The loaded detail, when it is of `id`.
    func loadedDetail(of id: ParticipantID) -> ParticipantDetail? {
        if case .loaded(let detail) = detail, detail.participant.id == id { return detail }
        return nil
    }

    /// The detail of the participant screen, once loaded.
    var shownDetail: ParticipantDetail? {
        participantScreen.flatMap { loadedDetail(of: $0.id) }
    }
}
