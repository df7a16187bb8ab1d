extension CaseloadStore {
    /// Each record file whose revision has no audit line: a change nobody is on record for.
    ///
    /// A line matches by kind, id and revision. Lines from before revisions were recorded carry
    /// the id alone; a record with at least as many of them as its revision number is taken as
    /// accounted for, since each save of it wrote one. Read lines account for nothing.
    /// `readings`: the audit log as `AuditLog.readAll()` read it.
    func auditGapFindings(
        for records: [(file: String, kind: AuditIdentifier, id: String, revision: Int)], readings: [Result<AuditReading, StoreError>]
    ) -> [CheckFinding] {
        var audited: Set<AuditedRevision> = []
        var olderLines: [String: Int] = [:]
        // An unreadable month is named by the folder walk; its lines cannot vouch for anything.
        for reading in readings {
            for entry in (try? reading.get())?.entries ?? [] where !entry.action.isRead {
                if let kind = entry.kind, let revision = entry.revision {
                    audited.insert(AuditedRevision(kind: kind, id: entry.record.rawValue, revision: revision))
                } else {
                    olderLines[entry.record.rawValue, default: 0] += 1
                }
            }
        }
        return records.filter { record in
            !audited.contains(AuditedRevision(kind: record.kind, id: record.id, revision: record.revision))
                && olderLines[record.id, default: 0] < record.revision
        }.map { record in
            CheckFinding(
                kind: .audit, file: record.file,
                description: "\(record.file) revision \(record.revision) has no audit line, so who made that change "
                    + "is not on record; keep the file as it is and tell your privacy officer.")
        }
    }
}

private struct AuditedRevision: Hashable {
    let kind: AuditIdentifier
    let id: String
    let revision: Int
}
