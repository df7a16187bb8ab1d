import CaseloadConsole
import CaseloadCore
import Foundation
import TerminalKit

/// Console states loaded from a caseload the way the console loads them, for timing update and render in-process.
public enum ConsoleStates {
    public static let size = Size(cols: 200, rows: 60)

    /// The state `caseload render NAME` would draw, signed in as the caseload's counselor.
    public static func forScreen(_ screen: ScreenName, of caseload: BenchCaseload, participant: ParticipantID? = nil) throws -> ConsoleState {
        try ConsoleState.forRender(
            screen: screen, participant: participant, session: try session(caseload),
            source: try dataSource(caseload, roster: try caseload.store.roster(), detailOf: participant), size: size)
    }

    /// The roster screen listing every participant ever admitted (discharged too), so a ten-year
    /// caseload gives a 3,000-row roster to filter.
    public static func everyoneOnRoster(_ caseload: BenchCaseload) throws -> ConsoleState {
        let everyone = caseload.store.participants().records.map { RosterEntry(participant: $0, checkIns: []) }
        return try ConsoleState.forRender(
            screen: .roster, session: try session(caseload),
            source: try dataSource(caseload, roster: everyone, detailOf: nil), size: size)
    }

    private static func session(_ caseload: BenchCaseload) throws -> ConsoleSession {
        let now = Clock.system.now()
        return ConsoleSession(staff: caseload.counselor, today: LocalDate(now, in: try caseload.store.program().timeZone), now: now)
    }

    /// What the console loads at start (program, staff, roster, recent sessions), and the
    /// records of everyone on the roster and of `participant`, whose details open on demand.
    private static func dataSource(_ caseload: BenchCaseload, roster: [RosterEntry], detailOf participant: ParticipantID?) throws
        -> InMemoryDataSource
    {
        let store = caseload.store
        let program = try store.program()
        let today = Clock.system.today(in: program.timeZone)
        let window = ConsoleData.sessionWindow(today: today)
        // Enough weeks for any participant's detail (their window starts at admission or eight weeks back).
        let earliest = today.isoWeek.monday.adding(days: -7 * (ParticipantDetail.weeksOfSessions - 1))
        let sessions = store.sessions(from: min(window.lowerBound, earliest), through: window.upperBound).records
        let ids = Set(roster.map(\.id) + (participant.map { [$0] } ?? []))
        let participants = try ids.map { try store.participant($0) }
        let data = ConsoleData(
            program: program, staff: Dictionary(store.staff().records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            roster: roster, sessions: sessions.filter { window.contains($0.date) })
        return InMemoryDataSource(
            data: data, participants: participants, checkIns: ids.flatMap { store.checkIns(of: $0).records }, allSessions: sessions)
    }
}
