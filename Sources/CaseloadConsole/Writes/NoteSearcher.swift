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
        let result = caseload.store.searchNotes(query)
        let unrecorded = caseload.recordAccess(.noteSearch(query.participant), by: staff)
        let damage = result.damaged.isEmpty ? [] : [
            "\(result.damaged.count == 1 ? "1 session file" : "\(result.damaged.count) session files") could not be "
                + "searched; run caseload check"]
        return NotesFound(hits: result.hits, notices: [unrecorded?.description].compactMap { $0 } + damage)
    }
}
