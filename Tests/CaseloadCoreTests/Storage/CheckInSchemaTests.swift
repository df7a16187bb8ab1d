@testable import CaseloadCore
import Foundation
import Testing

/// Check-in files written before risk assessments (schema 1) still read, list and close.
@Suite("Check-in files of schema 1")
struct CheckInSchemaTests {
    /// A schema-1 file of P-0001's check-in `id` on 2026-11-20, item 9 answered 2, closed the old
    /// way when `acknowledgement` is given.
    static func writeVersionOne(_ id: CheckInID, acknowledgement: String?, in fixture: UseCaseCaseload) throws {
        let checkIn = try CheckIn(
            id: id, participant: "P-0001", date: UseCaseCaseload.date("2026-11-20"), recordedBy: "mgarcia",
            phq9: [1, 1, 1, 1, 1, 1, 1, 1, 2], gad7: nil, craving: nil, substanceUse: nil,
            revision: Revision(createdAt: UseCaseCaseload.now, createdBy: "mgarcia"))
        var json = try #require(
            try JSONSerialization.jsonObject(with: Data(RecordCoding.encode(checkIn, schemaVersion: 1))) as? [String: Any])
        var flag = try #require(json["safetyFlag"] as? [String: Any])
        if let acknowledgement {
            flag["acknowledgement"] = ["by": "lchen", "at": "2026-11-20T16:00:00Z", "action": acknowledgement]
        }
        json["safetyFlag"] = flag
        let folder = "\(fixture.scratch.path)/checkins/P-0001"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let bytes = try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys])
        #expect(FileManager.default.createFile(atPath: "\(folder)/\(id).json", contents: bytes, attributes: [.posixPermissions: 0o600]))
    }

    @Test("A flag acknowledged in words stays closed with its words; an open one closes with an assessment")
    func versionOne() throws {
        let fixture = try UseCaseCaseload()
        try Self.writeVersionOne("C-20261120-aaaaaa", acknowledgement: "Called; safe at home", in: fixture)
        try Self.writeVersionOne("C-20261120-bbbbbb", acknowledgement: nil, in: fixture)

        let closed = try fixture.store.checkIn("C-20261120-aaaaaa", of: "P-0001")
        #expect(closed.safetyFlag?.acknowledgement?.action == "Called; safe at home")
        #expect(closed.safetyFlag?.status == .closed)
        let open = try fixture.store.checkIn("C-20261120-bbbbbb", of: "P-0001")
        #expect(open.safetyFlag?.status == .open && open.safetyFlag?.itemNineAnswer == 2)
        #expect(try fixture.store.check().warnings.isEmpty)
        #expect(throws: CaseloadError.refused(.safetyFlagNotOpen("C-20261120-aaaaaa"))) {
            try fixture.caseload.assessSafetyFlag(SafetyFlagUseCaseTests.assessment("C-20261120-aaaaaa"), by: "mgarcia")
        }

        let assessed = try fixture.caseload.assessSafetyFlag(SafetyFlagUseCaseTests.assessment("C-20261120-bbbbbb"), by: "mgarcia")
        #expect(assessed.record.safetyFlag?.status == .closed)
        let bytes = try #require(FileManager.default.contents(atPath: "\(fixture.scratch.path)/checkins/P-0001/C-20261120-bbbbbb.json"))
        #expect(try RecordCoding.schemaVersion(of: [UInt8](bytes)) == CheckIn.schemaVersion)
        #expect(try fixture.store.checkIn("C-20261120-bbbbbb", of: "P-0001") == assessed.record)
    }
}
