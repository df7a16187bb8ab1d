import TerminalKit

/// A run of text in one role; lines of the console are built from spans before they are drawn.
public struct Span: Sendable, Equatable {
    public var text: String
    public var role: Role

    public init(_ text: String, _ role: Role = .normal) {
        self.text = text
        self.role = role
    }

    public var width: Int { DisplayWidth.of(text) }
}

extension [Span] {
    var width: Int { reduce(0) { $0 + $1.width } }
}

extension Screen {
    /// Draws `spans` from (`x`, `y`) within `width` columns, marking a cut with `ellipsis`;
    /// returns the columns written. Wide characters are never split.
    @discardableResult
    mutating func put(_ spans: [Span], x: Int, y: Int, width: Int, ellipsis: String) -> Int {
        guard width > 0 else { return 0 }
        let widths = spans.map(\.width)
        let total = widths.reduce(0, +)
        guard total > width else {
            // Everything fits: the common case, with no measuring beyond the widths above.
            var column = x
            for span in spans { column += put(span.text, x: column, y: y, role: span.role) }
            return column - x
        }
        let room = width - DisplayWidth.of(ellipsis)
        var column = 0
        for (span, spanWidth) in zip(spans, widths) where column < room {
            let text = spanWidth <= room - column ? span.text : DisplayWidth.truncate(span.text, to: room - column)
            column += put(text, x: x + column, y: y, role: span.role, maxWidth: room - column)
        }
        if total > width {
            column += put(ellipsis, x: x + column, y: y, role: spans.last?.role ?? .normal, maxWidth: width - column)
        }
        return column
    }

    /// Draws one row of a table: each cell padded or cut to its column's width, one space
    /// between columns.
    mutating func putRow(_ cells: [[Span]], columns: [Int], alignments: [Alignment], x: Int, y: Int,
                         ellipsis: String) {
        var column = x
        for (index, width) in columns.enumerated() where width > 0 {
            let spans = index < cells.count ? cells[index] : []
            let alignment = index < alignments.count ? alignments[index] : .left
            let used = alignment == .right ? min(spans.width, width) : 0
            let start = alignment == .right ? column + width - used : column
            put(spans, x: start, y: y, width: width, ellipsis: ellipsis)
            column += width + 1
        }
    }
}
