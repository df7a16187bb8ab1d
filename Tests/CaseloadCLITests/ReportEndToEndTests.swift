import Foundation
import Testing

/// `caseload report progress` and `report program` as a supervisor would run them, at the pinned
/// Monday 2026-11-23 14:00 in Chicago.
@Suite("Reports from the command line, end to end")
struct ReportEndToEndTests {
    /// P-0001 admitted 2026-11-02 at IOP, stepped down to OP on Wednesday 2026-11-18; two check-ins,
    /// the second raising a flag closed with an assessment the same week; a three-hour group on
    /// Tuesday 2026-11-17 whose note is not written; an objective whose text starts like a formula.
    static func caseload() throws -> BinaryRunner {
        let caseload = try BinaryRunner()
        try caseload.makeCaseload()
        try caseload.succeed(
            "participant", "add", "--first", "José", "--last", "Núñez", "--dob", "1988-04-02", "--admitted", "2026-11-02",
            "--level", "iop", "--track", "co-occurring")
        try caseload.succeed("participant", "transition", "P-0001", "--to", "op", "--date", "2026-11-18", "--reason", "Met IOP goals")
        try caseload.succeed("checkin", "add", "P-0001", "--date", "2026-11-02", "--phq9", "2,2,2,2,2,1,1,1,0")
        let flagged = try caseload.succeed("checkin", "add", "P-0001", "--date", "2026-11-17", "--phq9", "1,1,1,1,1,0,0,0,1")
        let flag = try #require(flagged.split(separator: " ").first { $0.hasPrefix("C-2026") }.map(String.init))
        // Assessed on the Thursday of the same week.
        var thursday = caseload
        thursday.environment["CASELOAD_NOW"] = "2026-11-19T10:00:00-06:00"
        try thursday.succeed(
            "checkin", "acknowledge", "P-0001", flag, "--death", "yes", "--self-harm", "no", "--method", "no", "--intent", "no",
            "--plan", "no", "--behavior", "no", "--protective", "Daughter", "--risk", "low", "--action", "safety-plan",
            "--follow-up", "2026-11-20")
        try caseload.succeed(
            "session", "add", "--kind", "group", "--date", "2026-11-17", "--start", "09:00", "--minutes", "180",
            "--topic", "Coping skills", "--member", "P-0001")
        try caseload.succeed("plan", "add-problem", "P-0001", "Alcohol use")
        try caseload.succeed("plan", "add-goal", "P-0001", "P1", "Abstinence")
        try caseload.succeed("plan", "add-objective", "P-0001", "P1.G1", "=1+1 meetings a week", "--target", "2026-12-31")
        return caseload
    }

    @Test("progress as text, JSON and CSV")
    func progress() throws {
        let caseload = try Self.caseload()
        defer { caseload.remove() }
        let text = try caseload.succeed("report", "progress", "P-0001")
        #expect(text.hasPrefix("Progress report: José Núñez (P-0001), as of 2026-11-23\nOutpatient (OP), admitted 2026-11-02\n"))
        #expect(text.contains("2026-11-17  6 mild"))
        #expect(text.contains("PHQ-9 since the first score of the stay: 13 → 6 (-7)"))
        #expect(text.contains("2026-W47  2026-11-16  IOP→OP  3.0       0.0      4.2       no"), "\(text)")
        #expect(text.contains("2026-W48  2026-11-23  OP      0.0       0.0      1.0       not yet"))
        #expect(text.contains("P1.G1.O1  [Not started] =1+1 meetings a week (target 2026-12-31)"))
        #expect(text.contains("2026-11-17  C-20261117-"))
        #expect(text.contains("PHQ-9 item 9 answered 1  [closed]  low risk, assessed by mgarcia"))

        let json = try caseload.succeed("report", "progress", "P-0001", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["weeks"] as? [[String: Any]])?.count == 4)
        #expect((object["phq9Change"] as? [String: Any])?["change"] as? Int == -7)

        let csv = try caseload.succeed("report", "progress", "P-0001", "--format", "csv")
        #expect(csv.hasPrefix("section,date,item,value,detail\r\nscore,2026-11-02,PHQ-9,13,moderate\r\n"))
        #expect(csv.contains("plan,2026-12-31,P1.G1.O1,not-started,'=1+1 meetings a week\r\n"), "formula-safe")
        #expect(try caseload.run(["report", "progress", "P-0009"]).status == 1)
    }

    @Test("program week as text and CSV; an earlier week and a week with nothing")
    func program() throws {
        let caseload = try Self.caseload()
        defer { caseload.remove() }
        let text = try caseload.succeed("report", "program", "--week", "2026-11-19")
        #expect(text.contains("Riverside IOP: week 2026-W47 (2026-11-16 to 2026-11-22)"))
        #expect(text.contains("Census on 2026-11-22: 1 (PHP 0, IOP 0, OP 1, AFT 0)"))
        #expect(text.contains("Hours attended:       3.0 of 4.2 required (71%)"))
        #expect(text.contains("Safety flags:         1 opened, 1 closed"))
        #expect(text.contains("mgarcia    1       0   0    3.0/4.2  -7.0   —      1/1                  0"), "\(text)")

        let csv = try caseload.succeed("report", "program", "--week", "2026-11-16", "--format", "csv")
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[1] == "2026-W47,all,1,0,0,1,0,0,0,3.0,4.2,'-7.00,1,,0,1,1,0,1")
        #expect(lines[2].hasPrefix("2026-W47,mgarcia,"))

        let before = try caseload.succeed("report", "program", "--week", "2026-10-26")
        #expect(before.contains("Census on 2026-11-01: 0 (PHP 0, IOP 0, OP 0, AFT 0)"))
        #expect(before.contains("No caseload had anything this week."))
        let today = try caseload.succeed("report", "program")
        #expect(today.contains("week 2026-W48") && today.contains("Census on 2026-11-23: 1"))
    }
}
