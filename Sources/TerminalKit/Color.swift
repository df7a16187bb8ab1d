/// A terminal color: the terminal's default, one of the 16 ANSI colors, or a 256-color index.
public enum Color: Sendable, Hashable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
    case index(UInt8)

    /// The 16 ANSI colors in palette order (0–15).
    public static let ansi: [Color] = [
        .black, .red, .green, .yellow, .blue, .magenta, .cyan, .white,
        .brightBlack, .brightRed, .brightGreen, .brightYellow, .brightBlue, .brightMagenta, .brightCyan, .brightWhite,
    ]

    /// The names theme files use, in palette order: "black" … "white", "bright-black" … "bright-white".
    public static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// The color a theme file names ("cyan", "bright-red", "default"), `nil` for anything else.
    public init?(name: String) {
        if name == "default" {
            self = .default
        } else if let index = Self.ansiNames.firstIndex(of: name) {
            self = Self.ansi[index]
        } else {
            return nil
        }
    }

    /// The palette number (0–255), `nil` for the default color.
    public var paletteIndex: Int? {
        switch self {
        case .default: nil
        case .index(let value): Int(value)
        default: Self.ansi.firstIndex(of: self)
        }
    }
}
