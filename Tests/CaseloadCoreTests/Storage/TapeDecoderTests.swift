@testable import CaseloadCore
import Foundation
import Testing

/// The one-pass reader must read every record as Foundation's decoder did, and name every
/// problem the way Caseload always has.
@Suite("Tape decoder")
struct TapeDecoderTests {
    static let session = DemoRun.standard.sessions.first { session in
        session.kind == .group && session.members.contains { $0.note?.isSigned == true && !($0.note?.addenda.isEmpty ?? true) }
    } ?? DemoRun.standard.sessions[0]

    /// What Foundation's decoder made of `bytes`, the way Caseload read records before.
    static func foundation<Record: Decodable>(_ type: Record.Type, _ bytes: [UInt8]) -> Result<Record, RecordProblem> {
        do {
            return .success(try RecordCoding.makeDecoder().decode(type, from: Data(bytes)))
        } catch let error as DecodingError {
            return .failure(RecordProblem(error))
        } catch {
            return .failure(.invalidValue(path: "(record)"))
        }
    }

    static func tape<Record: Decodable>(_ type: Record.Type, _ bytes: [UInt8]) -> Result<Record, RecordProblem> {
        Result { () throws(RecordProblem) in try RecordCoding.decode(type, from: bytes, newestSchemaVersion: 99).record }
    }

    @Test("every record of the demo reads back the same as Foundation reads it")
    func demoRecordsAgree() throws {
        for record in DemoRun.standard.records {
            switch record {
            case .program(let value): try agree(value)
            case .staff(let value): try agree(value)
            case .participant(let value): try agree(value)
            case .session(let value):
                // A session is kept in its own file and a file for each note and for its narrative.
                try agree(SessionFile(value))
                if let text = value.sharedNarrative {
                    try agree(NarrativeFile(session: value.id, revision: value.revision, text: text, contributors: value.narrativeContributors))
                }
                for member in value.members {
                    guard let note = member.note else { continue }
                    try agree(MemberNoteFile(session: value.id, participant: member.participant, revision: value.revision, note: note))
                }
            case .checkIn(let value): try agree(value)
            }
        }
    }

    private func agree<Record: FiledRecord>(_ record: Record) throws {
        let bytes = try RecordCoding.encode(record, schemaVersion: Record.schemaVersion)
        let decoded = try RecordCoding.decode(Record.self, from: bytes, newestSchemaVersion: Record.schemaVersion)
        #expect(decoded.record == record)
        #expect(try Self.foundation(Record.self, bytes).get() == record)
        #expect(decoded.unknownFields == UnknownFields(), "a file this build wrote has no unknown fields")
    }

    @Test(
        "a damaged field is named as Foundation's decoder named it, or more exactly",
        arguments: [
            ("date", nil), ("date", "5"), ("date", "\"2026-13-01\""), ("date", "null"), ("members", "{}"),
            ("members", "[1]"), ("durationMinutes", "\"ninety\""), ("durationMinutes", "90.5"), ("durationMinutes", "true"),
            ("kind", "\"seminar\""), ("revision", "\"one\""), ("facilitators", "[\"ok\", 3]"), ("topic", "7"),
            ("sharedNarrative", "[\"a\"]"), ("member.note.lastEditedAt", "\"yesterday\""),
            ("member.note.lastEditedAt", "\"2026-11-20T15:00:00+01:00\""), ("member.note.status", "null"),
            ("member.note.sections", "{\"data\": 1}"), ("member.note", "\"text\""), ("member.attendance.status", "\"maybe\""),
            ("member.note.addenda", nil), ("member.note.signature.at", "12"),
        ] as [(String, String?)])
    func damageAgrees(field: String, json: String?) throws {
        let value = try json.map { try JSONSerialization.jsonObject(with: Data($0.utf8), options: .fragmentsAllowed) }
        let bytes = try RecordCoding.encode(Self.session, schemaVersion: Session.schemaVersion)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        if field.hasPrefix("member.") {
            var members = try #require(object["members"] as? [[String: Any]])
            let index = try #require(members.firstIndex { ($0["note"] as? [String: Any])?["signature"] != nil })
            var path = field.split(separator: ".").dropFirst().map(String.init)
            members[index] = Self.setting(path.removeFirst(), in: members[index], rest: path, to: value)
            object["members"] = members
        } else {
            object = Self.setting(field, in: object, rest: [], to: value)
        }
        let damaged = [UInt8](try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
        let expected = Self.foundation(Session.self, damaged)
        let found = Self.tape(Session.self, damaged)
        switch (expected, found) {
        case (.success(let old), .success(let new)): #expect(old == new, "\(field)")
        case (.failure(let old), .failure(let new)):
            // Where Foundation named only the record or the enclosing value, the tape names the field itself.
            if case .invalidValue(let oldPath) = old, case .invalidValue(let newPath) = new, oldPath != newPath {
                #expect(oldPath == "(record)" || newPath.hasPrefix(oldPath + "."), "\(field): \(oldPath) → \(newPath)")
            } else {
                #expect(old == new, "\(field)")
            }
        default: Issue.record("\(field): Foundation \(expected), tape \(found)")
        }
    }

    /// `object` with `key` (then `rest` inside it) set to `value`, or removed when `value` is nil.
    private static func setting(_ key: String, in object: [String: Any], rest: [String], to value: Any?) -> [String: Any] {
        var object = object
        if let next = rest.first, let inner = object[key] as? [String: Any] {
            object[key] = setting(next, in: inner, rest: Array(rest.dropFirst()), to: value)
        } else {
            object[key] = value
        }
        return object
    }

    @Test("instants other than Caseload's own form are read as Foundation reads them")
    func instants() throws {
        for text in ["2026-11-20T15:00:00Z", "2026-11-20T15:00:00+01:00", "2026-11-20T15:00:00.5Z", "2026-02-30T15:00:00Z", "2026-11-20T24:00:00Z"] {
            let json = Array("{\"v\":\"\(text)\"}".utf8)
            struct Instant: Decodable, Equatable { let v: Date }
            #expect(try TapeDecoding(JSONTape(json)).decode(Instant.self) == (try RecordCoding.makeDecoder().decode(Instant.self, from: Data(json))), "\(text)")
        }
    }

    @Test("fields the record's type does not read are found at the top level and inside the values it opened")
    func unknownFields() throws {
        let bytes = try RecordCoding.encode(Self.session, schemaVersion: Session.schemaVersion)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        object["room"] = ["name": "B", "floor": 2]
        object["ignoredWhenNull"] = NSNull()
        var members = try #require(object["members"] as? [[String: Any]])
        members[0]["nickname"] = "Nana"
        object["members"] = members
        let planted = [UInt8](try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
        let decoded = try RecordCoding.decode(Session.self, from: planted, newestSchemaVersion: Session.schemaVersion)
        #expect(decoded.unknownFields.topLevel == ["room": .object(["name": .string("B"), "floor": .integer(2)])])
        #expect(decoded.unknownFields.nested == ["members[0].nickname"])
        // An older file is migrated on its next save; its retired fields are not unknown.
        let older = try RecordCoding.decode(Session.self, from: planted, newestSchemaVersion: Session.schemaVersion + 1)
        #expect(older.unknownFields == UnknownFields())
    }
}
