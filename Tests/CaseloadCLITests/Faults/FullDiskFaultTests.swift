#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// Saving to a disk with no room, or to a read-only one: the save fails with a message that says
/// why and what to do, and the previous version of the file is untouched.
@Suite("Faults: full and read-only disks", .serialized)
struct FullDiskFaultTests {
    @Test(
        "A save on a full disk fails clearly and keeps the previous version",
        // Skipped, with this reason printed, where the test process may not mount a tmpfs.
        .enabled(if: Mounts.arePermitted, "needs root with permission to mount a tmpfs"))
    func fullDisk() throws {
        let runner = try BinaryRunner()
        defer { runner.remove() }
        try FileManager.default.createDirectory(at: runner.data, withIntermediateDirectories: false)
        try Mounts.mountTmpfs(kilobytes: 2048, on: runner.data)
        defer { Mounts.unmount(runner.data) }

        let caseload = try FaultCaseload(runner: runner, participants: 1)
        let participant = caseload.participants[0]
        try runner.succeed("note", "write", caseload.session, participant, "--section", "data=Before the disk filled up.")
        try runner.succeed("checkin", "add", participant, "--craving", "2")
        // The note is a file of its own beside the session's.
        let sessionFile = try #require(try sessionFiles(in: runner.data).first { $0.hasSuffix("/\(caseload.session)/\(participant).json") })
        let filler = runner.data.appendingPathComponent(".filler")
        try fill(filler, leavingFree: 16 * 1024)
        let before = try FolderSnapshot(of: runner.data)

        // Nearly full: a long note (within the 20,000 characters a section holds) does not fit.
        let longText = String(repeating: "Reflected on the week at length. ", count: 600)
        let note = try runner.run(["note", "write", caseload.session, participant, "--section", "data=\(longText)"])
        #expect(note.status == 1)
        #expect(
            note.stderr
                == "Error: Could not save \(sessionFile) because the disk is full; the previous version is unchanged, so free some space on the disk and try again.\n")

        // Completely full: not even a small new check-in fits, and nothing is left half-made.
        try fill(filler, leavingFree: 0)
        let checkIn = try runner.run(["checkin", "add", participant, "--craving", "5"])
        #expect(checkIn.status == 1)
        #expect(checkIn.stderr.hasPrefix("Error: Could not save checkins/\(participant)/C-"), "\(checkIn.stderr)")
        #expect(checkIn.stderr.hasSuffix(" because the disk is full; the previous version is unchanged, so free some space on the disk and try again.\n"))
        let list = try runner.run(["participant", "list"])
        #expect(list.status == 0, "reading still works on the full disk: \(list.stderr)")

        var after = try FolderSnapshot(of: runner.data)
        // The audit log may hold the refused saves as attempts: its line is written before the record.
        #expect(
            before.differences(to: after).allSatisfy { $0.hasPrefix(".filler:") || $0.hasPrefix("audit/") },
            "only the filler and the audit log changed:\n\(before.differences(to: after).joined(separator: "\n"))")

        // With room again, the same save goes through and the caseload is healthy.
        try FileManager.default.removeItem(at: filler)
        try runner.succeed("note", "write", caseload.session, participant, "--section", "data=\(longText)")
        after = try FolderSnapshot(of: runner.data)
        #expect(after.entries[sessionFile]?.digest != before.entries[sessionFile]?.digest)
        let check = try caseload.check()
        #expect(check.status == 0, "\(check.findings.map(\.message))")
    }

    @Test(
        "A save to a read-only folder fails clearly, reading still works, nothing changes",
        // Skipped, with this reason printed, where the test process may not bind-mount.
        .enabled(if: Mounts.arePermitted, "needs root with permission to bind-mount a folder read-only"))
    func readOnlyFolder() throws {
        let caseload = try FaultCaseload(participants: 1)
        defer { caseload.remove() }
        let participant = caseload.participants[0]
        try caseload.runner.succeed("note", "write", caseload.session, participant, "--section", "data=Written while writable.")
        // As if a save had been killed before updating the roster index: a read-only view cannot
        // rebuild it, and must still show the roster.
        _ = FileManager.default.createFile(
            atPath: caseload.runner.data.appendingPathComponent("index/roster.pending").path, contents: nil,
            attributes: [.posixPermissions: 0o600])
        let before = try FolderSnapshot(of: caseload.runner.data)
        let view = try Mounts.makeMountPoint()
        defer { try? FileManager.default.removeItem(at: view) }
        try Mounts.mountReadOnlyView(of: caseload.runner.data, on: view)
        defer { Mounts.unmount(view) }

        let save = try caseload.runner.run(["note", "write", caseload.session, participant, "--section", "data=Lost?", "--data", view.path])
        #expect(save.status == 1)
        #expect(
            save.stderr
                == "Error: Could not lock \(view.path) for saving because the folder is on a read-only disk; ask IT to make the disk writable, then try again.\n")
        let list = try caseload.runner.run(["participant", "list", "--data", view.path])
        #expect(list.status == 0 && list.stdout.contains(participant), "\(list.stderr)")
        let after = try FolderSnapshot(of: caseload.runner.data)
        #expect(before == after, "\(before.differences(to: after).joined(separator: "\n"))")
    }

    // MARK: Helpers

    /// Grows `filler` until the disk is full, then gives back `free` bytes.
    private func fill(_ filler: URL, leavingFree free: Int) throws {
        if !FileManager.default.fileExists(atPath: filler.path) {
            _ = FileManager.default.createFile(atPath: filler.path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let descriptor = open(filler.path, O_WRONLY | O_APPEND)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let chunk = [UInt8](repeating: 0x2E, count: 4096)
        while chunk.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 {}
        #expect(errno == ENOSPC, "the filler stopped because the disk is full")
        let size = lseek(descriptor, 0, SEEK_END)
        #expect(ftruncate(descriptor, size - off_t(free)) == 0)
    }

    private func sessionFiles(in data: URL) throws -> [String] {
        let walker = FileManager.default.enumerator(atPath: data.appendingPathComponent("sessions").path)
        return (walker?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".json") }.map { "sessions/" + $0 }
    }
}
