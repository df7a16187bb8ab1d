import Foundation
import Testing

/// Drives the built binary through a counselor's day as a script would.
@Suite("caseload command line, end to end")
struct WorkflowTests {
    @Test("init → staff add → participant add → session add → checkin add → plan → list --json → check")
    func fullWorkflow() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }

        #expect(try caseload.succeed("init", "--program", "Riverside IOP", "--time-zone", "America/Chicago")
            .contains("Created an empty caseload"))
        #expect(try caseload.succeed("init").contains("already holds a caseload"))
        try caseload.succeed("staff", "add", "admin", "--name", "Ada Okafor", "--role", "admin")
        try caseload.succeed("staff", "add", "mgarcia", "--name", "María García", "--credentials", "LCSW", "--as", "admin")
        try caseload.succeed("staff", "add", "lchen", "--name", "Lin Chen", "--role", "supervisor", "--as", "admin")

        let id = try caseload.succeed(
            "participant", "add", "--first", "José", "--last", "Núñez", "--dob", "1988-04-02",
            "--admitted", "2026-11-02", "--level", "php", "--track", "co-occurring",
            "--diagnosis", "Alcohol use disorder, moderate|F10.20"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id == "P-0001")

        let session = try caseload.succeed(
            "session", "add", "--kind", "group", "--date", "2026-11-20", "--start", "09:00",
            "--minutes", "180", "--topic", "Coping skills", "--member", "\(id):late:150"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(session.hasPrefix("S-20261120-0900-"))

        let checkIn = try caseload.succeed(
            "checkin", "add", id, "--date", "2026-11-20", "--phq9", "1,1,2,0,1,0,1,0,0",
            "--gad7", "1,1,0,1,0,1,0", "--craving", "3", "--use", "no")
        #expect(checkIn.contains("PHQ-9 6 (mild)"))
        #expect(checkIn.contains("GAD-7 4 (minimal)"))

        #expect(try caseload.succeed("plan", "add-problem", id, "Alcohol use with loss of control") == "P1\n")
        #expect(try caseload.succeed("plan", "add-goal", id, "P1", "Maintain abstinence") == "P1.G1\n")
        #expect(try caseload.succeed(
            "plan", "add-objective", id, "P1.G1", "Attends 3 mutual-support meetings a week", "--target", "2026-12-31")
            == "P1.G1.O1\n")
        try caseload.succeed("plan", "status", id, "P1.G1.O1", "in-progress")
        #expect(try caseload.succeed("participant", "show", id).contains("P1.G1.O1  [In progress] Attends 3 mutual-support meetings a week (by 2026-12-31)"))

        let list = try caseload.succeed("participant", "list", "--json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["id"] as? String == "P-0001")
        #expect(rows.first?["lastName"] as? String == "Núñez")
        #expect(rows.first?["levelOfCare"] as? String == "php")

        let sessions = try caseload.succeed("session", "list", "--from", "2026-11-16", "--to", "2026-11-22", "--json")
        let sessionRows = try #require(try JSONSerialization.jsonObject(with: Data(sessions.utf8)) as? [[String: Any]])
        #expect(sessionRows.map { $0["id"] as? String } == [session])
        #expect(sessionRows.first?["attended"] as? Int == 1)

        let check = try caseload.run(["check"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test("An empty list is still valid JSON")
    func emptyListJSON() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        let list = try caseload.succeed("participant", "list", "--json")
        #expect(try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [Any] != nil)
        let check = try caseload.run(["check"])
        #expect(check.status == 0, "a new, empty caseload is healthy: \(check.stdout)")
    }

    @Test("An invalid answer is refused naming the item, on stderr, with a non-zero exit")
    func invalidCheckIn() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        try caseload.succeed(
            "participant", "add", "--first", "Ana", "--last", "Ruiz", "--dob", "1990-01-01",
            "--level", "iop", "--track", "mental-health")
        let result = try caseload.run([
            "checkin", "add", "P-0001", "--phq9", "0,0,0,5,0,0,0,0,0",
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("PHQ-9 item 4 must be 0, 1, 2 or 3; 5 was given."))
        #expect(result.stdout.isEmpty)
    }

    @Test("A stranger cannot write, and the message says how to fix it")
    func unknownStaff() throws {
        var caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        caseload.environment["USER"] = "intruder"
        let result = try caseload.run([
            "participant", "add", "--first", "A", "--last", "B", "--dob", "1990-01-01", "--level", "iop",
            "--track", "mental-health",
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("intruder is not on this caseload's staff list"))
    }

    @Test("Data files are private to the user")
    func permissions() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        let folder = try FileManager.default.attributesOfItem(atPath: caseload.data.path)
        #expect((folder[.posixPermissions] as? Int) == 0o700)
        let staffFile = caseload.data.appendingPathComponent("staff/mgarcia.json")
        let file = try FileManager.default.attributesOfItem(atPath: staffFile.path)
        #expect((file[.posixPermissions] as? Int) == 0o600)
    }

    @Test("A data folder others can read is refused with the fix")
    func openFolderRefused() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: caseload.data.path)
        let result = try caseload.run(["participant", "list"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("chmod"))
    }
}
