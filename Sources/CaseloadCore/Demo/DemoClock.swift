import Foundation

/// Turns program-calendar days and minutes into instants, and knows where the demo's history
/// ends: at the first instant of `today`, because the generator cannot know what time it is, and
/// nothing it writes may look as if it happened later than the moment the demo was made.
struct DemoClock {
    let timeZone: TimeZone
    let cutoff: Date

    init(today: LocalDate, timeZone: TimeZone) {
        self.timeZone = timeZone
        self.cutoff = today.instant(in: timeZone)
    }

    /// `minute` minutes after the start of `date` on the program's clock; past 1440 it runs into
    /// the next days. Daylight-saving changes happen at 02:00, so the offset is taken at the
    /// instant itself rather than at midnight.
    func instant(_ date: LocalDate, minute: Int) -> Date {
        let local = Double(date.dayNumber) * 86_400 + Double(minute) * 60
        let guess = local - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local)))
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: guess))
        return Date(timeIntervalSince1970: local - Double(offset))
    }

    func isPast(_ time: Date) -> Bool { time < cutoff }
}
