@testable import CaseloadCore
import Foundation
import Testing

@Suite("Writing, signing and amending notes")
struct NoteOperationTests {
    typealias Fixture = UseCaseCaseload

    @Test(
        "A note is signed only when every section of its format is written",
        arguments: [
            (NoteFormat.dap, ["data": "Named a trigger."], "A DAP note is signed only with every section written; Assessment and Plan are still empty."),
            (.dap, ["data": "Named a trigger.", "assessment": "Insight improving.", "plan": "  "],
             "A DAP note is signed only with every section written; Plan is still empty."),
            (.soap, ["subjective": "Calm.", "objective": "On time.", "assessment": "Stable."],
             "A SOAP note is signed only with every section written; Plan is still empty."),
            (.birp, ["behavior": "Engaged.", "intervention": "CBT.", "plan": "Continue."],
             "A BIRP note is signed only with every section written; Response is still empty."),
            (.free, ["note": " "], "A free-text note is signed only with every section written; Note is still empty."),
            (.free, ["note": "\t\u{2060}\n"], "A free-text note is signed only with every section written; Note is still empty."),
            (.dap, ["data": "Named a trigger.", "assessment": "\u{200B}\u{200D}\u{FEFF}", "plan": "\u{2060}\n"],
             "A DAP note is signed only with every section written; Assessment and Plan are still empty."),
            (.free, ["note": "\u{200B}\u{00A0}\n\t"], "A free-text note is signed only with every section written; Note is still empty."),
            (.dap, Fixture.dap("Named a trigger."), nil),
            (.soap, ["subjective": "Calm.", "objective": "On time.", "assessment": "Stable.", "plan": "Continue."], nil),
            (.birp, ["behavior": "Engaged.", "intervention": "CBT.", "response": "Receptive.", "plan": "Continue."], nil),
            (.free, ["note": "Attended and engaged."], nil),
        ] as [(NoteFormat, [String: String], String?)])
    func everySection(format: NoteFormat, sections: [String: String], refused: String?) throws {
        let fixture = try Fixture()
        let session = try fixture.record(Fixture.request(.individual)).record.id
        _ = try fixture.caseload.writeNote(in: session, for: "P-0001", format: format, sections: sections, by: "mgarcia")
        let message = refusalMessage { () throws(CaseloadError) in
            try fixture.caseload.signNote(in: session, for: "P-0001", by: "mgarcia")
        }
        #expect(message == refused)
    }

    @Test("Signing waits for the session to end, and is stamped with the clock's now")
    func afterTheSession() throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        // Recording now waits for the end too; a running session comes only from an older build's file.
        let running = try fixture.store.newSessionID(date: Fixture.date("2026-11-23"), time: Fixture.time("13:00"))
        let member = SessionMember(participant: "P-0001", attendance: Attendance(status: .present, minutesAttended: 120))
        _ = try fixture.store.add(
            Session(
                id: running, kind: .individual, date: Fixture.date("2026-11-23"), startTime: Fixture.time("13:00"),
                durationMinutes: 120, facilitators: ["mgarcia"], topic: nil, members: [member],
                revision: Revision(createdAt: Fixture.now, createdBy: "mgarcia")),
            action: .sessionAdd, by: "mgarcia")
        _ = try caseload.writeNote(in: running, for: "P-0001", sections: Fixture.dap("Named a trigger."), by: "mgarcia")
        #expect(
            refusalMessage { () throws(CaseloadError) in try caseload.signNote(in: running, for: "P-0001", by: "mgarcia") }
                == "Session \(running) has not ended yet (it ends at 15:00); sign its notes once it is over.")
        let ended = try fixture.record(Fixture.request(.individual, on: "2026-11-23", at: "10:00", minutes: 120)).record.id
        _ = try caseload.writeNote(in: ended, for: "P-0001", sections: Fixture.dap("Named a trigger."), by: "mgarcia")
        let signed = try caseload.signNote(in: ended, for: "P-0001", by: "mgarcia").record
        #expect(signed.member("P-0001")?.note?.signature == Signature(by: "mgarcia", signedAs: "Staff mgarcia, LCSW", at: Fixture.now))
        #expect(
            refusalMessage { () throws(CaseloadError) in try caseload.signNote(in: ended, for: "P-0001", by: "mgarcia") }
                == "This note is signed and read-only; add a dated addendum instead.")
    }

    @Test(
        "A group note needs the shared narrative and an entry of the member's own",
        arguments: [
            ("Named a trigger.", "Named a trigger.", true, "P-0001's note is word for word the same as P-0002's; describe this member's own participation before signing."),
            ("Named  a\nTRIGGER. ", "named a trigger.", true, "P-0001's note is word for word the same as P-0002's; describe this member's own participation before signing."),
            ("same/same/same", "Same/same /same.", true, "P-0001's note is word for word the same as P-0002's; describe this member's own participation before signing."),
            ("Members practiced urge-surfing!", "Named a different trigger.", true, "P-0001's Data repeats the group's shared narrative; describe this member's own participation before signing."),
            ("Named a trigger.", "Named a different trigger.", true, nil),
            ("Named a trigger.", "Named a different trigger.", false, "Write the shared narrative of group session {session} before signing its notes; each note is signed with it."),
        ] as [(String, String, Bool, String?)])
    func groupNote(mine: String, theirs: String, narrative: Bool, refused: String?) throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let session = try fixture.record(Fixture.request(members: [.init("P-0001"), .init("P-0002")])).record.id
        if narrative { _ = try caseload.writeSharedNarrative(in: session, text: "Members practiced urge surfing.", by: "mgarcia") }
        _ = try caseload.writeNote(in: session, for: "P-0001", sections: Fixture.dap(mine), by: "mgarcia")
        _ = try caseload.writeNote(in: session, for: "P-0002", sections: Fixture.dap(theirs), by: "mgarcia")
        let message = refusalMessage { () throws(CaseloadError) in try caseload.signNote(in: session, for: "P-0001", by: "mgarcia") }
        #expect(message == refused?.replacingOccurrences(of: "{session}", with: session.rawValue))
    }

    @Test("A signed group note keeps the narrative it was signed with")
    func narrativeAsSigned() throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let session = try fixture.groupReadyToSign()
        _ = try caseload.signNote(in: session, for: "P-0001", by: "mgarcia")
        let edited = try caseload.writeSharedNarrative(in: session, text: "Edited afterwards.", by: "mgarcia").record
        #expect(edited.member("P-0001")?.note?.signedSharedNarrative == "Members practiced urge surfing.")
    }

    @Test(
        "Writing, the narrative and addenda refuse what is not there or not allowed",
        arguments: [
            ("unknown section", "A DAP note has no such section; its sections are data, assessment, plan."),
            ("another format", "This note was started as a DAP note and keeps that format; write its sections (data, assessment, plan) without choosing another format."),
            ("no section", "Nothing to save: write at least one section of the note."),
            ("not a member", "P-0004 is not on the attendance list of session {session}."),
            ("unknown session", "There is no session S-20261120-0900-zzzzzz in this caseload; `caseload session list` lists them."),
            ("narrative of an individual session", "Only group sessions have a shared narrative."),
            ("empty narrative", "The shared narrative cannot be empty."),
            ("addendum to a draft", "Only a signed note can take an addendum or a co-signature."),
            ("empty addendum", "The addendum cannot be empty."),
            ("co-signature of a draft", "Only a signed note can take an addendum or a co-signature."),
            ("co-signed twice", "This note already has a co-signature."),
        ])
    func refusals(what: String, message: String) throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let group = try fixture.groupReadyToSign()
        let individual = try fixture.record(Fixture.request(.individual, at: "13:00", members: [.init("P-0004")])).record.id
        let refused = refusalMessage { () throws(CaseloadError) in
            switch what {
            case "unknown section": return try caseload.writeNote(in: group, for: "P-0001", sections: ["summary": "x"], by: "mgarcia")
            case "another format":
                return try caseload.writeNote(in: group, for: "P-0001", format: .soap, sections: ["plan": "x"], by: "mgarcia")
            case "no section": return try caseload.writeNote(in: group, for: "P-0001", sections: [:], by: "mgarcia")
            case "not a member": return try caseload.writeNote(in: group, for: "P-0004", sections: ["data": "x"], by: "mgarcia")
            case "unknown session":
                return try caseload.writeNote(in: "S-20261120-0900-zzzzzz", for: "P-0001", sections: ["data": "x"], by: "mgarcia")
            case "narrative of an individual session": return try caseload.writeSharedNarrative(in: individual, text: "x", by: "mgarcia")
            case "empty narrative": return try caseload.writeSharedNarrative(in: group, text: " \n", by: "mgarcia")
            case "addendum to a draft": return try caseload.addAddendum(to: group, for: "P-0001", text: "Late entry.", by: "mgarcia")
            case "empty addendum":
                _ = try caseload.signNote(in: group, for: "P-0001", by: "mgarcia")
                return try caseload.addAddendum(to: group, for: "P-0001", text: "  ", by: "mgarcia")
            case "co-signature of a draft": return try caseload.coSignNote(in: group, for: "P-0001", by: "lchen")
            default:
                _ = try caseload.signNote(in: group, for: "P-0001", by: "mgarcia")
                _ = try caseload.coSignNote(in: group, for: "P-0001", by: "lchen")
                return try caseload.coSignNote(in: group, for: "P-0001", by: "lchen")
            }
        }
        #expect(refused == message.replacingOccurrences(of: "{session}", with: group.rawValue))
    }

    @Test("Looking up a session that is not there, or an id that could not be one, names the session", arguments: [
        "S-20261120-0900-zzzzzz", "S-nope", "../etc",
    ] as [SessionID])
    func unknownSession(id: SessionID) throws {
        let fixture = try Fixture()
        #expect(refusal { () throws(CaseloadError) in try fixture.caseload.session(id) } == .refused(.unknownSession(id)))
    }

    @Test("Co-signature and addendum are stamped with the clock's now and kept")
    func coSignAndAddendum() throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let session = try fixture.groupReadyToSign()
        _ = try caseload.signNote(in: session, for: "P-0001", by: "mgarcia")
        _ = try caseload.coSignNote(in: session, for: "P-0001", by: "lchen")
        let saved = try caseload.addAddendum(to: session, for: "P-0001", text: "Called to clarify.", by: "lchen").record
        let note = try #require(saved.member("P-0001")?.note)
        #expect(note.coSignature == Signature(by: "lchen", signedAs: "Staff lchen, LCSW", at: Fixture.now))
        #expect(note.addenda == [Addendum(by: "lchen", signedAs: "Staff lchen, LCSW", at: Fixture.now, text: "Called to clarify.")])
        #expect(try caseload.store.session(session) == saved)
    }

    @Test("Signatures and addenda keep the name and credentials the signer had, whatever changes later")
    func signedAsAtTheTime() throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let session = try fixture.groupReadyToSign()
        _ = try caseload.signNote(in: session, for: "P-0001", by: "mgarcia")
        _ = try caseload.coSignNote(in: session, for: "P-0001", by: "lchen")
        _ = try caseload.addAddendum(to: session, for: "P-0001", text: "Called to clarify.", by: "mgarcia")
        _ = try caseload.changeStaff("mgarcia", StaffChange(displayName: "María García-Ruiz", credentials: "LCSW-S"), by: "admin")
        _ = try caseload.changeStaff("lchen", StaffChange(displayName: "Lin Chen-Park"), by: "admin")
        let note = try #require(try caseload.store.session(session).member("P-0001")?.note)
        #expect(note.signature?.signedAs == "Staff mgarcia, LCSW")
        #expect(note.coSignature?.signedAs == "Staff lchen, LCSW")
        #expect(note.addenda.map(\.signedAs) == ["Staff mgarcia, LCSW"])
    }

    @Test("A note records everyone who wrote to it, in order, once each")
    func contributors() throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let session = try fixture.record(Fixture.request(.individual, facilitators: ["mgarcia", "lchen", "jlee"])).record.id
        for writer: StaffID in ["mgarcia", "lchen", "mgarcia", "jlee"] {
            _ = try caseload.writeNote(in: session, for: "P-0001", sections: ["data": "Entry by \(writer)."], by: writer)
        }
        let note = try #require(try caseload.store.session(session).member("P-0001")?.note)
        #expect(note.author == "mgarcia")
        #expect(note.contributors == ["mgarcia", "lchen", "jlee"])
    }
}
