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
    // The shifted keys with codes of their own (xterm's Shift-arrows and friends).
    public static let shiftDown: Int32 = 0o520
    public static let shiftUp: Int32 = 0o521
    public static let shiftDelete: Int32 = 0o577
    public static let shiftEnd: Int32 = 0o602
    public static let shiftHome: Int32 = 0o607
    public static let shiftInsert: Int32 = 0o610
    public static let shiftLeft: Int32 = 0o611
    public static let shiftNextPage: Int32 = 0o614
    public static let shiftPreviousPage: Int32 = 0o616
    public static let shiftRight: Int32 = 0o622
    /// Codes above this are given out at run time to the terminal's extended keys (`kLFT5`);
    /// the backend names them with `keyname` and `key(forExtendedName:)`.
    public static let maximum: Int32 = 0o777

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
        case shiftDown: Key.down.with(.shift)
        case shiftUp: Key.up.with(.shift)
        case shiftDelete: Key.delete.with(.shift)
        case shiftEnd: Key.end.with(.shift)
        case shiftHome: Key.home.with(.shift)
        case shiftInsert: Key.insert.with(.shift)
        case shiftLeft: Key.left.with(.shift)
        case shiftNextPage: Key.pageDown.with(.shift)
        case shiftPreviousPage: Key.pageUp.with(.shift)
        case shiftRight: Key.right.with(.shift)
        default: nil
        }
    }

    /// The extended terminfo key names ncurses reports for modified keys: the base capability
    /// and xterm's modifier parameter, "kLFT5" (Ctrl-Left), "kDC3" (Alt-Del).
    private static let extendedBases: [(name: String, key: Key)] = [
        ("kLFT", .left), ("kRIT", .right), ("kUP", .up), ("kDN", .down), ("kHOM", .home), ("kEND", .end),
        ("kDC", .delete), ("kIC", .insert), ("kNXT", .pageDown), ("kPRV", .pageUp),
    ]

    /// The key for an extended key name such as "kLFT5" (`keyname` of a code above `maximum`);
    /// `nil` for names Caseload does not use ("kpADD", "ka2").
    public static func key(forExtendedName name: String) -> Key? {
        for (base, key) in extendedBases where name.hasPrefix(base) {
            guard let parameter = Int(name.dropFirst(base.count)),
                  let modifiers = Modifiers(xtermParameter: parameter) else { return nil }
            return key.with(modifiers)
        }
        return nil
    }
}
