@testable import CaseloadCore
import Foundation
import Testing

@Suite("Adding, changing and deactivating staff")
struct StaffUseCaseTests {
    @Test("The first staff member of an empty caseload must be an administrator", arguments: StaffRole.allCases)
    func bootstrap(role: StaffRole) throws {
        let scratch = try ScratchFolder()
        let url = URL(fileURLWithPath: scratch.path)
        try CaseloadStore.create(at: url, programName: "New IOP", timeZone: "UTC", by: "ada")
        let caseload = Caseload(store: try CaseloadStore.open(at: url, clock: .fixed(UseCaseCaseload.now)))
        do throws(CaseloadError) {
            let added = try caseload.addStaff("ada", displayName: "Ada Okafor", credentials: "", role: role, by: "whoever")
            #expect(role == .admin)
            #expect(added.record.revision.createdBy == "ada")
        } catch {
            #expect(role != .admin)
            #expect(error.description == "The first staff member of a caseload must be an administrator, who then adds "
                + "everyone else; add ada with --role admin.")
        }
    }

    @Test("Only an administrator adds staff once the caseload has some", arguments: ["admin", "mgarcia", "jlee", "lchen", "kold"] as [StaffID])
    func onlyAdminsAdd(actor: StaffID) throws {
        let fixture = try UseCaseCaseload()
        let result = Result { () throws(CaseloadError) in
            try fixture.caseload.addStaff("newhire", displayName: "New Hire", credentials: "CADC", role: .counselor, by: actor)
        }
        switch (actor, result) {
        case ("admin", .success(let outcome)):
            #expect(try fixture.store.staffMember("newhire") == outcome.record)
        case ("admin", .failure(let error)):
            Issue.record("the administrator was refused: \(error)")
        case (_, .success):
            Issue.record("\(actor) added staff")
        case (_, .failure(let error)):
            #expect(error.description.hasPrefix(
                actor == "kold" ? "kold is no longer an active staff member"
                    : "Only an administrator can add, change or deactivate staff; \(actor) is a"))
        }
    }

    @Test("A deactivated member can no longer act, and the last administrator stays")
    func deactivate() throws {
        let fixture = try UseCaseCaseload()
        let outcome = try fixture.caseload.changeStaff("jlee", StaffChange(isActive: false), by: "admin")
        #expect(!outcome.record.isActive)
        #expect(throws: CaseloadError.refused(.inactiveStaff("jlee"))) { try fixture.caseload.actingStaff("jlee") }

        #expect(throws: CaseloadError.refused(.lastAdministrator("admin"))) {
            try fixture.caseload.changeStaff("admin", StaffChange(isActive: false), by: "admin")
        }
        #expect(throws: CaseloadError.refused(.lastAdministrator("admin"))) {
            try fixture.caseload.changeStaff("admin", StaffChange(role: .supervisor), by: "admin")
        }
        _ = try fixture.caseload.changeStaff("lchen", StaffChange(role: .admin), by: "admin")
        #expect(try fixture.caseload.changeStaff("admin", StaffChange(isActive: false), by: "admin").record.isActive == false)
    }
}

@Suite("Staff changes that make no sense are refused by name")
struct StaffRefusalTests {
    static let cases: [(String, @Sendable (Caseload) throws(CaseloadError) -> Void, String)] = [
        ("an id already taken", { c throws(CaseloadError) in
            _ = try c.addStaff("jlee", displayName: "Jae Lee", credentials: "", role: .counselor, by: "admin") },
         "jlee is already on the staff list; change their record with `caseload staff edit jlee`."),
        ("an id differing only in capitals", { c throws(CaseloadError) in
            _ = try c.addStaff("JLee", displayName: "Jae Lee", credentials: "", role: .counselor, by: "admin") },
         "JLee is too like jlee, already on the staff list (ids differing only in capitals are not allowed); choose another id."),
        ("deactivating twice", { c throws(CaseloadError) in
            _ = try c.changeStaff("kold", StaffChange(isActive: false), by: "admin") },
         "kold is already deactivated; `caseload staff edit kold --reactivate` makes them active again."),
        ("a change that changes nothing", { c throws(CaseloadError) in
            _ = try c.changeStaff("jlee", StaffChange(role: .counselor), by: "admin") },
         "Nothing to change: no option was given, or the record already says that."),
        ("a name of spaces", { c throws(CaseloadError) in
            _ = try c.changeStaff("jlee", StaffChange(displayName: "   "), by: "admin") },
         "The staff member's name cannot be empty."),
    ]

    @Test("Each is refused with its message", arguments: cases)
    func refused(_ label: String, operation: @Sendable (Caseload) throws(CaseloadError) -> Void, message: String) throws {
        let fixture = try UseCaseCaseload()
        #expect(refusalMessage { () throws(CaseloadError) in try operation(fixture.caseload) } == message, "\(label)")
    }

    @Test("Deactivating a primary counselor is saved with a reminder to reassign their caseload")
    func reassignReminder() throws {
        let fixture = try UseCaseCaseload()
        _ = try fixture.store.roster()  // the index the reminder counts from
        let outcome = try fixture.caseload.changeStaff("mgarcia", StaffChange(isActive: false), by: "admin")
        #expect(outcome.warnings == [.caseloadNeedsReassigning("mgarcia", participants: 3)])
        #expect(outcome.warnings.first?.description
            == "mgarcia is still the primary counselor of 3 participants in care; reassign them with "
            + "`caseload participant edit ID --counselor`.")
    }
}

@Suite("Rules that span records hold when two writers race")
struct RacingWriterTests {
    @Test("Two administrators deactivating each other at once always leave one active")
    func lastAdministratorUnderRace() throws {
        for _ in 1...20 {
            let fixture = try UseCaseCaseload()
            _ = try fixture.caseload.addStaff("admin2", displayName: "Second Admin", credentials: "", role: .admin, by: "admin")
            let caseload = fixture.caseload
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let (actor, target): (StaffID, StaffID) = index == 0 ? ("admin", "admin2") : ("admin2", "admin")
                _ = try? caseload.changeStaff(target, StaffChange(isActive: false), by: actor)
            }
            let active = fixture.store.staff().records.filter { $0.role == .admin && $0.isActive }
            #expect(active.count == 1)
        }
    }
}
