/// A check-in as the user gave it, before any rule has looked at it.
public struct CheckInRequest: Sendable, Equatable {
    public var participant: ParticipantID
    public var date: LocalDate
    public var phq9: [Int]?
    public var gad7: [Int]?
    public var craving: Int?
    public var substanceUse: SubstanceUse?
    public var drugScreen: DrugScreen?
    public var comment: String

    public init(
        participant: ParticipantID, date: LocalDate, phq9: [Int]? = nil, gad7: [Int]? = nil, craving: Int? = nil,
        substanceUse: SubstanceUse? = nil, drugScreen: DrugScreen? = nil, comment: String = ""
    ) {
        self.participant = participant
        self.date = date
        self.phq9 = phq9
        self.gad7 = gad7
        self.craving = craving
        self.substanceUse = substanceUse
        self.drugScreen = drugScreen
        self.comment = comment
    }
}

extension Caseload {
    /// Records a check-in dated on a day of one of the participant's stays; a PHQ-9 item 9
    /// answer of 1 or more raises a safety flag.
    public func recordCheckIn(_ request: CheckInRequest, by actor: StaffID) throws(CaseloadError) -> Outcome<CheckIn> {
        try writing { lock throws(CaseloadError) in
            let staff = try permitted(.recordCheckIn, actor)
            let participant = try loadParticipant(request.participant)
            let today = try today()
            try rule { () throws(DomainError) in
                // A form filled in during a stay may be entered after discharge; nothing after it.
                try participant.checkDuringStay(request.date, .checkIn, today: today)
                // A drug screen or a question about use is a check-in of its own on a day without scores.
                guard request.phq9 != nil || request.gad7 != nil || request.craving != nil
                    || request.substanceUse != nil || request.drugScreen != nil
                else {
                    throw .checkInNeedsAMeasure
                }
                try refuseControls(request.drugScreen?.substances, "The substances detected")
                try refuseControls(request.substanceUse?.details, "What was used")
                try refuseControls(request.comment, "The comment", .multiLine)
                if let screen = request.drugScreen {
                    let named = screen.substances?.hasVisibleText ?? false
                    if screen.result == .positive, !named { throw .positiveScreenNeedsSubstances }
                    if screen.result != .positive, named { throw .substancesOnlyForPositiveScreen(screen.result) }
                }
                if let use = request.substanceUse, !use.used, use.details?.hasVisibleText ?? false {
                    throw .useDetailsWithoutUse
                }
            }
            let checkIn = try rule { () throws(DomainError) in
                try CheckIn(
                    id: RecordIDs.checkIn(on: request.date), participant: participant.id, date: request.date,
                    recordedBy: staff.id, phq9: request.phq9, gad7: request.gad7, craving: request.craving,
                    substanceUse: request.substanceUse.map(\.withoutBlankDetails),
                    drugScreen: request.drugScreen, comment: request.comment,
                    revision: Revision(createdAt: clock.now(), createdBy: staff.id))
            }
            // A form from a finished stay may raise a flag after discharge; it stays open on the
            // dashboard, and whoever enters it should know nobody is seeing them in care.
            let afterDischarge: [Warning] = checkIn.hasOpenSafetyFlag && participant.status == .discharged
                ? [.flagRaisedAfterDischarge(participant.id)] : []
            return try added(holding: lock, checkIn, .checkInAdd, by: staff, warnings: afterDischarge)
        }
    }
}

extension SubstanceUse {
    /// "yes:" with nothing after it is a yes without details, not details made of nothing.
    fileprivate var withoutBlankDetails: SubstanceUse {
        SubstanceUse(used: used, details: details.flatMap { $0.hasVisibleText ? $0.trimmed : nil })
    }
}
