@testable import CaseloadCore
import Foundation
import Testing

@Suite("Drafts the editor saves, and saves that meet someone else's")
struct DraftTests {
    typealias Fixture = UseCaseCaseload

    static let dapDraft = WrittenText.sections(.dap, ["data": "Named a trigger"])

    /// A group (P-0001, P-0002) led by mgarcia and jlee with the narrative written, P-0001's
    /// note signed and P-0002's a draft.
    static func group(_ fixture: Fixture) throws -> SessionID {
        let caseload = fixture.caseload
        let id = try fixture.record(Fixture.request(facilitators: ["mgarcia", "jlee"], members: [.init("P-0001"), .init("P-0002")])).record.id
        _ = try caseload.writeSharedNarrative(in: id, text: "Members practiced urge surfing.", by: "mgarcia")
        _ = try caseload.writeNote(in: id, for: "P-0001", sections: Fixture.dap("P-0001 named a trigger."), by: "mgarcia")
        _ = try caseload.writeNote(in: id, for: "P-0002", sections: ["data": "P-0002 was quiet."], by: "mgarcia")
        _ = try caseload.signNote(in: id, for: "P-0001", by: "mgarcia")
        return id
    }

    @Test(
        "Whoever may write the text keeps a draft of it, under their own name",
        arguments: [
            ("mgarcia", EditTarget.note("P-0002"), dapDraft, nil),
            ("jlee", .note("P-0002"), dapDraft, nil),
            ("mgarcia", .narrative, .text("Members practiced"), nil),
            ("mgarcia", .addendum("P-0001"), .text("Called her sponsor"), nil),
            ("lchen", .addendum("P-0001"), .text("Reviewed"), nil),
            ("lchen", .note("P-0002"), dapDraft, "Only a facilitator of this session can write its notes; lchen is not one of its facilitators."),
            ("kbrown", .note("P-0002"), dapDraft,
             "kbrown is not on this caseload's staff list; ask an administrator to add them (`caseload staff add kbrown`), or act as someone else with --as."),
            ("admin", .narrative, .text("x"), "Only a facilitator of this session can write its notes; admin is an administrator."),
            ("mgarcia", .note("P-0001"), dapDraft, "This note is signed and read-only; add a dated addendum instead."),
            ("mgarcia", .addendum("P-0002"), .text("x"), "Only a signed note can take an addendum or a co-signature."),
            ("mgarcia", .note("P-0004"), dapDraft, "P-0004 is not on the attendance list of session {session}."),
            ("mgarcia", .note("P-0002"), .text("x"), "A draft of the note for P-0002 holds the note's format and sections; save the editor's text as that."),
            ("mgarcia", .narrative, dapDraft, "A draft of the shared narrative holds one text; save the editor's text as that."),
            ("mgarcia", .note("P-0002"), .sections(.dap, ["subjective": "x"]),
             "A DAP note has no such section; its sections are data, assessment, plan."),
        ] as [(StaffID, EditTarget, WrittenText, String?)])
    func whoKeepsADraft(actor: StaffID, target: EditTarget, text: WrittenText, refused: String?) throws {
        let fixture = try Fixture()
        let session = try Self.group(fixture)
        let message = refusalMessage { () throws(CaseloadError) in
            try fixture.caseload.saveDraft(in: session, target: target, text: text, startedFrom: .revision(1), by: actor)
        }
        #expect(message == refused?.replacingOccurrences(of: "{session}", with: session.rawValue))
        if refused == nil {
            #expect(try fixture.caseload.draft(in: session, target: target, of: actor)?.text == text)
        }
    }

    @Test("A draft keeps what was typed, is its author's alone, takes no audit line, and counts its saves")
    func draftRecord() throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let session = try Self.group(fixture)
        let lines = try SessionFilesTests.lines(fixture)
        let typed = WrittenText.sections(.dap, ["data": "Pasted \u{1B}[31m text", "plan": String(repeating: "x", count: 25_000)])
        let first = try caseload.saveDraft(in: session, target: .note("P-0002"), text: typed, startedFrom: .revision(1), by: "mgarcia").record
        let second = try caseload.saveDraft(in: session, target: .note("P-0002"), text: Self.dapDraft, startedFrom: .revision(1), by: "mgarcia").record
        #expect(first.revision.number == 1)
        #expect(second.revision.number == 2)
        #expect(second.savedAt == Fixture.now)
        #expect(try SessionFilesTests.lines(fixture) == lines)
        #expect(fixture.scratch.names(in: "drafts/mgarcia") == ["\(session)--P-0002.json"])
        #expect(fixture.scratch.permissions("drafts/mgarcia/\(session)--P-0002.json") == 0o600)
        #expect(try caseload.drafts(of: "mgarcia").records == [second])
        #expect(try caseload.drafts(of: "jlee").records.isEmpty)
        #expect(try fixture.store.check().isHealthy)

        _ = try caseload.saveDraft(in: session, target: .narrative, text: .text("Members"), startedFrom: .revision(1), by: "mgarcia")
        try caseload.discardDraft(in: session, target: .narrative, by: "mgarcia")
        #expect(
            refusalMessage { () throws(CaseloadError) in try caseload.discardDraft(in: session, target: .narrative, by: "mgarcia") }
                == "There is no draft of the shared narrative in session \(session) to discard.")
    }

    @Test("Writing the note, narrative or addendum removes the writer's draft of it, and only that; a refused one keeps it")
    func writingRemovesTheDraft() throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let session = try Self.group(fixture)
        for (staff, target, text) in [
            ("mgarcia", EditTarget.note("P-0002"), Self.dapDraft), ("jlee", .note("P-0002"), Self.dapDraft),
            ("mgarcia", .narrative, .text("Members")), ("mgarcia", .addendum("P-0001"), .text("Called")),
        ] as [(StaffID, EditTarget, WrittenText)] {
            _ = try caseload.saveDraft(in: session, target: target, text: text, startedFrom: .revision(1), by: staff)
        }
        #expect(throws: CaseloadError.self) {
            try caseload.writeNote(in: session, for: "P-0002", sections: ["data": " \u{7}"], by: "mgarcia")
        }
        #expect(try caseload.drafts(of: "mgarcia").records.count == 3)
        _ = try caseload.writeNote(in: session, for: "P-0002", sections: ["plan": "Continue IOP."], by: "mgarcia")
        _ = try caseload.writeSharedNarrative(in: session, text: "Members practiced box breathing.", by: "mgarcia")
        _ = try caseload.addAddendum(to: session, for: "P-0001", text: "Called her sponsor.", by: "mgarcia")
        #expect(try caseload.drafts(of: "mgarcia").records.isEmpty)
        #expect(try caseload.drafts(of: "jlee").records.map(\.target) == [.note("P-0002")])
    }

    @Test("A damaged draft file is named and never in the way of a new draft, the note, or discarding it")
    func damagedDraft() throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let session = try Self.group(fixture)
        let file = "drafts/mgarcia/\(session)--P-0002.json"
        try fixture.scratch.plant(file, "{\"schemaVersion\": 1,")
        #expect(try caseload.drafts(of: "mgarcia").damaged.map(\.file.relative) == [file])
        #expect(throws: CaseloadError.self) { try caseload.draft(in: session, target: .note("P-0002"), of: "mgarcia") }
        #expect(try fixture.store.check().findings.map(\.file) == [file])
        _ = try caseload.saveDraft(in: session, target: .note("P-0002"), text: Self.dapDraft, startedFrom: .revision(1), by: "mgarcia")
        #expect(try caseload.draft(in: session, target: .note("P-0002"), of: "mgarcia")?.revision.number == 1)
        try fixture.scratch.plant(file, "{")
        _ = try caseload.writeNote(in: session, for: "P-0002", sections: ["plan": "Continue IOP."], by: "mgarcia")
        #expect(fixture.scratch.bytes(file) == nil)
        try fixture.scratch.plant(file, "{")
        try caseload.discardDraft(in: session, target: .note("P-0002"), by: "mgarcia")
    }

    @Test(
        "A save from an editor that opened an older version is refused with the stored text, and nothing is written",
        arguments: [EditTarget.note("P-0002"), .narrative])
    func conflict(target: EditTarget) throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let session = try Self.group(fixture)
        let opened = try caseload.session(session).editBase(of: target)
        #expect(opened == .revision(1))
        _ = try caseload.saveDraft(in: session, target: target, text: target == .narrative ? .text("Mine") : Self.dapDraft, startedFrom: opened, by: "mgarcia")
        // jlee, co-facilitating, saves first.
        func write(_ text: String, startedFrom: EditBase?, by staff: StaffID) throws(CaseloadError) -> Outcome<Session> {
            target == .narrative
                ? try caseload.writeSharedNarrative(in: session, text: text, startedFrom: startedFrom, by: staff)
                : try caseload.writeNote(in: session, for: "P-0002", sections: ["plan": text], startedFrom: startedFrom, by: staff)
        }
        _ = try write("Theirs.", startedFrom: opened, by: "jlee")
        let before = try SessionFilesTests.lines(fixture)
        let error = refusal { () throws(CaseloadError) in try write("Mine.", startedFrom: opened, by: "mgarcia") }
        guard case .conflict(let conflict) = error else {
            Issue.record("expected a conflict, got \(String(describing: error))")
            return
        }
        #expect(conflict.target == target)
        #expect(conflict.savedBy == "jlee")
        #expect(conflict.savedAt == Fixture.now)
        #expect(conflict.current == .revision(2))
        #expect(
            conflict.stored == (target == .narrative
                ? .text("Theirs.") : .sections(.dap, ["data": "P-0002 was quiet.", "plan": "Theirs."])))
        #expect(
            conflict.description == "jlee saved the \(target.title) in session \(session) after you opened it, so yours was not "
                + "saved over it; both texts are kept: choose which to keep, or merge them, and save again.")
        #expect(try SessionFilesTests.lines(fixture) == before)
        #expect(try caseload.draft(in: session, target: target, of: "mgarcia") != nil)
        // Keeping mine after all: saved over the version now stored.
        _ = try write("Mine.", startedFrom: conflict.current, by: "mgarcia")
        #expect(try caseload.draft(in: session, target: target, of: "mgarcia") == nil)
        // Without a version, no check.
        _ = try write("Ours.", startedFrom: nil, by: "jlee")
    }

    @Test("An editor that opened no note yet meets one written since")
    func conflictOnANewNote() throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let session = try fixture.record(Fixture.request(facilitators: ["mgarcia", "jlee"], members: [.init("P-0001")])).record.id
        let opened = try caseload.session(session).editBase(of: .note("P-0001"))
        #expect(opened == .nothing)
        _ = try caseload.writeNote(in: session, for: "P-0001", sections: ["data": "Theirs."], startedFrom: opened, by: "jlee")
        let error = refusal { () throws(CaseloadError) in
            try caseload.writeNote(in: session, for: "P-0001", sections: ["data": "Mine."], startedFrom: opened, by: "mgarcia")
        }
        guard case .conflict(let conflict) = error else {
            Issue.record("expected a conflict, got \(String(describing: error))")
            return
        }
        #expect(conflict.stored == .sections(.dap, ["data": "Theirs."]))
        #expect(conflict.current == .revision(1))
    }
}
