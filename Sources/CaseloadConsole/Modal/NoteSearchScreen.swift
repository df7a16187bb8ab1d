import CaseloadCore
import TerminalKit

/// Searching notes: one participant's (`/` on their Notes tab) or everyone's (`:search TEXT`).
/// Type the words, Enter searches; Up and Down choose a result and Enter opens its note.
struct NoteSearchScreen: ModalScreen, Equatable {
    /// Whose notes; nil for everyone's.
    let participant: ParticipantID?
    var query: String
    /// The query the results are for; nil before the first search.
    var searched: String?
    var found: NotesFound?
    var cursor = ListCursor()

    init(participant: ParticipantID?, query: String = "") {
        self.participant = participant
        self.query = query
    }

    var keyMode: KeyMode { .search }

    /// The effect that searches for what is typed now.
    mutating func searchNow() -> ModalStep {
        let text = query.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return .status(.error("Type the words to find first")) }
        searched = query
        return ModalStep(effects: [.searchNotes(NoteSearchQuery(text: text, participant: participant))],
                         status: .info("Searching…"))
    }

    var selectedHit: NoteSearchHit? {
        guard let hits = found?.hits, hits.indices.contains(cursor.selected) else { return nil }
        return hits[cursor.selected]
    }

    mutating func run(_ command: Command, in state: ConsoleState) -> ModalStep {
        let height = Self.rows(state.size)
        let count = found?.hits.count ?? 0
        switch command {
        case .back: return .close
        case .moveDown, .moveUp, .pageDown, .pageUp:
            guard let movement = Movement(command) else { break }
            cursor.select(movement.target(from: cursor.selected, count: count, height: height), count: count, height: height)
        case .deleteCharacter:
            if !query.isEmpty { query.removeLast() }
        case .clearInput:
            query = ""
        case .open:
            guard query == searched, let hit = selectedHit else { return searchNow() }
            // A member's note opens to read or write; a group's narrative opens its session.
            let opened = SessionScreen(id: hit.session, selecting: hit.participant, openingNote: hit.participant != nil)
            return .push(opened, effects: [.loadSession(hit.session)])
        default: break
        }
        return ModalStep()
    }

    mutating func insert(_ text: String, in state: ConsoleState) -> ModalStep {
        query += text.filter { !$0.isNewline }
        return ModalStep()
    }

    mutating func receive(_ event: ModalEvent, in state: ConsoleState) -> ModalStep {
        guard case .notesFound(let asked, let result) = event, asked.participant == participant,
              asked.text == searched?.trimmingCharacters(in: .whitespaces) else { return ModalStep() }
        found = result
        cursor = ListCursor()
        let count = result.hits.count
        let summary = count == 0 ? "No notes match \"\(asked.text)\"" : "\(count == 1 ? "1 place" : "\(count) places") found"
        return .status(result.notices.isEmpty ? .info(summary) : .error(([summary] + result.notices).joined(separator: "; ")))
    }

    /// Result rows the screen has room for.
    static func rows(_ size: Size) -> Int { max(1, ConsoleLayout.shell(size).body.height - 6) }

    func draw(_ state: ConsoleState, in rect: Rect, into screen: inout Screen) {
        let glyphs = state.session.glyphs
        screen.fill(rect)
        let whose = participant.map { "\(ParticipantTabs.participantName($0, state))'s notes" } ?? "everyone's notes"
        screen.box(rect, title: "Search \(whose)", role: .borderFocused, titleRole: .titleFocused, glyphs: glyphs.frame)
        let inner = rect.inset(horizontal: 2, vertical: 1)
        guard !inner.isEmpty else { return }
        screen.put([Span("Find: ", .label), Span(query, .input), Span(" ", .inputCursor),
                    Span("  Enter searches; case and accents do not matter", .muted)],
                   x: inner.x, y: inner.y, width: inner.width, ellipsis: glyphs.frame.ellipsis)
        guard let found else { return }
        let columns: [TableColumn] = [.fixed("Date", 11), .flex("Participant", min: 14, priority: 1),
                                      .fixed("Where", 16), .flex("Words around it", min: 20)]
        let widths = TableLayout.widths(columns, in: inner.width - 2)
        let alignments = columns.map(\.alignment)
        screen.putRow(columns.map { [Span($0.title, .label)] }, columns: widths, alignments: alignments,
                      x: inner.x + 2, y: inner.y + 2, ellipsis: "")
        if found.hits.isEmpty {
            screen.put("Nothing found. Try fewer words.", x: inner.x + 2, y: inner.y + 3, role: .muted,
                       maxWidth: inner.width - 2)
        }
        for (offset, hit) in found.hits.dropFirst(cursor.top).prefix(Self.rows(state.size)).enumerated() {
            let y = inner.y + 3 + offset
            let who = hit.participant.map { ParticipantTabs.participantName($0, state) } ?? "Group narrative"
            screen.putRow([[Span(Format.shortDate(hit.date), .value)], [Span(who, .value)], [Span(hit.field, .muted)],
                           [Span(hit.excerpt, .value)]],
                          columns: widths, alignments: alignments, x: inner.x + 2, y: y, ellipsis: glyphs.frame.ellipsis)
            if cursor.top + offset == cursor.selected {
                screen.put(glyphs.frame.marker, x: inner.x, y: y, role: .value)
                screen.paint(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .rosterSelected)
            }
        }
    }
}
