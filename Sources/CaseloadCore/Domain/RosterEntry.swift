/// What the roster and dashboards show of a participant, kept in the store's roster index so
/// opening the console never reads every participant's records.
public struct RosterEntry: Codable, Sendable, Equatable, Identifiable {
    public var id: ParticipantID
    public var firstName: String
    public var lastName: String
    public var preferredName: String?
    public var nameOrder: NameOrder
    public var track: Track
    public var status: ParticipantStatus
    public var primaryCounselor: StaffID
    /// The whole timeline, not today's level: a transition recorded ahead of its date must take
    /// effect on that date without the index being rewritten.
    public var care: CareTimeline
    /// The latest check-in of any kind, for display (not a flag raised by hand, which holds no measure).
    public var latestCheckIn: CheckInSummary?
    public var phq9: ScoreBaseline?
    public var gad7: ScoreBaseline?
    public var openSafetyFlags: [CheckInID]
    /// Open flags assessed as high risk that no supervisor has reviewed (`SafetyFlag.isAwaitingReview`):
    /// they keep the participant pinned at the top of the roster and the dashboard.
    public var flagsAwaitingReview: [CheckInID]
    /// Every PHQ-9 total of the current stay, oldest first: the roster's sparkline.
    public var phq9History: [ScoreBaseline.Score]
    /// When the treatment plan is next due for review.
    public var planReviewDue: LocalDate?
    /// The participant file's revision this entry was built from.
    public var participantRevision: Int

    public init(participant: Participant, checkIns: [CheckIn]) {
        id = participant.id
        firstName = participant.firstName
        lastName = participant.lastName
        preferredName = participant.preferredName
        nameOrder = participant.nameOrder
        track = participant.track
        status = participant.status
        primaryCounselor = participant.primaryCounselor
        care = participant.careTimeline
        participantRevision = participant.revision.number
        planReviewDue = participant.treatmentPlan.nextReviewDue
        openSafetyFlags = []
        flagsAwaitingReview = []
        phq9History = []
        // In date order, so the open flags come out oldest first.
        for checkIn in checkIns.sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) }) { include(checkIn) }
    }

    public var sortName: String { nameOrder.listed(given: firstName, family: lastName) }
    public var displayName: String { nameOrder.written(given: preferredName ?? firstName, family: lastName) }
    public var nameSortKey: String { NameOrder.sortKey(given: firstName, family: lastName) }
    public var admissionDate: LocalDate { care.admission }

    public func levelOfCare(on date: LocalDate) -> LevelOfCare { care.levelOfCare(on: date) }

    /// Active or on hold: the roster's list. The index also keeps discharged participants while
    /// a safety flag is open, so the flag stays in front of a supervisor after discharge.
    public var isInCare: Bool { status != .discharged }
    public var belongsInIndex: Bool { isInCare || !openSafetyFlags.isEmpty }

    /// A high-risk assessment waits for a supervisor: pinned until one reviews it.
    public var isAwaitingReview: Bool { !flagsAwaitingReview.isEmpty }

    public func isPlanReviewOverdue(on date: LocalDate) -> Bool {
        TreatmentPlan.isReviewOverdue(due: planReviewDue, on: date)
    }

    public func scores(_ instrument: Instrument) -> ScoreBaseline? {
        switch instrument {
        case .phq9: phq9
        case .gad7: gad7
        }
    }

    /// The last check-in that had a PHQ-9 or GAD-7: the next one is due from it.
    public var lastQuestionnaire: LocalDate? { [phq9?.latest.date, gad7?.latest.date].compactMap { $0 }.max() }

    /// Takes in one saved check-in, new or edited with the same date and answers.
    mutating func include(_ checkIn: CheckIn) {
        // A flag raised by hand has no scores to show as the latest check-in.
        if checkIn.hasMeasure, latestCheckIn.map({ (checkIn.date, checkIn.id) >= ($0.date, $0.id) }) ?? true {
            latestCheckIn = CheckInSummary(checkIn)
        }
        phq9 = phq9.including(checkIn, .phq9, admission: admissionDate)
        gad7 = gad7.including(checkIn, .gad7, admission: admissionDate)
        if !checkIn.hasOpenSafetyFlag {
            openSafetyFlags.removeAll { $0 == checkIn.id }
        } else if !openSafetyFlags.contains(checkIn.id) {
            openSafetyFlags.append(checkIn.id)
        }
        if checkIn.safetyFlag?.isAwaitingReview != true {
            flagsAwaitingReview.removeAll { $0 == checkIn.id }
        } else if !flagsAwaitingReview.contains(checkIn.id) {
            flagsAwaitingReview.append(checkIn.id)
        }
        phq9History.removeAll { $0.checkIn == checkIn.id }
        if checkIn.date >= admissionDate, let total = checkIn.phq9?.total {
            phq9History.append(ScoreBaseline.Score(checkIn: checkIn.id, date: checkIn.date, total: total))
            phq9History.sort { ($0.date, $0.checkIn) < ($1.date, $1.checkIn) }
        }
    }

    /// Keeps what `other` summarised of the check-ins, when only the participant's file changed.
    mutating func keepCheckIns(of other: RosterEntry) {
        latestCheckIn = other.latestCheckIn
        phq9 = other.phq9
        gad7 = other.gad7
        openSafetyFlags = other.openSafetyFlags
        flagsAwaitingReview = other.flagsAwaitingReview
        phq9History = other.phq9History
    }
}

/// The scores of one check-in, without its free text.
public struct CheckInSummary: Codable, Sendable, Equatable {
    public var id: CheckInID
    public var date: LocalDate
    public var phq9Total: Int?
    public var gad7Total: Int?
    public var craving: Int?

    public init(_ checkIn: CheckIn) {
        id = checkIn.id
        date = checkIn.date
        phq9Total = checkIn.phq9?.total
        gad7Total = checkIn.gad7?.total
        craving = checkIn.craving
    }
}
