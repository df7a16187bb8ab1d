/// A stable, human-readable record id ("P-0007", "mgarcia"), typed by what it names so a
/// participant id can never be passed where a session id is meant. Encodes as a plain string.
public struct RecordID<Kind>: Hashable, Comparable, Codable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

public typealias StaffID = RecordID<Staff>
public typealias ParticipantID = RecordID<Participant>
public typealias SessionID = RecordID<Session>
public typealias CheckInID = RecordID<CheckIn>
