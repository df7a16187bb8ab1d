import Foundation

/// The one source of "now" for the whole program. Rules never read the system clock: they are
/// handed a clock, so tests can say what moment it is and a demo can be replayed at any date.
public struct Clock: Sendable {
    private let read: @Sendable () -> Date
    private let pinned: Bool

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
        self.pinned = false
    }

    private init(pinnedAt instant: Date) {
        self.read = { instant }
        self.pinned = true
    }

    /// The current instant, to the whole second (record files store whole seconds).
    public func now() -> Date {
        Date(timeIntervalSince1970: read().timeIntervalSince1970.rounded(.down))
    }

    /// Today on the calendar of `timeZone`.
    public func today(in timeZone: TimeZone) -> LocalDate {
        LocalDate(now(), in: timeZone)
    }

    /// The computer's clock.
    public static let system = Clock { Date() }

    /// A clock stopped at `instant`.
    public static func fixed(_ instant: Date) -> Clock {
        Clock { instant }
    }

    /// The environment variable that pins the clock for demos, support and tests.
    public static let environmentVariable = "CASELOAD_NOW"

    /// The clock `environment` asks for: stopped at `CASELOAD_NOW` when it is set, else the system clock.
    public static func from(environment: [String: String]) throws(ClockError) -> Clock {
        guard let text = environment[environmentVariable], !text.isEmpty else { return .system }
        guard let instant = parseInstant(text) else { throw .invalidPinnedTime(text) }
        return Clock(pinnedAt: instant)
    }

    /// An ISO 8601 instant with its offset: "2027-01-04T09:30:00-06:00" or "2027-01-04T15:30:00Z".
    /// Strict: a day the month does not have or an offset beyond ±14:00 is refused, not rolled over.
    static func parseInstant(_ text: String) -> Date? {
        let pattern = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(Z|([+-])(\d{2}):(\d{2}))$/
        guard let match = text.wholeMatch(of: pattern), let day = try? LocalDate(String(match.1)),
            let hour = Int(match.2), let minute = Int(match.3), let second = Int(match.4),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var offset = 0
        if let sign = match.6, let hours = match.7.flatMap({ Int($0) }), let minutes = match.8.flatMap({ Int($0) }) {
            guard hours <= 14, minutes < 60, hours * 60 + minutes <= 14 * 60 else { return nil }
            offset = (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
        }
        let local = Double(day.dayNumber) * 86_400 + Double(hour * 3600 + minute * 60 + second)
        return Date(timeIntervalSince1970: local - Double(offset))
    }

    /// Whether the clock is stopped at a moment `CASELOAD_NOW` chose.
    public var isPinned: Bool { pinned }
}

/// Why the pinned clock could not be read.
public enum ClockError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidPinnedTime(String)

    public var description: String {
        switch self {
        case .invalidPinnedTime:
            "\(Clock.environmentVariable) is not an ISO 8601 time with an offset; write it as "
                + "2027-01-04T09:30:00-06:00, or unset it to use the computer's clock."
        }
    }
}
