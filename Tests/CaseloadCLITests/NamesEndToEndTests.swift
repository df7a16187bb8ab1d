import Foundation
import Testing

/// Names as people write them: family name first where that is the order, lists sorted as the
/// console sorts them, and names a plain terminal cannot show spelled in ASCII or replaced by the id.
@Suite("Names, end to end")
struct NamesEndToEndTests {
    func admit(_ caseload: BinaryRunner, _ first: String, _ last: String, _ extra: String...) throws {
        try caseload.succeed([
            "participant", "add", "--first", first, "--last", last, "--dob", "1988-04-02", "--admitted", "2026-11-02",
            "--level", "iop", "--track", "co-occurring",
        ] + extra)
    }

    @Test("--name-order family-first shows the family name first in show, list and the console")
    func familyFirst() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        try admit(caseload, "雪梅", "李", "--name-order", "family-first")
        let show = try caseload.succeed("participant", "show", "P-0001")
        #expect(show.hasPrefix("李 雪梅 (P-0001)"), "\(show)")
        #expect(show.contains("李 雪梅 (family name first)"), "\(show)")
        #expect(try caseload.succeed("participant", "list").contains("李 雪梅"))
        #expect(try caseload.succeed("participant", "list", "--json").contains(#""nameOrder" : "family-first""#))
        let screen = try caseload.succeed("render", "participant", "--participant", "P-0001", "--size", "120x40")
        #expect(screen.contains("李 雪梅"), "\(screen)")
        #expect(!screen.contains("雪梅 李"), "\(screen)")
        try caseload.succeed("participant", "edit", "P-0001", "--name-order", "given-first")
        #expect(try caseload.succeed("participant", "show", "P-0001").hasPrefix("雪梅 李 (P-0001)"))
        let wrong = try caseload.run(["participant", "edit", "P-0001", "--name-order", "last-first"])
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("family-first"), "\(wrong.stderr)")
    }

    @Test("in a terminal that shows only ASCII, names are spelled in ASCII, or shown as the id, never as question marks")
    func asciiNames() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        try admit(caseload, "Amélie", "Béranger")
        try admit(caseload, "雪梅", "李", "--name-order", "family-first")
        try admit(caseload, "🌻", "🌻")
        let screen = try caseload.succeed("render", "roster", "--glyphs", "ascii", "--size", "120x30")
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "\(screen)")
        #expect(screen.contains("Beranger, Amelie"), "\(screen)")
        #expect(screen.contains("Li Xue Mei"), "\(screen)")
        #expect(screen.contains("P-0003"), "\(screen)")
        #expect(!screen.contains("?,") && !screen.contains("??"), "\(screen)")
        #expect(screen.contains("Maria Garcia"), "the signed-in counselor, too: \(screen)")
    }

    @Test("participant list sorts as the console: accents folded, \"de la Cruz\" beside \"Dela Cruz\"")
    func listOrder() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        for (first, last) in [("Zoe", "Dela Cruz"), ("Bea", "Deal"), ("Ignacio", "Ávila"), ("Ana", "de la Cruz"), ("Carl", "Baker")] {
            try admit(caseload, first, last)
        }
        let rows = try caseload.succeed("participant", "list").split(separator: "\n").dropFirst()
        let names = rows.compactMap { row in ["Ávila", "Baker", "Deal", "de la Cruz", "Dela Cruz"].first { row.contains($0 + ",") } }
        #expect(names == ["Ávila", "Baker", "Deal", "de la Cruz", "Dela Cruz"], "\(rows)")
    }
}
