#if canImport(CaseloadStorage)
// Note search reads sessions, a domain type, so these tests build only inside CaseloadCore.
#else
@testable import CaseloadCore
import Foundation
import Testing

@Suite("Note search")
struct NoteSearchTests {
    /// A group on 2026-11-20 (P-0001, P-0002) and an individual session on 2026-11-24 (P-0001).
    static func caseload() throws -> ScratchCaseload {
        let caseload = try ScratchCaseload()
        let store = caseload.store
        for id in ["P-0001", "P-0002"] as [ParticipantID] {
            try store.add(ScratchCaseload.participant(id), action: .participantAdd, by: "mgarcia")
        }
        var group = ScratchCaseload.session("S-20261120-0900-aaaaaa", on: "2026-11-20", members: ["P-0001", "P-0002"])
        group.sharedNarrative = "Members practiced urge surfing."
        try group.writeNote(
            of: "P-0001", format: .dap, section: "data", text: "José described a craving after his shift.", by: "mgarcia", at: caseload.clock.now())
        try group.writeNote(
            of: "P-0002", format: .dap, section: "plan", text: "Continue \"HALT\" check-ins\nnext week.", by: "mgarcia", at: caseload.clock.now())
        let signer = Staff(id: "mgarcia", displayName: "Maria Garcia", credentials: "LCSW", role: .counselor, revision: group.revision)
        try group.signNote(of: "P-0002", by: signer, at: caseload.clock.now())
        try group.updateNote(of: "P-0002") { (note: inout Note) throws(DomainError) in
            try note.addAddendum("Called her sponsor on Friday.", by: signer, at: caseload.clock.now())
        }
        try store.add(group, action: .sessionAdd, by: "mgarcia")
        var individual = ScratchCaseload.session("S-20261124-0900-bbbbbb", on: "2026-11-24", members: ["P-0001"])
        individual.kind = .individual
        try individual.writeNote(of: "P-0001", format: .free, section: "note", text: "NUNEZ family visit; cravings down.", by: "mgarcia", at: caseload.clock.now())
        try store.add(individual, action: .sessionAdd, by: "mgarcia")
        return caseload
    }

    func search(_ text: String, participant: ParticipantID? = nil, from: String? = nil, to: String? = nil) throws -> [NoteSearchHit] {
        let caseload = try Self.caseload()  // kept until the search is done: its scratch folder goes with it
        let result = caseload.store.searchNotes(
            NoteSearchQuery(text: text, participant: participant, from: from.map { try! LocalDate($0) }, through: to.map { try! LocalDate($0) }))
        #expect(result.damaged.isEmpty)
        return result.hits
    }

    @Test("case and accents are ignored both ways; newest session first")
    func foldsCaseAndAccents() throws {
        let hits = try search("CRAVING")
        #expect(hits.map(\.session) == ["S-20261124-0900-bbbbbb", "S-20261120-0900-aaaaaa"])
        #expect(try search("jose").map(\.participant) == ["P-0001"])
        #expect(try search("núñez").map(\.field) == ["Note"])
    }

    @Test("finds shared narratives, sections and addenda, naming where")
    func namesTheField() throws {
        let narrative = try #require(try search("urge surfing").first)
        #expect(narrative.participant == nil)
        #expect(narrative.field == "Shared narrative")
        let addendum = try #require(try search("sponsor").first)
        #expect(addendum.participant == "P-0002")
        #expect(addendum.field == "Addendum")
        #expect(addendum.date == (try LocalDate("2026-11-20")))
    }

    @Test("text that JSON escapes (quotes) is still found, and the excerpt is one line")
    func escapedText() throws {
        let hit = try #require(try search("\"halt\" check-ins").first)
        #expect(hit.field == "Plan")
        #expect(hit.excerpt == "Continue \"HALT\" check-ins next week.")
    }

    @Test("a long note gives an excerpt cut around the match")
    func excerptIsShort() throws {
        var folding = TextFolding()
        let text = String(repeating: "word ", count: 40) + "relapse plan" + String(repeating: " more", count: 40)
        let excerpt = try #require(Excerpt.around(folding.fold("relapse"), in: text, folding: &folding))
        #expect(excerpt.hasPrefix("…"))
        #expect(excerpt.hasSuffix("…"))
        #expect(excerpt.contains("relapse plan"))
        #expect(excerpt.count < 80)
    }

    @Test("the participant and date filters narrow the hits")
    func filters() throws {
        #expect(try search("craving", participant: "P-0002").isEmpty)
        #expect(try search("urge", participant: "P-0002").count == 1)  // the group narrative is part of their note
        #expect(try search("craving", from: "2026-11-23").map(\.session) == ["S-20261124-0900-bbbbbb"])
        #expect(try search("craving", to: "2026-11-22").map(\.session) == ["S-20261120-0900-aaaaaa"])
    }

    @Test("no match is an empty result; a damaged session file is named, not fatal")
    func noMatchAndDamage() throws {
        let caseload = try Self.caseload()
        #expect(caseload.store.searchNotes(NoteSearchQuery(text: "zebra")).hits.isEmpty)
        try caseload.scratch.plant("sessions/2026-W47/S-20261121-0900-cccccc.json", "{\"schemaVersion\": 1, \"id\": ")
        let result = caseload.store.searchNotes(NoteSearchQuery(text: "{"))
        #expect(result.damaged.map(\.file.relative) == ["sessions/2026-W47/S-20261121-0900-cccccc.json"])
    }

    @Test("a file that writes letters as \\u escapes is decoded and matched")
    func unicodeEscapes() throws {
        let caseload = try Self.caseload()
        let path = "sessions/2026-W47/S-20261120-0900-aaaaaa/narrative.json"
        let text = String(decoding: try #require(caseload.scratch.bytes(path)), as: UTF8.self)
        try caseload.scratch.plant(path, text.replacingOccurrences(of: "urge", with: "\\u0075rge"))
        #expect(caseload.store.searchNotes(NoteSearchQuery(text: "urge surfing")).hits.count == 1)
    }

    @Test("folding raw UTF-8 gives the same bytes as folding the text, across the fast paths")
    func byteFoldingAgrees() throws {
        var folding = TextFolding()
        let texts = [
            "Plain ASCII text, long enough for several words: ABCXYZ@[`{ az 0189 ~",
            "Núñez, José, Ærø, Łódź, ß straße ÀÉÎÕÜ ǅ Ωμέγα Кирилл",
            "민지 美小 ’quoted’ — “dashes” … 😀 emoji after ASCII ABCDEFGHIJKLMNOP",
            "ABCDEFG\u{1}É", "",
        ]
        for text in texts {
            let bytes = Array(text.utf8)
            let folded = bytes.withUnsafeBufferPointer { folding.fold(utf8: $0) }
            #expect(folded == folding.fold(text), "\(text)")
        }
    }

    @Test("the quick parse of a session's files reads what a full read reads, or declines")
    func quickParseAgreesWithDecode() throws {
        let caseload = try Self.caseload()
        let store = caseload.store
        for id in ["S-20261120-0900-aaaaaa", "S-20261124-0900-bbbbbb"] as [SessionID] {
            let path = try Session.relativePath(of: id)
            let bytes = Array(try #require(caseload.scratch.bytes(path)))
            var parsed = try SearchableSession(sessionFile: bytes, at: path, store: store)
            #expect(parsed == SearchableSession(Session(try store.decodeFiled(SessionFile.self, from: bytes, at: path), parts: SessionParts())))
            for part in try FileManager.default.contentsOfDirectory(atPath: caseload.scratch.path + "/" + Session.partsFolder(of: id)) {
                let relative = try Session.partsFolder(of: id) + "/" + part
                try parsed.lay(part: Array(try #require(caseload.scratch.bytes(relative))), at: relative, store: store)
            }
            #expect(parsed == SearchableSession(try store.session(id)))
            // Filed elsewhere, a newer schema, or broken: left to the full decode, which reports it.
            #expect(bytes.withUnsafeBufferPointer { SearchableSession(parsing: $0, at: "sessions/2026-W01/x.json") } == nil)
            let text = String(decoding: bytes, as: UTF8.self)
            let current = "\"schemaVersion\" : \(Session.schemaVersion)"
            for broken in [
                text.replacingOccurrences(of: current, with: "\"schemaVersion\" : \(Session.schemaVersion + 1)"),
                String(text.dropLast(3)), text.replacingOccurrences(of: "\"date\" : \"", with: "\"date\" : \"x"),
            ] {
                #expect(Array(broken.utf8).withUnsafeBufferPointer { SearchableSession(parsing: $0, at: path) } == nil)
            }
        }
        let note = "sessions/2026-W47/S-20261120-0900-aaaaaa/P-0002.json"
        let text = String(decoding: try #require(caseload.scratch.bytes(note)), as: UTF8.self)
        var session = try SearchableSession(
            sessionFile: Array(try #require(caseload.scratch.bytes("sessions/2026-W47/S-20261120-0900-aaaaaa.json"))),
            at: "sessions/2026-W47/S-20261120-0900-aaaaaa.json", store: store)
        for broken in [
            text.replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 2"), String(text.dropLast(3)),
            text.replacingOccurrences(of: "\"format\" : \"", with: "\"format\" : \"x"),
        ] {
            #expect(throws: StoreError.self) { try session.lay(part: Array(broken.utf8), at: note, store: store) }
        }
        // Filed under another member: declined by the parse, then refused by the decode.
        #expect(throws: StoreError.self) {
            try session.lay(part: Array(text.utf8), at: "sessions/2026-W47/S-20261120-0900-aaaaaa/P-0001.json", store: store)
        }
    }

    @Test("a session file older than schema 3 is searched with the notes it holds, and part files win")
    func olderSessionFile() throws {
        let caseload = try Self.caseload()
        let id: SessionID = "S-20261120-0900-aaaaaa"
        let session = try caseload.store.session(id)
        try OlderLayout.rewrite(session, in: caseload.scratch)
        #expect(try search("urge surfing", in: caseload).map(\.field) == ["Shared narrative"])
        #expect(try search("sponsor", in: caseload).map(\.participant) == ["P-0002"])
        // A save that stopped between writing a part file and rewriting the session file: the part is newer.
        let narrative = NarrativeFile(session: id, revision: session.revision, text: "Members practiced box breathing.", contributors: [])
        try caseload.scratch.plant(try narrative.relativePath(), String(decoding: try RecordCoding.encode(narrative, schemaVersion: 1), as: UTF8.self))
        // The note signed with the old narrative still holds it.
        #expect(try search("urge surfing", in: caseload).map(\.field) == ["Shared narrative as signed"])
        #expect(try search("box breathing", in: caseload).map(\.field) == ["Shared narrative"])
    }

    private func search(_ text: String, in caseload: ScratchCaseload) throws -> [NoteSearchHit] {
        let result = caseload.store.searchNotes(NoteSearchQuery(text: text))
        #expect(result.damaged.isEmpty)
        return result.hits
    }
}
#endif
