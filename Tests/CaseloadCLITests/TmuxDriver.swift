import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built binary in a detached tmux session, as a person at a terminal would use it:
/// keys go in with `send-keys`, the screen comes back with `capture-pane`.
final class TmuxDriver {
    let name = "caseload-test-\(UUID().uuidString.prefix(8))"
    private let exitFile: URL

    /// Starts `command` in a `cols`×`rows` window with `environment` added.
    init(command: [String], cols: Int, rows: Int, environment: [String: String]) throws {
        exitFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).exit")
        let assignments = environment.map { "\($0.key)=\(Self.quote($0.value))" }.sorted()
        let line = (["env"] + assignments + command.map(Self.quote)).joined(separator: " ")
            + "; echo $? > \(Self.quote(exitFile.path)); sleep 60"
        try tmux(["new-session", "-d", "-s", name, "-x", String(cols), "-y", String(rows), line])
    }

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
    }

    /// Sends tmux key names ("Enter", "Escape", "C-c") or literal text.
    func send(_ keys: String...) throws {
        for key in keys { try tmux(["send-keys", "-t", name, key]) }
    }

    /// Sends text literally, character by character (no tmux key-name lookup).
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    /// Pastes `text` the way a terminal does, bracketed when the program asked for bracketed paste.
    func paste(_ text: String) throws {
        try tmux(["set-buffer", "-b", name, text])
        try tmux(["paste-buffer", "-p", "-d", "-b", name, "-t", name])
    }

    func resize(cols: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(cols), "-y", String(rows)])
    }

    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    /// Waits until the screen contains `text` (the binary draws asynchronously), or throws.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 15) throws -> String {
        try waitUntil("\"\(text)\" appears", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until `condition` holds for the screen, or throws naming `what` was awaited.
    @discardableResult
    func waitUntil(_ what: String, timeout: TimeInterval = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw DriverFailure(description: "Waited in vain until \(what). The screen was:\n\(last)")
    }

    /// Waits until the screen stops changing for `quiet` seconds: the program has caught up with
    /// every key sent so far (so an Escape sent next is not read together with an earlier key).
    func waitUntilSettled(quiet: TimeInterval = 0.5, timeout: TimeInterval = 60) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = try screen()
        while Date() < deadline {
            Thread.sleep(forTimeInterval: quiet)
            let now = try screen()
            if now == last { return }
            last = now
        }
        throw DriverFailure(description: "The screen never settled. It was:\n\(last)")
    }

    /// The binary's exit status once it has exited, waiting up to `timeout`.
    func exitStatus(timeout: TimeInterval = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOf: exitFile, encoding: .utf8),
                let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return status
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw DriverFailure(description: "The console did not exit. The screen was:\n\(try screen())")
    }

    func stop() {
        _ = try? tmux(["kill-session", "-t", name])
        try? FileManager.default.removeItem(at: exitFile)
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        // Spawned and reaped directly: the first tmux command forks the server, and Foundation's
        // Process can wait forever on a client whose server holds what it inherited. Output goes
        // through a file for the same reason.
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: outputFile) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = (["/usr/bin/tmux"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, "/usr/bin/tmux", &actions, nil, argv, environ) == 0 else {
            throw DriverFailure(description: "Could not start tmux \(arguments.first ?? "")")
        }
        var status: Int32 = 0
        var waited = waitpid(pid, &status, 0)
        while waited == -1 && errno == EINTR { waited = waitpid(pid, &status, 0) }
        // Exited normally with status 0 (WIFEXITED and WEXITSTATUS, spelled out for Swift).
        guard waited == pid, status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw DriverFailure(description: "tmux \(arguments.first ?? "") failed")
        }
        return String(decoding: (try? Data(contentsOf: outputFile)) ?? Data(), as: UTF8.self)
    }

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

struct DriverFailure: Error, CustomStringConvertible {
    let description: String
}

extension BinaryRunner {
    /// The console on this caseload as `staff`, in tmux, at the pinned moment, with a UTF-8
    /// terminal and a home folder beside the data folder (a home folder is never a data folder).
    func console(as staff: String, cols: Int = 120, rows: Int = 40, environment: [String: String] = [:]) throws -> TmuxDriver {
        try TmuxDriver(
            command: [BinaryRunner.binary.path, "--data", data.path, "--as", staff],
            cols: cols, rows: rows,
            environment: [
                "TERM": "xterm-256color", "LANG": "C.UTF-8",
                "HOME": data.deletingLastPathComponent().path,
                "CASELOAD_NOW": BinaryRunner.pinnedNow,
            ].merging(environment) { $1 })
    }
}
