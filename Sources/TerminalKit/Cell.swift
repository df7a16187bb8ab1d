/// One character cell of a `Screen`.
public struct Cell: Sendable, Hashable {
    /// One grapheme, or "" for the continuation cell right after a double-width character.
    public var text: String
    public var role: Role

    public init(_ text: String, role: Role = .normal) {
        self.text = text
        self.role = role
    }

    /// A space in the normal role.
    public static let blank = Cell(" ")

    /// True for the second half of a double-width character.
    public var isContinuation: Bool { text.isEmpty }
}
