import Foundation

@testable import CaseloadCore

/// Collects every generated record in memory (fine for test-sized demos).
final class DemoCollectingSink: DemoSink {
    private(set) var records: [DemoRecord] = []

    func write(_ record: DemoRecord) { records.append(record) }
}

/// One generated demo, split by record kind, shared by the tests that only read it.
struct DemoRun: Sendable {
    /// A Friday, so the history ends on a full working week.
    static let today = LocalDate(year: 2026, month: 11, day: 20)!
    static let standard = try! DemoRun(DemoCaseload.Options(today: today))

    let options: DemoCaseload.Options
    let summary: DemoCaseload.Summary
    let records: [DemoRecord]

    init(_ options: DemoCaseload.Options) throws {
        let sink = DemoCollectingSink()
        self.options = options
        summary = try DemoCaseload.generate(options, into: sink)
        records = sink.records
    }

    var program: ProgramSettings {
        records.compactMap { if case .program(let value) = $0 { value } else { nil } }[0]
    }
    var staff: [Staff] { records.compactMap { if case .staff(let value) = $0 { value } else { nil } } }
    var participants: [Participant] {
        records.compactMap { if case .participant(let value) = $0 { value } else { nil } }
    }
    var sessions: [Session] {
        records.compactMap { if case .session(let value) = $0 { value } else { nil } }
    }
    var checkIns: [CheckIn] {
        records.compactMap { if case .checkIn(let value) = $0 { value } else { nil } }
    }

    /// Nothing in a demo may be dated at or after the first instant of today.
    var cutoff: Date { options.today.instant(in: program.timeZone) }

    /// Every record as JSON, the way a store would write it.
    func encoded() throws -> [Data] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try records.map { record in
            switch record {
            case .program(let value): try encoder.encode(value)
            case .staff(let value): try encoder.encode(value)
            case .participant(let value): try encoder.encode(value)
            case .session(let value): try encoder.encode(value)
            case .checkIn(let value): try encoder.encode(value)
            }
        }
    }
}
