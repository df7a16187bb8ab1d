import Testing

@testable import CaseloadCore

/// Every write of this branch, and the audit review, as the permission table sees it.
enum ParticipantWrite: String, CaseIterable, Sendable {
    case admit, editParticipant, transition, discharge, dischargeWithOpenFlag, readmit
    case addConsent, revokeConsent, renewConsent, editPlan, changeSettings, reviewAuditLog

    /// Sets the caseload up for the write, then takes it as `actor`.
    func perform(on world: LifecycleCaseload, by actor: StaffID) throws {
        let caseload = world.caseload
        let id = world.participant
        switch self {
        case .admit:
            _ = try caseload.admit(LifecycleCaseload.admission(counselor: LifecycleCaseload.counselor), by: actor)
        case .editParticipant:
            _ = try caseload.editParticipant(id, ParticipantChange(status: .onHold), by: actor)
        case .transition:
            _ = try caseload.transition(id, to: .op, on: LifecycleCaseload.today, reason: "Met IOP goals", by: actor)
        case .discharge:
            _ = try caseload.discharge(id, LifecycleCaseload.discharge(), by: actor)
        case .dischargeWithOpenFlag:
            _ = try world.raiseSafetyFlag()
            _ = try caseload.discharge(id, LifecycleCaseload.discharge(override: "Transferred to inpatient care"), by: actor)
        case .readmit:
            _ = try world.discharged()
            _ = try caseload.readmit(id, on: LifecycleCaseload.today, to: .iop, reason: "Returned to use", by: actor)
        case .addConsent:
            _ = try caseload.addConsent(id, member: "S1", LifecycleCaseload.consent(signed: "2026-11-20"), by: actor)
        case .revokeConsent:
            _ = try caseload.revokeConsent(id, member: "S1", on: LifecycleCaseload.today, by: actor)
        case .renewConsent:
            _ = try caseload.renewConsent(id, member: "S1", expiresOn: LifecycleCaseload.date("2027-11-02"), by: actor)
        case .editPlan:
            _ = try caseload.editPlan(id, .addProblem("Alcohol use with loss of control"), by: actor)
        case .changeSettings:
            _ = try caseload.changeSettings(SettingsChange(checkInCadenceDays: 14), by: actor)
        case .reviewAuditLog:
            _ = try caseload.reviewAuditLog(AuditQuery(), by: actor)
        }
    }
}

@Suite("Who may take each participant, consent, plan and settings write")
struct PermissionTableTests {
    static let inactive =
        "jlee is no longer an active staff member; act as someone else with --as, or ask an administrator to reactivate them."

    /// (write, acting staff member, the exact refusal or nil when allowed)
    static let table: [(ParticipantWrite, StaffID, String?)] = [
        (.admit, "mgarcia", nil),
        (.admit, "lchen", nil),
        (.admit, "admin", "Only a counselor or supervisor can admit a participant; admin is an administrator."),
        (.admit, "jlee", inactive),
        (.editParticipant, "mgarcia", nil),
        (.editParticipant, "lchen", nil),
        (.editParticipant, "admin", "Only a counselor or supervisor can change a participant's record; admin is an administrator."),
        (.editParticipant, "jlee", inactive),
        (.transition, "mgarcia", nil),
        (.transition, "lchen", nil),
        (.transition, "admin", "Only a counselor or supervisor can change a participant's level of care; admin is an administrator."),
        (.transition, "jlee", inactive),
        (.discharge, "mgarcia", nil),
        (.discharge, "lchen", nil),
        (.discharge, "admin", "Only a counselor or supervisor can discharge a participant; admin is an administrator."),
        (.discharge, "jlee", inactive),
        (.dischargeWithOpenFlag, "mgarcia",
         "Only a supervisor can discharge a participant whose safety flag is still open; mgarcia is a counselor."),
        (.dischargeWithOpenFlag, "lchen", nil),
        (.dischargeWithOpenFlag, "admin", "Only a counselor or supervisor can discharge a participant; admin is an administrator."),
        (.dischargeWithOpenFlag, "jlee", inactive),
        (.readmit, "mgarcia", nil),
        (.readmit, "lchen", nil),
        (.readmit, "admin", "Only a counselor or supervisor can readmit a participant; admin is an administrator."),
        (.readmit, "jlee", inactive),
        (.addConsent, "mgarcia", nil),
        (.addConsent, "lchen", nil),
        (.addConsent, "admin",
         "Only a counselor or supervisor can record, renew or revoke a consent to disclose; admin is an administrator."),
        (.addConsent, "jlee", inactive),
        (.revokeConsent, "mgarcia", nil),
        (.revokeConsent, "lchen", nil),
        (.revokeConsent, "admin",
         "Only a counselor or supervisor can record, renew or revoke a consent to disclose; admin is an administrator."),
        (.revokeConsent, "jlee", inactive),
        (.renewConsent, "mgarcia", nil),
        (.renewConsent, "lchen", nil),
        (.renewConsent, "admin",
         "Only a counselor or supervisor can record, renew or revoke a consent to disclose; admin is an administrator."),
        (.renewConsent, "jlee", inactive),
        (.editPlan, "mgarcia", nil),
        (.editPlan, "lchen", nil),
        (.editPlan, "admin", "Only a counselor or supervisor can change a treatment plan; admin is an administrator."),
        (.editPlan, "jlee", inactive),
        (.changeSettings, "mgarcia", "Only an administrator can change the program's settings; mgarcia is a counselor."),
        (.changeSettings, "lchen", "Only an administrator can change the program's settings; lchen is a supervisor."),
        (.changeSettings, "admin", nil),
        (.changeSettings, "jlee", inactive),
        (.reviewAuditLog, "mgarcia", "Only an administrator or supervisor can review the audit log; mgarcia is a counselor."),
        (.reviewAuditLog, "lchen", nil),
        (.reviewAuditLog, "admin", nil),
        (.reviewAuditLog, "jlee", inactive),
    ]

    @Test("allowed or refused with the rule's own words", arguments: table)
    func roleTakesAction(write: ParticipantWrite, actor: StaffID, expected: String?) throws {
        let world = try LifecycleCaseload()
        do {
            try write.perform(on: world, by: actor)
            #expect(expected == nil, "\(actor) was allowed to \(write.rawValue)")
        } catch let error as CaseloadError {
            #expect(error.description == expected)
        }
    }

    @Test("the table covers every write for every kind of staff member")
    func tableIsComplete() {
        for write in ParticipantWrite.allCases {
            #expect(Set(Self.table.filter { $0.0 == write }.map(\.1)) == ["mgarcia", "lchen", "admin", "jlee"])
        }
    }
}
