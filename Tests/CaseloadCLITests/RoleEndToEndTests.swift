import Foundation
import Testing

/// An administrator, two counselors and a supervisor each try, through the built binary, what they
/// may and may not do: every refusal names the rule and the person, on stderr, with exit status 1.
@Suite("Roles, end to end")
struct RoleEndToEndTests {
    /// (who acts, the command, nil when it succeeds or the refusal it prints), in the order a
    /// program's week would bring them.
    static func steps(signed: String, draft: String) -> [(String, [String], String?)] {
        [
            ("admin", ["participant", "add", "--first", "Ana", "--last", "Ruiz", "--dob", "1990-01-01", "--level", "iop",
                       "--track", "mental-health"],
             "Only a counselor or supervisor can admit a participant; admin is an administrator."),
            ("admin", ["checkin", "add", "P-0001", "--craving", "2"],
             "Only a counselor or supervisor can record a check-in; admin is an administrator."),
            ("admin", ["note", "sign", draft, "P-0001"],
             "Only a facilitator of this session can sign its notes; admin is an administrator."),
            ("jlee", ["note", "sign", draft, "P-0001"],
             "Only a facilitator of this session can sign its notes; jlee is not one of its facilitators."),
            ("mgarcia", ["note", "cosign", signed, "P-0001"],
             "Only a supervisor who neither wrote nor signed a note can co-sign it; mgarcia is a counselor."),
            ("mgarcia", ["settings", "set", "--checkin-cadence", "10"],
             "Only an administrator can change the program's settings; mgarcia is a counselor."),
            ("mgarcia", ["staff", "add", "newhire", "--name", "New Hire"],
             "Only an administrator can add, change or deactivate staff; mgarcia is a counselor."),
            ("lchen", ["note", "cosign", signed, "P-0001"], nil),
            ("lchen", ["checkin", "add", "P-0001", "--craving", "2"], nil),
            ("admin", ["settings", "set", "--checkin-cadence", "10"], nil),
            ("admin", ["staff", "deactivate", "jlee"], nil),
            ("jlee", ["participant", "list"],
             "jlee is no longer an active staff member; act as someone else with --as, or ask an administrator to reactivate them."),
            ("ghost", ["participant", "show", "P-0001"],
             "ghost is not on this caseload's staff list; ask an administrator to add them (`caseload staff add ghost`), or act as someone else with --as."),
        ]
    }

    @Test("Each role does what it may, and is refused the rest by name")
    func rolesTryEverything() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        try caseload.succeed("staff", "add", "lchen", "--name", "Lin Chen", "--role", "supervisor", "--as", "admin")
        try caseload.succeed("staff", "add", "jlee", "--name", "Jae Lee", "--role", "counselor", "--as", "admin")
        try caseload.succeed(
            "participant", "add", "--first", "José", "--last", "Núñez", "--dob", "1988-04-02", "--admitted", "2026-11-02",
            "--level", "iop", "--track", "co-occurring")
        let signed = try session(caseload, at: "09:00")
        try caseload.succeed("note", "sign", signed, "P-0001")
        let draft = try session(caseload, at: "11:00")

        for (actor, arguments, refusal) in Self.steps(signed: signed, draft: draft) {
            let result = try caseload.run(arguments + ["--as", actor])
            let command = "\(actor): caseload \(arguments.joined(separator: " "))"
            if let refusal {
                #expect(result.status == 1, "\(command) was refused")
                #expect(result.stderr == "Error: \(refusal)\n", "\(command)")
                #expect(result.stdout.isEmpty, "\(command) printed nothing")
            } else {
                #expect(result.status == 0, "\(command): \(result.stderr)")
            }
        }
    }

    @Test("With no login named, the first administrator still sets up, and every later command asks who is acting")
    func nobodyNamed() throws {
        var caseload = try BinaryRunner()
        defer { caseload.remove() }
        caseload.environment["USER"] = nil
        try caseload.succeed("init", "--program", "Riverside IOP", "--time-zone", "America/Chicago")
        try caseload.succeed("staff", "add", "kbrown", "--name", "Keisha Brown", "--role", "admin")
        for arguments in [["staff", "add", "mgarcia", "--name", "María García"], ["participant", "list"]] {
            let result = try caseload.run(arguments)
            #expect(result.status == 1)
            #expect(result.stderr == "Error: Say who is acting: give --as with your staff id, or set $CASELOAD_USER.\n")
        }
        try caseload.succeed("staff", "add", "mgarcia", "--name", "María García", "--as", "kbrown")
    }

    /// An individual session on Friday 2026-11-20 facilitated by mgarcia, with a complete draft note.
    private func session(_ caseload: BinaryRunner, at start: String) throws -> String {
        let id = try caseload.succeed(
            "session", "add", "--kind", "individual", "--date", "2026-11-20", "--start", start, "--minutes", "50",
            "--member", "P-0001"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        try caseload.succeed(
            "note", "write", id, "P-0001", "--section", "data=Discussed the week.", "--section", "assessment=Engaged.",
            "--section", "plan=Continue IOP.")
        return id
    }
}
