import Foundation
import Testing

@testable import CaseloadCore

/// The reports at their edges, in week 2026-W47 (Monday 2026-11-16 to Sunday 2026-11-22), on the
/// program's clock in Chicago.
@Suite("Progress and program reports")
struct ReportTests {
    static let week = Fixture.date("2026-11-16").isoWeek

    static func person(_ id: ParticipantID, admitted: String, level: LevelOfCare = .iop) -> Participant {
        var participant = Fixture.participant(level: level, admitted: admitted)
        participant.id = id
        return participant
    }

    static func discharged(_ participant: Participant, on date: String) -> Participant {
        var participant = participant
        try! participant.discharge(
            Discharge(date: Fixture.date(date), type: .administrative, summary: "Moved away", aftercare: AftercarePlan(supportGroups: []),
                      dischargedBy: Fixture.counselor))
        return participant
    }

    static func steppedDown(_ participant: Participant, to level: LevelOfCare, on date: String) -> Participant {
        var participant = participant
        participant.levelOfCareHistory.append(
            LevelOfCareChange(level: level, effective: Fixture.date(date), reason: "Met goals", decidedBy: Fixture.counselor))
        return participant
    }

    static func instant(_ text: String) -> Date { Clock.parseInstant(text)! }

    static func flag(_ id: String, of participant: ParticipantID = "P-0001", on date: String, closed: String?, level: RiskLevel = .low,
                     reviewed: String? = nil) throws -> CheckIn {
        var checkIn = try Fixture.checkIn(date: date, phq9: [0, 0, 0, 0, 0, 0, 0, 0, 1], id: id)
        checkIn.participant = participant
        if let closed { try checkIn.assessSafetyFlag(Fixture.assessment(level, at: instant(closed))) }
        if let reviewed { try checkIn.reviewRiskAssessment(SupervisorReview(by: "lchen", at: instant(reviewed))) }
        return checkIn
    }

    // MARK: Progress

    @Test("No check-ins yet; admitted mid-week; a Sunday session counts in its own ISO week")
    func progressWithoutCheckIns() {
        let participant = Self.person("P-0001", admitted: "2026-11-18")
        let sessions = [
            Fixture.session("S-20261122-1000-aaaaaa", kind: .individual, date: "2026-11-22", start: "10:00", minutes: 60,
                            members: [Fixture.member(minutes: 60)]),
            Fixture.session("S-20261123-0900-bbbbbb", kind: .individual, date: "2026-11-23", start: "09:00", minutes: 90,
                            members: [Fixture.member(minutes: 90)]),
        ]
        let report = ProgressReport(
            participant: participant, checkIns: [], sessions: sessions, settings: Fixture.settings, today: Fixture.date("2026-11-23"))
        #expect(report.scores.isEmpty && report.phq9Change == nil && report.gad7Change == nil && report.flags.isEmpty)
        #expect(report.weeks.map(\.week) == ["2026-W47", "2026-W48"])
        // Wednesday to Friday of IOP's 9 hours: three fifths.
        #expect(abs(report.weeks[0].requiredHours - 5.4) < 1e-9)
        #expect(report.weeks[0].attendedHours == 1 && !report.weeks[0].metRequirement && !report.weeks[0].inProgress)
        #expect(report.weeks[1].attendedHours == 1.5 && report.weeks[1].inProgress)
    }

    @Test("A step-down mid-week pro-rates the week and shows both levels")
    func progressTransitionMidWeek() throws {
        let participant = Self.steppedDown(Self.person("P-0001", admitted: "2026-11-02"), to: .op, on: "2026-11-18")
        let checkIns = [
            try Fixture.checkIn(date: "2026-11-02", phq9: Fixture.answers(total: 15, items: 9), id: "C-20261102-aaaaaa"),
            try Fixture.checkIn(date: "2026-11-20", phq9: Fixture.answers(total: 9, items: 9), id: "C-20261120-aaaaaa"),
            try Fixture.checkIn(date: "2026-11-24", phq9: Fixture.answers(total: 2, items: 9), id: "C-20261124-aaaaaa"),
        ]
        let report = ProgressReport(
            participant: participant, checkIns: checkIns, sessions: [], settings: Fixture.settings, today: Fixture.date("2026-11-22"))
        let week = try #require(report.weeks.last)
        #expect(week.week == "2026-W47" && week.levels == [.iop, .op])
        // Monday and Tuesday at IOP (9 h a week), Wednesday to Friday at OP (1 h).
        #expect(abs(week.requiredHours - (2 * 9 + 3 * 1) / 5.0) < 1e-9)
        #expect(report.levelOfCare == .op)
        #expect(report.scores.map(\.date) == [Fixture.date("2026-11-02"), Fixture.date("2026-11-20")], "nothing after the report's day")
        #expect(report.phq9Change?.change == -6)
    }

    // MARK: Program

    @Test("Census, admissions and discharges at the week's edges, and the census taken today while the week goes on",
          arguments: [("2026-11-24T20:00:00Z", "2026-11-22", [0, 2, 1, 0], 2, 1), ("2026-11-18T20:00:00Z", "2026-11-18", [0, 3, 0, 0], 2, 1)])
    func census(now: String, censusDay: String, byLevel: [Int], admissions: Int, discharges: Int) {
        let participants = [
            Self.person("P-0001", admitted: "2026-11-16"),
            Self.person("P-0002", admitted: "2026-11-22"),
            Self.discharged(Self.person("P-0003", admitted: "2026-11-02"), on: "2026-11-22"),
            Self.discharged(Self.person("P-0004", admitted: "2026-11-02"), on: "2026-11-15"),
            Self.person("P-0005", admitted: "2026-11-23"),
            Self.steppedDown(Self.person("P-0006", admitted: "2026-11-02"), to: .op, on: "2026-11-19"),
        ]
        let report = ProgramReport(
            week: Self.week, participants: participants, checkIns: [], sessions: [], settings: Fixture.settings, now: Self.instant(now))
        #expect(report.censusDay == Fixture.date(censusDay))
        #expect(report.all.censusByLevel.map(\.count) == byLevel)
        #expect(report.all.census == byLevel.reduce(0, +))
        // Admissions and discharges are of the whole week, whenever it is read.
        #expect(report.all.admissions == admissions && report.all.discharges == discharges)
        #expect(report.all.phq9Change == nil, "no check-ins yet")
        #expect(report.counselors.map(\.counselor) == [Fixture.counselor])
    }

    @Test("Flags opened and closed: the same week counts in both, closing is by the program's clock")
    func flags() throws {
        let checkIns = [
            try Self.flag("C-1", on: "2026-11-17", closed: "2026-11-19T12:00:00Z"),
            try Self.flag("C-2", on: "2026-11-12", closed: "2026-11-12T18:00:00Z", level: .high, reviewed: "2026-11-18T15:00:00Z"),
            // Sunday 23:30 in Chicago is Monday in UTC: still this week.
            try Self.flag("C-3", on: "2026-11-20", closed: "2026-11-23T05:30:00Z"),
            try Self.flag("C-4", on: "2026-11-20", closed: "2026-11-23T06:30:00Z"),
            try Self.flag("C-5", on: "2026-11-20", closed: "2026-11-20T18:00:00Z", level: .high),
            try Self.flag("C-6", on: "2026-11-23", closed: nil),
        ]
        let report = ProgramReport(
            week: Self.week, participants: [Self.person("P-0001", admitted: "2026-11-02")], checkIns: checkIns, sessions: [],
            settings: Fixture.settings, now: Self.instant("2026-11-24T20:00:00Z"))
        #expect(report.all.flagsOpened == 4, "C-1, C-3, C-4, C-5")
        #expect(report.all.flagsClosed == 3, "C-1, C-2 on its review, C-3; C-5 still awaits review")
    }

    @Test("Average score change over the census with two scores, and notes signed late or still overdue")
    func scoresAndNotes() throws {
        let participants = [Self.person("P-0001", admitted: "2026-11-02"), Self.person("P-0002", admitted: "2026-11-02")]
        var second = try Fixture.checkIn(date: "2026-11-03", phq9: Fixture.answers(total: 12, items: 9), id: "C-b1")
        second.participant = "P-0002"
        var secondLater = try Fixture.checkIn(date: "2026-11-20", phq9: Fixture.answers(total: 4, items: 9), id: "C-b2")
        secondLater.participant = "P-0002"
        let checkIns = [
            try Fixture.checkIn(date: "2026-11-02", phq9: Fixture.answers(total: 10, items: 9), id: "C-a1"),
            try Fixture.checkIn(date: "2026-11-18", phq9: Fixture.answers(total: 6, items: 9), id: "C-a2"),
            // After the census day: not in this week's figure.
            try Fixture.checkIn(date: "2026-11-23", phq9: Fixture.answers(total: 0, items: 9), id: "C-a3"),
            second, secondLater,
        ]
        // Tuesday 09:00–12:00 in Chicago; notes due 24 hours after the end, 18:00 UTC on Wednesday.
        func note(signedAt: String?) throws -> Note {
            var note = Note(format: .dap, author: Fixture.counselor, at: Self.instant("2026-11-17T19:00:00Z"), sections: ["data": "Engaged"])
            if let signedAt { try note.sign(by: Fixture.counselorStaff, at: Self.instant(signedAt)) }
            return note
        }
        let session = Fixture.session(
            "S-20261117-0900-aaaaaa", date: "2026-11-17",
            members: [Fixture.member("P-0001", note: try note(signedAt: "2026-11-18T17:59:00Z")),
                      Fixture.member("P-0002", note: try note(signedAt: "2026-11-18T18:01:00Z"))])
        let unsigned = Fixture.session("S-20261118-0900-bbbbbb", date: "2026-11-18", members: [Fixture.member("P-0002")])
        let report = ProgramReport(
            week: Self.week, participants: participants, checkIns: checkIns, sessions: [session, unsigned], settings: Fixture.settings,
            now: Self.instant("2026-11-24T20:00:00Z"))
        #expect(report.all.phq9Change == .init(average: -6, participants: 2), "(-4 + -8) / 2")
        #expect(report.all.gad7Change == nil)
        #expect(report.all.notesSignedLate == 1 && report.all.notesOverdue == 1)
        #expect(report.all.attendedHours == 9, "two members of three hours, and P-0002 again")
    }
}
