/// A change to a participant's details; nil fields stay as they are, and an empty text clears an
/// optional field (preferred name, pronouns, phone).
public struct ParticipantChange: Sendable, Equatable {
    public var firstName: String?
    public var lastName: String?
    public var preferredName: String?
    public var nameOrder: NameOrder?
    public var pronouns: String?
    public var phone: String?
    public var primaryCounselor: StaffID?
    public var track: Track?
    public var status: ParticipantStatus?
    public var addDiagnoses: [Diagnosis]
    public var addSupportMembers: [NewSupportMember]

    public init(
        firstName: String? = nil, lastName: String? = nil, preferredName: String? = nil, nameOrder: NameOrder? = nil,
        pronouns: String? = nil, phone: String? = nil, primaryCounselor: StaffID? = nil, track: Track? = nil,
        status: ParticipantStatus? = nil, addDiagnoses: [Diagnosis] = [], addSupportMembers: [NewSupportMember] = []
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.preferredName = preferredName
        self.nameOrder = nameOrder
        self.pronouns = pronouns
        self.phone = phone
        self.primaryCounselor = primaryCounselor
        self.track = track
        self.status = status
        self.addDiagnoses = addDiagnoses
        self.addSupportMembers = addSupportMembers
    }
}

/// A support member to add; consents are recorded separately, once the participant signs one.
public struct NewSupportMember: Sendable, Equatable {
    public var name: String
    public var relationship: String
    public var phone: String?

    public init(name: String, relationship: String, phone: String? = nil) {
        self.name = name
        self.relationship = relationship
        self.phone = phone
    }
}

extension Caseload {
    /// Changes a participant's details. Status moves only between active and on hold: discharge
    /// and readmission have operations of their own, with their own rules. A change with nothing
    /// in it is refused rather than saved as a new revision that changed nothing.
    public func editParticipant(
        _ id: ParticipantID, _ change: ParticipantChange, by actor: StaffID
    ) throws(CaseloadError) -> Outcome<Participant> {
        try writing { lock throws(CaseloadError) in
            let staff = try permitted(.editParticipant, actor)
            var participant = try loadParticipant(id)
            try rule { () throws(DomainError) in
                guard change != ParticipantChange() else { throw .nothingToChange }
                if let first = change.firstName { participant.firstName = try requiredText(first, "The first name") }
                if let last = change.lastName { participant.lastName = try requiredText(last, "The last name") }
                try refuseControls(change.preferredName, "The preferred name")
                try refuseControls(change.pronouns, "The pronouns")
                try refuseControls(change.phone, "The phone number")
                if let status = change.status {
                    guard participant.status != .discharged else { throw .participantDischarged(participant.id) }
                    guard status != .discharged else { throw .dischargeHasItsOwnCommand }
                    participant.status = status
                }
                for member in change.addSupportMembers {
                    try refuseControls(member.phone, "The support member's phone number")
                    participant.supportMembers.append(
                        SupportMember(
                            id: participant.nextSupportMemberID, name: try requiredText(member.name, "The support member's name"),
                            relationship: try requiredText(member.relationship, "The support member's relationship"),
                            phone: member.phone.nonEmpty))
                }
            }
            if let preferred = change.preferredName { participant.preferredName = preferred.nonEmptyText }
            if let order = change.nameOrder { participant.nameOrder = order }
            if let pronouns = change.pronouns { participant.pronouns = pronouns.nonEmptyText }
            if let phone = change.phone { participant.phone = phone.nonEmptyText }
            if let counselor = change.primaryCounselor { participant.primaryCounselor = try primaryCounselor(counselor) }
            if let track = change.track { participant.track = track }
            participant.diagnoses += try rule { () throws(DomainError) in
                try change.addDiagnoses.map { (d) throws(DomainError) in try d.validated() }
            }
            return try saved(holding: lock, participant, .participantEdit, by: staff)
        }
    }
}

extension Participant {
    /// "S1", "S2"…: the lowest number no support member uses, so ids cited in sessions stay unique.
    var nextSupportMemberID: String {
        let taken = Set(supportMembers.map(\.id))
        return (1...).lazy.map { "S\($0)" }.first { !taken.contains($0) }!
    }
}

extension String {
    /// Nil for text that is empty once trimmed.
    var nonEmptyText: String? { Optional(self).nonEmpty }
}
