import Testing

@testable import CaseloadCore

/// Counts records without keeping them, as the store's bulk writer will, and tracks how many
/// participants are in care on each day so the census can be checked.
private final class DemoCensusSink: DemoSink {
    private(set) var participants: [Participant] = []
    private(set) var sessionDates: Set<LocalDate> = []
    private(set) var checkIns = 0

    func write(_ record: DemoRecord) {
        switch record {
        case .participant(let participant): participants.append(participant)
        case .session(let session): sessionDates.insert(session.date)
        case .checkIn: checkIns += 1
        case .program, .staff: break
        }
    }

    func census(on date: LocalDate) -> Int {
        participants.count { participant in
            participant.admissionDate <= date && participant.discharge.map { date < $0.date } ?? true
        }
    }
}

@Suite("Demo caseload: a longer history")
struct DemoScaleTests {
    @Test("A year of a 250-participant site keeps a steady census and discharges most people")
    func oneYear() throws {
        let sink = DemoCensusSink()
        let options = DemoCaseload.Options(participants: 250, weeks: 52, seed: 7, today: DemoRun.today)
        let summary = try DemoCaseload.generate(options, into: sink)
        #expect(summary.participants == 250)
        #expect(summary.discharged > 175)
        #expect(summary.openSafetyFlags == 1)
        #expect(summary.checkIns == sink.checkIns)
        let censuses = stride(from: 0, to: 52, by: 4).map {
            sink.census(on: options.today.adding(days: -7 * 52 + 7 * $0))
        }
        #expect(censuses.allSatisfy { (30...75).contains($0) }, "\(censuses)")
        // Sessions run every weekday of the history (the US holidays are not modeled).
        #expect(sink.sessionDates.count >= 52 * 5)
    }
}
