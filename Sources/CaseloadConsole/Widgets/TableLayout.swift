import TerminalKit

/// A column of a table: fixed width, or flexible with a minimum, and a priority saying which
/// columns give way first when the window is narrow.
struct TableColumn: Sendable, Equatable {
    var title: String
    var width: Int
    /// Flexible columns share what the fixed ones leave; `width` is then their minimum.
    var flexible: Bool = false
    var alignment: Alignment = .left
    /// Higher survives longer; 0 never drops.
    var priority: Int = 0

    static func fixed(_ title: String, _ width: Int, align: Alignment = .left, priority: Int = 0) -> TableColumn {
        TableColumn(title: title, width: width, alignment: align, priority: priority)
    }

    static func flex(_ title: String, min: Int, priority: Int = 0) -> TableColumn {
        TableColumn(title: title, width: min, flexible: true, priority: priority)
    }
}

enum TableLayout {
    /// The width of every column in `total` columns of space, 0 for a dropped column. Droppable
    /// columns go lowest priority first (the rightmost first among equals) until the rest fit.
    /// Flexible columns share the spare room equally; given `natural`, each column's widest
    /// content (see `natural(_:rows:)`), they grow only toward it, those missing least first, so
    /// as many columns as possible are shown whole (the last one included) and the table ends
    /// where its text does.
    static func widths(_ columns: [TableColumn], in total: Int, natural: [Int]? = nil) -> [Int] {
        var shown = Array(repeating: true, count: columns.count)
        func needed() -> Int {
            let kept = columns.indices.filter { shown[$0] }
            return kept.reduce(0) { $0 + columns[$1].width } + max(0, kept.count - 1)
        }
        let droppable = columns.indices
            .filter { columns[$0].priority > 0 }
            .sorted { (columns[$0].priority, -$0) < (columns[$1].priority, -$1) }
        for index in droppable where needed() > total {
            shown[index] = false
        }
        var widths = columns.indices.map { shown[$0] ? columns[$0].width : 0 }
        let flexible = columns.indices.filter { shown[$0] && columns[$0].flexible }
        var spare = total - needed()
        if spare > 0, let natural, natural.count == columns.count {
            let short = flexible.filter { widths[$0] < natural[$0] }
                .sorted { (natural[$0] - widths[$0], -$0) < (natural[$1] - widths[$1], -$1) }
            for index in short {
                let grow = min(natural[index] - widths[index], spare)
                widths[index] += grow
                spare -= grow
            }
        } else if spare > 0, !flexible.isEmpty {
            let share = spare / flexible.count
            for index in flexible {
                widths[index] += share
                spare -= share
            }
            widths[flexible[0]] += spare
        } else if spare < 0 {
            // Still too wide with everything droppable gone: shrink flexible columns, then cut.
            for index in flexible.reversed() where spare < 0 {
                let cut = min(widths[index] - 1, -spare)
                widths[index] -= cut
                spare += cut
            }
        }
        return widths
    }

    /// Each column's widest content: its title and every row's cell.
    static func natural(_ columns: [TableColumn], rows: [[[Span]]]) -> [Int] {
        columns.indices.map { index in
            rows.reduce(DisplayWidth.of(columns[index].title)) { widest, row in
                index < row.count ? max(widest, row[index].width) : widest
            }
        }
    }
}
