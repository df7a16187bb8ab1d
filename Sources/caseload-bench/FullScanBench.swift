import CaseloadBenchSupport
import Foundation

/// `caseload check` over every file, against Python's `json` module parsing the same files:
/// the floor a careful reader of this many JSON files can hope for on this machine.
enum FullScanBench {
    static func run(large: BenchCaseload, repetitions: Int) throws -> Figure {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-bench-parse-\(getpid()).py")
        try pythonParser.write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let python = URL(fileURLWithPath: "/usr/bin/env")
        // Warm the page cache, so both read the files from memory.
        try Subprocess.run(python, ["python3", script.path, large.folder.path])
        var check = Samples()
        var parse = Samples()
        for _ in 0..<repetitions {
            check.add(
                try Subprocess.time(
                    Subprocess.caseloadBinary, ["check", "--data", large.folder.path, "--as", large.counselor.id.rawValue]))
            parse.add(try Subprocess.time(python, ["python3", script.path, large.folder.path]))
        }
        return Figure(
            name: "Full scan: caseload check (median)", measured: check.median / 1000, reference: parse.median / 1000,
            referenceName: "python3 json.loads of the same files", unit: "s", limit: nil, ratioLimit: 1.5)
    }

    /// Reads and parses every record file the way `check` finds them (dot-names skipped).
    static let pythonParser = """
        import json, os, sys
        for folder, dirs, files in os.walk(sys.argv[1]):
            dirs[:] = [d for d in dirs if not d.startswith('.')]
            for name in files:
                if name.endswith('.json') and not name.startswith('.'):
                    with open(os.path.join(folder, name), 'rb') as f:
                        json.loads(f.read())

        """
}
