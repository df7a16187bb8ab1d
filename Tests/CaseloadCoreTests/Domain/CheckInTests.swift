import Foundation
import Testing

@testable import CaseloadCore

@Suite("Check-ins and safety flags")
struct CheckInTests {
    @Test("PHQ-9 item 9 answered 1 or more raises a flag", arguments: [(0, false), (1, true), (2, true), (3, true)])
    func itemNineRaisesFlag(answer: Int, flagged: Bool) throws {
        let checkIn = try Fixture.checkIn(date: "2026-11-20", phq9: [1, 1, 1, 1, 1, 1, 1, 1, answer])
        #expect(checkIn.hasOpenSafetyFlag == flagged)
        #expect(checkIn.safetyFlag?.itemNineAnswer == (flagged ? answer : nil))
    }

    @Test("A flag stays open until acknowledged with an action")
    func acknowledgement() throws {
        var checkIn = try Fixture.checkIn(date: "2026-11-20", phq9: [0, 0, 0, 0, 0, 0, 0, 0, 2])
        #expect(throws: DomainError.emptyField("The action taken")) {
            try checkIn.acknowledgeSafetyFlag(by: "lchen", at: Fixture.time, action: "  ")
        }
        #expect(checkIn.hasOpenSafetyFlag)
        try checkIn.acknowledgeSafetyFlag(
            by: "lchen", at: Fixture.time, action: "Safety plan reviewed; denies intent.")
        #expect(!checkIn.hasOpenSafetyFlag)
        #expect(checkIn.safetyFlag?.acknowledgement?.by == "lchen")
        #expect(throws: DomainError.safetyFlagNotOpen(checkIn.id)) {
            try checkIn.acknowledgeSafetyFlag(by: "lchen", at: Fixture.time, action: "Again")
        }
    }

    @Test("Craving outside 0–10 is refused", arguments: [-1, 11])
    func cravingRange(value: Int) {
        #expect(throws: DomainError.cravingOutOfRange(value)) {
            try CheckIn(
                id: "C-1", participant: "P-0001", date: Fixture.date("2026-11-20"),
                recordedBy: Fixture.counselor, phq9: nil, gad7: nil, craving: value,
                substanceUse: nil, revision: Fixture.revision)
        }
    }

    @Test("Next check-in is due a cadence after the last, overdue the day after")
    func schedule() {
        let admission = Fixture.date("2026-11-02")
        let first = CheckInSchedule(admission: admission, lastQuestionnaire: nil, cadenceDays: 7)
        #expect(first.nextDue == admission)
        #expect(!first.isOverdue(on: admission))
        #expect(first.isOverdue(on: Fixture.date("2026-11-03")))
        let later = CheckInSchedule(
            admission: admission, lastQuestionnaire: Fixture.date("2026-11-13"), cadenceDays: 7)
        #expect(later.nextDue == Fixture.date("2026-11-20"))
        #expect(!later.isOverdue(on: Fixture.date("2026-11-20")))
        #expect(later.isOverdue(on: Fixture.date("2026-11-23")))
        #expect(later.daysOverdue(on: Fixture.date("2026-11-23")) == 3)
    }

    @Test(
        "Score change since admission, with clinically important thresholds",
        arguments: [
            (Instrument.phq9, 18, 9, Trend.improving), (.phq9, 10, 14, .steady),
            (.phq9, 8, 13, .worsening), (.gad7, 12, 8, .improving), (.gad7, 6, 9, .steady),
            (.gad7, 6, 10, .worsening),
        ])
    func scoreChange(instrument: Instrument, baseline: Int, latest: Int, trend: Trend) throws {
        let items = instrument.itemCount
        let checkIns = try [
            Fixture.checkIn(
                date: "2026-11-20", phq9: instrument == .phq9 ? Fixture.answers(total: latest, items: items) : nil,
                gad7: instrument == .gad7 ? Fixture.answers(total: latest, items: items) : nil, id: "C-b"),
            Fixture.checkIn(
                date: "2026-10-02", phq9: instrument == .phq9 ? Fixture.answers(total: baseline, items: items) : nil,
                gad7: instrument == .gad7 ? Fixture.answers(total: baseline, items: items) : nil, id: "C-a"),
        ]
        let change = try #require(ScoreChange.sinceAdmission(instrument, in: checkIns, admission: Fixture.date("2026-10-01")))
        #expect(change.baseline == baseline)
        #expect(change.latest == latest)
        #expect(change.trend == trend)
    }

    @Test("One check-in has no change yet")
    func singleCheckIn() throws {
        let checkIns = [try Fixture.checkIn(date: "2026-11-20", phq9: Array(repeating: 1, count: 9))]
        #expect(ScoreChange.sinceAdmission(.phq9, in: checkIns, admission: Fixture.date("2026-10-01")) == nil)
    }
}
