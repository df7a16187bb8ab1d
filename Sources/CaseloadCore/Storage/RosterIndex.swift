#if canImport(Glibc)
import Glibc
#endif

/// The roster index, `index/roster.json`: one `RosterEntry` per participant not discharged, and
/// per discharged participant with a safety flag still open.
///
/// Derived data, never the only copy: opening the console reads this one file instead of every
/// participant and check-in, and a missing or damaged index is rebuilt from the records.
struct RosterIndex: Codable, Equatable {
    static let relativePath = "index/roster.json"
    /// 2: per-measure baselines and the whole level-of-care timeline. An index written with an
    /// older version is rebuilt, never migrated: it is derived from the records.
    static let schemaVersion = 2
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
    public func roster() throws(StoreError) -> [RosterEntry] {
        try rosterIndex().filter(\.isInCare)
    }

    /// Every entry of the index: the roster, and discharged participants with a safety flag open.
    ///
    /// While another process is between a record and its index update, this waits for its lock.
    public func rosterIndex() throws(StoreError) -> [RosterEntry] {
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

    /// The index's entries, or nil when there is no index file or an older version wrote it.
    func readRosterIndex() throws(StoreError) -> [RosterEntry]? {
        let path = folder.path(RosterIndex.relativePath)
        guard let bytes = try reader.readIfPresent(path) else { return nil }
        do {
            guard try RecordCoding.schemaVersion(of: bytes) >= RosterIndex.schemaVersion else { return nil }
            return try RecordCoding.decode(RosterIndex.self, from: bytes, newestSchemaVersion: RosterIndex.schemaVersion)
                .record.entries
        } catch {
            throw .damaged(path, error)
        }
    }

    /// The entries the records call for: the slow path, reading every participant and their check-ins.
    func rosterEntriesFromRecords() -> [RosterEntry] {
        participants().records
            .map { RosterEntry(participant: $0, checkIns: checkIns(of: $0.id).records) }
            .filter(\.belongsInIndex)
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

    /// Puts a saved participant's entry in the index (or takes it out on discharge, unless a
    /// safety flag is still open), keeping its check-in summaries.
    func updateRosterIndex(after participant: Participant, holding lock: WriteLock) throws(StoreError) {
        guard var entries = try? readRosterIndex() else {
            try rebuildRosterIndex(holding: lock)
            return
        }
        let existing = entries.firstIndex { $0.id == participant.id }
        var entry = RosterEntry(participant: participant, checkIns: [])
        if let existing, entries[existing].admissionDate == participant.admissionDate {
            entry.keepCheckIns(of: entries[existing])
        } else if participant.status != .discharged || existing != nil {
            // New, back from discharge, or admitted on another date (which moves the baselines):
            // the one participant's check-ins, not everyone's.
            entry = RosterEntry(participant: participant, checkIns: checkIns(of: participant.id).records)
        }
        entries.removeAll { $0.id == participant.id }
        if entry.belongsInIndex { entries.append(entry) }
        try writeRosterIndex(entries, holding: lock)
    }

    /// Updates the participant's latest check-in, baselines and open safety flags from one saved check-in.
    ///
    /// Incremental for a new check-in and for an edit that keeps the date and the answers (such as
    /// acknowledging a flag); otherwise, or when a flag opens on an older check-in, it re-reads
    /// that one participant's check-ins.
    func updateRosterIndex(after checkIn: CheckIn, previous: CheckIn?, holding lock: WriteLock) throws(StoreError) {
        guard var entries = try? readRosterIndex() else {
            try rebuildRosterIndex(holding: lock)
            return
        }
        let index = entries.firstIndex { $0.id == checkIn.participant }
        let sameScores = previous.map {
            $0.date == checkIn.date && $0.phq9 == checkIn.phq9 && $0.gad7 == checkIn.gad7 && $0.craving == checkIn.craving
        } ?? true
        let isLatest = index.flatMap { entries[$0].latestCheckIn }.map { (checkIn.date, checkIn.id) >= ($0.date, $0.id) } ?? true
        let flagOpened = checkIn.hasOpenSafetyFlag && !(index.map { entries[$0].openSafetyFlags.contains(checkIn.id) } ?? false)

        if let index, sameScores, !(flagOpened && !isLatest) {
            entries[index].include(checkIn)
        } else if index != nil || checkIn.hasOpenSafetyFlag {
            // A participant outside the index joins it only with an open flag (after discharge).
            guard let owner = try? participant(checkIn.participant) else { return }
            entries.removeAll { $0.id == checkIn.participant }
            entries.append(RosterEntry(participant: owner, checkIns: checkIns(of: checkIn.participant).records))
        } else {
            return
        }
        entries.removeAll { !$0.belongsInIndex }
        try writeRosterIndex(entries, holding: lock)
    }
}
