import Foundation
import Testing

/// Consents, discharge refusals, readmission and settings through the built binary.
@Suite("caseload participant consent, discharge, readmit and settings, end to end")
struct ParticipantLifecycleTests {
    /// A caseload with P-0001 admitted 2026-11-02 to IOP and support member S1.
    func caseloadWithParticipant() throws -> BinaryRunner {
        let caseload = try BinaryRunner()
        try caseload.makeCaseload()
        try caseload.succeed(
            "participant", "add", "--first", "José", "--last", "Núñez", "--dob", "1988-04-02",
            "--admitted", "2026-11-02", "--level", "iop", "--track", "co-occurring")
        let edit = try caseload.succeed("participant", "edit", "P-0001", "--add-support", "Ana Núñez|sister|555-0101")
        #expect(edit.contains("Support member S1: Ana Núñez (sister)."))
        return caseload
    }

    @Test("consent add, list, show, renew and revoke; a revoked consent is renewed only by a new one")
    func consents() throws {
        let caseload = try caseloadWithParticipant()
        defer { caseload.remove() }
        try caseload.succeed(
            "participant", "consent", "add", "P-0001", "S1", "--recipient", "Ana Núñez", "--purpose", "Family involvement",
            "--category", "attendance", "--category", "session-participation", "--signed", "2026-11-20", "--expires", "2027-05-20")
        let list = try caseload.succeed("participant", "consent", "list", "P-0001")
        #expect(list.contains("S1      Ana Núñez  Ana Núñez  attendance,session-participation  2026-11-20  2027-05-20  current"))
        let show = try caseload.succeed("participant", "show", "P-0001")
        #expect(show.contains("S1  Ana Núñez (sister), 555-0101"))
        #expect(show.contains("Consent (current): to Ana Núñez, for Family involvement"))
        #expect(show.contains("Covers: Attendance, Family sessions"))
        #expect(show.contains("Period: signed 2026-11-20, expires 2027-05-20"))

        try caseload.succeed("participant", "consent", "renew", "P-0001", "S1", "--expires", "2027-11-20")
        try caseload.succeed("participant", "consent", "revoke", "P-0001", "S1", "--date", "2026-11-22")
        #expect(try caseload.succeed("participant", "show", "P-0001").contains("; revoked 2026-11-22"))
        let renew = try caseload.run(["participant", "consent", "renew", "P-0001", "S1", "--expires", "2028-01-01"])
        #expect(renew.status == 1)
        #expect(renew.stderr.contains(
            "was revoked on 2026-11-22 and cannot be renewed; the participant must sign a new consent, recorded with `caseload participant consent add`."))

        let json = try caseload.succeed("participant", "consent", "list", "P-0001", "--json")
        let members = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let consent = try #require(members.first?["consent"] as? [String: Any])
        #expect(consent["revokedOn"] as? String == "2026-11-22")
        #expect(consent["categories"] as? [String] == ["attendance", "session-participation"])

        let future = try caseload.run([
            "participant", "consent", "add", "P-0001", "S1", "--recipient", "Ana", "--purpose", "Family",
            "--category", "progress", "--signed", "2026-11-24", "--expires", "2027-05-24",
        ])
        #expect(future.status == 1)
        #expect(future.stderr.contains("A consent cannot be dated in the future (2026-11-24; today is 2026-11-23)."))
    }

    @Test("participant add under CASELOAD_NOW warns that the save carries the pinned time")
    func admissionUnderPinnedClock() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        let added = try caseload.run([
            "participant", "add", "--first", "José", "--last", "Núñez", "--dob", "1988-04-02", "--level", "iop",
            "--track", "co-occurring",
        ])
        #expect(added.status == 0)
        #expect(added.stdout == "P-0001\n")
        #expect(added.stderr.contains("Warning: Saved as of 2026-11-23T20:00:00Z, the time CASELOAD_NOW sets"), "\(added.stderr)")
    }

    @Test("a participant may be 120 at admission, not 121", arguments: [("1905-11-24", true), ("1905-11-23", false)])
    func oldestAdmission(born: String, accepted: Bool) throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        let added = try caseload.run([
            "participant", "add", "--first", "Ana", "--last", "Ruiz", "--dob", born, "--admitted", "2026-11-23",
            "--level", "iop", "--track", "mental-health",
        ])
        #expect((added.status == 0) == accepted, "\(added.stderr)")
        #expect(added.stderr.contains("would make the participant over 120 at admission") == !accepted)
    }

    @Test("participant edit with nothing to change is refused, not reported as saved")
    func editNothing() throws {
        let caseload = try caseloadWithParticipant()
        defer { caseload.remove() }
        let result = try caseload.run(["participant", "edit", "P-0001"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Nothing to change: no option was given, or the record already says that."))
        #expect(!result.stdout.contains("Saved"))
    }

    @Test("a same-day step back names the level it moved from; blank aftercare does not count")
    func sameDayStepAndBlankAftercare() throws {
        let caseload = try caseloadWithParticipant()
        defer { caseload.remove() }
        try caseload.succeed("participant", "transition", "P-0001", "--to", "op", "--reason", "Met IOP goals")
        let back = try caseload.succeed("participant", "transition", "P-0001", "--to", "iop", "--reason", "Relapse")
        #expect(back == "P-0001: OP → IOP from 2026-11-23.\n")
        for aftercare in [["--support-group", "  "], ["--support-group", "\u{200B}"], ["--follow-up", "2026-12-01| | "]] {
            let result = try caseload.run(
                ["participant", "discharge", "P-0001", "--type", "completed", "--summary", "Done"] + aftercare)
            #expect(result.status == 1, "\(aftercare)")
        }
        let past = try caseload.run([
            "participant", "discharge", "P-0001", "--type", "completed", "--summary", "Done",
            "--follow-up", "2026-11-01|Dr. Patel|Medication",
        ])
        #expect(past.stderr.contains("A follow-up appointment on 2026-11-01 would come before the discharge (2026-11-23)"))
    }

    @Test("list --all shows discharged participants' last check-in")
    func listAllCheckIns() throws {
        let caseload = try caseloadWithParticipant()
        defer { caseload.remove() }
        try caseload.succeed("checkin", "add", "P-0001", "--date", "2026-11-20", "--craving", "3")
        try caseload.succeed(
            "participant", "discharge", "P-0001", "--type", "completed", "--summary", "Done", "--support-group", "SMART Recovery")
        let list = try caseload.succeed("participant", "list", "--all")
        #expect(list.contains("2026-11-20"), "\(list)")
    }

    @Test("participant edit no longer takes a consent")
    func editHasNoConsentFlags() throws {
        let caseload = try caseloadWithParticipant()
        defer { caseload.remove() }
        let result = try caseload.run(["participant", "edit", "P-0001", "--consent-scope", "attendance"])
        #expect(result.status != 0)
    }

    @Test("discharge refusals say why and exit 1; readmission keeps the earlier stay")
    func dischargeAndReadmit() throws {
        let caseload = try caseloadWithParticipant()
        defer { caseload.remove() }
        try caseload.succeed(
            "session", "add", "--kind", "group", "--date", "2026-11-20", "--start", "09:00",
            "--minutes", "90", "--topic", "Coping skills", "--member", "P-0001")
        let early = try caseload.run([
            "participant", "discharge", "P-0001", "--type", "completed", "--date", "2026-11-19", "--summary", "Done",
            "--support-group", "SMART Recovery",
        ])
        #expect(early.status == 1)
        #expect(early.stderr.contains("P-0001 is on sessions dated after 2026-11-19 (S-20261120-0900-"))
        #expect(early.stdout.isEmpty)

        let noAftercare = try caseload.run([
            "participant", "discharge", "P-0001", "--type", "completed", "--date", "2026-11-20", "--summary", "Done",
        ])
        #expect(noAftercare.status == 1)
        #expect(noAftercare.stderr.contains(
            "A discharge as completed needs an aftercare plan: give at least one support group, follow-up appointment or sober-living arrangement."))

        try caseload.succeed(
            "checkin", "add", "P-0001", "--date", "2026-11-21", "--phq9", "1,1,1,1,1,1,1,1,2")
        let flagged = try caseload.run([
            "participant", "discharge", "P-0001", "--type", "completed", "--date", "2026-11-21", "--summary", "Done",
            "--support-group", "SMART Recovery", "--override-open-flag", "Admitted inpatient",
        ])
        #expect(flagged.status == 1)
        #expect(flagged.stderr.contains(
            "Only a supervisor can discharge a participant whose safety flag is still open; mgarcia is a counselor."))
        #expect(!flagged.stderr.contains("Admitted inpatient"))

        try caseload.succeed("staff", "add", "lchen", "--name", "Lin Chen", "--role", "supervisor", "--as", "admin")
        try caseload.succeed(
            "participant", "discharge", "P-0001", "--type", "completed", "--date", "2026-11-21", "--summary", "Done",
            "--support-group", "SMART Recovery", "--override-open-flag", "Admitted inpatient", "--as", "lchen")

        let tooSoon = try caseload.run([
            "participant", "readmit", "P-0001", "--date", "2026-11-21", "--level", "php", "--reason", "Relapse",
        ])
        #expect(tooSoon.status == 1)
        #expect(tooSoon.stderr.contains(
            "A readmission cannot fall on the discharge day (2026-11-21): a return the same day is a level-of-care change "
            + "made before discharging. If they came back after leaving, readmit them from 2026-11-22 on."))
        let readmitted = try caseload.succeed(
            "participant", "readmit", "P-0001", "--date", "2026-11-23", "--level", "php", "--reason", "Relapse")
        #expect(readmitted == "Readmitted P-0001 to PHP on 2026-11-23; 1 earlier stay kept.\n")
        let show = try caseload.succeed("participant", "show", "P-0001")
        #expect(show.contains("Previous stays\n  2026-11-02 to 2026-11-21  IOP  Completed program"))
        #expect(show.contains("Level of care:     Partial Hospitalization (PHP)"))
    }

    @Test("settings show for anyone, settings set for administrators only")
    func settings() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        let refused = try caseload.run(["settings", "set", "--checkin-cadence", "14"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Only an administrator can change the program's settings; mgarcia is a counselor."))

        try caseload.succeed(
            "settings", "set", "--checkin-cadence", "14", "--hours", "iop=12", "--add-topic", "Sleep hygiene",
            "--remove-topic", "Grief and loss", "--plan-review-days", "21", "--as", "admin")
        let shown = try caseload.succeed("settings", "show")
        #expect(shown.contains("Check-ins due every: 14 days"))
        #expect(shown.contains("Plan reviews every:  21 days"))
        #expect(shown.contains("IOP 12"))
        #expect(shown.contains("  Sleep hygiene"))
        #expect(!shown.contains("Grief and loss"))
        let json = try caseload.succeed("settings", "show", "--json")
        let settings = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(settings["checkInCadenceDays"] as? Int == 14)

        let badZone = try caseload.run(["settings", "set", "--time-zone", "Mars/Olympus", "--as", "admin"])
        #expect(badZone.status == 1)
        #expect(badZone.stderr.contains("\"Mars/Olympus\" is not a time zone; use an IANA name such as America/Chicago."))
        // The refused zone was never saved, so check finds nothing wrong with the settings.
        #expect(!(try caseload.run(["check"]).stdout.contains("caseload.json")))
    }
}
