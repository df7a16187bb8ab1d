import CaseloadCore
import TerminalKit

/// Draws a session's screen: the facts of the session, the members with attendance and note
/// state (the attendance grid), and the selected member's note below when there is room.
enum SessionView {
    private static let columns: [TableColumn] = [
        .flex("Member", min: 18), .fixed("Attendance", 22), .flex("Note", min: 16, priority: 1),
    ]

    /// Lines above the member table: facts, the narrative's state, a gap, the column titles.
    static func headerLines(_ session: Session?) -> Int { session?.kind == .group ? 5 : 4 }

    /// Member rows shown in an inner area `height` lines tall.
    static func memberRows(_ session: Session?, height: Int) -> Int {
        max(1, height - headerLines(session))
    }

    static func draw(_ screen: SessionScreen, _ state: ConsoleState, in rect: Rect, into canvas: inout Screen) {
        let glyphs = state.session.glyphs
        canvas.fill(rect)
        let title = screen.session.map { "\(Wording.sessionTitle($0, separator: glyphs.separator)) \(glyphs.separator) "
            + "\(Format.weekdayDate($0.date)) \($0.startTime)" } ?? "Session \(screen.id)"
        canvas.box(rect, title: title, role: .borderFocused, titleRole: .titleFocused, glyphs: glyphs.frame)
        let inner = rect.inset(horizontal: 2, vertical: 1)
        guard !inner.isEmpty else { return }
        guard let session = screen.session else {
            canvas.put(screen.loadError ?? "Loading the session…", x: inner.x, y: inner.y,
                       role: screen.loadError == nil ? .muted : .statusError, maxWidth: inner.width)
            return
        }
        var out = TextLines(width: inner.width, ellipsis: state.session.glyphs.frame.ellipsis)
        out.field("Led by", Wording.facilitators(session, staff: state.data.staff, glyphs: glyphs))
        out.field("Length", "\(session.durationMinutes) min \(glyphs.separator) session \(session.id)", .muted)
        if session.kind == .group {
            out.field("Narrative", session.sharedNarrative.map { $0.split(separator: "\n").first.map(String.init) ?? "" }
                      ?? "Not written yet; w writes the narrative every member's note shares",
                      session.sharedNarrative == nil ? .muted : .value)
        }
        canvas.put(out.lines, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: out.lines.count),
                   scroll: 0, ellipsis: glyphs.frame.ellipsis)
        let tableTop = inner.y + headerLines(session) - 1
        let widths = TableLayout.widths(columns, in: inner.width - 2)
        let alignments = columns.map(\.alignment)
        canvas.putRow(columns.map { [Span($0.title, .label)] }, columns: widths, alignments: alignments,
                      x: inner.x + 2, y: tableTop, ellipsis: "")
        let rows = min(session.members.count - screen.cursor.top, memberRows(session, height: inner.height))
        for offset in 0..<max(0, rows) {
            let index = screen.cursor.top + offset
            let member = session.members[index]
            let y = tableTop + 1 + offset
            canvas.putRow(cells(member, session, state), columns: widths, alignments: alignments, x: inner.x + 2, y: y,
                          ellipsis: glyphs.frame.ellipsis)
            if index == screen.cursor.selected {
                canvas.put(glyphs.frame.marker, x: inner.x, y: y, role: .value)
                canvas.paint(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .rosterSelected)
            }
        }
        drawPreview(screen, session, state, in: Rect(
            x: inner.x, y: tableTop + 2 + max(0, rows), width: inner.width,
            height: inner.bottom - (tableTop + 2 + max(0, rows))), into: &canvas)
    }

    private static func cells(_ member: SessionMember, _ session: Session, _ state: ConsoleState) -> [[Span]] {
        [
            [Span(ParticipantTabs.participantName(member.participant, state), .value)],
            [Wording.attendance(member.attendance, of: session, separator: state.session.glyphs.separator)],
            [Wording.noteState(member.note)],
        ]
    }

    /// The selected member's note under the grid, as much as fits.
    private static func drawPreview(_ screen: SessionScreen, _ session: Session, _ state: ConsoleState, in rect: Rect,
                                    into canvas: inout Screen) {
        guard rect.height >= 3, let member = screen.selectedMember else { return }
        var out = TextLines(width: rect.width, ellipsis: state.session.glyphs.frame.ellipsis)
        out.append([Span(ParticipantTabs.participantName(member.participant, state) + "  ", .title)]
                   + NoteLines.status(member.note, of: session, state: state))
        if let note = member.note {
            NoteLines.append(note, of: session, state: state, indent: 2, to: &out)
        } else {
            out.append("  Enter writes this member's note.", .muted)
        }
        canvas.put(out.lines, in: rect, scroll: 0, ellipsis: state.session.glyphs.frame.ellipsis)
    }
}
