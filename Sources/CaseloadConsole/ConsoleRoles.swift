import TerminalKit

/// Every role the console draws with, in one place: themes style exactly these names, and the
/// theme loader refuses a file that styles anything else (`knownRoles`).
extension Role {
    public static let header: Role = "header"
    public static let headerAccent: Role = "header.accent"
    public static let status: Role = "status"
    public static let statusKey: Role = "status.key"
    public static let statusError: Role = "status.error"
    public static let border: Role = "border"
    public static let borderFocused: Role = "border.focused"
    public static let title: Role = "title"
    public static let titleFocused: Role = "title.focused"
    public static let rosterSelected: Role = "roster.selected"
    public static let rosterSelectedUnfocused: Role = "roster.selected.unfocused"
    public static let rosterDim: Role = "roster.dim"
    public static let label: Role = "label"
    public static let value: Role = "value"
    public static let muted: Role = "muted"
    public static let meterFilled: Role = "meter.filled"
    public static let meterEmpty: Role = "meter.empty"
    public static let meterShort: Role = "meter.short"
    public static let flagSafety: Role = "flag.safety"
    public static let flagWarning: Role = "flag.warning"
    public static let scoreMinimal: Role = "score.minimal"
    public static let scoreMild: Role = "score.mild"
    public static let scoreModerate: Role = "score.moderate"
    public static let scoreModeratelySevere: Role = "score.modsevere"
    public static let scoreSevere: Role = "score.severe"
    public static let tab: Role = "tab"
    public static let tabSelected: Role = "tab.selected"
    public static let input: Role = "input"
    public static let inputCursor: Role = "input.cursor"
    public static let overlay: Role = "overlay"
    public static let overlayBorder: Role = "overlay.border"
    public static let key: Role = "key"
    public static let match: Role = "match"
    public static let error: Role = "error"

    /// True for a role of `all`, or one of them drawn on another's ground (`Role.on(_:)`).
    public var isKnown: Bool {
        guard let (text, ground) = layers else { return Self.all.contains(self) }
        return Self.all.contains(text) && Self.all.contains(ground)
    }

    /// Every role the console uses, for `ThemeCatalog.load(_:knownRoles:)`.
    public static let all: Set<Role> = [
        .normal, .header, .headerAccent, .status, .statusKey, .statusError, .border, .borderFocused,
        .title, .titleFocused, .rosterSelected, .rosterSelectedUnfocused, .rosterDim, .label, .value,
        .muted, .meterFilled, .meterEmpty, .meterShort, .flagSafety, .flagWarning, .scoreMinimal,
        .scoreMild, .scoreModerate, .scoreModeratelySevere, .scoreSevere, .tab, .tabSelected, .input,
        .inputCursor, .overlay, .overlayBorder, .key, .match, .error,
    ]
}
