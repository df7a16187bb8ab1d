import Foundation
import Testing

/// Reads recorded by the commands that show health information, and `caseload audit list` over them.
@Suite("Access log and audit list end to end")
struct AuditListEndToEndTests {
    /// A caseload with two participants that mgarcia opened, searched and exported.
    private func caseload() throws -> BinaryRunner {
        let runner = try BinaryRunner()
        try runner.makeCaseload()
        for first in ["Ana", "Luis"] {
            try runner.succeed(
                "participant", "add", "--first", first, "--last", "Ruiz", "--dob", "1990-01-01", "--level", "iop",
                "--track", "co-occurring")
        }
        try runner.succeed("participant", "show", "P-0001")
        try runner.succeed("note", "search", "relapse", "--participant", "P-0002")
        try runner.succeed("export", "--format", "json")
        return runner
    }

    private func rows(_ output: String) -> [String] {
        output.split(separator: "\n").dropFirst().map { $0.split(separator: " ", omittingEmptySubsequences: true).suffix(3).joined(separator: " ") }
    }

    @Test("reads are listed with the program's time and zone, and filter by participant, staff and day")
    func listFilters() throws {
        let runner = try caseload()
        defer { runner.remove() }
        let all = try runner.succeed("audit", "list", "--as", "admin")
        #expect(all.hasPrefix("TIME                  STAFF    ACTION            RECORD\n"), "\(all)")
        #expect(all.contains("2026-11-23 14:00 CST  mgarcia  participant.view  P-0001\n"), "\(all)")
        #expect(!all.contains("Ana") && !all.contains("relapse"))

        let first = try runner.succeed("audit", "list", "--participant", "P-0001", "--as", "admin")
        #expect(rows(first) == ["mgarcia participant.add P-0001", "mgarcia participant.view P-0001", "mgarcia record.export all"])
        let second = try runner.succeed("audit", "list", "--participant", "P-0002", "--staff", "mgarcia", "--as", "admin")
        #expect(rows(second) == ["mgarcia participant.add P-0002", "mgarcia note.search P-0002", "mgarcia record.export all"])
        let byAdmin = try runner.succeed("audit", "list", "--staff", "admin", "--to", "2026-11-22", "--as", "admin")
        #expect(byAdmin == "No audit lines match.\n")
        let today = try runner.succeed("audit", "list", "--from", "today", "--to", "today", "--staff", "admin", "--json", "--as", "admin")
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(today.utf8)) as? [[String: Any]])
        // The staff adds, then the four reviews above: each review is on record for the next.
        #expect(listed.map { $0["action"] as? String } == ["staff.add", "staff.add"] + Array(repeating: "audit.review", count: 4))
        #expect(listed.first?["time"] as? String == "2026-11-23 14:00 CST")
    }

    @Test("a counselor may not list the audit log")
    func counselorRefused() throws {
        let runner = try caseload()
        defer { runner.remove() }
        let refused = try runner.run(["audit", "list"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Only an administrator or supervisor can review the audit log; mgarcia is a counselor."))
        #expect(refused.stdout.isEmpty)
    }

    @Test("check and audit verify stay clean after reads")
    func cleanAfterReads() throws {
        let runner = try caseload()
        defer { runner.remove() }
        try runner.succeed("audit", "list", "--as", "admin")
        #expect(try runner.run(["check"]).status == 0)
        let verify = try runner.run(["audit", "verify"])
        #expect(verify.status == 0, "\(verify.stdout)")
    }
}
