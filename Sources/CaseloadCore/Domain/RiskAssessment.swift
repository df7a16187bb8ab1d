import Foundation

/// The structured suicide-risk assessment that closes a safety flag: six yes/no questions about
/// ideation and behavior, protective factors, the clinician's risk level, what was done, and when
/// the participant is seen again.
public struct RiskAssessment: Codable, Sendable, Equatable {
    public var by: StaffID
    public var at: Date
    public var answers: RiskAnswers
    public var protectiveFactors: String
    public var riskLevel: RiskLevel
    /// In `RiskAction.allCases` order.
    public var actions: [RiskAction]
    /// Anything else done, in the clinician's words.
    public var otherAction: String?
    public var followUp: LocalDate

    /// "Safety plan made or reviewed; crisis line given; other: called the sister".
    public var actionsTaken: String {
        (actions.map(\.title) + (otherAction.map { ["Other: \($0)"] } ?? [])).joined(separator: "; ")
    }

    /// The questions answered yes, by their short labels.
    public var yesAnswers: [String] { RiskQuestion.allCases.filter { answers[$0] }.map(\.label) }
}

/// Each question of the assessment, asked about the participant.
public enum RiskQuestion: String, CaseIterable, Sendable, Codable {
    case thoughtsOfDeath = "death"
    case thoughtsOfSelfHarm = "self-harm"
    case method
    case intent
    case plan
    case recentBehavior = "behavior"

    /// The question as the clinician asks it.
    public var question: String {
        switch self {
        case .thoughtsOfDeath: "In the past month, have they wished they were dead or could go to sleep and not wake up?"
        case .thoughtsOfSelfHarm: "In the past month, have they had thoughts of killing or hurting themselves?"
        case .method: "Have they thought about how they would do it?"
        case .intent: "Have they had any intention of acting on these thoughts?"
        case .plan: "Have they worked out, or begun to work out, the details of how to do it?"
        case .recentBehavior:
            "In the last three months, have they done, begun or prepared anything to end their life?"
        }
    }

    /// Its short name in lists: "Thoughts of death".
    public var label: String {
        switch self {
        case .thoughtsOfDeath: "Thoughts of death"
        case .thoughtsOfSelfHarm: "Thoughts of self-harm"
        case .method: "Method"
        case .intent: "Intent"
        case .plan: "Plan"
        case .recentBehavior: "Suicidal behavior in the last three months"
        }
    }
}

/// The answers, one field each so a file shows every no as plainly as every yes.
public struct RiskAnswers: Codable, Sendable, Equatable {
    public var thoughtsOfDeath: Bool
    public var thoughtsOfSelfHarm: Bool
    public var method: Bool
    public var intent: Bool
    public var plan: Bool
    public var recentBehavior: Bool

    /// Refuses answers that leave a question out, naming those left out.
    public init(_ given: [RiskQuestion: Bool]) throws(DomainError) {
        let missing = RiskQuestion.allCases.filter { given[$0] == nil }
        guard missing.isEmpty else { throw .riskQuestionsUnanswered(missing) }
        thoughtsOfDeath = given[.thoughtsOfDeath]!
        thoughtsOfSelfHarm = given[.thoughtsOfSelfHarm]!
        method = given[.method]!
        intent = given[.intent]!
        plan = given[.plan]!
        recentBehavior = given[.recentBehavior]!
    }

    public subscript(question: RiskQuestion) -> Bool {
        switch question {
        case .thoughtsOfDeath: thoughtsOfDeath
        case .thoughtsOfSelfHarm: thoughtsOfSelfHarm
        case .method: method
        case .intent: intent
        case .plan: plan
        case .recentBehavior: recentBehavior
        }
    }
}

public enum RiskLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case low, moderate, high

    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The lowest level the answers allow, and the yes answers that call for it. Intent, a plan
    /// or suicidal behavior in the last three months is high risk by any screening standard; a
    /// method thought through, moderate at least. The clinician may always judge higher.
    public static func floor(for answers: RiskAnswers) -> (level: RiskLevel, because: [RiskQuestion]) {
        let high = [RiskQuestion.intent, .plan, .recentBehavior].filter { answers[$0] }
        if !high.isEmpty { return (.high, high) }
        return answers[.method] ? (.moderate, [.method]) : (.low, [])
    }
}

/// What was done about the flag; anything else goes in `RiskAssessment.otherAction`.
public enum RiskAction: String, Codable, Sendable, CaseIterable {
    case safetyPlan = "safety-plan"
    case crisisLine = "crisis-line"
    case supervisorConsulted = "supervisor-consulted"
    case emergencyEvaluation = "emergency-evaluation"

    public var title: String {
        switch self {
        case .safetyPlan: "Safety plan made or reviewed"
        case .crisisLine: "Crisis line given"
        case .supervisorConsulted: "Supervisor consulted"
        case .emergencyEvaluation: "Emergency evaluation"
        }
    }
}
