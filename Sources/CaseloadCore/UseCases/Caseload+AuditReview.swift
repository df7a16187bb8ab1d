import Foundation

/// Which audit lines an access review or an accounting of disclosures wants.
public struct AuditQuery: Sendable {
    /// Lines about this participant's record, and reads of "all" that took it in.
    public var participant: ParticipantID?
    /// Lines by this staff member.
    public var staff: StaffID?
    /// First and last day, on the program's calendar.
    public var from: LocalDate?
    public var through: LocalDate?

    public init(participant: ParticipantID? = nil, staff: StaffID? = nil, from: LocalDate? = nil, through: LocalDate? = nil) {
        self.participant = participant
        self.staff = staff
        self.from = from
        self.through = through
    }
}

/// The audit lines a review asked for, oldest first.
public struct AuditReview: Sendable {
    public let entries: [AuditEntry]
    /// "audit/2026-11.jsonl line 7" for each line that could not be read: the review may be missing it.
    public let unreadableLines: [String]
    /// The review's own line could not be written.
    public let warnings: [Warning]
}

extension Caseload {
    /// The audit lines matching `query`, for an administrator or supervisor. The review itself is
    /// recorded (once, as a read of "all"), so who looked at the log is on record too.
    public func reviewAuditLog(_ query: AuditQuery, by actor: StaffID) throws(CaseloadError) -> AuditReview {
        let staff = try permitted(.reviewAuditLog, actor)
        let timeZone = try program().timeZone
        let log = AuditLog(dataFolder: store.folder)
        var entries: [AuditEntry] = []
        var unreadable: [String] = []
        for month in try stored({ () throws(StoreError) in try log.months() }) {
            let reading = try stored { () throws(StoreError) in try log.read(month) }
            unreadable += reading.unreadableLines.map { "\(reading.file.relative) line \($0)" }
            entries += reading.entries.filter { query.matches($0, in: timeZone) }
        }
        let warnings = recordAccess(.auditReview, by: staff.id).map { [$0] } ?? []
        return AuditReview(entries: entries, unreadableLines: unreadable, warnings: warnings)
    }
}

extension AuditQuery {
    func matches(_ entry: AuditEntry, in timeZone: TimeZone) -> Bool {
        if let staff, entry.staff.rawValue != staff.rawValue { return false }
        if let participant, entry.record.rawValue != participant.rawValue, !coversEveryone(entry) { return false }
        let day = LocalDate(entry.at, in: timeZone)
        if let from, day < from { return false }
        if let through, day > through { return false }
        return true
    }

    /// A search or export of "all" disclosed this participant's record too; a review of the log did not.
    private func coversEveryone(_ entry: AuditEntry) -> Bool {
        entry.record == RecordAccess.everyRecord && entry.action.isRead && entry.action != .auditReview
    }
}
