import CaseloadCore

/// One line of `participant list --json`: the roster entry's stable fields, with the level of
/// care in force on the day listed rather than the index's whole timeline.
struct ParticipantListing: Encodable {
    let id: ParticipantID
    let firstName: String
    let lastName: String
    let preferredName: String?
    let nameOrder: NameOrder
    let levelOfCare: LevelOfCare
    let track: Track
    let status: ParticipantStatus
    let primaryCounselor: StaffID
    let admissionDate: LocalDate
    let latestCheckIn: CheckInSummary?
    let openSafetyFlags: [CheckInID]
    let participantRevision: Int

    init(_ entry: RosterEntry, on today: LocalDate) {
        id = entry.id
        firstName = entry.firstName
        lastName = entry.lastName
        preferredName = entry.preferredName
        nameOrder = entry.nameOrder
        levelOfCare = entry.levelOfCare(on: today)
        track = entry.track
        status = entry.status
        primaryCounselor = entry.primaryCounselor
        admissionDate = entry.admissionDate
        latestCheckIn = entry.latestCheckIn
        openSafetyFlags = entry.openSafetyFlags
        participantRevision = entry.participantRevision
    }
}
