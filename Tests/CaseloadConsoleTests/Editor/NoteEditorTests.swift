@testable import CaseloadConsole
import CaseloadCore
import Testing
import TerminalKit

/// A note as labelled sections: moving between them, what is still to write, what to save.
@Suite struct NoteEditorTests {
    @Test(arguments: [
        (NoteFormat.dap, ["data", "assessment", "plan"]),
        (.soap, ["subjective", "objective", "assessment", "plan"]),
        (.birp, ["behavior", "intervention", "response", "plan"]),
        (.free, ["note"]),
    ])
    func oneRequiredSectionPerSectionOfTheFormat(format: NoteFormat, keys: [String]) {
        let editor = NoteEditor(format: format, text: [:], viewport: Size(cols: 40, rows: 10))
        #expect(editor.sections.map(\.key) == keys)
        #expect(editor.sections.map(\.title) == format.sections.map(\.title))
        #expect(editor.emptyRequiredCount == keys.count)
        #expect(editor.text == Dictionary(uniqueKeysWithValues: keys.map { ($0, "") }))
    }

    @Test func tabAndShiftTabGoRoundTheSections() {
        var editor = NoteEditor(format: .soap, text: [:], viewport: Size(cols: 40, rows: 10))
        var visited = [editor.focusedSection.key]
        for _ in 0..<4 {
            editor.apply(.nextSection)
            visited.append(editor.focusedSection.key)
        }
        #expect(visited == ["subjective", "objective", "assessment", "plan", "subjective"])
        editor.apply(.previousSection)
        #expect(editor.focusedSection.key == "plan")
    }

    /// Each section keeps its own cursor: Tab back into one carries on where it was left.
    @Test func eachSectionKeepsItsCursor() {
        var editor = dapEditor(["data": "Attended group.", "assessment": "Engaged."])
        #expect(editor.texts[0].cursor == TextPosition(line: 0, column: 15), "a restored draft opens at its end")
        editor.apply(.rowStart)
        editor.apply(.nextSection)
        editor.type(" Calm")
        editor.apply(.previousSection)
        editor.type("Today: ")
        #expect(editor.text == ["data": "Today: Attended group.", "assessment": "Engaged. Calm", "plan": ""])
    }

    @Test func theEmptyCountUsesTheCoresVisibleTextRule() {
        var editor = dapEditor()
        #expect(editor.emptyRequiredCount == 3)
        #expect(editor.completenessText == "3 sections to write: Data, Assessment, Plan")
        editor.type("  \u{200B}\n\t")
        #expect(editor.emptyRequiredCount == 3, "spaces, line breaks and invisible characters are not writing")
        editor.type("Ate breakfast")
        editor.apply(.nextSection, .nextSection)
        editor.type("Follow up")
        #expect(editor.emptyRequiredSections.map(\.key) == ["assessment"])
        #expect(editor.completenessText == "1 section to write: Assessment")
        editor.apply(.previousSection)
        editor.type("Stable")
        #expect(editor.emptyRequiredCount == 0)
        #expect(editor.completenessText == "Every section is written")
    }

    @Test func sectionsThatAreNotRequiredAreNotCounted() {
        let editor = NoteEditor(
            sections: [.init(key: "narrative", title: "Shared narrative"), .init(key: "aside", title: "Aside", isRequired: false)],
            text: [:], viewport: Size(cols: 40, rows: 10))
        #expect(editor.emptyRequiredSections.map(\.key) == ["narrative"])
    }

    @Test func theRevisionCountsChangesOnly() {
        var editor = dapEditor()
        editor.apply(.right, .down, .nextSection, .pageDown, .deleteBackward)
        #expect(editor.revision == 0)
        editor.type("ab")
        #expect(editor.revision == 2)
        editor.apply(.undo)
        #expect(editor.revision == 3)
    }

    /// Autosave: unsaved until marked saved at the revision it wrote; typing during the save
    /// keeps it unsaved; undoing back to the saved text is saved again.
    @Test func unsavedChangesFollowTheRevisionSaved() {
        var editor = dapEditor(["data": "x"])
        #expect(!editor.hasUnsavedChanges)
        editor.type("y")
        #expect(editor.hasUnsavedChanges)
        let snapshot = (text: editor.text, revision: editor.revision)
        editor.type("z")
        editor.markSaved(snapshot.text, atRevision: snapshot.revision)
        #expect(editor.hasUnsavedChanges, "z came after the save began")
        editor.markSaved(editor.text, atRevision: editor.revision)
        #expect(!editor.hasUnsavedChanges)
        editor.apply(.deleteBackward)
        #expect(editor.hasUnsavedChanges)
        editor.apply(.undo)
        #expect(!editor.hasUnsavedChanges, "the text is the saved text again")
    }

    @Test func arrowsRunOnAcrossSections() {
        var editor = dapEditor(["data": "ab", "assessment": "cd", "plan": "ef"])
        editor.apply(.right)
        #expect(editor.focus == 1)
        #expect(editor.texts[1].cursor == .start)
        editor.apply(.left)
        #expect(editor.focus == 0)
        #expect(editor.texts[0].cursor == TextPosition(line: 0, column: 2))
        editor.apply(.noteEnd)
        editor.apply(.right, .wordRight)
        #expect(editor.focus == 2)
        editor.apply(.noteStart, .left, .wordLeft)
        #expect(editor.focus == 0)
        #expect(editor.texts[0].cursor == .start)
    }

    /// Up and Down move by display row through every section, keeping the column they aim for
    /// across shorter rows, and never into the middle of a wide character.
    @Test func upAndDownKeepTheirColumn() {
        var editor = dapEditor(["data": "abcdefgh\nab", "assessment": "李李李李", "plan": "abcdefgh"], cols: 20)
        editor.apply(.noteStart, .right, .right, .right, .right, .right, .right)
        var seen: [String] = []
        for _ in 0..<3 {
            editor.apply(.down)
            let editorNow = editor.texts[editor.focus]
            seen.append("\(editor.focusedSection.key) \(editorNow.cursor) col \(editorNow.cursorOnScreen.column)")
        }
        #expect(seen == ["data 1:2 col 2", "assessment 0:3 col 6", "plan 0:6 col 6"])
        editor.apply(.up)
        #expect(editor.texts[1].cursor == TextPosition(line: 0, column: 3))
        editor.apply(.left, .down)
        #expect(editor.texts[2].cursor == TextPosition(line: 0, column: 4), "a new column after Left")
    }

    @Test func upAndDownAtTheEndsStayInTheNote() {
        var editor = dapEditor(["data": "abc"])
        editor.apply(.noteStart, .right, .up)
        #expect(editor.focus == 0)
        #expect(editor.texts[0].cursor == TextPosition(line: 0, column: 1))
        editor.apply(.noteEnd, .down)
        #expect(editor.focus == 2)
    }

    @Test func homeAndEndGoToTheRowsEnds() {
        var editor = dapEditor(["data": "hello world again"], cols: 6)
        editor.apply(.noteStart, .down, .right)
        editor.apply(.rowEnd)
        #expect(editor.texts[0].cursor == TextPosition(line: 0, column: 11), "before the space that hangs")
        editor.apply(.rowStart)
        #expect(editor.texts[0].cursor == TextPosition(line: 0, column: 6))
    }

    /// Scrolling keeps the cursor on screen, with its section's label when on its first row.
    @Test func theViewFollowsTheCursor() {
        var editor = dapEditor(cols: 20, rows: 5)
        for line in 1...12 { editor.type("line \(line)\n") }
        #expect(editor.cursorDocumentPosition.row == 13)
        #expect(editor.scrollTop == 13 - 4)
        editor.apply(.nextSection)
        for line in 1...12 { editor.type("more \(line)\n") }
        let label = editor.labelRow(of: 1)
        while editor.cursorDocumentPosition.row > label + 1 {
            editor.apply(.up)
            let row = editor.cursorDocumentPosition.row
            #expect(row >= editor.scrollTop && row < editor.scrollTop + 5)
        }
        #expect(editor.scrollTop == label, "Assessment's label shows above its first row")
        editor.apply(.noteStart)
        #expect(editor.scrollTop == 0)
    }

    @Test func pageDownMovesTheCursorAndTheViewTogether() {
        let text = (1...40).map { "line \($0)" }.joined(separator: "\n")
        var editor = dapEditor(["data": text], cols: 20, rows: 10)
        editor.apply(.noteStart, .down, .down)
        let onScreen = editor.cursorDocumentPosition.row - editor.scrollTop
        editor.apply(.pageDown)
        #expect(editor.texts[0].cursor.line == 11)
        #expect(editor.cursorDocumentPosition.row - editor.scrollTop == onScreen)
        editor.apply(.pageUp)
        #expect(editor.texts[0].cursor.line == 2)
        for _ in 0..<10 { editor.apply(.pageDown) }
        #expect(editor.focus == 2, "paging runs on into the next sections")
    }

    @Test func aNarrowerViewportWrapsAgainAndKeepsTheCursorInView() {
        var editor = dapEditor(["data": String(repeating: "word ", count: 40)], cols: 60, rows: 5)
        editor.setViewport(Size(cols: 10, rows: 5))
        #expect(editor.texts[0].wrapWidth == 10)
        let row = editor.cursorDocumentPosition.row
        #expect(row >= editor.scrollTop && row < editor.scrollTop + 5)
    }
}
