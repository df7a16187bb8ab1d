import Foundation
import Testing

@testable import CaseloadCLI

/// The sweep at the start of `--demo` removes only demo folders whose process is gone.
@Suite("Demo folder sweep")
struct DemoFolderSweepTests {
    /// Above any pid_max Linux allows, so `kill(pid, 0)` always fails with ESRCH.
    static let deadPid = pid_t.max

    let parent: URL

    init() throws {
        parent = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-sweep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    }

    /// A folder named as `makeTemporary` names them, with a marker file when `marked`.
    @discardableResult
    func folder(pid: pid_t, suffix: String, marked: Bool) throws -> URL {
        let folder = parent.appendingPathComponent("\(DemoFolder.namePrefix)\(pid)-\(suffix)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("staff"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: folder.appendingPathComponent("staff/S-0001.json"))
        if marked { try Data().write(to: folder.appendingPathComponent(DemoManifest.fileName)) }
        return folder
    }

    func names() throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: parent.path))
    }

    @Test("a marked folder whose pid is gone is removed; unmarked, live or linked ones stay")
    func removesOnlyStaleMarkedFolders() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let stale = try folder(pid: Self.deadPid, suffix: "Stale1", marked: true)
        // A link inside the stale folder goes, what it points to stays.
        let outside = parent.appendingPathComponent("outside.txt")
        try Data("keep".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(
            atPath: stale.appendingPathComponent("link").path, withDestinationPath: outside.path)
        try folder(pid: Self.deadPid, suffix: "NoMark", marked: false)
        try folder(pid: getpid(), suffix: "Alive1", marked: true)
        // A link named like a stale demo folder, pointing at a marked folder nobody owns by name.
        let target = parent.appendingPathComponent("target")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data().write(to: target.appendingPathComponent(DemoManifest.fileName))
        try FileManager.default.createSymbolicLink(
            atPath: parent.appendingPathComponent("\(DemoFolder.namePrefix)\(Self.deadPid)-Linked").path,
            withDestinationPath: target.path)
        // An older name with no pid: no way to tell whether it is in use.
        try FileManager.default.createDirectory(
            at: parent.appendingPathComponent("caseload-demo-AbCdEf"), withIntermediateDirectories: true)

        let removed = DemoFolder.removeLeftovers(in: parent.path)

        #expect(removed == [stale.path])
        #expect(try names() == [
            "\(DemoFolder.namePrefix)\(Self.deadPid)-NoMark", "\(DemoFolder.namePrefix)\(getpid())-Alive1",
            "\(DemoFolder.namePrefix)\(Self.deadPid)-Linked", "caseload-demo-AbCdEf", "outside.txt", "target",
        ])
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent(DemoManifest.fileName).path))
    }

    @Test("a new demo folder carries the pid and the marker from the start")
    func newFolderIsNamedAndMarked() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let made = try DemoFolder.makeTemporary(in: parent.path)
        #expect(DemoFolder.ownerPid(of: made.lastPathComponent) == getpid())
        #expect(FileManager.default.fileExists(atPath: made.appendingPathComponent(DemoManifest.fileName).path))
        #expect(DemoFolder.removeLeftovers(in: parent.path).isEmpty)
    }
}
