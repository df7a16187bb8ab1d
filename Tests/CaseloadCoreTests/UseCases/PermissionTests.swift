@testable import CaseloadCore
import Testing

@Suite("Who may do what")
struct PermissionTests {
    /// The table from the rules issue, written out so a change to `StaffAction.roles` has to be
    /// made here too.
    static let expected: [(StaffAction, Set<StaffRole>)] = [
        (.manageStaff, [.admin]),
        (.changeSettings, [.admin]),
        (.admit, [.counselor, .supervisor]),
        (.editParticipant, [.counselor, .supervisor]),
        (.transition, [.counselor, .supervisor]),
        (.discharge, [.counselor, .supervisor]),
        (.dischargeWithOpenFlag, [.supervisor]),
        (.readmit, [.counselor, .supervisor]),
        (.manageConsents, [.counselor, .supervisor]),
        (.editPlan, [.counselor, .supervisor]),
        (.recordSession, [.counselor, .supervisor]),
        (.changeAttendance, [.counselor, .supervisor]),
        (.addMember, [.counselor, .supervisor]),
        (.writeNote, [.counselor, .supervisor]),
        (.signNote, [.counselor, .supervisor]),
        (.coSignNote, [.supervisor]),
        (.addAddendum, [.counselor, .supervisor]),
        (.recordCheckIn, [.counselor, .supervisor]),
        (.acknowledgeFlag, [.counselor, .supervisor]),
        (.reviewAuditLog, [.admin, .supervisor]),
    ]

    @Test("The table covers every action once")
    func everyActionListed() {
        #expect(Set(Self.expected.map(\.0)) == Set(StaffAction.allCases))
        #expect(Self.expected.count == StaffAction.allCases.count)
    }

    @Test("Each role may take exactly the actions the table gives it", arguments: Self.expected)
    func roleTable(action: StaffAction, allowed: Set<StaffRole>) {
        for role in StaffRole.allCases {
            let staff = Staff(id: "someone", displayName: "Someone", credentials: "", role: role, revision: Fixture.revision)
            let session = Self.session(facilitatedBy: "someone")
            #expect(Permissions.allows(action, by: staff, in: session) == allowed.contains(role), "\(role) \(action)")
        }
    }

    @Test("A refusal names the rule and why this person is outside it")
    func refusalWording() {
        let admin = Staff(id: "kbrown", displayName: "K Brown", credentials: "", role: .admin, revision: Fixture.revision)
        #expect(throws: DomainError.self) { try Permissions.check(.signNote, by: admin, in: Self.session(facilitatedBy: "kbrown")) }
        let refusal = DomainError.notPermitted(.signNote, staff: "kbrown", because: .role(.admin))
        #expect(refusal.description == "Only a facilitator of this session can sign its notes; kbrown is an administrator.")
    }

    @Test(
        "Attendance, members, writing and signing notes are for the session's facilitators only",
        arguments: [StaffAction.changeAttendance, .addMember, .writeNote, .signNote])
    func facilitatorsOnly(action: StaffAction) {
        let counselor = Staff(id: "jlee", displayName: "J Lee", credentials: "", role: .counselor, revision: Fixture.revision)
        #expect(throws: DomainError.notPermitted(action, staff: "jlee", because: .notAFacilitator)) {
            try Permissions.check(action, by: counselor, in: Self.session(facilitatedBy: "mgarcia"))
        }
        #expect(Permissions.allows(action, by: counselor, in: Self.session(facilitatedBy: "jlee")))
    }

    @Test("An addendum is added by a facilitator of the session or by a supervisor who did not lead it")
    func addendumByFacilitatorOrSupervisor() {
        let session = Self.session(facilitatedBy: "mgarcia")
        let counselor = Staff(id: "jlee", displayName: "J Lee", credentials: "", role: .counselor, revision: Fixture.revision)
        let supervisor = Staff(id: "lchen", displayName: "L Chen", credentials: "", role: .supervisor, revision: Fixture.revision)
        #expect(throws: DomainError.notPermitted(.addAddendum, staff: "jlee", because: .notAFacilitator)) {
            try Permissions.check(.addAddendum, by: counselor, in: session)
        }
        #expect(Permissions.allows(.addAddendum, by: counselor, in: Self.session(facilitatedBy: "jlee")))
        #expect(Permissions.allows(.addAddendum, by: supervisor, in: session))
    }

    @Test("A supervisor cannot co-sign a note they wrote or signed")
    func coSignerIsSomeoneElse() throws {
        let supervisor = Staff(id: "lchen", displayName: "L Chen", credentials: "", role: .supervisor, revision: Fixture.revision)
        var written = Note(format: .dap, author: "lchen", at: Fixture.time)
        #expect(throws: DomainError.notPermitted(.coSignNote, staff: "lchen", because: .wroteTheNote)) {
            try Permissions.checkCoSignature(of: written, by: supervisor)
        }
        written.author = "mgarcia"
        written.contributors = ["mgarcia"]
        written.signature = Signature(by: "lchen", signedAs: "L Chen", at: Fixture.time)
        #expect(throws: DomainError.notPermitted(.coSignNote, staff: "lchen", because: .signedTheNote)) {
            try Permissions.checkCoSignature(of: written, by: supervisor)
        }
        written.signature = Signature(by: "mgarcia", signedAs: "M Garcia", at: Fixture.time)
        try Permissions.checkCoSignature(of: written, by: supervisor)
        written.contributors = ["mgarcia", "lchen"]
        #expect(throws: DomainError.notPermitted(.coSignNote, staff: "lchen", because: .wroteTheNote)) {
            try Permissions.checkCoSignature(of: written, by: supervisor)
        }
        #expect(
            DomainError.notPermitted(.coSignNote, staff: "lchen", because: .wroteTheNote).description
                == "Only a supervisor who neither wrote nor signed a note can co-sign it; lchen wrote it.")
    }

    private static func session(facilitatedBy staff: StaffID) -> Session {
        try! Session(
            id: "S-20261120-0900-aaaaaa", kind: .group, date: LocalDate("2026-11-20"), startTime: LocalTime("09:00"),
            durationMinutes: 90, facilitators: [staff], topic: "Coping skills",
            members: [SessionMember(participant: "P-0001", attendance: Attendance(status: .present, minutesAttended: 90))],
            revision: Fixture.revision)
    }
}
