import Foundation
import Testing

/// Session and note rules through the built binary: refusals print the rule on stderr and exit 1.
@Suite("caseload session and note rules, end to end")
struct SessionRulesEndToEndTests {
    @Test("Refusals name the rule and exit 1; a pull-out goes through with --allow-overlap; show reads the program's clock")
    func refusalsAndShow() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        try caseload.succeed("staff", "add", "lchen", "--name", "Lin Chen", "--role", "supervisor", "--as", "admin")
        for first in ["José", "Ana"] {
            try caseload.succeed(
                "participant", "add", "--first", first, "--last", "Núñez", "--dob", "1990-01-01", "--admitted", "2026-11-02",
                "--level", "iop", "--track", "co-occurring")
        }
        let group = ["session", "add", "--kind", "group", "--date", "2026-11-20", "--start", "09:00", "--minutes", "90",
                     "--topic", "Coping skills"]

        let late = try caseload.run(group + ["--member", "P-0001:late"])
        #expect(late.status == 1)
        #expect(late.stderr.contains("P-0001 is marked late: give the minutes they attended, 1 to 90."), "\(late.stderr)")

        let session = try caseload.succeed(group + ["--member", "P-0001", "--member", "P-0002"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let individual = ["session", "add", "--kind", "individual", "--date", "2026-11-20", "--start", "10:00",
                          "--minutes", "50", "--member", "P-0001"]
        let overlap = try caseload.run(individual)
        #expect(overlap.status == 1)
        #expect(overlap.stderr.contains("P-0001 is already in session \(session) at an overlapping time"), "\(overlap.stderr)")
        let pullOut = try caseload.run(individual + ["--allow-overlap"])
        #expect(pullOut.status == 0, "\(pullOut.stderr)")
        #expect(pullOut.stderr.contains("Warning: mgarcia also facilitates session \(session) at an overlapping time"))

        let family = try caseload.run(["session", "add", "--kind", "family", "--date", "2026-11-20", "--start", "13:00",
                                       "--minutes", "60", "--member", "P-0001"])
        #expect(family.status == 1)
        #expect(family.stderr.contains("A family session needs at least one support member present."))

        try caseload.succeed("note", "write", session, "P-0001", "--section", "data=Named the café as a trigger.")
        let incomplete = try caseload.run(["note", "sign", session, "P-0001"])
        #expect(incomplete.status == 1)
        #expect(incomplete.stderr.contains(
            "A DAP note is signed only with every section written; Assessment and Plan are still empty."))
        #expect(!incomplete.stderr.contains("café"), "a refusal never repeats clinical text")

        let admin = try caseload.run(["note", "write", session, "P-0001", "--section", "plan=x", "--as", "admin"])
        #expect(admin.status == 1)
        #expect(admin.stderr.contains("Only a facilitator of this session can write its notes; admin is an administrator."))

        try caseload.succeed(
            "note", "write", session, "P-0001", "--section", "assessment=Insight improving.", "--section", "plan=Continue IOP.")
        let noNarrative = try caseload.run(["note", "sign", session, "P-0001"])
        #expect(noNarrative.status == 1)
        #expect(noNarrative.stderr.contains("Write the shared narrative of group session \(session) before signing its notes"))
        try caseload.succeed("note", "narrative", session, "--text", "Members mapped high-risk places.")
        try caseload.succeed("note", "sign", session, "P-0001")
        try caseload.succeed("note", "narrative", session, "--text", "Edited after the signature.")
        let selfCoSign = try caseload.run(["note", "cosign", session, "P-0001"])
        #expect(selfCoSign.status == 1)
        #expect(selfCoSign.stderr.contains(
            "Only a supervisor who neither wrote nor signed a note can co-sign it; mgarcia is a counselor."))
        try caseload.succeed("note", "cosign", session, "P-0001", "--as", "lchen")

        try caseload.succeed("note", "addendum", session, "P-0001", "--text", "Called to clarify.")
        // A later rename must not rewrite what was signed.
        try caseload.succeed("staff", "edit", "mgarcia", "--name", "María García-Ruiz", "--credentials", "LCSW-S", "--as", "admin")

        let show = try caseload.succeed("session", "show", session)
        #expect(show.contains(
            "DAP note, signed by María García, LCSW (mgarcia) 2026-11-23 14:00 CST, co-signed by Lin Chen (lchen)"), "\(show)")
        #expect(show.contains("Addendum 2026-11-23 14:00 CST by María García, LCSW (mgarcia): Called to clarify."), "\(show)")
        #expect(!show.contains("García-Ruiz"), "\(show)")
        let exported = caseload.data.deletingLastPathComponent().appendingPathComponent("export")
        try caseload.succeed("export", "--format", "csv", "--out", exported.path)
        let notes = try String(contentsOf: exported.appendingPathComponent("notes.csv"), encoding: .utf8)
        #expect(notes.hasPrefix(
            "session,participant,format,status,author,signed_by,signed_as,signed_at,cosigned_by,cosigned_as,"), "\(notes)")
        #expect(notes.contains(",mgarcia,\"María García, LCSW\",2026-11-23T14:00:00-06:00,lchen,Lin Chen,"), "\(notes)")
        #expect(show.contains("Shared narrative: Members mapped high-risk places."))
        #expect(show.components(separatedBy: "Edited after the signature.").count == 1, "only the narrative as signed shows")
    }

    @Test("Attendance with parts left over, help's support member ids, and an id that cannot be a session")
    func parsingAndLookup() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        try caseload.succeed(
            "participant", "add", "--first", "José", "--last", "Núñez", "--dob", "1990-01-01", "--admitted", "2026-11-02",
            "--level", "iop", "--track", "co-occurring")
        let extra = try caseload.run(["session", "add", "--kind", "individual", "--date", "2026-11-20", "--start", "09:00",
                                      "--minutes", "50", "--member", "P-0001:late:5:extra"])
        #expect(extra.status == 1)
        #expect(extra.stderr.contains(
            "Attendance for P-0001 has more parts than ID:ATTENDANCE:MINUTES; write it as, for example, P-0001:late:40."),
            "\(extra.stderr)")
        let help = try caseload.succeed("session", "add", "--help")
        #expect(help.contains("(S1)") && help.contains("P-0007/S1") && !help.contains("F1"), "\(help)")
        let missing = try caseload.run(["session", "show", "S-nope"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("There is no session S-nope in this caseload; `caseload session list` lists them."),
                "\(missing.stderr)")
    }

    @Test("A running session, a section given twice and a section starting with a combining mark")
    func unfinishedAndRepeated() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        try caseload.succeed(
            "participant", "add", "--first", "José", "--last", "Núñez", "--dob", "1990-01-01", "--admitted", "2026-11-02",
            "--level", "iop", "--track", "co-occurring")
        let individual = ["session", "add", "--kind", "individual", "--date", "2026-11-23", "--member", "P-0001"]
        let running = try caseload.run(individual + ["--start", "13:30", "--minutes", "600"])
        #expect(running.status == 1)
        #expect(running.stderr.contains(
            "The session starting 2026-11-23 at 13:30 has not ended yet (it ends 2026-11-23 23:30 CST)"), "\(running.stderr)")
        let session = try caseload.succeed(individual + ["--start", "12:00", "--minutes", "60"])
            .trimmingCharacters(in: .whitespacesAndNewlines)

        let twice = try caseload.run(["note", "write", session, "P-0001", "--section", "data=x", "--section", "data=y"])
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("A section is given twice; write each section once, in one --section."), "\(twice.stderr)")
        try caseload.succeed("note", "write", session, "P-0001", "--section", "plan=\u{34F}Continue IOP.")
        let show = try caseload.succeed("session", "show", session)
        #expect(show.contains("Plan: \u{34F}Continue IOP."), "\(show)")
    }
}
