/// A stay as the hours and level-of-care rules read it: admission, discharge if any, and every
/// level of care from its effective date. Both a participant's record and the roster index
/// provide one, so every screen asks the same questions of the same data.
public struct CareTimeline: Codable, Sendable, Equatable {
    public var admission: LocalDate
    public var discharge: LocalDate?
    /// Oldest first; the first is the level at admission.
    public var levels: [Step]

    public struct Step: Codable, Sendable, Equatable {
        public var level: LevelOfCare
        public var effective: LocalDate

        public init(level: LevelOfCare, effective: LocalDate) {
            self.level = level
            self.effective = effective
        }
    }

    public init(admission: LocalDate, discharge: LocalDate?, levels: [Step]) {
        self.admission = admission
        self.discharge = discharge
        self.levels = levels
    }

    /// The level in force on `date`. A transition recorded ahead of time takes effect on its own
    /// date, not when it was written; before admission the admission level applies.
    public func levelOfCare(on date: LocalDate) -> LevelOfCare {
        levels.last { $0.effective <= date }?.level ?? levels[0].level
    }

    /// Program days run Monday to Friday, from admission through the day of discharge.
    public func isProgramDayInCare(_ date: LocalDate) -> Bool {
        date.weekday <= 5 && date >= admission && discharge.map { date <= $0 } ?? true
    }

    /// The levels in force on the week's program days in care, in order, each once; the level on
    /// Monday when the participant was in care on none of them.
    public func levelsOfCare(in week: ISOWeek) -> [LevelOfCare] {
        let days = (0..<5).map { week.monday.adding(days: $0) }.filter(isProgramDayInCare)
        guard !days.isEmpty else { return [levelOfCare(on: week.monday)] }
        return days.map(levelOfCare(on:)).reduce(into: []) { levels, level in
            if levels.last != level { levels.append(level) }
        }
    }
}
