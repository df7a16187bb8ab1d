import Testing
import TerminalKit

/// Shift, Alt and Ctrl held with named keys: their notation, and every way terminals send them.
@Suite struct ModifiedKeyNotationTests {
    @Test(arguments: [
        (Key.left.with(.ctrl), "Ctrl-Left"), (Key.backspace.with(.alt), "Alt-Backspace"),
        (Key.backspace.with(.ctrl), "Ctrl-Backspace"), (Key.left.with([.ctrl, .shift]), "Ctrl-Shift-Left"),
        (Key.delete.with(.alt), "Alt-Del"), (Key.up.with(.shift), "Shift-Up"), (Key.pageDown.with(.ctrl), "Ctrl-PgDn"),
        (Key.home.with([.ctrl, .alt, .shift]), "Ctrl-Alt-Shift-Home"), (Key.function(5).with(.ctrl), "Ctrl-F5"),
    ])
    func descriptionRoundTrips(key: Key, notation: String) {
        #expect(key.description == notation)
        #expect(Key(notation: notation) == key)
    }

    @Test(arguments: [
        ("shift-ctrl-left", Key.left.with([.ctrl, .shift])), ("CTRL-DEL", Key.delete.with(.ctrl)),
        ("alt-backspace", Key.backspace.with(.alt)), ("Alt-Ctrl-End", Key.end.with([.ctrl, .alt])),
    ])
    func notationIsForgiving(notation: String, key: Key) {
        #expect(Key(notation: notation) == key)
    }

    @Test(arguments: ["Ctrl-Shift-x", "Shift-Space", "Ctrl-Tab", "Ctrl-Shift-", "Alt-Esc", "Shift-Enter", "Ctrl-Alt-"])
    func notationWithoutAModifiableKeyIsRejected(notation: String) {
        #expect(Key(notation: notation) == nil)
    }

    @Test func modifiersGoOnlyOnKeysThatTakeThem() {
        #expect(Key.tab.with(.shift) == .backTab)
        #expect(Key.left.with([]) == .left)
        #expect(Key.char("x").with(.ctrl) == .char("x"))
        #expect(Key.enter.with(.alt) == .enter)
        #expect(Key.left.with(.ctrl).with(.shift) == .modified(.left, [.ctrl, .shift]))
    }

    @Test(arguments: [(2, .shift), (3, .alt), (5, .ctrl), (6, [.ctrl, .shift]), (8, [.ctrl, .alt, .shift]), (9, .alt)]
              as [(Int, Modifiers)])
    func xtermParameter(parameter: Int, modifiers: Modifiers) {
        #expect(Modifiers(xtermParameter: parameter) == modifiers)
    }

    @Test func xtermParameterOutsideItsRangeIsNoModifier() {
        #expect(Modifiers(xtermParameter: 1) == nil)
        #expect(Modifiers(xtermParameter: 17) == nil)
    }
}

@Suite struct ModifiedKeyDecoderTests {
    private func decode(_ events: [InputEvent], extended: [Int32: Key] = [:]) -> [Key] {
        var decoder = KeyDecoder(extendedKeyCodes: extended)
        return events.flatMap { decoder.feed($0) }
    }

    private func codepoints(_ text: String) -> [InputEvent] {
        text.unicodeScalars.map { .codepoint($0.value) }
    }

    @Test(arguments: [
        // xterm and most terminals since: ESC [ 1 ; modifier final
        ("\u{1B}[1;5D", [Key.left.with(.ctrl)]),
        ("\u{1B}[1;3C", [Key.right.with(.alt)]),
        ("\u{1B}[1;2A", [Key.up.with(.shift)]),
        ("\u{1B}[1;6D", [Key.left.with([.ctrl, .shift])]),
        ("\u{1B}[1;9D", [Key.left.with(.alt)]),
        ("\u{1B}[1;5H\u{1B}[1;5F", [Key.home.with(.ctrl), Key.end.with(.ctrl)]),
        ("\u{1B}[3;5~\u{1B}[3;3~", [Key.delete.with(.ctrl), Key.delete.with(.alt)]),
        ("\u{1B}[5;5~\u{1B}[6;2~", [Key.pageUp.with(.ctrl), Key.pageDown.with(.shift)]),
        ("\u{1B}[15;5~\u{1B}[1;5P", [Key.function(5).with(.ctrl), Key.function(1).with(.ctrl)]),
        // rxvt, and macOS Terminal's Option-arrows: ESC before the whole sequence
        ("\u{1B}\u{1B}[D", [Key.left.with(.alt)]),
        ("\u{1B}\u{1B}OC", [Key.right.with(.alt)]),
        ("\u{1B}\u{1B}[3~", [Key.delete.with(.alt)]),
        ("\u{1B}Od\u{1B}Oc", [Key.left.with(.ctrl), Key.right.with(.ctrl)]),
        ("\u{1B}[a\u{1B}[b", [Key.up.with(.shift), Key.down.with(.shift)]),
        ("\u{1B}[7^\u{1B}[3^", [Key.home.with(.ctrl), Key.delete.with(.ctrl)]),
        // Backspace with Alt (ESC DEL) and Ctrl (BS, xterm's modifyOtherKeys, kitty)
        ("\u{1B}\u{7F}", [Key.backspace.with(.alt)]),
        ("\u{08}", [Key.backspace.with(.ctrl)]),
        ("\u{1B}\u{08}", [Key.backspace.with([.ctrl, .alt])]),
        ("\u{1B}[27;5;127~", [Key.backspace.with(.ctrl)]),
        ("\u{1B}[127;3u", [Key.backspace.with(.alt)]),
        ("\u{1B}[27;5;115~\u{1B}[115;5u", []),
        // Esc stays Esc when what follows is not a key Alt goes with
        ("\u{1B}\u{1B}x", [.escape, .alt("x")]),
        ("\u{1B}\u{1B}\u{1B}", [.escape, .escape, .escape]),
        ("\u{1B}\u{1B}[", [.escape, .alt("[")]),
        ("\u{1B}\u{1B}O", [.escape, .alt("O")]),
        ("\u{1B}\t", [.escape, .tab]),
        ("\u{1B}\r", [.escape, .enter]),
        ("\u{1B}[1;5Z", [.backTab]),
    ])
    func sequences(input: String, keys: [Key]) {
        #expect(decode(codepoints(input) + [.timeout]) == keys)
    }

    @Test(arguments: [
        (NcursesKeyCode.shiftLeft, Key.left.with(.shift)), (NcursesKeyCode.shiftRight, Key.right.with(.shift)),
        (NcursesKeyCode.shiftUp, Key.up.with(.shift)), (NcursesKeyCode.shiftDown, Key.down.with(.shift)),
        (NcursesKeyCode.shiftHome, Key.home.with(.shift)), (NcursesKeyCode.shiftEnd, Key.end.with(.shift)),
        (NcursesKeyCode.shiftDelete, Key.delete.with(.shift)), (NcursesKeyCode.shiftInsert, Key.insert.with(.shift)),
        (NcursesKeyCode.shiftNextPage, Key.pageDown.with(.shift)),
        (NcursesKeyCode.shiftPreviousPage, Key.pageUp.with(.shift)),
    ])
    func ncursesShiftedKeyCodes(code: Int32, key: Key) {
        #expect(decode([.keyCode(code)]) == [key])
    }

    @Test(arguments: [
        ("kLFT5", Key.left.with(.ctrl) as Key?), ("kRIT3", Key.right.with(.alt)), ("kDC5", Key.delete.with(.ctrl)),
        ("kHOM6", Key.home.with([.ctrl, .shift])), ("kEND7", Key.end.with([.ctrl, .alt])), ("kUP4", Key.up.with([.alt, .shift])),
        ("kDN5", Key.down.with(.ctrl)), ("kIC3", Key.insert.with(.alt)), ("kNXT5", Key.pageDown.with(.ctrl)),
        ("kPRV2", Key.pageUp.with(.shift)), ("kpADD", nil), ("ka2", nil), ("kLFT", nil), ("kLFT1", nil), ("kLFTx", nil),
    ])
    func extendedKeyNames(name: String, key: Key?) {
        #expect(NcursesKeyCode.key(forExtendedName: name) == key)
    }

    /// ncurses numbers extended keys at run time; the backend hands the decoder its table.
    @Test func extendedKeyCodesComeFromTheBackendsTable() {
        let table: [Int32: Key] = [550: Key.left.with(.ctrl), 524: Key.delete.with(.ctrl)]
        #expect(decode([.keyCode(550), .keyCode(524), .keyCode(600)], extended: table)
                    == [Key.left.with(.ctrl), Key.delete.with(.ctrl)])
        #expect(decode([.codepoint(0x1B), .keyCode(550)], extended: table) == [Key.left.with([.ctrl, .alt])])
    }
}
