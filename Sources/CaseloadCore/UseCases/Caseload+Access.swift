extension Caseload {
    /// Records that `staff` read health information, once per record per process.
    ///
    /// A read goes ahead even when its line cannot be written (a caseload copied to a read-only
    /// disk must still open): the warning returned says so, for the command line's stderr or the
    /// console's status line. A write is different: it is refused without its line.
    public func recordAccess(_ access: RecordAccess, by staff: StaffID) -> Warning? {
        guard accessLedger.insert(access, by: staff) else { return nil }
        do {
            try appendAccess(access, by: staff)
            return nil
        } catch {
            // Not recorded, so a later look tries again.
            accessLedger.remove(access, by: staff)
            return .accessNotRecorded(error)
        }
    }

    private func appendAccess(_ access: RecordAccess, by staff: StaffID) throws(StoreError) {
        var record = RecordAccess.everyRecord
        if let participant = access.participant {
            guard let id = AuditIdentifier(participant.rawValue) else {
                throw .invalidRecordID(kind: Participant.kindName, id: participant.rawValue)
            }
            record = id
        }
        guard let staffID = AuditIdentifier(staff.rawValue) else {
            throw .invalidRecordID(kind: Staff.kindName, id: staff.rawValue)
        }
        let lock = try store.lockForWriting()
        defer { lock.release() }
        try AuditLog(dataFolder: store.folder).append(
            AuditEntry(action: access.action, at: clock.now(), record: record, staff: staffID), holding: lock)
    }
}
