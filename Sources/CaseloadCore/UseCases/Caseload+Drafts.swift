extension Caseload {
    /// Saves the acting staff member's draft of `target`: the editor calls it a moment after typing
    /// stops and on leaving. Whoever may write the note or narrative (a facilitator) or add the
    /// addendum (a facilitator or supervisor) may keep a draft of it, under their own name only;
    /// a signed note takes no draft but an addendum's. The text is kept as typed: the rules on
    /// note text apply when it is written, so an autosave never throws away what was typed; so do
    /// a note draft's `objectives` (the links chosen in the editor), which only a note's draft takes.
    ///
    /// A draft is the writer's working copy, not part of the clinical record, so its saves have
    /// no audit line: an autosave every pause would bury the log's changes to the record, and
    /// the note, narrative or addendum it becomes is audited when written. Nobody else reads it.
    public func saveDraft(
        in sessionID: SessionID, target: EditTarget, text: WrittenText, objectives: [String]? = nil,
        startedFrom: EditBase, by actor: StaffID
    ) throws(CaseloadError) -> Outcome<Draft> {
        try writing { lock throws(CaseloadError) in
            let staff = try actingStaff(actor)
            let session = try sessionForChange(sessionID, touching: [target])
            try rule { () throws(DomainError) in
                try session.checkDraft(of: target, text: text, by: staff)
                if case .note = target {} else if objectives != nil { throw .draftDoesNotFit(target) }
            }
            let draft = Draft(
                staff: staff.id, session: sessionID, target: target, text: text, objectives: objectives,
                startedFrom: startedFrom,
                revision: Revision(createdAt: clock.now(), createdBy: staff.id))
            let saved = try stored { () throws(StoreError) in try store.writeDraft(draft, by: staff.id, holding: lock) }
            return Outcome(Saved(record: saved, warnings: []), warnings: [])
        }
    }

    /// The acting staff member's drafts, to offer them again ("Draft restored for …"); a damaged
    /// draft file is named in `damaged` and the rest are listed.
    public func drafts(of staff: StaffID) throws(CaseloadError) -> Loaded<Draft> {
        let author = try actingStaff(staff)
        return store.drafts(of: author.id)
    }

    /// The acting staff member's draft of `target`, if they have one; a damaged draft file is
    /// reported as the store's damage, and writing the note or a new draft replaces it.
    public func draft(in sessionID: SessionID, target: EditTarget, of staff: StaffID) throws(CaseloadError) -> Draft? {
        let author = try actingStaff(staff)
        return try stored { () throws(StoreError) in
            try store.draft(at: Draft.place(of: author.id, session: sessionID, target: target))
        }
    }

    /// Discards the acting staff member's draft of `target` (damaged or not); refused when there
    /// is none.
    public func discardDraft(in sessionID: SessionID, target: EditTarget, by actor: StaffID) throws(CaseloadError) {
        try writing { lock throws(CaseloadError) in
            let author = try actingStaff(actor)
            let removed = try stored { () throws(StoreError) in
                try store.removeDraft(Draft.place(of: author.id, session: sessionID, target: target), holding: lock)
            }
            guard removed else { throw .refused(.noDraft(sessionID, target)) }
        }
    }
}

extension Session {
    /// Refuses a draft of `target` by `staff` that could never be written: someone who may not
    /// write it, a member not on the list, a signed note (an addendum's draft needs one), a
    /// narrative outside a group, text of the wrong shape, or a section the format lacks.
    func checkDraft(of target: EditTarget, text: WrittenText, by staff: Staff) throws(DomainError) {
        switch (target, text) {
        case (.note(let participant), .sections(let format, let sections)):
            try Permissions.check(.writeNote, by: staff, in: self)
            guard let member = member(participant) else { throw .notAMember(participant, id) }
            if member.note?.isSigned == true { throw .noteIsSigned }
            guard sections.keys.allSatisfy({ key in format.sections.contains { $0.key == key } }) else {
                throw .unknownNoteSection(format)
            }
        case (.narrative, .text):
            try Permissions.check(.writeNote, by: staff, in: self)
            guard kind == .group else { throw .sharedNarrativeOnlyForGroups }
        case (.addendum(let participant), .text):
            try Permissions.check(.addAddendum, by: staff, in: self)
            guard member(participant) != nil else { throw .notAMember(participant, id) }
            guard try existingNote(of: participant).isSigned else { throw .noteNotSigned }
        default:
            throw .draftDoesNotFit(target)
        }
    }
}
