/// Hands text to the user's own editor (`$VISUAL` or `$EDITOR`) while the console steps aside.
/// The CLI provides it: it knows the data folder, where the temporary copy must live (a note
/// never leaves the folder its owner protects), and how to start a program.
public protocol ExternalEditor: Sendable {
    /// Runs the editor on `text` and returns what the user saved.
    func edit(_ text: String) -> ExternalEditResult
}
