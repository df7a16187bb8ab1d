/// Who may sit in a family session. Every support member present hears about every participant
/// in the room, so each participant must have consented, on the session's date and for family
/// sessions, to that person. Support members are filed per participant, so another participant's
/// consent to the same person is found by the support member's name, ignoring case.
enum FamilyConsent {
    /// The support members present as the session records them: "S1" when the session has one
    /// participant, "P-0007/S1" when it has several.
    static func supportMembersPresent(
        _ references: [SupportMemberReference], kind: SessionKind, participants: [Participant], on date: LocalDate
    ) throws(DomainError) -> [String] {
        guard kind == .family else {
            guard references.isEmpty else { throw .supportMembersOnlyInFamilySessions }
            return []
        }
        guard !references.isEmpty else { throw .familySessionNeedsSupportMember }
        var present: [String] = []
        for reference in references {
            try refuseControls(reference.id, "The support member id")
            let owner = try owner(of: reference, among: participants)
            guard let member = owner.supportMembers.first(where: { $0.id == reference.id }) else {
                throw .unknownSupportMember(owner.id, reference.id)
            }
            let label = participants.count == 1 ? reference.id : "\(owner.id)/\(reference.id)"
            guard member.consent?.admitsToFamilySession(on: date) ?? false else {
                throw .familyConsentMissing(owner.id, supportMember: label, on: date)
            }
            for other in participants where other.id != owner.id {
                // A consent is filed under the participant's own support member, so someone not
                // on their list needs adding before any consent can be recorded.
                let filed = other.supportMembers.filter { sameName($0.name, member.name) }
                guard !filed.isEmpty else { throw .notTheirSupportMember(other.id, supportMember: label) }
                guard filed.contains(where: { $0.consent?.admitsToFamilySession(on: date) ?? false }) else {
                    throw .familyConsentMissing(other.id, supportMember: label, on: date)
                }
            }
            // Resolved, so "S1" and "P-0007/S1" for the same person are caught as one listed twice.
            guard !present.contains(label) else { throw .duplicateSupportMember(label) }
            present.append(label)
        }
        return present
    }

    /// The support members present once `newcomer` joins `session` (whose members, newcomer
    /// included, are `participants`): each must be someone the newcomer has consented to for
    /// family sessions on the day. Every one is then named with its participant ("P-0007/S1"),
    /// since the session now has several.
    static func admitting(_ newcomer: Participant, to session: Session, participants: [Participant]) throws(DomainError) -> [String] {
        let original = session.members.first { $0.participant != newcomer.id }?.participant
        let references = session.supportMembersPresent.map { label in
            let parts = label.split(separator: "/", maxSplits: 1).map(String.init)
            return parts.count == 2 ? SupportMemberReference(parts[1], of: ParticipantID(parts[0])) : SupportMemberReference(label, of: original)
        }
        return try supportMembersPresent(references, kind: session.kind, participants: participants, on: session.date)
    }

    private static func owner(of reference: SupportMemberReference, among participants: [Participant])
        throws(DomainError) -> Participant
    {
        guard let id = reference.participant else {
            guard participants.count == 1 else { throw .supportMemberNeedsParticipant(reference.id) }
            return participants[0]
        }
        guard let owner = participants.first(where: { $0.id == id }) else {
            throw .supportMemberOwnerNotInSession(id, reference.id)
        }
        return owner
    }

    static func sameName(_ one: String, _ other: String) -> Bool {
        one.trimmed.lowercased() == other.trimmed.lowercased()
    }
}
