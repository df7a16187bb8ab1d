#if canImport(Glibc)
import Glibc
#endif

/// The primitive POSIX operations the store performs, injectable so tests can fail any one of them.
///
/// Every method is one system call (or, for `syncDirectory`, `syncFileSystem` and `listDirectory`, one
/// open-use-close sequence), so a test double can fail "the Nth fsync" the way SQLite's
/// I/O-error tests do. Loops over partial reads and writes live outside, in `FileSystem+Loops`.
public protocol FileSystem: Sendable {
    /// Creates a new file that must not exist yet (`O_WRONLY|O_CREAT|O_EXCL|O_CLOEXEC|O_NOFOLLOW`).
    func createExclusive(_ path: String, mode: UInt32) throws(SystemCallError) -> FileDescriptor
    /// Opens (creating if needed) a file for appending (`O_RDWR|O_APPEND|O_CREAT|O_CLOEXEC|O_NOFOLLOW`).
    func openForAppending(_ path: String, mode: UInt32) throws(SystemCallError) -> FileDescriptor
    /// Opens (creating if needed) a lock file (`O_RDWR|O_CREAT|O_CLOEXEC|O_NOFOLLOW`).
    func openLockFile(_ path: String, mode: UInt32) throws(SystemCallError) -> FileDescriptor
    /// Opens an existing file for reading without following a final symbolic link.
    func openForReading(_ path: String) throws(SystemCallError) -> FileDescriptor
    /// Writes some of `bytes`, returning how many were written (may be fewer than asked).
    func write(_ descriptor: FileDescriptor, _ bytes: UnsafeRawBufferPointer) throws(SystemCallError) -> Int
    /// Reads up to `buffer.count` bytes, returning how many were read (0 at end of file).
    func read(_ descriptor: FileDescriptor, into buffer: UnsafeMutableRawBufferPointer) throws(SystemCallError) -> Int
    /// Reads up to `buffer.count` bytes at `offset` without moving the file position.
    func read(_ descriptor: FileDescriptor, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(SystemCallError) -> Int
    /// Flushes a file's data and metadata to the disk.
    func sync(_ descriptor: FileDescriptor) throws(SystemCallError)
    /// Sets a file's permission bits exactly, whatever the umask was at creation.
    func setPermissions(_ descriptor: FileDescriptor, _ mode: UInt32) throws(SystemCallError)
    /// Closes a descriptor (never retried: on Linux the descriptor is gone even when close fails).
    func close(_ descriptor: FileDescriptor) throws(SystemCallError)
    /// Renames a file, atomically replacing any file at `destination`.
    func rename(_ source: String, to destination: String) throws(SystemCallError)
    /// Flushes a folder's entries (the result of a rename or create) to the disk.
    func syncDirectory(_ path: String) throws(SystemCallError)
    /// Removes a file.
    func remove(_ path: String) throws(SystemCallError)
    /// Creates a folder with exactly `mode` permissions.
    func makeDirectory(_ path: String, mode: UInt32) throws(SystemCallError)
    /// Sets a path's permission bits exactly (used on folders, which are never opened for writing).
    func setPermissions(_ path: String, _ mode: UInt32) throws(SystemCallError)
    /// Returns the names in a folder, without "." and "..".
    func listDirectory(_ path: String) throws(SystemCallError) -> [String]
    /// Describes a path (`lstat` when `followingLinks` is false, `stat` otherwise).
    func status(_ path: String, followingLinks: Bool) throws(SystemCallError) -> FileStatus
    /// Describes an open file (`fstat`).
    func status(_ descriptor: FileDescriptor) throws(SystemCallError) -> FileStatus
    /// Tries to take an exclusive `flock` without waiting; false when someone else holds it.
    func tryLockExclusive(_ descriptor: FileDescriptor) throws(SystemCallError) -> Bool
    /// Describes the file system a path lives on (`statfs`).
    func volume(_ path: String) throws(SystemCallError) -> VolumeInfo
    /// Flushes everything written to the file system holding `path` (`syncfs`), after a bulk write.
    func syncFileSystem(_ path: String) throws(SystemCallError)
    /// The file's first `count` bytes mapped read-only, or nil where this file system does not map
    /// (its caller then reads the file instead).
    func mapForReading(_ descriptor: FileDescriptor, count: Int) throws(SystemCallError) -> UnsafeRawBufferPointer?
    /// Gives back a region `mapForReading` returned.
    func unmap(_ region: UnsafeRawBufferPointer)
}

/// An open file descriptor number.
public struct FileDescriptor: Hashable, Sendable {
    /// The kernel's descriptor number.
    public let rawValue: Int32

    /// Wraps a descriptor number returned by the kernel.
    public init(_ rawValue: Int32) { self.rawValue = rawValue }
}

/// The kind of a directory entry, as `lstat` sees it.
public enum FileKind: Sendable, Equatable {
    case regular, directory, symbolicLink, other
}

/// What `stat`/`lstat`/`fstat` report that the store cares about.
public struct FileStatus: Sendable, Equatable {
    /// Whether this is a regular file, a folder, a link or something else.
    public var kind: FileKind
    /// Permission bits only (`st_mode & 0o7777`).
    public var permissions: UInt32
    /// Number of hard links (`st_nlink`).
    public var linkCount: Int
    /// Size in bytes.
    public var size: Int
    /// Device and inode, to tell whether two paths or descriptors are the same file.
    public var device: UInt64
    /// Device and inode, to tell whether two paths or descriptors are the same file.
    public var inode: UInt64
    /// Last modification, in nanoseconds since 1970.
    public var modifiedNanoseconds: Int64
    /// The owning user (`st_uid`), so only a user's own entries are ever removed on their behalf.
    public var owner: UInt32

    /// Creates a status value.
    public init(
        kind: FileKind, permissions: UInt32, linkCount: Int, size: Int, device: UInt64, inode: UInt64,
        modifiedNanoseconds: Int64, owner: UInt32
    ) {
        self.kind = kind
        self.permissions = permissions
        self.linkCount = linkCount
        self.size = size
        self.device = device
        self.inode = inode
        self.modifiedNanoseconds = modifiedNanoseconds
        self.owner = owner
    }

    /// True when group or other users have any access (read, write or search).
    public var isOpenToOtherUsers: Bool { permissions & 0o077 != 0 }
}

/// What `statfs` reports that the store cares about.
public struct VolumeInfo: Sendable, Equatable {
    /// The file system's magic number (`f_type`).
    public var typeCode: UInt32
    /// True when the file system is mounted read-only (`ST_RDONLY` in `f_flags`).
    public var isReadOnly: Bool

    /// Creates a volume description.
    public init(typeCode: UInt32, isReadOnly: Bool) {
        self.typeCode = typeCode
        self.isReadOnly = isReadOnly
    }

    /// The name of the network file system this is, or nil for a local one.
    ///
    /// `flock` on these is emulated or not shared between machines, so two Caseload
    /// processes on two computers could both believe they hold the write lock.
    public var networkFileSystemName: String? {
        switch typeCode {
        case 0x6969: "NFS"
        case 0x517B: "SMB"
        case 0xFF53_4D42: "CIFS"
        case 0xFE53_4D42: "SMB2"
        default: nil
        }
    }
}

/// The operations of `FileSystem`, named so errors and tests can say which step failed.
public enum FileOperation: String, Sendable, CaseIterable {
    case createExclusive = "create"
    case openForAppending = "open for appending"
    case openLockFile = "open lock file"
    case openForReading = "open"
    case write
    case read
    case sync = "fsync"
    case setPermissions = "chmod"
    case close
    case rename
    case syncDirectory = "fsync folder"
    case remove = "unlink"
    case makeDirectory = "mkdir"
    case listDirectory = "list folder"
    case status = "stat"
    case tryLock = "flock"
    case volume = "statfs"
    case syncFileSystem = "syncfs"
}

/// A failed system call: which operation, on which absolute path, with which `errno`.
public struct SystemCallError: Error, Sendable, Equatable {
    /// The operation that failed.
    public var operation: FileOperation
    /// The absolute path involved; empty for calls on a descriptor.
    public var path: String
    /// The `errno` value.
    public var code: Int32

    /// Records a failed call.
    public init(_ operation: FileOperation, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }
}

extension FileSystem {
    /// By default files are read, not mapped (a file system made for tests reads every byte through `read`).
    public func mapForReading(_ descriptor: FileDescriptor, count: Int) throws(SystemCallError) -> UnsafeRawBufferPointer? { nil }

    public func unmap(_ region: UnsafeRawBufferPointer) {}
}
