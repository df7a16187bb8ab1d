import Foundation
import Testing

/// The scenario in the real console: a counselor records a check-in with PHQ-9 item 9
/// answered 2 from the keyboard, the banner shows, the flag appears on the roster and the
/// dashboard; a supervisor then closes it with a risk assessment, and who did what shows.
@Suite("Check-ins and safety flags in a real terminal", .serialized, .enabled(if: TmuxDriver.isAvailable, "tmux is not installed"))
struct SafetyFormsEndToEndTests {
    @Test("Item 9 = 2 from the keyboard, seen by the supervisor, closed by a risk assessment")
    func checkInToAssessment() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        try caseload.succeed("staff", "add", "lchen", "--name", "Lin Chen", "--role", "supervisor", "--as", "admin")
        try caseload.succeed(
            "participant", "add", "--first", "Ana", "--last", "Ruiz", "--dob", "1990-01-01", "--admitted", "2026-11-02",
            "--level", "iop", "--track", "co-occurring")

        let counselor = try caseload.console(as: "mgarcia", cols: 100, rows: 30)
        try counselor.waitFor("Today")
        try counselor.send("2")
        try counselor.waitFor("Ruiz, Ana")
        try counselor.send("c")
        try counselor.waitFor("Check-in")
        try counselor.type("11111111")
        try counselor.waitFor("PHQ-9 8 of 9 items answered")
        try counselor.type("2")
        try counselor.waitFor("PHQ-9 item 9 answered 2")
        try counselor.waitFor("risk assessment opens next")
        try counselor.send("C-s")
        // The assessment follows at once; the counselor leaves it for the supervisor.
        try counselor.waitFor("Risk assessment")
        try counselor.send("Escape")
        try counselor.waitFor("Nothing was saved")
        let roster = try counselor.waitFor("⚑")
        #expect(roster.contains("Ruiz, Ana"))
        try counselor.send("4")
        try counselor.waitFor("Open safety flags")
        try counselor.send("q")
        #expect(try counselor.exitStatus() == 0)
        counselor.stop()

        let supervisor = try caseload.console(as: "lchen", cols: 100, rows: 30)
        try supervisor.waitFor("Today")
        try supervisor.send("4")
        try supervisor.waitFor("Ruiz, Ana")
        try supervisor.send("2")
        try supervisor.send("a")
        try supervisor.waitFor("Ruiz, Ana")
        try supervisor.send("Enter")
        try supervisor.waitFor("Open safety flag")
        try supervisor.send("A")
        try supervisor.waitFor("PHQ-9 item 9 answered 2")
        try supervisor.waitFor("Safety flag of 2026-11-23 (C-")
        try supervisor.type("ynnnnn")
        try supervisor.type("Sister nearby; engaged in group")
        try supervisor.send("Tab")
        try supervisor.type("m")
        try supervisor.send("Tab")
        try supervisor.type(" ")
        // Crisis line, supervisor consulted, emergency evaluation, other action, then the follow-up.
        for _ in 0..<5 { try supervisor.send("Tab") }
        try supervisor.type("2026-11-24")
        try supervisor.send("C-s")
        try supervisor.waitFor("Risk assessment recorded; the flag is closed")
        try supervisor.send("Tab")
        try supervisor.send("Tab")
        try supervisor.waitFor("Safety flags")
        for _ in 0..<10 { try supervisor.send("j") }
        let progress = try supervisor.waitFor("Assessed by Lin Chen")
        #expect(progress.contains("moderate risk"))
        #expect(progress.contains("[closed]"))
        #expect(progress.contains("Done: Safety plan made or reviewed"))
        supervisor.stop()

        let listed = try caseload.succeed("checkin", "list", "P-0001")
        #expect(listed.contains("Assessed by lchen"))
        #expect(listed.contains("[closed]"))
    }
}
