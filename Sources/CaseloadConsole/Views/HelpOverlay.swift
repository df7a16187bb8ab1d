import CaseloadCore
import TerminalKit

/// `?`: every binding of the key table, grouped; the ones that do not apply where help was
/// opened are muted. Generated from the same table dispatch reads, so it cannot drift.
enum HelpOverlay {
    static func draw(_ state: ConsoleState, scroll: Int, size: Size, into screen: inout Screen) {
        let rect = ConsoleLayout.help(size)
        guard rect.width >= 4, rect.height >= 3 else { return }
        screen.fill(rect, role: .overlay)
        screen.box(rect, title: "Keys (Esc closes)", role: .overlayBorder, titleRole: .titleFocused,
                   glyphs: state.session.glyphs.frame)
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        screen.put(lines(for: state, width: rect.width - 2), in: inner, scroll: scroll,
                   ellipsis: state.session.glyphs.frame.ellipsis)
    }

    /// The help text for `width` columns: two columns of groups when there is room.
    static func lines(for state: ConsoleState, width: Int) -> [[Span]] {
        var base = state
        base.overlay = nil
        let mode = base.keyMode
        let groups = KeyGroup.allCases.map { group in
            groupLines(group, mode: mode, keysWidth: KeyTable.keysWidth(of: group))
        }.filter { !$0.isEmpty }
        let legend = legendLines(state.session.glyphs)
        let columnWidth = (width - 6) / 2
        guard width >= 100 else {
            return groups.flatMap { $0 + [[]] } + legend
        }
        // Fill the left column with whole groups up to half of the lines, the rest on the right.
        let total = groups.reduce(0) { $0 + $1.count + 1 }
        var left: [[Span]] = [], right: [[Span]] = []
        for group in groups {
            if left.count < total / 2 { left += group + [[]] } else { right += group + [[]] }
        }
        var merged: [[Span]] = []
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? left[index].fitted(to: columnWidth) : []
            let r = index < right.count ? right[index] : []
            merged.append(l + [Span(String(repeating: " ", count: columnWidth - l.width + 2))] + r)
        }
        return merged + legend
    }

    private static func groupLines(_ group: KeyGroup, mode: KeyMode, keysWidth: Int) -> [[Span]] {
        let members = KeyTable.bindings.filter { $0.group == group }
        guard !members.isEmpty else { return [] }
        return [[Span(group.title, .title)]] + members.map { binding in
            let here = binding.modes.contains(mode)
            return [Span(DisplayWidth.fit(binding.keyNames, to: keysWidth) + "  ", here ? .key : .muted),
                    Span(binding.help, here ? .value : .muted)]
        }
    }

    private static func legendLines(_ glyphs: ConsoleGlyphs) -> [[Span]] {
        [
            [Span("Roster flags", .title)],
            [Span(glyphs.safetyFlag, .flagSafety), Span(" open safety flag   ", .value),
             Span("C+3", .flagWarning), Span(" check-in overdue 3 days   ", .value),
             Span("N2", .flagWarning), Span(" 2 notes overdue", .value)],
            [Span("Hours: ", .value), Span("\(glyphs.meterFilled)\(glyphs.meterFilled)\(glyphs.meterEmpty)\(glyphs.meterEmpty)", .meterShort),
             Span(" attended this week against what the level of care requires", .value)],
            [Span("Scores: PHQ-9 ", .value), Span("5", .scoreMild), Span(" mild, ", .value),
             Span("10", .scoreModerate), Span(" moderate, ", .value), Span("15", .scoreModeratelySevere),
             Span(" moderately severe, ", .value), Span("20", .scoreSevere), Span(" severe; GAD-7 5, 10, 15", .value)],
        ]
    }
}
