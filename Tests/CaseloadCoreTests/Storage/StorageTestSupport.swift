#if canImport(CaseloadStorage)
@testable import CaseloadStorage
#else
@testable import CaseloadCore
#endif
import Foundation
import Glibc

/// A fresh private folder under /tmp, deleted when the value goes away.
final class ScratchFolder {
    let path: String

    init() throws {
        var template = Array("/tmp/caseload-storage-test-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw SystemCallError(.makeDirectory, path: "/tmp", code: errno) }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The data folder rooted here, opened through `fileSystem`.
    func dataFolder(_ fileSystem: any FileSystem = PosixFileSystem()) throws -> DataFolder {
        try DataFolder.open(path, fileSystem: fileSystem)
    }

    func store(_ relative: String) -> StorePath { StorePath(root: path, relative: relative) }

    /// Writes a file directly, bypassing the store, with the given permissions.
    func plant(_ relative: String, _ bytes: [UInt8], permissions: UInt32 = 0o600) throws {
        let absolute = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (absolute as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        guard FileManager.default.createFile(atPath: absolute, contents: Data(bytes)) else {
            throw SystemCallError(.createExclusive, path: absolute, code: EIO)
        }
        chmod(absolute, mode_t(permissions))
    }

    func plant(_ relative: String, _ text: String, permissions: UInt32 = 0o600) throws {
        try plant(relative, Array(text.utf8), permissions: permissions)
    }

    func bytes(_ relative: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path + "/" + relative).map { [UInt8]($0) }
    }

    func names(in relative: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? path : path + "/" + relative)) ?? []).sorted()
    }

    func permissions(_ relative: String) -> UInt32 {
        var info = stat()
        lstat(relative.isEmpty ? path : path + "/" + relative, &info)
        return UInt32(info.st_mode & 0o7777)
    }

    /// Everything `lstat` says about a file that a read must not change.
    func fingerprint(_ relative: String) -> [Int] {
        var info = stat()
        lstat(path + "/" + relative, &info)
        return [
            Int(info.st_mode), Int(info.st_nlink), Int(info.st_size), Int(info.st_ino), info.st_mtim.tv_sec,
            info.st_mtim.tv_nsec,
        ]
    }
}

/// The real file system with chosen calls failing, as SQLite's I/O-error tests do.
///
/// `fail(.sync, onCall: 2, with: EIO)` makes the second fsync fail; with `persistent: true`
/// every later fsync fails too, the way a full or failing disk behaves.
final class FaultyFileSystem: FileSystem, @unchecked Sendable {
    struct Fault {
        let call: Int
        let code: Int32
        let persistent: Bool
    }

    private let real = PosixFileSystem()
    private let guardLock = NSLock()
    private var counts: [FileOperation: Int] = [:]
    private var faults: [FileOperation: Fault] = [:]
    /// When set, each write stores at most this many bytes, to exercise the partial-write loop.
    var maximumBytesPerWrite: Int?
    /// When true, every other write fails with EINTR before writing anything.
    var interruptsWrites = false
    /// When set, `volume` reports this instead of the real file system.
    var volumeOverride: VolumeInfo?

    func fail(_ operation: FileOperation, onCall call: Int = 1, with code: Int32, persistent: Bool = false) {
        guardLock.withLock { faults[operation] = Fault(call: call, code: code, persistent: persistent) }
    }

    func calls(of operation: FileOperation) -> Int {
        guardLock.withLock { counts[operation] ?? 0 }
    }

    private func enter(_ operation: FileOperation, _ path: String = "") throws(SystemCallError) {
        let code: Int32? = guardLock.withLock {
            let call = (counts[operation] ?? 0) + 1
            counts[operation] = call
            guard let fault = faults[operation] else { return nil }
            return call == fault.call || (fault.persistent && call > fault.call) ? fault.code : nil
        }
        if let code { throw SystemCallError(operation, path: path, code: code) }
    }

    func createExclusive(_ path: String, mode: UInt32) throws(SystemCallError) -> FileDescriptor {
        try enter(.createExclusive, path)
        return try real.createExclusive(path, mode: mode)
    }

    func openForAppending(_ path: String, mode: UInt32) throws(SystemCallError) -> FileDescriptor {
        try enter(.openForAppending, path)
        return try real.openForAppending(path, mode: mode)
    }

    func openLockFile(_ path: String, mode: UInt32) throws(SystemCallError) -> FileDescriptor {
        try enter(.openLockFile, path)
        return try real.openLockFile(path, mode: mode)
    }

    func openForReading(_ path: String) throws(SystemCallError) -> FileDescriptor {
        try enter(.openForReading, path)
        return try real.openForReading(path)
    }

    func write(_ descriptor: FileDescriptor, _ bytes: UnsafeRawBufferPointer) throws(SystemCallError) -> Int {
        try enter(.write)
        if interruptsWrites && calls(of: .write) % 2 == 1 { throw SystemCallError(.write, path: "", code: EINTR) }
        let limited = maximumBytesPerWrite.map { UnsafeRawBufferPointer(rebasing: bytes.prefix($0)) } ?? bytes
        return try real.write(descriptor, limited)
    }

    func read(_ descriptor: FileDescriptor, into buffer: UnsafeMutableRawBufferPointer) throws(SystemCallError) -> Int {
        try enter(.read)
        return try real.read(descriptor, into: buffer)
    }

    func read(
        _ descriptor: FileDescriptor, into buffer: UnsafeMutableRawBufferPointer, at offset: Int
    ) throws(SystemCallError) -> Int {
        try enter(.read)
        return try real.read(descriptor, into: buffer, at: offset)
    }

    func sync(_ descriptor: FileDescriptor) throws(SystemCallError) {
        try enter(.sync)
        try real.sync(descriptor)
    }

    func setPermissions(_ descriptor: FileDescriptor, _ mode: UInt32) throws(SystemCallError) {
        try enter(.setPermissions)
        try real.setPermissions(descriptor, mode)
    }

    func close(_ descriptor: FileDescriptor) throws(SystemCallError) {
        do {
            try enter(.close)
        } catch {
            try? real.close(descriptor)  // as on Linux: a failed close still releases the descriptor
            throw error
        }
        try real.close(descriptor)
    }

    func rename(_ source: String, to destination: String) throws(SystemCallError) {
        try enter(.rename, destination)
        try real.rename(source, to: destination)
    }

    func syncDirectory(_ path: String) throws(SystemCallError) {
        try enter(.syncDirectory, path)
        try real.syncDirectory(path)
    }

    func remove(_ path: String) throws(SystemCallError) {
        try enter(.remove, path)
        try real.remove(path)
    }

    func makeDirectory(_ path: String, mode: UInt32) throws(SystemCallError) {
        try enter(.makeDirectory, path)
        try real.makeDirectory(path, mode: mode)
    }

    func setPermissions(_ path: String, _ mode: UInt32) throws(SystemCallError) {
        try enter(.setPermissions, path)
        try real.setPermissions(path, mode)
    }

    func listDirectory(_ path: String) throws(SystemCallError) -> [String] {
        try enter(.listDirectory, path)
        return try real.listDirectory(path)
    }

    func status(_ path: String, followingLinks: Bool) throws(SystemCallError) -> FileStatus {
        try enter(.status, path)
        return try real.status(path, followingLinks: followingLinks)
    }

    func status(_ descriptor: FileDescriptor) throws(SystemCallError) -> FileStatus {
        try enter(.status)
        return try real.status(descriptor)
    }

    func tryLockExclusive(_ descriptor: FileDescriptor) throws(SystemCallError) -> Bool {
        try enter(.tryLock)
        return try real.tryLockExclusive(descriptor)
    }

    func volume(_ path: String) throws(SystemCallError) -> VolumeInfo {
        try enter(.volume, path)
        if let volumeOverride { return volumeOverride }
        return try real.volume(path)
    }

    func syncFileSystem(_ path: String) throws(SystemCallError) {
        try enter(.syncFileSystem, path)
        try real.syncFileSystem(path)
    }
}

/// A record shaped like the domain's, with health information in it that must never reach a message.
struct SampleRecord: Codable, Equatable {
    var id: String
    var name: String
    var note: String
    var score: Int
    var seenAt: Date

    static let secretMarker = "Zebulon"

    static let example = SampleRecord(
        id: "P-0042", name: "\(secretMarker) Quill", note: "Reports \(secretMarker) sleeping poorly; see a/b.",
        score: 14, seenAt: Date(timeIntervalSince1970: 1_795_957_500))
}
