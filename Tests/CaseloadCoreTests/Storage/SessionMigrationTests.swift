@testable import CaseloadCore
import Foundation
import Testing

@Suite("Session files older than schema 3: read as they are, moved apart on the first write")
struct SessionMigrationTests {
    typealias Fixture = UseCaseCaseload

    /// A group with its narrative and two notes, rewritten as one schema 2 file.
    static func olderGroup(_ fixture: Fixture) throws -> (SessionID, Session) {
        let id = try fixture.groupReadyToSign()
        let original = try fixture.store.session(id)
        try OlderLayout.rewrite(original, in: fixture.scratch)
        return (id, original)
    }

    @Test("an older file reads as the same session, its notes and narrative sharing its revision")
    func readsAsItWas() throws {
        let fixture = try Fixture()
        let (id, original) = try Self.olderGroup(fixture)
        #expect(fixture.scratch.names(in: "sessions/2026-W47") == ["\(id).json"])
        let read = try fixture.store.session(id)
        #expect(SessionMigration.content(read) == SessionMigration.content(original))
        #expect(read.narrativeRevision == read.revision)
        #expect(read.members.map(\.noteRevision) == [read.revision, read.revision])
        #expect(try fixture.store.check().isHealthy)
    }

    @Test("the first write moves the notes and narrative out as they are, rewrites the session file, then writes")
    func firstWriteMigrates() throws {
        let fixture = try Fixture()
        let (id, original) = try Self.olderGroup(fixture)
        // An editor opened the older file: its note is the file's revision, and still current after the move.
        let base = try fixture.store.session(id).editBase(of: .note("P-0002"))
        _ = try fixture.caseload.writeNote(in: id, for: "P-0001", sections: ["plan": "Keep a sleep log."], by: "mgarcia")

        let file = try #require(fixture.scratch.bytes("sessions/2026-W47/\(id).json"))
        #expect(try RecordCoding.schemaVersion(of: file) == 3)
        #expect(fixture.scratch.names(in: "sessions/2026-W47/\(id)") == ["P-0001.json", "P-0002.json", "narrative.json"])
        #expect(
            try SessionFilesTests.lines(fixture).suffix(4) == [
                "record.migrate narrative \(id) 1", "record.migrate note \(id).P-0002 1", "record.migrate session \(id) 2",
                "note.write note \(id).P-0001 2",
            ])
        var expected = original
        try expected.writeNote(of: "P-0001", format: .dap, section: "plan", text: "Keep a sleep log.", by: "mgarcia", at: Fixture.now)
        let read = try fixture.store.session(id)
        #expect(SessionMigration.content(read) == SessionMigration.content(expected))
        #expect(read.editBase(of: .note("P-0002")) == base)
        _ = try fixture.caseload.writeNote(
            in: id, for: "P-0002", sections: ["plan": "Attend two meetings."], startedFrom: base, by: "mgarcia")
        #expect(try fixture.store.check().isHealthy)
    }

    @Test("a save stopped between the part files and the session file leaves both; part files win, and the next save finishes")
    func stoppedBetweenPartsAndSessionFile() throws {
        let faulty = FaultyFileSystem()
        let fixture = try Fixture(fileSystem: faulty)
        let (id, original) = try Self.olderGroup(fixture)
        // The narrative's and P-0002's files are renamed into place; the session file's rename fails.
        faulty.fail(.rename, onCall: faulty.calls(of: .rename) + 3, with: EIO)
        #expect(throws: CaseloadError.self) {
            try fixture.caseload.writeNote(in: id, for: "P-0001", sections: ["plan": "Keep a sleep log."], by: "mgarcia")
        }
        #expect(fixture.scratch.names(in: "sessions/2026-W47/\(id)") == ["P-0002.json", "narrative.json"])
        #expect(try RecordCoding.schemaVersion(of: try #require(fixture.scratch.bytes("sessions/2026-W47/\(id).json"))) == 2)
        #expect(SessionMigration.content(try fixture.store.session(id)) == SessionMigration.content(original))
        #expect(try fixture.store.check().isHealthy)

        // Should a part file hold something newer than the older session file, readers take the part.
        var newer = try #require(try fixture.store.sessionWithParts(id).parts.notes["P-0002"])
        newer.note.sections["plan"] = "Attend two meetings."
        try fixture.scratch.plant(try newer.relativePath(), try RecordCoding.encode(newer, schemaVersion: 1))
        #expect(try fixture.store.session(id).member("P-0002")?.note?.sections["plan"] == "Attend two meetings.")

        _ = try fixture.caseload.writeNote(in: id, for: "P-0001", sections: ["plan": "Keep a sleep log."], by: "mgarcia")
        let read = try fixture.store.session(id)
        #expect(read.member("P-0001")?.note?.sections["plan"] == "Keep a sleep log.")
        #expect(read.member("P-0002")?.note?.sections["plan"] == "Attend two meetings.")
        #expect(try RecordCoding.schemaVersion(of: try #require(fixture.scratch.bytes("sessions/2026-W47/\(id).json"))) == 3)
    }

    @Test("a whole demo rewritten in the older layout reads the same, and every session touched once equals the original with that change")
    func demoMigrates() throws {
        try Self.prove(DemoCaseload.Options(participants: 24, weeks: 2, today: DemoRun.today), sampleEvery: 1)
    }

    @Test(
        "the ten-year caseload migrates the same way (CASELOAD_LONG_FAULT_TESTS=1)",
        .enabled(if: ProcessInfo.processInfo.environment["CASELOAD_LONG_FAULT_TESTS"] == "1"))
    func tenYearsMigrate() throws {
        let sample = Int(ProcessInfo.processInfo.environment["CASELOAD_MIGRATION_SAMPLE"] ?? "") ?? 1
        try Self.prove(DemoCaseload.Options(participants: 3000, weeks: 520, seed: 1, today: DemoRun.today), sampleEvery: sample)
    }

    /// Writes the demo, rewrites it in the older layout, and checks it reads the same; touches every
    /// `sampleEvery`-th session (in id order) and checks each reads as the original with its change,
    /// the others unchanged, and that `check` is healthy. Prints how long each step took.
    static func prove(_ options: DemoCaseload.Options, sampleEvery: Int) throws {
        let clock = ContinuousClock()
        var started = clock.now
        func step(_ name: String) {
            print("Migration proof, \(options.participants) participants over \(options.weeks) weeks: \(name) in \(clock.now - started)")
            started = clock.now
        }
        let proof = try SessionMigration(options)
        let original = proof.sessions()
        step("wrote the demo (\(original.count) sessions)")
        try proof.rewriteInOlderLayout()
        step("rewrote every session as schema 2")
        let older = proof.sessions()
        #expect(older.count == original.count)
        for (id, session) in original {
            #expect(older[id].map(SessionMigration.content) == SessionMigration.content(session), "\(id) read from the older file")
        }
        #expect(try proof.store.check().isHealthy)
        step("read every session back and checked the caseload")
        var expected = older
        for (index, id) in original.keys.sorted().enumerated() where index % sampleEvery == 0 {
            expected[id] = try proof.touch(older[id]!)
        }
        step("touched \((original.count + sampleEvery - 1) / sampleEvery) sessions through use cases")
        let migrated = proof.sessions()
        #expect(migrated.count == original.count)
        for (id, session) in expected {
            #expect(migrated[id].map(SessionMigration.content) == SessionMigration.content(session), "\(id) after the first write")
        }
        let report = try proof.store.check()
        #expect(report.isHealthy, "\(report.findings.prefix(5).map(\.description))")
        step("read every session back and checked the caseload (\(report.recordsChecked) record files)")
    }
}
