/// A risk assessment as the clinician gave it, before any rule has looked at it.
public struct RiskAssessmentRequest: Sendable, Equatable {
    public var participant: ParticipantID
    public var checkIn: CheckInID
    /// Each question answered yes (true) or no (false); every one must be answered.
    public var answers: [RiskQuestion: Bool]
    public var protectiveFactors: String
    public var riskLevel: RiskLevel?
    public var actions: Set<RiskAction>
    /// Another action, in the clinician's words.
    public var otherAction: String?
    public var followUp: LocalDate?

    public init(
        participant: ParticipantID, checkIn: CheckInID, answers: [RiskQuestion: Bool], protectiveFactors: String,
        riskLevel: RiskLevel?, actions: Set<RiskAction>, otherAction: String? = nil, followUp: LocalDate?
    ) {
        self.participant = participant
        self.checkIn = checkIn
        self.answers = answers
        self.protectiveFactors = protectiveFactors
        self.riskLevel = riskLevel
        self.actions = actions
        self.otherAction = otherAction
        self.followUp = followUp
    }
}

extension Caseload {
    /// A safety flag's follow-up comes within two weeks; anything later is not a follow-up.
    public static let followUpWithinDays = 14

    /// Closes an open safety flag with a structured risk assessment; a high-risk one leaves the
    /// flag awaiting a supervisor's review.
    public func assessSafetyFlag(_ request: RiskAssessmentRequest, by actor: StaffID) throws(CaseloadError) -> Outcome<CheckIn> {
        try writing { lock throws(CaseloadError) in
            let staff = try permitted(.acknowledgeFlag, actor)
            var record = try flaggedCheckIn(request.checkIn, of: request.participant)
            let today = try today()
            let time = clock.now()
            try rule { () throws(DomainError) in
                if record.safetyFlag?.isAwaitingReview == true { throw .flagAwaitingReview(record.id) }
                let answers = try RiskAnswers(request.answers)
                let protective = try requiredText(request.protectiveFactors, "The protective factors", .multiLine)
                try checkNoteTextLength(protective, "The protective factors")
                guard let level = request.riskLevel else { throw .riskLevelNeeded }
                let floor = RiskLevel.floor(for: answers)
                guard level >= floor.level else {
                    throw .riskLevelBelowAnswers(level, needed: floor.level, because: floor.because)
                }
                let other = try request.otherAction.map { text throws(DomainError) in
                    try requiredText(text, "The other action taken", .multiLine)
                }
                if let other { try checkNoteTextLength(other, "The other action taken") }
                guard !request.actions.isEmpty || other != nil else { throw .riskActionNeeded }
                guard let followUp = request.followUp else { throw .followUpDateNeeded }
                guard followUp >= today else { throw .followUpBeforeToday(followUp, today: today) }
                guard followUp <= today.adding(days: Self.followUpWithinDays) else {
                    throw .followUpTooFar(followUp, today: today, withinDays: Self.followUpWithinDays)
                }
                try record.assessSafetyFlag(
                    RiskAssessment(
                        by: staff.id, at: time, answers: answers, protectiveFactors: protective, riskLevel: level,
                        actions: RiskAction.allCases.filter(request.actions.contains), otherAction: other,
                        followUp: followUp))
            }
            return try saved(holding: lock, record, .flagAcknowledge, by: staff)
        }
    }

    /// A supervisor's review of a high-risk assessment, which closes the flag.
    public func reviewRiskAssessment(
        of checkIn: CheckInID, participant: ParticipantID, note: String? = nil, by actor: StaffID
    ) throws(CaseloadError) -> Outcome<CheckIn> {
        try writing { lock throws(CaseloadError) in
            // Any supervisor, the assessor included: a program with one supervisor must still be
            // able to close a flag that supervisor assessed after, say, an emergency evaluation.
            let staff = try permitted(.reviewRiskAssessment, actor)
            var record = try flaggedCheckIn(checkIn, of: participant)
            let time = clock.now()
            try rule { () throws(DomainError) in
                let written = try note.map { text throws(DomainError) in
                    try requiredText(text, "The review note", .multiLine)
                }
                if let written { try checkNoteTextLength(written, "The review note") }
                // With one supervisor a program must still close the flag, but not silently.
                if record.safetyFlag?.assessment?.by == staff.id, written == nil { throw .ownAssessmentReviewNeedsNote }
                try record.reviewRiskAssessment(SupervisorReview(by: staff.id, at: time, note: written))
            }
            return try saved(holding: lock, record, .flagReview, by: staff)
        }
    }

    /// Raises a safety flag by hand for a concern voiced in session, dated on a day of a stay.
    public func raiseSafetyFlag(
        for participantID: ParticipantID, on date: LocalDate, concern: String, by actor: StaffID
    ) throws(CaseloadError) -> Outcome<CheckIn> {
        try writing { lock throws(CaseloadError) in
            let staff = try permitted(.raiseFlag, actor)
            let participant = try loadParticipant(participantID)
            let today = try today()
            let text = try rule { () throws(DomainError) in
                try participant.checkDuringStay(date, .safetyFlag, today: today)
                let text = try requiredText(concern, "The concern", .multiLine)
                try checkNoteTextLength(text, "The concern")
                return text
            }
            let flag = CheckIn.raisedByHand(
                id: RecordIDs.checkIn(on: date), participant: participant.id, date: date, concern: text,
                revision: Revision(createdAt: clock.now(), createdBy: staff.id))
            let afterDischarge: [Warning] = participant.status == .discharged ? [.flagRaisedAfterDischarge(participant.id)] : []
            return try added(holding: lock, flag, .flagRaise, by: staff, warnings: afterDischarge)
        }
    }

    /// The check-in holding the flag, after checking the ids.
    private func flaggedCheckIn(_ checkIn: CheckInID, of participant: ParticipantID) throws(CaseloadError) -> CheckIn {
        try rule { () throws(DomainError) in try refuseControls(checkIn.rawValue, "The check-in id") }
        _ = try loadParticipant(participant)
        return try stored { () throws(StoreError) in try store.checkIn(checkIn, of: participant) }
    }
}
