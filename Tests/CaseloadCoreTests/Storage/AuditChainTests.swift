#if canImport(CaseloadStorage)
@testable import CaseloadStorage
#else
@testable import CaseloadCore
#endif
import Foundation
import Testing

@Suite("Audit chain")
struct AuditChainTests {
    static let november = Date(timeIntervalSince1970: 1_795_395_900)  // 2026-11-23T01:05:00Z
    static let december = Date(timeIntervalSince1970: 1_796_083_200)  // 2026-12-01T00:00:00Z
    static let file = "audit/2026-11.jsonl"

    static func entry(_ record: String, at time: Date = november) -> AuditEntry {
        AuditEntry(
            action: .checkInAdd, at: time, record: AuditIdentifier(record)!, staff: AuditIdentifier("mgarcia")!,
            kind: CheckIn.auditKind, revision: 1)
    }

    /// A log of four lines in November, verified intact before each test changes it.
    private func fourLines() throws -> (ScratchFolder, AuditLog) {
        let scratch = try ScratchFolder()
        let folder = try scratch.dataFolder()
        let log = AuditLog(dataFolder: folder)
        let lock = try folder.lockForWriting()
        for number in 1...4 { try log.append(Self.entry("C-\(number)"), holding: lock) }
        lock.release()
        #expect(try log.verify() == AuditVerification(linesChecked: 4, filesChecked: 1, unchainedLines: 0, firstBreak: nil))
        return (scratch, log)
    }

    private func rewrite(_ scratch: ScratchFolder, _ change: (inout [String]) -> Void) throws {
        var lines = String(decoding: scratch.bytes(Self.file)!, as: UTF8.self).split(separator: "\n").map(String.init)
        change(&lines)
        try scratch.plant(Self.file, lines.joined(separator: "\n") + "\n")
    }

    @Test("each line carries its number and the hash of the line before it")
    func linesAreChained() throws {
        let (scratch, log) = try fourLines()
        let entries = try log.read(AuditMonth(containing: Self.november)).entries
        let lines = String(decoding: scratch.bytes(Self.file)!, as: UTF8.self).split(separator: "\n")
        #expect(entries.map(\.line) == [1, 2, 3, 4])
        #expect(entries[0].previous == nil)
        #expect(entries[2].previous == AuditChain.hash(Array(lines[1].utf8)))
    }

    @Test("an edited line is named")
    func editedLine() throws {
        let (scratch, log) = try fourLines()
        try rewrite(scratch) { $0[1] = $0[1].replacingOccurrences(of: "mgarcia", with: "jlee") }
        let found = try log.verify().firstBreak
        #expect(found == AuditBreak(file: scratch.store(Self.file), line: 2, kind: .edited))
        #expect(
            found?.description == "audit/2026-11.jsonl line 2 was changed after it was written (the line after it no "
                + "longer matches it); keep the audit folder as it is and tell your privacy officer.")
    }

    @Test("a deleted line is named")
    func deletedLine() throws {
        let (scratch, log) = try fourLines()
        try rewrite(scratch) { $0.remove(at: 1) }
        #expect(try log.verify().firstBreak == AuditBreak(file: scratch.store(Self.file), line: 2, kind: .deleted(writtenAs: 3)))
    }

    @Test("swapped lines are named")
    func swappedLines() throws {
        let (scratch, log) = try fourLines()
        try rewrite(scratch) { $0.swapAt(1, 2) }
        #expect(try log.verify().firstBreak == AuditBreak(file: scratch.store(Self.file), line: 2, kind: .reordered(writtenAs: 3)))
    }

    @Test("an unreadable complete last line counts as edited")
    func garbledLastLine() throws {
        let (scratch, log) = try fourLines()
        try rewrite(scratch) { $0[3] = "{" }
        #expect(try log.verify().firstBreak == AuditBreak(file: scratch.store(Self.file), line: 4, kind: .edited))
    }

    @Test("a month's first line follows the last line of the month before")
    func monthsAreChained() throws {
        let (scratch, log) = try fourLines()
        let folder = try scratch.dataFolder()
        try log.append(Self.entry("C-5", at: Self.december), holding: try folder.lockForWriting())
        let december = try log.read(AuditMonth(containing: Self.december)).entries
        #expect(december.map(\.line) == [1])
        #expect(try log.verify().firstBreak == nil)

        try rewrite(scratch) { $0.removeLast() }
        #expect(
            try log.verify().firstBreak
                == AuditBreak(
                    file: scratch.store("audit/2026-12.jsonl"), line: 1, kind: .monthBoundary(previousFile: scratch.store(Self.file))))
    }

    @Test("lines from before the chain are counted, and a torn fragment is chained over")
    func olderLinesAndTornFragment() throws {
        let scratch = try ScratchFolder()
        let older = #"{"action":"checkin.add","at":"2026-11-23T01:05:00Z","record":"C-0","staff":"mgarcia"}"#
        try scratch.plant(Self.file, older + "\n" + older + "\n" + #"{"action":"chec"#)
        let folder = try scratch.dataFolder()
        let log = AuditLog(dataFolder: folder)

        try log.append(Self.entry("C-1"), holding: try folder.lockForWriting())

        let entries = try log.read(AuditMonth(containing: Self.november)).entries
        #expect(entries.last?.line == 4)
        #expect(entries.last?.previous == AuditChain.hash(Array(#"{"action":"chec"#.utf8)))
        #expect(try log.verify() == AuditVerification(linesChecked: 4, filesChecked: 1, unchainedLines: 2, firstBreak: nil))
    }
}
