import Foundation
import Testing

/// `caseload audit verify` and `caseload check` against an audit log changed behind Caseload's back.
@Suite("Audit trail end to end")
struct AuditEndToEndTests {
    static let auditFile = "audit/2026-11.jsonl"

    /// A caseload with a participant and two check-ins: six audit lines in November.
    private func caseload() throws -> BinaryRunner {
        let runner = try BinaryRunner()
        try runner.makeCaseload()
        let participant = try runner.succeed(
            "participant", "add", "--first", "Ana", "--last", "Ruiz", "--dob", "1990-01-01", "--level", "iop",
            "--track", "co-occurring"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        for craving in ["3", "4"] { try runner.succeed("checkin", "add", participant, "--craving", craving) }
        return runner
    }

    private func rewriteAudit(_ runner: BinaryRunner, _ change: (inout [String]) -> Void) throws {
        let url = runner.data.appendingPathComponent(Self.auditFile)
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        change(&lines)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
    }

    @Test("verify passes an intact log and names an edited, a deleted and a swapped line", arguments: [
        ("edited", 3, "audit/2026-11.jsonl line 3 was changed after it was written"),
        ("deleted", 3, "audit/2026-11.jsonl line 3 was deleted (the line now at 3 was written as line 4)"),
        ("swapped", 3, "audit/2026-11.jsonl line 3 is out of order (it was written as line 4)"),
    ])
    func verify(change: String, line: Int, expected: String) throws {
        let runner = try caseload()
        defer { runner.remove() }
        let intact = try runner.run(["audit", "verify"])
        #expect(intact.status == 0)
        #expect(intact.stdout == "The audit log is intact: 6 lines in 1 file checked.\n")

        try rewriteAudit(runner) { lines in
            switch change {
            case "edited": lines[line - 1] = lines[line - 1].replacingOccurrences(of: "\"admin\"", with: "\"mgarcia\"")
            case "deleted": lines.remove(at: line - 1)
            default: lines.swapAt(line - 1, line)
            }
        }
        let broken = try runner.run(["audit", "verify"])
        #expect(broken.status == 1)
        #expect(broken.stdout.hasPrefix(expected), "\(broken.stdout)")
    }

    @Test("check names a record revision with no audit line")
    func checkNamesAGap() throws {
        let runner = try caseload()
        defer { runner.remove() }
        #expect(try runner.run(["check"]).status == 0)

        // Drop the participant's admission line, as a kill between record and line once could.
        try rewriteAudit(runner) { lines in lines.removeAll { $0.contains(#""action":"participant.add""#) } }
        let check = try runner.run(["check"])

        #expect(check.status == 1)
        #expect(
            check.stdout.contains(
                "participants/P-0001.json revision 1 has no audit line, so who made that change is not on record; "
                    + "keep the file as it is and tell your privacy officer."), "\(check.stdout)")
    }

    @Test("the demo's records each carry an audit line, and check passes")
    func demoIsAudited() throws {
        let runner = try BinaryRunner()
        defer { runner.remove() }
        let made = try runner.succeed("demo", "--participants", "6", "--weeks", "2")
        // The closing hint names a counselor who can sign in: "… --as ID".
        let counselor = try #require(made.split(whereSeparator: \.isWhitespace).last.map(String.init))
        let check = try runner.run(["check", "--as", counselor])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(try runner.run(["audit", "verify", "--as", counselor]).status == 0)
    }
}
