import Foundation

/// Every entry under a data folder with a fingerprint of its content, to prove that commands
/// which only read changed nothing: no file rewritten, added or removed.
struct FolderSnapshot: Equatable {
    struct Entry: Equatable, CustomStringConvertible {
        let kind: String
        let size: Int
        let inode: UInt64
        /// A hash of the bytes (stable within one test run); nil for links, folders, and files too large to read.
        let digest: Int?

        var description: String { "\(kind) \(size) bytes, inode \(inode), digest \(digest.map { String($0, radix: 16) } ?? "-")" }
    }

    let entries: [String: Entry]

    /// Files larger than this are compared by size and inode only (a 100 MB file is never read).
    static let digestLimit = 16 * 1024 * 1024

    /// `ignoringAuditLog`: leave out the audit log's month files, which reads append to on purpose.
    init(of folder: URL, ignoringAuditLog: Bool = false) throws {
        var entries: [String: Entry] = [:]
        let manager = FileManager.default
        let root = folder.path
        guard let walker = manager.enumerator(atPath: root) else { throw DriverFailure(description: "cannot list \(root)") }
        while let relative = walker.nextObject() as? String {
            if ignoringAuditLog, relative.hasPrefix("audit/") { continue }
            let path = root + "/" + relative
            let attributes = try manager.attributesOfItem(atPath: path)
            let kind = (attributes[.type] as? FileAttributeType)?.rawValue ?? "?"
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
            var digest: Int?
            if attributes[.type] as? FileAttributeType == .typeRegular, size <= Self.digestLimit {
                digest = Self.digest(try Data(contentsOf: URL(fileURLWithPath: path)))
            }
            entries[relative] = Entry(kind: kind, size: size, inode: inode, digest: digest)
        }
        self.entries = entries
    }

    /// "path: before → after" for every entry that differs, sorted.
    func differences(to later: FolderSnapshot) -> [String] {
        Set(entries.keys).union(later.entries.keys).sorted().compactMap { path in
            let before = entries[path], after = later.entries[path]
            guard before != after else { return nil }
            return "\(path): \(before.map(String.init(describing:)) ?? "absent") → \(after.map(String.init(describing:)) ?? "absent")"
        }
    }

    /// Every byte goes into the hash (unlike `Data.hashValue`, which may sample).
    private static func digest(_ data: Data) -> Int {
        var hasher = Hasher()
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }
}
