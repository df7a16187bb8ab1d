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

    /// (how the flag was closed so far, the status it is in)
    static let statuses: [(String, SafetyFlag.Acknowledgement?, RiskLevel?, Bool, SafetyFlag.Status)] = [
        ("nothing yet", nil, nil, false, .open),
        ("low risk", nil, .low, false, .closed),
        ("moderate risk", nil, .moderate, false, .closed),
        ("high risk, not reviewed", nil, .high, false, .awaitingReview),
        ("high risk, reviewed", nil, .high, true, .closed),
        ("acknowledged before assessments existed", .init(by: "lchen", at: Fixture.time, action: "Called"), nil, false, .closed),
    ]

    @Test("A flag stays open until assessed, and a high-risk one until a supervisor reviews it", arguments: statuses)
    func status(
        _ name: String, acknowledgement: SafetyFlag.Acknowledgement?, level: RiskLevel?, reviewed: Bool,
        expected: SafetyFlag.Status
    ) throws {
        var flag = SafetyFlag(raisedAt: Fixture.time, itemNineAnswer: 1)
        flag.acknowledgement = acknowledgement
        flag.assessment = level.map { Fixture.assessment($0) }
        if reviewed { flag.review = SupervisorReview(by: "lchen", at: Fixture.time) }
        #expect(flag.status == expected, "\(name)")
        #expect(flag.isOpen == (expected != .closed), "\(name)")
    }

    @Test("An assessed flag takes no second assessment, and only a waiting one takes a review")
    func assessOnce() throws {
        var checkIn = try Fixture.checkIn(date: "2026-11-20", phq9: [0, 0, 0, 0, 0, 0, 0, 0, 2])
        #expect(throws: DomainError.noAssessmentAwaitingReview(checkIn.id)) {
            try checkIn.reviewRiskAssessment(SupervisorReview(by: "lchen", at: Fixture.time))
        }
        try checkIn.assessSafetyFlag(Fixture.assessment(.low))
        #expect(!checkIn.hasOpenSafetyFlag)
        #expect(throws: DomainError.safetyFlagNotOpen(checkIn.id)) { try checkIn.assessSafetyFlag(Fixture.assessment(.low)) }
        #expect(throws: DomainError.noAssessmentAwaitingReview(checkIn.id)) {
            try checkIn.reviewRiskAssessment(SupervisorReview(by: "lchen", at: Fixture.time))
        }
    }

    @Test("A later check-in with item 9 answered 0 leaves an earlier flag open")
    func laterCheckInLeavesFlag() throws {
        let flagged = try Fixture.checkIn(date: "2026-11-18", phq9: [0, 0, 0, 0, 0, 0, 0, 0, 2])
        let later = try Fixture.checkIn(date: "2026-11-20", phq9: [0, 0, 0, 0, 0, 0, 0, 0, 0])
        let entry = RosterEntry(participant: Fixture.participant(), checkIns: [flagged, later])
        #expect(later.safetyFlag == nil)
        #expect(entry.openSafetyFlags == [flagged.id])
    }

    @Test("Every risk question must be answered, each named when missing")
    func unanswered() {
        #expect(throws: DomainError.riskQuestionsUnanswered([.intent, .recentBehavior])) {
            try RiskAnswers([.thoughtsOfDeath: true, .thoughtsOfSelfHarm: false, .method: false, .plan: false])
        }
        #expect(DomainError.riskQuestionsUnanswered([.intent, .recentBehavior]).description
            == "Answer every question of the risk assessment yes or no; not answered: intent, suicidal behavior in the last three months.")
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
