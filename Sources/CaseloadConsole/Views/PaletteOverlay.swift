import CaseloadCore
import TerminalKit

/// `:`: type to narrow the commands, Enter runs the selected one. Each shows its key, so the
/// palette also teaches the keys.
enum PaletteOverlay {
    static func draw(_ state: ConsoleState, _ palette: PaletteState, size: Size, into screen: inout Screen) {
        let rect = ConsoleLayout.palette(size)
        guard rect.width >= 6, rect.height >= 5 else { return }
        let glyphs = state.session.glyphs
        screen.fill(rect, role: .overlay)
        screen.box(rect, title: "Commands", role: .overlayBorder, titleRole: .titleFocused, glyphs: glyphs.frame)
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        screen.put([Span(": ", .key), Span(palette.query, .input), Span(" ", .inputCursor)],
                   x: inner.x, y: inner.y, width: inner.width, ellipsis: glyphs.frame.ellipsis)
        var base = state
        base.overlay = nil
        let mode = base.keyMode
        let listTop = inner.y + 2
        let height = inner.height - 2
        guard !palette.matches.isEmpty else {
            screen.put("No command matches \"\(palette.query)\"", x: inner.x, y: listTop, role: .muted, maxWidth: inner.width)
            return
        }
        let cursor = palette.cursor
        let first = cursor.selected >= cursor.top + height ? cursor.selected - height + 1 : min(cursor.top, cursor.selected)
        for line in 0..<height where first + line < palette.matches.count {
            let match = palette.matches[first + line]
            let binding = KeyTable.binding(for: match.command, in: mode)
            let usable = binding.map { $0.whyUnavailable(in: base) == nil } ?? false
            let key = (binding ?? KeyTable.bindings.first { $0.command == match.command })?.keys.first?.description ?? ""
            let y = listTop + line
            let keyWidth = DisplayWidth.of(key)
            screen.put(title(match, usable: usable), x: inner.x, y: y, width: inner.width - keyWidth - 1,
                       ellipsis: glyphs.frame.ellipsis)
            screen.put(key, x: inner.right - keyWidth, y: y, role: usable ? .key : .muted)
            if first + line == cursor.selected {
                screen.paint(Rect(x: inner.x - 1, y: y, width: inner.width + 2, height: 1), role: .rosterSelected)
            }
        }
    }

    /// The title with the typed characters in the match role.
    private static func title(_ match: PaletteMatch, usable: Bool) -> [Span] {
        let positions = Set(match.positions)
        let role: Role = usable ? .value : .muted
        return match.title.enumerated().map { offset, character in
            Span(String(character), positions.contains(offset) ? .match : role)
        }
    }
}
