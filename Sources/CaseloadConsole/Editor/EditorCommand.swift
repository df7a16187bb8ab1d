/// Everything the note editor does, as a value: the key table turns keys into these, and
/// `NoteEditor.apply` carries them out.
public enum EditorCommand: Sendable, Hashable {
    /// Text typed at the cursor; keystrokes in a row undo together.
    case type(String)
    /// A bracketed paste, however long: one undo step of its own.
    case paste(String)
    case newline
    case left, right, up, down
    case wordLeft, wordRight
    /// Home and End: the start or end of the row the cursor is on.
    case rowStart, rowEnd
    /// The start or end of the whole note.
    case noteStart, noteEnd
    /// A screenful up or down (the height the editor was last given).
    case pageUp, pageDown
    case deleteBackward, deleteForward
    case deleteWordBackward, deleteWordForward
    case undo, redo
    case nextSection, previousSection
}
