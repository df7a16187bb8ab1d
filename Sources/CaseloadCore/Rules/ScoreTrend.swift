/// How a score moved from the first check-in after admission to the latest one.
public struct ScoreChange: Sendable, Equatable {
    public let instrument: Instrument
    public let baseline: Int
    public let latest: Int

    public init(instrument: Instrument, baseline: Int, latest: Int) {
        self.instrument = instrument
        self.baseline = baseline
        self.latest = latest
    }

    /// Positive when symptoms got worse (higher scores are worse on both measures).
    public var change: Int { latest - baseline }

    /// A change of at least the measure's minimal clinically important difference counts:
    /// 5 points on the PHQ-9 (Löwe 2004), 4 on the GAD-7 (Toussaint 2020).
    public var trend: Trend {
        let threshold = instrument == .phq9 ? 5 : 4
        if change >= threshold { return .worsening }
        if change <= -threshold { return .improving }
        return .steady
    }

    /// The change between the earliest and latest check-in that answered `instrument`.
    public static func sinceAdmission(_ instrument: Instrument, in checkIns: [CheckIn]) -> ScoreChange? {
        let scored = checkIns
            .compactMap { checkIn in answers(instrument, of: checkIn).map { (checkIn.date, $0.total) } }
            .sorted { $0.0 < $1.0 }
        guard let first = scored.first, let last = scored.last, scored.count >= 2 else { return nil }
        return ScoreChange(instrument: instrument, baseline: first.1, latest: last.1)
    }

    private static func answers(_ instrument: Instrument, of checkIn: CheckIn) -> QuestionnaireAnswers? {
        instrument == .phq9 ? checkIn.phq9 : checkIn.gad7
    }
}

public enum Trend: String, Sendable, Equatable {
    case improving
    case steady
    case worsening

    public var title: String {
        switch self {
        case .improving: "Improving"
        case .steady: "Steady"
        case .worsening: "Worsening"
        }
    }
}
