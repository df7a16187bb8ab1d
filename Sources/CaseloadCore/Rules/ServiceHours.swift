/// Service hours a participant received in one ISO week, against what their level of care requires.
public struct WeeklyHours: Sendable, Equatable {
    public let week: ISOWeek
    public let attendedMinutes: Int
    /// Minutes of sessions missed with an excuse; shown beside attended hours, never counted as them.
    public let excusedMinutes: Int
    public let requiredHours: Double

    public init(week: ISOWeek, attendedMinutes: Int, excusedMinutes: Int = 0, requiredHours: Double) {
        self.week = week
        self.attendedMinutes = attendedMinutes
        self.excusedMinutes = excusedMinutes
        self.requiredHours = requiredHours
    }

    public var attendedHours: Double { Double(attendedMinutes) / 60 }
    public var excusedHours: Double { Double(excusedMinutes) / 60 }
    public var meetsRequirement: Bool { attendedHours >= requiredHours }
    /// Attended over required, 1 when nothing is required (aftercare).
    public var fraction: Double { requiredHours > 0 ? attendedHours / requiredHours : 1 }
}

/// The one hours rule every screen uses: the roster, the dashboard and the participant's tabs.
public enum ServiceHours {
    /// The participant's hours in `week` from `sessions` (any dates; others are ignored).
    public static func week(
        _ week: ISOWeek, of participant: ParticipantID, care: CareTimeline, sessions: [Session],
        settings: ProgramSettings
    ) -> WeeklyHours {
        let minutes = minutes(of: participant, in: sessions.filter { $0.date.isoWeek == week })
        return WeeklyHours(
            week: week, attendedMinutes: minutes.attended, excusedMinutes: minutes.excused,
            requiredHours: requiredHours(in: week, care: care, settings: settings))
    }

    /// Each program day in care carries a fifth of the weekly hours of the level in force that
    /// day, so a week with an admission, a discharge or a change of level is pro-rated.
    public static func requiredHours(in week: ISOWeek, care: CareTimeline, settings: ProgramSettings) -> Double {
        let days = (0..<5).map { week.monday.adding(days: $0) }.filter(care.isProgramDayInCare)
        // Summed whole and divided once, so five IOP days make exactly 9 and not 9.000000000000002.
        return days.reduce(0) { $0 + settings.requiredHours(for: care.levelOfCare(on: $1)) } / 5
    }

    /// Minutes attended and minutes excused. A participant pulled out of a group into an
    /// overlapping session is counted once for the minutes both cover; excused minutes are those
    /// of sessions missed with an excuse that the participant did not spend in another session.
    public static func minutes(of participant: ParticipantID, in sessions: [Session]) -> (attended: Int, excused: Int) {
        var attended: [LocalDate: [Range<Int>]] = [:]
        var excused: [LocalDate: [Range<Int>]] = [:]
        for session in sessions {
            guard let member = session.member(participant) else { continue }
            let start = session.startTime.minutesSinceMidnight
            let end = start + session.durationMinutes
            let minutes = member.attendance.minutesAttended
            switch member.attendance.status {
            case .present: attended[session.date, default: []].append(start..<end)
            case .late: attended[session.date, default: []].append(max(start, end - minutes)..<end)
            case .leftEarly: attended[session.date, default: []].append(start..<min(end, start + minutes))
            case .excused: excused[session.date, default: []].append(start..<end)
            case .unexcused: break
            }
        }
        let attendedMinutes = attended.values.reduce(0) { $0 + unionLength($1) }
        let attendedOrExcused = Set(attended.keys).union(excused.keys).reduce(0) { total, day in
            total + unionLength((attended[day] ?? []) + (excused[day] ?? []))
        }
        return (attendedMinutes, attendedOrExcused - attendedMinutes)
    }

    /// How many minutes the intervals cover together.
    private static func unionLength(_ intervals: [Range<Int>]) -> Int {
        var covered = 0
        var reach = Int.min
        for interval in intervals.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            covered += max(0, interval.upperBound - max(interval.lowerBound, reach))
            reach = max(reach, interval.upperBound)
        }
        return covered
    }
}
