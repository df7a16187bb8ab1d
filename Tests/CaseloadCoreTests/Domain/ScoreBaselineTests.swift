import Testing

@testable import CaseloadCore

@Suite("Score baselines and the check-in schedule")
struct ScoreBaselineTests {
    /// A check-in for the table: its date and PHQ-9 and GAD-7 totals (nil when not asked).
    typealias Row = (date: String, phq9: Int?, gad7: Int?)

    static func checkIns(_ rows: [Row]) throws -> [CheckIn] {
        try rows.map { row in
            try Fixture.checkIn(
                date: row.date, phq9: row.phq9.map { Fixture.answers(total: $0, items: 9) },
                gad7: row.gad7.map { Fixture.answers(total: $0, items: 7) })
        }
    }

    /// Admitted 1 Oct 2026. Expected (baseline, latest) of PHQ-9 and GAD-7, nil when there is no change yet.
    @Test(
        "Each measure's baseline is its own first score on or after admission",
        arguments: [
            ("a screening before admission is no baseline",
             [("2026-09-28", 22, 15), ("2026-10-02", 12, 9), ("2026-11-20", 8, 6)], (12, 8), (9, 6)),
            ("PHQ-9 and GAD-7 each from their first answer",
             [("2026-10-02", nil, 10), ("2026-10-05", 15, 9), ("2026-11-20", 10, nil)], (15, 10), (10, 9)),
            ("a craving-only check-in is no baseline",
             [("2026-10-02", nil, nil), ("2026-10-03", 14, 11), ("2026-11-20", 9, 7)], (14, 9), (11, 7)),
            ("the order check-ins come in does not matter",
             [("2026-11-20", 9, 7), ("2026-10-03", 14, 11), ("2026-10-10", 12, 12)], (14, 9), (11, 7)),
            ("one score on or after admission is no change yet",
             [("2026-09-20", 20, 15), ("2026-10-03", 14, 11)], nil, nil),
        ] as [(String, [Row], (Int, Int)?, (Int, Int)?)])
    func baselines(name: String, rows: [Row], phq9: (Int, Int)?, gad7: (Int, Int)?) throws {
        let checkIns = try Self.checkIns(rows)
        let admission = Fixture.date("2026-10-01")
        for (instrument, expected) in [(Instrument.phq9, phq9), (.gad7, gad7)] {
            let change = ScoreChange.sinceAdmission(instrument, in: checkIns, admission: admission)
            #expect(change.map { [$0.baseline, $0.latest] } == expected.map { [$0.0, $0.1] }, "\(instrument)")
            // The roster index keeps the same ends, so the dashboard and the progress tab agree.
            let entry = RosterEntry(participant: Fixture.participant(admitted: "2026-10-01"), checkIns: checkIns)
            #expect(entry.scores(instrument)?.change(instrument) == change, "\(instrument) in the roster index")
        }
    }

    /// Admitted 2 Nov 2026, check-ins weekly.
    @Test(
        "The next check-in is due a cadence after the last one with a questionnaire",
        arguments: [
            ("no check-in yet: due on admission", [], nil, "2026-11-02"),
            ("weekly after the PHQ-9", [("2026-11-13", 8, 6)], "2026-11-13", "2026-11-20"),
            ("a craving-only check-in does not put it off", [("2026-11-13", 8, 6), ("2026-11-18", nil, nil)],
             "2026-11-18", "2026-11-20"),
            ("a GAD-7 alone counts", [("2026-11-13", 8, 6), ("2026-11-16", nil, 5)], "2026-11-16", "2026-11-23"),
        ] as [(String, [Row], String?, String)])
    func schedule(name: String, rows: [Row], latest: String?, due: String) throws {
        let entry = RosterEntry(participant: Fixture.participant(admitted: "2026-11-02"), checkIns: try Self.checkIns(rows))
        let schedule = CheckInSchedule(
            admission: entry.admissionDate, lastQuestionnaire: entry.lastQuestionnaire, cadenceDays: 7)
        #expect(schedule.nextDue == Fixture.date(due))
        #expect(entry.latestCheckIn?.date == latest.map(Fixture.date), "the latest check-in of any kind is still shown")
    }
}
