import Foundation

/// A progress check-in: standardized scores, craving, use since the last check-in, an optional
/// drug screen, and the safety flag a PHQ-9 item 9 answer raises.
public struct CheckIn: StoredRecord {
    /// 2: a safety flag closes with a structured risk assessment (and a high-risk one with a
    /// supervisor's review), and may be raised by hand. A version-1 file reads as it is: its flag
    /// keeps the free-text acknowledgement it was closed with, shown as written.
    public static let schemaVersion = 2

    public var id: CheckInID
    public var revision: Revision
    public var participant: ParticipantID
    public var date: LocalDate
    public var recordedBy: StaffID
    public var phq9: QuestionnaireAnswers?
    public var gad7: QuestionnaireAnswers?
    /// 0 (none) to 10 (strongest).
    public var craving: Int?
    public var substanceUse: SubstanceUse?
    public var drugScreen: DrugScreen?
    public var comment: String
    public var safetyFlag: SafetyFlag?

    /// Builds a check-in, validating every answer and raising a safety flag when PHQ-9 item 9
    /// (thoughts of self-harm) is answered 1 or more.
    public init(
        id: CheckInID, participant: ParticipantID, date: LocalDate, recordedBy: StaffID,
        phq9: [Int]?, gad7: [Int]?, craving: Int?, substanceUse: SubstanceUse?,
        drugScreen: DrugScreen? = nil, comment: String = "", revision: Revision
    ) throws(DomainError) {
        self.id = id
        self.revision = revision
        self.participant = participant
        self.date = date
        self.recordedBy = recordedBy
        self.phq9 = try phq9.map { items throws(DomainError) in
            try QuestionnaireAnswers(.phq9, items: items)
        }
        self.gad7 = try gad7.map { items throws(DomainError) in
            try QuestionnaireAnswers(.gad7, items: items)
        }
        if let craving, !(0...10).contains(craving) { throw .cravingOutOfRange(craving) }
        self.craving = craving
        self.substanceUse = substanceUse
        self.drugScreen = drugScreen
        self.comment = comment
        if let answer = self.phq9?.items[8], answer >= 1 {
            safetyFlag = SafetyFlag(raisedAt: revision.createdAt, itemNineAnswer: answer)
        }
    }

    public var hasOpenSafetyFlag: Bool { safetyFlag?.isOpen ?? false }

    /// The answers to `instrument`, when this check-in asked it.
    public func answers(_ instrument: Instrument) -> QuestionnaireAnswers? {
        switch instrument {
        case .phq9: phq9
        case .gad7: gad7
        }
    }

    /// Whether it holds a score, craving, use or screen: a flag raised by hand is filed as a
    /// check-in holding nothing else.
    public var hasMeasure: Bool {
        phq9 != nil || gad7 != nil || craving != nil || substanceUse != nil || drugScreen != nil
    }

    /// A flag a counselor raised by hand for a concern voiced in session, filed like the check-in
    /// an item 9 answer raises, so every open flag is a check-in id the roster index tracks.
    static func raisedByHand(
        id: CheckInID, participant: ParticipantID, date: LocalDate, concern: String, revision: Revision
    ) -> CheckIn {
        CheckIn(
            id: id, revision: revision, participant: participant, date: date,
            safetyFlag: SafetyFlag(raisedAt: revision.createdAt, raisedBy: revision.createdBy, concern: concern))
    }

    private init(id: CheckInID, revision: Revision, participant: ParticipantID, date: LocalDate, safetyFlag: SafetyFlag) {
        self.id = id
        self.revision = revision
        self.participant = participant
        self.date = date
        self.recordedBy = revision.createdBy
        self.comment = ""
        self.safetyFlag = safetyFlag
    }
}

public struct SubstanceUse: Codable, Sendable, Equatable {
    public var used: Bool
    /// What and how much, in the participant's words, when they used.
    public var details: String?

    public init(used: Bool, details: String? = nil) {
        self.used = used
        self.details = details
    }
}

public struct DrugScreen: Codable, Sendable, Equatable {
    public var result: DrugScreenResult
    /// Substances detected, when positive.
    public var substances: String?

    public init(result: DrugScreenResult, substances: String? = nil) {
        self.result = result
        self.substances = substances
    }
}

public enum DrugScreenResult: String, Codable, Sendable, CaseIterable {
    case negative
    case positive
    case dilute
    case refused

    public var title: String { rawValue.capitalized }
}
