import Foundation

/// What signing a session's ready notes did.
public struct ReadyNotesSigned: Sendable, Equatable {
    /// The session as saved.
    public let session: Session
    /// The members whose notes were signed, in list order.
    public let signed: [ParticipantID]
    /// The members whose notes were not, each with the rule that held it back.
    public let skipped: [SkippedNote]
}

/// A note left unsigned, and why.
public struct SkippedNote: Sendable, Equatable {
    public let participant: ParticipantID
    public let reason: DomainError
}

extension Caseload {
    /// Signs every member's note in the session that is ready, as `signNote` would one by one:
    /// each a complete note (a group's narrative as it stands plus the member's own entry), signed
    /// by a facilitator once the session has ended. A note whose own entry names another member is
    /// signed only when its member is in `acknowledgingNamesFor`. Notes already signed are left
    /// out; the rest are skipped with their reason. Refused when none is ready.
    public func signReadyNotes(
        in sessionID: SessionID, by actor: StaffID, acknowledgingNamesFor acknowledged: Set<ParticipantID> = []
    ) throws(CaseloadError) -> Outcome<ReadyNotesSigned> {
        let timeZone = try program().timeZone
        return try writing { lock throws(CaseloadError) in
            let staff = try actingStaff(actor)
            var session = try sessionForChange(sessionID, touching: [])
            let time = clock.now()
            try rule { () throws(DomainError) in
                try Permissions.check(.signNote, by: staff, in: session)
                guard session.endsAt(in: timeZone) <= time else { throw .sessionNotEnded(session.id, endsAt: session.endTime) }
            }
            let names = try memberNames(of: session)
            var signed: [ParticipantID] = []
            var skipped: [SkippedNote] = []
            for member in session.members where member.note?.isSigned != true {
                let participant = member.participant
                do throws(DomainError) {
                    try session.checkReadyToSign(participant)
                    let named = ConfidentialNames.named(in: session.mentionsOfOtherMembers(in: participant, names: names))
                    if !named.isEmpty, !acknowledged.contains(participant) {
                        throw .entryNamesOtherMembers(participant, others: named)
                    }
                    try session.signNote(of: participant, by: staff, at: time)
                    signed.append(participant)
                } catch {
                    skipped.append(SkippedNote(participant: participant, reason: error))
                }
            }
            guard !signed.isEmpty else { throw .refused(.noNoteReadyToSign(session.id)) }
            let outcome = try saved(holding: lock, session, changing: Set(signed.map(SessionRecord.note)), .noteSign, by: staff)
            return outcome.map { ReadyNotesSigned(session: $0, signed: signed, skipped: skipped) }
        }
    }

    /// Where a member's own entry names another member of the session, for highlighting before
    /// signing: in `sections` as the editor holds them, or the stored note when nil.
    public func namesOfOtherMembers(
        in sessionID: SessionID, for participant: ParticipantID, sections: [String: String]? = nil, by actor: StaffID
    ) throws(CaseloadError) -> [NameMention] {
        _ = try actingStaff(actor)
        var session = try self.session(sessionID)
        guard let member = session.member(participant) else { throw .refused(.notAMember(participant, sessionID)) }
        if let sections, let index = session.members.firstIndex(where: { $0.participant == participant }) {
            let format = member.note?.format ?? .dap
            var note = member.note ?? Note(format: format, author: actor, at: clock.now())
            note.sections = sections
            session.members[index].note = note
        }
        return session.mentionsOfOtherMembers(in: participant, names: try memberNames(of: session))
    }

    /// The members a member's own entry names, for `signNote`.
    func namedMembers(in session: Session, for participant: ParticipantID) throws(CaseloadError) -> [ParticipantID] {
        ConfidentialNames.named(in: session.mentionsOfOtherMembers(in: participant, names: try memberNames(of: session)))
    }

    /// The names of a session's members, when there are others to name (a participant who has no
    /// record left is left out: there is no name to look for).
    private func memberNames(of session: Session) throws(CaseloadError) -> [MemberNames] {
        guard session.members.count > 1 else { return [] }
        var names: [MemberNames] = []
        for member in session.members {
            do {
                names.append(MemberNames(try store.participant(member.participant)))
            } catch .recordNotFound {
                continue
            } catch {
                throw .store(error)
            }
        }
        return names
    }
}

extension Session {
    /// Where `participant`'s own entry names another member, given every member's names.
    func mentionsOfOtherMembers(in participant: ParticipantID, names: [MemberNames]) -> [NameMention] {
        guard let note = member(participant)?.note else { return [] }
        return ConfidentialNames.mentions(
            in: note.sections, format: note.format, own: names.first { $0.participant == participant },
            others: names.filter { $0.participant != participant })
    }
}
