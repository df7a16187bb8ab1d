/// Moving the cursor: by grapheme, word, display row and to either end, each motion saying
/// when it cannot go further so a note carries on into the next section.
extension TextEditor {
    /// False when already at the start.
    mutating func moveLeft() -> Bool {
        if cursor.column > 0 {
            cursor.column -= 1
        } else if cursor.line > 0 {
            cursor = TextPosition(line: cursor.line - 1, column: lines[cursor.line - 1].count)
        } else {
            return false
        }
        return true
    }

    /// False when already at the end.
    mutating func moveRight() -> Bool {
        if cursor.column < lines[cursor.line].count {
            cursor.column += 1
        } else if cursor.line + 1 < lines.count {
            cursor = TextPosition(line: cursor.line + 1, column: 0)
        } else {
            return false
        }
        return true
    }

    /// To the start of this word or the one before; a line's start goes to the end of the line
    /// before. False when already at the start.
    mutating func moveWordLeft() -> Bool {
        guard cursor.column > 0 else { return moveLeft() }
        let line = lines[cursor.line]
        var index = cursor.column
        while index > 0, !line.isWordCharacter(at: index - 1) { index -= 1 }
        while index > 0, line.isWordCharacter(at: index - 1) { index -= 1 }
        cursor.column = index
        return true
    }

    /// To the end of this word or the next; a line's end goes to the start of the next line.
    /// False when already at the end.
    mutating func moveWordRight() -> Bool {
        let line = lines[cursor.line]
        guard cursor.column < line.count else { return moveRight() }
        var index = cursor.column
        while index < line.count, !line.isWordCharacter(at: index) { index += 1 }
        while index < line.count, line.isWordCharacter(at: index) { index += 1 }
        cursor.column = index
        return true
    }

    /// Home and End: the start or end of the display row the cursor is on.
    mutating func moveToRowStart() {
        let line = lines[cursor.line]
        cursor.column = line.rowStarts[line.row(of: cursor.column)]
    }

    mutating func moveToRowEnd() {
        let line = lines[cursor.line]
        cursor.column = line.index(onRow: line.row(of: cursor.column), atColumn: .max)
    }

    mutating func moveToStart() { cursor = .start }
    mutating func moveToEnd() { cursor = end }

    /// The display row of `position` counted from the text's first, and its column.
    func displayPosition(of position: TextPosition) -> (row: Int, column: Int) {
        let before = lines[..<position.line].reduce(0) { $0 + $1.rowCount }
        let line = lines[position.line]
        return (before + line.row(of: position.column), line.column(of: position.column))
    }

    /// Puts the cursor on display `row` (clamped to the text), as near `column` as it can
    /// without passing it.
    mutating func move(toRow row: Int, column: Int) {
        var remaining = max(0, min(row, rowCount - 1))
        for (index, line) in lines.enumerated() {
            if remaining < line.rowCount {
                cursor = TextPosition(line: index, column: line.index(onRow: remaining, atColumn: column))
                return
            }
            remaining -= line.rowCount
        }
    }

    /// The graphemes shown on each display row in `rows`, for drawing.
    func rowContents(_ rows: Range<Int>) -> [ArraySlice<Character>] {
        var result: [ArraySlice<Character>] = []
        var first = 0
        for line in lines {
            defer { first += line.rowCount }
            guard first + line.rowCount > rows.lowerBound else { continue }
            guard first < rows.upperBound else { break }
            for row in max(0, rows.lowerBound - first)..<min(line.rowCount, rows.upperBound - first) {
                result.append(line.characters[line.range(ofRow: row)])
            }
        }
        return result
    }
}
