import Foundation

extension CaseloadStore {
    /// The data folder's write lock, for an operation that reads, checks and saves as one step
    /// (pass it to the `holding:` saves; release it when done).
    public func lockForWriting() throws(StoreError) -> WriteLock {
        try timed(.lock) { () throws(StoreError) in try folder.lockForWriting(timeout: lockTimeout) }
    }

    /// Stores a new record as revision 1 created now by `staff`; refuses an id that is already taken.
    @discardableResult
    public func add<Record: AuditedRecord>(_ record: Record, action: AuditAction, by staff: StaffID) throws(StoreError) -> Saved<Record> {
        let lock = try lockForWriting()
        defer { lock.release() }
        return try add(record, action: action, by: staff, holding: lock)
    }

    /// Admits `participant` under the next free number, chosen under the same lock as the write,
    /// so processes admitting at the same moment each get their own id instead of one being
    /// refused; the id `participant` carries is replaced.
    @discardableResult
    public func addParticipant(_ participant: Participant, by staff: StaffID) throws(StoreError) -> Saved<Participant> {
        let lock = try lockForWriting()
        defer { lock.release() }
        return try addParticipant(participant, by: staff, holding: lock)
    }

    /// `addParticipant` under a lock the caller already holds.
    public func addParticipant(
        _ participant: Participant, by staff: StaffID, holding lock: WriteLock
    ) throws(StoreError) -> Saved<Participant> {
        var numbered = participant
        numbered.id = try nextParticipantID(holding: lock)
        return try add(numbered, action: .participantAdd, by: staff, holding: lock)
    }

    /// `add` under a lock the caller already holds.
    public func add<Record: AuditedRecord>(
        _ record: Record, action: AuditAction, by staff: StaffID, holding lock: WriteLock
    ) throws(StoreError) -> Saved<Record> {
        let relative = try record.relativePath()
        let time = now()
        var added = record
        added.revision = Revision(createdAt: time, createdBy: staff)
        let audit = try auditEntry(for: added, action: action, by: staff, at: time)

        let path = folder.path(relative)
        guard try timed(.read, { () throws(StoreError) in try !exists(relative) }) else {
            throw .recordExists(
                kind: Record.kindName, id: record.id.rawValue, file: path, keptAt: try keepConflict(added, at: time, holding: lock))
        }
        try appendBeforeWriting(audit, holding: lock)
        let warnings = try writeUpdatingIndexes(added, previous: nil, at: path, holding: lock)
        return Saved(record: added, warnings: warnings)
    }

    /// Saves a changed record, refusing it when someone saved the same record since it was read.
    ///
    /// `record.revision.number` must equal the number on disk. When it does not (or the file is
    /// gone or damaged), the user's version is written to `conflicts/` and the error says where.
    @discardableResult
    public func save<Record: AuditedRecord>(_ record: Record, action: AuditAction, by staff: StaffID) throws(StoreError) -> Saved<Record> {
        let lock = try lockForWriting()
        defer { lock.release() }
        return try save(record, action: action, by: staff, holding: lock)
    }

    /// `save` under a lock the caller already holds. With `refusingUnchanged`, a record that is
    /// exactly what the file holds is refused (`.unchanged`) before any audit line or write, judged
    /// against the version this save reads anyway.
    public func save<Record: AuditedRecord>(
        _ record: Record, action: AuditAction, by staff: StaffID, holding lock: WriteLock, refusingUnchanged: Bool = false
    ) throws(StoreError) -> Saved<Record> {
        let relative = try record.relativePath()
        let time = now()
        // Checked before anything is read, so a bad id stops the save at once.
        _ = try auditEntry(for: record, action: action, by: staff, at: time)

        let path = folder.path(relative)
        let found: (record: Record, unknown: UnknownFields)?
        do {
            found = try timed(.read) { () throws(StoreError) in try loadForRewrite(Record.self, at: relative) }
        } catch {
            let problem = RecordDamage(reading: path, error).problem
            throw .saveRefused(path, problem, keptAt: try keepConflict(record, at: time, holding: lock))
        }
        guard let (onDisk, unknown) = found else {
            throw .saveRefused(path, nil, keptAt: try keepConflict(record, at: time, holding: lock))
        }
        if let field = unknown.nested.first {
            throw .unknownFieldNotKept(path, field: field, keptAt: try keepConflict(record, at: time, holding: lock))
        }
        guard onDisk.revision.number == record.revision.number else {
            throw .staleRecord(
                path, changedBy: onDisk.revision.updatedBy.rawValue, changedAt: onDisk.revision.updatedAt,
                keptAt: try keepConflict(record, at: time, holding: lock))
        }
        var saved = record
        saved.revision = onDisk.revision
        if refusingUnchanged, saved == onDisk { throw .unchanged(path) }
        saved.revision = onDisk.revision.next(at: time, by: staff)
        try appendBeforeWriting(auditEntry(for: saved, action: action, by: staff, at: time), holding: lock)
        let warnings = try writeUpdatingIndexes(saved, previous: onDisk, at: path, keeping: unknown.topLevel, holding: lock)
        return Saved(record: saved, warnings: warnings)
    }

    /// The next participant number after the highest one on disk ("P-0043" after "P-0042").
    ///
    /// Two processes asking at once can get the same id; `addParticipant` numbers under its own lock instead.
    public func newParticipantID() throws(StoreError) -> ParticipantID {
        let lock = try folder.lockForWriting(timeout: lockTimeout)
        defer { lock.release() }
        return try nextParticipantID(holding: lock)
    }

    private func nextParticipantID(holding lock: WriteLock) throws(StoreError) -> ParticipantID {
        let names: [String]
        do {
            names = try folder.fileSystem.listDirectory(folder.path("participants").absolute)
        } catch where error.code == ENOENT {
            names = []
        } catch {
            throw .readFailed(folder.path("participants"), FailureReason(errno: error.code))
        }
        let highest = names.compactMap(RecordFileName.id(inFileName:)).compactMap(RecordIDs.participantNumber).max() ?? 0
        return RecordIDs.participant(number: highest + 1)
    }

    /// A fresh session id for a session on `date` at `time`.
    public func newSessionID(date: LocalDate, time: LocalTime) throws(StoreError) -> SessionID {
        while true {
            let id = RecordIDs.session(on: date, at: time)
            if try !exists(Session.relativePath(of: id)) { return id }
        }
    }

    /// A fresh check-in id for a check-in on `date`.
    ///
    /// Six random base32 characters give about a billion ids per day; `add` refuses the
    /// vanishingly rare clash rather than overwrite, and the caller asks again.
    public func newCheckInID(date: LocalDate) throws(StoreError) -> CheckInID {
        RecordIDs.checkIn(on: date)
    }

    // MARK: Write helpers

    /// Encodes and atomically writes one record, creating its folder if needed; `unknown` are
    /// top-level fields of the file being replaced that this build does not know, written back.
    func write<Record: FiledRecord>(
        _ record: Record, at path: StorePath, keeping unknown: [String: JSONValue] = [:], holding lock: WriteLock
    ) throws(StoreError) {
        let bytes = try timed(.encode) { () throws(StoreError) in
            do {
                return try RecordCoding.encode(record, schemaVersion: Record.schemaVersion, keeping: unknown)
            } catch {
                throw .unencodable(path)
            }
        }
        // A record the reader would refuse as too large would vanish from every view once saved.
        guard bytes.count <= RecordReader.recordSizeLimit else { throw .recordTooLarge(path, bytes: bytes.count) }
        try timed(.write) { () throws(StoreError) in
            _ = try folder.ensureFolder(path.parent.relative)
            try writer.replace(path, with: bytes, holding: lock)
        }
    }

    /// Writes a record after its audit line, the way every save does: with the indexes marked
    /// while they may lag behind it, then brought up to date (see `writeMarkingIndexes` and
    /// `finishWrite`). `previous`: the record as it was on disk, nil for a new one.
    func writeUpdatingIndexes<Record: FiledRecord>(
        _ record: Record, previous: Record?, at path: StorePath, keeping unknown: [String: JSONValue] = [:],
        holding lock: WriteLock
    ) throws(StoreError) -> [SaveWarning] {
        let pending = try writeMarkingIndexes(record, previous: previous, at: path, keeping: unknown, holding: lock)
        return finishWrite(of: record, previous: previous, at: path, pending: pending, holding: lock)
    }

    /// Writes a record with both indexes marked as possibly behind it: the roster index's pending
    /// marker up, and the note search index's generation raised when the record can change note
    /// text. What `finishWrite` needs to bring them up to date is returned.
    func writeMarkingIndexes<Record: FiledRecord>(
        _ record: Record, previous: Record?, at path: StorePath, keeping unknown: [String: JSONValue] = [:],
        holding lock: WriteLock
    ) throws(StoreError) -> PendingIndexUpdates {
        let noteSession = noteIndexedSession(changedBy: record, previous: previous)
        let generation = noteSession.map { _ in
            Result { () throws(StoreError) in try timed(.noteIndexGeneration) { () throws(StoreError) in try raiseNoteIndexGeneration(holding: lock) } }
        }
        let indexIsBehind = try markRosterIndexPending(before: record, at: path)
        do {
            try write(record, at: path, keeping: unknown, holding: lock)
        } catch {
            // Any failure but an unconfirmed one leaves the old file, so both indexes are as
            // current as before: the roster's marker comes down and the note generation steps back.
            let unconfirmed = if case .saveUnconfirmed = error { true } else { false }
            if !unconfirmed, !indexIsBehind { clearRosterIndexPending() }
            if let generation { settleNoteIndexGeneration(generation, written: unconfirmed) }
            throw error
        }
        if let generation { settleNoteIndexGeneration(generation, written: true) }
        return PendingIndexUpdates(rosterIsBehind: indexIsBehind, noteSession: noteSession, noteGeneration: generation)
    }

    /// Appends a write's audit line and waits for the disk, before the record is written: a crash
    /// between the two leaves a line for an attempt that did not complete, never a record that no
    /// line accounts for. A line that cannot be written stops the save with the old record in place.
    func appendBeforeWriting(_ audit: AuditEntry, holding lock: WriteLock) throws(StoreError) {
        try timed(.audit) { () throws(StoreError) in try AuditLog(dataFolder: folder).append(audit, holding: lock) }
    }

    /// After the record itself: the roster index and the note search index. The record is already
    /// on disk, so an index left behind is a warning on a successful save (the roster's pending
    /// marker stays up, the note index a generation behind, and the next reader rebuilds it; a
    /// script that retried would save twice).
    func finishWrite<Record: FiledRecord>(
        of record: Record, previous: Record?, at path: StorePath, pending: PendingIndexUpdates, holding lock: WriteLock
    ) -> [SaveWarning] {
        var warnings: [SaveWarning] = []
        do {
            try timed(.index) { () throws(StoreError) in
                if pending.rosterIsBehind {
                    // An earlier save died before updating the index, so rebuild it whole.
                    try rebuildRosterIndex(holding: lock)
                } else if let participant = record as? Participant {
                    try updateRosterIndex(after: participant, holding: lock)
                    clearRosterIndexPending()
                } else if let checkIn = record as? CheckIn {
                    try updateRosterIndex(after: checkIn, previous: previous as? CheckIn, holding: lock)
                    clearRosterIndexPending()
                }
            }
        } catch {
            warnings.append(.rosterIndexNotUpdated(path, error.failureReason ?? .deviceError))
        }
        guard let session = pending.noteSession else { return warnings }
        do {
            try timed(.noteIndex) { () throws(StoreError) in
                try appendToNoteIndex(session, generation: try pending.noteGeneration?.get() ?? 0, holding: lock)
            }
        } catch {
            warnings.append(.noteIndexNotUpdated(path, error.failureReason ?? .deviceError))
        }
        return warnings
    }

    /// The audit line for a write, built before anything is written so a bad id stops the write.
    func auditEntry<Record: AuditedRecord>(
        for record: Record, action: AuditAction, by staff: StaffID, at time: Date
    ) throws(StoreError) -> AuditEntry {
        guard let recordID = AuditIdentifier(record.id.rawValue) else {
            throw .invalidRecordID(kind: Record.kindName, id: record.id.rawValue)
        }
        guard let staffID = AuditIdentifier(staff.rawValue) else {
            throw .invalidRecordID(kind: Staff.kindName, id: staff.rawValue)
        }
        return AuditEntry(
            action: action, at: time, record: recordID, staff: staffID, kind: Record.auditKind, revision: record.revision.number)
    }

    /// Writes the user's version of a refused save to `conflicts/<kind>-<id>-<UTC time>.json`.
    func keepConflict<Record: FiledRecord>(_ record: Record, at time: Date, holding lock: WriteLock) throws(StoreError) -> StorePath {
        let original = (try? record.relativePath()).map(folder.path) ?? folder.path("conflicts")
        do {
            let conflicts = try folder.ensureFolder("conflicts")
            let kind = Record.kindName.replacingOccurrences(of: " ", with: "-")
            let stem = "\(kind)-\(record.id.rawValue)-\(Self.compactUTC(time))"
            var candidate = conflicts.appending(stem + ".json")
            var attempt = 1
            while try exists(candidate.relative) {
                attempt += 1
                candidate = conflicts.appending("\(stem)-\(attempt).json")
            }
            try write(record, at: candidate, holding: lock)
            return candidate
        } catch {
            throw .conflictNotKept(original, error.failureReason ?? .deviceError)
        }
    }

    /// "20261123T130512Z".
    private static func compactUTC(_ time: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: time)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!,
            parts.second!)
    }
}

/// What a write left for `finishWrite` to bring up to date.
struct PendingIndexUpdates {
    /// An earlier save died before updating the roster index, so it needs a rebuild.
    let rosterIsBehind: Bool
    /// The session whose notes the write can change, to re-index.
    let noteSession: SessionID?
    /// The generation the store was raised to, or why it could not be (the index was removed instead).
    let noteGeneration: Result<UInt64, StoreError>?
}
