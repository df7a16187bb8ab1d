import Foundation

/// A calendar day ("2026-11-20") with no time zone: dates of birth, admissions, sessions and
/// check-ins are days on the program's calendar, not instants, so they never shift across zones.
public struct LocalDate: Hashable, Comparable, TextCodable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Fails with a message that names the expected form when `text` is not a real YYYY-MM-DD date.
    public init(_ text: String) throws(DomainError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year)
        else { throw .invalidDate(text) }
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `instant` falls on in `timeZone`.
    public init(_ instant: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self.year = parts.year!
        self.month = parts.month!
        self.day = parts.day!
    }

    /// "2026-11-20"; built digit by digit, since listings print thousands of dates.
    public var description: String {
        guard (0...9999).contains(year) else { return String(format: "%04d-%02d-%02d", year, month, day) }
        // 0x30 + -3 is "-".
        let values = [year / 1000, year / 100 % 10, year / 10 % 10, year % 10, -3, month / 10, month % 10, -3, day / 10, day % 10]
        return String(decoding: values.map { UInt8(0x30 + $0) }, as: UTF8.self)
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), the basis for date arithmetic.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil: exact for every Gregorian date, no Calendar needed.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    public func days(until other: LocalDate) -> Int { other.dayNumber - dayNumber }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let mondayBased = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday
        return (mondayBased + 7) % 7 + 1
    }

    /// The ISO-8601 week this day belongs to (weeks start on Monday; week 1 holds the first Thursday).
    public var isoWeek: ISOWeek {
        let thursday = adding(days: 4 - weekday)
        let firstDay = LocalDate(year: thursday.year, month: 1, day: 1)!
        return ISOWeek(year: thursday.year, week: firstDay.days(until: thursday) / 7 + 1)
    }

    /// The instant this day starts in `timeZone`, combined with a time of day.
    public func instant(at time: LocalTime = LocalTime(hour: 0, minute: 0)!, in timeZone: TimeZone)
        -> Date
    {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = DateComponents(
            year: year, month: month, day: day, hour: time.hour, minute: time.minute)
        return calendar.date(from: parts)!
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// An ISO-8601 week ("2026-W47"): the unit service hours are counted in.
public struct ISOWeek: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    public init(year: Int, week: Int) {
        self.year = year
        self.week = week
    }

    /// "2026-W47"; built digit by digit, since `check` names the week folder of every session file.
    public var description: String {
        guard (0...9999).contains(year), (0...99).contains(week) else { return String(format: "%04d-W%02d", year, week) }
        // 0x30 + -3 is "-", 0x30 + 0x27 is "W".
        let values = [year / 1000, year / 100 % 10, year / 10 % 10, year % 10, -3, 0x27, week / 10, week % 10]
        return String(decoding: values.map { UInt8(0x30 + $0) }, as: UTF8.self)
    }

    /// The Monday that starts this week.
    public var monday: LocalDate {
        let january4 = LocalDate(year: year, month: 1, day: 4)!
        return january4.adding(days: 1 - january4.weekday + (week - 1) * 7)
    }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool {
        (lhs.year, lhs.week) < (rhs.year, rhs.week)
    }
}

/// A wall-clock time of day ("09:30") on the program's calendar.
public struct LocalTime: Hashable, Comparable, TextCodable, Sendable {
    public let hour: Int
    public let minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    public init(_ text: String) throws(DomainError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, let hour = Int(parts[0]),
            let minute = Int(parts[1]), let time = LocalTime(hour: hour, minute: minute)
        else { throw .invalidTime(text) }
        self = time
    }

    public var description: String { String(format: "%02d:%02d", hour, minute) }

    public var minutesSinceMidnight: Int { hour * 60 + minute }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }
}

/// A value a file stores as the text a person would write ("2026-11-20", "09:30"), parsed with
/// the same rules as the command line, so a hand-edited file is held to what a user may type.
public protocol TextCodable: Codable, CustomStringConvertible {
    init(_ text: String) throws(DomainError)
}

extension TextCodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Self(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
