import Foundation

/// A change to the program's settings; nil fields and empty lists leave things as they are.
public struct SettingsChange: Sendable, Equatable {
    public var name: String?
    public var timeZoneIdentifier: String?
    public var requiredHours: [LevelOfCare: Double]
    public var checkInCadenceDays: Int?
    public var noteDueHours: Int?
    public var planReviewDays: Int?
    public var addTopics: [String]
    public var removeTopics: [String]

    public init(
        name: String? = nil, timeZoneIdentifier: String? = nil, requiredHours: [LevelOfCare: Double] = [:], checkInCadenceDays: Int? = nil,
        noteDueHours: Int? = nil, planReviewDays: Int? = nil, addTopics: [String] = [], removeTopics: [String] = []
    ) {
        self.name = name
        self.timeZoneIdentifier = timeZoneIdentifier
        self.requiredHours = requiredHours
        self.checkInCadenceDays = checkInCadenceDays
        self.noteDueHours = noteDueHours
        self.planReviewDays = planReviewDays
        self.addTopics = addTopics
        self.removeTopics = removeTopics
    }

    var isEmpty: Bool { self == SettingsChange() }
}

extension Caseload {
    /// Changes how the program runs. Only an administrator may, and the result must pass the
    /// same validation `caseload check` applies to caseload.json. Changing the time zone moves
    /// no record: dates stay as written and times are shown in the new zone, which is said.
    public func changeSettings(_ change: SettingsChange, by actor: StaffID) throws(CaseloadError) -> Outcome<ProgramSettings> {
        try writing { lock throws(CaseloadError) in
            let staff = try permitted(.changeSettings, actor)
            var settings = try program()
            let before = settings
            try rule { () throws(DomainError) in
                guard !change.isEmpty else { throw .nothingToChange }
                if let name = change.name { settings.name = name.trimmed }
                if let zone = change.timeZoneIdentifier { settings.timeZoneIdentifier = zone.trimmed }
                for (level, hours) in change.requiredHours { settings.setRequiredHours(hours, for: level) }
                if let days = change.checkInCadenceDays { settings.checkInCadenceDays = days }
                if let hours = change.noteDueHours { settings.noteDueHours = hours }
                if let days = change.planReviewDays { settings.planReviewDays = days }
                for topic in change.removeTopics {
                    let key = ProgramSettings.topicKey(topic)
                    guard let index = settings.topics.firstIndex(where: { ProgramSettings.topicKey($0) == key }) else {
                        throw .unknownTopic(known: settings.topics)
                    }
                    settings.topics.remove(at: index)
                }
                settings.topics += change.addTopics.map(\.trimmed)
                try settings.validate()
            }
            let zoneChanged: [Warning] = settings.timeZoneIdentifier == before.timeZoneIdentifier
                ? [] : [.timeZoneChanged(settings.timeZoneIdentifier)]
            return try saved(holding: lock, settings, .programEdit, by: staff, warnings: zoneChanged)
        }
    }
}

extension Caseload {
    /// Creates an empty caseload whose settings pass the same validation as every later change;
    /// returns false, changing nothing, when the folder already holds one.
    public static func create(
        at url: URL, programName: String, timeZone: String, by creator: StaffID, clock: Clock
    ) throws(CaseloadError) -> Bool {
        let settings = ProgramSettings(
            name: programName.trimmed, timeZoneIdentifier: timeZone.trimmed,
            revision: Revision(createdAt: clock.now(), createdBy: creator))
        do { try settings.validate() } catch { throw .refused(error) }
        do {
            return try CaseloadStore.create(
                at: url, programName: settings.name, timeZone: settings.timeZoneIdentifier, by: creator, clock: clock)
        } catch {
            throw .store(error)
        }
    }
}
