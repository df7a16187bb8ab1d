/// Temporary files that a writer killed mid-save left behind.
///
/// They are never read as records (their names start with a dot). A writer holding the lock
/// removes them from the folder it writes to; `caseload check` lists them.
public struct LeftoverTemporaryFiles: Sendable {
    let fileSystem: any FileSystem

    /// Leftovers on `fileSystem`.
    public init(fileSystem: any FileSystem = PosixFileSystem()) {
        self.fileSystem = fileSystem
    }

    /// The leftover temporary files directly inside `folder`, sorted by name.
    public func list(in folder: StorePath) throws(StoreError) -> [StorePath] {
        let names: [String]
        do {
            names = try fileSystem.listDirectory(folder.absolute)
        } catch {
            throw .readFailed(folder, FailureReason(errno: error.code))
        }
        return names.filter(TemporaryFileName.isTemporary).sorted().map(folder.appending)
    }

    /// Removes the leftover temporary files in `folder` and returns those removed.
    ///
    /// Safe only under the write lock: then no live writer can be using one of them. Entries that
    /// are not regular files are left alone, because Caseload did not create them.
    public func remove(in folder: StorePath, holding lock: WriteLock) throws(StoreError) -> [StorePath] {
        precondition(lock.isHeld && lock.folder == folder.root, "removing temporary files needs the write lock")
        var removed: [StorePath] = []
        for file in try list(in: folder) {
            guard (try? fileSystem.status(file.absolute, followingLinks: false))?.kind == .regular,
                (try? fileSystem.remove(file.absolute)) != nil
            else { continue }
            removed.append(file)
        }
        return removed
    }
}
