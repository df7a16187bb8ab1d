#if canImport(CaseloadStorage)
@testable import CaseloadStorage
#else
@testable import CaseloadCore
#endif
import Foundation
import Glibc
import Testing

/// A record large enough that a kill often lands in the middle of writing it.
private struct CrashRecord: Codable, Equatable {
    let version: Int
    let padding: String

    init(version: Int) {
        self.version = version
        padding = String(repeating: "v\(version)-", count: 20_000)
    }
}

/// Kills a process that is saving, at random moments, and checks that nothing is torn.
///
/// The saving process is this test binary itself, re-run with a filter that selects only
/// `childSavesUntilKilled`, which the environment variable enables.
@Suite("Crashes during saves")
struct CrashTests {
    static let childFolderVariable = "CASELOAD_STORAGE_CRASH_CHILD_FOLDER"
    /// When the child says its saves happen: fixed, so the audit file it appends to is known whatever the date.
    static let savedAt = Date(timeIntervalSince1970: 1_795_395_900)  // 2026-11-23T01:05:00Z
    static let isChild = ProcessInfo.processInfo.environment[childFolderVariable] != nil
    static let file = "participants/P-0001.json"

    @Test("kill -9 at random moments during saves leaves the record whole and the audit log readable", .enabled(if: !isChild))
    func killDuringSaves() throws {
        let scratch = try ScratchFolder()
        let folder = try scratch.dataFolder()
        _ = try folder.ensureFolder("participants")
        try AtomicWriter().replace(
            folder.path(Self.file), with: RecordCoding.encode(CrashRecord(version: 0), schemaVersion: 1),
            holding: folder.lockForWriting())
        let testBinary = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")

        var lastVersion = 0
        for round in 1...5 {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: testBinary)
            child.arguments = ["--testing-library", "swift-testing", "--filter", "CrashTests/childSavesUntilKilled"]
            child.environment = [Self.childFolderVariable: scratch.path]
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            defer { if child.isRunning { kill(child.processIdentifier, SIGKILL) } }

            let deadline = ContinuousClock.now + .seconds(30)
            while try readVersion(folder) <= lastVersion + 2, ContinuousClock.now < deadline { usleep(2_000) }
            usleep(UInt32.random(in: 0...20_000))
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()

            let version = try readVersion(folder)
            #expect(version > lastVersion)
            lastVersion = version
            let audit = try AuditLog(dataFolder: folder).read(AuditMonth(containing: Self.savedAt))
            // The line is durable before the rename, so every saved version has one; a kill can
            // only tear the line of a save it interrupted.
            #expect(audit.unreadableLines.count <= round)
            #expect(audit.entries.count >= version)
        }
        // Whatever temporary files the kills left are listed by check and gone after the next save.
        let lock = try folder.lockForWriting()
        try AtomicWriter().replace(
            folder.path(Self.file), with: RecordCoding.encode(CrashRecord(version: lastVersion + 1), schemaVersion: 1), holding: lock)
        #expect(scratch.names(in: "participants") == ["P-0001.json"])
    }

    @Test("saves forever; run only as the child of killDuringSaves", .enabled(if: isChild))
    func childSavesUntilKilled() throws {
        let folder = try DataFolder.open(ProcessInfo.processInfo.environment[Self.childFolderVariable]!)
        let writer = AtomicWriter()
        let log = AuditLog(dataFolder: folder)
        let entry = AuditEntry(action: AuditAction("crash.save"), at: Self.savedAt, record: AuditIdentifier("P-0001")!, staff: AuditIdentifier("child")!)
        while true {
            let lock = try folder.lockForWriting()
            let version = try readVersion(folder)
            try log.append(entry, holding: lock)
            try writer.replace(folder.path(Self.file), with: RecordCoding.encode(CrashRecord(version: version + 1), schemaVersion: 1), holding: lock)
            lock.release()
        }
    }

    /// The saved version, after checking the whole record is intact.
    private func readVersion(_ folder: DataFolder) throws -> Int {
        let decoded = try #require(
            try RecordReader().readRecordIfPresent(CrashRecord.self, at: folder.path(Self.file), newestSchemaVersion: 1))
        #expect(decoded.record == CrashRecord(version: decoded.record.version))
        return decoded.record.version
    }
}
