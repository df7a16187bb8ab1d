import CaseloadCore
import Foundation

/// A data source over values in memory: tests, `caseload render` of fixtures, and demos.
public struct InMemoryDataSource: ConsoleDataSource {
    public var data: ConsoleData
    public var participants: [ParticipantID: Participant]
    public var checkIns: [CheckIn]
    /// Every session the caseload has, any date.
    public var allSessions: [Session]

    public init(data: ConsoleData, participants: [Participant], checkIns: [CheckIn], allSessions: [Session]) {
        self.data = data
        self.participants = Dictionary(participants.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        self.checkIns = checkIns
        self.allSessions = allSessions
    }

    /// Values in memory change only through this value, never behind the console's back.
    public func changeStamp() -> AnyHashable? { nil }

    public func loadConsoleData(today: LocalDate) throws(ConsoleDataError) -> ConsoleData {
        var loaded = data
        let window = ConsoleData.sessionWindow(today: today)
        loaded.sessions = allSessions.filter { window.contains($0.date) }
        return loaded
    }

    public func loadParticipant(_ id: ParticipantID, today: LocalDate) throws(ConsoleDataError)
        -> ParticipantDetail
    {
        guard let participant = participants[id] else { throw .participantNotFound(id) }
        let window = ParticipantDetail.sessionWindow(admission: participant.admissionDate, today: today)
        let sessions = allSessions.filter { window.contains($0.date) && $0.member(id) != nil }
        return ParticipantDetail(
            participant: participant, checkIns: checkIns.filter { $0.participant == id }, sessions: sessions,
            objectiveNotes: participant.treatmentPlan.noteActivity(of: id, in: sessions))
    }

    public func loadSession(_ id: SessionID) throws(ConsoleDataError) -> Session {
        guard let session = allSessions.first(where: { $0.id == id }) else { throw .sessionNotFound(id) }
        return session
    }

    public func loadSessions(in week: ISOWeek) throws(ConsoleDataError) -> [Session] {
        allSessions.filter { $0.date.isoWeek == week }
    }

    public func loadDischarged(today: LocalDate) throws(ConsoleDataError) -> [RosterEntry] {
        participants.values.filter { $0.status == .discharged }.sorted { $0.id < $1.id }.map { participant in
            RosterEntry(participant: participant, checkIns: checkIns.filter { $0.participant == participant.id })
        }
    }

    public func loadReport(_ request: ReportRequest, today: LocalDate) throws(ConsoleDataError) -> LoadedReport {
        switch request {
        case .progress(let id):
            guard let participant = participants[id] else { throw .participantNotFound(id) }
            return .progress(ProgressReport(
                participant: participant, checkIns: checkIns.filter { $0.participant == id }, sessions: allSessions,
                settings: data.program, today: today))
        case .program(let week, let now):
            return .program(ProgramReport(
                week: week, participants: participants.values.sorted { $0.id < $1.id }, checkIns: checkIns,
                sessions: allSessions, settings: data.program, now: now))
        }
    }
}
