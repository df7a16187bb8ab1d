import CaseloadCore

/// Finds text in notes for the console: `/` on a participant's Notes tab, `:search` for everyone's.
public protocol NoteSearcher: Sendable {
    func search(_ query: NoteSearchQuery) -> NotesFound
}

/// What a search found, and anything the user should know about how (an index rebuilt, damage).
public struct NotesFound: Sendable, Equatable {
    public var hits: [NoteSearchHit]
    public var notices: [String]

    public init(hits: [NoteSearchHit], notices: [String] = []) {
        self.hits = hits
        self.notices = notices
    }
}

/// Searches through the core, which records the search in the audit log as the signed-in person's.
public struct CaseloadNoteSearcher: NoteSearcher {
    let caseload: Caseload
    let staff: StaffID

    public init(caseload: Caseload, staff: StaffID) {
        self.caseload = caseload
        self.staff = staff
    }

    public func search(_ query: NoteSearchQuery) -> NotesFound {
        let outcome = caseload.searchNotes(query, by: staff)
        let damage = outcome.damaged.isEmpty ? [] : [
            "\(outcome.damaged.count == 1 ? "1 session file" : "\(outcome.damaged.count) session files") could not be "
                + "searched; run caseload check"]
        return NotesFound(hits: outcome.hits, notices: outcome.warnings.map(\.description) + damage)
    }
}
