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

    @Test("the plain-ASCII excerpts, from the text or from the index's folded offset, give exactly what the general one gives")
    func asciiExcerptAgrees() throws {
        var random = DemoRandom(seed: 7, .week)
        let pieces = ["sleep", "log", " ", "  ", "\t", "\n", "\u{0B}", "\u{0C}", "Court", "date", ",", "HALT", "x", "\u{1C}", "\r\n", "Éx"]
        var folding = TextFolding()
        var fromIndex = 0
        for _ in 0..<2_000 {
            let text = (0..<random.int(0...40)).map { _ in random.pick(pieces) }.joined()
            let foldedText = folding.fold(text)
            for needle in ["sleep log", "court", "e", "halt x", " ", "zebra"] {
                let folded = folding.fold(needle)
                let general = Excerpt.aroundAnyText(folded, in: text, folding: &folding)
                #expect(Excerpt.around(folded, in: text, folding: &folding) == general, "\(text.debugDescription)")
                // As a search from the index cuts it: at the match the folded text gives, or nil when the text is not plain ASCII.
                guard let match = foldedText.withUnsafeBufferPointer({ ByteSearch.firstOffset(of: folded, in: $0) }) else {
                    #expect(general == nil)
                    continue
                }
                var bytes = text
                let indexed = bytes.withUTF8 { Excerpt.around(folded.count, in: $0, foldedMatch: match, foldedCount: foldedText.count) }
                if let indexed {
                    #expect(indexed == general, "\(text.debugDescription)")
                    fromIndex += 1
                } else {
                    #expect(text.utf8.contains { $0 >= 0x80 || $0 == 0x0D })
                }
            }
        }
        #expect(fromIndex > 300)
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
        // Planted behind Caseload's back: the index learns of it when rebuilt, and names it from then on.
        _ = try caseload.store.check(repair: true)
        for _ in 0..<2 {
            let result = caseload.store.searchNotes(NoteSearchQuery(text: "{"))
            #expect(result.damaged.map(\.file.relative) == ["sessions/2026-W47/S-20261121-0900-cccccc.json"])
            #expect(result.indexNotice == nil)
        }
        // Gone (or restored): the index knows it has not seen that file's notes, and rebuilds.
        try FileManager.default.removeItem(atPath: caseload.scratch.path + "/sessions/2026-W47/S-20261121-0900-cccccc.json")
        let restored = caseload.store.searchNotes(NoteSearchQuery(text: "urge"))
        #expect(restored.indexNotice == .rebuilt(.outOfDate))
        #expect(restored.damaged.isEmpty && restored.hits.count == 1)
    }

    @Test("a file that writes letters as \\u escapes is decoded and matched")
    func unicodeEscapes() throws {
        let caseload = try Self.caseload()
        let path = "sessions/2026-W47/S-20261120-0900-aaaaaa/narrative.json"
        let text = String(decoding: try #require(caseload.scratch.bytes(path)), as: UTF8.self)
        try caseload.scratch.plant(path, text.replacingOccurrences(of: "urge", with: "\\u0075rge"))
        try FileManager.default.removeItem(atPath: caseload.scratch.path + "/" + NoteIndex.relativePath)
        let result = caseload.store.searchNotes(NoteSearchQuery(text: "urge surfing"))
        #expect(result.indexNotice == .rebuilt(.missing))
        #expect(result.hits.count == 1)
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

    @Test("a session file older than schema 3 is searched with the notes it holds, and part files win")
    func olderSessionFile() throws {
        let caseload = try Self.caseload()
        let id: SessionID = "S-20261120-0900-aaaaaa"
        let session = try caseload.store.session(id)
        try OlderLayout.rewrite(session, in: caseload.scratch)
        // Rewritten behind Caseload's back: without the index, the search reads the files as they are.
        try removeIndex(of: caseload)
        #expect(try search("urge surfing", in: caseload).map(\.field) == ["Shared narrative"])
        #expect(try search("sponsor", in: caseload).map(\.participant) == ["P-0002"])
        // A save that stopped between writing a part file and rewriting the session file: the part is newer.
        let narrative = NarrativeFile(session: id, revision: session.revision, text: "Members practiced box breathing.", contributors: [])
        try caseload.scratch.plant(try narrative.relativePath(), String(decoding: try RecordCoding.encode(narrative, schemaVersion: 1), as: UTF8.self))
        try removeIndex(of: caseload)
        // The note signed with the old narrative still holds it.
        #expect(try search("urge surfing", in: caseload).map(\.field) == ["Shared narrative as signed"])
        #expect(try search("box breathing", in: caseload).map(\.field) == ["Shared narrative"])
    }

    @Test("saving a member's note, the narrative or an addendum, each a file of its own, keeps the index current")
    func partSavesUpdateTheIndex() throws {
        let caseload = try Self.caseload()
        let store = caseload.store
        let id: SessionID = "S-20261120-0900-aaaaaa"
        var session = try store.session(id)
        try session.writeNote(of: "P-0001", format: .dap, section: "plan", text: "Court date on Friday.", by: "mgarcia", at: caseload.clock.now())
        session.sharedNarrative = "Members practiced box breathing."
        _ = try store.save(session, changing: [.note("P-0001"), .narrative], action: .noteWrite, by: "mgarcia")
        session = try store.session(id)
        let signer = Staff(id: "mgarcia", displayName: "Maria Garcia", credentials: "LCSW", role: .counselor, revision: session.revision)
        try session.updateNote(of: "P-0002") { (note: inout Note) throws(DomainError) in
            try note.addAddendum("Asked about the court date.", by: signer, at: caseload.clock.now())
        }
        _ = try store.save(session, changing: [.note("P-0002")], action: .noteAddendum, by: "mgarcia")
        for text in ["court date", "box breathing", "urge surfing"] {
            let result = store.searchNotes(NoteSearchQuery(text: text))
            #expect(result.indexNotice == nil, "\(text)")
            #expect(result.hits == NoteIndexTests.scan(NoteSearchQuery(text: text), in: store), "\(text)")
        }
        #expect(store.searchNotes(NoteSearchQuery(text: "court date")).hits.map(\.participant) == ["P-0001", "P-0002"])
        #expect(try store.check().isHealthy)
    }

    private func removeIndex(of caseload: ScratchCaseload) throws {
        try FileManager.default.removeItem(atPath: caseload.scratch.path + "/" + NoteIndex.relativePath)
    }

    private func search(_ text: String, in caseload: ScratchCaseload) throws -> [NoteSearchHit] {
        let result = caseload.store.searchNotes(NoteSearchQuery(text: text))
        #expect(result.damaged.isEmpty)
        return result.hits
    }
}
#endif
