/// Styles for roles, loaded from a theme file or built in.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [Role: Style]

    public init(name: String, styles: [Role: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style for `role`; a role the theme does not mention looks like `.normal`. A role on a
    /// ground (`Role.on(_:)`) takes the ground's background, or its reverse video, when it has
    /// no background of its own.
    public func style(for role: Role) -> Style {
        guard let (text, ground) = role.layers else { return styles[role] ?? styles[.normal] ?? .plain }
        var style = self.style(for: text)
        if style.bg == .default {
            let fill = self.style(for: ground)
            style.bg = fill.bg
            style.reverse = style.reverse || fill.reverse
        }
        return style
    }

    /// Every style degraded to what the terminal can show.
    public func degraded(to depth: ColorDepth) -> Theme {
        Theme(name: name, styles: styles.mapValues { $0.degraded(to: depth) })
    }
}
