/// A report with the files that could not be read for it (named after the report, never stopping it).
public struct ReportRead<Report: Sendable>: Sendable {
    public var report: Report
    public var damaged: [RecordDamage]
}

extension Caseload {
    /// `participant`'s current stay as of today, from every check-in and the stay's sessions.
    /// The caller records the look in the audit log, as for `participant show`.
    public func progressReport(of participant: ParticipantID) throws(CaseloadError) -> ReportRead<ProgressReport> {
        let record = try stored { () throws(StoreError) in try store.participant(participant) }
        let today = try today()
        let checkIns = store.checkIns(of: participant)
        let sessions = store.sessions(from: record.admissionDate, through: min(today, record.discharge?.date ?? today))
        return ReportRead(
            report: ProgressReport(
                participant: record, checkIns: checkIns.records, sessions: sessions.records, settings: try program(),
                today: today),
            damaged: checkIns.damaged + sessions.damaged)
    }

    /// The program's ISO week `week`, as of now. Reads every participant and check-in file.
    /// A week that has not begun has nothing to report, and is refused rather than shown empty.
    public func programReport(week: ISOWeek) throws(CaseloadError) -> ReportRead<ProgramReport> {
        let today = try today()
        try rule { () throws(DomainError) in
            guard week.monday <= today else { throw .reportWeekNotBegun(week.monday, today: today) }
        }
        let participants = store.participants()
        let checkIns = store.allCheckIns()
        let sessions = store.sessions(in: week)
        return ReportRead(
            report: ProgramReport(
                week: week, participants: participants.records, checkIns: checkIns.records, sessions: sessions.records,
                settings: try program(), now: clock.now()),
            damaged: participants.damaged + checkIns.damaged + sessions.damaged)
    }
}
