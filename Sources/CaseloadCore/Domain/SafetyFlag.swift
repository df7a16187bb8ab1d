import Foundation

/// Raised by a PHQ-9 item 9 answer of 1 or more, or by hand for a concern voiced in session. It
/// closes only with a structured risk assessment; a high-risk one then waits for a supervisor's
/// review. A later check-in never closes it: item 9 answered 0 next week says nothing about
/// whether anyone assessed this one.
public struct SafetyFlag: Codable, Sendable, Equatable {
    public var raisedAt: Date
    /// The item 9 answer that raised it; nil for a flag raised by hand.
    public var itemNineAnswer: Int?
    /// Who raised it by hand, and the concern they heard; nil for one item 9 raised.
    public var raisedBy: StaffID?
    public var concern: String?
    /// How a flag was closed before risk assessments (check-in files of schema 1): kept as written.
    public var acknowledgement: Acknowledgement?
    public var assessment: RiskAssessment?
    public var review: SupervisorReview?

    init(raisedAt: Date, itemNineAnswer: Int) {
        self.raisedAt = raisedAt
        self.itemNineAnswer = itemNineAnswer
    }

    init(raisedAt: Date, raisedBy: StaffID, concern: String) {
        self.raisedAt = raisedAt
        self.raisedBy = raisedBy
        self.concern = concern
    }

    public enum Status: String, Sendable, Equatable {
        case open = "open"
        case awaitingReview = "awaiting supervisor review"
        case closed = "closed"
    }

    public var status: Status {
        if acknowledgement != nil { return .closed }
        guard let assessment else { return .open }
        return assessment.riskLevel == .high && review == nil ? .awaitingReview : .closed
    }

    /// Still needs someone: not yet assessed, or high risk and not yet reviewed. It keeps the
    /// participant on the dashboard and holds up a discharge without a supervisor's override.
    public var isOpen: Bool { status != .closed }

    /// Assessed as high risk and not yet reviewed by a supervisor: the one test for `checkin
    /// review`, the pinned rows of the roster and dashboard, and everything else that asks.
    public var isAwaitingReview: Bool { status == .awaitingReview }

    /// "PHQ-9 item 9 answered 2", or "raised by hand by mgarcia".
    public var origin: String {
        if let itemNineAnswer { return "PHQ-9 item 9 answered \(itemNineAnswer)" }
        return "raised by hand by \(raisedBy?.rawValue ?? "staff")"
    }

    public struct Acknowledgement: Codable, Sendable, Equatable {
        public var by: StaffID
        public var at: Date
        public var action: String
    }
}

/// A supervisor's review of a high-risk assessment.
public struct SupervisorReview: Codable, Sendable, Equatable {
    public var by: StaffID
    public var at: Date
    /// What the supervisor added, if anything.
    public var note: String?
}

extension CheckIn {
    /// Closes the open flag with `assessment`, or, when the risk is high, leaves it waiting for a
    /// supervisor's review.
    mutating func assessSafetyFlag(_ assessment: RiskAssessment) throws(DomainError) {
        guard var flag = safetyFlag, flag.status == .open else { throw .safetyFlagNotOpen(id) }
        flag.assessment = assessment
        safetyFlag = flag
    }

    /// Closes a flag whose high-risk assessment waits for a supervisor.
    mutating func reviewRiskAssessment(_ review: SupervisorReview) throws(DomainError) {
        guard var flag = safetyFlag, flag.isAwaitingReview else { throw .noAssessmentAwaitingReview(id) }
        flag.review = review
        safetyFlag = flag
    }
}

extension SafetyFlag {
    /// When it closed: the assessment (low or moderate), the supervisor's review (high), or the
    /// acknowledgement of a schema-1 file; nil while it is open.
    public var closedAt: Date? {
        guard status == .closed else { return nil }
        return acknowledgement?.at ?? review?.at ?? assessment?.at
    }
}
