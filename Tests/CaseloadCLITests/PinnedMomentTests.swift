import Foundation
import Testing

/// The everyday flows at the moments that break date code: a weekend, just after midnight on a
/// Monday, the last half hour of the year, New Year's Day and the days the clocks change. Each
/// run pins `CASELOAD_NOW`, so the demo, "today" and every rule agree on one moment.
@Suite("End to end at pinned moments", .serialized)
struct PinnedMomentTests {
    static let moments = [
        "2026-11-28T10:00:00-06:00",  // a Saturday
        "2026-11-30T00:30:00-06:00",  // a Monday, half an hour into the week
        "2026-12-31T23:30:00-06:00",  // New Year's Eve, late
        "2027-01-01T09:00:00-06:00",  // New Year's Day
        "2027-03-14T03:30:00-05:00",  // clocks spring forward in Chicago
        "2026-11-01T01:30:00-06:00",  // clocks fall back: the second 01:30
    ]

    @Test("Demo, check, every screen, a check-in and a signed note work", arguments: moments)
    func everydayFlows(at moment: String) throws {
        var runner = try BinaryRunner()
        defer { runner.remove() }
        runner.environment["CASELOAD_NOW"] = moment
        let demo = try runner.succeed("demo", "--data", runner.data.path, "--participants", "20", "--weeks", "3")
        let counselor = try #require(demo.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        runner.environment["USER"] = counselor

        let check = try runner.run(["check"])
        #expect(check.status == 0, "check at \(moment): \(check.stdout)\(check.stderr)")

        // Someone in care since before yesterday, so yesterday's session falls inside their stay.
        let today = String(moment.prefix(10))
        let inCare = try jsonArray(runner.succeed("participant", "list", "--json"))
        let participant = try #require(
            inCare.first { ($0["admissionDate"] as? String ?? today) < yesterday(of: today) }?["id"] as? String,
            "someone has been in care since before yesterday at \(moment)")
        for screen in ["today", "roster", "sessions", "dashboard", "help", "palette"] {
            let shown = try runner.run(["render", screen, "--size", "80x24"])
            #expect(shown.status == 0, "render \(screen) at \(moment): \(shown.stderr)")
        }
        for screen in ["participant", "notes", "progress", "plan", "family", "discharge"] {
            let shown = try runner.run(["render", screen, "--participant", participant, "--size", "120x40"])
            #expect(shown.status == 0, "render \(screen) at \(moment): \(shown.stderr)")
        }

        let checkIn = try runner.run(["checkin", "add", participant, "--phq9", "1,1,1,1,1,1,1,1,0", "--craving", "2"])
        #expect(checkIn.status == 0, "check-in today at \(moment): \(checkIn.stderr)")
        #expect(checkIn.stdout.contains("PHQ-9 8 (mild)"))
        #expect(checkIn.stderr.contains("the time CASELOAD_NOW sets, not the computer's clock"), "a pinned save says so")
        let list = try runner.succeed("checkin", "list", participant, "--json")
        #expect(try jsonArray(list).contains { $0["comment"] != nil && $0["recordedBy"] as? String == counselor })
        #expect(try runner.run(["session", "list"]).status == 0)

        // Last night's individual session, documented and signed this morning.
        let session = try runner.succeed(
            "session", "add", "--kind", "individual", "--date", "yesterday", "--start", "21:00", "--minutes", "45",
            "--member", participant
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        try runner.succeed(
            "note", "write", session, participant, "--section", "data=Reviewed the week.",
            "--section", "assessment=Engaged and hopeful.", "--section", "plan=Meet again next week.")
        let signed = try runner.run(["note", "sign", session, participant])
        #expect(signed.status == 0, "sign at \(moment): \(signed.stderr)")
        let shown = try jsonObject(runner.succeed("session", "show", session, "--json"))
        #expect(shown["date"] as? String == yesterday(of: today))
    }

    /// The calendar day before `day` ("2027-01-01" → "2026-12-31").
    private func yesterday(of day: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: calendar.date(byAdding: .day, value: -1, to: formatter.date(from: day)!)!)
    }
}
