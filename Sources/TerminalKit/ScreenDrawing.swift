extension Screen {
    /// Writes `text` from (`x`, `y`) in `role`, clipped to the screen and to `maxWidth` columns,
    /// and returns the columns written. A double-width character that does not fit is replaced
    /// by a space; control characters and lone zero-width characters are skipped.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < size.rows, x < size.cols else { return 0 }
        let limit = min(size.cols, x + max(0, maxWidth ?? size.cols))
        var column = x
        for (character, width) in DisplayWidth.graphemes(text) where width > 0 {
            guard column < limit else { break }
            if column + width > limit {
                set(Cell(" ", role: role), x: column, y: y)
                column += 1
                break
            }
            if column >= 0 {
                set(Cell(String(character), role: role), x: column, y: y)
                if width == 2 { set(Cell("", role: role), x: column + 1, y: y) }
            }
            column += width
        }
        return max(0, column - max(x, 0))
    }

    /// Blanks every cell of `rect` (clipped to the screen) in `role`.
    public mutating func fill(_ rect: Rect, role: Role = .normal) {
        let clipped = rect.intersection(area)
        for row in clipped.y..<clipped.bottom {
            for column in clipped.x..<clipped.right {
                set(Cell(" ", role: role), x: column, y: row)
            }
        }
    }

    /// Changes the role of every cell in `rect` (clipped to the screen), keeping the text;
    /// used to highlight a row that is already drawn.
    public mutating func paint(_ rect: Rect, role: Role) {
        let clipped = rect.intersection(area)
        for row in clipped.y..<clipped.bottom {
            for column in clipped.x..<clipped.right {
                cells[row * size.cols + column].role = role
            }
        }
    }

    /// Draws a border around `rect` with an optional title on the top edge
    /// ("┌ Title ───┐"); nothing when `rect` is smaller than 2×2.
    public mutating func box(_ rect: Rect, title: String? = nil, role: Role = .normal,
                             titleRole: Role? = nil, glyphs: Glyphs = .unicode) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        for column in rect.x + 1..<rect.right - 1 {
            put(glyphs.horizontal, x: column, y: rect.y, role: role)
            put(glyphs.horizontal, x: column, y: rect.bottom - 1, role: role)
        }
        for row in rect.y + 1..<rect.bottom - 1 {
            put(glyphs.vertical, x: rect.x, y: row, role: role)
            put(glyphs.vertical, x: rect.right - 1, y: row, role: role)
        }
        put(glyphs.topLeft, x: rect.x, y: rect.y, role: role)
        put(glyphs.topRight, x: rect.right - 1, y: rect.y, role: role)
        put(glyphs.bottomLeft, x: rect.x, y: rect.bottom - 1, role: role)
        put(glyphs.bottomRight, x: rect.right - 1, y: rect.bottom - 1, role: role)
        if let title, !title.isEmpty, rect.width >= 5 {
            let label = DisplayWidth.truncate(title, to: rect.width - 4, ellipsis: glyphs.ellipsis)
            put(" \(label) ", x: rect.x + 1, y: rect.y, role: titleRole ?? role)
        }
    }
}
