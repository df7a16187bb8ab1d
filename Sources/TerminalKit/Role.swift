/// The name of what a cell shows ("border.focused", "flag.safety"); a theme maps it to a style.
/// The console declares its roles; TerminalKit only knows `.normal`.
public struct Role: Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let name: String

    public init(_ name: String) { self.name = name }
    public init(stringLiteral name: String) { self.name = name }

    /// Plain text; the default role of every cell.
    public static let normal: Role = "normal"

    /// This role drawn on `ground`'s fill, as text on an overlay: the theme gives it its own
    /// style with the ground's background where it has none of its own, so the fill is unbroken.
    public func on(_ ground: Role) -> Role { Role("\(name)\(Self.layerSeparator)\(ground.name)") }

    /// The role and its ground, for a role made by `on(_:)`.
    public var layers: (role: Role, ground: Role)? {
        guard let range = name.range(of: Self.layerSeparator) else { return nil }
        return (Role(String(name[..<range.lowerBound])), Role(String(name[range.upperBound...])))
    }

    /// Role names are dotted words, never with spaces.
    private static let layerSeparator = " on "

    public var description: String { name }
    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.name < rhs.name }
}
