import TerminalKit

/// One line of the editor's keys: the keys, what they do, and the help a clinician reads.
public struct EditorKeyBinding: Sendable {
    public let keys: [Key]
    public let command: EditorCommand
    public let help: String
}

/// The editor's keys as data, for the console's one key table (which also lists them under `?`
/// and in `caseload keys`). Esc, Ctrl-S and Ctrl-E belong to the screen that holds the editor.
public enum EditorKeys {
    public static let bindings: [EditorKeyBinding] = [
        EditorKeyBinding(keys: [.left], command: .left, help: "Move one character left"),
        EditorKeyBinding(keys: [.right], command: .right, help: "Move one character right"),
        EditorKeyBinding(keys: [.up], command: .up, help: "Move up a line"),
        EditorKeyBinding(keys: [.down], command: .down, help: "Move down a line"),
        EditorKeyBinding(keys: [Key.left.with(.ctrl), Key.left.with(.alt), .alt("b")], command: .wordLeft,
                         help: "Move to the start of the word"),
        EditorKeyBinding(keys: [Key.right.with(.ctrl), Key.right.with(.alt), .alt("f")], command: .wordRight,
                         help: "Move to the end of the word"),
        EditorKeyBinding(keys: [.home], command: .rowStart, help: "Move to the start of the line"),
        EditorKeyBinding(keys: [.end], command: .rowEnd, help: "Move to the end of the line"),
        EditorKeyBinding(keys: [Key.home.with(.ctrl)], command: .noteStart, help: "Move to the start of the note"),
        EditorKeyBinding(keys: [Key.end.with(.ctrl)], command: .noteEnd, help: "Move to the end of the note"),
        EditorKeyBinding(keys: [.pageUp], command: .pageUp, help: "Move up a screenful"),
        EditorKeyBinding(keys: [.pageDown], command: .pageDown, help: "Move down a screenful"),
        EditorKeyBinding(keys: [.tab], command: .nextSection, help: "Go to the next section"),
        EditorKeyBinding(keys: [.backTab], command: .previousSection, help: "Go to the previous section"),
        EditorKeyBinding(keys: [.enter], command: .newline, help: "Start a new line"),
        EditorKeyBinding(keys: [.backspace], command: .deleteBackward, help: "Delete the character before the cursor"),
        EditorKeyBinding(keys: [.delete], command: .deleteForward, help: "Delete the character after the cursor"),
        EditorKeyBinding(keys: [.ctrl("w"), Key.backspace.with(.alt), Key.backspace.with(.ctrl)],
                         command: .deleteWordBackward, help: "Delete the word before the cursor"),
        EditorKeyBinding(keys: [Key.delete.with(.ctrl), Key.delete.with(.alt), .alt("d")], command: .deleteWordForward,
                         help: "Delete the word after the cursor"),
        EditorKeyBinding(keys: [.ctrl("z")], command: .undo, help: "Undo the last change"),
        EditorKeyBinding(keys: [.ctrl("y")], command: .redo, help: "Redo what was undone"),
    ]

    private static let byKey: [Key: EditorCommand] = Dictionary(
        bindings.flatMap { binding in binding.keys.map { ($0, binding.command) } }, uniquingKeysWith: { first, _ in first })

    /// The command for `key` in the editor: a binding above, a typed character, or a paste.
    /// `nil` for keys the editor leaves to its screen.
    public static func command(for key: Key) -> EditorCommand? {
        switch key {
        case .char(let character): .type(String(character))
        case .paste(let text): .paste(text)
        default: byKey[key]
        }
    }
}
