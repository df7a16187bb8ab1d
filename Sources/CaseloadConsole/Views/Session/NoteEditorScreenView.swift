import CaseloadCore
import TerminalKit

/// Draws the editor's screen: what is being written and for whom, how many sections are still
/// empty, any other member the entry names, then the editor — or, after a conflict, both
/// versions one above the other with the keys to choose.
enum NoteEditorScreenView {
    static func draw(_ screen: NoteEditorScreen, _ state: ConsoleState, in rect: Rect, into canvas: inout Screen) {
        let glyphs = state.session.glyphs
        canvas.fill(rect)
        canvas.box(rect, title: title(screen, state), role: .borderFocused, titleRole: .titleFocused, glyphs: glyphs.frame)
        let inner = rect.inset(horizontal: 2, vertical: 1)
        guard !inner.isEmpty else { return }
        let session = screen.session
        var header = [Span("\(Wording.sessionTitle(session, separator: glyphs.separator)) \(glyphs.separator) "
                           + "\(Format.weekdayDate(session.date)) \(session.startTime)  ", .muted)]
        if case .note = screen.target {
            let editor = screen.editor
            header.append(Span(editor.completenessText, editor.emptyRequiredCount == 0 ? .muted : .flagWarning))
        }
        let named = namedMembers(screen, state)
        if !named.isEmpty {
            header.append(Span("  Names another member: \(named.joined(separator: ", "))", .flagSafety))
        }
        canvas.put(header, x: inner.x, y: inner.y, width: inner.width, ellipsis: glyphs.frame.ellipsis)
        if let conflict = screen.conflict {
            drawConflict(conflict, screen, state, in: Rect(x: inner.x, y: inner.y + 2, width: inner.width,
                                                             height: inner.height - 2), into: &canvas)
        } else if let checklist = screen.checklist {
            drawChecklist(checklist, state, in: Rect(x: inner.x, y: inner.y + 2, width: inner.width,
                                                     height: inner.height - 2), into: &canvas)
        } else {
            NoteEditorView.draw(screen.editor, in: NoteEditorScreen.editorArea(state.size), into: &canvas, glyphs: glyphs)
        }
    }

    private static func title(_ screen: NoteEditorScreen, _ state: ConsoleState) -> String {
        let separator = state.session.glyphs.separator
        switch screen.target {
        case .note(let participant):
            // Auditors look for notes tied to the plan: the title says how many objectives this one names.
            let links = screen.links.isEmpty ? "no objective linked (Ctrl-O)" : "\(Format.count(screen.links.count, "objective")) linked"
            return "\(screen.format.title) note \(separator) \(ParticipantTabs.participantName(participant, state)) "
                + "\(separator) \(links)"
        case .narrative:
            return "Shared narrative \(separator) every member's note shares it"
        case .addendum(let participant):
            return "Addendum \(separator) \(ParticipantTabs.participantName(participant, state))"
        }
    }

    /// The other members a member's own entry names, as the core's confidentiality rule finds
    /// them, so they show while the text is written rather than only when signing is refused.
    static func namedMembers(_ screen: NoteEditorScreen, _ state: ConsoleState) -> [String] {
        guard case .note(let participant) = screen.target, screen.session.members.count > 1 else { return [] }
        let names = screen.session.members.compactMap { member -> MemberNames? in
            guard let entry = state.digest.facts.row(member.participant)?.entry else { return nil }
            return MemberNames(participant: member.participant,
                               names: [entry.firstName, entry.lastName] + (entry.preferredName.map { [$0] } ?? []))
        }
        let mentions = ConfidentialNames.mentions(
            in: screen.editor.text, format: screen.format, own: names.first { $0.participant == participant },
            others: names.filter { $0.participant != participant })
        return ConfidentialNames.named(in: mentions).map { ParticipantTabs.participantName($0, state) }
    }

    /// Ctrl-O's list: "[x] 1.1.1 Attends three meetings a week · In progress", the selected
    /// line marked as the roster marks its row.
    private static func drawChecklist(_ list: ObjectiveChecklist, _ state: ConsoleState, in rect: Rect,
                                      into canvas: inout Screen) {
        guard !rect.isEmpty else { return }
        let glyphs = state.session.glyphs
        var out = TextLines(width: rect.width - 2, ellipsis: glyphs.frame.ellipsis)
        out.append("Objectives this session addressed", .title)
        out.blank()
        var rows: [Range<Int>] = []
        for objective in list.options {
            let start = out.lines.count
            let box = list.chosen.contains(objective.id) ? "[x] " : "[ ] "
            let label = "\(PlanItemForm.number(objective.id)) "
            let indent = DisplayWidth.of(box + label)
            for (index, line) in Wrap.lines(objective.statement, width: out.width - indent).enumerated() {
                out.append(index == 0 ? [Span(box, .key), Span(label, .label), Span(line, .value)]
                                      : [Span(String(repeating: " ", count: indent)), Span(line, .value)])
            }
            out.append([Span(String(repeating: " ", count: indent)),
                        Span("\(objective.status.title) \(glyphs.separator) target \(Format.date(objective.targetDate))", .muted)])
            rows.append(start..<out.lines.count)
        }
        let selected = rows[list.selected]
        let top = ConsoleState.scroll(0, showing: selected, of: out.lines.count, height: rect.height)
        let area = Rect(x: rect.x + 2, y: rect.y, width: rect.width - 2, height: rect.height)
        canvas.put(out.lines, in: area, scroll: top, ellipsis: glyphs.frame.ellipsis)
        for line in selected where line >= top && line < top + rect.height {
            let y = rect.y + line - top
            if line == selected.lowerBound { canvas.put(glyphs.frame.marker, x: rect.x, y: y, role: .value) }
            canvas.paint(Rect(x: area.x, y: y, width: area.width, height: 1), role: .rosterSelected)
        }
    }

    private static func drawConflict(_ conflict: EditConflict, _ screen: NoteEditorScreen, _ state: ConsoleState,
                                     in rect: Rect, into canvas: inout Screen) {
        let timeZone = state.data.program.timeZone
        let keys = screen.editor.sections.map(\.key)
        let theirs = conflict.stored.sections(keys: keys)
        let who = state.data.staff[conflict.savedBy]?.displayName ?? conflict.savedBy.rawValue
        var out = TextLines(width: rect.width, ellipsis: state.session.glyphs.frame.ellipsis)
        out.paragraph("\(who) saved this after you opened it, at \(Format.dateTime(conflict.savedAt, in: timeZone)). "
                      + "Both versions are kept until you choose.", indent: 0, role: .flagWarning)
        out.append([Span("m", .key), Span(" keep yours   ", .value), Span("t", .key), Span(" take theirs   ", .value),
                    Span("e", .key), Span(" merge both in the editor", .value)])
        for (heading, text) in [("Yours", screen.editor.text), ("Saved by \(who)", theirs)] {
            out.heading(heading)
            for section in screen.editor.sections {
                let body = text[section.key] ?? ""
                if keys.count > 1 { out.append("  \(section.title)", .label) }
                out.paragraph(body.isEmpty ? "(empty)" : body, indent: 4, role: body.isEmpty ? .muted : .value)
            }
        }
        canvas.put(out.lines, in: rect, scroll: 0, ellipsis: state.session.glyphs.frame.ellipsis)
    }
}
