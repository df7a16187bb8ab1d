import Testing
import TerminalKit

/// What a terminal limited to ASCII shows of a name (LANG=C).
@Suite struct ASCIITransliterationTests {
    @Test(arguments: [
        ("Béranger", "Beranger"), ("Núñez, José", "Nunez, Jose"), ("Groß, Käthe", "Gross, Kathe"),
        ("Łukasz", "Lukasz"), ("Øystein", "Oystein"), ("Nguyễn Thị Hoa", "Nguyen Thi Hoa"),
        ("李 小龍", "Li Xiao Long"), ("Владимир", "Vladimir"), ("josé", "jose"), ("O'Neil", "O'Neil"),
    ])
    func spelledInASCII(name: String, expected: String) {
        #expect(ASCIITransliteration.ascii(name) == expected)
    }

    @Test func textNoTransformSpellsHasNoASCIIForm() {
        #expect(ASCIITransliteration.ascii("🌻 Sunny") == nil)
    }
}
