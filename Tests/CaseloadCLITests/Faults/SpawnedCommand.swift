#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The built binary (or a helper program) started without waiting for it, so a test can kill it
/// mid-run or start several at once. Output goes to files, so whatever it printed before a
/// `kill -9` can be read.
final class SpawnedCommand {
    let arguments: [String]
    private let process = Process()
    private let stdoutFile: URL
    private let stderrFile: URL
    let startedAt = Date()

    init(_ runner: BinaryRunner, _ arguments: [String], executable: URL = BinaryRunner.binary) throws {
        self.arguments = arguments
        let stem = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-spawn-\(UUID().uuidString)")
        stdoutFile = stem.appendingPathExtension("out")
        stderrFile = stem.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.executableURL = executable
        process.arguments = arguments
        process.environment = runner.environment.merging(["CASELOAD_DATA": runner.data.path]) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
    }

    var processID: pid_t { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// `kill -9`: no handler runs, nothing is flushed, exactly like a power-off of the process.
    func killNow() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// What it printed so far.
    var outputSoFar: String { (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? "" }

    /// Waits for the exit and returns what was printed; `wasKilled` is true when SIGKILL ended it.
    func wait() -> (result: BinaryRunner.Result, wasKilled: Bool) {
        process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(at: stdoutFile)
            try? FileManager.default.removeItem(at: stderrFile)
        }
        let killed = process.terminationReason == .uncaughtSignal
        let result = BinaryRunner.Result(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "")
        return (result, killed)
    }

    /// Waits up to `timeout` seconds; false if it is still running then.
    func waitForExit(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        return !process.isRunning
    }
}

extension BinaryRunner {
    /// Starts every command at once and waits for all of them: the most contention one moment can give.
    func runTogether(_ commands: [[String]]) throws -> [BinaryRunner.Result] {
        let spawned = try commands.map { try SpawnedCommand(self, $0) }
        return spawned.map { $0.wait().result }
    }
}
