@testable import CaseloadCore
import Foundation
import Glibc
import Testing

/// Reads of health information in the audit log: one line per record per process, ids only,
/// and never in the way of `check`, `audit verify` or the read itself.
@Suite("Access log")
struct AccessLogTests {
    private func lines(_ world: UseCaseCaseload, _ action: AuditAction) throws -> [AuditEntry] {
        let log = AuditLog(dataFolder: world.store.folder)
        return try log.months().flatMap { try log.read($0).entries }.filter { $0.action == action }
    }

    @Test("an opened record is logged once per process; a repeated open adds no line")
    func oneLinePerRecord() throws {
        let world = try UseCaseCaseload()
        for id: ParticipantID in ["P-0001", "P-0002", "P-0001", "P-0001"] {
            #expect(world.caseload.recordAccess(.participantView(id), by: "mgarcia") == nil)
        }
        let views = try lines(world, .participantView)
        #expect(views.map(\.record.rawValue) == ["P-0001", "P-0002"])
        #expect(views.allSatisfy { $0.staff.rawValue == "mgarcia" && $0.revision == nil && $0.at == UseCaseCaseload.now })

        // Another process (another `Caseload`) logs its own first look.
        _ = Caseload(store: world.store).recordAccess(.participantView("P-0001"), by: "mgarcia")
        #expect(try lines(world, .participantView).count == 3)
    }

    @Test("a search or export of everything is logged against \"all\", a participant's search against them")
    func searchAndExportRecords() throws {
        let world = try UseCaseCaseload()
        _ = world.caseload.recordAccess(.noteSearch(nil), by: "mgarcia")
        _ = world.caseload.recordAccess(.noteSearch("P-0002"), by: "mgarcia")
        _ = world.caseload.recordAccess(.export, by: "lchen")
        #expect(try lines(world, .noteSearch).map(\.record.rawValue) == ["all", "P-0002"])
        #expect(try lines(world, .recordExport).map(\.staff.rawValue) == ["lchen"])
    }

    @Test("no names in the audit log: read lines hold ids, a fixed action and a time only")
    func readLinesHoldIdsOnly() throws {
        let world = try UseCaseCaseload()
        _ = world.caseload.recordAccess(.participantView("P-0002"), by: "mgarcia")
        _ = world.caseload.recordAccess(.noteSearch("P-0002"), by: "mgarcia")
        let text = String(decoding: world.scratch.bytes("audit/2026-11.jsonl") ?? [], as: UTF8.self)
        let reads = text.split(separator: "\n").filter { $0.contains("participant.view") || $0.contains("note.search") }
        #expect(reads.count == 2)
        for line in reads {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["action", "at", "line", "previous", "record", "staff"])
        }
        for name in ["José", "Núñez", "LUCÍA", "Staff mgarcia", "Ada Okafor"] { #expect(!text.contains(name), "\(name)") }
    }

    @Test("check and audit verify stay clean after reads")
    func checkAndVerifyAfterReads() throws {
        let world = try UseCaseCaseload()
        for id: ParticipantID in ["P-0001", "P-0002", "P-0003", "P-0004"] {
            _ = world.caseload.recordAccess(.participantView(id), by: "mgarcia")
        }
        _ = world.caseload.recordAccess(.export, by: "mgarcia")
        #expect(try world.store.check().findings.isEmpty)
        #expect(try AuditLog(dataFolder: world.store.folder).verify().firstBreak == nil)
    }

    @Test("a read on a read-only disk goes ahead, says its line is missing, and tries again next time")
    func readOnlyDisk() throws {
        let world = try UseCaseCaseload()
        let fileSystem = FaultyFileSystem()
        fileSystem.fail(.openForAppending, with: EROFS, persistent: true)
        let readOnly = Caseload(
            store: try CaseloadStore.open(
                at: URL(fileURLWithPath: world.scratch.path), fileSystem: fileSystem, clock: .fixed(UseCaseCaseload.now)))
        let warning = readOnly.recordAccess(.participantView("P-0001"), by: "mgarcia")
        #expect(
            warning?.description
                == "This look at the record is not in the audit log because the folder is on a read-only disk; "
                + "tell your privacy officer so the access can still be accounted for.")
        #expect(readOnly.recordAccess(.participantView("P-0001"), by: "mgarcia") != nil)
        #expect(try lines(world, .participantView).isEmpty)
    }

    @Test("a review filters by participant, staff and day, and is itself recorded")
    func reviewFilters() throws {
        let world = try UseCaseCaseload()
        _ = world.caseload.recordAccess(.participantView("P-0001"), by: "mgarcia")
        _ = world.caseload.recordAccess(.participantView("P-0002"), by: "jlee")
        _ = world.caseload.recordAccess(.export, by: "jlee")

        let aboutFirst = try world.caseload.reviewAuditLog(AuditQuery(participant: "P-0001"), by: "lchen").entries
        // Its admission, the view, and the export of "all" that took it in.
        #expect(aboutFirst.map(\.action) == [.participantAdd, .participantView, .recordExport])
        let byJlee = try world.caseload.reviewAuditLog(AuditQuery(staff: "jlee"), by: "admin").entries
        #expect(byJlee.map(\.record.rawValue) == ["P-0002", "all"])
        let tomorrow = UseCaseCaseload.date("2026-11-24")
        #expect(try world.caseload.reviewAuditLog(AuditQuery(from: tomorrow), by: "admin").entries.isEmpty)
        #expect(try lines(world, .auditReview).map(\.staff.rawValue) == ["lchen", "admin"])
    }
}
