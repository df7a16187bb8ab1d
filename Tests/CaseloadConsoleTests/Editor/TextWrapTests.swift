@testable import CaseloadConsole
import Testing

/// Soft wrap: where rows break, and where the cursor shows on them.
@Suite struct TextWrapTests {
    @Test(arguments: [
        // Breaks after the space between words; the space hangs at the row's end.
        ("hello world", 5, ["hello ", "world"]),
        // Exactly the width: one row, the cursor after it stands in the spare column.
        ("abcde", 5, ["abcde"]),
        ("abcde fghij", 5, ["abcde ", "fghij"]),
        ("one two three", 8, ["one two ", "three"]),
        // A word longer than the row is cut between graphemes.
        ("abcdefghijkl", 5, ["abcde", "fghij", "kl"]),
        ("see abcdefghijkl", 5, ["see ", "abcde", "fghij", "kl"]),
        // A wide character that would straddle the edge goes to the next row.
        ("abcd李", 5, ["abcd", "李"]),
        ("李李李", 5, ["李李", "李"]),
        ("ab 李李", 5, ["ab ", "李李"]),
        // Runs of spaces are kept; more than one can hang moves on to the next row.
        ("hi   ", 3, ["hi  ", " "]),
        ("a    b", 3, ["a   ", " b"]),
        // A last row ending in a hanging space gets an empty row for the cursor at the end.
        ("abc ", 3, ["abc ", ""]),
        // Combining accents take no column; emoji and CJK take two.
        ("cafe\u{301} ok", 5, ["café ", "ok"]),
        ("👩‍💻👩‍💻👩‍💻", 4, ["👩‍💻👩‍💻", "👩‍💻"]),
        // Line breaks start rows of their own; an empty line is one row.
        ("a\n\nb", 5, ["a", "", "b"]),
        ("", 5, [""]),
        // A tab is four columns wherever it falls.
        ("a\tb", 5, ["a\t", "b"]),
        // Narrower than a wide character: it stands alone on its row.
        ("李a", 1, ["李", "a"]),
    ])
    func rows(text: String, width: Int, rows: [String]) {
        #expect(TextEditor(text: text, wrapWidth: width).rows == rows)
    }

    @Test func rewrapsAtANewWidth() {
        var editor = TextEditor(text: "The client reported better sleep", wrapWidth: 40)
        #expect(editor.rows == ["The client reported better sleep"])
        editor.setWrapWidth(12)
        #expect(editor.rows == ["The client ", "reported ", "better sleep"])
        #expect(editor.rowCount == 3)
    }

    @Test func theCursorAfterAFullRowStandsInTheSpareColumn() {
        var editor = TextEditor(text: "abcde", wrapWidth: 5)
        editor.moveToEnd()
        #expect(editor.cursorOnScreen == (0, 5))
    }

    @Test func aPositionAtARowStartShowsOnThatRow() {
        var editor = TextEditor(text: "hello world", wrapWidth: 5)
        editor.place(TextPosition(line: 0, column: 6))
        #expect(editor.cursorOnScreen == (1, 0))
        editor.place(TextPosition(line: 0, column: 5))
        #expect(editor.cursorOnScreen == (0, 5), "on the hanging space")
    }

    @Test func columnsCountWideCharactersTwiceAndAccentsNotAtAll() {
        var editor = TextEditor(text: "李e\u{301}x", wrapWidth: 10)
        editor.place(TextPosition(line: 0, column: 2))
        #expect(editor.cursorOnScreen == (0, 3))
        editor.moveToEnd()
        #expect(editor.cursorOnScreen == (0, 4))
    }

    @Test func rowCountFollowsEdits() {
        var editor = TextEditor(text: "short", wrapWidth: 6)
        editor.moveToEnd()
        _ = editor.insert(" and then much longer")
        #expect(editor.rowCount == editor.rows.count)
        #expect(editor.rows == ["short ", "and ", "then ", "much ", "longer"])
        _ = editor.insert("\nnext")
        #expect(editor.rowCount == 6)
    }
}
