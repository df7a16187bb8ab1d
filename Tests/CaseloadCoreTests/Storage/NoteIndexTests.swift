#if canImport(CaseloadStorage)
// The note search index reads sessions, a domain type, so these tests build only inside CaseloadCore.
#else
@testable import CaseloadCore
import Foundation
import Testing

@Suite("Note search index")
struct NoteIndexTests {
    /// Texts in Spanish, Greek, Chinese, Korean and English, with the accents, capitals and
    /// punctuation a search has to see past.
    static let phrases = [
        "José Núñez kept a sleep log all week.", "NÚÑEZ family visit; cravings down.", "Ωμέγα group: Σοφία spoke first.",
        "σοφια asked about the court date.", "王小明 described the court date in detail.", "小明 kept his sleep log.",
        "김민지 practiced urge surfing.", "Straße, Ærø and Łódź came up.", "Review sleep log next session; continue group.",
        "The \"HALT\" check-ins\nhelped.", "Cravings 7/10 after the shift; called a sponsor.", "ÉMILE wrote a relapse plan.",
    ]
    static let queries = [
        "sleep log", "nunez", "NÚÑEZ", "court date", "σοφια", "ΣΟΦΊΑ", "王小明", "小明", "민지", "strasse", "aero", "lodz",
        "\"halt\" check-ins", "e", "7/10", "relapse plan", "zebra", "g: s", "emile",
    ]

    /// Sessions from 2026-10-05 on, groups of three, each member's note and the narrative drawn from `phrases`.
    static func caseload(sessions: Int = 24) throws -> ScratchCaseload {
        let caseload = try ScratchCaseload()
        let people: [ParticipantID] = ["P-0001", "P-0002", "P-0003", "P-0004", "P-0005"]
        for id in people { try caseload.store.add(ScratchCaseload.participant(id, admitted: "2026-10-01"), action: .participantAdd, by: "mgarcia") }
        for number in 0..<sessions {
            let date = LocalDate(year: 2026, month: 10, day: 5)!.adding(days: number * 2)
            let members = (0..<3).map { people[(number + $0) % people.count] }
            let id = SessionID("S-\(date.description.replacingOccurrences(of: "-", with: ""))-0900-\(Self.suffix(number))")
            var session = ScratchCaseload.session(id, on: date.description, members: members)
            if number % 3 != 0 { session.sharedNarrative = phrases[number % phrases.count] }
            for (position, member) in members.enumerated() where (number + position) % 4 != 0 {
                try session.writeNote(
                    of: member, format: .dap, section: ["data", "assessment", "plan"][position],
                    text: phrases[(number * 3 + position) % phrases.count], by: "mgarcia", at: caseload.clock.now())
            }
            try caseload.store.add(session, action: .sessionAdd, by: "mgarcia")
        }
        return caseload
    }

    /// "aaaaaa", "aaaaab", …: the random part of a session id.
    static func suffix(_ number: Int) -> String {
        "aaaa" + String(UnicodeScalar(UInt8(97 + number / 26))) + String(UnicodeScalar(UInt8(97 + number % 26)))
    }

    /// The search done the plain way: every session as the store loads it, every text folded and searched.
    static func scan(_ query: NoteSearchQuery, in store: CaseloadStore) -> [NoteSearchHit] {
        var folding = TextFolding()
        let needle = folding.fold(query.text)
        var hits: [NoteSearchHit] = []
        let sessions = store.allSessions().records.sorted { ($0.date, $0.id.rawValue) > ($1.date, $1.id.rawValue) }
        for session in sessions where query.from.map({ $0 <= session.date }) ?? true && query.through.map({ session.date <= $0 }) ?? true {
            let searched = SearchedSession(session)
            for text in searched.texts where query.participant.map({ searched.text(text, isFor: $0) }) ?? true {
                guard folding.fold(text.text).firstRange(of: needle) != nil else { continue }
                var scratch = TextFolding()
                hits.append(
                    NoteSearchHit(
                        session: session.id, date: session.date, participant: text.participant, field: text.field,
                        excerpt: Excerpt.around(needle, in: text.text, folding: &scratch)!))
            }
        }
        return hits
    }

    static func everyQuery() throws -> [NoteSearchQuery] {
        Self.queries.flatMap { text in
            [
                NoteSearchQuery(text: text), NoteSearchQuery(text: text, participant: "P-0002"),
                NoteSearchQuery(text: text, from: try! LocalDate("2026-10-20"), through: try! LocalDate("2026-11-10")),
            ]
        }
    }

    /// Moves the index out of the way, so the next search has to stand in for it.
    static func delete(_ caseload: ScratchCaseload) throws {
        try FileManager.default.removeItem(atPath: caseload.scratch.path + "/" + NoteIndex.relativePath)
    }

    @Test("results from the index equal a plain scan, across accents, Greek, Chinese, Korean and the filters")
    func indexEqualsScan() throws {
        let caseload = try Self.caseload()
        guard case .current = caseload.store.readNoteIndex() else {
            Issue.record("saves should have kept the index current")
            return
        }
        var matched = 0
        for query in try Self.everyQuery() {
            let result = caseload.store.searchNotes(query)
            let expected = Self.scan(query, in: caseload.store)
            #expect(result.hits == expected, "\(query)")
            #expect(result.indexNotice == nil)
            matched += expected.count
        }
        #expect(matched > 100, "the corpus should give the queries something to find")
    }

    @Test("a search without the index reads every session file and gives the same results")
    func rebuildEqualsIndex() throws {
        let caseload = try Self.caseload()
        for query in try Self.everyQuery() {
            let fromIndex = caseload.store.searchNotes(query).hits
            try Self.delete(caseload)
            let rebuilt = caseload.store.searchNotes(query)
            #expect(rebuilt.indexNotice == .rebuilt(.missing))
            #expect(rebuilt.hits == fromIndex, "\(query)")
        }
    }

    @Test("each save that changes a note brings the index up to date; the old text is no longer found")
    func savesKeepItCurrent() throws {
        let caseload = try Self.caseload(sessions: 3)
        let id: SessionID = "S-20261005-0900-aaaaaa"
        var session = try caseload.store.session(id)
        try session.writeNote(of: "P-0002", format: .dap, section: "assessment", text: "Trazodone helped; ΣΟΦΊΑ agreed.", by: "mgarcia", at: caseload.clock.now())
        session = try caseload.store.save(session, action: .sessionEdit, by: "mgarcia").record
        try session.writeNote(of: "P-0002", format: .dap, section: "assessment", text: "Melatonin instead.", by: "mgarcia", at: caseload.clock.now())
        let saved = try caseload.store.save(session, action: .sessionEdit, by: "mgarcia")
        #expect(saved.warnings.isEmpty)
        let found = caseload.store.searchNotes(NoteSearchQuery(text: "melatonin"))
        #expect(found.indexNotice == nil)
        #expect(found.hits.map(\.participant) == ["P-0002"])
        #expect(caseload.store.searchNotes(NoteSearchQuery(text: "trazodone")).hits.isEmpty)
        #expect(caseload.store.searchNotes(NoteSearchQuery(text: "σοφια")).hits == Self.scan(NoteSearchQuery(text: "σοφια"), in: caseload.store))
        // A save that changes no note text leaves the store's generation where it was.
        let generation = try caseload.store.noteIndexStoreGeneration()
        var attendance = saved.record
        attendance.members[0].attendance = Attendance(status: .late, minutesAttended: 60)
        _ = try caseload.store.save(attendance, action: .sessionEdit, by: "mgarcia")
        #expect(try caseload.store.noteIndexStoreGeneration() == generation)
    }

    @Test("a damaged or cut-short index is rebuilt by the next search, nothing lost")
    func damagedIndex() throws {
        let caseload = try Self.caseload(sessions: 6)
        let path = caseload.scratch.path + "/" + NoteIndex.relativePath
        let expected = Self.scan(NoteSearchQuery(text: "sleep log"), in: caseload.store)
        let intact = try Data(contentsOf: URL(fileURLWithPath: path))
        for damaged in [Data("not an index".utf8), intact.dropLast(5), intact.prefix(10), Data(), intact.prefix(30) + Data(repeating: 0xFF, count: 40)] {
            try damaged.write(to: URL(fileURLWithPath: path))
            let result = caseload.store.searchNotes(NoteSearchQuery(text: "sleep log"))
            #expect(result.indexNotice == .rebuilt(.damaged))
            #expect(result.hits == expected)
            guard case .current = caseload.store.readNoteIndex() else {
                Issue.record("the search should have saved a new index")
                continue
            }
        }
    }

    @Test("a generation behind the store's, or ahead of it, is out of date; the rebuild catches up")
    func generationMismatch() throws {
        let caseload = try Self.caseload(sessions: 4)
        let markers = caseload.scratch.path + "/index/"
        let generation = try caseload.store.noteIndexStoreGeneration()
        // One raise per file a session add writes: its own file, its narrative, each member's note.
        #expect(generation >= 4)
        #expect(caseload.scratch.names(in: "index").filter { $0.hasPrefix(NoteIndex.generationPrefix) } == ["note-search.generation-\(generation)"])

        // A save killed after raising the generation, before the record or the index.
        FileManager.default.createFile(atPath: markers + "note-search.generation-\(generation + 1)", contents: nil)
        guard case .outOfDate = caseload.store.readNoteIndex() else {
            Issue.record("an index behind the store must not be trusted")
            return
        }
        let behind = caseload.store.searchNotes(NoteSearchQuery(text: "court date"))
        #expect(behind.indexNotice == .rebuilt(.outOfDate))
        #expect(behind.hits == Self.scan(NoteSearchQuery(text: "court date"), in: caseload.store))

        // The store's markers lost (copied without them): the index claims more than the store.
        for name in caseload.scratch.names(in: "index") where name.hasPrefix(NoteIndex.generationPrefix) {
            try FileManager.default.removeItem(atPath: markers + name)
        }
        guard case .outOfDate = caseload.store.readNoteIndex() else {
            Issue.record("an index ahead of the store must not be trusted")
            return
        }
        #expect(caseload.store.searchNotes(NoteSearchQuery(text: "court date")).indexNotice == .rebuilt(.outOfDate))
        guard case .current = caseload.store.readNoteIndex() else {
            Issue.record("the rebuild should be current")
            return
        }
    }

    @Test("when the index cannot be rebuilt (another writer holds the lock), the search still answers and says so")
    func cannotRebuild() throws {
        let caseload = try Self.caseload(sessions: 4)
        try Self.delete(caseload)
        let lock = try caseload.store.folder.lockForWriting()
        let result = caseload.store.searchNotes(NoteSearchQuery(text: "sleep log"))
        lock.release()
        guard case .notRebuilt(.missing, _) = result.indexNotice else {
            Issue.record("expected a notice that the index was not rebuilt, got \(String(describing: result.indexNotice))")
            return
        }
        #expect(result.hits == Self.scan(NoteSearchQuery(text: "sleep log"), in: caseload.store))
        #expect(result.indexNotice?.description.contains("could not be saved") == true)
    }

    @Test("an index update that fails never fails the save; the next search rebuilds and finds the new text")
    func failedUpdateNeverBlocksASave() throws {
        for failing in [FileOperation.openForAppending, .createExclusive] {
            let fileSystem = FaultyFileSystem()
            let caseload = try ScratchCaseload(fileSystem: fileSystem)
            try caseload.store.add(ScratchCaseload.participant("P-0001"), action: .participantAdd, by: "mgarcia")
            var session = ScratchCaseload.session("S-20261120-0900-aaaaaa", on: "2026-11-20", members: ["P-0001"])
            session = try caseload.store.add(session, action: .sessionAdd, by: "mgarcia").record
            try session.writeNote(of: "P-0001", format: .dap, section: "data", text: "Ωμέγα trazodone", by: "mgarcia", at: caseload.clock.now())
            // The audit line opens for appending first, then the index; the generation marker is the first file created.
            fileSystem.fail(failing, onCall: fileSystem.calls(of: failing) + (failing == .openForAppending ? 2 : 1), with: EIO)
            let saved = try caseload.store.save(session, action: .sessionEdit, by: "mgarcia")
            #expect(saved.warnings.count == 1)
            #expect(saved.warnings.first?.description.contains("note search index could not be updated") == true)
            #expect(try caseload.store.session(session.id).members[0].note?.sections["data"] == "Ωμέγα trazodone")
            let result = caseload.store.searchNotes(NoteSearchQuery(text: "ΩΜΕΓΑ"))
            #expect(result.indexNotice == .rebuilt(failing == .openForAppending ? .outOfDate : .missing))
            #expect(result.hits.count == 1)
        }
    }

    @Test("once most of the index is superseded entries, a search compacts it; results stay the same")
    func compaction() throws {
        let caseload = try Self.caseload(sessions: 2)
        let id: SessionID = "S-20261005-0900-aaaaaa"
        let path = caseload.scratch.path + "/" + NoteIndex.relativePath
        var sizes: [Int] = []
        for round in 0..<12 {
            var session = try caseload.store.session(id)
            try session.writeNote(of: "P-0002", format: .dap, section: "assessment", text: "Round \(round): Łódź sleep log", by: "mgarcia", at: caseload.clock.now())
            _ = try caseload.store.save(session, action: .sessionEdit, by: "mgarcia")
            let query = NoteSearchQuery(text: "lodz sleep log")
            #expect(caseload.store.searchNotes(query).hits == Self.scan(query, in: caseload.store))
            sizes.append(try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int)
        }
        #expect(zip(sizes, sizes.dropFirst()).contains { $0 > $1 }, "the index should have shrunk at least once: \(sizes)")
        guard case .current(let contents, _) = caseload.store.readNoteIndex() else {
            Issue.record("a compacted index stays current")
            return
        }
        #expect(contents.supersededBytes <= contents.bytes.count / 2)
    }

    @Test("check reports the index's size, a missing or mismatched index, and --repair rebuilds it")
    func checkAndRepair() throws {
        let caseload = try Self.caseload(sessions: 5)
        let healthy = try caseload.store.check()
        #expect(healthy.isHealthy)
        #expect(healthy.noteIndex?.sessions == 5)
        #expect(healthy.noteIndex?.description.hasPrefix("index/note-search: ") == true)

        // A session file edited outside Caseload: no save raised the generation, so only check can see it.
        let edited = try #require(Self.scan(NoteSearchQuery(text: "sleep log"), in: caseload.store).first).session
        // The text is in one of the session's note or narrative files, beside its own file.
        let parts = try Session.partsFolder(of: edited)
        let file = try #require(
            caseload.scratch.names(in: parts).map { parts + "/" + $0 }.first { name in
                String(decoding: caseload.scratch.bytes(name) ?? [], as: UTF8.self).contains("sleep log")
            })
        let text = String(decoding: try #require(caseload.scratch.bytes(file)), as: UTF8.self)
        try caseload.scratch.plant(file, text.replacingOccurrences(of: "sleep log", with: "sleep diary"))
        let report = try caseload.store.check()
        #expect(report.findings.map(\.file) == [NoteIndex.relativePath])
        #expect(report.findings.first?.description.contains(edited.rawValue) == true)
        let repaired = try caseload.store.check(repair: true)
        #expect(repaired.isHealthy)
        #expect(repaired.repairs == ["Rebuilt index/note-search from the session files."])
        #expect(!caseload.store.searchNotes(NoteSearchQuery(text: "sleep diary")).hits.isEmpty)

        try Self.delete(caseload)
        #expect(try caseload.store.check().findings.first?.description.contains("is missing") == true)
        #expect(try caseload.store.check(repair: true).isHealthy)
        let mode = try FileManager.default.attributesOfItem(atPath: caseload.scratch.path + "/" + NoteIndex.relativePath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
#endif
