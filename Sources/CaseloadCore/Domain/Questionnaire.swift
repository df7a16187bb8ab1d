/// The standardized self-report measures a check-in records.
public enum Instrument: String, Codable, Sendable, CaseIterable {
    case phq9
    case gad7

    public var title: String {
        switch self {
        case .phq9: "PHQ-9"
        case .gad7: "GAD-7"
        }
    }

    public var itemCount: Int {
        switch self {
        case .phq9: 9
        case .gad7: 7
        }
    }

    public var maximumTotal: Int { itemCount * 3 }

    /// Each item as the published form words it, in order.
    public var itemTexts: [String] {
        switch self {
        case .phq9: [
            "Little interest or pleasure in doing things",
            "Feeling down, depressed, or hopeless",
            "Trouble falling or staying asleep, or sleeping too much",
            "Feeling tired or having little energy",
            "Poor appetite or overeating",
            "Feeling bad about yourself - or that you are a failure or have let yourself or your family down",
            "Trouble concentrating on things, such as reading the newspaper or watching television",
            "Moving or speaking so slowly that other people could have noticed, or the opposite - being so fidgety or restless that you have been moving around a lot more than usual",
            "Thoughts that you would be better off dead, or of hurting yourself in some way",
        ]
        case .gad7: [
            "Feeling nervous, anxious or on edge",
            "Not being able to stop or control worrying",
            "Worrying too much about different things",
            "Trouble relaxing",
            "Being so restless that it is hard to sit still",
            "Becoming easily annoyed or irritable",
            "Feeling afraid as if something awful might happen",
        ]
        }
    }

    /// What each item score means, 0 to 3, for both instruments ("over the last two weeks").
    public static let answerTexts = ["Not at all", "Several days", "More than half the days", "Nearly every day"]

    /// Published cut-offs: PHQ-9 (Kroenke 2001) 5/10/15/20; GAD-7 (Spitzer 2006) 5/10/15.
    public func severity(ofTotal total: Int) -> Severity {
        switch (self, total) {
        case (_, ..<5): .minimal
        case (_, 5..<10): .mild
        case (_, 10..<15): .moderate
        case (.phq9, 15..<20): .moderatelySevere
        case (.phq9, _): .severe
        case (.gad7, _): .severe
        }
    }
}

public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case minimal
    case mild
    case moderate
    case moderatelySevere = "moderately-severe"
    case severe

    public var title: String {
        switch self {
        case .minimal: "Minimal"
        case .mild: "Mild"
        case .moderate: "Moderate"
        case .moderatelySevere: "Moderately severe"
        case .severe: "Severe"
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One completed questionnaire: every item answered 0–3, validated when built and when read.
public struct QuestionnaireAnswers: Codable, Sendable, Equatable {
    public let instrument: Instrument
    public let items: [Int]

    public init(_ instrument: Instrument, items: [Int]) throws(DomainError) {
        guard items.count == instrument.itemCount else {
            throw .wrongItemCount(instrument: instrument, given: items.count)
        }
        for (index, value) in items.enumerated() where !(0...3).contains(value) {
            throw .itemOutOfRange(instrument: instrument, item: index + 1, value: value)
        }
        self.instrument = instrument
        self.items = items
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let instrument = try container.decode(Instrument.self, forKey: .instrument)
        let items = try container.decode([Int].self, forKey: .items)
        do {
            self = try QuestionnaireAnswers(instrument, items: items)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .items, in: container, debugDescription: error.description)
        }
    }

    public var total: Int { items.reduce(0, +) }
    public var severity: Severity { instrument.severity(ofTotal: total) }

    private enum CodingKeys: String, CodingKey {
        case instrument
        case items
    }
}
