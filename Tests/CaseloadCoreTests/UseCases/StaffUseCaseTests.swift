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
