/// What a note search found, for the command line and the console: the hits (each with its
/// session, date, participant, where in the note, and an excerpt), the session files it could
/// not read, and what the user should know (the index was rebuilt, the read is not in the audit log).
public struct NoteSearchOutcome: Sendable {
    /// Newest session first; within a session, in member and section order.
    public let hits: [NoteSearchHit]
    /// Session files that could not be searched, each naming its problem.
    public let damaged: [RecordDamage]
    /// Things worth saying that did not stop the search.
    public let warnings: [Warning]
}

extension Caseload {
    /// Searches notes, sections, shared narratives and addenda, ignoring case and accents, and
    /// records the read in the audit log (`note.search`, with the participant or "all").
    ///
    /// One participant's notes (the console's `/` on the Notes tab) are
    /// `NoteSearchQuery(text:participant:)`; everyone's (`:search`) leave the participant out.
    /// Drafts are searched as well as signed notes, as every facilitator may read them.
    public func searchNotes(_ query: NoteSearchQuery, by staff: StaffID) -> NoteSearchOutcome {
        // The audit line is written (and synced) while the search runs, and waited for before
        // anything is shown, so the read is on record first as ever, without the search waiting for the disk.
        let recorded = Background { [self] in recordAccess(.noteSearch(query.participant), by: staff) }
        let result = store.searchNotes(query)
        var warnings = result.indexNotice.map { [Warning.noteIndex($0)] } ?? []
        if let unrecorded = recorded.value { warnings.append(unrecorded) }
        return NoteSearchOutcome(hits: result.hits, damaged: result.damaged, warnings: warnings)
    }
}
