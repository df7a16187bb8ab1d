import CaseloadCore

/// A read-only screen of sectioned tables (Today, Sessions, Dashboard). Built once from the
/// data; the cursor moves over rows, and Enter opens the row's participant when it has one.
struct Report: Sendable, Equatable {
    var sections: [ReportSection]

    var rowCount: Int { sections.reduce(0) { $0 + $1.rows.count } }

    /// The row at a flat index counted across sections.
    func row(at index: Int) -> ReportRow? {
        var remaining = index
        for section in sections {
            if remaining < section.rows.count { return remaining >= 0 ? section.rows[remaining] : nil }
            remaining -= section.rows.count
        }
        return nil
    }

    /// Lines a section takes: its title, a column header (or the empty text), rows, a gap.
    static func lineCount(of section: ReportSection) -> Int {
        section.rows.isEmpty ? 3 : section.rows.count + 3
    }

    /// The screen line (from the report's top) a flat row index is drawn on.
    func line(ofRow index: Int) -> Int {
        var line = 0
        var remaining = index
        for section in sections {
            if remaining < section.rows.count { return line + 2 + remaining }
            remaining -= section.rows.count
            line += Report.lineCount(of: section)
        }
        return line
    }

    var lineCount: Int { sections.reduce(0) { $0 + Report.lineCount(of: $1) } }
}

struct ReportSection: Sendable, Equatable {
    var title: String
    var columns: [TableColumn]
    var rows: [ReportRow]
    /// Shown instead of the table when there are no rows ("No open safety flags").
    var emptyText: String
}

struct ReportRow: Sendable, Equatable {
    var cells: [[Span]]
    /// The participant the row is about.
    var participant: ParticipantID?
    /// What Enter opens: a note to write, a session, or else the participant.
    var opens: RowOpening?
    /// Why Enter does nothing on this row, when it opens nothing.
    var whyNoParticipant: String?

    init(_ cells: [[Span]], participant: ParticipantID?, opens: RowOpening? = nil, whyNoParticipant: String? = nil) {
        self.cells = cells
        self.participant = participant
        self.opens = opens ?? participant.map(RowOpening.participant)
        self.whyNoParticipant = whyNoParticipant
    }
}

/// What Enter on a report row opens.
enum RowOpening: Sendable, Equatable {
    case participant(ParticipantID)
    /// The participant on the tab the row is about (a plan review overdue: the Plan tab).
    case chart(ParticipantID, tab: ParticipantTab)
    /// A session, with the member the row is about selected.
    case session(SessionID, selecting: ParticipantID?)
    /// The note editor on one member's note.
    case note(NoteTarget)
    /// The roster, listing one counselor's caseload.
    case caseload(StaffID)
}
