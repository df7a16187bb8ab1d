#if canImport(CaseloadStorage)
@testable import CaseloadStorage
#else
@testable import CaseloadCore
#endif
import Foundation
import Glibc
import Testing

/// A damaged file planted in a data folder and what reading it must say.
struct DamageCase: CustomTestStringConvertible, Sendable {
    let name: String
    let plant: @Sendable (ScratchFolder) throws -> Void
    let damage: RecordProblem
    let message: String

    var testDescription: String { name }

    static let valid = try! String(decoding: RecordCoding.encode(SampleRecord.example, schemaVersion: 1), as: UTF8.self)
}

@Suite("Reading damaged records")
struct RecordReaderTests {
    static let file = "participants/P-0042.json"

    static let cases: [DamageCase] = [
        DamageCase(
            name: "empty", plant: { try $0.plant(file, "") }, damage: .empty,
            message: "participants/P-0042.json is empty; restore it from a backup; Caseload has not changed it."),
        DamageCase(
            name: "truncated", plant: { try $0.plant(file, String(DamageCase.valid.prefix(60))) },
            damage: .invalidJSON(line: 4, column: 12, problem: .unexpectedEnd),
            message: "participants/P-0042.json ends unexpectedly at line 4, column 12, as if it was cut short; "
                + "restore it from a backup; Caseload has not changed it."),
        DamageCase(
            name: "invalid UTF-8",
            plant: { try $0.plant(file, Array("{\n  \"name\" : \"Zebulon ".utf8) + [0xC3, 0x28] + Array("\"\n}\n".utf8)) },
            damage: .invalidUTF8(line: 2, column: 21),
            message: "participants/P-0042.json is not UTF-8 text (line 2, column 21); restore it from a backup; "
                + "Caseload has not changed it."),
        DamageCase(
            name: "invalid JSON", plant: { try $0.plant(file, "{\n  \"schemaVersion\" : 1,\n  \"name\" Zebulon\n}\n") },
            damage: .invalidJSON(line: 3, column: 10, problem: .expected("':' after a field name")),
            message: "participants/P-0042.json is not valid JSON at line 3, column 10: expected ':' after a field name; "
                + "restore it from a backup; Caseload has not changed it."),
        DamageCase(
            name: "wrong type",
            plant: { try $0.plant(file, DamageCase.valid.replacingOccurrences(of: "\"score\" : 14", with: "\"score\" : \"Zebulon\"")) },
            damage: .wrongType(path: "score", expected: "a whole number"),
            message: "participants/P-0042.json has the wrong kind of value in \"score\" (expected a whole number); "
                + "restore it from a backup; Caseload has not changed it."),
        DamageCase(
            name: "missing field",
            plant: { try $0.plant(file, DamageCase.valid.replacingOccurrences(of: "\"score\" : 14,\n", with: "")) },
            damage: .missingField(path: "score"),
            message: "participants/P-0042.json lacks the required field \"score\"; restore it from a backup; "
                + "Caseload has not changed it."),
        DamageCase(
            name: "duplicate key",
            plant: { try $0.plant(file, DamageCase.valid.replacingOccurrences(of: "\"score\" : 14,", with: "\"score\" : 14,\n  \"score\" : 27,")) },
            damage: .duplicateField(name: "score", line: 7),
            message: "participants/P-0042.json has the field \"score\" twice (the second at line 7); "
                + "restore it from a backup; Caseload has not changed it."),
        DamageCase(
            name: "future schemaVersion",
            plant: { try $0.plant(file, DamageCase.valid.replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 7")) },
            damage: .newerSchemaVersion(found: 7, newestSupported: 1),
            message: "participants/P-0042.json was written by a newer Caseload (schema version 7; this one reads up to 1); "
                + "update Caseload on this computer to open it; the file was left unchanged."),
        DamageCase(
            name: "missing schemaVersion",
            plant: { try $0.plant(file, DamageCase.valid.replacingOccurrences(of: "\"schemaVersion\" : 1,\n", with: "")) },
            damage: .missingSchemaVersion,
            message: "participants/P-0042.json has no schemaVersion, so Caseload cannot tell how to read it; "
                + "restore it from a backup; Caseload has not changed it."),
        DamageCase(
            name: "top level not an object", plant: { try $0.plant(file, "[\"Zebulon\"]\n") }, damage: .notAnObject,
            message: "participants/P-0042.json does not hold a Caseload record (its top level is not a JSON object); "
                + "restore it from a backup; Caseload has not changed it."),
        DamageCase(
            name: "oversize",
            plant: { scratch in
                try scratch.plant(file, "{")
                truncate(scratch.path + "/" + file, 100_000_000)  // sparse: costs no disk space
            },
            damage: .tooLarge(bytes: 100_000_000),
            message: "participants/P-0042.json is 100 MB, larger than any Caseload record; it was not read; "
                + "move it out of the data folder or restore the real record from a backup."),
        DamageCase(
            name: "symbolic link",
            plant: { scratch in
                try scratch.plant("elsewhere.json", DamageCase.valid)
                try scratch.plant("participants/.keep", "")
                symlink(scratch.path + "/elsewhere.json", scratch.path + "/" + file)
            },
            damage: .symbolicLink,
            message: "participants/P-0042.json is a symbolic link; Caseload does not follow links in its data folder; "
                + "replace the link with the file it points to; the link was left unchanged."),
        DamageCase(
            name: "hard link",
            plant: { scratch in
                try scratch.plant(file, DamageCase.valid)
                link(scratch.path + "/" + file, scratch.path + "/second-name.json")
            },
            damage: .hardLinked(links: 2),
            message: "participants/P-0042.json has 2 names (hard links), so changing it here would silently change it "
                + "elsewhere; replace it with a plain copy of itself; the file was left unchanged."),
        DamageCase(
            name: "folder", plant: { scratch in try FileManager.default.createDirectory(atPath: scratch.path + "/" + file, withIntermediateDirectories: true) },
            damage: .notARegularFile,
            message: "participants/P-0042.json is not a regular file; move it out of the data folder or restore the "
                + "real record from a backup."),
    ]

    @Test("each kind of damage is named, explained, leaks no content and leaves the file alone", arguments: cases)
    func damageIsReported(_ damageCase: DamageCase) throws {
        let scratch = try ScratchFolder()
        try damageCase.plant(scratch)
        let before = scratch.fingerprint(Self.file)
        let contentBefore = scratch.bytes(Self.file)

        let error = #expect(throws: StoreError.self) {
            try RecordReader().readRecordIfPresent(SampleRecord.self, at: scratch.store(Self.file), newestSchemaVersion: 1)
        }

        #expect(error == .damaged(scratch.store(Self.file), damageCase.damage))
        #expect(error?.description == damageCase.message)
        #expect(error?.description.contains(SampleRecord.secretMarker) == false)
        #expect(scratch.fingerprint(Self.file) == before)
        #expect(scratch.bytes(Self.file) == contentBefore)
    }

    @Test("a valid record reads back with its schema version")
    func validRecordReads() throws {
        let scratch = try ScratchFolder()
        try scratch.plant(Self.file, DamageCase.valid)
        let decoded = try RecordReader().readRecordIfPresent(SampleRecord.self, at: scratch.store(Self.file), newestSchemaVersion: 2)
        #expect(decoded?.record == SampleRecord.example)
        #expect(decoded?.schemaVersion == 1)
    }

    @Test("a missing file reads as nil, not as an error")
    func missingFileIsNil() throws {
        let scratch = try ScratchFolder()
        #expect(try RecordReader().readIfPresent(scratch.store(Self.file)) == nil)
    }

    @Test("an I/O error while reading is reported as a read failure", arguments: [FileOperation.openForReading, .read, .status])
    func readFailure(operation: FileOperation) throws {
        let scratch = try ScratchFolder()
        try scratch.plant(Self.file, DamageCase.valid)
        let faulty = FaultyFileSystem()
        faulty.fail(operation, with: EIO)
        let error = #expect(throws: StoreError.self) {
            try RecordReader(fileSystem: faulty).readIfPresent(scratch.store(Self.file))
        }
        #expect(error == .readFailed(scratch.store(Self.file), .deviceError))
        #expect(error?.description.hasPrefix("Could not read participants/P-0042.json because the disk reported") == true)
    }

    @Test("a file exactly at the size limit is read")
    func fileAtLimitIsRead() throws {
        let scratch = try ScratchFolder()
        try scratch.plant("big.json", [UInt8](repeating: 0x20, count: 64))
        let bytes = try RecordReader().readIfPresent(scratch.store("big.json"), limit: 64)
        #expect(bytes?.count == 64)
        #expect(throws: StoreError.damaged(scratch.store("big.json"), .tooLarge(bytes: 64))) {
            try RecordReader().readIfPresent(scratch.store("big.json"), limit: 63)
        }
    }
}
