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
        let lines = ParticipantTabs.lines(open.tab, detail, state: state, width: content.width)
        screen.put(lines, in: content, scroll: open.scroll, ellipsis: glyphs.frame.ellipsis)
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
        let name = state.digest.facts.row(person.id)?.name ?? person.sortName
        // A discharged chart says so in place of its status, with the date: nothing here can be changed.
        let readOnly = state.whyChartReadOnly(person.id)
        var spans = [Span(ShownName.of(name, id: person.id.rawValue, glyphs: state.session.glyphs), .titleFocused),
                     Span(" \(separator) \(person.id) \(separator) \(person.levelOfCare(on: state.session.today).abbreviation) "
                          + "\(separator) \(person.track.title) \(separator) ", .value),
                     readOnly.map { Span($0, .flagWarning) } ?? Span(person.status.title, .value)]
        if detail.checkIns.contains(where: \.hasOpenSafetyFlag) {
            spans.append(Span("  \(state.session.glyphs.safetyFlag) Safety flag", .flagSafety))
        }
        return spans
    }
}
