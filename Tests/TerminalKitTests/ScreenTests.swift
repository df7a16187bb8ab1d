import Testing
import TerminalKit

@Suite struct ScreenTests {
    @Test func putClipsAtTheEdgeWithoutSplittingAWideCharacter() {
        var screen = Screen(size: Size(cols: 6, rows: 2))
        #expect(screen.put("李小龍", x: 1, y: 0) == 5)
        #expect(screen.put("abcdefgh", x: 2, y: 1) == 4)
        #expect(screen.lines == [" 李小 ", "  abcd"])
        #expect(screen[4, 0].isContinuation)
        #expect(screen[5, 0] == Cell(" "))
    }

    @Test func putRespectsMaxWidthAndRole() {
        var screen = Screen(size: Size(cols: 8, rows: 1))
        #expect(screen.put("Nguyễn Thị Hoa", x: 0, y: 0, role: "value", maxWidth: 6) == 6)
        #expect(screen.lines == ["Nguyễn  "])
        #expect(screen[5, 0].role == "value")
        #expect(screen[6, 0].role == .normal)
    }

    @Test func putOutsideTheScreenWritesNothing() {
        var screen = Screen(size: Size(cols: 1, rows: 1))
        #expect(screen.put("x", x: 0, y: 1) == 0)
        #expect(screen.put("x", x: 5, y: 0) == 0)
        #expect(screen.put("李", x: 0, y: 0) == 1)
        #expect(screen.lines == [" "])
        var empty = Screen(size: .zero)
        #expect(empty.put("x", x: 0, y: 0) == 0)
        empty.fill(Rect(x: 0, y: 0, width: 3, height: 3))
        empty.box(Rect(x: 0, y: 0, width: 3, height: 3), title: "T")
        #expect(empty.lines == [])
    }

    @Test func combiningMarksStayInTheirCell() {
        var screen = Screen(size: Size(cols: 4, rows: 1))
        screen.put("Jose\u{301}", x: 0, y: 0)
        #expect(screen[3, 0].text == "e\u{301}")
        #expect(DisplayWidth.of(screen.lines[0]) == 4)
    }

    @Test func overwritingHalfAWideCharacterBlanksItsPartner() {
        var screen = Screen(lines: ["李小龍"])
        screen.put("a", x: 1, y: 0)
        #expect(screen.lines == [" a小龍"])
        screen.put("b", x: 2, y: 0)
        #expect(screen.lines == [" ab 龍"])
        screen.put("中", x: 3, y: 0)
        #expect(screen.lines == [" ab中 "])
    }

    @Test func boxWithTitle() {
        var screen = Screen(size: Size(cols: 12, rows: 4))
        screen.box(screen.area, title: "Roster", role: "border", titleRole: "title")
        #expect(screen.lines == [
            "┌ Roster ──┐",
            "│          │",
            "│          │",
            "└──────────┘",
        ])
        #expect(screen[2, 0].role == "title")
        #expect(screen[0, 0].role == "border")
    }

    @Test func asciiBoxTruncatesALongTitle() {
        var screen = Screen(size: Size(cols: 9, rows: 3))
        screen.box(screen.area, title: "Participants", glyphs: .ascii)
        #expect(screen.lines == ["+ Part~ +", "|       |", "+-------+"])
    }

    @Test func fillAndPaint() {
        var screen = Screen(lines: ["abc", "def"])
        screen.paint(Rect(x: 0, y: 1, width: 3, height: 1), role: "roster.selected")
        #expect(screen.lines == ["abc", "def"])
        #expect(screen[2, 1].role == "roster.selected")
        screen.fill(Rect(x: 1, y: 0, width: 5, height: 5), role: "overlay")
        #expect(screen.lines == ["a  ", "d  "])
    }

    @Test func descriptionQuotesRows() {
        #expect(Screen(lines: ["ab", "c"]).description == "Screen 2×2\n\"ab\"\n\"c \"")
    }
}
