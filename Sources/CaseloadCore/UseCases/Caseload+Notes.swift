import Foundation

extension Caseload {
    /// Writes sections of a member's draft note; only the session's facilitators write its
    /// notes. A note keeps the format it was started in; `format` chooses it for a new one, and
    /// naming another for a started note is refused rather than ignored.
    public func writeNote(
        in sessionID: SessionID, for participant: ParticipantID, format: NoteFormat? = nil,
        sections: [String: String], by actor: StaffID
    ) throws(CaseloadError) -> Outcome<Session> {
        try changingSession(sessionID, .sessionEdit, by: actor) { session, staff, time throws(DomainError) in
            try Permissions.check(.writeNote, by: staff, in: session)
            guard let member = session.member(participant) else { throw .notAMember(participant, session.id) }
            guard !sections.isEmpty else { throw .noteNeedsASection }
            if let started = member.note?.format, let format, format != started { throw .noteFormatIsSet(started) }
            let noteFormat = member.note?.format ?? format ?? .dap
            for (key, text) in sections.sorted(by: { $0.key < $1.key }) {
                guard noteFormat.sections.contains(where: { $0.key == key }) else {
                    throw .unknownNoteSection(noteFormat)
                }
                try session.writeNote(
                    of: participant, format: noteFormat, section: key, text: text, by: staff.id, at: time)
            }
        }
    }

    /// Writes a group session's shared narrative; its facilitators write it, as they write the
    /// notes that share it.
    public func writeSharedNarrative(in sessionID: SessionID, text: String, by actor: StaffID)
        throws(CaseloadError) -> Outcome<Session>
    {
        try changingSession(sessionID, .sessionEdit, by: actor) { session, staff, _ throws(DomainError) in
            try Permissions.check(.writeNote, by: staff, in: session)
            try session.writeSharedNarrative(text, by: staff.id)
        }
    }

    /// Signs a member's note once the session is over and the note is complete; a facilitator
    /// signs, at the clock's now, and a group note keeps the narrative as it stands.
    public func signNote(in sessionID: SessionID, for participant: ParticipantID, by actor: StaffID)
        throws(CaseloadError) -> Outcome<Session>
    {
        let timeZone = try program().timeZone
        return try changingSession(sessionID, .noteSign, by: actor) { session, staff, time throws(DomainError) in
            try Permissions.check(.signNote, by: staff, in: session)
            guard session.endsAt(in: timeZone) <= time else { throw .sessionNotEnded(session.id, endsAt: session.endTime) }
            try session.checkReadyToSign(participant)
            try session.signNote(of: participant, by: staff, at: time)
        }
    }

    /// Co-signs a signed note: a supervisor who neither wrote nor signed it.
    public func coSignNote(in sessionID: SessionID, for participant: ParticipantID, by actor: StaffID)
        throws(CaseloadError) -> Outcome<Session>
    {
        try changingSession(sessionID, .noteCoSign, by: actor) { session, staff, time throws(DomainError) in
            try Permissions.checkCoSignature(of: try session.existingNote(of: participant), by: staff)
            try session.updateNote(of: participant) { (note: inout Note) throws(DomainError) in
                try note.coSign(by: staff, at: time)
            }
        }
    }

    /// Adds a dated addendum to a signed note, the only way a signed note changes; a facilitator of
    /// the session or a supervisor adds it.
    public func addAddendum(
        to sessionID: SessionID, for participant: ParticipantID, text: String, by actor: StaffID
    ) throws(CaseloadError) -> Outcome<Session> {
        try changingSession(sessionID, .noteAddendum, by: actor) { session, staff, time throws(DomainError) in
            try Permissions.check(.addAddendum, by: staff, in: session)
            try session.updateNote(of: participant) { (note: inout Note) throws(DomainError) in
                try note.addAddendum(text, by: staff, at: time)
            }
        }
    }

    /// The shape every note operation shares: under the lock, the acting staff member and the
    /// session are loaded, `change` checks its rules and edits the session at the clock's now, and
    /// the session is saved. Who may act depends on the session, so `change` checks that too.
    private func changingSession(
        _ id: SessionID, _ action: AuditAction, by actor: StaffID,
        _ change: (inout Session, Staff, Date) throws(DomainError) -> Void
    ) throws(CaseloadError) -> Outcome<Session> {
        try writing { lock throws(CaseloadError) in
            let staff = try actingStaff(actor)
            var session = try self.session(id)
            let time = clock.now()
            try rule { () throws(DomainError) in try change(&session, staff, time) }
            return try saved(holding: lock, session, action, by: staff)
        }
    }
}
