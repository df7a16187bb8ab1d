@testable import CaseloadCore
import Foundation
import Testing

/// Who may do what to a group note led by mgarcia: counselor mgarcia facilitates; counselor jlee
/// and supervisor lchen do not; admin is an administrator.
@Suite("Note actions by role")
struct NotePermissionTests {
    typealias Fixture = UseCaseCaseload

    enum Action: String, CaseIterable, Sendable {
        case write, narrative, sign, coSign, addendum
    }

    @Test(
        "Role × note action → allowed, or refused with the rule",
        arguments: [
            (Action.write, "mgarcia", nil),
            (.write, "jlee", "Only a facilitator of this session can write its notes; jlee is not one of its facilitators."),
            (.write, "lchen", "Only a facilitator of this session can write its notes; lchen is not one of its facilitators."),
            (.write, "admin", "Only a facilitator of this session can write its notes; admin is an administrator."),
            (.narrative, "mgarcia", nil),
            (.narrative, "jlee", "Only a facilitator of this session can write its notes; jlee is not one of its facilitators."),
            (.narrative, "lchen", "Only a facilitator of this session can write its notes; lchen is not one of its facilitators."),
            (.narrative, "admin", "Only a facilitator of this session can write its notes; admin is an administrator."),
            (.sign, "mgarcia", nil),
            (.sign, "jlee", "Only a facilitator of this session can sign its notes; jlee is not one of its facilitators."),
            (.sign, "lchen", "Only a facilitator of this session can sign its notes; lchen is not one of its facilitators."),
            (.sign, "admin", "Only a facilitator of this session can sign its notes; admin is an administrator."),
            (.coSign, "mgarcia", "Only a supervisor who neither wrote nor signed a note can co-sign it; mgarcia is a counselor."),
            (.coSign, "jlee", "Only a supervisor who neither wrote nor signed a note can co-sign it; jlee is a counselor."),
            (.coSign, "lchen", nil),
            (.coSign, "admin", "Only a supervisor who neither wrote nor signed a note can co-sign it; admin is an administrator."),
            (.addendum, "mgarcia", nil),
            (.addendum, "jlee", "Only a facilitator of the session or a supervisor can add an addendum to a signed note; jlee is not one of its facilitators."),
            (.addendum, "lchen", nil),
            (.addendum, "admin", "Only a facilitator of the session or a supervisor can add an addendum to a signed note; admin is an administrator."),
        ] as [(Action, StaffID, String?)])
    func roleByAction(action: Action, actor: StaffID, refused: String?) throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let session = try fixture.groupReadyToSign()
        if action == .coSign || action == .addendum {
            _ = try caseload.signNote(in: session, for: "P-0001", by: "mgarcia")
        }
        let message = refusalMessage { () throws(CaseloadError) in
            switch action {
            case .write: try caseload.writeNote(in: session, for: "P-0001", sections: ["data": "Spoke first."], by: actor)
            case .narrative: try caseload.writeSharedNarrative(in: session, text: "Practiced grounding.", by: actor)
            case .sign: try caseload.signNote(in: session, for: "P-0001", by: actor)
            case .coSign: try caseload.coSignNote(in: session, for: "P-0001", by: actor)
            case .addendum: try caseload.addAddendum(to: session, for: "P-0001", text: "Called later.", by: actor)
            }
        }
        #expect(message == refused)
    }

    @Test("A supervisor who wrote or signed a note cannot co-sign it")
    func supervisorOwnNote() throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let session = try fixture.record(Fixture.request(.individual, facilitators: ["lchen", "mgarcia"])).record.id
        _ = try caseload.writeNote(in: session, for: "P-0001", sections: Fixture.dap("Named a trigger."), by: "lchen")
        _ = try caseload.signNote(in: session, for: "P-0001", by: "mgarcia")
        #expect(
            refusalMessage { () throws(CaseloadError) in try caseload.coSignNote(in: session, for: "P-0001", by: "lchen") }
                == "Only a supervisor who neither wrote nor signed a note can co-sign it; lchen wrote it.")

        let other = try fixture.record(Fixture.request(.individual, at: "13:00", facilitators: ["lchen", "mgarcia"])).record.id
        _ = try caseload.writeNote(in: other, for: "P-0001", sections: Fixture.dap("Named a trigger."), by: "mgarcia")
        _ = try caseload.signNote(in: other, for: "P-0001", by: "lchen")
        #expect(
            refusalMessage { () throws(CaseloadError) in try caseload.coSignNote(in: other, for: "P-0001", by: "lchen") }
                == "Only a supervisor who neither wrote nor signed a note can co-sign it; lchen signed it.")
    }

    @Test("A supervisor who added to a note someone else started cannot co-sign it")
    func supervisorCoWrote() throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let session = try fixture.record(Fixture.request(.individual, facilitators: ["mgarcia", "lchen"])).record.id
        _ = try caseload.writeNote(in: session, for: "P-0001", sections: ["data": "Named a trigger."], by: "mgarcia")
        _ = try caseload.writeNote(
            in: session, for: "P-0001", sections: ["assessment": "Insight improving.", "plan": "Continue IOP."], by: "lchen")
        _ = try caseload.signNote(in: session, for: "P-0001", by: "mgarcia")
        #expect(
            refusalMessage { () throws(CaseloadError) in try caseload.coSignNote(in: session, for: "P-0001", by: "lchen") }
                == "Only a supervisor who neither wrote nor signed a note can co-sign it; lchen wrote it.")
    }

    @Test("A supervisor who wrote a group's shared narrative cannot co-sign a note signed with it")
    func supervisorWroteNarrative() throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let session = try fixture.record(
            Fixture.request(facilitators: ["mgarcia", "lchen"], members: [.init("P-0001"), .init("P-0002")])).record.id
        _ = try caseload.writeSharedNarrative(in: session, text: "Members practiced urge surfing.", by: "lchen")
        _ = try caseload.writeNote(in: session, for: "P-0001", sections: Fixture.dap("Named a trigger."), by: "mgarcia")
        let signed = try caseload.signNote(in: session, for: "P-0001", by: "mgarcia").record
        #expect(signed.narrativeContributors == ["lchen"])
        #expect(
            refusalMessage { () throws(CaseloadError) in try caseload.coSignNote(in: session, for: "P-0001", by: "lchen") }
                == "Only a supervisor who neither wrote nor signed a note can co-sign it; lchen wrote it.")
    }
}
