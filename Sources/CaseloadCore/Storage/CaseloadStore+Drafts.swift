#if canImport(Glibc)
import Glibc
#endif

/// Drafts: each staff member's working copies, one file per session and text. They are written by
/// the same atomic recipe as records but have no audit line (see `Caseload.saveDraft`).
extension CaseloadStore {
    /// One staff member's drafts; a damaged draft file is named in `damaged`, never in the way.
    public func drafts(of staff: StaffID) -> Loaded<Draft> {
        guard let folder = try? Draft.folder(of: staff) else { return Loaded() }
        return loadAll(Draft.self, in: folder)
    }

    /// Every staff member's drafts, for `check`.
    func allDrafts() -> Loaded<Draft> {
        loadAll(Draft.self, in: subfolders(of: "drafts"), findingUnknownFields: true)
    }

    /// The draft at `relative` (see `Draft.place`), if there is one.
    func draft(at relative: String) throws(StoreError) -> Draft? {
        try load(Draft.self, at: relative)
    }

    /// Writes `draft` over any earlier one of the same text, as the next revision of it (a first
    /// one, or one replacing a damaged file, is revision 1). Nothing is appended to the audit log.
    func writeDraft(_ draft: Draft, by staff: StaffID, holding lock: WriteLock) throws(StoreError) -> Draft {
        let relative = try draft.relativePath()
        let time = now()
        var saved = draft
        let earlier = try? timed(.read) { () throws(StoreError) in try load(Draft.self, at: relative) }
        saved.revision = earlier?.revision.next(at: time, by: staff) ?? Revision(createdAt: time, createdBy: staff)
        try write(saved, at: folder.path(relative), holding: lock)
        return saved
    }

    /// Removes the draft at `relative` (see `Draft.place`), damaged or not; false when there was
    /// none. The removal is made durable, so a crash cannot bring back text that was already written.
    func removeDraft(_ relative: String, holding lock: WriteLock) throws(StoreError) -> Bool {
        precondition(lock.isHeld && lock.folder == folder.root, "removing a draft needs the write lock")
        let path = folder.path(relative)
        let fileSystem = folder.fileSystem
        do {
            try fileSystem.remove(path.absolute)
            try fileSystem.syncDirectory(path.parent.absolute)
            return true
        } catch where error.code == ENOENT {
            return false
        } catch {
            throw .saveFailed(path, FailureReason(errno: error.code))
        }
    }
}
