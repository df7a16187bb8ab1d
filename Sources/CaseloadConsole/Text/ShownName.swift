import TerminalKit

/// A person's name as the terminal can show it. Where it shows ASCII only (LANG=C), the name
/// is transliterated ("Béranger" → "Beranger"), and a name that cannot be spelled in ASCII is
/// shown as its id: three different people never all read "??, ????".
enum ShownName {
    static func of(_ name: String, id: String, glyphs: ConsoleGlyphs) -> String {
        guard glyphs.asciiOnly else { return name }
        return ASCIITransliteration.ascii(name) ?? id
    }
}
