#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The folder that holds a program's records, checked to be private and local before any use.
public struct DataFolder: Sendable {
    /// The absolute path of the folder.
    public let root: String
    /// The file system every store operation goes through.
    public let fileSystem: any FileSystem
    /// True when the folder's disk is mounted read-only: records can be viewed but not saved.
    public let isReadOnly: Bool

    /// Opens the data folder at `path`, creating it (and missing parents) with mode 0700 if asked to.
    ///
    /// Refuses a folder that other accounts can read or change, and one on NFS or SMB/CIFS,
    /// where `flock` does not keep two computers from saving at once.
    public static func open(
        _ path: String, creatingIfMissing: Bool = true, fileSystem: any FileSystem = PosixFileSystem()
    ) throws(StoreError) -> DataFolder {
        let root = absolutePath(path)
        // The folder and everything in it becomes private (0700, 0600): never the whole disk or
        // a home folder, and never the current folder by way of an empty path.
        // Both $HOME and the account's own home: either may be the one the user means.
        // Compared as the disk sees them, so "~/../me" or a link to the home folder is the home folder.
        let homes = [ProcessInfo.processInfo.environment["HOME"], FileManager.default.homeDirectoryForCurrentUser.path]
            .compactMap { $0 }.filter { !$0.isEmpty }.map { resolved(absolutePath($0)) }
        let real = resolved(root)
        guard !path.isEmpty, real != "/", !homes.contains(real) else { throw .dataFolderTooBroad(path.isEmpty ? "" : root) }
        try createIfMissing(root, creating: creatingIfMissing, fileSystem: fileSystem)

        let volume: VolumeInfo
        do {
            volume = try fileSystem.volume(root)
        } catch {
            throw .folderUnavailable(folder: root, FailureReason(errno: error.code))
        }
        if let network = volume.networkFileSystemName { throw .networkFileSystem(folder: root, kind: network) }

        let folder = DataFolder(root: root, fileSystem: fileSystem, isReadOnly: volume.isReadOnly)
        try folder.refuseIfOpenToOtherUsers()
        return folder
    }

    /// The entry at `relative` ("participants/P-0042.json") inside this folder.
    public func path(_ relative: String) -> StorePath {
        StorePath(root: root, relative: relative)
    }

    /// Waits for the write lock of this folder; hold it for the whole read-check-write of a save.
    public func lockForWriting(timeout: Duration = WriteLock.defaultTimeout) throws(StoreError) -> WriteLock {
        try WriteLock.acquire(in: root, fileSystem: fileSystem, timeout: timeout)
    }

    /// The subfolder at `relative`, created (with its parents) with mode 0700 and made durable if it does not exist yet.
    public func ensureFolder(_ relative: String) throws(StoreError) -> StorePath {
        var folder = path("")
        for component in relative.split(separator: "/") {
            folder = folder.appending(String(component))
            do {
                try Self.makeDirectory(folder.absolute, fileSystem: fileSystem)
            } catch {
                throw .folderNotCreated(folder, FailureReason(errno: error.code))
            }
        }
        return folder
    }

    /// Checks the folder itself and its top-level entries; `DataFolderInspection` walks the whole tree for `check`.
    private func refuseIfOpenToOtherUsers() throws(StoreError) {
        let top = path("")
        let status: FileStatus
        let names: [String]
        do {
            status = try fileSystem.status(root, followingLinks: true)
            names = try fileSystem.listDirectory(root)
        } catch {
            throw .folderUnavailable(folder: root, FailureReason(errno: error.code))
        }
        let holdsCaseload = names.contains(ProgramSettings.fileName)
        if status.isOpenToOtherUsers {
            throw .openToOtherUsers(top, permissions: status.permissions, holdsCaseload: holdsCaseload)
        }
        for name in names.sorted() {
            let entry = top.appending(name)
            // A link's own permission bits are always 0777 and mean nothing; `check` reports links.
            guard let status = try? fileSystem.status(entry.absolute, followingLinks: false),
                status.kind != .symbolicLink, status.isOpenToOtherUsers
            else { continue }
            throw .openToOtherUsers(entry, permissions: status.permissions, holdsCaseload: holdsCaseload)
        }
    }

    private static func createIfMissing(_ root: String, creating: Bool, fileSystem: any FileSystem) throws(StoreError) {
        let status: FileStatus
        do {
            status = try fileSystem.status(root, followingLinks: true)
        } catch where error.code == ENOENT {
            guard creating else { throw .notACaseload(folder: root) }
            try createWithParents(root, fileSystem: fileSystem)
            return
        } catch {
            throw .folderUnavailable(folder: root, FailureReason(errno: error.code))
        }
        guard status.kind == .directory else { throw .notAFolder(root) }
    }

    private static func createWithParents(_ root: String, fileSystem: any FileSystem) throws(StoreError) {
        var prefix = ""
        for component in root.split(separator: "/") {
            prefix += "/" + component
            do {
                try makeDirectory(prefix, fileSystem: fileSystem)
            } catch where error.code == ENOTDIR {
                throw .notAFolder(prefix)
            } catch {
                throw .folderUnavailable(folder: root, FailureReason(errno: error.code))
            }
        }
    }

    /// mkdir with exactly 0700 whatever the umask, then fsync the parent so the new entry survives a crash.
    ///
    /// An existing folder is left as it is (0700 is the XDG base-directory rule for folders an
    /// application creates); an existing non-folder is `ENOTDIR`.
    private static func makeDirectory(_ path: String, fileSystem: any FileSystem) throws(SystemCallError) {
        do {
            try fileSystem.makeDirectory(path, mode: 0o700)
        } catch where error.code == EEXIST {
            guard try fileSystem.status(path, followingLinks: true).kind == .directory else {
                throw SystemCallError(.makeDirectory, path: path, code: ENOTDIR)
            }
            return
        }
        try fileSystem.setPermissions(path, 0o700)
        let parent = path.split(separator: "/").dropLast().joined(separator: "/")
        try fileSystem.syncDirectory("/" + parent)
    }

    /// `path` with "..", "." and links resolved where it exists; as given where it does not yet.
    private static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return (path as NSString).standardizingPath }
        defer { free(real) }
        return String(cString: real)
    }

    private static func absolutePath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let components = absolute.split(separator: "/").filter { $0 != "." }
        return "/" + components.joined(separator: "/")
    }
}
