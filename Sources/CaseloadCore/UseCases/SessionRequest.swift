/// A session as the user gave it, before any rule has looked at it.
public struct SessionRequest: Sendable, Equatable {
    public var kind: SessionKind
    public var date: LocalDate
    public var start: LocalTime
    public var minutes: Int
    /// Empty means the staff member recording it.
    public var facilitators: [StaffID]
    public var topic: String?
    public var members: [AttendanceRequest]
    public var supportMembers: [SupportMemberReference]
    /// A pull-out: a participant may leave another session that overlaps this one.
    public var allowOverlap: Bool

    public init(
        kind: SessionKind, date: LocalDate, start: LocalTime, minutes: Int, facilitators: [StaffID] = [],
        topic: String? = nil, members: [AttendanceRequest], supportMembers: [SupportMemberReference] = [],
        allowOverlap: Bool = false
    ) {
        self.kind = kind
        self.date = date
        self.start = start
        self.minutes = minutes
        self.facilitators = facilitators
        self.topic = topic
        self.members = members
        self.supportMembers = supportMembers
        self.allowOverlap = allowOverlap
    }
}

/// One participant's attendance as given; minutes are nil when the user gave none.
public struct AttendanceRequest: Sendable, Equatable {
    public var participant: ParticipantID
    public var status: AttendanceStatus
    public var minutes: Int?

    public init(_ participant: ParticipantID, _ status: AttendanceStatus = .present, minutes: Int? = nil) {
        self.participant = participant
        self.status = status
        self.minutes = minutes
    }
}

/// A support member by their id on a participant's record ("S1"); the participant is needed
/// only when the session has several.
public struct SupportMemberReference: Sendable, Equatable {
    public var participant: ParticipantID?
    public var id: String

    public init(_ id: String, of participant: ParticipantID? = nil) {
        self.participant = participant
        self.id = id
    }
}
