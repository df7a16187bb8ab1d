import Foundation
import Testing

@testable import CaseloadCLI

/// `caseload import participants` through the built binary.
@Suite("caseload import participants, end to end")
struct ImportEndToEndTests {
    @Test("the demo's participants.csv imported into an empty caseload exports byte for byte the same")
    func roundTrip() throws {
        let demo = try BinaryRunner()
        defer { demo.remove() }
        try demo.succeed("demo")
        let first = demo.data.deletingLastPathComponent().appendingPathComponent("first")
        try demo.succeed("export", "--format", "csv", "--out", first.path)

        let fresh = try BinaryRunner()
        defer { fresh.remove() }
        try fresh.succeed("init", "--program", "Riverside Recovery", "--time-zone", "America/Chicago")
        try addStaff(from: first.appendingPathComponent("staff.csv"), to: fresh)
        let roster = first.appendingPathComponent("participants.csv").path
        let imported = try fresh.succeed("import", "participants", roster)
        #expect(imported.hasPrefix("Imported 70 participants: P-0001, P-0002,"))
        let second = fresh.data.deletingLastPathComponent().appendingPathComponent("second")
        try fresh.succeed("export", "--format", "csv", "--out", second.path)
        let before = try Data(contentsOf: URL(fileURLWithPath: roster))
        let after = try Data(contentsOf: second.appendingPathComponent("participants.csv"))
        #expect(before == after)

        // The same file again: every row is someone already on file, and nothing is written.
        let again = try fresh.run(["import", "participants", roster])
        #expect(again.status == 1)
        #expect(again.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("Line ") }.count == 70)
        #expect(again.stderr.contains("Nothing was imported: 70 of 70 rows have problems"))
    }

    /// Adds the staff of an exported staff.csv, the administrator first.
    private func addStaff(from file: URL, to caseload: BinaryRunner) throws {
        let rows = try CSVReader.rows(Data(contentsOf: file)).dropFirst().map(\.cells)
        let admin = try #require(rows.first { $0[3] == "admin" })
        for staff in [admin] + rows.filter({ $0[3] != "admin" }) {
            try caseload.succeed(
                "staff", "add", staff[0], "--name", staff[1], "--credentials", staff[2], "--role", staff[3], "--as", admin[0])
        }
    }

    static let badRoster = """
        \u{FEFF}First Name,Last Name,DOB,Admitted,Level,Track,Counselor,Phone\r
        Ana,Ruiz,1990-02-03,2026-11-02,IOP,Substance use,María García,(312) 555-0100\r
        Bo,Li,1990-02-30,2026-11-02,iop,mental-health,,\r
        "Cy
        Jr.",Do,1980-01-01,2026-11-02,op,co-occurring,,\r
        Dee,Ng,1985-05-05,2026-11-24,aftercare,mental-health,,\r
        Eve,Park,1985-05-05,2026-11-02,residential,mental-health,,\r
        Fay,Ortiz,1985-05-05,2026-11-02,php,mental-health,nobody,\r
        "ana","RUIZ",1990-02-03,2026-11-02,op,mental-health,,\r
        Gil,Sá,1970-07-07,2026-11-02,php,co-occurring,mgarcia,"=HYPERLINK(""x"")"\r

        """

    @Test("a file with bad rows names every one by line and column, and writes nothing")
    func badRows() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        let file = caseload.data.deletingLastPathComponent().appendingPathComponent("roster.csv")
        try Data(Self.badRoster.utf8).write(to: file)

        let result = try caseload.run(["import", "participants", file.path])
        #expect(result.status == 1)
        #expect(result.stdout == """
            Line 3, DOB (column C): This is not a date; write it as YYYY-MM-DD, for example 1988-04-02.
            Line 4, First Name (column A): The first name holds a line break, a control or an invisible character (often left by a paste), which could change how a terminal shows it; type it again as one line of plain text.
            Line 6, Admitted (column D): An admission cannot be dated in the future (2026-11-24; today is 2026-11-23).
            Line 7, Level (column E): This is not a value Caseload knows here; write one of php, iop, op, aftercare.
            Line 8, Counselor (column G): No staff member has that id or name; name the primary counselor by id or by name as on the staff list (mgarcia).
            Line 9: The row on line 2 has the same name and date of birth; keep one of the two.

            """)
        #expect(result.stderr == """
            Nothing was imported: 6 of 8 rows have problems (lines 3, 4, 6, 7, 8, 9); correct them, or pass --skip-bad-rows to import the other 2.

            """)
        #expect(try caseload.succeed("participant", "list", "--all") == "No participants match.\n")

        let dryRun = try caseload.run(["import", "participants", file.path, "--dry-run"])
        #expect(dryRun.status == 1)
        #expect(dryRun.stdout.hasSuffix("Checked 8 rows: 2 ready to import, 6 with problems (lines 3, 4, 6, 7, 8, 9); nothing was written (--dry-run).\n"))
        #expect(try caseload.succeed("participant", "list", "--all") == "No participants match.\n")

        let skipping = try caseload.run(["import", "participants", file.path, "--skip-bad-rows"])
        #expect(skipping.status == 0)
        #expect(skipping.stdout.hasSuffix("Imported 2 participants: P-0001, P-0002.\n"))
        #expect(skipping.stderr.contains("Warning: 6 rows were not imported (lines 3, 4, 6, 7, 8, 9).\n"))
        let shown = try caseload.succeed("participant", "show", "P-0002", "--json")
        #expect(shown.contains("\"phone\" : \"=HYPERLINK(\\\"x\\\")\""))
        #expect(shown.contains("\"lastName\" : \"Sá\""))
    }
}
