import Foundation
import Testing

/// Documenting a group and correcting it after signing, through the built binary.
@Suite("caseload session attendance, add-member and note sign-ready, end to end")
struct GroupCorrectionsEndToEndTests {
    @Test("A group's notes signed together; a late arrival added and signed after; nobody else's note or signature changes")
    func correctionsAfterSigning() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        try caseload.succeed("staff", "add", "lchen", "--name", "Lin Chen", "--credentials", "LCSW", "--role", "supervisor", "--as", "admin")
        for (first, last) in [("José", "Núñez"), ("Ana", "Ruiz"), ("Kai", "Chen")] {
            try caseload.succeed(
                "participant", "add", "--first", first, "--last", last, "--dob", "1990-01-01", "--admitted", "2026-11-02",
                "--level", "iop", "--track", "co-occurring")
        }
        let session = try caseload.succeed(
            "session", "add", "--kind", "group", "--date", "2026-11-20", "--start", "09:00", "--minutes", "90",
            "--topic", "Coping skills", "--member", "P-0001", "--member", "P-0002"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        try caseload.succeed("note", "narrative", session, "--text", "Members mapped high-risk places.")
        try caseload.succeed(
            "note", "write", session, "P-0001", "--section", "data=Named the café as a trigger.",
            "--section", "assessment=Insight improving.", "--section", "plan=Continue IOP.")
        try caseload.succeed("note", "write", session, "P-0002", "--section", "data=Quiet today.")

        let signed = try caseload.succeed("note", "sign-ready", session)
        #expect(signed.contains("Signed the notes for P-0001 as María García, LCSW."), "\(signed)")
        #expect(signed.contains(
            "Not signed, P-0002: A DAP note is signed only with every section written; Assessment and Plan are still empty."),
            "\(signed)")
        let noneReady = try caseload.run(["note", "sign-ready", session])
        #expect(noneReady.status == 1)
        #expect(noneReady.stderr.contains("No note of session \(session) is ready to sign"), "\(noneReady.stderr)")

        let signedAttendance = try caseload.run(["session", "attendance", session, "P-0001", "--status", "late", "--minutes", "50"])
        #expect(signedAttendance.status == 1)
        #expect(signedAttendance.stderr.contains(
            "P-0001's note is signed, and the attendance it records is part of what was signed; add a dated addendum to the note instead."),
            "\(signedAttendance.stderr)")
        let changed = try caseload.succeed("session", "attendance", session, "P-0002", "--status", "late", "--minutes", "50")
        #expect(changed.contains("Saved P-0002's attendance: Late, 50 minutes."), "\(changed)")
        let noMinutes = try caseload.run(["session", "attendance", session, "P-0002", "--status", "left-early"])
        #expect(noMinutes.status == 1)
        #expect(noMinutes.stderr.contains("P-0002 is marked left early: give the minutes they attended, 1 to 90."), "\(noMinutes.stderr)")

        let before = try caseload.succeed("session", "show", session)
        let added = try caseload.succeed("session", "add-member", session, "P-0003", "--status", "late", "--minutes", "40")
        #expect(added.contains("Added P-0003 to session \(session): Late, 40 minutes."), "\(added)")
        let again = try caseload.run(["session", "add-member", session, "P-0003"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("P-0003 is already on the attendance list of session \(session)"), "\(again.stderr)")
        let notFacilitator = try caseload.run(["session", "add-member", session, "P-0003", "--as", "lchen"])
        #expect(notFacilitator.status == 1)
        #expect(notFacilitator.stderr.contains(
            "Only a facilitator of this session can add a member to it; lchen is not one of its facilitators."), "\(notFacilitator.stderr)")

        try caseload.succeed(
            "note", "write", session, "P-0003", "--section", "data=Arrived late; sat beside Ana and shared a trigger.",
            "--section", "assessment=Engaged once settled.", "--section", "plan=Continue IOP.")
        let named = try caseload.run(["note", "sign", session, "P-0003"])
        #expect(named.status == 1)
        #expect(named.stderr.contains(
            "P-0003's own entry names another member of this session (P-0002), and a participant may read their own note; "
                + "take the name out, or confirm that it belongs there to sign (`caseload note sign --acknowledge-names`)."),
            "\(named.stderr)")
        #expect(!named.stderr.contains("Ana"), "a refusal never repeats the text or the name")
        try caseload.succeed("note", "sign", session, "P-0003", "--acknowledge-names")

        let after = try caseload.succeed("session", "show", session)
        let firstNote = { (show: String) in show.components(separatedBy: "\nP-0002")[0].components(separatedBy: "\nP-0001")[1] }
        #expect(firstNote(after) == firstNote(before), "P-0001's signed note is untouched:\n\(after)")
        #expect(after.contains("P-0003  Late, 40 min"), "\(after)")

        let queue = try caseload.succeed("note", "cosign-queue", "--as", "lchen", "--json")
        #expect(queue.contains("\"participant\" : \"P-0001\""), "\(queue)")
        #expect(queue.contains("\"participant\" : \"P-0003\""), "\(queue)")
        let counselorQueue = try caseload.run(["note", "cosign-queue"])
        #expect(counselorQueue.status == 1)
        #expect(counselorQueue.stderr.contains("mgarcia is a counselor"), "\(counselorQueue.stderr)")

        let check = try caseload.run(["check", "--as", "admin"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let week = caseload.data.appendingPathComponent("sessions/2026-W47/\(session)")
        let parts = try FileManager.default.contentsOfDirectory(atPath: week.path).sorted()
        #expect(parts == ["P-0001.json", "P-0002.json", "P-0003.json", "narrative.json"])
    }
}
