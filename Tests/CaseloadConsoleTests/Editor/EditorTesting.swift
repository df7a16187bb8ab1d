@testable import CaseloadConsole
import TerminalKit

extension TextEditor {
    /// Each display row as text, top to bottom.
    var rows: [String] { rowContents(0..<rowCount).map { String($0) } }

    /// The cursor's display row and column.
    var cursorOnScreen: (row: Int, column: Int) { displayPosition(of: cursor) }

    /// Puts the cursor at `position` (tests place it directly rather than by keys).
    mutating func place(_ position: TextPosition) {
        moveToStart()
        while cursor < position, moveRight() {}
    }
}

extension NoteEditor {
    /// Types `text` key by key, as the console sends it.
    mutating func type(_ text: String) {
        for character in text {
            apply(character == "\n" ? .newline : .type(String(character)))
        }
    }

    mutating func apply(_ commands: EditorCommand...) {
        for command in commands { apply(command) }
    }

    /// The focused section's text.
    var focusedText: String { texts[focus].text }
}

/// A DAP note editor with room for `cols` columns of text and `rows` rows.
func dapEditor(_ text: [String: String] = [:], cols: Int = 40, rows: Int = 10) -> NoteEditor {
    NoteEditor(format: .dap, text: text, viewport: Size(cols: cols, rows: rows))
}
