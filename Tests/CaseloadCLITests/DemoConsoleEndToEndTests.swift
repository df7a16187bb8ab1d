import Foundation
import Testing

/// `caseload --demo` in a real terminal: it leaves nothing behind, and never dumps core.
@Suite("Demo console", .enabled(if: TmuxDriver.isAvailable, "tmux is not installed"))
struct DemoConsoleEndToEndTests {
    /// The console on a fresh demo, its temporary folder made under a private `TMPDIR`.
    func start() throws -> (TmuxDriver, temporary: URL, BinaryRunner) {
        let runner = try BinaryRunner()
        let temporary = runner.data.deletingLastPathComponent().appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
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
}
