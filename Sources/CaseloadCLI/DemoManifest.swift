import CaseloadCore
import Crypto
import Foundation

/// The SHA-256 of every file `caseload demo` wrote, kept in the folder's demo marker, so
/// `demo --force` replaces a folder only while each file is still exactly as the demo wrote it:
/// a marker copied into a real caseload, or a demo someone has since used, is never replaced.
struct DemoManifest: Equatable {
    static let fileName = ".caseload-demo"
    private static let heading = "# Made by `caseload demo`; invented data. The SHA-256 of each file it wrote:"
    /// The marker itself, and the lock any save creates, which holds nothing.
    private static let notListed: Set<String> = [fileName, WriteLock.fileName]

    /// Relative path → hex SHA-256; for the append-only audit log, "SHA-256@length" of what the
    /// demo wrote, since looking at a demo record appends a read line and changes nothing else.
    let digests: [String: String]

    /// What `folder` holds now; an audit file is measured over the first `lengths[path]` bytes.
    static func of(_ folder: URL, auditLengths lengths: [String: Int] = [:]) throws -> DemoManifest {
        var digests: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted() where !notListed.contains(path) {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
            guard !isFolder.boolValue else { continue }
            // A link or a file that cannot be read gets no digest, so it matches nothing.
            let data = (try? Data(contentsOf: folder.appendingPathComponent(path), options: .alwaysMapped)) ?? Data()
            guard isAuditLog(path) else {
                digests[path] = hex(data)
                continue
            }
            let length = lengths[path] ?? data.count
            digests[path] = data.count >= length ? "\(hex(data.prefix(length)))@\(length)" : "shorter than written"
        }
        return DemoManifest(digests: digests)
    }

    private static func isAuditLog(_ path: String) -> Bool { path.hasPrefix(AuditLog.folderName + "/") }

    private static func hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// The lengths the demo's audit files had when it wrote them.
    var auditLengths: [String: Int] {
        digests.compactMapValues { digest in digest.split(separator: "@").last.flatMap { Int($0) } }
    }

    /// The manifest in `folder`'s marker; nil when it has none or it is not one (an empty file,
    /// a marker from before manifests), so nothing in the folder can be vouched for.
    static func recorded(in folder: URL) -> DemoManifest? {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(fileName), encoding: .utf8),
            text.hasPrefix(heading + "\n")
        else { return nil }
        var digests: [String: String] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            guard let space = line.firstIndex(of: " ") else { return nil }
            digests[String(line[line.index(after: space)...])] = String(line[..<space])
        }
        return digests.isEmpty ? nil : DemoManifest(digests: digests)
    }

    /// Writes the marker (0600) listing what `folder` holds now.
    static func write(into folder: URL) throws {
        let lines = [heading] + (try of(folder)).digests.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        let marker = folder.appendingPathComponent(fileName)
        guard FileManager.default.createFile(
            atPath: marker.path, contents: Data((lines.joined(separator: "\n") + "\n").utf8),
            attributes: [.posixPermissions: 0o600])
        else { throw CommandFailure("Could not write \(marker.path).") }
    }

    /// The first file in `folder`, by name, that is not as the demo wrote it: changed, added or
    /// removed; an audit file may have grown by lines appended after the demo's.
    func firstDifference(in folder: URL) throws -> String? {
        let now = try Self.of(folder, auditLengths: auditLengths)
        return Set(digests.keys).union(now.digests.keys).sorted().first { digests[$0] != now.digests[$0] }
    }
}
