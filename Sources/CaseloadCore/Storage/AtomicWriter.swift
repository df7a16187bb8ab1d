#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Replaces files in the data folder so that a crash at any moment leaves the old or the new
/// content, never a mix, and a failure leaves the old content.
///
/// A save writes `.NAME.tmp-PID-RANDOM` beside the target (created exclusively, mode 0600, never
/// through a link), fsyncs it, renames it over the target and fsyncs the folder. It returns only
/// after the folder fsync, because until then a power cut could still bring the old entry back.
/// Not `Data.write(options: .atomic)`: on this toolchain that turns 0600 files into 0644 and
/// never fsyncs the folder.
public final class AtomicWriter: @unchecked Sendable {
    let fileSystem: any FileSystem
    // Folders whose leftover temporary files this writer already removed; guarded by `sweptFoldersLock`.
    private var sweptFolders: Set<String> = []
    private let sweptFoldersLock = NSLock()

    /// A writer over `fileSystem`.
    public init(fileSystem: any FileSystem = PosixFileSystem()) {
        self.fileSystem = fileSystem
    }

    /// Replaces (or creates) the file at `path` with `bytes`; the folder must exist.
    ///
    /// A failure before the rename leaves the old file. A failed folder fsync after it is
    /// reported as saved but unconfirmed, never as "unchanged": on Linux a second fsync after an
    /// error proves nothing, so neither the new entry nor a restored old one could be trusted.
    /// Refuses to replace a symbolic link, a file with several names, or something larger than
    /// any record (or than `limit`, for the note search index), because those are not files Caseload wrote.
    public func replace(
        _ path: StorePath, with bytes: [UInt8], holding lock: WriteLock, limit: Int = RecordReader.recordSizeLimit
    ) throws(StoreError) {
        precondition(lock.isHeld && lock.folder == path.root, "a save must hold the write lock of its data folder")
        // Reading the current file first refuses a link, a file with several names or an oversized one.
        _ = try RecordReader(fileSystem: fileSystem).readBytesIfPresent(path, limit: limit)
        try prepareFolderOnce(path.parent, for: path, holding: lock)
        do {
            try install(bytes, at: path)
        } catch {
            throw .saveFailed(path, FailureReason(errno: error.code))
        }
        do {
            try fileSystem.syncDirectory(path.parent.absolute)
        } catch {
            throw .saveUnconfirmed(path, FailureReason(errno: error.code))
        }
    }

    /// Writes with a temporary file and a rename but no fsync, for a bulk load that syncs the
    /// whole file system once at the end; never for a person's save.
    func replaceWithoutSync(_ path: StorePath, with bytes: [UInt8], holding lock: WriteLock) throws(StoreError) {
        precondition(lock.isHeld && lock.folder == path.root, "a save must hold the write lock of its data folder")
        do {
            try install(bytes, at: path, syncing: false)
        } catch {
            throw .saveFailed(path, FailureReason(errno: error.code))
        }
    }

    /// Writes `bytes` to a fresh temporary file and renames it over `path`; on failure removes the temporary file.
    private func install(_ bytes: [UInt8], at path: StorePath, syncing: Bool = true) throws(SystemCallError) {
        let (temporaryPath, descriptor) = try createTemporaryFile(for: path)
        do {
            try fileSystem.setPermissions(descriptor, 0o600)
            try fileSystem.writeAll(descriptor, bytes)
            if syncing { try fileSystem.sync(descriptor) }
        } catch {
            fileSystem.closeQuietly(descriptor)
            fileSystem.removeQuietly(temporaryPath)
            throw error
        }
        do {
            try fileSystem.close(descriptor)
            try fileSystem.rename(temporaryPath, to: path.absolute)
        } catch {
            fileSystem.removeQuietly(temporaryPath)
            throw error
        }
    }

    private func createTemporaryFile(for path: StorePath) throws(SystemCallError) -> (String, FileDescriptor) {
        var attempts = 0
        while true {
            let temporaryPath = path.parent.absolute + "/" + TemporaryFileName.make(for: path.name)
            do {
                return (temporaryPath, try fileSystem.createExclusive(temporaryPath, mode: 0o600))
            } catch where error.code == EEXIST && attempts < 3 {
                attempts += 1  // a random-name collision; a fresh name will do
            }
        }
    }

    /// Once per folder per process, before the first save into it: fsync its parent, so the
    /// folder's own entry is on disk before anything in it is called saved (a folder made by an
    /// earlier run that crashed may not be), and remove leftover temporary files, dead because
    /// every writer holds the lock.
    private func prepareFolderOnce(_ folder: StorePath, for path: StorePath, holding lock: WriteLock) throws(StoreError) {
        let isFirstVisit = sweptFoldersLock.withLock { sweptFolders.insert(folder.absolute).inserted }
        guard isFirstVisit else { return }
        let parent = (folder.absolute as NSString).deletingLastPathComponent
        do {
            try fileSystem.syncDirectory(parent)
        } catch {
            sweptFoldersLock.withLock { _ = sweptFolders.remove(folder.absolute) }
            throw .saveFailed(path, FailureReason(errno: error.code))
        }
        // Best effort: a leftover is harmless (never read as a record), and if the folder cannot be
        // listed the save itself reports why.
        _ = try? LeftoverTemporaryFiles(fileSystem: fileSystem).remove(in: folder, holding: lock)
    }
}
