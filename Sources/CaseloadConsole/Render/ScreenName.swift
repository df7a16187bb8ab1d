import CaseloadCore
import TerminalKit

/// The screens `caseload render NAME` prints: each is what a user sees in that place.
public enum ScreenName: String, CaseIterable, Sendable {
    case today, roster, sessions, dashboard
    case participant, notes, progress, plan, family, discharge
    case help, palette

    /// True for the screens that show one participant and so need `--participant`.
    public var needsParticipant: Bool { tab != nil }

    var tab: ParticipantTab? {
        switch self {
        case .participant: .overview
        case .notes: .sessions
        case .progress: .progress
        case .plan: .plan
        case .family: .family
        case .discharge: .discharge
        default: nil
        }
    }

    var page: Page? {
        switch self {
        case .today: .today
        case .roster, .help, .palette: .roster
        case .sessions: .sessions
        case .dashboard: .dashboard
        default: nil
        }
    }
}

/// Why a screen cannot be rendered as asked.
public enum RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    case participantRequired(ScreenName)
    case couldNotLoad(ConsoleDataError)

    public var description: String {
        switch self {
        case .participantRequired(let name):
            "The \(name.rawValue) screen shows one participant; add --participant ID (for example P-0001)."
        case .couldNotLoad(let error):
            error.description
        }
    }
}

extension ConsoleState {
    /// The state a user would be in looking at `screen`, loaded through `source` the way the
    /// running console loads it: for `caseload render` and the golden tests. Participant
    /// screens need `participant`; the roster at 120 columns or wider shows the first row's detail.
    public static func forRender(
        screen name: ScreenName, participant: ParticipantID? = nil, session: ConsoleSession,
        source: some ConsoleDataSource, size: Size
    ) throws(RenderError) -> ConsoleState {
        let data: ConsoleData
        do {
            data = try source.loadConsoleData(today: session.today)
        } catch {
            throw .couldNotLoad(error)
        }
        var state = ConsoleState(session: session, data: data, size: size)
        state.page = name.page ?? state.page
        if state.page == .roster, state.roster.visible.isEmpty {
            // Someone with no caseload of their own would see an empty roster; show everyone.
            state.roster.scope = .all
            state.refreshRoster(keeping: nil)
        }
        var wanted: ParticipantID?
        if let tab = name.tab {
            guard let participant else { throw .participantRequired(name) }
            state.participantScreen = ParticipantScreen(id: participant, tab: tab)
            wanted = participant
        } else if state.page == .roster, state.isSideBySide {
            wanted = state.selectedRosterParticipant
        }
        if let wanted {
            // A damaged participant file is shown the way the console shows it, in the detail
            // pane with what is wrong; only a participant who does not exist is an error.
            state.detail = .loading(wanted)
            let loaded: Action
            do {
                loaded = .participantLoaded(try source.loadParticipant(wanted, today: session.today))
            } catch .participantNotFound(let id) {
                throw .couldNotLoad(.participantNotFound(id))
            } catch {
                loaded = .participantLoadFailed(wanted, error.description)
            }
            _ = state.update(loaded)
        }
        switch name {
        case .help: state.overlay = .help(scroll: 0)
        case .palette: state.overlay = .palette(PaletteState())
        default: break
        }
        return state
    }
}
