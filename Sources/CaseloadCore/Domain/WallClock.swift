import Foundation

extension TimeZone {
    /// "2026-11-20 14:05 CST": an instant on this zone's wall clock with the zone's name, as
    /// signatures and addenda are shown, so nobody has to work out which zone a time is in.
    public func wallClock(_ instant: Date) -> String {
        formatter("yyyy-MM-dd HH:mm zzz").string(from: instant)
    }

    /// "2026-11-20T14:05:00-06:00": an instant on this zone's clock with its offset, as
    /// spreadsheets and other systems read it without guessing the zone.
    public func iso8601(_ instant: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = self
        return formatter.string(from: instant)
    }

    /// "CST", "CDT", or "GMT+5:30" where the zone has no common abbreviation.
    public func zoneName(at instant: Date) -> String {
        formatter("zzz").string(from: instant)
    }

    private func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = self
        formatter.dateFormat = format
        return formatter
    }
}
