import Foundation

extension ProgramSettings {
    /// Refuses settings the program could not run on. `settings set` checks a change by this
    /// before saving, and `caseload check` checks caseload.json by it, so a hand-edited file is
    /// held to the same rules.
    public func validate() throws(DomainError) {
        guard TimeZone(identifier: timeZoneIdentifier) != nil else { throw .unknownTimeZone(timeZoneIdentifier) }
        guard checkInCadenceDays >= 1 else { throw .checkInCadenceTooShort(checkInCadenceDays) }
        guard noteDueHours >= 1 else { throw .noteDueWindowTooShort(noteDueHours) }
        if let negative = requiredWeeklyHours.first(where: { $0.hours < 0 }) {
            throw .negativeHours(negative.level, negative.hours)
        }
        var seen: Set<String> = []
        for topic in topics {
            guard !topic.trimmed.isEmpty else { throw .emptyField("A topic name") }
            guard seen.insert(topic.trimmed.lowercased()).inserted else { throw .duplicateTopic(topic.trimmed) }
        }
    }

    /// Sets the weekly hours `level` requires, adding the level when the program had none for it.
    mutating func setRequiredHours(_ hours: Double, for level: LevelOfCare) {
        if let index = requiredWeeklyHours.firstIndex(where: { $0.level == level }) {
            requiredWeeklyHours[index].hours = hours
        } else {
            requiredWeeklyHours.append(LevelOfCareRequirement(level: level, hours: hours))
            requiredWeeklyHours.sort { $0.level < $1.level }
        }
    }
}
