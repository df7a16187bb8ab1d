import CaseloadCore
import TerminalKit

/// The header (program, date, who is signed in, the caseload's state), the bar of top-level
/// screens, and the status line (what just happened, the keys that matter here).
enum ShellView {
    static func drawHeader(_ state: ConsoleState, in rect: Rect, into screen: inout Screen) {
        screen.fill(rect, role: .header)
        let staff = state.session.staff
        let left: [Span] = [
            Span(" \(state.data.program.name)", .headerAccent),
            Span(" \(state.session.glyphs.separator) \(Format.longDate(state.session.today))"
                 + " \(state.session.glyphs.separator) \(ShownName.of(staff.displayName, id: staff.id.rawValue, glyphs: state.session.glyphs)) (\(staff.role.rawValue))", .header),
        ]
        var right = caseloadState(state, withCount: true)
        if left.width + right.width + 1 > rect.width { right = caseloadState(state, withCount: false) }
        let rightWidth = right.width
        screen.put(left, x: rect.x, y: rect.y, width: max(0, rect.width - rightWidth - 1),
                   ellipsis: state.session.glyphs.frame.ellipsis)
        screen.put(right, x: rect.right - rightWidth, y: rect.y, width: rightWidth, ellipsis: "")
    }

    /// "12 in care · 1 participant file damaged · 2 files damaged "; the damage always shows,
    /// the count when there is room.
    private static func caseloadState(_ state: ConsoleState, withCount: Bool) -> [Span] {
        var spans = withCount ? [Span("\(state.digest.facts.rows.count) in care ", .header)] : []
        let damage = [(state.data.damagedParticipants.count, "participant file"), (state.data.damagedFileCount, "file")]
        for (count, what) in damage where count > 0 {
            if !spans.isEmpty { spans.append(Span("\(state.session.glyphs.separator) ", .header)) }
            spans.append(Span("\(Format.count(count, what)) damaged ", .headerAccent))
        }
        return spans
    }

    /// " 1 Today  2 Roster  3 Sessions  4 Dashboard   › Núñez, José (Pepe)".
    static func drawScreens(_ state: ConsoleState, in rect: Rect, into screen: inout Screen) {
        var spans: [Span] = [Span(" ")]
        for page in Page.allCases {
            let current = page == state.page
            spans.append(Span(" \(page.rawValue) \(page.title) ", current ? .tabSelected : .tab))
            spans.append(Span(" "))
        }
        if let open = state.participantScreen {
            let name = state.digest.facts.row(open.id)?.shownName(state.session.glyphs)
                ?? state.loadedDetail(of: open.id).map {
                    ShownName.of($0.participant.sortName, id: open.id.rawValue, glyphs: state.session.glyphs)
                } ?? open.id.rawValue
            spans.append(Span(" \(state.session.glyphs.frame.marker) \(name)", .titleFocused))
        }
        screen.put(spans, x: rect.x, y: rect.y, width: rect.width, ellipsis: state.session.glyphs.frame.ellipsis)
    }

    static func drawStatus(_ state: ConsoleState, in rect: Rect, into screen: inout Screen) {
        screen.fill(rect, role: .status)
        let left = statusText(state)
        var hints = hintSpans(state.keyMode, state: state)
        // The message wins over hints: drop hints from the end until both fit.
        while !hints.isEmpty, left.width + 2 + hints.width > rect.width {
            hints.removeLast(min(3, hints.count))
        }
        screen.put(left, x: rect.x, y: rect.y, width: rect.width, ellipsis: state.session.glyphs.frame.ellipsis)
        let hintsWidth = hints.width
        if hintsWidth > 0 {
            screen.put(hints, x: rect.right - hintsWidth, y: rect.y, width: hintsWidth, ellipsis: "")
        }
    }

    /// The message, the filter being typed, or a summary of where the user is.
    private static func statusText(_ state: ConsoleState) -> [Span] {
        if state.keyMode == .filter {
            return [Span(" Filter: ", .status), Span(state.roster.query, .input), Span(" ", .inputCursor),
                    Span("  \(state.filterSummary())", .status)]
        }
        if let message = state.status {
            return [Span(" " + message.text, message.isError ? .statusError : .status)]
        }
        return [Span(" ", .status)]
    }

    /// "Enter open  / filter  ? help": the hinted bindings of this mode that can run now, from
    /// the key table. Spans come in threes (key, word, gap) so whole hints can be dropped.
    private static func hintSpans(_ mode: KeyMode, state: ConsoleState) -> [Span] {
        var spans: [Span] = []
        for binding in KeyTable.bindings(in: mode) where binding.whyUnavailable(in: state) == nil {
            guard let hint = binding.hint, let key = binding.keys.first else { continue }
            spans.append(Span(key.description, .statusKey))
            spans.append(Span(" \(hint)", .status))
            spans.append(Span("  ", .status))
        }
        if spans.count >= 3 { spans[spans.count - 1] = Span(" ", .status) }
        return spans
    }
}
