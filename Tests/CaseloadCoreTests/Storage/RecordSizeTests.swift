@testable import CaseloadCore
import Foundation
import Testing

@Suite("Records the store could not read back are never saved")
struct RecordSizeTests {
    @Test("A save that would make a record larger than the read limit is refused, the old one kept")
    func oversizedSaveRefused() throws {
        let caseload = try ScratchCaseload()
        let store = caseload.store
        var person = try store.add(ScratchCaseload.participant("P-0001"), action: .participantAdd, by: "mgarcia").record
        let before = caseload.scratch.bytes("participants/P-0001.json")
        person.referralSource = String(repeating: "x", count: RecordReader.recordSizeLimit)

        let error = #expect(throws: StoreError.self) { try store.save(person, action: .participantEdit, by: "mgarcia") }

        guard case .recordTooLarge(let file, _)? = error else {
            Issue.record("expected recordTooLarge, got \(String(describing: error))")
            return
        }
        #expect(file.relative == "participants/P-0001.json")
        #expect(caseload.scratch.bytes("participants/P-0001.json") == before)
        #expect(try store.participant("P-0001").revision.number == 1)
    }
}
