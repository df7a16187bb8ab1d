import Foundation

extension Caseload {
    /// Writes sections of a member's draft note; only the session's facilitators write its
    /// notes. A note keeps the format it was started in; `format` chooses it for a new one, and
    /// naming another for a started note is refused rather than ignored. `startedFrom`: the
    /// version the editor opened (`Session.editBase(of:)`); when someone has saved the note since,
    /// nothing is written and the conflict carries their text. Nil writes without that check.
    /// `objectives`: the plan objectives the note addressed, under `linkObjectives`' rules; nil
    /// leaves its links as they are. Writing removes the writer's draft of the note.
    public func writeNote(
        in sessionID: SessionID, for participant: ParticipantID, format: NoteFormat? = nil,
        sections: [String: String], objectives: [String]? = nil, startedFrom: EditBase? = nil, by actor: StaffID
    ) throws(CaseloadError) -> Outcome<Session> {
        let target = EditTarget.note(participant)
        return try changingSession(sessionID, .noteWrite, by: actor, touching: target, removingDraft: true) {
            session, staff, time throws(CaseloadError) in
            try rule { () throws(DomainError) in
                try Permissions.check(.writeNote, by: staff, in: session)
                guard let member = session.member(participant) else { throw .notAMember(participant, session.id) }
                if member.note?.isSigned == true { throw .noteIsSigned }
            }
            try checkCurrent(target, of: session, startedFrom: startedFrom)
            try rule { () throws(DomainError) in
                guard !sections.isEmpty else { throw .noteNeedsASection }
                let started = session.member(participant)?.note?.format
                if let started, let format, format != started { throw .noteFormatIsSet(started) }
                let noteFormat = started ?? format ?? .dap
                for (key, text) in sections.sorted(by: { $0.key < $1.key }) {
                    guard noteFormat.sections.contains(where: { $0.key == key }) else {
                        throw .unknownNoteSection(noteFormat)
                    }
                    try session.writeNote(
                        of: participant, format: noteFormat, section: key, text: text, by: staff.id, at: time)
                }
            }
            if let objectives {
                let plan = try loadParticipant(participant).plan(on: session.date)
                try rule { () throws(DomainError) in _ = try session.linkObjectives(objectives, of: participant, plan: plan) }
            }
        }
    }

    /// Links a member's note to the plan objectives its session addressed (an empty list unlinks
    /// it): the facilitators who write the note link it, before it is signed, and only to
    /// objectives of the participant's plan for the stay the session fell in. A signed note keeps
    /// its links; an addendum says what else was addressed. Linking what is already linked is
    /// refused as changing nothing.
    public func linkObjectives(
        in sessionID: SessionID, for participant: ParticipantID, objectives: [String], by actor: StaffID
    ) throws(CaseloadError) -> Outcome<Session> {
        try changingSession(sessionID, .noteLink, by: actor, touching: .note(participant)) {
            session, staff, _ throws(CaseloadError) in
            try rule { () throws(DomainError) in
                try Permissions.check(.writeNote, by: staff, in: session)
                guard session.member(participant) != nil else { throw .notAMember(participant, session.id) }
            }
            let plan = try loadParticipant(participant).plan(on: session.date)
            try rule { () throws(DomainError) in
                guard try session.linkObjectives(objectives, of: participant, plan: plan) else { throw .nothingToChange }
            }
        }
    }

    /// Writes a group session's shared narrative; its facilitators write it, as they write the
    /// notes that share it. `startedFrom` as for `writeNote`; writing removes the writer's draft of it.
    public func writeSharedNarrative(
        in sessionID: SessionID, text: String, startedFrom: EditBase? = nil, by actor: StaffID
    ) throws(CaseloadError) -> Outcome<Session> {
        try changingSession(sessionID, .narrativeWrite, by: actor, touching: .narrative, removingDraft: true) {
            session, staff, _ throws(CaseloadError) in
            try rule { () throws(DomainError) in
                try Permissions.check(.writeNote, by: staff, in: session)
                guard session.kind == .group else { throw .sharedNarrativeOnlyForGroups }
            }
            try checkCurrent(.narrative, of: session, startedFrom: startedFrom)
            try rule { () throws(DomainError) in try session.writeSharedNarrative(text, by: staff.id) }
        }
    }

    /// Signs a member's note once the session is over and the note is complete; a facilitator
    /// signs, at the clock's now, and a group note keeps the narrative as it stands. A member's own
    /// entry that names another member of the session is signed only when `acknowledgingNames`.
    public func signNote(
        in sessionID: SessionID, for participant: ParticipantID, acknowledgingNames: Bool = false, by actor: StaffID
    ) throws(CaseloadError) -> Outcome<Session> {
        let timeZone = try program().timeZone
        return try changingSession(sessionID, .noteSign, by: actor, touching: .note(participant)) {
            session, staff, time throws(CaseloadError) in
            try rule { () throws(DomainError) in
                try Permissions.check(.signNote, by: staff, in: session)
                guard session.endsAt(in: timeZone) <= time else { throw .sessionNotEnded(session.id, endsAt: session.endTime) }
                try session.checkReadyToSign(participant)
            }
            if !acknowledgingNames {
                let named = try namedMembers(in: session, for: participant)
                if !named.isEmpty { throw .refused(.entryNamesOtherMembers(participant, others: named)) }
            }
            try rule { () throws(DomainError) in try session.signNote(of: participant, by: staff, at: time) }
        }
    }

    /// Co-signs a signed note: a supervisor who neither wrote nor signed it.
    public func coSignNote(in sessionID: SessionID, for participant: ParticipantID, by actor: StaffID)
        throws(CaseloadError) -> Outcome<Session>
    {
        try changingSession(sessionID, .noteCoSign, by: actor, touching: .note(participant)) {
            session, staff, time throws(CaseloadError) in
            try rule { () throws(DomainError) in
                try Permissions.checkCoSignature(of: try session.existingNote(of: participant), by: staff)
                try session.updateNote(of: participant) { (note: inout Note) throws(DomainError) in
                    try note.coSign(by: staff, at: time)
                }
            }
        }
    }

    /// Adds a dated addendum to a signed note, the only way a signed note changes; a facilitator of
    /// the session or a supervisor adds it. Adding it removes the writer's draft of the addendum.
    public func addAddendum(
        to sessionID: SessionID, for participant: ParticipantID, text: String, by actor: StaffID
    ) throws(CaseloadError) -> Outcome<Session> {
        try changingSession(sessionID, .noteAddendum, by: actor, touching: .addendum(participant), removingDraft: true) {
            session, staff, time throws(CaseloadError) in
            try rule { () throws(DomainError) in
                try Permissions.check(.addAddendum, by: staff, in: session)
                try session.updateNote(of: participant) { (note: inout Note) throws(DomainError) in
                    try note.addAddendum(text, by: staff, at: time)
                }
            }
        }
    }

    /// Refuses with the stored text when `target` is no longer the version the editor started from.
    func checkCurrent(_ target: EditTarget, of session: Session, startedFrom: EditBase?) throws(CaseloadError) {
        let current = session.editBase(of: target)
        let revision: Revision? = switch target {
        case .narrative: session.narrativeRevision
        case .note(let participant), .addendum(let participant): session.member(participant)?.noteRevision
        }
        guard let startedFrom, startedFrom != current, let stored = session.storedText(of: target), let revision else { return }
        throw .conflict(
            EditConflict(
                session: session.id, target: target, stored: stored, savedBy: revision.updatedBy, savedAt: revision.updatedAt,
                current: current))
    }

    /// The shape every note operation shares: under the lock, the acting staff member and the
    /// session are loaded, `change` checks its rules and edits the session at the clock's now, and
    /// what changed is saved (only `target`'s record, as the operations are written). A damaged
    /// file of `target` stops it; damage elsewhere in the session does not. Who may act depends on
    /// the session, so `change` checks that too. `removingDraft`: then the actor's draft of
    /// `target` is removed, its text now saved.
    func changingSession(
        _ id: SessionID, _ action: AuditAction, by actor: StaffID, touching target: EditTarget, removingDraft: Bool = false,
        _ change: (inout Session, Staff, Date) throws(CaseloadError) -> Void
    ) throws(CaseloadError) -> Outcome<Session> {
        try writing { lock throws(CaseloadError) in
            let staff = try actingStaff(actor)
            var session = try sessionForChange(id, touching: [target])
            let time = clock.now()
            try change(&session, staff, time)
            let outcome = try saved(holding: lock, session, changing: [SessionRecord(target)], action, by: staff)
            guard removingDraft else { return outcome }
            return outcome.adding(removeDraft(of: target, in: id, by: staff.id, holding: lock))
        }
    }

    /// Removes `staff`'s draft of `target`, its text having been saved; a failure is a warning,
    /// since the save stands.
    func removeDraft(of target: EditTarget, in session: SessionID, by staff: StaffID, holding lock: WriteLock) -> [Warning] {
        do {
            _ = try store.removeDraft(Draft.place(of: staff, session: session, target: target), holding: lock)
            return []
        } catch {
            return [.draftNotRemoved(target, error)]
        }
    }
}
