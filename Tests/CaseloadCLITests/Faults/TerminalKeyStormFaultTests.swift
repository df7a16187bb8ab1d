import Foundation
import Testing

/// Random keys, pastes and resizes through the real binary on a real terminal (tmux), on a demo
/// caseload: it never crashes, still quits on `q` after a few Escapes, and leaves the terminal
/// as it found it (canonical input and echo back on).
@Suite("Faults: key storm through the binary in tmux", .serialized)
struct TerminalKeyStormFaultTests {
    /// tmux key names for every kind of key the console decodes. Not Ctrl-C, Ctrl-Z or Ctrl-\:
    /// the console keeps those as signals on purpose, and they would end or stop the storm.
    static let namedKeys = [
        "Up", "Down", "Left", "Right", "Home", "End", "PPage", "NPage", "Tab", "BTab", "Enter", "Escape",
        "BSpace", "DC", "IC", "F1", "F2", "F3", "F5", "F10", "F12", "C-a", "C-d", "C-e", "C-k", "C-l", "C-n",
        "C-p", "C-u", "C-w", "M-x", "M-b", "M-é", "Space",
    ]
    /// Typed literally; never `q`, which quits from a top-level screen and would end the storm early.
    static let typed: [Character] = Array("1234?:/[]jkhlnNsSeEcCaAgGx -=.,'\"<>é李👩‍👩‍👧")

    @Test(
        "A few hundred random keys: no crash, q quits, the terminal is restored",
        .enabled(if: TmuxDriver.isAvailable, "tmux is not installed"))
    func stormInTmux() throws {
        let keys = FaultScale.iterations(short: 300, long: 3_000)
        let seed = FaultScale.seed
        var random = SeededRandom(seed: seed)
        let runner = try BinaryRunner()
        defer { runner.remove() }
        let demo = try runner.succeed("demo", "--data", runner.data.path, "--participants", "12", "--weeks", "2")
        let counselor = try #require(demo.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        let folder = runner.data.deletingLastPathComponent()
        let consoleExit = folder.appendingPathComponent("console-exit"), terminal = folder.appendingPathComponent("stty")
        // stty runs in the same terminal right after the console exits, so it sees what the console left.
        let line = "'\(BinaryRunner.binary.path)' --data '\(runner.data.path)' --as \(counselor); echo $? > '\(consoleExit.path)'; stty -a > '\(terminal.path)'"
        let tmux = try TmuxDriver(command: ["bash", "-c", line], cols: 120, rows: 40, environment: runner.environment)
        defer { tmux.stop() }
        try tmux.waitFor("Roster")

        for number in 0..<keys {
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<45: try tmux.send(Self.namedKeys.randomElement(using: &random)!)
            case 45..<90: try tmux.type(String(Self.typed.randomElement(using: &random)!))
            case 90..<94: try tmux.paste(String(repeating: "Núñez 李 line\n", count: Int.random(in: 1...40, using: &random)))
            default:
                let sizes = [(1, 1), (2, 2), (20, 5), (80, 24), (79, 23), (160, 48), (Int.random(in: 1...200, using: &random), Int.random(in: 1...60, using: &random))]
                let (cols, rows) = sizes.randomElement(using: &random)!
                try tmux.resize(cols: cols, rows: rows)
            }
            if number % 50 == 49, FileManager.default.fileExists(atPath: consoleExit.path) {
                Issue.record("the console exited during the storm, seed \(seed), key \(number):\n\(try tmux.screen())")
                return
            }
        }

        // One key at a time once the console has caught up: an Escape read together with the next
        // key is Alt plus that key, not Escape.
        try tmux.resize(cols: 120, rows: 40)
        for _ in 0..<5 {
            try tmux.waitUntilSettled()
            try tmux.send("Escape")
        }
        try tmux.waitUntilSettled()
        try tmux.type("q")
        let bashStatus = try tmux.exitStatus(timeout: 15)
        #expect(bashStatus == 0, "stty ran, seed \(seed)")
        let status = try String(contentsOf: consoleExit, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(status == "0", "the console exited cleanly on q, seed \(seed)")
        let settings = try String(contentsOf: terminal, encoding: .utf8).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" })
        #expect(settings.contains("icanon") && !settings.contains("-icanon"), "canonical input restored, seed \(seed)")
        #expect(settings.contains("echo") && !settings.contains("-echo"), "echo restored, seed \(seed)")
        let check = try runner.run(["check"])
        #expect(check.status == 0, "whatever the storm saved left the caseload healthy, seed \(seed): \(check.stdout)")
    }
}
