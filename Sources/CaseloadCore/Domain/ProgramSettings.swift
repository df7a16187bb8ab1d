import Foundation

/// How the program runs: its calendar, the weekly hours each level of care requires, how often
/// check-ins are due, how soon notes must be signed, how often treatment plans are reviewed, and
/// the psychoeducation topics it teaches.
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
    /// Days from one plan review (or a plan's start) to the next; a change applies from each
    /// plan's next review, the due dates already set staying as they are.
    public var planReviewDays: Int
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
        self.planReviewDays = TreatmentPlan.defaultReviewDays
        self.topics = Self.defaultTopics
    }

    private enum CodingKeys: String, CodingKey {
        case revision, name, timeZoneIdentifier, requiredWeeklyHours, checkInCadenceDays, noteDueHours, planReviewDays
        case topics
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        revision = try container.decode(Revision.self, forKey: .revision)
        name = try container.decode(String.self, forKey: .name)
        timeZoneIdentifier = try container.decode(String.self, forKey: .timeZoneIdentifier)
        requiredWeeklyHours = try container.decode([LevelOfCareRequirement].self, forKey: .requiredWeeklyHours)
        checkInCadenceDays = try container.decode(Int.self, forKey: .checkInCadenceDays)
        noteDueHours = try container.decode(Int.self, forKey: .noteDueHours)
        // Settings saved before the interval was a setting reviewed every 30 days.
        planReviewDays = try container.decodeIfPresent(Int.self, forKey: .planReviewDays) ?? TreatmentPlan.defaultReviewDays
        topics = try container.decode([String].self, forKey: .topics)
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
