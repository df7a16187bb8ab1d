/// When the next check-in is due, from the last one (or admission) and the program's cadence.
public struct CheckInSchedule: Sendable, Equatable {
    public let lastCheckIn: LocalDate?
    public let nextDue: LocalDate

    public init(admission: LocalDate, lastCheckIn: LocalDate?, cadenceDays: Int) {
        self.lastCheckIn = lastCheckIn
        // The first check-in is due on admission day; later ones a cadence after the last.
        self.nextDue = lastCheckIn.map { $0.adding(days: cadenceDays) } ?? admission
    }

    public func isOverdue(on today: LocalDate) -> Bool { today > nextDue }

    public func daysOverdue(on today: LocalDate) -> Int { max(0, nextDue.days(until: today)) }
}
