import TerminalKit

/// TerminalKit's frame glyphs plus the console's own marks, in a Unicode and an ASCII set.
/// Every glyph is one column wide in both, so columns line up either way.
public struct ConsoleGlyphs: Sendable, Equatable {
    public var frame: Glyphs
    public var safetyFlag: String
    public var meterFilled: String
    public var meterEmpty: String
    public var sortAscending: String
    public var sortDescending: String
    public var separator: String
    /// Eight levels, lowest first.
    public var sparkline: [String]
    public var treeBranch: String
    public var arrow: String
    /// The "by" of sizes, "80×24".
    public var times: String
    /// The terminal shows printable ASCII only (a non-UTF-8 locale such as LANG=C): names are
    /// transliterated, or replaced by their id (`ShownName`).
    public var asciiOnly: Bool

    public static let unicode = ConsoleGlyphs(
        frame: .unicode, safetyFlag: "⚑", meterFilled: "▮", meterEmpty: "▯", sortAscending: "▲",
        sortDescending: "▼", separator: "·", sparkline: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        treeBranch: "└", arrow: "→", times: "×", asciiOnly: false)

    public static let ascii = ConsoleGlyphs(
        frame: .ascii, safetyFlag: "!", meterFilled: "#", meterEmpty: ".", sortAscending: "^",
        sortDescending: "v", separator: "-", sparkline: ["_", "_", ".", "-", "-", "=", "#", "#"],
        treeBranch: "`", arrow: "->", times: "x", asciiOnly: true)

    /// The dash between a statement and what follows from it.
    public var dash: String { frame == .ascii ? "--" : "—" }

    /// The set matching what the terminal can show: ASCII marks where it has no line art (vt100,
    /// or no UTF-8), and names in ASCII where the locale shows nothing else.
    public init(_ capabilities: TerminalCapabilities) {
        self = capabilities.glyphs == .ascii ? .ascii : .unicode
        asciiOnly = !capabilities.unicode
    }

    public init(frame: Glyphs, safetyFlag: String, meterFilled: String, meterEmpty: String,
                sortAscending: String, sortDescending: String, separator: String,
                sparkline: [String], treeBranch: String, arrow: String, times: String, asciiOnly: Bool) {
        self.frame = frame
        self.safetyFlag = safetyFlag
        self.meterFilled = meterFilled
        self.meterEmpty = meterEmpty
        self.sortAscending = sortAscending
        self.sortDescending = sortDescending
        self.separator = separator
        self.sparkline = sparkline
        self.treeBranch = treeBranch
        self.arrow = arrow
        self.times = times
        self.asciiOnly = asciiOnly
    }
}
