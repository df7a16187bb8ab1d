#if canImport(Glibc)
import Glibc
#endif

/// The roster index, `index/roster.json`: one `RosterEntry` per participant not discharged, and
/// per discharged participant with a safety flag still open.
///
/// Derived data, never the only copy: opening the console reads this one file instead of every
/// participant and check-in, and a missing or damaged index is rebuilt from the records.
public struct RosterIndex: Codable, Equatable, Sendable {
    static let relativePath = "index/roster.json"
    /// 2: per-measure baselines and the whole level-of-care timeline. 3: the participants with
    /// damaged files. 4: each participant's name order. 5: flags awaiting a supervisor's review, the stay's
    /// PHQ-9 totals and the plan's review date. An index written with an older version is rebuilt, never migrated: it is
    /// derived from the records.
    static let schemaVersion = 5
    /// Exists from just before a participant or check-in is written until the index has caught up
    /// with it. Left behind by a save killed in between, it tells the next reader or writer that the
    /// index may be behind the records (a check-in's safety flag missing from the roster), so they
    /// rebuild it instead of trusting it.
    static let pendingMarkerPath = "index/roster.pending"

    /// Sorted by participant id, so rebuilding and updating produce the same bytes.
    public var entries: [RosterEntry]
    /// Participants whose own file or a check-in file could not be read at the last rebuild, sorted.
    /// A rebuild cannot see what those files hold, so it keeps what the index knew before (the
    /// whole entry of an unreadable participant, the open flags of unreadable check-ins) and lists
    /// them here, so every screen can say that a person or a flag may be missing.
    public var damagedParticipants: [ParticipantID]

    init(entries: [RosterEntry], damagedParticipants: [ParticipantID] = []) {
        self.entries = entries.sorted { $0.id < $1.id }
        self.damagedParticipants = Set(damagedParticipants).sorted()
    }

    /// The participants some of whose files are unreadable: `participants`' own damage, and the
    /// damaged check-ins of readable participants (check-ins filed under nobody are `check`'s
    /// to report, not the roster's).
    static func damagedParticipants(_ participants: Loaded<Participant>, checkInDamage: [RecordDamage]) -> [ParticipantID] {
        let readable = Set(participants.records.map(\.id))
        let unreadable = participants.damaged.compactMap { RecordFileName.id(inFileName: $0.file.name) }
        // "checkins/P-0001/C-….json", or "checkins/P-0001" when the folder itself cannot be listed.
        let withDamagedCheckIns = checkInDamage.compactMap { damage in
            damage.file.relative.split(separator: "/").dropFirst().first.map { ParticipantID(String($0)) }
        }.filter(readable.contains)
        return Set(unreadable.map { ParticipantID($0) } + withDamagedCheckIns).sorted()
    }
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
        try rosterIndexWithDamage().entries
    }

    /// The whole index: its entries, and who has files that could not be read at its last rebuild.
    public func rosterIndexWithDamage() throws(StoreError) -> RosterIndex {
        if !rosterIndexIsPending(), let index = try? readRosterIndex() { return index }
        let lock: WriteLock
        do {
            lock = try folder.lockForWriting(timeout: lockTimeout)
        } catch .lockFailed(_, .readOnly) {
            // A read-only copy can still be viewed, just not repaired.
            return rosterIndexFromRecords(keeping: (try? readRosterIndex()) ?? nil)
        }
        defer { lock.release() }
        // Another process may have finished or rebuilt it while this one waited for the lock.
        if !rosterIndexIsPending(), let index = try? readRosterIndex() { return index }
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

    /// The index, or nil when there is no index file or an older version wrote it.
    func readRosterIndex() throws(StoreError) -> RosterIndex? {
        let path = folder.path(RosterIndex.relativePath)
        guard let bytes = try reader.readIfPresent(path) else { return nil }
        do {
            guard try RecordCoding.schemaVersion(of: bytes) >= RosterIndex.schemaVersion else { return nil }
            return try RecordCoding.decode(RosterIndex.self, from: bytes, newestSchemaVersion: RosterIndex.schemaVersion)
                .record
        } catch {
            throw .damaged(path, error)
        }
    }

    /// The index the records call for: the slow path, reading every participant and their
    /// check-ins. What cannot be read is taken from `previous` (see `damagedParticipants`).
    func rosterIndexFromRecords(keeping previous: RosterIndex?) -> RosterIndex {
        let participants = participants()
        let kept = Dictionary((previous?.entries ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var entries: [RosterEntry] = []
        var checkInDamage: [RecordDamage] = []
        for participant in participants.records {
            let checkIns = checkIns(of: participant.id)
            checkInDamage += checkIns.damaged
            let entry = RosterEntry(participant: participant, checkIns: checkIns, keeping: kept[participant.id])
            if entry.belongsInIndex { entries.append(entry) }
        }
        let damaged = RosterIndex.damagedParticipants(participants, checkInDamage: checkInDamage)
        let readable = Set(participants.records.map(\.id))
        entries += damaged.filter { !readable.contains($0) }.compactMap { kept[$0] }
        return RosterIndex(entries: entries, damagedParticipants: damaged)
    }

    /// Rebuilds the index from the records and saves it, keeping what the old index knew of unreadable files.
    @discardableResult
    func rebuildRosterIndex(holding lock: WriteLock) throws(StoreError) -> RosterIndex {
        let index = rosterIndexFromRecords(keeping: (try? readRosterIndex()) ?? nil)
        try writeRosterIndex(index, holding: lock)
        clearRosterIndexPending()
        return index
    }

    func writeRosterIndex(_ index: RosterIndex, holding lock: WriteLock) throws(StoreError) {
        let path = folder.path(RosterIndex.relativePath)
        let bytes: [UInt8]
        do {
            bytes = try RecordCoding.encode(index, schemaVersion: RosterIndex.schemaVersion)
        } catch {
            throw .unencodable(path)
        }
        _ = try folder.ensureFolder(path.parent.relative)
        try writer.replace(path, with: bytes, holding: lock)
    }

    /// Puts a saved participant's entry in the index (or takes it out on discharge, unless a
    /// safety flag is still open), keeping its check-in summaries.
    func updateRosterIndex(after participant: Participant, holding lock: WriteLock) throws(StoreError) {
        guard var index = try? readRosterIndex() else {
            try rebuildRosterIndex(holding: lock)
            return
        }
        let existing = index.entries.first { $0.id == participant.id }
        var entry = RosterEntry(participant: participant, checkIns: [])
        if let existing, existing.admissionDate == participant.admissionDate {
            entry.keepCheckIns(of: existing)
        } else if participant.status != .discharged || existing != nil {
            // New, back from discharge, or admitted on another date (which moves the baselines):
            // the one participant's check-ins, not everyone's.
            entry = index.replaceCheckIns(of: participant, with: checkIns(of: participant.id))
        }
        index.entries.removeAll { $0.id == participant.id }
        if entry.belongsInIndex { index.entries.append(entry) }
        try writeRosterIndex(RosterIndex(entries: index.entries, damagedParticipants: index.damagedParticipants), holding: lock)
    }

    /// Updates the participant's latest check-in, baselines and open safety flags from one saved check-in.
    ///
    /// Incremental for a new check-in and for an edit that keeps the date and the answers (such as
    /// acknowledging a flag); otherwise, or when a flag opens on an older check-in, it re-reads
    /// that one participant's check-ins.
    func updateRosterIndex(after checkIn: CheckIn, previous: CheckIn?, holding lock: WriteLock) throws(StoreError) {
        guard var rosterIndex = try? readRosterIndex() else {
            try rebuildRosterIndex(holding: lock)
            return
        }
        var entries = rosterIndex.entries
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
            let entry = rosterIndex.replaceCheckIns(of: owner, with: checkIns(of: checkIn.participant))
            entries.removeAll { $0.id == checkIn.participant }
            entries.append(entry)
        } else {
            return
        }
        entries.removeAll { !$0.belongsInIndex }
        try writeRosterIndex(RosterIndex(entries: entries, damagedParticipants: rosterIndex.damagedParticipants), holding: lock)
    }
}

extension RosterIndex {
    /// `participant`'s entry rebuilt from `checkIns`, keeping what this index knew of any that
    /// cannot be read, and whether they are listed as damaged brought up to date.
    mutating func replaceCheckIns(of participant: Participant, with checkIns: Loaded<CheckIn>) -> RosterEntry {
        damagedParticipants.removeAll { $0 == participant.id }
        if !checkIns.damaged.isEmpty { damagedParticipants = Set(damagedParticipants + [participant.id]).sorted() }
        return RosterEntry(participant: participant, checkIns: checkIns, keeping: entries.first { $0.id == participant.id })
    }
}

extension RosterEntry {
    /// The entry `participant`'s readable check-ins call for, plus the open flags `previous` held
    /// for check-ins that cannot be read now: nothing shows whether those were acknowledged, so
    /// they stay open rather than vanish.
    init(participant: Participant, checkIns: Loaded<CheckIn>, keeping previous: RosterEntry?) {
        self.init(participant: participant, checkIns: checkIns.records)
        let unreadable = checkIns.damaged.map { RecordFileName.id(inFileName: $0.file.name) }
        // A nil is the folder itself, unlistable: any of the earlier flags may be in it.
        let keeps = { (flag: CheckInID) in unreadable.contains(nil) || unreadable.contains(flag.rawValue) }
        for flag in previous?.openSafetyFlags ?? [] where keeps(flag) && !openSafetyFlags.contains(flag) {
            openSafetyFlags.append(flag)
        }
    }
}
