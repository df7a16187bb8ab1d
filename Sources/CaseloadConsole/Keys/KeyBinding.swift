import TerminalKit

/// One line of the key table: the keys, what they do, where, and whether they can right now.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    public let command: Command
    /// What the keys do, as the help overlay and the palette say it ("Open the participant").
    public let help: String
    public let group: KeyGroup
    public let modes: Set<KeyMode>
    /// The word the status line shows next to the key ("open"); nil keeps it out of the hints.
    public let hint: String?
    /// Why the command cannot run in this state, or nil when it can.
    let unavailable: @Sendable (ConsoleState) -> String?

    init(_ keys: [Key], _ command: Command, _ help: String, group: KeyGroup, modes: Set<KeyMode>,
         hint: String? = nil, unavailable: @escaping @Sendable (ConsoleState) -> String? = { _ in nil }) {
        self.keys = keys
        self.command = command
        self.help = help
        self.group = group
        self.modes = modes
        self.hint = hint
        self.unavailable = unavailable
    }

    /// Why this binding cannot run in `state`; nil when it can.
    public func whyUnavailable(in state: ConsoleState) -> String? {
        if let reason = unavailable(state) { return reason }
        guard state.isModalCommand(command) else { return nil }
        return state.modals.top?.whyUnavailable(command, in: state)
    }

    /// "j, Down".
    public var keyNames: String { keys.map(\.description).joined(separator: ", ") }
}
