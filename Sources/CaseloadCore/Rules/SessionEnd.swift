import Foundation

extension SessionRequest {
    /// When the session ends, on the program's clock.
    func endsAt(in timeZone: TimeZone) -> Date {
        date.instant(at: start, in: timeZone).addingTimeInterval(Double(minutes) * 60)
    }

    /// The day of the session's last minute: one ending at midnight belongs to the day it began.
    func lastDay(in timeZone: TimeZone) -> LocalDate {
        LocalDate(lastMinuteEnding: endsAt(in: timeZone), in: timeZone)
    }

    /// Refuses a session that has not ended by `now`: recording it credits every member with all
    /// its minutes, and minutes still to come may never happen.
    func checkOver(at now: Date, in timeZone: TimeZone) throws(DomainError) {
        let end = endsAt(in: timeZone)
        guard end > now else { return }
        throw .sessionNotOver(date, start, endsAt: timeZone.wallClock(end))
    }
}

extension Session {
    /// The day of the session's last minute, as for a request.
    func lastDay(in timeZone: TimeZone) -> LocalDate {
        LocalDate(lastMinuteEnding: endsAt(in: timeZone), in: timeZone)
    }
}

extension LocalDate {
    /// The day of the last minute before `end`: a session ending at midnight belongs to the day it began.
    init(lastMinuteEnding end: Date, in timeZone: TimeZone) {
        self.init(end.addingTimeInterval(-1), in: timeZone)
    }
}

extension Participant {
    /// Refuses attendance that runs past the discharge closing the stay it began in (`began` is
    /// already known to fall within a stay): an overnight session cannot count minutes after the
    /// person left care.
    func checkAttendanceEndsInStay(began: LocalDate, lastDay: LocalDate) throws(DomainError) {
        let discharges = previousEpisodes.map(\.discharge.date) + [discharge?.date].compactMap { $0 }
        guard let closing = discharges.first(where: { $0 >= began }), lastDay > closing else { return }
        throw .sessionEndsAfterDischarge(id, endsOn: lastDay, discharge: closing)
    }
}
