/// The steps of a save, in the order a save takes them.
public enum SaveStep: String, CaseIterable, Sendable {
    case lock = "take the write lock"
    case read = "read + revision check"
    case audit = "append + fsync the audit line"
    case encode = "encode the record"
    case write = "write + fsync the record"
    case index = "update the roster index"
    case noteIndexGeneration = "raise the note search index's generation (create + folder fsync)"
    case noteIndex = "append to the note search index"
}

/// Told how long each step of each save took, so `caseload-bench` can say where a save's time goes.
///
/// Installed only by the benchmark; without one, timing a step costs one nil check.
public protocol SaveStepTimer: Sendable {
    func record(_ step: SaveStep, _ duration: Duration)
}

extension CaseloadStore {
    /// Runs one step of a save, telling the step timer (if any) how long it took.
    func timed<Result>(_ step: SaveStep, _ body: () throws(StoreError) -> Result) throws(StoreError) -> Result {
        guard let stepTimer else { return try body() }
        let clock = ContinuousClock()
        let start = clock.now
        defer { stepTimer.record(step, clock.now - start) }
        return try body()
    }
}
