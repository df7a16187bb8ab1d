import Benchmark
import CaseloadBenchSupport
import CaseloadConsole
import CaseloadCore
import Foundation

/// In-process figures: one console frame, one roster-filter keystroke, one note search query,
/// each on the ten-year caseload and on the default demo as its reference. The caseloads come
/// from `CASELOAD_BENCH_LARGE` and `CASELOAD_BENCH_SMALL` (folders made by `caseload demo`, as
/// `caseload-bench` makes them). Targets and the README's table: README, "Performance and reliability".
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal], timeUnits: .microseconds, maxDuration: .seconds(5),
        maxIterations: 2_000)
    let environment = ProcessInfo.processInfo.environment
    let caseloads = [("ten-year", "CASELOAD_BENCH_LARGE"), ("default demo", "CASELOAD_BENCH_SMALL")].compactMap { name, variable in
        environment[variable].map { (name, URL(fileURLWithPath: $0)) }
    }
    guard caseloads.count == 2 else {
        FileHandle.standardError.write(Data("Set CASELOAD_BENCH_LARGE and CASELOAD_BENCH_SMALL to demo caseload folders.\n".utf8))
        return
    }
    for (name, folder) in caseloads {
        let caseload: BenchCaseload
        do {
            caseload = try BenchCaseload.open(name, in: folder)
        } catch {
            FileHandle.standardError.write(Data("\(folder.path): \(error)\n".utf8))
            continue
        }
        registerRender(caseload)
        registerFilter(caseload)
        registerSearch(caseload)
    }
}

/// One full 200×60 frame of the roster and of the busiest participant's progress tab.
private func registerRender(_ caseload: BenchCaseload) {
    guard let roster = try? ConsoleStates.forScreen(.roster, of: caseload),
        let progress = try? ConsoleStates.forScreen(.progress, of: caseload, participant: caseload.busiestParticipant)
    else { return }
    Benchmark("Render: roster frame 200×60 (\(caseload.name))") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(render(roster, size: ConsoleStates.size)) }
    }
    Benchmark("Render: progress tab 200×60 (\(caseload.name))") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(render(progress, size: ConsoleStates.size)) }
    }
}

/// A keystroke in the roster filter with everyone ever admitted listed: one update and one
/// frame. Each iteration types one letter of a last name and erases it (erasing re-filters from scratch).
private func registerFilter(_ caseload: BenchCaseload) {
    guard var state = try? ConsoleStates.everyoneOnRoster(caseload),
        let letter = (try? caseload.store.participant(caseload.busiestParticipant).lastName.first).flatMap({ $0 })
    else { return }
    _ = state.update(.command(.showAll))
    _ = state.update(.command(.filter))
    Benchmark("Filter: roster keystroke and erase, update + frame (\(caseload.name))") { benchmark in
        for _ in benchmark.scaledIterations {
            _ = state.update(.insertText(String(letter)))
            blackHole(render(state, size: ConsoleStates.size))
            _ = state.update(.command(.deleteCharacter))
            blackHole(render(state, size: ConsoleStates.size))
        }
    }
}

/// A note search through the index, as the console's `/` and `:search` call it (no audit line).
private func registerSearch(_ caseload: BenchCaseload) {
    guard let name = try? caseload.store.participant(caseload.busiestParticipant).firstName else { return }
    // A search that finds the index behind rebuilds it first: done here, not timed.
    _ = caseload.store.searchNotes(NoteSearchQuery(text: name))
    for text in [name, "court date", "sleep log"] {
        Benchmark("Search: note index query \"\(text)\" (\(caseload.name))", configuration: .init(maxIterations: 200)) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(caseload.store.searchNotes(NoteSearchQuery(text: text))) }
        }
    }
}
