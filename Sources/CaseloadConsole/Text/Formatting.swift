import CaseloadCore
import Foundation

/// Dates, times and quantities written the way the program's staff read them.
enum Format {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// "Mon 23 Nov 2026".
    static func longDate(_ date: LocalDate) -> String {
        "\(weekdays[date.weekday - 1]) \(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// "23 Nov 2026".
    static func date(_ date: LocalDate) -> String {
        "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// "23 Nov"; used in tables where the year is this one or obvious.
    static func shortDate(_ date: LocalDate) -> String {
        let day = date.day < 10 ? " \(date.day)" : "\(date.day)"
        return "\(day) \(months[date.month - 1])"
    }

    /// "Mon 23 Nov".
    static func weekdayDate(_ date: LocalDate) -> String {
        "\(weekdays[date.weekday - 1]) \(shortDate(date))"
    }

    /// "12", "7.5": hours with a decimal only when it is not whole.
    static func hours(_ hours: Double) -> String {
        let tenths = (hours * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0
            ? String(Int(tenths / 10)) : String(format: "%.1f", tenths / 10)
    }

    /// "3 days", "1 day".
    static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

    /// "2 notes", "1 note".
    static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        count == 1 ? "1 \(singular)" : "\(count) \(plural ?? singular + "s")"
    }

    /// "+6", "-4", "0".
    static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }

    /// "20 Nov 2026 at 14:05 CST": when something was signed, in the program's zone, named.
    static func dateTime(_ instant: Date, in timeZone: TimeZone) -> String {
        "\(date(LocalDate(instant, in: timeZone))) at \(time(instant, in: timeZone)) \(timeZone.zoneName(at: instant))"
    }

    /// The wall-clock time of `instant` on the program's calendar, "14:30".
    static func time(_ instant: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}
