import Foundation

/// How the program runs: its calendar, the weekly hours each level of care requires, how often
/// check-ins are due, how soon notes must be signed, and the psychoeducation topics it teaches.
public struct ProgramSettings: StoredRecord {
    public static let schemaVersion = 1
    public static let recordID: RecordID<ProgramSettings> = "program"

    public var id: RecordID<ProgramSettings> { Self.recordID }
    public var revision: Revision
    public var name: String
    /// An IANA zone such as "America/Chicago"; "today" and note deadlines follow it.
    public var timeZoneIdentifier: String
    public var requiredWeeklyHours: [LevelOfCareRequirement]
    public var checkInCadenceDays: Int
    public var noteDueHours: Int
    public var topics: [String]

    public init(name: String, timeZoneIdentifier: String, revision: Revision) {
        self.name = name
        self.timeZoneIdentifier = timeZoneIdentifier
        self.revision = revision
        self.requiredWeeklyHours = [
            LevelOfCareRequirement(level: .php, hours: 20),
            LevelOfCareRequirement(level: .iop, hours: 9),
            LevelOfCareRequirement(level: .op, hours: 1),
            LevelOfCareRequirement(level: .aftercare, hours: 0),
        ]
        self.checkInCadenceDays = 7
        self.noteDueHours = 24
        self.topics = Self.defaultTopics
    }

    public static let defaultTopics = [
        "Relapse prevention", "Coping skills", "Stress management", "Communication",
        "Healthy lifestyle", "Medication education", "Emotion regulation", "Mindfulness",
        "Family roles", "Grief and loss",
    ]

    public var timeZone: TimeZone { TimeZone(identifier: timeZoneIdentifier) ?? .current }

    /// Weekly service hours the level of care requires (0 when the program set none).
    public func requiredHours(for level: LevelOfCare) -> Double {
        requiredWeeklyHours.first { $0.level == level }?.hours ?? 0
    }
}

public struct LevelOfCareRequirement: Codable, Sendable, Equatable {
    public var level: LevelOfCare
    public var hours: Double

    public init(level: LevelOfCare, hours: Double) {
        self.level = level
        self.hours = hours
    }
}
