import CaseloadCore
import Foundation
import Testing

@testable import CaseloadCLI

@Suite("Reading CSV as spreadsheets write it")
struct CSVReaderTests {
    typealias Row = CSVReader.Row

    @Test("quoted cells keep commas, doubled quotes and line breaks; each row keeps the line it starts on")
    func quoting() throws {
        let text = "a,b,c\r\n\"Núñez, José\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nx,,\"\"\r\n"
        #expect(try CSVReader.rows(text) == [
            Row(line: 1, cells: ["a", "b", "c"]),
            Row(line: 2, cells: ["Núñez, José", "say \"hi\"", "two\r\nlines"]),
            Row(line: 4, cells: ["x", "", ""]),
        ])
    }

    @Test("LF, CRLF and CR line ends, blank lines skipped, no line end at the end of the file")
    func lineEnds() throws {
        #expect(try CSVReader.rows("h\n1\r\n\r\n2\r3") == [
            Row(line: 1, cells: ["h"]), Row(line: 2, cells: ["1"]), Row(line: 4, cells: ["2"]), Row(line: 5, cells: ["3"]),
        ])
        #expect(try CSVReader.rows("h\n\"a\nb\"\nc\n") == [
            Row(line: 1, cells: ["h"]), Row(line: 2, cells: ["a\nb"]), Row(line: 4, cells: ["c"]),
        ])
    }

    @Test("a byte-order mark is skipped; text that is not UTF-8 is refused")
    func encoding() throws {
        #expect(try CSVReader.rows(Data([0xEF, 0xBB, 0xBF]) + Data("id\nP-0001\n".utf8)) == [
            Row(line: 1, cells: ["id"]), Row(line: 2, cells: ["P-0001"]),
        ])
        #expect(throws: CSVReader.Failure.notUTF8) { try CSVReader.rows(Data([0x4E, 0xFA, 0x0A])) }
    }

    @Test("a quote that never closes, or text after a closing quote, names its line")
    func malformed() {
        #expect(throws: CSVReader.Failure.unclosedQuote(line: 2)) { try CSVReader.rows("h\n\"open\n\nstill open") }
        #expect(throws: CSVReader.Failure.textAfterQuote(line: 3)) { try CSVReader.rows("h\nok\n\"a\"b,c") }
    }

    @Test("a quote inside an unquoted cell is kept as written")
    func strayQuote() throws {
        #expect(try CSVReader.rows("5'10\" tall,x") == [Row(line: 1, cells: ["5'10\" tall", "x"])])
    }

    @Test("what the export writes reads back as it was, formula marks and leading apostrophes included", arguments: [
        "=SUM(A1:A9)", "+1 (312) 555-0100", "-2", "@cmd", "\tx", "\rx", "'quoted", "''", "=1,2", "Ana", "O'Brien",
        "line\nbreak, and \"quotes\"", "",
    ])
    func roundTrip(_ text: String) throws {
        let written = CSV.table(["h"], [[text]])
        let rows = try CSVReader.rows(written)
        let read = rows.dropFirst().first.map { CSV.text(ofCell: $0.cells[0]) } ?? ""
        #expect(read == text)
    }

    @Test("a cell starting with an apostrophe gets a second one, which a spreadsheet shows as one")
    func apostrophe() {
        #expect(CSV.field("'quoted") == "''quoted")
    }
}
