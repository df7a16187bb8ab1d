/// One measure's baseline, its first score on or after admission, and its latest score.
///
/// PHQ-9 and GAD-7 each have their own: a check-in that answered only one of them is no
/// baseline for the other, and a screening before admission is no baseline at all.
public struct ScoreBaseline: Codable, Sendable, Equatable {
    public var baseline: Score
    public var latest: Score

    /// One check-in's total on the measure.
    public struct Score: Codable, Sendable, Equatable {
        public var checkIn: CheckInID
        public var date: LocalDate
        public var total: Int

        public init(checkIn: CheckInID, date: LocalDate, total: Int) {
            self.checkIn = checkIn
            self.date = date
            self.total = total
        }
    }

    public init(baseline: Score, latest: Score) {
        self.baseline = baseline
        self.latest = latest
    }

    /// Over check-ins in any order; nil when none on or after admission answered `instrument`.
    public static func sinceAdmission(_ instrument: Instrument, in checkIns: [CheckIn], admission: LocalDate)
        -> ScoreBaseline?
    {
        checkIns.reduce(ScoreBaseline?.none) { $0.including($1, instrument, admission: admission) }
    }

    /// The change from baseline to latest, once there are two scores to compare.
    public func change(_ instrument: Instrument) -> ScoreChange? {
        baseline.checkIn == latest.checkIn
            ? nil : ScoreChange(instrument: instrument, baseline: baseline.total, latest: latest.total)
    }
}

extension Optional where Wrapped == ScoreBaseline {
    /// These ends with one more check-in taken in (or the same one again, after an edit).
    /// Check-ins are ordered by date, then id, so the result does not depend on the order they come in.
    func including(_ checkIn: CheckIn, _ instrument: Instrument, admission: LocalDate) -> ScoreBaseline? {
        guard checkIn.date >= admission, let total = checkIn.answers(instrument)?.total else { return self }
        let score = ScoreBaseline.Score(checkIn: checkIn.id, date: checkIn.date, total: total)
        guard var ends = self else { return ScoreBaseline(baseline: score, latest: score) }
        let key = (checkIn.date, checkIn.id)
        if key <= (ends.baseline.date, ends.baseline.checkIn) { ends.baseline = score }
        if key >= (ends.latest.date, ends.latest.checkIn) { ends.latest = score }
        return ends
    }
}
