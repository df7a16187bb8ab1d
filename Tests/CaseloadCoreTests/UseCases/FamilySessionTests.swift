@testable import CaseloadCore
import Foundation
import Testing

@Suite("Family sessions and consent")
struct FamilySessionTests {
    typealias Fixture = UseCaseCaseload

    @Test(
        "Support members take part only with a consent current on the day and covering family sessions, from every participant",
        arguments: [
            (["P-0001"], [SupportMemberReference("F1")], .family, "F1"),
            (["P-0001", "P-0002"], [.init("F1", of: "P-0001")], .family, "P-0001/F1"),
            (["P-0001", "P-0002"], [.init("F1", of: "P-0002")], .family, "P-0002/F1"),
            (["P-0001"], [], .family, "A family session needs at least one support member present."),
            (["P-0001"], [.init("F1")], .group, "Support members take part only in family sessions."),
            (["P-0001"], [.init("F2")], .family,
             "P-0001 has no consent current on 2026-11-20 that admits support member F2 to family sessions; record or renew a consent covering family sessions first."),
            (["P-0001"], [.init("F3")], .family,
             "P-0001 has no consent current on 2026-11-20 that admits support member F3 to family sessions; record or renew a consent covering family sessions first."),
            (["P-0001"], [.init("F4")], .family,
             "P-0001 has no consent current on 2026-11-20 that admits support member F4 to family sessions; record or renew a consent covering family sessions first."),
            (["P-0001"], [.init("F5")], .family,
             "P-0001 has no consent current on 2026-11-20 that admits support member F5 to family sessions; record or renew a consent covering family sessions first."),
            (["P-0001"], [.init("F1"), .init("F4")], .family,
             "P-0001 has no consent current on 2026-11-20 that admits support member F4 to family sessions; record or renew a consent covering family sessions first."),
            (["P-0001"], [.init("F1"), .init("F1")], .family, "Support member F1 is listed twice; name each support member once."),
            (["P-0001"], [.init("F1"), .init("F1", of: "P-0001")], .family,
             "Support member F1 is listed twice; name each support member once."),
            (["P-0001", "P-0002"], [.init("F1", of: "P-0001"), .init("F1", of: "P-0001")], .family,
             "Support member P-0001/F1 is listed twice; name each support member once."),
            (["P-0001"], [.init("F9")], .family,
             "P-0001 has no support member F9; `caseload participant show P-0001` lists them with their ids."),
            (["P-0001", "P-0002"], [.init("F1")], .family,
             "This session has several participants: name whose support member F1 is, as PARTICIPANT/F1 (for example P-0007/F1)."),
            (["P-0001", "P-0004"], [.init("F1", of: "P-0001")], .family,
             "Support member P-0001/F1 is not one of P-0004's support members, so P-0004 has not consented to their taking part; add them as P-0004's support member (`caseload participant edit P-0004 --add-support`) and record a consent covering family sessions first."),
            (["P-0002", "P-0001"], [.init("F1", of: "P-0009")], .family,
             "P-0009 is not on this session's list, so their support member F1 cannot take part."),
        ] as [([ParticipantID], [SupportMemberReference], SessionKind, String)])
    func consent(members: [ParticipantID], support: [SupportMemberReference], kind: SessionKind, expected: String) throws {
        let fixture = try Fixture()
        let request = Fixture.request(kind, members: members.map { AttendanceRequest($0) }, support: support)
        do {
            let session = try fixture.record(request).record
            #expect(session.supportMembersPresent == [expected])
        } catch {
            #expect(error.description == expected)
        }
    }
}
