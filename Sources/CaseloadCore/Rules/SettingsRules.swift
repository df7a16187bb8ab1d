import Foundation

extension ProgramSettings {
    /// Refuses settings the program could not run on. `settings set` checks a change by this
    /// before saving, and `caseload check` checks caseload.json by it, so a hand-edited file is
    /// held to the same rules.
    public func validate() throws(DomainError) {
        try refuseControls(name, "The program's name")
        guard name.hasVisibleText else { throw .emptyField("The program's name") }
        guard TimeZone(identifier: timeZoneIdentifier) != nil else { throw .unknownTimeZone(timeZoneIdentifier) }
        guard (1...365).contains(checkInCadenceDays) else { throw .checkInCadenceOutOfRange(checkInCadenceDays) }
        guard (1...720).contains(noteDueHours) else { throw .noteDueWindowOutOfRange(noteDueHours) }
        guard (1...365).contains(planReviewDays) else { throw .planReviewIntervalOutOfRange(planReviewDays) }
        if let wrong = requiredWeeklyHours.first(where: { !(0...168).contains($0.hours) }) {
            throw .weeklyHoursOutOfRange(wrong.level, wrong.hours)
        }
        guard !topics.isEmpty else { throw .programNeedsATopic }
        var seen: Set<String> = []
        for topic in topics {
            try refuseControls(topic, "A topic name")
            guard topic.hasVisibleText else { throw .emptyField("A topic name") }
            guard topic.count <= Self.topicLengthLimit else { throw .topicTooLong(limit: Self.topicLengthLimit) }
            guard seen.insert(Self.topicKey(topic)).inserted else { throw .duplicateTopic(topic.trimmed) }
        }
    }

    /// Long enough for "Medication-assisted treatment and overdose prevention", short enough for a column.
    static let topicLengthLimit = 80

    /// A topic as catalog lookups compare it: by its letters and digits, so "Self care",
    /// "Self-care" and "self  care" are one topic.
    public static func topicKey(_ topic: String) -> String { topic.foldedLetters }

    /// The catalog's spelling of `topic`, matched ignoring case and runs of spaces.
    public func catalogTopic(_ topic: String) -> String? {
        let key = Self.topicKey(topic)
        return topics.first { Self.topicKey($0) == key }
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
