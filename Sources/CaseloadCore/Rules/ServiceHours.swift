/// Service hours a participant received in one ISO week, against what their level of care requires.
public struct WeeklyHours: Sendable, Equatable {
    public let week: ISOWeek
    public let attendedMinutes: Int
    public let requiredHours: Double

    public init(week: ISOWeek, attendedMinutes: Int, requiredHours: Double) {
        self.week = week
        self.attendedMinutes = attendedMinutes
        self.requiredHours = requiredHours
    }

    public var attendedHours: Double { Double(attendedMinutes) / 60 }
    public var meetsRequirement: Bool { attendedHours >= requiredHours }
    /// Attended over required, 1 when nothing is required (aftercare).
    public var fraction: Double { requiredHours > 0 ? attendedHours / requiredHours : 1 }
}

public enum ServiceHours {
    /// Minutes of service per ISO week, counting only sessions the participant attended.
    public static func minutesByWeek(of participant: ParticipantID, in sessions: [Session])
        -> [ISOWeek: Int]
    {
        var minutes: [ISOWeek: Int] = [:]
        for session in sessions {
            guard let member = session.member(participant) else { continue }
            minutes[session.date.isoWeek, default: 0] += member.attendance.countedMinutes
        }
        return minutes
    }

    /// The week's hours against the requirement of the level of care in force on that week's
    /// Monday (a mid-week step-down is judged by the level the week started in).
    public static func week(
        _ week: ISOWeek, of participant: Participant, sessions: [Session], settings: ProgramSettings
    ) -> WeeklyHours {
        let minutes = minutesByWeek(of: participant.id, in: sessions)[week] ?? 0
        let level = levelOfCare(of: participant, on: week.monday)
        return WeeklyHours(
            week: week, attendedMinutes: minutes, requiredHours: settings.requiredHours(for: level))
    }

    /// The level of care in force on `date` (the admission level before admission).
    public static func levelOfCare(of participant: Participant, on date: LocalDate) -> LevelOfCare {
        participant.levelOfCareHistory.last { $0.effective <= date }?.level
            ?? participant.levelOfCareHistory[0].level
    }
}
