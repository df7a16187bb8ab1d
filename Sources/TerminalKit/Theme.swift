/// Styles for roles, loaded from a theme file or built in.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [Role: Style]

    public init(name: String, styles: [Role: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style for `role`; a role the theme does not mention looks like `.normal`.
    public func style(for role: Role) -> Style {
        styles[role] ?? styles[.normal] ?? .plain
    }

    /// Every style degraded to what the terminal can show.
    public func degraded(to depth: ColorDepth) -> Theme {
        Theme(name: name, styles: styles.mapValues { $0.degraded(to: depth) })
    }
}
