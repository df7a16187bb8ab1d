@testable import CaseloadCore
import Foundation
import Testing

@Suite("Signing a group's ready notes, and entries that name another member")
struct GroupSigningTests {
    typealias Fixture = UseCaseCaseload

    /// Ana Ruiz ("Annie") as P-0005 and Kai Chen as P-0006, beside the fixture's José Núñez.
    static func withNamedMembers() throws -> Fixture {
        let fixture = try Fixture()
        for (id, first, last, preferred) in [("P-0005", "Ana", "Ruiz", "Annie"), ("P-0006", "Kai", "Chen", nil)] as [(ParticipantID, String, String, String?)] {
            var participant = Fixture.participant(id)
            participant.firstName = first
            participant.lastName = last
            participant.preferredName = preferred
            try fixture.store.add(participant, action: .participantAdd, by: "mgarcia")
        }
        return fixture
    }

    static let others = [
        MemberNames(participant: "P-0005", names: ["Ana", "Ruiz", "Annie"]), MemberNames(participant: "P-0006", names: ["Kai", "Chen"]),
        MemberNames(participant: "P-0002", names: ["José", "Núñez"]),
    ]

    @Test(
        "Another member's first, last or preferred name is found as a whole word, case and accents aside",
        arguments: [
            ("Ana shared a trigger.", [("P-0005", "Ana", 0..<3)]),
            ("Gave ANA feedback.", [("P-0005", "Ana", 5..<8)]),
            ("Àna and Kåi spoke.", [("P-0005", "Ana", 0..<3), ("P-0006", "Kai", 8..<11)]),
            ("Ate a banana; chen-style tea.", [("P-0006", "Chen", 14..<18)]),
            ("Mrs. Ruiz's sister called.", [("P-0005", "Ruiz", 5..<9)]),
            ("Annie, and Annie again.", [("P-0005", "Annie", 0..<5), ("P-0005", "Annie", 11..<16)]),
            ("🙂 Ana nodded; a\u{301} Kai.", [("P-0005", "Ana", 2..<5), ("P-0006", "Kai", 16..<19)]),
            ("José spoke of his brother.", []),
            ("Banana, Kaiser, Chenille.", []),
        ] as [(String, [(ParticipantID, String, Range<Int>)])])
    func namesFound(text: String, expected: [(ParticipantID, String, Range<Int>)]) {
        let own = MemberNames(participant: "P-0001", names: ["José", "Núñez"])
        let found = ConfidentialNames.mentions(in: ["data": text], format: .dap, own: own, others: Self.others)
        #expect(found.map(\.participant) == expected.map(\.0))
        #expect(found.map(\.name) == expected.map(\.1))
        #expect(found.map(\.characters) == expected.map(\.2))
        #expect(found.allSatisfy { $0.section == "data" })
    }

    @Test("Signing an entry that names another member needs it acknowledged; the CLI's flag and the console's second y say so")
    func signingNeedsAcknowledgement() throws {
        let fixture = try Self.withNamedMembers()
        let caseload = fixture.caseload
        let session = try fixture.record(Fixture.request(members: [.init("P-0001"), .init("P-0005")])).record.id
        _ = try caseload.writeSharedNarrative(in: session, text: "Members practiced urge surfing.", by: "mgarcia")
        _ = try caseload.writeNote(in: session, for: "P-0001", sections: Fixture.dap("Gave Annie feedback on her plan."), by: "mgarcia")
        let mentions = try caseload.namesOfOtherMembers(in: session, for: "P-0001", by: "mgarcia")
        #expect(mentions == [NameMention(participant: "P-0005", name: "Annie", section: "data", characters: 5..<10)])
        // The editor's text, before it is saved.
        #expect(
            try caseload.namesOfOtherMembers(in: session, for: "P-0001", sections: ["plan": "Pair with Ana."], by: "mgarcia").map(\.section)
                == ["plan"])
        #expect(
            refusalMessage { () throws(CaseloadError) in try caseload.signNote(in: session, for: "P-0001", by: "mgarcia") }
                == "P-0001's own entry names another member of this session (P-0005), and a participant may read their own note; "
                + "take the name out, or confirm that it belongs there to sign (`caseload note sign --acknowledge-names`).")
        let signed = try caseload.signNote(in: session, for: "P-0001", acknowledgingNames: true, by: "mgarcia").record
        #expect(signed.member("P-0001")?.note?.isSigned == true)
    }

    @Test("Signing the ready notes signs each complete note and says why the others were left")
    func signReady() throws {
        let fixture = try Self.withNamedMembers()
        let caseload = fixture.caseload
        let members: [AttendanceRequest] = [.init("P-0001"), .init("P-0002"), .init("P-0004"), .init("P-0005"), .init("P-0006")]
        let session = try fixture.record(Fixture.request(members: members)).record.id
        _ = try caseload.writeSharedNarrative(in: session, text: "Members practiced urge surfing.", by: "mgarcia")
        _ = try caseload.writeNote(in: session, for: "P-0001", sections: Fixture.dap("P-0001 named a trigger."), by: "mgarcia")
        _ = try caseload.writeNote(in: session, for: "P-0002", sections: ["data": "P-0002 was quiet."], by: "mgarcia")
        _ = try caseload.writeNote(in: session, for: "P-0005", sections: Fixture.dap("Sat beside Kai and shared."), by: "mgarcia")
        _ = try caseload.writeNote(in: session, for: "P-0006", sections: Fixture.dap("P-0006 described a craving."), by: "mgarcia")
        _ = try caseload.signNote(in: session, for: "P-0006", by: "mgarcia")

        let outcome = try caseload.signReadyNotes(in: session, by: "mgarcia").record
        #expect(outcome.signed == ["P-0001"])
        #expect(
            outcome.skipped == [
                SkippedNote(participant: "P-0002", reason: .noteSectionsEmpty(.dap, ["Assessment", "Plan"])),
                SkippedNote(participant: "P-0004", reason: .noNote("P-0004", session)),
                SkippedNote(participant: "P-0005", reason: .entryNamesOtherMembers("P-0005", others: ["P-0006"])),
            ])
        let note = try #require(outcome.session.member("P-0001")?.note)
        #expect(note.signature == Signature(by: "mgarcia", signedAs: "Staff mgarcia, LCSW", at: Fixture.now))
        #expect(note.signedSharedNarrative == "Members practiced urge surfing.")
        #expect(try SessionFilesTests.lines(fixture).last == "note.sign note \(session).P-0001 2")

        let acknowledged = try caseload.signReadyNotes(in: session, by: "mgarcia", acknowledgingNamesFor: ["P-0005"]).record
        #expect(acknowledged.signed == ["P-0005"])
        #expect(
            refusalMessage { () throws(CaseloadError) in try caseload.signReadyNotes(in: session, by: "mgarcia") }
                == "No note of session \(session) is ready to sign: each needs every section written (and for a group the shared "
                + "narrative and an entry of the member's own) and must not be signed already.")
    }

    @Test(
        "Signing the ready notes is a facilitator's",
        arguments: [
            ("jlee", "Only a facilitator of this session can sign its notes; jlee is not one of its facilitators."),
            ("lchen", "Only a facilitator of this session can sign its notes; lchen is not one of its facilitators."),
            ("admin", "Only a facilitator of this session can sign its notes; admin is an administrator."),
            ("mgarcia", nil),
        ] as [(StaffID, String?)])
    func whoSignsReady(actor: StaffID, refused: String?) throws {
        let fixture = try Fixture()
        let session = try fixture.groupReadyToSign()
        let message = refusalMessage { () throws(CaseloadError) in try fixture.caseload.signReadyNotes(in: session, by: actor) }
        #expect(message == refused)
    }

    @Test("An absent member's note is signed without the group's narrative, which it need not wait for")
    func absentMember() throws {
        let fixture = try Self.withNamedMembers()
        let caseload = fixture.caseload
        let members: [AttendanceRequest] = [.init("P-0001"), .init("P-0002", .unexcused)]
        let session = try fixture.record(Fixture.request(members: members)).record.id
        _ = try caseload.writeNote(in: session, for: "P-0002", sections: Fixture.dap("Did not attend; called, no answer."), by: "mgarcia")
        let signed = try caseload.signNote(in: session, for: "P-0002", by: "mgarcia").record
        #expect(signed.member("P-0002")?.note?.signedSharedNarrative == nil)
        _ = try caseload.writeSharedNarrative(in: session, text: "Members practiced urge surfing.", by: "mgarcia")
        _ = try caseload.writeNote(in: session, for: "P-0001", sections: Fixture.dap("P-0001 named a trigger."), by: "mgarcia")
        let present = try caseload.signNote(in: session, for: "P-0001", by: "mgarcia").record
        #expect(present.member("P-0001")?.note?.signedSharedNarrative == "Members practiced urge surfing.")
    }

    @Test("Signing the ready notes waits for the session to end")
    func waitsForTheEnd() throws {
        let fixture = try Fixture()
        // Recording waits for the end too; a running session comes only from an older build's file.
        let running = try fixture.store.newSessionID(date: Fixture.date("2026-11-23"), time: Fixture.time("13:00"))
        let member = SessionMember(participant: "P-0001", attendance: Attendance(status: .present, minutesAttended: 120))
        _ = try fixture.store.add(
            Session(
                id: running, kind: .individual, date: Fixture.date("2026-11-23"), startTime: Fixture.time("13:00"),
                durationMinutes: 120, facilitators: ["mgarcia"], topic: nil, members: [member],
                revision: Revision(createdAt: Fixture.now, createdBy: "mgarcia")),
            action: .sessionAdd, by: "mgarcia")
        _ = try fixture.caseload.writeNote(in: running, for: "P-0001", sections: Fixture.dap("Named a trigger."), by: "mgarcia")
        #expect(
            refusalMessage { () throws(CaseloadError) in try fixture.caseload.signReadyNotes(in: running, by: "mgarcia") }
                == "Session \(running) has not ended yet (it ends at 15:00); sign its notes once it is over.")
    }

    @Test("The co-sign queue lists signed notes a supervisor may co-sign, oldest first; counselors have none")
    func coSignQueue() throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let first = try fixture.groupReadyToSign()
        _ = try caseload.signReadyNotes(in: first, by: "mgarcia")
        // lchen wrote the narrative of a second group: its notes are partly theirs.
        let second = try fixture.record(Fixture.request(at: "13:00", facilitators: ["mgarcia", "lchen"], members: [.init("P-0001"), .init("P-0002")])).record.id
        _ = try caseload.writeSharedNarrative(in: second, text: "Members named triggers.", by: "lchen")
        for participant: ParticipantID in ["P-0001", "P-0002"] {
            _ = try caseload.writeNote(in: second, for: participant, sections: Fixture.dap("\(participant) named a trigger."), by: "mgarcia")
        }
        _ = try caseload.signReadyNotes(in: second, by: "mgarcia")
        _ = try caseload.coSignNote(in: first, for: "P-0002", by: "lchen")

        let queue = try caseload.coSignQueue(for: "lchen", from: Fixture.date("2026-11-16"), through: Fixture.date("2026-11-22"))
        #expect(queue.records.map(\.participant) == ["P-0001"])
        #expect(queue.records.first?.session == first)
        #expect(queue.records.first?.signature.by == "mgarcia")
        #expect(queue.damaged.isEmpty)
        #expect(try caseload.coSignQueue(for: "lchen", from: Fixture.date("2026-11-21"), through: Fixture.date("2026-11-22")).records.isEmpty)
        #expect(
            refusalMessage { () throws(CaseloadError) in
                try caseload.coSignQueue(for: "mgarcia", from: Fixture.date("2026-11-16"), through: Fixture.date("2026-11-22"))
            } == "Only a supervisor who neither wrote nor signed a note can co-sign it; mgarcia is a counselor.")
    }
}
