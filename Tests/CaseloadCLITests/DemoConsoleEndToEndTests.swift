import Foundation
import Testing

/// `caseload --demo` in a real terminal: it leaves nothing behind, and never dumps core.
@Suite("Demo console", .enabled(if: TmuxDriver.isAvailable, "tmux is not installed"))
struct DemoConsoleEndToEndTests {
    /// The console on a fresh demo, its temporary folder made under a private `TMPDIR` holding
    /// `leftovers` (folder name → whether it holds a demo marker) first.
    func start(leftovers: [String: Bool] = [:]) throws -> (TmuxDriver, temporary: URL, BinaryRunner) {
        let runner = try BinaryRunner()
        let temporary = runner.data.deletingLastPathComponent().appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        for (name, marked) in leftovers {
            let folder = temporary.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if marked { try Data().write(to: folder.appendingPathComponent(".caseload-demo")) }
        }
        let console = try TmuxDriver(
            command: [BinaryRunner.binary.path, "--demo"], cols: 120, rows: 40,
            environment: [
                "TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": runner.data.deletingLastPathComponent().path,
                "TMPDIR": temporary.path, "CASELOAD_NOW": BinaryRunner.pinnedNow,
            ])
        try console.waitFor("Riverside Recovery", timeout: 60)
        return (console, temporary, runner)
    }

    /// The running console's process: the one whose environment names our `TMPDIR`.
    func consoleProcess(temporary: URL) throws -> String {
        let processes = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { Int($0) != nil }
        return try #require(processes.first { pid in
            let command = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
            let environment = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/environ"))) ?? Data()
            return String(decoding: command, as: UTF8.self).hasPrefix(BinaryRunner.binary.path)
                && String(decoding: environment, as: UTF8.self).contains("TMPDIR=\(temporary.path)\0")
        })
    }

    @Test("the console runs with a core-size limit of 0")
    func noCoreDumps() throws {
        let (console, temporary, runner) = try start()
        defer { console.stop(); runner.remove() }
        let pid = try consoleProcess(temporary: temporary)
        let limits = try String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)
        let core = try #require(limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") })
        #expect(core.split(separator: " ", omittingEmptySubsequences: true).dropFirst(4).prefix(2) == ["0", "0"])
        try console.send("q")
        #expect(try console.exitStatus() == 0)
    }

    @Test("the temporary folder is gone after quitting and after Ctrl-C", arguments: [("q", 0), ("C-c", 130)] as [(String, Int32)])
    func temporaryFolderRemoved(key: String, status: Int32) throws {
        let (console, temporary, runner) = try start()
        defer { console.stop(); runner.remove() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).count == 1)
        try console.send(key)
        #expect(try console.exitStatus() == status)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
    }

    @Test("the process and its folder are gone soon after its terminal goes away")
    func terminalGoingAway() throws {
        let (console, temporary, runner) = try start()
        defer { console.stop(); runner.remove() }
        let pid = try consoleProcess(temporary: temporary)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).map { $0.hasPrefix("caseload-demo-\(pid)-") } == [true])
        // Killing the session closes the pty's master side, as a dropped SSH connection or a
        // killed `script` does.
        console.stop()
        // Seconds, not milliseconds: the full suite runs many processes at once on two cores.
        let deadline = Date().addingTimeInterval(10)
        func left() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: temporary.path) }
        while try Date() < deadline && (isRunning(pid) || !left().isEmpty) {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(!isRunning(pid))
        #expect(try left().isEmpty)
    }

    @Test("a new demo removes an earlier one's marked folder whose process is gone, and nothing else")
    func staleFoldersSwept() throws {
        // Above any pid_max Linux allows: never a running process.
        let dead = "caseload-demo-\(Int32.max)-"
        let (console, temporary, runner) = try start(leftovers: [
            dead + "Stale1": true, dead + "NoMark": false, "caseload-demo-\(getpid())-Alive1": true,
        ])
        defer { console.stop(); runner.remove() }
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: temporary.path))
        #expect(left.count == 3)
        #expect(left.isSuperset(of: [dead + "NoMark", "caseload-demo-\(getpid())-Alive1"]))
        try console.send("q")
        #expect(try console.exitStatus() == 0)
    }

    /// Running and not yet a zombie (nothing may reap an orphan in a container).
    func isRunning(_ pid: String) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let state = stat.split(separator: ")").last?.split(separator: " ").first
        else { return false }
        return state != "Z"
    }
}
