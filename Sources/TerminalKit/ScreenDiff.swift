/// Consecutive cells of one row in one role that a backend must write.
public struct ScreenRun: Sendable, Hashable {
    public var x: Int
    public var y: Int
    /// The graphemes to write; a double-width character covers two columns.
    public var text: String
    public var role: Role

    public init(x: Int, y: Int, text: String, role: Role) {
        self.x = x
        self.y = y
        self.text = text
        self.role = role
    }
}

extension Screen {
    /// The runs that turn `previous` into this screen: only changed cells, or every cell when
    /// there is no previous screen or its size differs. Both halves of a double-width
    /// character are always in the same run, and a run never starts on the second half.
    public func changes(from previous: Screen?) -> [ScreenRun] {
        let old = previous.flatMap { $0.size == size ? $0 : nil }
        var runs: [ScreenRun] = []
        for row in 0..<size.rows {
            let rowStart = row * size.cols
            var dirty = (0..<size.cols).map { column in
                old.map { $0.cells[rowStart + column] != cells[rowStart + column] } ?? true
            }
            for column in 0..<size.cols where dirty[column] && cells[rowStart + column].isContinuation && column > 0 {
                dirty[column - 1] = true
            }
            for column in 0..<max(0, size.cols - 1) where dirty[column] && cells[rowStart + column + 1].isContinuation {
                dirty[column + 1] = true
            }
            var current: ScreenRun?
            for column in 0..<size.cols {
                let cell = cells[rowStart + column]
                guard dirty[column] else {
                    if let run = current { runs.append(run) }
                    current = nil
                    continue
                }
                if var run = current, cell.isContinuation || run.role == cell.role {
                    run.text += cell.text
                    current = run
                } else {
                    if let run = current { runs.append(run) }
                    current = ScreenRun(x: column, y: row, text: cell.text, role: cell.role)
                }
            }
            if let run = current { runs.append(run) }
        }
        return runs
    }
}
