import CaseloadBenchSupport
/// Process start to the first complete roster frame, with `caseload render roster` as the proxy:
/// it opens the store, loads what the console loads at start and draws the roster once.
enum OpenBench {
    static func run(large: BenchCaseload, small: BenchCaseload, repetitions: Int) throws -> Figure {
        Figure(
            name: "Open: start to first roster frame (median)", measured: try median(large, repetitions),
            reference: try median(small, repetitions), referenceName: "default demo", unit: "ms",
            limit: 300, ratioLimit: 1.5)
    }

    private static func median(_ caseload: BenchCaseload, _ repetitions: Int) throws -> Double {
        let arguments = [
            "render", "roster", "--size", "200x60", "--data", caseload.folder.path, "--as", caseload.counselor.id.rawValue,
        ]
        try Subprocess.run(Subprocess.caseloadBinary, arguments)  // warm the page cache
        var samples = Samples()
        for _ in 0..<repetitions { samples.add(try Subprocess.time(Subprocess.caseloadBinary, arguments)) }
        return samples.median
    }
}
