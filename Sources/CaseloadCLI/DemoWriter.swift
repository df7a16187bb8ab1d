import CaseloadCore
import Foundation

/// Writes a generated demo caseload into a data folder through the store's bulk writer.
enum DemoWriter {
    /// The default demo (70 admitted over 8 weeks: about 40 in care today) ending today in the
    /// demo's time zone.
    static func defaultOptions(clock: Clock, participants: Int = 70, weeks: Int = 8, seed: UInt64 = 1)
        -> DemoCaseload.Options
    {
        let timeZone = TimeZone(identifier: DemoCaseload.timeZoneIdentifier) ?? .current
        return DemoCaseload.Options(
            participants: participants, weeks: weeks, seed: seed, today: clock.today(in: timeZone))
    }

    /// Creates the caseload in `folder` (which must be empty or missing) and fills it.
    static func write(_ options: DemoCaseload.Options, into folder: URL, clock: Clock, showProgress: Bool) throws
        -> (store: CaseloadStore, summary: DemoCaseload.Summary)
    {
        try CaseloadStore.create(
            at: folder, programName: DemoCaseload.programName, timeZone: DemoCaseload.timeZoneIdentifier,
            by: "demo", clock: clock, allowing: [DemoManifest.fileName])
        let store = try CaseloadStore.open(at: folder, clock: clock)
        let writer = try BulkWriter(store: store, by: "demo")
        let bar = ProgressBar(enabled: showProgress)
        let summary = try DemoCaseload.generate(options, into: writer) { bar.show($0) }
        try writer.finish()
        try DemoManifest.write(into: folder)
        bar.finish()
        return (store, summary)
    }
}

/// A one-line progress bar on stderr, drawn only when stderr is a terminal.
final class ProgressBar {
    private let enabled: Bool
    private var lastPercent = -1

    init(enabled: Bool) {
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    func show(_ fraction: Double) {
        guard enabled else { return }
        let percent = Int((min(max(fraction, 0), 1) * 100).rounded(.down))
        guard percent != lastPercent else { return }
        lastPercent = percent
        let filled = percent * 30 / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(percent)%".utf8))
    }

    /// Clears the bar's line.
    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
