#if canImport(Glibc)
import Glibc
#endif

/// The roster index, `index/roster.json`: one `RosterEntry` per participant not discharged.
///
/// Derived data, never the only copy: opening the console reads this one file instead of every
/// participant and check-in, and a missing or damaged index is rebuilt from the records.
struct RosterIndex: Codable, Equatable {
    static let relativePath = "index/roster.json"
    static let schemaVersion = 1
    /// Exists from just before a participant or check-in is written until the index has caught up
    /// with it. Left behind by a save killed in between, it tells the next reader or writer that the
    /// index may be behind the records (a check-in's safety flag missing from the roster), so they
    /// rebuild it instead of trusting it.
    static let pendingMarkerPath = "index/roster.pending"

    /// Sorted by participant id, so rebuilding and updating produce the same bytes.
    var entries: [RosterEntry]
}

extension CaseloadStore {
    /// The roster: every participant not discharged, from the index (rebuilt first if missing or damaged).
    ///
    /// While another process is between a record and its index update, this waits for its lock.
    public func roster() throws(StoreError) -> [RosterEntry] {
        if !rosterIndexIsPending(), let entries = try? readRosterIndex() { return entries }
        let lock: WriteLock
        do {
            lock = try folder.lockForWriting(timeout: lockTimeout)
        } catch .lockFailed(_, .readOnly) {
            return rosterEntriesFromRecords()  // a read-only copy can still be viewed, just not repaired
        }
        defer { lock.release() }
        // Another process may have finished or rebuilt it while this one waited for the lock.
        if !rosterIndexIsPending(), let entries = try? readRosterIndex() { return entries }
        return try rebuildRosterIndex(holding: lock)
    }

    /// Before `record` is written: when the index summarises it, leaves the pending marker, made
    /// durable first so even a power cut between the record and the index leaves it. Returns true
    /// when the marker was already there: an earlier save died before the index caught up.
    func markRosterIndexPending<Record: FiledRecord>(before record: Record, at path: StorePath) throws(StoreError) -> Bool {
        guard record is Participant || record is CheckIn else { return false }
        let marker = folder.path(RosterIndex.pendingMarkerPath)
        _ = try folder.ensureFolder(marker.parent.relative)
        let fileSystem = folder.fileSystem
        do {
            try fileSystem.close(try fileSystem.createExclusive(marker.absolute, mode: 0o600))
            try fileSystem.syncDirectory(marker.parent.absolute)
            return false
        } catch where error.code == EEXIST {
            return true
        } catch {
            throw .saveFailed(path, FailureReason(errno: error.code))
        }
    }

    /// Once the index reflects every record. Not synced: a lost removal only costs one extra rebuild.
    func clearRosterIndexPending() {
        folder.fileSystem.removeQuietly(folder.path(RosterIndex.pendingMarkerPath).absolute)
    }

    func rosterIndexIsPending() -> Bool {
        (try? folder.fileSystem.status(folder.path(RosterIndex.pendingMarkerPath).absolute, followingLinks: false)) != nil
    }

    /// The index's entries, or nil when there is no index file.
    func readRosterIndex() throws(StoreError) -> [RosterEntry]? {
        let path = folder.path(RosterIndex.relativePath)
        guard let bytes = try reader.readIfPresent(path) else { return nil }
        do {
            return try RecordCoding.decode(RosterIndex.self, from: bytes, newestSchemaVersion: RosterIndex.schemaVersion)
                .record.entries
        } catch {
            throw .damaged(path, error)
        }
    }

    /// The entries the records call for: the slow path, reading every participant and their check-ins.
    func rosterEntriesFromRecords() -> [RosterEntry] {
        participants().records.filter { $0.status != .discharged }
            .map { RosterEntry(participant: $0, checkIns: checkIns(of: $0.id).records) }
            .sorted { $0.id < $1.id }
    }

    /// Rebuilds the index from the records and saves it.
    @discardableResult
    func rebuildRosterIndex(holding lock: WriteLock) throws(StoreError) -> [RosterEntry] {
        let entries = rosterEntriesFromRecords()
        try writeRosterIndex(entries, holding: lock)
        clearRosterIndexPending()
        return entries
    }

    func writeRosterIndex(_ entries: [RosterEntry], holding lock: WriteLock) throws(StoreError) {
        let path = folder.path(RosterIndex.relativePath)
        let bytes: [UInt8]
        do {
            bytes = try RecordCoding.encode(RosterIndex(entries: entries.sorted { $0.id < $1.id }), schemaVersion: RosterIndex.schemaVersion)
        } catch {
            throw .unencodable(path)
        }
        _ = try folder.ensureFolder(path.parent.relative)
        try writer.replace(path, with: bytes, holding: lock)
    }

    /// Puts a saved participant's entry in the index (or takes it out on discharge), keeping its check-in summaries.
    func updateRosterIndex(after participant: Participant, holding lock: WriteLock) throws(StoreError) {
        guard var entries = try? readRosterIndex() else {
            try rebuildRosterIndex(holding: lock)
            return
        }
        let existing = entries.firstIndex { $0.id == participant.id }
        if participant.status == .discharged {
            guard let existing else { return }
            entries.remove(at: existing)
        } else if let existing {
            let old = entries[existing]
            var entry = RosterEntry(participant: participant, checkIns: [])
            entry.baselineCheckIn = old.baselineCheckIn
            entry.latestCheckIn = old.latestCheckIn
            entry.openSafetyFlags = old.openSafetyFlags
            entries[existing] = entry
        } else {
            // New, or back from discharge: the one participant's check-ins, not everyone's.
            entries.append(RosterEntry(participant: participant, checkIns: checkIns(of: participant.id).records))
        }
        try writeRosterIndex(entries, holding: lock)
    }

    /// Updates the participant's baseline, latest check-in and open safety flags from one saved check-in.
    ///
    /// Incremental in the common cases; when an edit could change which check-in is first or last,
    /// or opens a flag on an older check-in, it re-reads that one participant's check-ins.
    func updateRosterIndex(after checkIn: CheckIn, previous: CheckIn?, holding lock: WriteLock) throws(StoreError) {
        guard var entries = try? readRosterIndex() else {
            try rebuildRosterIndex(holding: lock)
            return
        }
        guard let index = entries.firstIndex(where: { $0.id == checkIn.participant }) else { return }
        var entry = entries[index]
        let key = (checkIn.date, checkIn.id)
        let wasFirstOrLast = entry.baselineCheckIn?.id == checkIn.id || entry.latestCheckIn?.id == checkIn.id
        let movedEnd = wasFirstOrLast && previous.map { $0.date != checkIn.date } == true
        let isLatest = entry.latestCheckIn.map { key >= ($0.date, $0.id) } ?? true
        let flagOpened = checkIn.hasOpenSafetyFlag && !entry.openSafetyFlags.contains(checkIn.id)

        if movedEnd || (flagOpened && !isLatest) {
            let checkIns = checkIns(of: checkIn.participant).records
            guard let owner = try? self.participant(checkIn.participant) else { return }
            entry = RosterEntry(participant: owner, checkIns: checkIns)
        } else {
            let summary = CheckInSummary(checkIn)
            let keepsBaseline = entry.baselineCheckIn.map { $0.id != checkIn.id && ($0.date, $0.id) < key } ?? false
            if !keepsBaseline { entry.baselineCheckIn = summary }
            if isLatest { entry.latestCheckIn = summary }
            if flagOpened {
                entry.openSafetyFlags.append(checkIn.id)
            } else if !checkIn.hasOpenSafetyFlag {
                entry.openSafetyFlags.removeAll { $0 == checkIn.id }
            }
        }
        entries[index] = entry
        try writeRosterIndex(entries, holding: lock)
    }
}
