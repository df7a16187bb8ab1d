import CaseloadCore
import TerminalKit

/// `?`: every binding of the key table, grouped; the ones that do not apply where help was
/// opened are muted. Generated from the same table dispatch reads, so it cannot drift.
enum HelpOverlay {
    static func draw(_ state: ConsoleState, scroll: Int, size: Size, into screen: inout Screen) {
        let rect = ConsoleLayout.help(size)
        guard rect.width >= 4, rect.height >= 3 else { return }
        // A blank cell around it, so no fragment of the screen below reads as part of the help.
        let margin = Rect(x: rect.x - 1, y: rect.y - 1, width: rect.width + 2, height: rect.height + 2)
        screen.fill(margin.intersection(ConsoleLayout.shell(size).body.inset(by: 1)), role: .normal)
        screen.fill(rect, role: .overlay)
        screen.box(rect, title: "Keys (Esc closes)", role: .overlayBorder, titleRole: .titleFocused,
                   glyphs: state.session.glyphs.frame)
        let inner = textRect(rect)
        // Every span on the overlay's ground, so its fill is not broken where text is drawn.
        let lines = lines(for: state, width: inner.width).map { line in
            line.map { Span($0.text, $0.role.on(.overlay)) }
        }
        screen.put(lines, in: inner, scroll: scroll, ellipsis: state.session.glyphs.frame.ellipsis)
    }

    /// Where the help text goes inside the overlay's border, a column of margin each side.
    /// Update counts lines at this width too, so scrolling stops at the last line drawn.
    static func textRect(_ rect: Rect) -> Rect {
        Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
    }

    /// The help text for `width` columns: two columns of groups when there is room. A
    /// description too long for its column wraps under itself, never cut.
    static func lines(for state: ConsoleState, width: Int) -> [[Span]] {
        var base = state
        base.overlay = nil
        let mode = base.keyMode
        let gap = 4
        let twoColumns = width >= 96
        let columnWidth = twoColumns ? (width - gap) / 2 : width
        let groups = KeyGroup.allCases.map { group in
            groupLines(group, mode: mode, keysWidth: KeyTable.keysWidth(of: group), width: columnWidth)
        }.filter { !$0.isEmpty }
        let legend = legendLines(state.session.glyphs, width: width)
        guard twoColumns else {
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
            let l = index < left.count ? left[index] : []
            let r = index < right.count ? right[index] : []
            merged.append(l + [Span(String(repeating: " ", count: columnWidth - l.width + gap))] + r)
        }
        return merged + legend
    }

    private static func groupLines(_ group: KeyGroup, mode: KeyMode, keysWidth: Int, width: Int) -> [[Span]] {
        let members = KeyTable.bindings.filter { $0.group == group }
        guard !members.isEmpty else { return [] }
        let indent = keysWidth + 2
        return [[Span(group.title, .title)]] + members.flatMap { binding in
            let here = binding.modes.contains(mode)
            let help = Wrap.lines(binding.help, width: max(1, width - indent))
            return help.enumerated().map { index, line in
                let keys = index == 0 ? DisplayWidth.fit(binding.keyNames, to: keysWidth) + "  "
                    : String(repeating: " ", count: indent)
                return [Span(keys, here ? .key : .muted), Span(line, here ? .value : .muted)]
            }
        }
    }

    private static func legendLines(_ glyphs: ConsoleGlyphs, width: Int) -> [[Span]] {
        let items: [[Span]] = [
            [Span(glyphs.safetyFlag, .flagSafety), Span(" open safety flag", .value)],
            [Span("C+3", .flagWarning), Span(" check-in overdue 3 days", .value)],
            [Span("N2", .flagWarning), Span(" 2 notes overdue", .value)],
        ]
        // The three flags on one line when it fits, else one a line.
        let together = items.dropFirst().reduce(items[0]) { $0 + [Span("   ")] + $1 }
        return [[Span("Roster flags", .title)]]
            + (together.width <= width ? [together] : items)
            + wrapped([Span("Hours: ", .value),
                       Span("\(glyphs.meterFilled)\(glyphs.meterFilled)\(glyphs.meterEmpty)\(glyphs.meterEmpty)", .meterShort),
                       Span(" attended this week against what the level of care requires", .value)], width: width)
            + wrapped([Span("Scores: PHQ-9 ", .value), Span("5", .scoreMild), Span(" mild, ", .value),
                       Span("10", .scoreModerate), Span(" moderate, ", .value), Span("15", .scoreModeratelySevere),
                       Span(" moderately severe, ", .value), Span("20", .scoreSevere),
                       Span(" severe; GAD-7 5, 10, 15", .value)], width: width)
    }

    /// A legend line as is when it fits, else its spans broken between words onto more lines.
    private static func wrapped(_ spans: [Span], width: Int) -> [[Span]] {
        guard spans.width > width else { return [spans] }
        var lines: [[Span]] = [[]]
        for span in spans {
            for (index, word) in span.text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
                let piece = (index == 0 ? "" : " ") + word
                if lines[lines.count - 1].width + DisplayWidth.of(piece) > width, !lines[lines.count - 1].isEmpty {
                    lines.append([Span(String(word), span.role)])
                } else {
                    lines[lines.count - 1].append(Span(piece, span.role))
                }
            }
        }
        return lines
    }
}
