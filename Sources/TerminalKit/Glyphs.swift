/// The characters used for borders, meters and markers; `.ascii` where the terminal or locale
/// cannot show Unicode line drawing. Every glyph is one column wide in both sets, so a layout
/// is the same in either.
public struct Glyphs: Sendable, Hashable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    /// A left edge joined to a horizontal line (├).
    public var teeRight: String
    /// A right edge joined to a horizontal line (┤).
    public var teeLeft: String
    public var meterFilled: String
    public var meterEmpty: String
    /// Marks truncated text.
    public var ellipsis: String
    /// Points at the current item.
    public var marker: String

    public init(horizontal: String, vertical: String, topLeft: String, topRight: String,
                bottomLeft: String, bottomRight: String, teeRight: String, teeLeft: String,
                meterFilled: String, meterEmpty: String, ellipsis: String, marker: String) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.teeRight = teeRight
        self.teeLeft = teeLeft
        self.meterFilled = meterFilled
        self.meterEmpty = meterEmpty
        self.ellipsis = ellipsis
        self.marker = marker
    }

    /// Box drawing and block characters.
    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeRight: "├", teeLeft: "┤", meterFilled: "█", meterEmpty: "▏", ellipsis: "…", marker: "›")

    /// Seven-bit ASCII for LANG=C, vt100 and other terminals without Unicode.
    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeRight: "+", teeLeft: "+", meterFilled: "#", meterEmpty: ".", ellipsis: "~", marker: ">")
}
