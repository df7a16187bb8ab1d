import Foundation
import Testing

@testable import CaseloadCore

/// The dashboard's supervision figures at their edges, around week 2026-W47 (Monday 2026-11-16
/// to Sunday 2026-11-22) on the program's clock in Chicago.
@Suite("Supervision figures")
struct SupervisionTests {
    static func instant(_ text: String) -> Date { Clock.parseInstant(text)! }
    /// Monday of W48 just after midnight in Chicago (still Sunday evening nowhere near): W47 is last week.
    static let mondayNight = instant("2026-11-23T06:30:00Z")

    static func person(_ id: ParticipantID, admitted: String = "2026-11-02", level: LevelOfCare = .iop,
                       counselor: StaffID = Fixture.counselor) -> Participant {
        var participant = Fixture.participant(level: level, admitted: admitted)
        participant.id = id
        participant.primaryCounselor = counselor
        return participant
    }

    static func entry(_ participant: Participant, _ checkIns: [CheckIn] = []) -> RosterEntry {
        RosterEntry(participant: participant, checkIns: checkIns.map { var c = $0; c.participant = participant.id; return c })
    }

    static func attended(_ id: String, _ date: String, _ status: AttendanceStatus, start: String = "09:00",
                         who: ParticipantID = "P-0001", minutes: Int = 60) -> Session {
        Fixture.session(id, kind: .individual, date: date, start: start, minutes: minutes,
                        members: [Fixture.member(who, status, minutes: status.attended ? minutes : 0)])
    }

    static let staff = [
        Fixture.counselorStaff,
        Staff(id: "lchen", displayName: "Lin Chen", credentials: "LCSW", role: .supervisor, revision: Fixture.revision),
        Staff(id: "kbrown", displayName: "Keisha Brown", credentials: "", role: .admin, revision: Fixture.revision),
    ]

    static func figures(_ roster: [RosterEntry], _ sessions: [Session] = [], staff: [Staff] = staff,
                        now: Date = mondayNight) -> Supervision {
        Supervision(roster: roster, sessions: sessions, staff: staff, settings: Fixture.settings, now: now)
    }

    // MARK: Missed sessions in a row

    @Test("A run of unexcused absences counts back from the latest session, across a week boundary")
    func missedRunAcrossWeeks() throws {
        let sessions = [
            Self.attended("S-20261120-0900-aaaaaa", "2026-11-20", .present),
            Self.attended("S-20261122-1000-aaaaaa", "2026-11-22", .unexcused, start: "10:00"),
            Self.attended("S-20261123-0900-aaaaaa", "2026-11-23", .unexcused),
        ]
        let run = try #require(MissedRun.latest(of: "P-0001", in: sessions.reversed()))
        #expect(run.missed == 2 && run.since == Fixture.date("2026-11-22") && run.latest == Fixture.date("2026-11-23"))
    }

    @Test("An excused absence ends the run; so does attending the latest session; two on one day go by start time")
    func missedRunBroken() {
        let brokenByExcuse = [
            Self.attended("S-20261116-0900-aaaaaa", "2026-11-16", .unexcused),
            Self.attended("S-20261117-0900-aaaaaa", "2026-11-17", .unexcused),
            Self.attended("S-20261118-0900-aaaaaa", "2026-11-18", .excused),
            Self.attended("S-20261119-0900-aaaaaa", "2026-11-19", .unexcused),
        ]
        #expect(MissedRun.latest(of: "P-0001", in: brokenByExcuse)?.missed == 1)
        let endsExcused = [
            Self.attended("S-20261116-0900-aaaaaa", "2026-11-16", .unexcused),
            Self.attended("S-20261117-0900-aaaaaa", "2026-11-17", .unexcused),
            Self.attended("S-20261118-0900-aaaaaa", "2026-11-18", .excused),
        ]
        #expect(MissedRun.latest(of: "P-0001", in: endsExcused) == nil)
        let sameDay = [
            Self.attended("S-20261118-1300-aaaaaa", "2026-11-18", .late, start: "13:00"),
            Self.attended("S-20261118-0900-aaaaaa", "2026-11-18", .unexcused),
            Self.attended("S-20261117-0900-aaaaaa", "2026-11-17", .unexcused),
        ]
        #expect(MissedRun.latest(of: "P-0001", in: sameDay) == nil, "the afternoon session came after and was attended")
        #expect(MissedRun.latest(of: "P-0001", in: []) == nil)
        #expect(MissedRun.latest(of: "P-0002", in: sameDay) == nil, "someone else's sessions are not theirs")
    }

    @Test("Only runs of two or more in care are listed, most missed first")
    func missedRunsListed() {
        let sessions = [
            Self.attended("S-20261117-0900-aaaaaa", "2026-11-17", .unexcused, who: "P-0001"),
            Self.attended("S-20261118-0900-aaaaaa", "2026-11-18", .unexcused, who: "P-0001"),
            Self.attended("S-20261117-0900-bbbbbb", "2026-11-17", .unexcused, who: "P-0002"),
            Self.attended("S-20261118-0900-bbbbbb", "2026-11-18", .unexcused, who: "P-0002"),
            Self.attended("S-20261119-0900-bbbbbb", "2026-11-19", .unexcused, who: "P-0002"),
            Self.attended("S-20261119-0900-cccccc", "2026-11-19", .unexcused, who: "P-0003"),
        ]
        let roster = ["P-0001", "P-0002", "P-0003"].map { Self.entry(Self.person(ParticipantID($0))) }
        #expect(Self.figures(roster, sessions).missedInARow.map { [$0.participant.rawValue, "\($0.missed)"] }
            == [["P-0002", "3"], ["P-0001", "2"]])
    }

    // MARK: Counselor lines

    @Test("Attendance counts the last complete week: Sunday's session in, Monday's and the week before's out")
    func attendanceWeekBoundaries() throws {
        let sessions = [
            Self.attended("S-20261115-0900-aaaaaa", "2026-11-15", .present, minutes: 120),
            Self.attended("S-20261116-0900-aaaaaa", "2026-11-16", .present, minutes: 180),
            Self.attended("S-20261122-0900-aaaaaa", "2026-11-22", .late, minutes: 90),
            Self.attended("S-20261123-0000-aaaaaa", "2026-11-23", .present, minutes: 60),
        ]
        let line = try #require(Self.figures([Self.entry(Self.person("P-0001"))], sessions).counselors.last)
        #expect(line.counselor == Fixture.counselor && line.caseload == 1)
        #expect(line.attendedHours == 4.5 && line.requiredHours == 9)
        #expect(line.attendanceRate == 50)
    }

    @Test("A step-down mid-week pro-rates the week's required hours")
    func attendanceTransitionMidWeek() throws {
        var participant = Self.person("P-0001")
        participant.levelOfCareHistory.append(
            LevelOfCareChange(level: .op, effective: Fixture.date("2026-11-18"), reason: "Met goals", decidedBy: Fixture.counselor))
        let line = try #require(Self.figures([Self.entry(participant)]).counselors.last)
        // Monday and Tuesday at IOP (9 h a week), Wednesday to Friday at OP (1 h).
        #expect(abs(line.requiredHours - (2 * 9 + 3 * 1) / 5.0) < 1e-9)
        #expect(line.attendanceRate == 0)
    }

    @Test("Nothing required gives no rate; no check-ins yet gives no flags")
    func emptyCaseloads() throws {
        let figures = Self.figures([Self.entry(Self.person("P-0001", admitted: "2026-11-23"))])
        let mine = try #require(figures.counselors.first { $0.counselor == Fixture.counselor })
        #expect(mine.caseload == 1 && mine.requiredHours == 0 && mine.attendanceRate == nil)
        #expect(mine.openFlags == 0 && mine.notesOverdue == 0 && mine.planReviewsOverdue == 0)
        // The supervisor has no caseload but a line; the administrator has none.
        #expect(figures.counselors.map(\.counselor) == ["lchen", Fixture.counselor])
        #expect(figures.counselors.first?.caseload == 0)
    }

    @Test("A deactivated counselor keeps a line while someone in care is still theirs")
    func deactivatedCounselor() {
        var gone = Staff(id: "tsmith", displayName: "Tom Smith", credentials: "", role: .counselor, revision: Fixture.revision)
        gone.isActive = false
        let withCaseload = Self.figures([Self.entry(Self.person("P-0001", counselor: "tsmith"))], staff: Self.staff + [gone])
        #expect(withCaseload.counselors.map(\.counselor).contains("tsmith"))
        let without = Self.figures([Self.entry(Self.person("P-0001"))], staff: Self.staff + [gone])
        #expect(!without.counselors.map(\.counselor).contains("tsmith"))
    }

    @Test("Flags: opened and closed in the same week is not open; high risk waits for review and stays open")
    func flags() throws {
        var closedSameWeek = try Fixture.checkIn(date: "2026-11-17", phq9: [0, 0, 0, 0, 0, 0, 0, 0, 1], id: "C-20261117-aaaaaa")
        try closedSameWeek.assessSafetyFlag(Fixture.assessment(.moderate, at: Self.instant("2026-11-19T15:00:00Z")))
        var high = try Fixture.checkIn(date: "2026-11-18", phq9: [0, 0, 0, 0, 0, 0, 0, 0, 2], id: "C-20261118-aaaaaa")
        try high.assessSafetyFlag(Fixture.assessment(.high, at: Self.instant("2026-11-18T15:00:00Z")))
        let open = try Fixture.checkIn(date: "2026-11-19", phq9: [0, 0, 0, 0, 0, 0, 0, 0, 1], id: "C-20261119-aaaaaa")
        let roster = [
            Self.entry(Self.person("P-0001"), [closedSameWeek]),
            Self.entry(Self.person("P-0002"), [high]),
            Self.entry(Self.person("P-0003"), [open]),
        ]
        let figures = Self.figures(roster)
        #expect(figures.counselors.first { $0.counselor == Fixture.counselor }?.openFlags == 2)
        #expect(figures.awaitingReview == ["P-0002"])
        var reviewed = high
        try reviewed.reviewRiskAssessment(SupervisorReview(by: "lchen", at: Self.instant("2026-11-19T16:00:00Z")))
        var entry = roster[1]
        entry.include({ var c = reviewed; c.participant = "P-0002"; return c }())
        #expect(!entry.isAwaitingReview && entry.openSafetyFlags.isEmpty, "the review closes it and unpins them")
        #expect(Self.figures([roster[0], entry, roster[2]]).awaitingReview.isEmpty)
    }

    @Test("A discharged participant's open flag and pending review still count for their counselor")
    func dischargedFlag() throws {
        var high = try Fixture.checkIn(date: "2026-11-18", phq9: [0, 0, 0, 0, 0, 0, 0, 0, 2], id: "C-20261118-aaaaaa")
        try high.assessSafetyFlag(Fixture.assessment(.high))
        var participant = Self.person("P-0001")
        try participant.discharge(
            Discharge(date: Fixture.date("2026-11-19"), type: .administrative, summary: "Moved away",
                      aftercare: AftercarePlan(supportGroups: []), dischargedBy: Fixture.counselor))
        let figures = Self.figures([Self.entry(participant, [high])])
        let line = try #require(figures.counselors.first { $0.counselor == Fixture.counselor })
        #expect(line.caseload == 0 && line.openFlags == 1)
        #expect(figures.awaitingReview == ["P-0001"])
        #expect(figures.missedInARow.isEmpty && figures.planReviewsOverdue.isEmpty)
    }

    @Test("Plan reviews are overdue the day after they are due")
    func planReviews() throws {
        // Admitted 2026-10-23: the first review is due 30 days later, 2026-11-22 (Sunday).
        let roster = [Self.entry(Self.person("P-0001", admitted: "2026-10-23")),
                      Self.entry(Self.person("P-0002", admitted: "2026-10-24"))]
        let figures = Self.figures(roster)
        #expect(figures.planReviewsOverdue == [.init(participant: "P-0001", due: Fixture.date("2026-11-22"))])
        #expect(figures.counselors.first { $0.counselor == Fixture.counselor }?.planReviewsOverdue == 1)
        let onTheDay = Self.figures(roster, now: Self.instant("2026-11-22T18:00:00Z"))
        #expect(onTheDay.planReviewsOverdue.isEmpty)
    }

    @Test("Notes overdue are the facilitator's to write, whoever's caseload the member is on")
    func notesOverdue() throws {
        var session = Self.attended("S-20261118-0900-aaaaaa", "2026-11-18", .present, who: "P-0002")
        session.facilitators = ["lchen"]
        let roster = [Self.entry(Self.person("P-0002"))]
        let figures = Self.figures(roster, [session])
        #expect(figures.counselors.first { $0.counselor == "lchen" }?.notesOverdue == 1)
        #expect(figures.counselors.first { $0.counselor == Fixture.counselor }?.notesOverdue == 0)
    }

    // MARK: The roster index's new figures

    @Test("The PHQ-9 history holds the stay's scores in date order; an edit replaces its score")
    func phq9History() throws {
        let before = try Fixture.checkIn(date: "2026-10-30", phq9: Fixture.answers(total: 20, items: 9), id: "C-20261030-aaaaaa")
        let first = try Fixture.checkIn(date: "2026-11-09", phq9: Fixture.answers(total: 14, items: 9), id: "C-20261109-aaaaaa")
        let second = try Fixture.checkIn(date: "2026-11-02", phq9: Fixture.answers(total: 16, items: 9), id: "C-20261102-aaaaaa")
        let gadOnly = try Fixture.checkIn(date: "2026-11-12", phq9: nil, gad7: Fixture.answers(total: 5, items: 7), id: "C-20261112-aaaaaa")
        var entry = Self.entry(Self.person("P-0001"), [first, before, second, gadOnly])
        #expect(entry.phq9History.map(\.total) == [16, 14])
        var edited = first
        edited.phq9 = try QuestionnaireAnswers(.phq9, items: Fixture.answers(total: 10, items: 9))
        entry.include(edited)
        #expect(entry.phq9History.map(\.total) == [16, 10])
        #expect(Self.entry(Self.person("P-0001")).phq9History.isEmpty, "no check-ins yet")
    }
}
