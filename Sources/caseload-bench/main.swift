import CaseloadBenchSupport
import CaseloadCore
import Foundation

/// Prints Caseload's speed and memory figures, each beside a reference measured in the same run
/// and its target. Targets live here, never in timed unit tests.
func runBenchmarks() throws {
    let options = try BenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))
    let log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-bench")
    let large = try BenchCaseload.prepare(
        "ten-year", in: options.largeFolder ?? scratch.appendingPathComponent("ten-year"), participants: 3000, weeks: 520,
        log: log)
    let small = try BenchCaseload.prepare(
        "default demo", in: options.smallFolder ?? scratch.appendingPathComponent("default"), participants: 70, weeks: 8,
        log: log)
    let machineBefore = Machine.describe()
    let repeats = options.quick ? 1 : 3
    var figures: [Figure] = []
    func step<T>(_ title: String, _ body: () throws -> T) rethrows -> T {
        log("Measuring \(title)…")
        return try body()
    }
    // Open and the full scan first: the saves below add records to both caseloads.
    figures.append(try step("open") { try OpenBench.run(large: large, small: small, repetitions: options.quick ? 5 : 15) })
    figures.append(try step("the full scan") { try FullScanBench.run(large: large, repetitions: repeats) })
    figures += try step("search") { try SearchBench.run(large: large, repetitions: options.quick ? 5 : 11) }
    figures.append(try step("the index size") { try SearchBench.indexSize(large) })
    figures += try step("the note editor") { try EditorBench.run(small: small, rounds: options.quick ? 5 : 20) }
    figures.append(try step("memory") { try MemoryBench.run(large: large, small: small) })
    let saves = try step("saves") { try SaveBench.run(large: large, small: small, saves: options.quick ? 100 : 1000) }
    let autosave = try step("autosaves") { try DraftBench.run(large: large, small: small, saves: options.quick ? 100 : 1000) }
    figures.insert(contentsOf: saves.figures + [autosave], at: 1)

    print("Caseload benchmark, \(ISO8601DateFormatter().string(from: Clock.system.now()))")
    print("Machine: \(machineBefore)")
    print("Ten-year caseload: \(large.folder.path); default demo: \(small.folder.path)")
    print("")
    print(TextTable.aligned(FigureTable.rows(figures)))
    print("")
    print(TextTable.aligned(SaveBreakdown.rows(saves.breakdown)))
    print("")
    print("Load average at the end: \(Machine.loadAverage()) (figures are noisy while other work runs).")
    print("")
    print("Markdown:")
    print(TextTable.markdown(FigureTable.rows(figures)))
    print("")
    print(TextTable.markdown(SaveBreakdown.rows(saves.breakdown)))
    if figures.contains(where: { !$0.passes }) { exit(1) }
}

do {
    try runBenchmarks()
} catch {
    FileHandle.standardError.write(Data("caseload-bench: \(error)\n".utf8))
    exit(2)
}
