/// Why the terminal could not be opened.
public enum TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No controlling terminal (e.g. run from cron or with input redirected).
    case noTerminal(reason: String)
    /// ncurses does not know the terminal type in TERM.
    case unknownTerminalType(String)

    public var description: String {
        switch self {
        case .noTerminal(let reason):
            "cannot open the terminal (/dev/tty): \(reason); the console needs an interactive terminal"
        case .unknownTerminalType(let type):
            "the terminal type TERM=\(type) is unknown to ncurses; try TERM=xterm-256color or TERM=vt100"
        }
    }
}
