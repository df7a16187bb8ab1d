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

    /// Used when no theme file loads, so the console always starts: attributes only, the same
    /// looks as themes/monochrome.json.
    public static let builtIn = Theme(name: "built-in", styles: [
        "normal": Style(),
        "header": Style(reverse: true),
        "header.accent": Style(bold: true, reverse: true),
        "status": Style(reverse: true),
        "status.key": Style(bold: true, reverse: true),
        "status.error": Style(bold: true, underline: true, reverse: true),
        "border": Style(dim: true),
        "border.focused": Style(bold: true),
        "title": Style(),
        "title.focused": Style(bold: true),
        "roster.selected": Style(reverse: true),
        "roster.selected.unfocused": Style(underline: true),
        "roster.dim": Style(dim: true),
        "label": Style(dim: true),
        "value": Style(),
        "muted": Style(dim: true),
        "meter.filled": Style(bold: true),
        "meter.empty": Style(dim: true),
        "meter.short": Style(bold: true, underline: true),
        "flag.safety": Style(bold: true, reverse: true),
        "flag.warning": Style(bold: true, underline: true),
        "score.minimal": Style(),
        "score.mild": Style(),
        "score.moderate": Style(underline: true),
        "score.modsevere": Style(bold: true),
        "score.severe": Style(bold: true, reverse: true),
        "tab": Style(),
        "tab.selected": Style(bold: true, reverse: true),
        "input": Style(underline: true),
        "input.cursor": Style(reverse: true),
        "overlay": Style(),
        "overlay.border": Style(bold: true),
        "key": Style(bold: true),
        "match": Style(underline: true),
        "error": Style(bold: true, underline: true),
    ])
}
