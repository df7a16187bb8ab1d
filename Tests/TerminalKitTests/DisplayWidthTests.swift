import Testing
import TerminalKit

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("José Núñez", 10),
        ("Jose\u{301} Nu\u{303}n\u{303}ez", 10),
        ("Nguyễn Thị Hoa", 14),
        ("李小龍", 6),
        ("李 Bruce", 8),
        ("😀", 2),
        ("a\u{7}b", 2),
        ("", 0),
    ])
    func widthOfText(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test(arguments: [
        (Character("a"), 1), ("é", 1), ("e\u{301}", 1), ("李", 2), ("😀", 2), ("\u{301}", 0), ("\t", 0),
    ])
    func widthOfCharacter(character: Character, columns: Int) {
        #expect(DisplayWidth.of(character) == columns)
    }

    @Test(arguments: [
        ("Nguyễn Thị Hoa", 8, "…", "Nguyễn …"),
        ("李小龍", 5, "", "李小 "),
        ("李小龍", 4, "…", "李 …"),
        ("李小龍", 3, "…", "李…"),
        ("李小龍", 6, "…", "李小龍"),
        ("abcdef", 4, "~", "abc~"),
        ("abcdef", 1, "...", "a"),
        ("abc", 0, "…", ""),
        ("abc", -3, "…", ""),
    ])
    func truncationNeverSplitsAWideCharacter(text: String, width: Int, ellipsis: String, expected: String) {
        let result = DisplayWidth.truncate(text, to: width, ellipsis: ellipsis)
        #expect(result == expected)
        #expect(DisplayWidth.of(result) <= max(0, width))
    }

    @Test func fitPadsToExactWidth() {
        #expect(DisplayWidth.fit("李小龍", to: 5) == "李小 ")
        #expect(DisplayWidth.fit("ab", to: 5, alignment: .right) == "   ab")
        #expect(DisplayWidth.fit("ab", to: 5, alignment: .center) == " ab  ")
        #expect(DisplayWidth.fit("José Núñez", to: 6, ellipsis: "…") == "José …")
    }
}
