@testable import CaseloadConsole
import Foundation
import Testing

/// Ctrl-Z and Ctrl-Y: runs of typing and deleting undo together, everything else on its own,
/// across sections, and a paste of any length is one step.
@Suite struct UndoTests {
    @Test func aRunOfTypingUndoesAtOnceAndRedoes() {
        var editor = dapEditor()
        editor.type("Slept well")
        editor.apply(.undo)
        #expect(editor.focusedText == "")
        #expect(editor.texts[0].cursor == .start)
        editor.apply(.redo)
        #expect(editor.focusedText == "Slept well")
        #expect(editor.texts[0].cursor == TextPosition(line: 0, column: 10))
    }

    @Test func movingTheCursorStartsANewStep() {
        var editor = dapEditor()
        editor.type("mood good")
        editor.apply(.wordLeft)
        editor.type("very ")
        #expect(editor.focusedText == "mood very good")
        editor.apply(.undo)
        #expect(editor.focusedText == "mood good")
        editor.apply(.undo)
        #expect(editor.focusedText == "")
        #expect(!editor.canUndo)
    }

    @Test func aLineBreakIsAStepOfItsOwn() {
        var editor = dapEditor()
        editor.type("ab\ncd")
        var seen: [String] = []
        while editor.canUndo {
            editor.apply(.undo)
            seen.append(editor.focusedText)
        }
        #expect(seen == ["ab\n", "ab", ""])
    }

    @Test func backspacesInARowUndoTogetherAndPutTheCursorBack() {
        var editor = dapEditor(["data": "anxious today"])
        editor.apply(.deleteBackward, .deleteBackward, .deleteBackward, .deleteBackward, .deleteBackward, .deleteBackward)
        #expect(editor.focusedText == "anxious")
        editor.apply(.deleteWordBackward)
        #expect(editor.focusedText == "")
        editor.apply(.undo)
        #expect(editor.focusedText == "anxious today")
        #expect(editor.texts[0].cursor == TextPosition(line: 0, column: 13))
        #expect(!editor.canUndo)
    }

    @Test func deletesInARowUndoTogether() {
        var editor = dapEditor(["data": "a\nbcd"])
        editor.apply(.noteStart, .deleteForward, .deleteForward, .deleteForward)
        #expect(editor.focusedText == "cd")
        editor.apply(.undo)
        #expect(editor.focusedText == "a\nbcd")
        #expect(editor.texts[0].cursor == .start)
    }

    @Test func aNewChangeAfterUndoDropsWhatCouldBeRedone() {
        var editor = dapEditor()
        editor.type("one")
        editor.apply(.undo)
        #expect(editor.canRedo)
        editor.type("two")
        #expect(!editor.canRedo)
        editor.apply(.redo)
        #expect(editor.focusedText == "two")
    }

    @Test func undoGoesBackThroughSectionsAndFollowsTheChange() {
        var editor = dapEditor()
        editor.type("data text")
        editor.apply(.nextSection)
        editor.type("assessment text")
        editor.apply(.undo)
        #expect(editor.focus == 1)
        #expect(editor.text["assessment"] == "")
        editor.apply(.undo)
        #expect(editor.focus == 0)
        #expect(editor.text["data"] == "")
        editor.apply(.redo, .redo)
        #expect(editor.focus == 1)
        #expect(editor.text == ["data": "data text", "assessment": "assessment text", "plan": ""])
    }

    /// A combining accent merges into the letter before it; undo takes the accent back off.
    @Test func undoOfAnAccentThatJoinedALetter() {
        var editor = dapEditor(["data": "cafe"])
        editor.apply(.type("\u{301}"))
        #expect(editor.focusedText == "café")
        editor.apply(.undo)
        #expect(editor.focusedText == "cafe")
        editor.apply(.redo)
        #expect(editor.focusedText == "cafe\u{301}")
    }

    /// A bracketed paste of 10,000+ characters (with wide, combining and line-broken text) is
    /// one step, undone and redone whole.
    @Test func aLongPasteIsOneStep() {
        let line = "Client described 睡眠 improving; café visits 👩‍👩‍👧 weekly.\r\n"
        let pasted = String(repeating: line, count: 10_000 / line.count + 1)
        #expect(pasted.count >= 10_000)
        var editor = dapEditor(["data": "Before. "], cols: 60, rows: 20)
        editor.apply(.paste(pasted))
        let expected = "Before. " + pasted.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(editor.focusedText == expected)
        #expect(editor.texts[0].cursor == editor.texts[0].end)
        editor.type("After.")
        editor.apply(.undo)
        #expect(editor.focusedText == expected)
        editor.apply(.undo)
        #expect(editor.focusedText == "Before. ")
        #expect(!editor.canUndo)
        editor.apply(.redo)
        #expect(editor.focusedText == expected)
    }

    @Test func textFromOutsideIsOneStep() {
        var editor = dapEditor(["data": "old data", "plan": "old plan"])
        editor.replaceText(["data": "new data", "assessment": "written elsewhere", "plan": "old plan", "other": "x"])
        #expect(editor.text == ["data": "new data", "assessment": "written elsewhere", "plan": "old plan"])
        editor.apply(.undo)
        #expect(editor.text == ["data": "old data", "assessment": "", "plan": "old plan"])
        editor.apply(.redo)
        #expect(editor.text["assessment"] == "written elsewhere")
    }

    @Test func undoWithNothingToUndoChangesNothing() {
        var editor = dapEditor(["data": "kept"])
        editor.apply(.undo, .redo)
        #expect(editor.focusedText == "kept")
        #expect(editor.revision == 0)
    }
}
