/// A frame as a value: a grid of cells that views draw into and backends copy to the terminal.
public struct Screen: Sendable, Equatable {
    public private(set) var size: Size
    /// Row-major cells, `size.cols * size.rows` of them.
    public internal(set) var cells: [Cell]
    /// Where the terminal shows its cursor (a text field being typed into), or nil to hide it.
    /// Backends show it only inside the screen; `changes(from:)` ignores it.
    public var cursor: Point?

    /// A blank screen.
    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: size.cols * size.rows)
    }

    /// A screen holding `lines` in the normal role, as wide as the widest line (for tests).
    public init(lines: [String]) {
        self.init(size: Size(cols: lines.map(DisplayWidth.of).max() ?? 0, rows: lines.count))
        for (row, line) in lines.enumerated() { put(line, x: 0, y: row) }
    }

    /// The whole screen as a rectangle.
    public var area: Rect { Rect(size) }

    /// The cell at (`x`, `y`); a blank cell outside the screen.
    public subscript(x: Int, y: Int) -> Cell {
        area.contains(column: x, row: y) ? cells[y * size.cols + x] : .blank
    }

    /// Each row as plain text, continuation cells omitted and trailing spaces kept.
    public var lines: [String] {
        (0..<size.rows).map { row in
            cells[row * size.cols..<(row + 1) * size.cols].reduce(into: "") { $0 += $1.text }
        }
    }

    /// Replaces one cell, blanking the other half of any double-width character it cuts.
    mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard area.contains(column: x, row: y) else { return }
        let index = y * size.cols + x
        if cells[index].isContinuation, x > 0 {
            cells[index - 1].text = " "
        }
        if x + 1 < size.cols, cells[index + 1].isContinuation {
            cells[index + 1].text = " "
        }
        cells[index] = cell
    }
}

extension Screen: CustomStringConvertible {
    /// The size and every row quoted, so a failing `==` shows both frames legibly.
    public var description: String {
        (["Screen \(size)" + (cursor.map { " cursor \($0)" } ?? "")] + lines.map { "\"\($0)\"" }).joined(separator: "\n")
    }
}
