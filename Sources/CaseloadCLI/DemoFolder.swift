import CaseloadCore
import Foundation

/// Where `caseload --demo` puts its caseload: a private folder in the temporary directory,
/// named for the process that owns it, so a later `--demo` can tell a folder whose owner died
/// without removing it (SIGKILL, a power cut) from one still in use.
enum DemoFolder {
    static let namePrefix = "caseload-demo-"

    /// A new private (0700) folder `caseload-demo-<pid>-XXXXXX` under `parent`, holding an empty
    /// demo marker from the start: a process killed while writing the demo still leaves a folder
    /// the sweep may remove. (`DemoWriter` replaces the marker with the manifest when it is done.)
    static func makeTemporary(in parent: String = FileManager.default.temporaryDirectory.path) throws -> URL {
        var template = Array((parent + "/\(namePrefix)\(getpid())-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw CommandFailure("Could not create a temporary folder for the demo caseload.")
        }
        let folder = URL(fileURLWithPath: String(cString: made))
        guard FileManager.default.createFile(
            atPath: folder.appendingPathComponent(DemoManifest.fileName).path, contents: nil,
            attributes: [.posixPermissions: 0o600])
        else {
            remove(folder.path)
            throw CommandFailure("Could not mark the temporary folder for the demo caseload.")
        }
        return folder
    }

    /// Removes the demo folders in `parent` whose process is gone, and returns their paths.
    ///
    /// Only a folder (not a link) named `caseload-demo-<pid>-…`, owned by this user, holding a
    /// regular-file demo marker and whose pid no longer runs is removed: anything else in a shared
    /// temporary directory is someone else's. The sticky bit of such a directory keeps other users
    /// from swapping one of our folders for something else between the checks and the removal, and
    /// `remove` never follows links.
    @discardableResult
    static func removeLeftovers(
        in parent: String = FileManager.default.temporaryDirectory.path,
        fileSystem: any FileSystem = PosixFileSystem(), isRunning: (pid_t) -> Bool = isRunning
    ) -> [String] {
        let names = (try? fileSystem.listDirectory(parent)) ?? []
        var removed: [String] = []
        for name in names.sorted() {
            guard let pid = ownerPid(of: name) else { continue }
            let folder = parent + "/" + name
            guard let status = try? fileSystem.status(folder, followingLinks: false),
                status.kind == .directory, status.owner == geteuid(),
                (try? fileSystem.status(folder + "/" + DemoManifest.fileName, followingLinks: false))?.kind == .regular,
                !isRunning(pid),
                remove(folder)
            else { continue }
            removed.append(folder)
        }
        return removed
    }

    /// Removes `path` and everything in it, never following a link (a link is removed, not what
    /// it points to); true when it is gone. Foundation's `removeItem` stats each entry several
    /// times and takes seconds over a demo's thousand files: longer than a closing terminal
    /// (`script`, tmux) waits before it sends SIGKILL.
    @discardableResult
    static func remove(_ path: String) -> Bool {
        removeEntry(path, in: AT_FDCWD)
    }

    private static func removeEntry(_ name: String, in parent: Int32) -> Bool {
        if unlinkat(parent, name, 0) == 0 || errno == ENOENT { return true }
        // Linux refuses to unlink a folder with EISDIR; anything else is a real failure.
        guard errno == EISDIR else { return false }
        let descriptor = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return false
        }
        defer { closedir(directory) }
        // Names first, removals after: removing while reading may skip entries.
        var names: [String] = []
        while let entry = readdir(directory) {
            let entryName = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if entryName != "." && entryName != ".." { names.append(entryName) }
        }
        let emptied = names.map { removeEntry($0, in: descriptor) }.allSatisfy { $0 }
        return emptied && unlinkat(parent, name, AT_REMOVEDIR) == 0
    }

    /// The pid in a `caseload-demo-<pid>-XXXXXX` name (mkdtemp's six characters hold no "-").
    static func ownerPid(of name: String) -> pid_t? {
        guard name.hasPrefix(namePrefix) else { return nil }
        let parts = name.dropFirst(namePrefix.count).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 6, let pid = pid_t(parts[0]), pid > 0 else { return nil }
        return pid
    }

    /// False only when no process has `pid` (ESRCH); one we may not signal (EPERM) still runs.
    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }
}
