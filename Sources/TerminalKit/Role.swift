/// The name of what a cell shows ("border.focused", "flag.safety"); a theme maps it to a style.
/// The console declares its roles; TerminalKit only knows `.normal`.
public struct Role: Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let name: String

    public init(_ name: String) { self.name = name }
    public init(stringLiteral name: String) { self.name = name }

    /// Plain text; the default role of every cell.
    public static let normal: Role = "normal"

    public var description: String { name }
    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.name < rhs.name }
}
