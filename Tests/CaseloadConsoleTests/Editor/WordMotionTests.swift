@testable import CaseloadConsole
import Testing

/// Ctrl/Alt-arrows stop at the ends of words; Ctrl-W and Alt-Backspace delete back to a word's start.
@Suite struct WordMotionTests {
    private static let text = "The client's mood—improved; slept 6h. 今天很好 ok"

    /// Where each Ctrl-Right lands, as the text before the cursor.
    @Test func wordRightStopsAtEachWordsEnd() {
        var editor = TextEditor(text: Self.text, wrapWidth: 80)
        var stops: [String] = []
        while editor.moveWordRight() { stops.append(editor.text(from: .start, to: editor.cursor)) }
        #expect(stops == [
            "The", "The client's", "The client's mood", "The client's mood—improved",
            "The client's mood—improved; slept", "The client's mood—improved; slept 6h",
            "The client's mood—improved; slept 6h. 今天很好", Self.text,
        ])
    }

    @Test func wordLeftStopsAtEachWordsStart() {
        var editor = TextEditor(text: Self.text, wrapWidth: 80)
        editor.moveToEnd()
        var stops: [String] = []
        while editor.moveWordLeft() { stops.append(editor.text(from: editor.cursor, to: editor.end)) }
        #expect(stops == [
            "ok", "今天很好 ok", "6h. 今天很好 ok", "slept 6h. 今天很好 ok", "improved; slept 6h. 今天很好 ok",
            "mood—improved; slept 6h. 今天很好 ok", "client's mood—improved; slept 6h. 今天很好 ok", Self.text,
        ])
    }

    @Test func aLineBreakIsOneStop() {
        var editor = TextEditor(text: "first line\n  second", wrapWidth: 80)
        editor.place(TextPosition(line: 1, column: 0))
        var stops: [TextPosition] = []
        _ = editor.moveWordLeft()
        stops.append(editor.cursor)
        while editor.moveWordRight() { stops.append(editor.cursor) }
        #expect(stops == [TextPosition(line: 0, column: 10), TextPosition(line: 1, column: 0), TextPosition(line: 1, column: 8)])
    }

    @Test func accentedAndCombinedLettersAreInsideWords() {
        var editor = TextEditor(text: "Núñez Nu\u{303}n\u{303}o done", wrapWidth: 80)
        var stops: [String] = []
        while editor.moveWordRight() { stops.append(editor.text(from: .start, to: editor.cursor)) }
        #expect(stops == ["Núñez", "Núñez Nu\u{303}n\u{303}o", "Núñez Nu\u{303}n\u{303}o done"])
    }

    @Test(arguments: [
        ("hello world", "hello "),
        ("hello world   ", "hello "),
        ("one, two; ", "one, "),
        ("line\n", "line"),
        ("x", ""),
    ])
    func deleteWordBackward(text: String, left: String) {
        var editor = TextEditor(text: text, wrapWidth: 80)
        editor.moveToEnd()
        #expect(editor.deleteWordBackward() != nil)
        #expect(editor.text == left)
    }

    @Test func deleteWordForwardTakesTheNextWordAndTheSpaceBeforeIt() {
        var editor = TextEditor(text: "Plan: review safety plan", wrapWidth: 80)
        editor.place(TextPosition(line: 0, column: 4))
        _ = editor.deleteWordForward()
        #expect(editor.text == "Plan safety plan")
        _ = editor.deleteWordForward()
        #expect(editor.text == "Plan plan")
    }
}
