/// When the next PHQ-9/GAD-7 check-in is due, from the last one that had a questionnaire (or
/// admission) and the program's cadence. A craving-only check-in does not put it off.
public struct CheckInSchedule: Sendable, Equatable {
    public let lastQuestionnaire: LocalDate?
    public let nextDue: LocalDate

    public init(admission: LocalDate, lastQuestionnaire: LocalDate?, cadenceDays: Int) {
        self.lastQuestionnaire = lastQuestionnaire
        // The first check-in is due on admission day; later ones a cadence after the last.
        self.nextDue = lastQuestionnaire.map { $0.adding(days: cadenceDays) } ?? admission
    }

    public func isOverdue(on today: LocalDate) -> Bool { today > nextDue }

    public func daysOverdue(on today: LocalDate) -> Int { max(0, nextDue.days(until: today)) }
}
