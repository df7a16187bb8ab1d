import Foundation
import Testing

@testable import CaseloadCore

@Suite("Name order")
struct NameOrderTests {
    @Test("a family-first name is written and listed family name first, everywhere it is shown")
    func familyFirst() throws {
        var person = Fixture.participant()
        person.firstName = "雪梅"
        person.lastName = "李"
        #expect(person.displayName == "雪梅 李")
        person.nameOrder = .familyFirst
        #expect(person.displayName == "李 雪梅")
        #expect(person.sortName == "李 雪梅")
        person.preferredName = "Mei"
        #expect(person.displayName == "李 Mei")
        let entry = RosterEntry(participant: person, checkIns: [])
        #expect(entry.displayName == "李 Mei")
        #expect(entry.sortName == "李 雪梅")
        #expect(entry.nameOrder == .familyFirst)
    }

    @Test("given-first names read as before")
    func givenFirst() {
        #expect(NameOrder.givenFirst.written(given: "José", family: "Núñez") == "José Núñez")
        #expect(NameOrder.givenFirst.listed(given: "José", family: "Núñez") == "Núñez, José")
    }

    @Test("lists sort by family name, then given name, by their letters alone, whatever the order")
    func sortKey() {
        let names: [(String, String)] = [
            ("Zoe", "Dela Cruz"), ("Ana", "de la Cruz"), ("Bea", "Deal"), ("Ignacio", "Ávila"), ("Carl", "Baker"),
            ("Amy", "Lin"), ("Zed", "Li"), ("Bo", "D'Angelo"), ("Al", "Dang"),
        ]
        let sorted = names.sorted {
            (NameOrder.sortKey(given: $0.0, family: $0.1), $0.0) < (NameOrder.sortKey(given: $1.0, family: $1.1), $1.0)
        }
        #expect(sorted.map(\.1) == ["Ávila", "Baker", "Dang", "D'Angelo", "Deal", "de la Cruz", "Dela Cruz", "Li", "Lin"])
    }

    @Test("a participant file from before name order (schema 2) loads as given name first and saves as schema 3")
    func schemaTwoFile() throws {
        var person = Fixture.participant()
        person.nameOrder = .familyFirst
        let bytes = try RecordCoding.encode(person, schemaVersion: Participant.schemaVersion)
        #expect(try RecordCoding.decode(Participant.self, from: bytes, newestSchemaVersion: 3).record.nameOrder == .familyFirst)
        // A build that knows only schema 2 would drop the name order on its next save.
        #expect(throws: RecordProblem.newerSchemaVersion(found: 3, newestSupported: 2)) {
            try RecordCoding.decode(Participant.self, from: bytes, newestSchemaVersion: 2)
        }
        var object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        object["nameOrder"] = nil
        object["schemaVersion"] = 2
        let old = [UInt8](try JSONSerialization.data(withJSONObject: object))
        let decoded = try RecordCoding.decode(Participant.self, from: old, newestSchemaVersion: Participant.schemaVersion)
        #expect(decoded.schemaVersion == 2)
        #expect(decoded.record.nameOrder == .givenFirst)
        let saved = try RecordCoding.encode(decoded.record, schemaVersion: Participant.schemaVersion)
        let reread = try #require(try JSONSerialization.jsonObject(with: Data(saved)) as? [String: Any])
        #expect(reread["nameOrder"] as? String == "given-first")
        #expect(reread["schemaVersion"] as? Int == 3)
    }
}
