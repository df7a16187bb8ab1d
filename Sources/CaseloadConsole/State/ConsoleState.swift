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

    /// Opens on the signed-in person's landing screen: Today for counselors, the Dashboard for
    /// supervisors and administrators.
    public init(session: ConsoleSession, data: ConsoleData, size: Size) {
        self.session = session
        self.data = data
        self.size = size
        digest = Digest(data: data, session: session)
        let counselor = session.staff.role == .counselor
        page = counselor ? .today : .dashboard
        roster = RosterState(scope: counselor ? .mine : .all)
        refreshRoster(keeping: nil)
        reclampCursors()
    }

    /// Which key bindings apply now.
    public var keyMode: KeyMode {
        switch overlay {
        case .palette: return .palette
        case .help: return .help
        case nil: break
        }
        if participantScreen != nil { return .participant }
        if page == .roster { return roster.isEditingQuery ? .filter : .roster }
        return .report
    }

    /// True when the roster and the detail of the selected participant stand side by side.
    public var isSideBySide: Bool { size.cols >= ConsoleLayout.sideBySideWidth }

    /// The participant under the roster cursor.
    public var selectedRosterParticipant: ParticipantID? {
        roster.visible.indices.contains(roster.cursor.selected)
            ? digest.facts.rows[roster.visible[roster.cursor.selected]].id : nil
    }

    var selectedReportRow: ReportRow? {
        digest.report(page)?.row(at: reportCursors[page]?.selected ?? 0)
    }

    /// The loaded detail, when it is of `id`.
    func loadedDetail(of id: ParticipantID) -> ParticipantDetail? {
        if case .loaded(let detail) = detail, detail.participant.id == id { return detail }
        return nil
    }
}
