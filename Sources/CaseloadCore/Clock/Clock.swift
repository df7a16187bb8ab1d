import Foundation

/// The one source of "now" for the whole program. Rules never read the system clock: they are
/// handed a clock, so tests can say what moment it is and a demo can be replayed at any date.
public struct Clock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
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
        return .fixed(instant)
    }

    /// An ISO 8601 instant with its offset: "2027-01-04T09:30:00-06:00" or "2027-01-04T15:30:00Z".
    static func parseInstant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let instant = formatter.date(from: text) { return instant }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
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
