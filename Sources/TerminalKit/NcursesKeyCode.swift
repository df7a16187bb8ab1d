/// The key codes ncurses reports with KEY_CODE_YES. They are fixed by the curses
/// specification, so the decoder can be tested without linking ncurses.
public enum NcursesKeyCode {
    public static let down: Int32 = 0o402
    public static let up: Int32 = 0o403
    public static let left: Int32 = 0o404
    public static let right: Int32 = 0o405
    public static let home: Int32 = 0o406
    public static let backspace: Int32 = 0o407
    /// KEY_F(n) is `functionZero + n`, for n in 0...63.
    public static let functionZero: Int32 = 0o410
    public static let deleteCharacter: Int32 = 0o512
    public static let insertCharacter: Int32 = 0o513
    public static let nextPage: Int32 = 0o522
    public static let previousPage: Int32 = 0o523
    public static let enter: Int32 = 0o527
    public static let backTab: Int32 = 0o541
    public static let end: Int32 = 0o550
    public static let resize: Int32 = 0o632

    /// The key for an ncurses key code, `nil` for codes Caseload does not use.
    public static func key(for code: Int32) -> Key? {
        switch code {
        case down: .down
        case up: .up
        case left: .left
        case right: .right
        case home: .home
        case end: .end
        case backspace: .backspace
        case deleteCharacter: .delete
        case insertCharacter: .insert
        case nextPage: .pageDown
        case previousPage: .pageUp
        case enter: .enter
        case backTab: .backTab
        case resize: .resize
        case functionZero + 1...functionZero + 63: .function(Int(code - functionZero))
        default: nil
        }
    }
}
