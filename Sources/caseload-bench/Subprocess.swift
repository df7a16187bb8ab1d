import CaseloadBenchSupport
import Foundation

/// Runs programs the benchmark measures from the outside, as a user would start them.
enum Subprocess {
    /// The `caseload` binary built beside this one.
    static var caseloadBinary: URL {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("caseload")
    }

    /// Runs `executable` to completion with output discarded (or kept, when asked); throws on an
    /// exit status outside `allowingStatus` (grep exits 1 when it finds nothing).
    @discardableResult
    static func run(
        _ executable: URL, _ arguments: [String], keepingOutput: Bool = false, allowingStatus: Set<Int32> = [0]
    ) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = keepingOutput ? output : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = keepingOutput ? String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) : ""
        process.waitUntilExit()
        guard allowingStatus.contains(process.terminationStatus) else {
            throw BenchFailure("\(executable.lastPathComponent) \(arguments.joined(separator: " ")) exited \(process.terminationStatus).")
        }
        return text
    }

    /// Runs a program that leaves a daemon behind (`tmux new-session -d`) and waits for it to exit.
    ///
    /// Not through `Process`, which on Linux waits until every inheritor of its exit-watch pipe is
    /// gone, and a daemon forked by the child inherits it.
    static func runLeavingDaemon(_ arguments: [String]) throws {
        let status = try spawnAndWait(arguments)
        guard status == 0 else { throw BenchFailure("\(arguments.joined(separator: " ")) failed (status \(status)).") }
    }

    /// Starts `arguments[0]` (found on `PATH` unless a path) with every standard stream on
    /// /dev/null and returns its exit status once it has exited.
    private static func spawnAndWait(_ arguments: [String]) throws -> Int32 {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
        }
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchFailure("Could not start \(arguments[0]): error \(spawned).") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // The exit status as a shell gives it: the code of a normal exit, 128 + a signal's number.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Wall time of one run, from start to exit. Spawned and waited for directly: Foundation's
    /// `Process.waitUntilExit` on Linux polls its run loop every 50 ms, which rounded every
    /// figure up to the next 50 ms.
    static func time(_ executable: URL, _ arguments: [String], allowingStatus: Set<Int32> = [0]) throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        let status = try spawnAndWait([executable.path] + arguments)
        let elapsed = clock.now - start
        guard allowingStatus.contains(status) else {
            throw BenchFailure("\(executable.lastPathComponent) \(arguments.joined(separator: " ")) exited \(status).")
        }
        return elapsed
    }
}
