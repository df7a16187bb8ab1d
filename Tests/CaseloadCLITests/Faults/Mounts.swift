import Foundation

/// Mounting for the full-disk and read-only tests: a small tmpfs, a read-only bind mount.
/// Needs root with CAP_SYS_ADMIN (CI's container and this one have it); without it those tests
/// are skipped, because a test that fakes the disk instead of filling it could not fail for real.
enum Mounts {
    /// Whether this process may mount: found out by mounting and unmounting a tiny tmpfs once.
    static let arePermitted: Bool = {
        guard getuid() == 0, let point = try? makeMountPoint() else { return false }
        defer { try? FileManager.default.removeItem(at: point) }
        guard (try? mount(["-t", "tmpfs", "-o", "size=64k", "tmpfs", point.path])) != nil else { return false }
        unmount(point)
        return true
    }()

    /// Mounts a tmpfs of `kilobytes` on `point` (which must be an empty folder), private to this user.
    static func mountTmpfs(kilobytes: Int, on point: URL) throws {
        try mount(["-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0700", "tmpfs", point.path])
    }

    /// Shows `source` again at `point`, read-only.
    static func mountReadOnlyView(of source: URL, on point: URL) throws {
        try mount(["--bind", source.path, point.path])
        do {
            try mount(["-o", "remount,bind,ro", point.path])
        } catch {
            unmount(point)
            throw error
        }
    }

    /// Unmounts, lazily if something still has it open, so a failed test never leaves a mount behind.
    static func unmount(_ point: URL) {
        if (try? run("umount", [point.path])) == nil { _ = try? run("umount", ["-l", point.path]) }
    }

    static func makeMountPoint() throws -> URL {
        let point = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-mount-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: point, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        return point
    }

    private static func mount(_ arguments: [String]) throws { try run("mount", arguments) }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        let path = ["/usr/bin/\(tool)", "/bin/\(tool)"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/bin/\(tool)"
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DriverFailure(description: "\(tool) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
    }
}
