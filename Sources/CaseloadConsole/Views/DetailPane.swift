import CaseloadCore
import TerminalKit

/// The selected participant's overview beside the roster (120 columns and wider).
enum DetailPane {
    static func draw(_ state: ConsoleState, in rect: Rect, into screen: inout Screen) {
        let glyphs = state.session.glyphs
        let focused = state.roster.focus == .detail
        let id = state.selectedRosterParticipant
        let title = id.flatMap { id in
            state.digest.facts.row(id).map { ShownName.of($0.entry.displayName, id: id.rawValue, glyphs: glyphs) }
        } ?? "Detail"
        screen.box(rect, title: title, role: focused ? .borderFocused : .border,
                   titleRole: focused ? .titleFocused : .title, glyphs: glyphs.frame)
        let inner = textRect(rect)
        guard !inner.isEmpty else { return }
        guard let id else {
            screen.put("Select a participant to see their details.", x: inner.x, y: inner.y, role: .muted,
                       maxWidth: inner.width)
            return
        }
        guard let detail = state.loadedDetail(of: id) else {
            drawPending(state, id, in: inner, into: &screen)
            return
        }
        let lines = [ParticipantView.banner(detail, state: state)]
            + OverviewTab.lines(detail, state: state, width: inner.width)
        screen.put(lines, in: inner, scroll: state.roster.detailScroll, ellipsis: glyphs.frame.ellipsis)
    }

    /// Where the overview's lines go inside the pane's border, after a column of margin. Update
    /// counts lines at this width too, so scrolling stops at the last line drawn.
    static func textRect(_ rect: Rect) -> Rect {
        Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 3, height: rect.height - 2)
    }

    /// "Loading P-0003…" or the reason it could not be loaded.
    static func drawPending(_ state: ConsoleState, _ id: ParticipantID, in rect: Rect, into screen: inout Screen) {
        if case .failed(id, let message) = state.detail {
            screen.put([Span("Could not open \(id): ", .error), Span(message, .value)], x: rect.x + 1, y: rect.y,
                       width: rect.width - 1, ellipsis: state.session.glyphs.frame.ellipsis)
        } else {
            screen.put("Loading \(id)\(state.session.glyphs.frame.ellipsis)", x: rect.x + 1, y: rect.y, role: .muted,
                       maxWidth: rect.width - 1)
        }
    }
}
