import Foundation

/// Saving a session writes only the records that changed: its own file (time, facilitators,
/// attendance), a member's note, the shared narrative. Each has its own revision, checked on its
/// own, and its own audit line, so a co-facilitator writing another member's note, an attendance
/// change and a note being written never refuse each other as stale.
extension CaseloadStore {
    /// Stores a new session as revision 1: its own file, then a file for each note and for the
    /// narrative it already holds, each with its audit line; refuses an id that is already taken.
    @discardableResult
    public func add(_ session: Session, action: AuditAction, by staff: StaffID) throws(StoreError) -> Saved<Session> {
        let lock = try lockForWriting()
        defer { lock.release() }
        return try add(session, action: action, by: staff, holding: lock)
    }

    /// `add` under a lock the caller already holds.
    public func add(
        _ session: Session, action: AuditAction, by staff: StaffID, holding lock: WriteLock
    ) throws(StoreError) -> Saved<Session> {
        // The session's file first, so a save that stops part way leaves a session without some
        // of its notes, never notes without their session.
        let file = try add(SessionFile(session), action: action, by: staff, holding: lock).record
        var parts = SessionParts()
        if let text = session.sharedNarrative {
            let narrative = NarrativeFile(
                session: session.id, revision: file.revision, text: text, contributors: session.narrativeContributors)
            parts.narrative = try add(narrative, action: action, by: staff, holding: lock).record
        }
        for member in session.members {
            guard let note = member.note else { continue }
            let part = MemberNoteFile(session: session.id, participant: member.participant, revision: file.revision, note: note)
            parts.notes[member.participant] = try add(part, action: action, by: staff, holding: lock).record
        }
        return Saved(record: Session(file, parts: parts), warnings: [])
    }

    /// Saves what changed in `session`, each changed record refused when someone saved that
    /// record since it was read (the user's version is kept under `conflicts/`).
    @discardableResult
    public func save(
        _ session: Session, changing records: Set<SessionRecord>? = nil, action: AuditAction, by staff: StaffID
    ) throws(StoreError) -> Saved<Session> {
        let lock = try lockForWriting()
        defer { lock.release() }
        return try save(session, changing: records, action: action, by: staff, holding: lock)
    }

    /// `save` under a lock the caller already holds. Of `records` (nil: all of them), those that
    /// differ from their files are written, each with `action` in its audit line; a changed record
    /// whose revision is not the one on disk is refused as stale. Name the records changed: a copy
    /// of the session read earlier holds older versions of the others, which are not changes, and
    /// without `records` they would be refused as stale. With `refusingUnchanged`, a save that
    /// changes nothing is refused (`.unchanged`) before any audit line or write.
    ///
    /// A session file older than schema 3 holds its notes and narrative. The first save moves them
    /// into files of their own (audited as `record.migrate`, keeping the old file's revision, so an
    /// editor that read the old file is still current), then rewrites the session file without
    /// them. A save that stops between the two leaves both, and readers take the part files.
    public func save(
        _ session: Session, changing records: Set<SessionRecord>? = nil, action: AuditAction, by staff: StaffID,
        holding lock: WriteLock, refusingUnchanged: Bool = false
    ) throws(StoreError) -> Saved<Session> {
        let mine = SessionFile(session)
        let relative = try mine.relativePath()
        let path = folder.path(relative)
        let time = now()
        // Checked before anything is read, so a bad id stops the save at once.
        _ = try auditEntry(for: mine, action: action, by: staff, at: time)

        let found: (record: SessionFile, unknown: UnknownFields)?
        let stored: (parts: SessionParts, damaged: [String: RecordDamage])
        do {
            (found, stored) = try timed(.read) { () throws(StoreError) in
                (try loadForRewrite(SessionFile.self, at: relative), try parts(of: session.id))
            }
        } catch {
            let problem = RecordDamage(reading: path, error).problem
            throw .saveRefused(path, problem, keptAt: try keepConflict(mine, at: time, holding: lock))
        }
        guard let (onDiskFile, unknown) = found else {
            throw .saveRefused(path, nil, keptAt: try keepConflict(mine, at: time, holding: lock))
        }
        let onDisk = Session(onDiskFile, parts: stored.parts)
        var plan = PartWrites(stored: stored, time: time, staff: staff, store: self, holding: lock)
        let changing = { (record: SessionRecord) in records?.contains(record) ?? true }
        if changing(.narrative) { try plan.narrative(session, onDisk: onDisk, action: action) }
        for member in session.members where changing(.note(member.participant)) {
            try plan.note(member, in: session, onDisk: onDisk, action: action)
        }
        var core = session.withoutParts()
        core.revision = onDisk.revision
        let coreChanged = changing(.session) && core != onDisk.withoutParts()
        if coreChanged {
            if let field = unknown.nested.first {
                throw .unknownFieldNotKept(path, field: field, keptAt: try keepConflict(mine, at: time, holding: lock))
            }
            guard onDiskFile.revision.number == session.revision.number else {
                throw .staleRecord(
                    path, changedBy: onDiskFile.revision.updatedBy.rawValue, changedAt: onDiskFile.revision.updatedAt,
                    keptAt: try keepConflict(mine, at: time, holding: lock))
            }
        }
        guard coreChanged || !plan.writes.isEmpty else {
            if refusingUnchanged { throw .unchanged(path) }
            return Saved(record: onDisk, warnings: [])
        }
        if onDiskFile.holdsParts { try plan.migrate(onDisk, keeping: mine) }
        // An older session file first gets its notes and narrative moved out as they are, then is
        // rewritten without them; only then is the change written. A save that stops in between
        // leaves the old file and copies of what it holds, so nothing is lost or contradicted.
        var warnings = try plan.perform(migrated: true)
        var file = onDiskFile
        if coreChanged || onDiskFile.holdsParts {
            file = SessionFile(coreChanged ? session : onDisk)
            file.revision = onDiskFile.revision.next(at: time, by: staff)
            try appendBeforeWriting(
                auditEntry(for: file, action: coreChanged ? action : .recordMigrate, by: staff, at: time), holding: lock)
            warnings += try writeUpdatingIndexes(file, previous: onDiskFile, at: path, keeping: unknown.topLevel, holding: lock)
        }
        warnings += try plan.perform(migrated: false)
        return Saved(record: Session(file, parts: plan.result), warnings: warnings)
    }
}

/// The note and narrative files one session save writes: parts moved out of an older session
/// file, and the changed ones.
private struct PartWrites {
    struct Write {
        let record: any SessionPartFile
        /// The part as its file holds it now (moved out of an older session file: the record
        /// itself), nil when it has no file yet; what the note search index compares with.
        let previous: (any SessionPartFile)?
        let action: AuditAction
        /// Moved out of an older session file unchanged, rather than changed.
        var migrated = false
    }

    /// The parts as they will stand once written.
    private(set) var result: SessionParts
    private(set) var writes: [Write] = []
    let time: Date
    let staff: StaffID
    let store: CaseloadStore
    let lock: WriteLock
    /// The part files that could not be read, by relative path.
    let damaged: [String: RecordDamage]
    /// The fields the files of the changed parts hold that this build does not read, by relative path.
    private var unknown: [String: UnknownFields] = [:]

    init(
        stored: (parts: SessionParts, damaged: [String: RecordDamage]), time: Date, staff: StaffID, store: CaseloadStore,
        holding lock: WriteLock
    ) {
        result = stored.parts
        damaged = stored.damaged
        self.time = time
        self.staff = staff
        self.store = store
        self.lock = lock
    }

    /// The narrative, when `session`'s differs from the one on disk. A narrative is never
    /// removed, so one missing from the caller's copy is only older, not a change.
    mutating func narrative(_ session: Session, onDisk: Session, action: AuditAction) throws(StoreError) {
        guard let text = session.sharedNarrative,
            text != onDisk.sharedNarrative || session.narrativeContributors != onDisk.narrativeContributors
        else { return }
        var narrative = NarrativeFile(
            session: session.id, revision: session.narrativeRevision ?? session.revision, text: text,
            contributors: session.narrativeContributors)
        try checkCurrent(narrative, yours: session.narrativeRevision, stored: onDisk.narrativeRevision)
        narrative.revision = next(after: onDisk.narrativeRevision)
        writes.append(Write(record: narrative, previous: result.narrative, action: action))
        result.narrative = narrative
    }

    /// A member's note, when it differs from the one on disk. Notes are never removed, so one
    /// missing from the caller's copy is only older, not a change.
    mutating func note(_ member: SessionMember, in session: Session, onDisk: Session, action: AuditAction) throws(StoreError) {
        let stored = onDisk.member(member.participant)
        guard let note = member.note, note != stored?.note else { return }
        var part = MemberNoteFile(
            session: session.id, participant: member.participant, revision: member.noteRevision ?? session.revision, note: note)
        try checkCurrent(part, yours: member.noteRevision, stored: stored?.noteRevision)
        part.revision = next(after: stored?.noteRevision)
        writes.append(Write(record: part, previous: result.notes[member.participant], action: action))
        result.notes[member.participant] = part
    }

    /// Parts an older session file holds that have no file of their own yet and are not being
    /// changed, each keeping the old file's revision. A damaged part file stops the move: writing
    /// the old text over it could lose a newer one.
    /// `mine`: the caller's session file, kept under `conflicts/` with their first changed part
    /// when the move is refused.
    mutating func migrate(_ onDisk: Session, keeping mine: SessionFile) throws(StoreError) {
        if let damage = damaged.values.sorted(by: { $0.file.relative < $1.file.relative }).first {
            let kept: StorePath
            if let first = writes.first {
                kept = try store.keepConflict(first.record, at: time, holding: lock)
            } else {
                kept = try store.keepConflict(mine, at: time, holding: lock)
            }
            throw .saveRefused(damage.file, damage.problem, keptAt: kept)
        }
        var moved: [Write] = []
        if result.narrative == nil, let text = onDisk.sharedNarrative, let revision = onDisk.narrativeRevision {
            let narrative = NarrativeFile(session: onDisk.id, revision: revision, text: text, contributors: onDisk.narrativeContributors)
            result.narrative = narrative
            moved.append(Write(record: narrative, previous: narrative, action: .recordMigrate, migrated: true))
        }
        for member in onDisk.members where result.notes[member.participant] == nil {
            guard let note = member.note, let revision = member.noteRevision else { continue }
            let part = MemberNoteFile(session: onDisk.id, participant: member.participant, revision: revision, note: note)
            result.notes[member.participant] = part
            moved.append(Write(record: part, previous: part, action: .recordMigrate, migrated: true))
        }
        writes = moved + writes
    }

    /// Appends each part's audit line and writes it, keeping the top-level fields its file held
    /// that this build does not read: the parts moved out of an older file, or the changed ones.
    /// Returns what the indexes could not take in.
    func perform(migrated: Bool) throws(StoreError) -> [SaveWarning] {
        var warnings: [SaveWarning] = []
        for write in writes where write.migrated == migrated {
            warnings += try perform(write.record, previous: write.previous, action: write.action)
        }
        return warnings
    }

    /// One part's audit line and write, with the indexes brought up to date as for every record.
    private func perform<Record: SessionPartFile>(
        _ record: Record, previous: (any SessionPartFile)?, action: AuditAction
    ) throws(StoreError) -> [SaveWarning] {
        let relative = try record.relativePath()
        try store.appendBeforeWriting(store.auditEntry(for: record, action: action, by: staff, at: time), holding: lock)
        return try store.writeUpdatingIndexes(
            record, previous: previous as? Record, at: store.folder.path(relative), keeping: unknown[relative]?.topLevel ?? [:],
            holding: lock)
    }

    /// Refuses `mine` when its file is damaged, holds a field this build cannot keep, or was saved
    /// (or removed) since `yours` was read; the caller's version is kept under `conflicts/`.
    /// Notes the top-level fields its file holds that this build does not read, to write them back.
    private mutating func checkCurrent<Record: SessionPartFile>(_ mine: Record, yours: Revision?, stored: Revision?)
        throws(StoreError)
    {
        let relative = try mine.relativePath()
        let path = store.folder.path(relative)
        if let damage = damaged[relative] {
            throw .saveRefused(damage.file, damage.problem, keptAt: try store.keepConflict(mine, at: time, holding: lock))
        }
        // Only a changed part's own file is compared field by field: the others are not rewritten.
        unknown[relative] = stored == nil ? nil : try store.loadForRewrite(Record.self, at: relative)?.unknown
        if let field = unknown[relative]?.nested.first {
            throw .unknownFieldNotKept(path, field: field, keptAt: try store.keepConflict(mine, at: time, holding: lock))
        }
        guard yours?.number != stored?.number else { return }
        guard let stored else {
            throw .saveRefused(path, nil, keptAt: try store.keepConflict(mine, at: time, holding: lock))
        }
        throw .staleRecord(
            path, changedBy: stored.updatedBy.rawValue, changedAt: stored.updatedAt,
            keptAt: try store.keepConflict(mine, at: time, holding: lock))
    }

    private func next(after revision: Revision?) -> Revision {
        revision?.next(at: time, by: staff) ?? Revision(createdAt: time, createdBy: staff)
    }
}

/// A note or narrative file, written by a session save.
protocol SessionPartFile: AuditedRecord {}

extension MemberNoteFile: SessionPartFile {}
extension NarrativeFile: SessionPartFile {}
