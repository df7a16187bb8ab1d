#if canImport(Glibc)
import Glibc
#endif

/// Reads files from the data folder without following links, trusting files shared under
/// another name, or reading without bound; it never modifies what it reads.
public struct RecordReader: Sendable {
    /// No record Caseload writes comes near this; a bigger file is something else that ended up in the folder.
    public static let recordSizeLimit = 8 * 1024 * 1024

    let fileSystem: any FileSystem

    /// A reader over `fileSystem`.
    public init(fileSystem: any FileSystem = PosixFileSystem()) {
        self.fileSystem = fileSystem
    }

    /// The file's bytes, or nil when there is no file at `path`; an empty file is damage.
    public func readIfPresent(_ path: StorePath, limit: Int = recordSizeLimit) throws(StoreError) -> [UInt8]? {
        guard let bytes = try readBytesIfPresent(path, limit: limit) else { return nil }
        guard !bytes.isEmpty else { throw .damaged(path, .empty) }
        return bytes
    }

    /// The file's bytes, possibly none, or nil when there is no file at `path`.
    func readBytesIfPresent(_ path: StorePath, limit: Int) throws(StoreError) -> [UInt8]? {
        try withOpenFile(path, limit: limit) { descriptor, size throws(StoreError) in
            try readAll(descriptor, size: size, of: path, limit: limit)
        }
    }

    /// The note search index's bytes, mapped where the file system can and read otherwise, or nil
    /// when there is no file at `path`; the same checks as every read.
    func noteIndexBytesIfPresent(_ path: StorePath, limit: Int) throws(StoreError) -> NoteIndexBytes? {
        try withOpenFile(path, limit: limit) { descriptor, size throws(StoreError) in
            if let mapped = try map(descriptor, size: size, of: path) { return mapped }
            return NoteIndexBytes(copying: try readAll(descriptor, size: size, of: path, limit: limit))
        }
    }

    private func readAll(_ descriptor: FileDescriptor, size: Int, of path: StorePath, limit: Int) throws(StoreError) -> [UInt8] {
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.readAll(descriptor, limit: limit, expectedSize: size)
        } catch {
            throw .readFailed(path, FailureReason(errno: error.code))
        }
        guard bytes.count <= limit else { throw .damaged(path, .tooLarge(bytes: bytes.count)) }
        return bytes
    }

    private func map(_ descriptor: FileDescriptor, size: Int, of path: StorePath) throws(StoreError) -> NoteIndexBytes? {
        let region: UnsafeRawBufferPointer?
        do {
            region = try fileSystem.mapForReading(descriptor, count: size)
        } catch {
            throw .readFailed(path, FailureReason(errno: error.code))
        }
        let fileSystem = fileSystem
        return region.map { NoteIndexBytes(mapped: $0) { fileSystem.unmap($0) } }
    }

    /// Opens the file at `path` after checking what it is, checks the open descriptor again (that
    /// is the file actually read), and hands it and its size to `body`; nil when there is no file.
    private func withOpenFile<Result>(
        _ path: StorePath, limit: Int, _ body: (FileDescriptor, Int) throws(StoreError) -> Result
    ) throws(StoreError) -> Result? {
        let linkStatus: FileStatus
        do {
            linkStatus = try fileSystem.status(path.absolute, followingLinks: false)
        } catch where error.code == ENOENT {
            return nil
        } catch {
            throw .readFailed(path, FailureReason(errno: error.code))
        }
        try Self.check(linkStatus, at: path, limit: limit)

        let descriptor: FileDescriptor
        do {
            descriptor = try fileSystem.openForReading(path.absolute)
        } catch where error.code == ENOENT {
            return nil
        } catch where error.code == ELOOP {
            throw .damaged(path, .symbolicLink)  // replaced by a link after the lstat
        } catch {
            throw .readFailed(path, FailureReason(errno: error.code))
        }
        defer { fileSystem.closeQuietly(descriptor) }

        let openStatus: FileStatus
        do {
            openStatus = try fileSystem.status(descriptor)
        } catch {
            throw .readFailed(path, FailureReason(errno: error.code))
        }
        try Self.check(openStatus, at: path, limit: limit)
        return try body(descriptor, openStatus.size)
    }

    /// The decoded record at `path`, or nil when there is no file there.
    public func readRecordIfPresent<Record: Decodable>(
        _ type: Record.Type, at path: StorePath, newestSchemaVersion: Int
    ) throws(StoreError) -> DecodedRecord<Record>? {
        guard let bytes = try readIfPresent(path) else { return nil }
        do {
            return try RecordCoding.decode(type, from: bytes, newestSchemaVersion: newestSchemaVersion)
        } catch {
            throw .damaged(path, error)
        }
    }

    /// Refuses links, non-files, files with several names, and files over the limit.
    static func check(_ status: FileStatus, at path: StorePath, limit: Int) throws(StoreError) {
        switch status.kind {
        case .symbolicLink: throw .damaged(path, .symbolicLink)
        case .directory, .other: throw .damaged(path, .notARegularFile)
        case .regular: break
        }
        guard status.linkCount <= 1 else { throw .damaged(path, .hardLinked(links: status.linkCount)) }
        guard status.size <= limit else { throw .damaged(path, .tooLarge(bytes: status.size)) }
    }
}
