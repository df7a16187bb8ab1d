extension FamilyConsent {
    /// Whether `session` disclosed to `member` under `participant`'s consent: a family session
    /// the participant was in, with the member present as their own ("S1", "P-0007/S1") or as
    /// another participant's support member of the same name, whom `supportMembersPresent`
    /// admitted on this participant's consent too. `supportMembers` reads another participant's.
    static func disclosed(
        to member: SupportMember, of participant: ParticipantID, in session: Session,
        supportMembers: (ParticipantID) -> [SupportMember]
    ) -> Bool {
        guard session.kind == .family, session.member(participant) != nil else { return false }
        return session.supportMembersPresent.contains { label in
            // A bare id is cited only when the session has one participant: this one.
            let parts = label.split(separator: "/", maxSplits: 1).map(String.init)
            let (owner, id) = parts.count == 2 ? (ParticipantID(parts[0]), parts[1]) : (participant, label)
            guard owner != participant else { return id == member.id }
            return supportMembers(owner).contains { $0.id == id && sameName($0.name, member.name) }
        }
    }
}
