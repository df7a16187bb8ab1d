#if canImport(CaseloadStorage)
@testable import CaseloadStorage
#else
@testable import CaseloadCore
#endif
import Foundation
import Testing

@Suite("Record JSON conventions")
struct RecordCodingTests {
    @Test("records are pretty, sorted, slash-friendly JSON with UTC dates, a schemaVersion and a final newline")
    func encodingFormat() throws {
        let text = String(decoding: try RecordCoding.encode(SampleRecord.example, schemaVersion: 3), as: UTF8.self)
        #expect(
            text == """
                {
                  "id" : "P-0042",
                  "name" : "Zebulon Quill",
                  "note" : "Reports Zebulon sleeping poorly; see a/b.",
                  "schemaVersion" : 3,
                  "score" : 14,
                  "seenAt" : "2026-11-29T13:05:00Z"
                }

                """)
    }

    @Test("encoding then decoding gives the record back")
    func roundTrip() throws {
        let bytes = try RecordCoding.encode(SampleRecord.example, schemaVersion: 2)
        let decoded = try RecordCoding.decode(SampleRecord.self, from: bytes, newestSchemaVersion: 2)
        #expect(decoded.record == SampleRecord.example)
        #expect(decoded.schemaVersion == 2)
    }

    @Test(
        "syntax problems are found with their line and column",
        arguments: [
            ("{\"a\":1,}", RecordProblem.invalidJSON(line: 1, column: 8, problem: .expected("a field name in double quotes"))),
            ("{\"a\":01}", .invalidJSON(line: 1, column: 7, problem: .invalidNumber)),
            ("{\"a\":\"x\ty\"}", .invalidJSON(line: 1, column: 8, problem: .controlCharacterInString)),
            ("{\"a\":\"\\ud800\"}", .invalidJSON(line: 1, column: 13, problem: .invalidEscape)),
            ("{\"a\":\"\\q\"}", .invalidJSON(line: 1, column: 8, problem: .invalidEscape)),
            ("{\"a\":1} x", .invalidJSON(line: 1, column: 9, problem: .textAfterRecord)),
            ("{\"a\":tru}", .invalidJSON(line: 1, column: 9, problem: .expected("a value"))),
            ("{\n\"a\":[1,2\n", .invalidJSON(line: 3, column: 1, problem: .unexpectedEnd)),
            ("   \n  ", .invalidJSON(line: 2, column: 3, problem: .unexpectedEnd)),
            ("{\"a\":1,\"\\u0061\":2}", .duplicateField(name: "a", line: 1)),
            ("{\"Zebulon Quill\":1,\"Zebulon Quill\":2}", .duplicateField(name: "(unnamed field)", line: 1)),
            ("42", .notAnObject),
            (String(repeating: "[", count: 500), .invalidJSON(line: 1, column: 129, problem: .nestedTooDeeply)),
        ])
    func syntaxProblems(text: String, damage: RecordProblem) {
        #expect(JSONTape.firstProblem(in: Array(text.utf8)) == damage)
    }

    @Test(
        "well-formed JSON passes the syntax check",
        arguments: [
            "{}", "{\"a\":[],\"b\":{},\"c\":[1,-2.5e+3,0.0,true,false,null]}", "\u{FEFF}{\"a\":1}",
            "{\"emoji\":\"\u{1F600} \\ud83d\\ude00\",\"é\":\"\\u00e9\\n\\\"\"}", " {\"a\" : { \"a\" : 1 } } \n",
        ])
    func wellFormedPasses(text: String) {
        #expect(JSONTape.firstProblem(in: Array(text.utf8)) == nil)
    }

    @Test("ill-formed UTF-8 is located", arguments: [
        ([0x7B, 0x22, 0xC0, 0xAF], 2),  // overlong "/"
        ([0x7B, 0x22, 0xED, 0xA0, 0x80], 2),  // encoded surrogate
        ([0x7B, 0x22, 0xF4, 0x90, 0x80, 0x80], 2),  // above U+10FFFF
        ([0x7B, 0x22, 0xE2, 0x82], 2),  // cut short
        ([0xC3, 0xA9, 0x80], 2),  // stray continuation byte
    ] as [([UInt8], Int)])
    func invalidUTF8(bytes: [UInt8], offset: Int) {
        #expect(UTF8Validation.firstInvalidOffset(in: bytes) == offset)
    }

    @Test("sizes read the way a file manager shows them", arguments: [
        (0, "0 bytes"), (999, "999 bytes"), (1_500, "1.5 KB"), (8_388_608, "8.4 MB"), (100_000_000, "100 MB"), (2_000_000_000_000, "2 TB"),
    ])
    func byteCounts(bytes: Int, text: String) {
        #expect(ByteCountText.describe(bytes) == text)
    }
}
