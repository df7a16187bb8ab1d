/// A change to the program's settings; nil fields and empty lists leave things as they are.
public struct SettingsChange: Sendable, Equatable {
    public var timeZoneIdentifier: String?
    public var requiredHours: [LevelOfCare: Double]
    public var checkInCadenceDays: Int?
    public var noteDueHours: Int?
    public var addTopics: [String]
    public var removeTopics: [String]

    public init(
        timeZoneIdentifier: String? = nil, requiredHours: [LevelOfCare: Double] = [:], checkInCadenceDays: Int? = nil,
        noteDueHours: Int? = nil, addTopics: [String] = [], removeTopics: [String] = []
    ) {
        self.timeZoneIdentifier = timeZoneIdentifier
        self.requiredHours = requiredHours
        self.checkInCadenceDays = checkInCadenceDays
        self.noteDueHours = noteDueHours
        self.addTopics = addTopics
        self.removeTopics = removeTopics
    }
}

extension Caseload {
    /// Changes how the program runs. Only an administrator may, and the result must pass the
    /// same validation `caseload check` applies to caseload.json.
    public func changeSettings(_ change: SettingsChange, by actor: StaffID) throws(CaseloadError) -> Outcome<ProgramSettings> {
        try writing { lock throws(CaseloadError) in
            let staff = try actingStaff(actor)
            try rule { () throws(DomainError) in try Permissions.check(.changeSettings, by: staff) }
            var settings = try program()
            try rule { () throws(DomainError) in
                if let zone = change.timeZoneIdentifier { settings.timeZoneIdentifier = zone.trimmed }
                for (level, hours) in change.requiredHours { settings.setRequiredHours(hours, for: level) }
                if let days = change.checkInCadenceDays { settings.checkInCadenceDays = days }
                if let hours = change.noteDueHours { settings.noteDueHours = hours }
                for topic in change.removeTopics {
                    guard let index = settings.topics.firstIndex(where: { $0.lowercased() == topic.trimmed.lowercased() }) else {
                        throw .unknownTopic(topic.trimmed, known: settings.topics)
                    }
                    settings.topics.remove(at: index)
                }
                settings.topics += change.addTopics.map(\.trimmed)
                try settings.validate()
            }
            return try saved(holding: lock, settings, .programEdit, by: staff)
        }
    }
}
