#if canImport(CaseloadStorage)
@testable import CaseloadStorage
#else
@testable import CaseloadCore
#endif
import Foundation
import Glibc
import Testing

@Suite("Audit log")
struct AuditLogTests {
    let at = Date(timeIntervalSince1970: 1_795_395_900)  // 2026-11-23T01:05:00Z
    let entry = AuditEntry(
        action: AuditAction("checkin.add"), at: Date(timeIntervalSince1970: 1_795_395_900.75),
        record: AuditIdentifier("C-20261123-k3x9qa")!, staff: AuditIdentifier("mgarcia")!)

    @Test("an append writes one compact line with ids only, in a 0600 file of a 0700 folder")
    func appendWritesOneLine() throws {
        let scratch = try ScratchFolder()
        let folder = try scratch.dataFolder()
        let lock = try folder.lockForWriting()
        let log = AuditLog(dataFolder: folder)

        try log.append(entry, holding: lock)
        try log.append(entry, holding: lock)

        let first = #"{"action":"checkin.add","at":"2026-11-23T01:05:00Z","line":1,"record":"C-20261123-k3x9qa","staff":"mgarcia"}"#
        let second = #"{"action":"checkin.add","at":"2026-11-23T01:05:00Z","line":2,"previous":""#
            + AuditChain.hash(Array(first.utf8)) + #"","record":"C-20261123-k3x9qa","staff":"mgarcia"}"#
        #expect(scratch.bytes("audit/2026-11.jsonl") == Array((first + "\n" + second + "\n").utf8))
        #expect(scratch.permissions("audit/2026-11.jsonl") == 0o600)
        #expect(scratch.permissions("audit") == 0o700)
        #expect(try log.months() == [AuditMonth(fileName: "2026-11.jsonl")!])
        #expect(try log.read(AuditMonth(containing: at)).entries.map(\.line) == [1, 2])
    }

    @Test("identifiers refuse anything that could be a name or a note", arguments: [
        "Zebulon Quill", "", "a note, with words", String(repeating: "x", count: 65), "../etc", ".hidden", "José",
    ])
    func identifiersRefuseText(text: String) {
        #expect(AuditIdentifier(text) == nil)
    }

    @Test("identifiers accept Caseload's ids", arguments: ["P-0001", "mgarcia", "S-20261120-0900-k3x9qa", "m.garcia_2"])
    func identifiersAcceptIds(text: String) {
        #expect(AuditIdentifier(text)?.rawValue == text)
    }

    @Test("the entry type has no field that could carry a name or text")
    func entryHasOnlyIdentifierFields() throws {
        var full = AuditEntry(
            action: entry.action, at: entry.at, record: entry.record, staff: entry.staff, kind: AuditIdentifier("checkin"),
            revision: 3)
        full.line = 7
        full.previous = AuditChain.hash([0x7B])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(AuditLog.encodeLine(full))) as? [String: Any])
        #expect(Set(object.keys) == ["action", "at", "kind", "line", "previous", "record", "revision", "staff"])
        // Numbers, and strings that are ids, a fixed action, a time or a hex digest: none has a space to hold a sentence.
        #expect(object.values.allSatisfy { $0 is Int || ($0 as? String)?.contains(" ") == false })
    }

    @Test("a torn last line is skipped, reported, and the next append starts on a fresh line")
    func tornLastLine() throws {
        let scratch = try ScratchFolder()
        let good = String(decoding: AuditLog.encodeLine(entry), as: UTF8.self)
        try scratch.plant("audit/2026-11.jsonl", good + #"{"action":"checkin.add","at":"2026-11-2"#)
        let folder = try scratch.dataFolder()
        let log = AuditLog(dataFolder: folder)
        let month = AuditMonth(containing: at)

        let torn = try log.read(month)
        #expect(torn.entries == [entry])
        #expect(torn.unreadableLines == [2])
        #expect(torn.lastLineIsTorn)
        #expect(
            folder.inspect() == [.unreadableAuditLines(folder.path("audit/2026-11.jsonl"), lines: [2], lastLineIsTorn: true)])
        #expect(
            folder.inspect().first?.description
                == "The last line of audit/2026-11.jsonl is incomplete, left by a save that was interrupted; it is "
                + "skipped and the log continues after it.")

        try log.append(entry, holding: try folder.lockForWriting())

        let repaired = try log.read(month)
        #expect(repaired.entries.first == entry)
        #expect(repaired.entries.last?.line == 3)
        #expect(repaired.entries.last?.previous == AuditChain.hash(Array(#"{"action":"checkin.add","at":"2026-11-2"#.utf8)))
        #expect(repaired.unreadableLines == [2])
        #expect(!repaired.lastLineIsTorn)
    }

    @Test("a failed append names the audit file and the reason", arguments: [FileOperation.write, .sync, .openForAppending])
    func failedAppend(operation: FileOperation) throws {
        let scratch = try ScratchFolder()
        let faulty = FaultyFileSystem()
        let folder = try scratch.dataFolder(faulty)
        let lock = try folder.lockForWriting()
        faulty.fail(operation, with: ENOSPC)

        let error = #expect(throws: StoreError.self) { try AuditLog(dataFolder: folder).append(entry, holding: lock) }

        #expect(error == .auditAppendFailed(folder.path("audit/2026-11.jsonl"), .diskFull))
        #expect(error?.description.hasPrefix("Could not add to the audit log audit/2026-11.jsonl because the disk is full") == true)
    }

    @Test("months come from UTC", arguments: [
        (1_793_491_199.0, "2026-10"), (1_793_491_200.0, "2026-11"), (1_798_761_599.0, "2026-12"),
    ])
    func monthsAreUTC(seconds: Double, month: String) {
        #expect(AuditMonth(containing: Date(timeIntervalSince1970: seconds)).description == month)
    }
}
