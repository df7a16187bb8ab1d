import CaseloadCore
import TerminalKit

/// Today, Sessions and Dashboard: a box of titled tables with one selected row.
enum ReportView {
    static func draw(_ state: ConsoleState, _ report: Report, title: String, in rect: Rect, into screen: inout Screen) {
        let glyphs = state.session.glyphs
        screen.box(rect, title: title, role: .borderFocused, titleRole: .titleFocused, glyphs: glyphs.frame)
        let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2)
        guard !inner.isEmpty else { return }
        let cursor = state.reportCursors[state.page] ?? ListCursor()
        let selectedLine = report.rowCount > 0 ? report.line(ofRow: cursor.selected) : -1
        var top = cursor.top
        if selectedLine >= top + inner.height { top = selectedLine - inner.height + 1 }
        if selectedLine >= 0, selectedLine < top { top = selectedLine }
        var line = 0
        for section in report.sections {
            let widths = TableLayout.widths(section.columns, in: inner.width - 2,
                                            natural: TableLayout.natural(section.columns, rows: section.rows.map(\.cells)))
            let alignments = section.columns.map(\.alignment)
            func y(_ offset: Int) -> Int? {
                let row = line + offset - top
                return row >= 0 && row < inner.height ? inner.y + row : nil
            }
            if let y = y(0) {
                screen.put(section.title, x: inner.x + 1, y: y, role: .title, maxWidth: inner.width - 1)
            }
            if section.rows.isEmpty {
                if let y = y(1) { screen.put(section.emptyText, x: inner.x + 2, y: y, role: .muted, maxWidth: inner.width - 2) }
            } else {
                if let y = y(1) {
                    let titles = zip(section.columns, widths).map { column, width in
                        [Span(WordCut.fit(column.title, to: width, ellipsis: glyphs.frame.ellipsis), .label)]
                    }
                    screen.putRow(titles, columns: widths, alignments: alignments, x: inner.x + 2, y: y, ellipsis: "")
                }
                for (index, row) in section.rows.enumerated() {
                    guard let y = y(2 + index) else { continue }
                    screen.putRow(row.cells, columns: widths, alignments: alignments, x: inner.x + 2, y: y,
                                  ellipsis: glyphs.frame.ellipsis)
                    if line + 2 + index == selectedLine {
                        screen.put(glyphs.frame.marker, x: inner.x, y: y, role: .value)
                        screen.paint(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .rosterSelected)
                    }
                }
            }
            line += Report.lineCount(of: section)
            if line - top >= inner.height { break }
        }
    }
}
