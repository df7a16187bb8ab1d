/// How a score moved from its baseline, the first check-in after admission that answered it, to the latest one.
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

    /// The change from the first check-in on or after admission that answered `instrument` to
    /// the latest one; nil until there are two.
    public static func sinceAdmission(_ instrument: Instrument, in checkIns: [CheckIn], admission: LocalDate)
        -> ScoreChange?
    {
        ScoreBaseline.sinceAdmission(instrument, in: checkIns, admission: admission)?.change(instrument)
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
