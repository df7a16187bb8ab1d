@testable import CaseloadConsole
import Testing

/// Typing and deleting with wide, combining and joined characters: the text stays what was
/// typed and the cursor never stands inside a grapheme.
@Suite struct TextEditingTests {
    private func typed(_ keys: [String], into text: String = "", at position: TextPosition? = nil) -> TextEditor {
        var editor = TextEditor(text: text, wrapWidth: 40)
        if let position { editor.place(position) } else { editor.moveToEnd() }
        for key in keys { _ = editor.insert(key) }
        return editor
    }

    @Test func typingAWideCharacterMovesTheCursorOneGraphemeAndTwoColumns() {
        let editor = typed(["李"], into: "ab", at: TextPosition(line: 0, column: 1))
        #expect(editor.text == "a李b")
        #expect(editor.cursor == TextPosition(line: 0, column: 2))
        #expect(editor.cursorOnScreen == (0, 3))
    }

    /// A combining accent typed after a letter becomes part of it: one grapheme, cursor after it.
    @Test func aCombiningAccentJoinsTheLetterBeforeIt() {
        let editor = typed(["\u{301}"], into: "cafe")
        #expect(editor.text == "cafe\u{301}")
        #expect(editor.lines[0].count == 4)
        #expect(editor.cursor == TextPosition(line: 0, column: 4))
    }

    @Test(arguments: [
        (["👩", "\u{200D}", "💻"], "👩‍💻"),
        (["🇺", "🇸"], "🇺🇸"),
        (["👍", "🏽"], "👍🏽"),
        (["ᄀ", "ᅡ", "ᆨ"], "각"),
    ])
    func charactersTypedOneByOneJoinIntoOneGrapheme(keys: [String], grapheme: String) {
        let editor = typed(keys, into: "a ")
        #expect(editor.text == "a " + grapheme)
        #expect(editor.lines[0].count == 3)
        #expect(editor.cursor == TextPosition(line: 0, column: 3))
    }

    @Test func aFlagTypedInARunOfFlagsPairsFromTheRunsStart() {
        let editor = typed(["🇫"], into: "🇺🇸🇷", at: TextPosition(line: 0, column: 1))
        #expect(editor.text == "🇺🇸🇫🇷")
        #expect(editor.lines[0].count == 2)
    }

    @Test(arguments: ["e\u{301}", "李", "👩‍👩‍👧", "🇺🇸", "각"])
    func backspaceAndDeleteTakeAWholeGrapheme(grapheme: String) {
        var editor = TextEditor(text: "a\(grapheme)b", wrapWidth: 40)
        editor.place(TextPosition(line: 0, column: 2))
        _ = editor.deleteBackward()
        #expect(editor.text == "ab")
        #expect(editor.cursor == TextPosition(line: 0, column: 1))
        editor = TextEditor(text: "a\(grapheme)b", wrapWidth: 40)
        editor.place(TextPosition(line: 0, column: 1))
        _ = editor.deleteForward()
        #expect(editor.text == "ab")
    }

    @Test func leftAndRightStepOverWholeGraphemes() {
        var editor = TextEditor(text: "e\u{301}👩‍💻李", wrapWidth: 40)
        var columns = [editor.cursorOnScreen.column]
        while editor.moveRight() { columns.append(editor.cursorOnScreen.column) }
        #expect(columns == [0, 1, 3, 5])
        while editor.moveLeft() {}
        #expect(editor.cursor == .start)
    }

    @Test func backspaceAtALinesStartJoinsItToTheLineBefore() {
        var editor = TextEditor(text: "first\nsecond", wrapWidth: 40)
        editor.place(TextPosition(line: 1, column: 0))
        _ = editor.deleteBackward()
        #expect(editor.text == "firstsecond")
        #expect(editor.cursor == TextPosition(line: 0, column: 5))
        #expect(editor.deleteForward() != nil)
        #expect(editor.text == "firstecond")
    }

    @Test func deleteAtALinesEndJoinsTheNextLine() {
        var editor = TextEditor(text: "first\nsecond", wrapWidth: 40)
        editor.place(TextPosition(line: 0, column: 5))
        _ = editor.deleteForward()
        #expect(editor.text == "firstsecond")
    }

    @Test func nothingToDeleteAtTheEdges() {
        var editor = TextEditor(text: "x", wrapWidth: 40)
        #expect(editor.deleteBackward() == nil)
        editor.moveToEnd()
        #expect(editor.deleteForward() == nil)
        #expect(editor.text == "x")
    }

    @Test func typingALineBreakSplitsTheLine() {
        let editor = typed(["\n"], into: "ab", at: TextPosition(line: 0, column: 1))
        #expect(editor.text == "a\nb")
        #expect(editor.cursor == TextPosition(line: 1, column: 0))
    }

    /// What goes into a note is what the core will save: no escape sequences or bidi overrides,
    /// line breaks as "\n", tabs kept.
    @Test func terminalControlsAreLeftOutOfTypedAndPastedText() {
        let editor = typed(["a\r\nb\rc\u{1B}[31md\u{202E}e\tf\u{7}"])
        #expect(editor.text == "a\nb\nc[31mde\tf")
        #expect(TextEditor(text: "x\u{1B}y", wrapWidth: 10).text == "xy")
        var plain = TextEditor(text: "", wrapWidth: 10)
        #expect(plain.insert("\u{1B}\u{7}") == nil)
    }

    @Test func anEmptyOrInvisibleTextHasNothingVisible() {
        #expect(!TextEditor(text: "", wrapWidth: 10).hasVisibleText)
        #expect(!TextEditor(text: "  \n\t\u{200B}\u{2800}", wrapWidth: 10).hasVisibleText)
        #expect(TextEditor(text: " \n .", wrapWidth: 10).hasVisibleText)
    }
}
