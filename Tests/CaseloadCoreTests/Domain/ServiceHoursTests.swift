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

    @Test(
        "Hours against the level of care's requirement",
        arguments: [
            (LevelOfCare.php, 7, 180, 21.0, true), (.php, 6, 180, 18.0, false),
            (.iop, 3, 180, 9.0, true), (.iop, 2, 180, 6.0, false), (.op, 1, 60, 1.0, true),
            (.aftercare, 0, 0, 0.0, true),
        ])
    func requirement(level: LevelOfCare, sessions: Int, minutes: Int, hours: Double, meets: Bool) {
        let participant = Fixture.participant(level: level)
        // Monday 2026-11-16 … in ISO week 2026-W47.
        let list = (0..<sessions).map { index in
            Fixture.session(
                "S-\(index)", date: "2026-11-\(16 + index % 5)", minutes: max(minutes, 1),
                members: [Fixture.member(minutes: minutes)])
        }
        let week = ServiceHours.week(
            Fixture.date("2026-11-18").isoWeek, of: participant, sessions: list,
            settings: Fixture.settings)
        #expect(week.attendedHours == hours)
        #expect(week.meetsRequirement == meets)
    }

    @Test("Sessions are counted in their own ISO week")
    func weeks() {
        let sessions = [
            Fixture.session("S-sun", date: "2026-11-15", members: [Fixture.member(minutes: 60)]),
            Fixture.session("S-mon", date: "2026-11-16", members: [Fixture.member(minutes: 120)]),
            Fixture.session(
                "S-other", date: "2026-11-16", members: [Fixture.member("P-0002", minutes: 90)]),
        ]
        let minutes = ServiceHours.minutesByWeek(of: "P-0001", in: sessions)
        #expect(minutes == [ISOWeek(year: 2026, week: 46): 60, ISOWeek(year: 2026, week: 47): 120])
    }

    @Test("A mid-week step-down is judged by the level the week started in")
    func levelOnMonday() throws {
        var participant = Fixture.participant(level: .php, admitted: "2026-10-01")
        try participant.changeLevelOfCare(
            to: .iop, on: Fixture.date("2026-11-18"), reason: "Stable mood", by: Fixture.counselor)
        let week = ServiceHours.week(
            ISOWeek(year: 2026, week: 47), of: participant, sessions: [], settings: Fixture.settings)
        #expect(week.requiredHours == 20)
        let next = ServiceHours.week(
            ISOWeek(year: 2026, week: 48), of: participant, sessions: [], settings: Fixture.settings)
        #expect(next.requiredHours == 9)
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
