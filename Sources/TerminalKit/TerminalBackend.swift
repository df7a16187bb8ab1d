/// What the terminal can show, so the app picks glyphs and degrades its theme.
public struct TerminalCapabilities: Sendable, Hashable {
    public var colorDepth: ColorDepth
    /// False under a non-UTF-8 locale (LANG=C): only ASCII can be shown.
    public var unicode: Bool
    /// The border and marker glyphs the terminal can show (ASCII without Unicode or on vt100).
    public var glyphs: Glyphs

    public init(colorDepth: ColorDepth, unicode: Bool, glyphs: Glyphs? = nil) {
        self.colorDepth = colorDepth
        self.unicode = unicode
        self.glyphs = glyphs ?? (unicode ? .unicode : .ascii)
    }
}

/// A place to show screens and read keys: the ncurses terminal, or `TestBackend` in tests.
public protocol TerminalBackend: AnyObject {
    /// The current terminal size; it changes after a `.resize` key.
    var size: Size { get }
    var capabilities: TerminalCapabilities { get }
    /// Set once SIGINT, SIGTERM, SIGHUP or SIGQUIT arrived: the app saves what it can, closes the
    /// backend and exits with 128 + the signal number. `nextKey` returns nil from then on.
    var terminationSignal: Int32? { get }
    /// Writes the cells of `screen` that differ from `previous` (all of them when it is nil,
    /// e.g. after `.resize`, or the first draw after `resume`), and shows the cursor at
    /// `screen.cursor` or hides it. Shown on the next `flush`.
    func draw(_ screen: Screen, previous: Screen?)
    /// The next key, waiting at most `milliseconds` (forever when negative); nil on timeout.
    func nextKey(timeout milliseconds: Int) -> Key?
    /// Makes what was drawn visible.
    func flush()
    /// Hands the terminal back in the shell's mode (main screen, cursor shown, keys echoed), for
    /// a program such as `$VISUAL` to run in it; call `resume` when it has finished.
    func suspend()
    /// Takes the terminal back after `suspend`; the next `draw` writes every cell.
    func resume()
}
