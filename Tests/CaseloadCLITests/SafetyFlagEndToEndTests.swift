import Foundation
import Testing

/// A flag from item 9 and one raised by hand, closed only by a risk assessment, a high-risk one
/// only after a supervisor's review, with who did what shown in `checkin list` and `participant show`.
@Suite("Safety flags from the command line, end to end")
struct SafetyFlagEndToEndTests {
    static let answers = ["--death", "yes", "--self-harm", "yes", "--method", "no", "--intent", "no", "--plan", "no", "--behavior", "no"]

    @Test("raise, assess, review, and read back who did what")
    func flagLifecycle() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        try caseload.succeed("staff", "add", "lchen", "--name", "Lin Chen", "--role", "supervisor", "--as", "admin")
        try caseload.succeed(
            "participant", "add", "--first", "José", "--last", "Núñez", "--dob", "1988-04-02", "--admitted", "2026-11-02",
            "--level", "iop", "--track", "co-occurring")
        let added = try caseload.succeed("checkin", "add", "P-0001", "--date", "2026-11-20", "--phq9", "1,1,1,1,1,1,1,1,2")
        #expect(added.contains("SAFETY FLAG: PHQ-9 item 9 answered 2."))
        let flag = try #require(added.split(separator: " ").first { $0.hasPrefix("C-2026") }.map(String.init))

        // The old free-text acknowledgement is gone: "ok" closes nothing.
        let ok = try caseload.run(["checkin", "acknowledge", "P-0001", flag, "--action", "ok"])
        #expect(ok.status != 0)
        let missing = try caseload.run(["checkin", "acknowledge", "P-0001", flag, "--death", "yes", "--protective", "Sister", "--risk", "low",
                                        "--action", "safety-plan", "--follow-up", "2026-11-24"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("not answered: thoughts of self-harm, method, intent, plan, suicidal behavior in the last three months."))
        let admin = try caseload.run(["checkin", "acknowledge", "P-0001", flag, "--as", "admin"] + Self.answers + [
            "--protective", "Sister", "--risk", "low", "--action", "safety-plan", "--follow-up", "2026-11-24"])
        #expect(admin.stderr.contains("Only a counselor or supervisor can assess a safety flag; admin is an administrator."))

        let assessed = try caseload.succeed(["checkin", "acknowledge", "P-0001", flag] + Self.answers + [
            "--protective", "Two children at home\nSees sponsor weekly", "--risk", "high", "--action", "safety-plan",
            "--action", "supervisor-consulted", "--other-action", "Called sister with consent", "--follow-up", "2026-11-24"])
        #expect(assessed.contains("high risk. The flag stays open, awaiting a supervisor's review: caseload checkin review P-0001 \(flag)"))
        #expect(try caseload.succeed("participant", "list", "--json").contains(flag))

        let counselorReview = try caseload.run(["checkin", "review", "P-0001", flag])
        #expect(counselorReview.stderr.contains("Only a supervisor can review a high-risk assessment; mgarcia is a counselor."))
        #expect(try caseload.succeed("checkin", "review", "P-0001", flag, "--note", "Agree; daily calls", "--as", "lchen")
            .contains("the safety flag on \(flag) is closed"))

        let raised = try caseload.succeed("checkin", "flag", "P-0001", "--reason", "Spoke of giving belongings away")
        #expect(raised.contains("raised for P-0001 on 2026-11-23"))

        let list = try caseload.succeed("checkin", "list", "P-0001")
        let expected = [
            "Safety flags",
            "\(flag)  2026-11-20  PHQ-9 item 9 answered 2  [closed]",
            "    Assessed by mgarcia 2026-11-23 14:00 CST: high risk",
            "    Answered yes: Thoughts of death, Thoughts of self-harm",
            "    Protective factors: Two children at home",
            "      Sees sponsor weekly",
            "    Done: Safety plan made or reviewed; Supervisor consulted; Other: Called sister with consent",
            "    Follow-up: 2026-11-24",
            "    Reviewed by lchen 2026-11-23 14:00 CST: Agree; daily calls",
        ].joined(separator: "\n")
        #expect(list.contains(expected), "\(list)")
        #expect(list.contains("2026-11-23  raised by hand by mgarcia  [open]\n    Concern: Spoke of giving belongings away\n"
            + "    No risk assessment yet: caseload checkin acknowledge P-0001 C-20261123-"))
        let show = try caseload.succeed("participant", "show", "P-0001")
        #expect(show.contains(expected))

        // The spreadsheet export carries the same story: status, risk level, who assessed and reviewed.
        let out = caseload.data.deletingLastPathComponent().appendingPathComponent("csv")
        try caseload.succeed("export", "--format", "csv", "--out", out.path)
        let checkIns = try String(contentsOf: out.appendingPathComponent("checkins.csv"), encoding: .utf8)
        #expect(checkIns.contains(",safety_flag,risk_level,assessed_by,follow_up,reviewed_by,comment\r\n"))
        #expect(checkIns.contains(",closed,high,mgarcia,2026-11-24,lchen,"), "\(checkIns)")
        #expect(checkIns.contains(",open,,,,,"), "the hand-raised flag")

        let discharge = try caseload.run(["participant", "discharge", "P-0001", "--date", "2026-11-23", "--type", "administrative",
                                          "--summary", "Moved away"])
        #expect(discharge.status == 1, "the hand-raised flag is open")
        let check = try caseload.run(["check"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
