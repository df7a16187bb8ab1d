import CaseloadCore

/// One text being edited (a note section, a narrative): its lines as grapheme clusters, the
/// cursor, and soft wrap at a width. Edits return the `Edit` they made, which `NoteEditor`
/// keeps for undo; motions say when they reach the text's edge so a note carries on into the
/// next section. Pure value: no terminal, no clock.
public struct TextEditor: Sendable, Equatable {
    private(set) var lines: [TextLine]
    public internal(set) var cursor = TextPosition.start
    /// Columns a display row holds (the cursor may stand in the column after the last).
    public private(set) var wrapWidth: Int
    /// Display rows of every line together.
    public private(set) var rowCount: Int

    /// `text` with its line breaks; terminal controls other than tabs are left out.
    public init(text: String, wrapWidth: Int) {
        self.wrapWidth = max(1, wrapWidth)
        let graphemes = TextLine.graphemes(Self.clean(text))
        lines = graphemes.split(omittingEmptySubsequences: false) { $0.character == "\n" }
            .map { TextLine($0, wrapWidth: max(1, wrapWidth)) }
        rowCount = lines.reduce(0) { $0 + $1.rowCount }
    }

    /// The whole text, lines joined with "\n".
    public var text: String {
        lines.map(\.text).joined(separator: "\n")
    }

    /// Whether the text holds something a reader would see (the core's rule for a written section).
    public var hasVisibleText: Bool {
        lines.contains { line in line.characters.contains { String($0).hasVisibleText } }
    }

    public var end: TextPosition {
        TextPosition(line: lines.count - 1, column: lines[lines.count - 1].count)
    }

    /// Re-wraps every line; only a change of width needs this.
    public mutating func setWrapWidth(_ width: Int) {
        let width = max(1, width)
        guard width != wrapWidth else { return }
        wrapWidth = width
        for index in lines.indices { lines[index].wrap(at: width) }
        rowCount = lines.reduce(0) { $0 + $1.rowCount }
    }

    /// Text as typed or pasted becomes text the core will save: "\r\n" and "\r" become "\n", and
    /// terminal controls (escape sequences, bidi overrides) are dropped; tabs stay.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.isTerminalControl && $0 != "\n" && $0 != "\t" }) else {
            return text
        }
        var kept = String.UnicodeScalarView()
        var afterReturn = false
        for scalar in text.unicodeScalars {
            defer { afterReturn = scalar == "\r" }
            switch scalar {
            case "\r": kept.append("\n")
            case "\n" where afterReturn: continue
            case "\n", "\t": kept.append(scalar)
            case _ where scalar.isTerminalControl: continue
            default: kept.append(scalar)
            }
        }
        return String(kept)
    }

    // MARK: Editing

    /// Replaces the text from `start` to `end` with `text` (already `clean`) and puts the cursor
    /// after it. Only the lines touched are measured and wrapped again. Graphemes either side
    /// are re-read with the new text, since a combining accent or a joiner typed next to a
    /// character becomes part of it; when that happens the edit covers the merged characters.
    @discardableResult
    mutating func replace(from start: TextPosition, to end: TextPosition, with text: String) -> Edit {
        let cursorBefore = cursor
        let removed = self.text(from: start, to: end)
        let before = contextStart(start)
        let after = contextEnd(end)
        let prefix = String(lines[start.line].characters[before..<start.column])
        let suffix = String(lines[end.line].characters[end.column..<after])
        let window = TextLine.graphemes(prefix + text + suffix)
        let segments = window.split(omittingEmptySubsequences: false) { $0.character == "\n" }

        let oldRows = lines[start.line...end.line].reduce(0) { $0 + $1.rowCount }
        if start.line == end.line, segments.count == 1 {
            lines[start.line].replace(before..<after, with: segments[0], wrapWidth: wrapWidth)
        } else {
            let head = lines[start.line].graphemes(0..<before)
            let tail = lines[end.line].graphemes(after..<lines[end.line].count)
            let replacement = segments.indices.map { index in
                TextLine((index == 0 ? head : []) + segments[index] + (index == segments.count - 1 ? tail : []),
                         wrapWidth: wrapWidth)
            }
            lines.replaceSubrange(start.line...end.line, with: replacement)
        }
        let newRows = lines[start.line..<(start.line + segments.count)].reduce(0) { $0 + $1.rowCount }
        rowCount += newRows - oldRows

        let prefixScalars = prefix.unicodeScalars.count
        let textEnd = prefixScalars + text.unicodeScalars.count
        let boundaries = Self.boundaries(of: window, upTo: textEnd)
        let windowStart = TextPosition(line: start.line, column: before)
        cursor = windowStart.advanced(graphemes: window.prefix(boundaries.count))
        let joinsCleanly = (prefixScalars == 0 || boundaries.contains(prefixScalars))
            && (textEnd == 0 || boundaries.last == textEnd)
        if joinsCleanly {
            return Edit(start: start, removed: removed, removedEnd: end, inserted: text, insertedEnd: cursor,
                        cursorBefore: cursorBefore, cursorAfter: cursor)
        }
        let placed = String(window.map(\.character))
        return Edit(start: windowStart, removed: prefix + removed + suffix,
                    removedEnd: TextPosition(line: end.line, column: after), inserted: placed,
                    insertedEnd: windowStart.advanced(by: placed), cursorBefore: cursorBefore, cursorAfter: cursor)
    }

    /// Scalar offsets where the graphemes of `window` end, up to the first at or past `limit`.
    private static func boundaries(of window: [Grapheme], upTo limit: Int) -> [Int] {
        var offsets: [Int] = []
        var offset = 0
        for grapheme in window where offset < limit {
            offset += grapheme.character.unicodeScalars.count
            offsets.append(offset)
        }
        return offsets
    }

    /// Two graphemes of context, more across a run of flags (regional indicators pair up from
    /// the start of the run, so one typed in the middle re-pairs the rest).
    private func contextStart(_ position: TextPosition) -> Int {
        let characters = lines[position.line].characters
        var index = max(0, position.column - 2)
        while index > 0, characters[index - 1].isRegionalIndicator { index -= 1 }
        return index
    }

    private func contextEnd(_ position: TextPosition) -> Int {
        let characters = lines[position.line].characters
        var index = min(characters.count, position.column + 2)
        while index < characters.count, characters[index].isRegionalIndicator { index += 1 }
        return index
    }

    func text(from start: TextPosition, to end: TextPosition) -> String {
        guard start.line != end.line else { return String(lines[start.line].characters[start.column..<end.column]) }
        var result = String(lines[start.line].characters[start.column...])
        for line in lines[(start.line + 1)..<end.line] { result += "\n" + line.text }
        return result + "\n" + String(lines[end.line].characters[..<end.column])
    }

    /// Puts the text back as it was before `edit`, or makes it again.
    mutating func revert(_ edit: Edit) {
        replace(from: edit.start, to: edit.insertedEnd, with: edit.removed)
        cursor = edit.cursorBefore
    }

    mutating func reapply(_ edit: Edit) {
        replace(from: edit.start, to: edit.removedEnd, with: edit.inserted)
        cursor = edit.cursorAfter
    }

    mutating func insert(_ text: String) -> Edit? {
        let text = Self.clean(text)
        return text.isEmpty ? nil : replace(from: cursor, to: cursor, with: text)
    }

    mutating func deleteBackward() -> Edit? {
        var probe = self
        return probe.moveLeft() ? replace(from: probe.cursor, to: cursor, with: "") : nil
    }

    mutating func deleteForward() -> Edit? {
        var probe = self
        return probe.moveRight() ? replace(from: cursor, to: probe.cursor, with: "") : nil
    }

    mutating func deleteWordBackward() -> Edit? {
        var probe = self
        return probe.moveWordLeft() ? replace(from: probe.cursor, to: cursor, with: "") : nil
    }

    mutating func deleteWordForward() -> Edit? {
        var probe = self
        return probe.moveWordRight() ? replace(from: cursor, to: probe.cursor, with: "") : nil
    }
}

extension TextPosition {
    /// Where `graphemes` placed here end.
    fileprivate func advanced(graphemes: some Sequence<Grapheme>) -> TextPosition {
        var position = self
        for grapheme in graphemes {
            if grapheme.character == "\n" {
                position = TextPosition(line: position.line + 1, column: 0)
            } else {
                position.column += 1
            }
        }
        return position
    }
}

extension Character {
    /// A flag's half: regional indicators pair with their neighbours.
    fileprivate var isRegionalIndicator: Bool {
        unicodeScalars.first.map { (0x1F1E6...0x1F1FF).contains($0.value) } ?? false
    }
}
