import Foundation
import Testing

/// `caseload note search` through the built binary, as a clinician or a script would use it.
@Suite("caseload note search, end to end")
struct NoteSearchEndToEndTests {
    @Test("write and sign a note, then find it ignoring accents, as text and as JSON, filtered by participant")
    func findsASignedNote() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        let first = try caseload.succeed(
            "participant", "add", "--first", "José", "--last", "Núñez", "--dob", "1988-04-02", "--admitted", "2026-11-02",
            "--level", "php", "--track", "co-occurring"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        let second = try caseload.succeed(
            "participant", "add", "--first", "Ana", "--last", "Ruiz", "--dob", "1990-01-01", "--admitted", "2026-11-02",
            "--level", "iop", "--track", "mental-health"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        let session = try caseload.succeed(
            "session", "add", "--kind", "group", "--date", "2026-11-20", "--start", "09:00", "--minutes", "90",
            "--topic", "Coping skills", "--member", "\(first):present:90", "--member", "\(second):present:90"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        try caseload.succeed("note", "narrative", session, "--text", "Members mapped their high-risk places.")
        try caseload.succeed(
            "note", "write", session, first, "--section", "data=Named the café as a trigger.",
            "--section", "assessment=Insight improving.", "--section", "plan=Continue PHP")
        try caseload.succeed("note", "sign", session, first)
        try caseload.succeed("note", "addendum", session, first, "--text", "Cafe manager agreed to a schedule change.")

        let text = try caseload.succeed("note", "search", "CAFE")
        #expect(text.contains("2026-11-20  \(session)  \(first)"))
        #expect(text.contains("Data"))
        #expect(text.contains("Named the café as a trigger."))
        #expect(text.contains("Addendum"))

        let json = try caseload.succeed("note", "search", "cafe", "--json", "--from", "2026-11-01", "--to", "2026-11-30")
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(hits.map { $0["field"] as? String } == ["Data", "Addendum"])
        #expect(hits.allSatisfy { $0["session"] as? String == session && $0["participant"] as? String == first })

        #expect(try caseload.succeed("note", "search", "cafe", "--participant", second) == "No notes match \"cafe\".\n")
        #expect(try caseload.succeed("note", "search", "cafe", "--to", "2026-11-19") == "No notes match \"cafe\".\n")
        let check = try caseload.run(["check"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
