import CaseloadBenchSupport
import Foundation

/// Peak resident memory of the real console, started in a detached tmux window of 200×60 and
/// walked through a few screens, read from the kernel (`VmHWM`).
enum MemoryBench {
    static func run(large: BenchCaseload, small: BenchCaseload) throws -> Figure {
        Figure(
            name: "Memory: console peak RSS after a short walk", measured: try peakMegabytes(large),
            reference: try peakMegabytes(small), referenceName: "default demo", unit: "MB", limit: 150, ratioLimit: nil)
    }

    /// A private tmux server, so the benchmark never touches anyone else's sessions.
    private static let socket = "caseload-bench-\(getpid())"
    private static let tmux = URL(fileURLWithPath: "/usr/bin/env")

    private static func peakMegabytes(_ caseload: BenchCaseload) throws -> Double {
        let window = "console"
        let command = "exec '\(Subprocess.caseloadBinary.path)' --data '\(caseload.folder.path)' --as \(caseload.counselor.id.rawValue)"
        try Subprocess.runLeavingDaemon(["tmux", "-L", socket, "new-session", "-d", "-s", window, "-x", "200", "-y", "60", command])
        defer { _ = try? tmuxRun(["kill-server"]) }
        let pidText = try tmuxRun(["display-message", "-p", "-t", window, "#{pane_pid}"], keepingOutput: true)
        guard let pid = Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchFailure("tmux did not say which process the console is.")
        }
        try waitForScreen(window)
        // Roster, down the list, open someone, every tab, back, filter, then the other screens.
        let walk: [[String]] = [
            ["2"], Array(repeating: "j", count: 15), ["Enter"], Array(repeating: "Tab", count: 5), ["Escape"],
            ["/", "a", "n", "Escape"], ["4"], ["3"], ["1"], ["2"], ["G"], ["Enter"], ["Tab", "Tab"],
        ]
        for keys in walk {
            try tmuxRun(["send-keys", "-t", window] + keys)
            usleep(150_000)
        }
        let peak = try peakKilobytes(of: pid)
        return Double(peak) / 1024
    }

    /// Waits until the console has drawn something (at most ten seconds).
    private static func waitForScreen(_ window: String) throws {
        for _ in 0..<100 {
            let screen = try tmuxRun(["capture-pane", "-p", "-t", window], keepingOutput: true)
            if screen.contains("Roster") || screen.contains("Today") || screen.contains("Dashboard") { return }
            usleep(100_000)
        }
        throw BenchFailure("The console did not draw within ten seconds.")
    }

    private static func peakKilobytes(of pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty } ?? "")
        else { throw BenchFailure("/proc/\(pid)/status has no VmHWM line.") }
        return kilobytes
    }

    @discardableResult
    private static func tmuxRun(_ arguments: [String], keepingOutput: Bool = false) throws -> String {
        try Subprocess.run(tmux, ["tmux", "-L", socket] + arguments, keepingOutput: keepingOutput)
    }
}
