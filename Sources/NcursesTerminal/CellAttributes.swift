import CNcursesw
import TerminalKit

/// Turns roles into ncurses attributes and color pairs, allocating a pair the first time a
/// (foreground, background) combination is used.
struct CellAttributes {
    struct Resolved {
        var attributes: attr_t
        var pair: Int16
    }

    private struct ColorKey: Hashable {
        var fg: Color
        var bg: Color
    }

    let depth: ColorDepth
    /// Whether color -1 means "the terminal's default" (use_default_colors succeeded).
    let hasDefaultColors: Bool
    var theme: Theme {
        didSet { resolvedRoles = [:] }
    }
    private var resolvedRoles: [Role: Resolved] = [:]
    private var pairs: [ColorKey: Int16] = [:]
    private let pairLimit: Int

    init(theme: Theme, depth: ColorDepth, hasDefaultColors: Bool) {
        self.theme = theme
        self.depth = depth
        self.hasDefaultColors = hasDefaultColors
        pairLimit = depth == .none ? 0 : min(Int(caseload_color_pairs()), Int(Int16.max)) - 1
    }

    mutating func resolve(_ role: Role) -> Resolved {
        if let known = resolvedRoles[role] { return known }
        let style = theme.style(for: role).degraded(to: depth)
        var attributes = caseload_a_normal()
        if style.bold { attributes |= caseload_a_bold() }
        if style.dim { attributes |= caseload_a_dim() }
        if style.underline { attributes |= caseload_a_underline() }
        if style.reverse { attributes |= caseload_a_reverse() }
        let resolved = Resolved(attributes: attributes, pair: pair(fg: style.fg, bg: style.bg))
        resolvedRoles[role] = resolved
        return resolved
    }

    /// Pair 0 is the terminal's defaults; when pairs run out, later combinations fall back to it.
    private mutating func pair(fg: Color, bg: Color) -> Int16 {
        let key = ColorKey(fg: fg, bg: bg)
        if depth == .none || (fg == .default && bg == .default) { return 0 }
        if let known = pairs[key] { return known }
        guard pairs.count < pairLimit else { return 0 }
        let number = Int16(pairs.count + 1)
        guard init_pair(number, colorNumber(fg, fallback: 7), colorNumber(bg, fallback: 0)) == caseload_ok() else { return 0 }
        pairs[key] = number
        return number
    }

    private func colorNumber(_ color: Color, fallback: Int16) -> Int16 {
        color.paletteIndex.map(Int16.init) ?? (hasDefaultColors ? -1 : fallback)
    }
}
