import Testing

@testable import CaseloadCLI

@Suite("Escaping what is printed and exported")
struct OutputEscapingTests {
    @Test("terminal controls are shown, never passed through", arguments: [
        ("Evil\u{1B}]0;pwned\u{07}", "Evil^[]0;pwned^G"),
        ("A\nB\tC\u{7F}", "A^JB^IC^?"),
        ("\u{9B}31m abc\u{202E}fed", "<U+009B>31m abc<U+202E>fed"),
        ("José Núñez, ميلاد\u{200C}ی", "José Núñez, ميلاد\u{200C}ی"),
    ])
    func visible(_ text: String, _ shown: String) {
        #expect(Output.visible(text) == shown)
    }

    @Test("multi-line text keeps its line breaks and tabs")
    func paragraphs() {
        #expect(Output.visible("One\n\tTwo\u{1B}[2J", keepingLineBreaks: true) == "One\n\tTwo^[[2J")
    }

    @Test("a CSV cell that starts like a formula is written as text", arguments: [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("+1", "'+1"), ("-2", "'-2"), ("@cmd", "'@cmd"), ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""), ("=1,2", "\"'=1,2\""), ("Ana", "Ana"), ("a=b", "a=b"), ("", ""),
    ])
    func formula(_ cell: String, _ written: String) {
        #expect(CSV.field(cell) == written)
    }
}
