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
        let content = Rect(x: layout.content.x + 1, y: layout.content.y, width: layout.content.width - 2,
                           height: layout.content.height)
        let lines = ParticipantTabs.lines(open.tab, detail, state: state, width: layout.content.width)
        screen.put(lines, in: content, scroll: open.scroll, ellipsis: glyphs.frame.ellipsis)
    }

    /// "Núñez, José (Pepe) · P-0003 · IOP · Substance use · Active".
    static func banner(_ detail: ParticipantDetail, state: ConsoleState) -> [Span] {
        let person = detail.participant
        let separator = state.session.glyphs.separator
        var spans = [Span(state.digest.facts.row(person.id)?.name ?? person.sortName, .titleFocused),
                     Span(" \(separator) \(person.id) \(separator) \(person.levelOfCare(on: state.session.today).abbreviation) "
                          + "\(separator) \(person.track.title) \(separator) \(person.status.title)", .value)]
        if detail.checkIns.contains(where: \.hasOpenSafetyFlag) {
            spans.append(Span("  \(state.session.glyphs.safetyFlag) Safety flag", .flagSafety))
        }
        return spans
    }
}
