/// Writes a whole generated caseload quickly (the demo generator's hundreds of thousands of files).
///
/// Each file still goes through a temporary file and a rename, so no file is ever torn, but
/// nothing is fsynced until `finish()` syncs the file system once and writes the roster index and
/// the note search index (of the sessions it wrote: a bulk load fills a new caseload).
/// It holds the write lock from creation to `finish()`. Never used for interactive saves. Every
/// record still gets its audit line (`record.import` by whoever ran the load, at the time it ran,
/// with the record's revision), so `check` can account for each one like any other save; the lines
/// are appended together at `finish()`, before the one sync that makes records and lines durable.
public final class BulkWriter {
    private let store: CaseloadStore
    private let lock: WriteLock
    private let staff: AuditIdentifier
    private var audit: [AuditEntry] = []
    private var entries: [ParticipantID: RosterEntry] = [:]
    private var openFlags: [ParticipantID: [CheckInID: LocalDate]] = [:]
    private var knownFolders: Set<String> = []
    private var searchedSessions: [SessionID: SearchedSession] = [:]
    /// How many records were written so far.
    public private(set) var recordsWritten = 0

    /// Takes the write lock of `store`'s data folder until `finish()`; `staff` is who ran the load.
    public init(store: CaseloadStore, by staff: StaffID) throws(StoreError) {
        guard let staffID = AuditIdentifier(staff.rawValue) else {
            throw .invalidRecordID(kind: Staff.kindName, id: staff.rawValue)
        }
        self.store = store
        self.staff = staffID
        self.lock = try store.folder.lockForWriting(timeout: store.lockTimeout)
    }

    /// Writes a session's own file, then a file for each of its notes and for its narrative, with
    /// the revisions the session gives them (a part without one takes the session's).
    public func write(_ session: Session) throws(StoreError) {
        try write(SessionFile(session))
        searchedSessions[session.id] = SearchedSession(session)
        if let text = session.sharedNarrative {
            try write(
                NarrativeFile(
                    session: session.id, revision: session.narrativeRevision ?? session.revision, text: text,
                    contributors: session.narrativeContributors))
        }
        for member in session.members {
            guard let note = member.note else { continue }
            try write(
                MemberNoteFile(
                    session: session.id, participant: member.participant, revision: member.noteRevision ?? session.revision,
                    note: note))
        }
    }

    /// Writes one record exactly as given (its revision included), replacing any file at its path.
    public func write<Record: AuditedRecord>(_ record: Record) throws(StoreError) {
        let path = store.folder.path(try record.relativePath())
        guard let recordID = AuditIdentifier(record.id.rawValue) else {
            throw .invalidRecordID(kind: Record.kindName, id: record.id.rawValue)
        }
        let bytes: [UInt8]
        do {
            bytes = try RecordCoding.encode(record, schemaVersion: Record.schemaVersion)
        } catch {
            throw .unencodable(path)
        }
        if knownFolders.insert(path.parent.relative).inserted { _ = try store.folder.ensureFolder(path.parent.relative) }
        try store.writer.replaceWithoutSync(path, with: bytes, holding: lock)
        recordsWritten += 1
        audit.append(
            AuditEntry(
                action: .recordImport, at: store.now(), record: recordID, staff: staff, kind: Record.auditKind,
                revision: record.revision.number))
        if let participant = record as? Participant { track(participant) }
        if let checkIn = record as? CheckIn { track(checkIn) }
    }

    /// Appends the audit lines, writes both indexes, flushes everything to the disk, and releases the lock.
    public func finish() throws(StoreError) {
        defer { lock.release() }
        try AuditLog(dataFolder: store.folder).append(audit, syncing: false, holding: lock)
        let roster = entries.values.map { entry in
            var entry = entry
            entry.openSafetyFlags = (openFlags[entry.id] ?? [:]).sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
            return entry
        }.filter(\.belongsInIndex)
        try store.writeRosterIndex(RosterIndex(entries: roster), holding: lock)
        try writeNoteIndex()
        do {
            try store.folder.fileSystem.syncFileSystem(store.folder.root)
        } catch {
            throw .saveUnconfirmed(store.folder.path(""), FailureReason(errno: error.code))
        }
    }

    private func writeNoteIndex() throws(StoreError) {
        let sessions = searchedSessions.sorted { $0.key < $1.key }.map(\.value)
        let generation = try store.noteIndexStoreGeneration()
        try store.writeNoteIndex(NoteIndexFile.built(from: sessions, damagedFiles: [], generation: generation), holding: lock)
    }

    private func track(_ participant: Participant) {
        var entry = RosterEntry(participant: participant, checkIns: [])
        if let old = entries[participant.id] { entry.keepCheckIns(of: old) }
        entries[participant.id] = entry
    }

    /// The same summaries `RosterEntry(participant:checkIns:)` computes, kept as check-ins stream
    /// past; open flags are ordered at the end, since check-ins may come in any order.
    private func track(_ checkIn: CheckIn) {
        entries[checkIn.participant]?.include(checkIn)
        openFlags[checkIn.participant, default: [:]][checkIn.id] = checkIn.hasOpenSafetyFlag ? checkIn.date : nil
    }
}
