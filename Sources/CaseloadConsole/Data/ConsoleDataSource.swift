import CaseloadCore

/// Where the console's data comes from; the executable implements it over `CaseloadStore`,
/// tests with `InMemoryDataSource`. Called only by `EffectRunner`, never by update or render.
public protocol ConsoleDataSource: Sendable {
    /// Program, staff, roster and the sessions of `ConsoleData.sessionWindow(today:)`.
    func loadConsoleData(today: LocalDate) throws(ConsoleDataError) -> ConsoleData
    /// One participant with check-ins and the sessions of `ParticipantDetail.sessionWindow`.
    func loadParticipant(_ id: ParticipantID, today: LocalDate) throws(ConsoleDataError) -> ParticipantDetail
    /// A value that changes whenever anyone saves to the caseload (nil when nothing can change
    /// it from outside); the loop polls it while idle so no screen shows data another session
    /// has since replaced.
    func changeStamp() -> AnyHashable?
    /// One session with every member's note, for the session screen and the editor.
    func loadSession(_ id: SessionID) throws(ConsoleDataError) -> Session
    /// Every session of `week`, for the Sessions screen.
    func loadSessions(in week: ISOWeek) throws(ConsoleDataError) -> [Session]
}

/// Why data could not be loaded, worded for the status line.
public enum ConsoleDataError: Error, Sendable, Equatable, CustomStringConvertible {
    case participantNotFound(ParticipantID)
    case sessionNotFound(SessionID)
    /// The store's own message (it names the file and what is wrong with it).
    case unreadable(String)

    public var description: String {
        switch self {
        case .participantNotFound(let id): "No participant \(id) in this caseload."
        case .sessionNotFound(let id): "No session \(id) in this caseload; it may have been removed."
        case .unreadable(let message): message
        }
    }
}
