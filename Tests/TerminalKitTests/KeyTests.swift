import Testing
import TerminalKit

@Suite struct KeyNotationTests {
    @Test(arguments: [
        (Key.ctrl("s"), "Ctrl-S"), (.alt("x"), "Alt-x"), (.alt("X"), "Alt-X"), (.pageDown, "PgDn"),
        (.pageUp, "PgUp"), (.function(5), "F5"), (.char(" "), "Space"), (.char("q"), "q"), (.char("?"), "?"),
        (.char("李"), "李"), (.backTab, "Shift-Tab"), (.escape, "Esc"), (.enter, "Enter"), (.tab, "Tab"),
        (.backspace, "Backspace"), (.delete, "Del"), (.insert, "Ins"), (.up, "Up"), (.home, "Home"),
        (.end, "End"), (.resize, "Resize"), (.ctrl("@"), "Ctrl-@"), (.alt(" "), "Alt-Space"),
    ])
    func descriptionRoundTrips(key: Key, notation: String) {
        #expect(key.description == notation)
        #expect(Key(notation: notation) == key)
    }

    @Test(arguments: [("ctrl-s", Key.ctrl("s")), ("Ctrl-I", .tab), ("Ctrl-M", .enter), ("Ctrl-H", .backspace), ("pgdn", .pageDown), ("f12", .function(12))])
    func notationIsForgiving(notation: String, key: Key) {
        #expect(Key(notation: notation) == key)
    }

    @Test(arguments: ["", "Ctrl-", "Ctrl-1", "Alt-", "F0", "F99", "Hyper-x", "Shift-X"])
    func badNotationIsRejected(notation: String) {
        #expect(Key(notation: notation) == nil)
    }
}

@Suite struct KeyDecoderTests {
    private func decode(_ events: [InputEvent]) -> [Key] {
        var decoder = KeyDecoder()
        return events.flatMap { decoder.feed($0) }
    }

    private func codepoints(_ text: String) -> [InputEvent] {
        text.unicodeScalars.map { .codepoint($0.value) }
    }

    @Test(arguments: [
        ("\u{1B}", [Key.escape]),
        ("\u{1B}x", [.alt("x")]),
        ("\u{1B}\u{1B}", [.escape, .escape]),
        ("\u{1B}[", [.alt("[")]),
        ("\u{1B}O", [.alt("O")]),
        ("\u{1B}\u{7F}", [Key.backspace.with(.alt)]),
        ("\u{1B}[A", [.up]),
        ("\u{1B}[1;5B", [Key.down.with(.ctrl)]),
        ("\u{1B}OC", [.right]),
        ("\u{1B}[H\u{1B}[F", [.home, .end]),
        ("\u{1B}[5~\u{1B}[6~", [.pageUp, .pageDown]),
        ("\u{1B}[3~\u{1B}[2~", [.delete, .insert]),
        ("\u{1B}[Z", [.backTab]),
        ("\u{1B}OP\u{1B}[15~\u{1B}[24~", [.function(1), .function(5), .function(12)]),
        ("\u{1B}[I\u{1B}[99~x", [.char("x")]),
        ("\u{7F}\u{08}\t\r\n", [.backspace, Key.backspace.with(.ctrl), .tab, .enter, .enter]),
        ("\u{01}\u{13}\u{1A}\u{00}\u{1F}", [.ctrl("a"), .ctrl("s"), .ctrl("z"), .ctrl("@"), .ctrl("_")]),
        ("é李😀 ", [.char("é"), .char("李"), .char("😀"), .char(" ")]),
    ])
    func sequences(input: String, keys: [Key]) {
        #expect(decode(codepoints(input) + [.timeout]) == keys)
    }

    @Test func escapeWaitsForTheNextEventBeforeDeciding() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(.codepoint(0x1B)) == [])
        #expect(decoder.pending == .sequence)
        #expect(decoder.feed(.timeout) == [.escape])
        #expect(decoder.pending == nil)
    }

    @Test func escapeBeforeAnNcursesKeyIsAltWhenTheKeyTakesModifiers() {
        #expect(decode([.codepoint(0x1B), .keyCode(NcursesKeyCode.up)]) == [Key.up.with(.alt)])
        #expect(decode([.codepoint(0x1B), .keyCode(NcursesKeyCode.backspace)]) == [Key.backspace.with(.alt)])
        #expect(decode([.codepoint(0x1B), .keyCode(NcursesKeyCode.backTab)]) == [.escape, .backTab])
        #expect(decode([.codepoint(0x1B), .keyCode(NcursesKeyCode.resize)]) == [.escape, .resize])
    }

    @Test(arguments: [
        (NcursesKeyCode.down, Key.down), (NcursesKeyCode.previousPage, .pageUp), (NcursesKeyCode.nextPage, .pageDown),
        (NcursesKeyCode.backTab, .backTab), (NcursesKeyCode.functionZero + 5, .function(5)), (NcursesKeyCode.resize, .resize),
        (NcursesKeyCode.backspace, .backspace), (NcursesKeyCode.deleteCharacter, .delete), (NcursesKeyCode.enter, .enter),
    ])
    func ncursesKeyCodes(code: Int32, key: Key) {
        #expect(decode([.keyCode(code)]) == [key])
    }

    @Test func unknownKeyCodesAreIgnored() {
        #expect(decode([.keyCode(0o777), .codepoint(0x61)]) == [.char("a")])
    }

    @Test func bracketedPasteIsOneKeyWithNormalisedLineBreaks() {
        let events = codepoints("\u{1B}[200~line 1\r\nline 2\rNguyễn\u{1B}x\u{1B}[201~q")
        #expect(decode(events) == [.paste("line 1\nline 2\nNguyễn\u{1B}x"), .char("q")])
    }

    @Test func pasteWithoutEndMarkerIsDeliveredOnTimeout() {
        var decoder = KeyDecoder()
        for event in codepoints("\u{1B}[200~abc") { #expect(decoder.feed(event) == []) }
        #expect(decoder.pending == .paste)
        #expect(decoder.feed(.timeout) == [.paste("abc")])
        #expect(decoder.pending == nil)
    }
}
