import Testing

@testable import CaseloadCore

@Suite("Weekly service hours")
struct ServiceHoursTests {
    @Test(
        "Only attended minutes count",
        arguments: [
            (AttendanceStatus.present, 180, 180), (.late, 150, 150), (.leftEarly, 90, 90),
            (.excused, 180, 0), (.unexcused, 180, 0),
        ])
    func countedMinutes(status: AttendanceStatus, written: Int, counted: Int) {
        #expect(Attendance(status: status, minutesAttended: written).countedMinutes == counted)
    }

    /// Week 2026-W47 runs Monday 16 to Sunday 22 Nov; PHP requires 20 hours, IOP 9, OP 1.
    @Test(
        "Each program day counts toward the level in force that day",
        arguments: [
            ("whole week in PHP", "2026-10-01", nil, [], 20.0),
            ("admitted on a Wednesday", "2026-11-18", nil, [], 12.0),
            ("discharged on a Tuesday", "2026-10-01", "2026-11-17", [], 8.0),
            ("stepped down to IOP on a Thursday", "2026-10-01", nil, [(LevelOfCare.iop, "2026-11-19")], 15.6),
            ("step-down recorded for next Monday", "2026-10-01", nil, [(.iop, "2026-11-23")], 20.0),
            ("admitted on a Saturday", "2026-11-21", nil, [], 0.0),
            ("admitted Wednesday, discharged Thursday", "2026-11-18", "2026-11-19", [], 8.0),
            ("in PHP Monday only, then OP", "2026-10-01", nil, [(.op, "2026-11-17")], 4.8),
        ] as [(String, String, String?, [(LevelOfCare, String)], Double)])
    func requiredHours(name: String, admitted: String, discharged: String?, changes: [(LevelOfCare, String)], hours: Double) {
        let care = CareTimeline(
            admission: Fixture.date(admitted), discharge: discharged.map(Fixture.date),
            levels: [CareTimeline.Step(level: .php, effective: Fixture.date(admitted))]
                + changes.map { CareTimeline.Step(level: $0.0, effective: Fixture.date($0.1)) })
        #expect(ServiceHours.requiredHours(in: ISOWeek(year: 2026, week: 47), care: care, settings: Fixture.settings) == hours)
    }

    @Test("Five IOP days make exactly the weekly requirement, so 9 hours attended meet it")
    func wholeWeekIsExact() {
        let participant = Fixture.participant(level: .iop)
        let sessions = (16...18).map { day in
            Fixture.session("S-\(day)", date: "2026-11-\(day)", members: [Fixture.member(minutes: 180)])
        }
        let week = ServiceHours.week(
            ISOWeek(year: 2026, week: 47), of: participant.id, care: participant.careTimeline, sessions: sessions,
            settings: Fixture.settings)
        #expect(week.requiredHours == 9)
        #expect(week.attendedHours == 9)
        #expect(week.meetsRequirement)
    }

    /// Sessions on Wednesday 18 Nov: (start, minutes, attendance, minutes attended).
    @Test(
        "A minute in two overlapping sessions counts once",
        arguments: [
            ("three 3-hour groups at once", [("09:00", 180, AttendanceStatus.present, 180), ("09:00", 180, .present, 180),
                                              ("09:00", 180, .present, 180)], 180, 0),
            ("three staggered 3-hour groups", [("09:00", 180, .present, 180), ("10:00", 180, .present, 180),
                                               ("11:00", 180, .present, 180)], 300, 0),
            ("pulled out of group for an individual", [("09:00", 180, .present, 180), ("10:00", 60, .present, 60)], 180, 0),
            ("late: the last minutes of the group", [("09:00", 180, .late, 150), ("09:00", 30, .present, 30)], 180, 0),
            ("late overlapping an earlier session", [("09:00", 180, .late, 150), ("09:00", 60, .present, 60)], 180, 0),
            ("left early: the first minutes", [("09:00", 180, .leftEarly, 90), ("11:00", 60, .present, 60)], 150, 0),
            ("left early into an individual", [("09:00", 180, .leftEarly, 90), ("10:00", 60, .present, 60)], 120, 0),
            ("excused from group, seen individually", [("09:00", 180, .excused, 0), ("10:00", 60, .present, 60)], 60, 120),
            ("excused from two overlapping groups", [("09:00", 180, .excused, 0), ("10:00", 180, .excused, 0)], 0, 240),
            ("absent without an excuse", [("09:00", 180, .unexcused, 0)], 0, 0),
        ] as [(String, [(String, Int, AttendanceStatus, Int)], Int, Int)])
    func overlaps(name: String, sessions: [(String, Int, AttendanceStatus, Int)], attended: Int, excused: Int) {
        let list = sessions.enumerated().map { index, session in
            Fixture.session("S-\(index)", start: session.0, minutes: session.1,
                            members: [Fixture.member("P-0001", session.2, minutes: session.3)])
        }
        let minutes = ServiceHours.minutes(of: "P-0001", in: list)
        #expect(minutes.attended == attended)
        #expect(minutes.excused == excused)
    }

    @Test("The same hours on two days both count")
    func separateDays() {
        let list = ["2026-11-16", "2026-11-17"].map { day in
            Fixture.session("S-\(day)", date: day, members: [Fixture.member(minutes: 180)])
        }
        #expect(ServiceHours.minutes(of: "P-0001", in: list).attended == 360)
    }

    @Test("Sessions are counted in their own ISO week, and only the participant's own")
    func weeks() {
        let participant = Fixture.participant()
        let sessions = [
            Fixture.session("S-sun", date: "2026-11-15", minutes: 60, members: [Fixture.member(minutes: 60)]),
            Fixture.session("S-mon", date: "2026-11-16", minutes: 120, members: [Fixture.member(minutes: 120)]),
            Fixture.session(
                "S-other", date: "2026-11-16", minutes: 90, members: [Fixture.member("P-0002", minutes: 90)]),
        ]
        func attended(_ week: Int) -> Int {
            ServiceHours.week(ISOWeek(year: 2026, week: week), of: participant.id, care: participant.careTimeline,
                              sessions: sessions, settings: Fixture.settings).attendedMinutes
        }
        #expect(attended(46) == 60)
        #expect(attended(47) == 120)
    }
}

@Suite("Level of care on a date")
struct LevelOfCareOnDateTests {
    /// Admitted to PHP on 1 Oct; a step-down to IOP on Thursday 19 Nov was recorded ahead of time.
    @Test(
        "A transition takes effect on its own date",
        arguments: [
            ("2026-09-30", LevelOfCare.php), ("2026-10-01", .php), ("2026-11-18", .php), ("2026-11-19", .iop),
            ("2026-12-01", .iop),
        ])
    func levelOnDate(day: String, level: LevelOfCare) throws {
        var participant = Fixture.participant(level: .php, admitted: "2026-10-01")
        try participant.changeLevelOfCare(
            to: .iop, on: Fixture.date("2026-11-19"), reason: "Stable mood", by: Fixture.counselor)
        #expect(participant.levelOfCare(on: Fixture.date(day)) == level)
        #expect(participant.latestLevelOfCare == .iop)
    }

    @Test(
        "The levels a week saw, in order",
        arguments: [(47, [LevelOfCare.php, .iop]), (46, [.php]), (48, [.iop])])
    func levelsInWeek(week: Int, levels: [LevelOfCare]) throws {
        var participant = Fixture.participant(level: .php, admitted: "2026-10-01")
        try participant.changeLevelOfCare(
            to: .iop, on: Fixture.date("2026-11-19"), reason: "Stable mood", by: Fixture.counselor)
        #expect(participant.careTimeline.levelsOfCare(in: ISOWeek(year: 2026, week: week)) == levels)
    }
}

@Suite("Calendar")
struct CalendarTests {
    @Test(
        "ISO weeks, including year boundaries",
        arguments: [
            ("2026-11-20", "2026-W47"), ("2026-01-01", "2026-W01"), ("2027-01-01", "2026-W53"),
            ("2024-12-30", "2025-W01"), ("2021-01-03", "2020-W53"), ("2020-02-29", "2020-W09"),
        ])
    func isoWeek(day: String, week: String) {
        #expect(Fixture.date(day).isoWeek.description == week)
    }

    @Test("A week's Monday", arguments: ["2026-W47", "2025-W01", "2020-W53"])
    func monday(week: String) {
        let parts = week.split(separator: "-W")
        let isoWeek = ISOWeek(year: Int(parts[0])!, week: Int(parts[1])!)
        #expect(isoWeek.monday.weekday == 1)
        #expect(isoWeek.monday.isoWeek == isoWeek)
    }

    @Test("Day arithmetic round-trips", arguments: ["1900-03-01", "1970-01-01", "2000-02-29", "2026-11-23"])
    func dayNumbers(day: String) {
        let date = Fixture.date(day)
        #expect(LocalDate(dayNumber: date.dayNumber) == date)
        #expect(date.adding(days: 365).adding(days: -365) == date)
    }

    @Test("Bad dates and times are refused with the expected form", arguments: ["2026-02-30", "2026-13-01", "20261120", "2026-1-5", ""])
    func badDates(text: String) {
        #expect(throws: DomainError.invalidDate(text)) { try LocalDate(text) }
    }

    @Test("Times", arguments: [("09:30", true), ("24:00", false), ("9:5", false), ("12:60", false)])
    func times(text: String, valid: Bool) {
        #expect(((try? LocalTime(text)) != nil) == valid)
    }
}
