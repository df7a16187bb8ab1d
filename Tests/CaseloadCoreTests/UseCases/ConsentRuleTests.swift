import Testing

@testable import CaseloadCore

@Suite("Consents to disclose")
struct ConsentRuleTests {
    static let additions: [(String, String, ConsentRequest, DomainError?)] = [
        ("signed the same day as the one it replaces", "S1",
         LifecycleCaseload.consent(signed: "2026-11-02", categories: [.attendance]), nil),
        ("the very consent already on file", "S1", LifecycleCaseload.consent(signed: "2026-11-02"), .nothingToChange),
        ("signed before the one it replaces", "S1", LifecycleCaseload.consent(signed: "2026-10-15"),
         .consentSignedBeforeReplaced(LifecycleCaseload.date("2026-10-15"), replacedSigned: LifecycleCaseload.date("2026-11-02"))),
        ("signed today", "S1", LifecycleCaseload.consent(signed: "2026-11-23"), nil),
        ("a first consent signed a year before admission", "S2", LifecycleCaseload.consent(signed: "2025-11-02"), nil),
        ("a first consent signed more than a year before admission", "S2", LifecycleCaseload.consent(signed: "2025-11-01"),
         .consentSignedLongBeforeAdmission(LifecycleCaseload.date("2025-11-01"), admission: LifecycleCaseload.date("2026-11-02"))),
        ("signed tomorrow", "S1", LifecycleCaseload.consent(signed: "2026-11-24", expires: "2027-05-24"),
         .dateInFuture(.consent, LifecycleCaseload.date("2026-11-24"), today: LifecycleCaseload.today)),
        ("expiring the day it is signed", "S1", LifecycleCaseload.consent(signed: "2026-11-20", expires: "2026-11-20"),
         .consentExpiryNotAfterSigning(LifecycleCaseload.date("2026-11-20"), signed: LifecycleCaseload.date("2026-11-20"))),
        ("expiring before it is signed", "S1", LifecycleCaseload.consent(signed: "2026-11-20", expires: "2026-11-01"),
         .consentExpiryNotAfterSigning(LifecycleCaseload.date("2026-11-01"), signed: LifecycleCaseload.date("2026-11-20"))),
        ("no category", "S1", LifecycleCaseload.consent(categories: []), .consentNeedsCategory),
        ("no recipient", "S1", LifecycleCaseload.consent(recipient: " "), .emptyField("The consent's recipient")),
        ("an unknown member", "S9", LifecycleCaseload.consent(), .unknownSupportMember("P-0001", "S9")),
    ]

    @Test("recording a consent", arguments: additions)
    func add(_ label: String, member: String, request: ConsentRequest, expected: DomainError?) throws {
        let world = try LifecycleCaseload()
        _ = try world.caseload.editParticipant(
            world.participant, ParticipantChange(addSupportMembers: [NewSupportMember(name: "Luis", relationship: "father")]),
            by: LifecycleCaseload.counselor)
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.addConsent(world.participant, member: member, request, by: LifecycleCaseload.counselor)
        }
        #expect(error == expected.map(CaseloadError.refused), "\(label)")
    }

    @Test("a recorded consent keeps every 42 CFR element")
    func recorded() throws {
        let world = try LifecycleCaseload()
        let consent = try #require(try world.store.participant(world.participant).supportMembers.first?.consent)
        #expect(consent == DisclosureConsent(
            recipient: "Ana Núñez", purpose: "Family involvement in treatment", categories: [.attendance, .sessionParticipation],
            signedOn: LifecycleCaseload.date("2026-11-02"), expiresOn: LifecycleCaseload.date("2027-05-02")))
    }

    static let revocations: [(String, String, DomainError?)] = [
        ("today", "2026-11-23", nil),
        ("the day it was signed", "2026-11-02", nil),
        ("before it was signed", "2026-11-01",
         .revocationBeforeSigning(LifecycleCaseload.date("2026-11-01"), signed: LifecycleCaseload.date("2026-11-02"))),
        ("tomorrow", "2026-11-24", .dateInFuture(.revocation, LifecycleCaseload.date("2026-11-24"), today: LifecycleCaseload.today)),
    ]

    @Test("revoking a consent", arguments: revocations)
    func revoke(_ label: String, on day: String, expected: DomainError?) throws {
        let world = try LifecycleCaseload()
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.revokeConsent(world.participant, member: "S1", on: LifecycleCaseload.date(day), by: LifecycleCaseload.counselor)
        }
        #expect(error == expected.map(CaseloadError.refused), "\(label)")
    }

    @Test("a revoked consent stops disclosure, cannot be revoked twice, and is replaced only by a new one")
    func revokedConsent() throws {
        let world = try LifecycleCaseload()
        let revoked = try world.caseload.revokeConsent(
            world.participant, member: "S1", on: LifecycleCaseload.date("2026-11-20"), by: LifecycleCaseload.counselor
        ).record
        #expect(revoked.membersWithCurrentConsent(on: LifecycleCaseload.today).isEmpty)
        let twice = refusal { () throws(CaseloadError) in
            _ = try world.caseload.revokeConsent(world.participant, member: "S1", on: LifecycleCaseload.today, by: LifecycleCaseload.counselor)
        }
        #expect(twice == .refused(.consentAlreadyRevoked("S1", on: LifecycleCaseload.date("2026-11-20"))))
        let renewal = refusal { () throws(CaseloadError) in
            _ = try world.caseload.renewConsent(
                world.participant, member: "S1", expiresOn: LifecycleCaseload.date("2027-11-02"), by: LifecycleCaseload.counselor)
        }
        #expect(renewal?.description
            == "The consent for support member S1 was revoked on 2026-11-20 and cannot be renewed; the participant must sign "
            + "a new consent, recorded with `caseload participant consent add`.")
        let beforeRevocation = refusal { () throws(CaseloadError) in
            _ = try world.caseload.addConsent(
                world.participant, member: "S1", LifecycleCaseload.consent(signed: "2026-11-19"), by: LifecycleCaseload.counselor)
        }
        #expect(beforeRevocation == .refused(.consentSignedBeforeRevocation(
            LifecycleCaseload.date("2026-11-19"), revoked: LifecycleCaseload.date("2026-11-20"))))
        let renewed = try world.caseload.addConsent(
            world.participant, member: "S1", LifecycleCaseload.consent(signed: "2026-11-23"), by: LifecycleCaseload.counselor).record
        #expect(renewed.membersWithCurrentConsent(on: LifecycleCaseload.today).map(\.id) == ["S1"])

        // Nothing is lost: the first consent as signed, then as revoked, stay in the history.
        let history = try #require(renewed.supportMembers.first { $0.id == "S1" }).earlierConsents
        #expect(history.map(\.signedOn) == [LifecycleCaseload.date("2026-11-02"), LifecycleCaseload.date("2026-11-02")])
        #expect(history.map(\.revokedOn) == [nil, LifecycleCaseload.date("2026-11-20")])
    }

    /// A family session S1 took part in on 2026-11-18 and another on 2026-11-20, and a group on
    /// 2026-11-22 that no support member attends.
    static func familySessions(_ world: LifecycleCaseload) throws -> [SessionID] {
        let family = try ["2026-11-18", "2026-11-20"].map { day in
            try world.caseload.recordSession(
                UseCaseCaseload.request(.family, on: day, members: [.init(world.participant)], support: [.init("S1")]),
                by: LifecycleCaseload.counselor
            ).record.id
        }
        _ = try world.caseload.recordSession(
            UseCaseCaseload.request(on: "2026-11-22", members: [.init(world.participant)]), by: LifecycleCaseload.counselor)
        return family
    }

    @Test("a revocation dated on or before a family session the member took part in is refused, naming the sessions")
    func revocationBeforeFamilySessions() throws {
        let world = try LifecycleCaseload()
        let sessions = try Self.familySessions(world)
        func revoke(_ day: String) -> CaseloadError? {
            refusal { () throws(CaseloadError) in
                _ = try world.caseload.revokeConsent(
                    world.participant, member: "S1", on: LifecycleCaseload.date(day), by: LifecycleCaseload.counselor)
            }
        }
        #expect(revoke("2026-11-18") == .refused(.revocationBeforeFamilySessions(
            world.participant, supportMember: "S1", LifecycleCaseload.date("2026-11-18"), sessions: sessions)))
        let onTheDay = revoke("2026-11-20")
        #expect(onTheDay == .refused(.revocationBeforeFamilySessions(
            world.participant, supportMember: "S1", LifecycleCaseload.date("2026-11-20"), sessions: [sessions[1]])))
        #expect(onTheDay?.description == "Support member S1 of P-0001 took part in family sessions on or after 2026-11-20 "
            + "(\(sessions[1])); date the revocation after the last of those sessions, or correct the sessions first.")
        #expect(revoke("2026-11-21") == nil)
    }

    @Test("in a session with several participants, each one's consent to the member present counts, found by name")
    func revocationInSharedFamilySession() throws {
        let world = try UseCaseCaseload()
        let shared = try world.record(
            UseCaseCaseload.request(.family, members: [.init("P-0001"), .init("P-0002")], support: [.init("F1", of: "P-0001")])
        ).record.id
        func revoke(_ participant: ParticipantID, _ member: String) -> CaseloadError? {
            refusal { () throws(CaseloadError) in
                _ = try world.caseload.revokeConsent(participant, member: member, on: UseCaseCaseload.date("2026-11-20"), by: "mgarcia")
            }
        }
        #expect(revoke("P-0002", "F1") == .refused(.revocationBeforeFamilySessions(
            "P-0002", supportMember: "F1", UseCaseCaseload.date("2026-11-20"), sessions: [shared])))
        #expect(revoke("P-0001", "F1") == .refused(.revocationBeforeFamilySessions(
            "P-0001", supportMember: "F1", UseCaseCaseload.date("2026-11-20"), sessions: [shared])))
        #expect(revoke("P-0001", "F2") == nil, "F2 was not there")
    }

    static let renewals: [(String, String, String?, DomainError?)] = [
        ("a later expiry", "2027-11-02", nil, nil),
        ("re-signed today", "2027-11-23", "2026-11-23", nil),
        ("re-signed tomorrow", "2027-11-23", "2026-11-24",
         .dateInFuture(.consent, LifecycleCaseload.date("2026-11-24"), today: LifecycleCaseload.today)),
        ("ending sooner than it does now", "2026-11-23", nil,
         .renewalShortens(LifecycleCaseload.date("2026-11-23"), current: LifecycleCaseload.date("2027-05-02"))),
        ("to the expiry it already has", "2027-05-02", nil, .nothingToChange),
        ("expiring yesterday", "2026-11-22", nil,
         .renewalExpiryPassed(LifecycleCaseload.date("2026-11-22"), today: LifecycleCaseload.today)),
        ("re-signed on the day first signed", "2027-11-23", "2026-11-02", nil),
        ("re-signed before it was first signed", "2027-11-23", "2026-11-01",
         .renewalSignedEarlier(LifecycleCaseload.date("2026-11-01"), signed: LifecycleCaseload.date("2026-11-02"))),
    ]

    @Test("renewing a consent", arguments: renewals)
    func renew(_ label: String, expires: String, signed: String?, expected: DomainError?) throws {
        let world = try LifecycleCaseload()
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.renewConsent(
                world.participant, member: "S1", expiresOn: LifecycleCaseload.date(expires), signedOn: signed.map(LifecycleCaseload.date),
                by: LifecycleCaseload.counselor)
        }
        #expect(error == expected.map(CaseloadError.refused), "\(label)")
    }

    @Test("a member without a consent has nothing to revoke or renew")
    func noConsent() throws {
        let world = try LifecycleCaseload()
        _ = try world.caseload.editParticipant(
            world.participant, ParticipantChange(addSupportMembers: [NewSupportMember(name: "Luis", relationship: "father")]),
            by: LifecycleCaseload.counselor)
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.revokeConsent(world.participant, member: "S2", on: LifecycleCaseload.today, by: LifecycleCaseload.counselor)
        }
        #expect(error?.description
            == "Support member S2 of P-0001 has no consent on file; record one with `caseload participant consent add`.")
    }
}
