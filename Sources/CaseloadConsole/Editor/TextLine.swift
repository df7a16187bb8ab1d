import TerminalKit

/// One line of an editor's text (no line break) as grapheme clusters with the columns each
/// takes, and the rows it wraps into at the editor's width. Kept per line so a keystroke
/// re-measures and re-wraps only the line it changed.
struct TextLine: Sendable, Equatable {
    private(set) var characters: [Character]
    private(set) var widths: [UInt8]
    /// The grapheme index each display row starts at: `[0]` for a line on one row (or empty).
    private(set) var rowStarts: [Int] = [0]

    /// Columns a tab takes; tabs come only from pasted or restored text (Tab moves between
    /// sections), and a fixed width keeps wrapping independent of where the tab falls.
    static let tabWidth = 4

    init(_ graphemes: some Collection<Grapheme>, wrapWidth: Int) {
        characters = graphemes.map(\.character)
        widths = graphemes.map(\.width)
        wrap(at: wrapWidth)
    }

    var count: Int { characters.count }
    var text: String { String(characters) }

    /// The grapheme clusters of `text` with their columns, measured in one pass.
    static func graphemes(_ text: String) -> [Grapheme] {
        DisplayWidth.graphemes(text).map { character, width in
            Grapheme(character: character, width: UInt8(character == "\t" ? tabWidth : width))
        }
    }

    /// Replaces the graphemes in `range` and re-wraps the line.
    mutating func replace(_ range: Range<Int>, with graphemes: some Collection<Grapheme>, wrapWidth: Int) {
        characters.replaceSubrange(range, with: graphemes.lazy.map(\.character))
        widths.replaceSubrange(range, with: graphemes.lazy.map(\.width))
        wrap(at: wrapWidth)
    }

    func graphemes(_ range: Range<Int>) -> [Grapheme] {
        range.map { Grapheme(character: characters[$0], width: widths[$0]) }
    }

    /// Soft wrap at `width` columns: a row breaks after a run of spaces when it has one, and
    /// mid-word only when a word is longer than the row. Spaces are kept, never collapsed; one
    /// space may hang in the column after the last (where the cursor goes at a row's end), so
    /// "hello world" at 5 wraps as "hello " / "world". A line whose last row is full of spaces
    /// gets an empty row after it, for the cursor at its end.
    mutating func wrap(at width: Int) {
        let width = max(1, width)
        var starts = [0]
        var rowStart = 0
        var column = 0
        // After the last space of the current row: where it can break, and the columns before it.
        var breakIndex = 0
        var breakColumn = 0
        for index in characters.indices {
            let charWidth = Int(widths[index])
            let isSpace = characters[index] == " "
            let limit = isSpace ? width + 1 : width
            while column + charWidth > limit, index > rowStart {
                if breakIndex > rowStart {
                    column -= breakColumn
                    rowStart = breakIndex
                } else {
                    column = 0
                    rowStart = index
                }
                starts.append(rowStart)
            }
            column += charWidth
            if isSpace {
                breakIndex = index + 1
                breakColumn = column
            }
        }
        if column > width { starts.append(characters.count) }
        rowStarts = starts
    }

    var rowCount: Int { rowStarts.count }

    /// The display row `index` shows on: a position at a row's start belongs to that row.
    func row(of index: Int) -> Int {
        var low = 0, high = rowStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if rowStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The graphemes shown on `row`.
    func range(ofRow row: Int) -> Range<Int> {
        rowStarts[row]..<(row + 1 < rowStarts.count ? rowStarts[row + 1] : characters.count)
    }

    /// The columns from the start of its row to `index`.
    func column(of index: Int) -> Int {
        let start = rowStarts[row(of: index)]
        return widths[start..<index].reduce(0) { $0 + Int($1) }
    }

    /// The position on `row` nearest `column` without passing it: never inside a wide
    /// character, and on a row that wraps, before its last grapheme at most (the position after
    /// it is the next row's start).
    func index(onRow row: Int, atColumn column: Int) -> Int {
        let range = range(ofRow: row)
        let last = row + 1 < rowStarts.count ? max(range.lowerBound, range.upperBound - 1) : range.upperBound
        var index = range.lowerBound
        var used = 0
        while index < last, used + Int(widths[index]) <= column {
            used += Int(widths[index])
            index += 1
        }
        return index
    }

    /// Whether the grapheme at `index` belongs to a word: letters (with their accents) and
    /// digits, and an apostrophe between two letters ("don't", "O’Brien").
    func isWordCharacter(at index: Int) -> Bool {
        let character = characters[index]
        if character.isLetter || character.isNumber { return true }
        guard character == "'" || character == "’", index > 0, index + 1 < characters.count else { return false }
        return characters[index - 1].isLetter && characters[index + 1].isLetter
    }
}

/// A grapheme cluster and the terminal columns it takes.
struct Grapheme: Sendable, Equatable {
    var character: Character
    var width: UInt8
}
