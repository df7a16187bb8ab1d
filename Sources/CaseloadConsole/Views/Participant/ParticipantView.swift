import CaseloadCore
import TerminalKit

/// The participant screen: a banner naming who this is, the tab bar, and the tab's content.
enum ParticipantView {
    static func draw(_ state: ConsoleState, _ open: ParticipantScreen, size: Size, into screen: inout Screen) {
        let glyphs = state.session.glyphs
        let body = ConsoleLayout.shell(size).body
        let layout = ConsoleLayout.participant(size)
        screen.box(body, title: nil, role: .borderFocused, glyphs: glyphs.frame)
        guard let detail = state.loadedDetail(of: open.id) else {
            DetailPane.drawPending(state, open.id, in: layout.banner, into: &screen)
            return
        }
        screen.put(banner(detail, state: state), x: layout.banner.x + 1, y: layout.banner.y,
                   width: layout.banner.width - 1, ellipsis: glyphs.frame.ellipsis)
        var tabs: [Span] = []
        let full = ParticipantTab.allCases.reduce(0) { $0 + DisplayWidth.of($1.title) + 3 } <= layout.tabs.width - 1
        for tab in ParticipantTab.allCases {
            tabs.append(Span(" \(full ? tab.title : tab.shortTitle) ", tab == open.tab ? .tabSelected : .tab))
            tabs.append(Span(" "))
        }
        screen.put(tabs, x: layout.tabs.x + 1, y: layout.tabs.y, width: layout.tabs.width - 1,
                   ellipsis: glyphs.frame.ellipsis)
        let content = contentRect(size)
        guard open.tab == .plan else {
            let lines = ParticipantTabs.lines(open.tab, detail, state: state, width: content.width)
            screen.put(lines, in: content, scroll: open.scroll, ellipsis: glyphs.frame.ellipsis)
            return
        }
        let plan = PlanTab.layout(detail, state: state, width: content.width)
        screen.put(plan.lines, in: content, scroll: open.scroll, ellipsis: glyphs.frame.ellipsis)
        guard !plan.itemLines.isEmpty else { return }
        // The selected line, as the roster marks its row: a marker in the margin and a bar.
        let start = max(0, min(open.scroll, max(0, plan.lines.count - content.height)))
        let selected = plan.itemLines[min(open.planItem, plan.itemLines.count - 1)]
        for line in selected where line >= start && line < start + content.height {
            let y = content.y + line - start
            if line == selected.lowerBound { screen.put(glyphs.frame.marker, x: content.x - 1, y: y, role: .value) }
            screen.paint(Rect(x: content.x, y: y, width: content.width, height: 1), role: .rosterSelected)
        }
    }

    /// Where a tab's lines go: the content area less a column of margin each side. Update counts
    /// lines at this width too, so scrolling stops at the last line drawn.
    static func contentRect(_ size: Size) -> Rect {
        let content = ConsoleLayout.participant(size).content
        return Rect(x: content.x + 1, y: content.y, width: content.width - 2, height: content.height)
    }

    /// "Núñez, José (Pepe) · P-0003 · IOP · Substance use · Active".
    static func banner(_ detail: ParticipantDetail, state: ConsoleState) -> [Span] {
        let person = detail.participant
        let separator = state.session.glyphs.separator
        // A discharged chart says so in place of its status, with the date: nothing here can be changed.
        let readOnly = state.whyChartReadOnly(person.id)
        var spans = [Span(state.digest.facts.shownName(of: person, glyphs: state.session.glyphs), .titleFocused),
                     Span(" \(separator) \(person.id) \(separator) \(person.levelOfCare(on: state.session.today).abbreviation) "
                          + "\(separator) \(person.track.title) \(separator) ", .value),
                     readOnly.map { Span($0, .flagWarning) } ?? Span(person.status.title, .value)]
        if detail.checkIns.contains(where: \.hasOpenSafetyFlag) {
            spans.append(Span("  \(state.session.glyphs.safetyFlag) Safety flag", .flagSafety))
        }
        return spans
    }
}
