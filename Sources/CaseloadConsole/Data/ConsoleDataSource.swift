import CaseloadCore
import Foundation

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
    /// Every discharged participant as a roster entry, for the roster's discharged list (the
    /// roster index leaves most of them out, so this reads their files).
    func loadDischarged(today: LocalDate) throws(ConsoleDataError) -> [RosterEntry]
    /// A report's text as `caseload report` writes it; a participant's progress report is
    /// recorded in the audit log like opening their chart.
    func loadReport(_ request: ReportRequest, today: LocalDate) throws(ConsoleDataError) -> LoadedReport
}

/// Which report `:report` asks for.
public enum ReportRequest: Sendable, Equatable {
    /// `caseload report progress P-ID`.
    case progress(ParticipantID)
    /// `caseload report program --week`: the ISO week, as of `now` (the console's clock).
    case program(ISOWeek, now: Date)
}

/// A report's text, with what the status line should say about it (files that could not be
/// read, a look that could not be recorded).
public struct LoadedReport: Sendable, Equatable {
    public var title: String
    public var blocks: [ReportBlock]
    public var notice: String?

    public init(title: String, blocks: [ReportBlock], notice: String? = nil) {
        self.title = title
        self.blocks = blocks
        self.notice = notice
    }

    /// "Progress report P-0003", "Program report 2026-W48".
    public static func progress(_ report: ProgressReport, notice: String? = nil) -> LoadedReport {
        LoadedReport(title: "Progress report \(report.participant)", blocks: report.textBlocks, notice: notice)
    }

    public static func program(_ report: ProgramReport, notice: String? = nil) -> LoadedReport {
        LoadedReport(title: "Program report \(report.week)", blocks: report.textBlocks, notice: notice)
    }

    /// "2 files could not be read; run caseload check", or nil.
    public static func damageNotice(_ damaged: [RecordDamage]) -> String? {
        damaged.isEmpty ? nil
            : "\(Format.count(damaged.count, "file")) could not be read for this report; run caseload check"
    }
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
