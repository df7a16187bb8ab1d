#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The append-only audit trail: JSON Lines, one file per UTC month (`audit/2026-11.jsonl`).
///
/// Each append is one `write` of its lines through `O_APPEND` under the write lock, then fsync.
/// A crash mid-append can leave a torn last line; readers skip it and `caseload check` reports it,
/// and the next append starts on a fresh line so the torn fragment never swallows a good entry.
/// Lines are chained (see `AuditChain`) so `caseload audit verify` can tell when one was changed.
public struct AuditLog: Sendable {
    /// The audit folder's name inside the data folder.
    public static let folderName = "audit"
    /// Far above a busy program's month of entries, far below what would exhaust memory.
    static let fileSizeLimit = 256 * 1024 * 1024

    let dataFolder: DataFolder

    /// The audit log of `dataFolder`.
    public init(dataFolder: DataFolder) {
        self.dataFolder = dataFolder
    }

    var fileSystem: any FileSystem { dataFolder.fileSystem }

    /// The month file `entry` belongs in.
    public func file(for month: AuditMonth) -> StorePath {
        dataFolder.path(Self.folderName).appending(month.fileName)
    }

    /// Appends `entry`, chained to the line before it, and returns once it is on the disk.
    public func append(_ entry: AuditEntry, holding lock: WriteLock) throws(StoreError) {
        try append([entry], syncing: true, holding: lock)
    }

    /// Appends `entries` month by month, oldest month first so each month chains to the one before,
    /// one write per month file. Without `syncing` the caller syncs the file system (a bulk load).
    func append(_ entries: [AuditEntry], syncing: Bool, holding lock: WriteLock) throws(StoreError) {
        precondition(lock.isHeld && lock.folder == dataFolder.root, "an audit append needs the write lock")
        let folder = try dataFolder.ensureFolder(Self.folderName)
        let byMonth = Dictionary(grouping: entries) { AuditMonth(containing: $0.at) }
        for month in byMonth.keys.sorted() {
            try append(byMonth[month]!, to: folder.appending(month.fileName), of: month, syncing: syncing)
        }
    }

    private func append(_ entries: [AuditEntry], to file: StorePath, of month: AuditMonth, syncing: Bool) throws(StoreError) {
        let existed = try checkExistingFile(file)
        let descriptor: FileDescriptor
        do {
            descriptor = try fileSystem.openForAppending(file.absolute, mode: 0o600)
        } catch where error.code == ELOOP {
            throw .damaged(file, .symbolicLink)
        } catch {
            throw .auditAppendFailed(file, FailureReason(errno: error.code))
        }
        let status: FileStatus
        do {
            status = try fileSystem.status(descriptor)
        } catch {
            fileSystem.closeQuietly(descriptor)
            throw .auditAppendFailed(file, FailureReason(errno: error.code))
        }
        do {
            try RecordReader.check(status, at: file, limit: Self.fileSizeLimit)
        } catch {
            fileSystem.closeQuietly(descriptor)
            throw error
        }
        let earlierLine: ArraySlice<UInt8>?
        do {
            earlierLine = status.size == 0 ? try lastLineBefore(month) : nil
        } catch {
            fileSystem.closeQuietly(descriptor)
            throw error
        }
        do {
            try fileSystem.setPermissions(descriptor, 0o600)
            let tail = try tail(of: descriptor, size: status.size)
            var previous = tail.lastLine ?? earlierLine
            var number = tail.nextLineNumber
            var bytes: [UInt8] = tail.endsWithNewline ? [] : [0x0A]
            for var entry in entries {
                entry.line = number
                entry.previous = previous.map(AuditChain.hash)
                let line = Self.encodeLine(entry)
                bytes += line
                previous = line.dropLast()
                number += 1
            }
            try fileSystem.writeAll(descriptor, bytes)
            if syncing { try fileSystem.sync(descriptor) }
        } catch {
            fileSystem.closeQuietly(descriptor)
            throw .auditAppendFailed(file, FailureReason(errno: error.code))
        }
        do {
            try fileSystem.close(descriptor)
            if !existed && syncing { try fileSystem.syncDirectory(file.parent.absolute) }
        } catch {
            throw .auditAppendFailed(file, FailureReason(errno: error.code))
        }
    }

    /// The end of an open month file: its last line and the number of the next. Reads the last
    /// few kilobytes, or the whole file the first time a log from before the chain is appended to.
    private func tail(of descriptor: FileDescriptor, size: Int) throws(SystemCallError) -> AuditTail {
        let window = 16 * 1024
        if size > window, let tail = AuditTail(end: try read(descriptor, from: size - window, count: window)[...], isWholeFile: false) {
            return tail
        }
        return AuditTail(end: try read(descriptor, from: 0, count: size)[...], isWholeFile: true)!
    }

    private func read(_ descriptor: FileDescriptor, from offset: Int, count: Int) throws(SystemCallError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            // Array's closure API rethrows untyped errors, so the typed error travels in a Result.
            let got = try bytes.withUnsafeMutableBytes { buffer in
                Result { () throws(SystemCallError) in
                    try fileSystem.read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]), at: offset + filled)
                }
            }.get()
            if got == 0 { break }
            filled += got
        }
        return Array(bytes.prefix(filled))
    }

    /// The last line of the newest month file before `month`, which a new month's first line chains to.
    private func lastLineBefore(_ month: AuditMonth) throws(StoreError) -> ArraySlice<UInt8>? {
        guard let earlier = try months().last(where: { $0 < month }),
            let bytes = try RecordReader(fileSystem: fileSystem).readBytesIfPresent(file(for: earlier), limit: Self.fileSizeLimit)
        else { return nil }
        return AuditChain.lines(of: bytes[...]).last
    }

    /// The months that have an audit file, oldest first.
    public func months() throws(StoreError) -> [AuditMonth] {
        let folder = dataFolder.path(Self.folderName)
        do {
            return try fileSystem.listDirectory(folder.absolute).compactMap(AuditMonth.init(fileName:)).sorted()
        } catch where error.code == ENOENT {
            return []
        } catch {
            throw .readFailed(folder, FailureReason(errno: error.code))
        }
    }

    /// Every month, oldest first; none when the audit folder cannot be listed (the folder walk names it).
    func readAll() -> [Result<AuditReading, StoreError>] {
        ((try? months()) ?? []).map { month in Result { () throws(StoreError) in try read(month) } }
    }

    /// The entries of one month, skipping (and listing) lines that cannot be read.
    public func read(_ month: AuditMonth) throws(StoreError) -> AuditReading {
        let file = file(for: month)
        guard let bytes = try RecordReader(fileSystem: fileSystem).readBytesIfPresent(file, limit: Self.fileSizeLimit)
        else { return AuditReading(file: file, entries: [], unreadableLines: [], lastLineIsTorn: false) }

        var entries: [AuditEntry] = []
        var unreadableLines: [Int] = []
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.isEmpty {
            if let entry = try? RecordCoding.decodeLine(AuditEntry.self, from: line) {
                entries.append(entry)
            } else {
                unreadableLines.append(index + 1)
            }
        }
        // A final line without its newline that does not parse is what a crash mid-append leaves.
        let lastLineIsTorn = bytes.last != 0x0A && unreadableLines.last == lines.count
        return AuditReading(file: file, entries: entries, unreadableLines: unreadableLines, lastLineIsTorn: lastLineIsTorn)
    }

    private func checkExistingFile(_ file: StorePath) throws(StoreError) -> Bool {
        let status: FileStatus
        do {
            status = try fileSystem.status(file.absolute, followingLinks: false)
        } catch where error.code == ENOENT {
            return false
        } catch {
            throw .auditAppendFailed(file, FailureReason(errno: error.code))
        }
        try RecordReader.check(status, at: file, limit: Self.fileSizeLimit)
        return true
    }

    /// One compact line with sorted keys, like
    /// `{"action":"checkin.add","at":"…","kind":"checkin","line":7,"previous":"9f…","record":"C-1","revision":1,"staff":"mgarcia"}`.
    static func encodeLine(_ entry: AuditEntry) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Encoding cannot fail: every field is a validated string or a finite date.
        guard let data = try? encoder.encode(entry) else { preconditionFailure("audit entry did not encode") }
        return [UInt8](data) + [0x0A]
    }
}

/// What reading one audit month found.
public struct AuditReading: Sendable, Equatable {
    /// The month's file.
    public let file: StorePath
    /// The entries that could be read, in file order.
    public let entries: [AuditEntry]
    /// 1-based numbers of lines that could not be read; they are skipped.
    public let unreadableLines: [Int]
    /// True when the last unreadable line is the file's unterminated end: an append cut short by a crash.
    public let lastLineIsTorn: Bool
}

/// A UTC calendar month, which names one audit file.
public struct AuditMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Four-digit year.
    public let year: Int
    /// 1 to 12.
    public let month: Int

    /// The UTC month containing `date`.
    public init(containing date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month], from: date)
        year = parts.year!
        month = parts.month!
    }

    /// Parses "2026-11.jsonl"; nil for any other name.
    public init?(fileName: String) {
        let parts = fileName.split(separator: ".")
        guard parts.count == 2, parts[1] == "jsonl" else { return nil }
        let fields = parts[0].split(separator: "-")
        guard fields.count == 2, fields[0].count == 4, fields[1].count == 2,
            let year = Int(fields[0]), let month = Int(fields[1]), (1...12).contains(month)
        else { return nil }
        self.year = year
        self.month = month
    }

    /// "2026-11.jsonl".
    public var fileName: String { "\(description).jsonl" }

    /// "2026-11".
    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    public static func < (lhs: AuditMonth, rhs: AuditMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}
