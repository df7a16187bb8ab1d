/// What the roster and dashboards show of a participant, kept in the store's roster index so
/// opening the console never reads every participant's records.
public struct RosterEntry: Codable, Sendable, Equatable, Identifiable {
    public var id: ParticipantID
    public var firstName: String
    public var lastName: String
    public var preferredName: String?
    public var levelOfCare: LevelOfCare
    public var track: Track
    public var status: ParticipantStatus
    public var primaryCounselor: StaffID
    public var admissionDate: LocalDate
    /// The first check-in with scores: the baseline "change since admission" is measured from.
    public var baselineCheckIn: CheckInSummary?
    public var latestCheckIn: CheckInSummary?
    public var openSafetyFlags: [CheckInID]
    /// The participant file's revision this entry was built from.
    public var participantRevision: Int

    public init(participant: Participant, checkIns: [CheckIn]) {
        id = participant.id
        firstName = participant.firstName
        lastName = participant.lastName
        preferredName = participant.preferredName
        levelOfCare = participant.levelOfCare
        track = participant.track
        status = participant.status
        primaryCounselor = participant.primaryCounselor
        admissionDate = participant.admissionDate
        participantRevision = participant.revision.number
        let ordered = checkIns.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        baselineCheckIn = ordered.first.map(CheckInSummary.init)
        latestCheckIn = ordered.last.map(CheckInSummary.init)
        openSafetyFlags = ordered.filter(\.hasOpenSafetyFlag).map(\.id)
    }

    public var sortName: String { "\(lastName), \(firstName)" }
    public var displayName: String { "\(preferredName ?? firstName) \(lastName)" }
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
