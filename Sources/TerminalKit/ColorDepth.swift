/// How many colors the terminal can show; themes are written for 256 and degraded to fit.
public enum ColorDepth: Int, Sendable, Hashable, Comparable, CaseIterable {
    /// Monochrome: attributes only (also what NO_COLOR asks for).
    case none = 0
    case eight = 8
    case sixteen = 16
    case c256 = 256

    /// The depth for a terminal reporting `colors` (ncurses' COLORS).
    public init(colors: Int) {
        self = colors >= 256 ? .c256 : colors >= 16 ? .sixteen : colors >= 8 ? .eight : .none
    }

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Style {
    /// This style as the terminal can show it: 256-color indexes become the nearest of the 16
    /// ANSI colors, bright colors the nearest of the 8, and in monochrome colors are dropped.
    /// A background color is what makes a selection or a bar visible, so in monochrome a style
    /// with one becomes reverse video.
    public func degraded(to depth: ColorDepth) -> Style {
        var style = self
        switch depth {
        case .c256:
            break
        case .sixteen, .eight:
            style.fg = fg.nearest(within: depth == .sixteen ? 16 : 8)
            style.bg = bg.nearest(within: depth == .sixteen ? 16 : 8)
        case .none:
            style.fg = .default
            style.bg = .default
            if bg != .default { style.reverse = true }
        }
        return style
    }
}

extension Color {
    /// The closest of the first `count` ANSI colors by RGB distance (xterm's default palette).
    func nearest(within count: Int) -> Color {
        guard let index = paletteIndex else { return self }
        if index < count { return Color.ansi[index] }
        let target = Self.rgb(ofPaletteIndex: index)
        // A gray must stay a gray: by plain RGB distance mid-gray is nearer to yellow than to white.
        let isGray = target.0 == target.1 && target.1 == target.2
        let candidates = (0..<count).filter { !isGray || [0, 7, 8, 15].contains($0) }
        let best = candidates.min { a, b in
            Self.distance(Self.rgb(ofPaletteIndex: a), target) < Self.distance(Self.rgb(ofPaletteIndex: b), target)
        }
        return Color.ansi[best ?? 0]
    }

    private static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    private static func rgb(ofPaletteIndex index: Int) -> (Int, Int, Int) {
        switch index {
        case 0..<16:
            return ansiRGB[index]
        case 16..<232:
            let levels = [0, 95, 135, 175, 215, 255]
            let cube = index - 16
            return (levels[cube / 36], levels[cube / 6 % 6], levels[cube % 6])
        default:
            let gray = 8 + (index - 232) * 10
            return (gray, gray, gray)
        }
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return dr * dr + dg * dg + db * db
    }
}
