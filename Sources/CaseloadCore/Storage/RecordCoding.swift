import Foundation

/// Caseload's JSON conventions: pretty-printed, sorted keys, unescaped slashes, ISO-8601 UTC
/// dates, UTF-8 with a trailing newline, and a top-level `schemaVersion` in every file, so a
/// person can read a record and git can diff it.
public enum RecordCoding {
    /// The key every record file carries.
    public static let schemaVersionKey = "schemaVersion"

    /// A new encoder with the record conventions.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// A new decoder matching `makeEncoder()`.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// The bytes of a record file: `record`'s fields plus `schemaVersion`, then a newline.
    ///
    /// `record` must encode as a keyed container (any struct with synthesized `Codable` does).
    public static func encode<Record: Encodable>(_ record: Record, schemaVersion: Int) throws -> [UInt8] {
        try encode(record, schemaVersion: schemaVersion, keeping: [:])
    }

    /// As `encode(_:schemaVersion:)`, with `unknown` top-level fields written back beside the record's own.
    static func encode<Record: Encodable>(
        _ record: Record, schemaVersion: Int, keeping unknown: [String: JSONValue]
    ) throws -> [UInt8] {
        var bytes = [UInt8](
            try makeEncoder().encode(Stamped(record: record, schemaVersion: schemaVersion, unknown: unknown)))
        bytes.append(0x0A)
        return bytes
    }

    /// The `schemaVersion` of a record file, after checking that it is well-formed JSON.
    public static func schemaVersion(of bytes: [UInt8]) throws(RecordProblem) -> Int {
        try schemaVersion(in: JSONTape(bytes))
    }

    static func schemaVersion(in tape: JSONTape) throws(RecordProblem) -> Int {
        guard let node = tape.schemaVersionNode else { throw .missingSchemaVersion }
        // Plain digits are all Caseload writes; anything else (1.0, 1e0, "1") is judged as any whole number is.
        let value = tape.nodes[node]
        if value.kind == .number, let version = plainInteger(tape.bytes[Int(value.start)..<Int(value.end)]) { return version }
        do {
            return try TapeDecoding(tape).integer(Int.self, at: node)
        } catch {
            throw .wrongType(path: schemaVersionKey, expected: "a whole number")
        }
    }

    /// The value of an optional minus and one or more digits that fit in an `Int`; nil for anything else.
    static func plainInteger(_ text: ArraySlice<UInt8>) -> Int? {
        guard text.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") }) else {
            return nil
        }
        return Int(String(decoding: text, as: UTF8.self))
    }

    /// Decodes one JSON object that is not a record file (an audit line): the same strict reading, no `schemaVersion`.
    static func decodeLine<Value: Decodable>(_ type: Value.Type, from bytes: ArraySlice<UInt8>) throws -> Value {
        try TapeDecoding(JSONTape(Array(bytes))).decode(type)
    }

    /// Decodes a record file, refusing it when it is malformed, has duplicate fields, or is newer
    /// than `newestSchemaVersion`; a file of that version also has its unknown fields named.
    /// One pass over the bytes checks them and feeds the decoder (see `JSONTape`).
    public static func decode<Record: Decodable>(
        _ type: Record.Type, from bytes: [UInt8], newestSchemaVersion: Int
    ) throws(RecordProblem) -> DecodedRecord<Record> {
        let tape = try JSONTape(bytes)
        let version = try schemaVersion(in: tape)
        guard version <= newestSchemaVersion else {
            throw .newerSchemaVersion(found: version, newestSupported: newestSchemaVersion)
        }
        guard version >= 1 else { throw .invalidValue(path: schemaVersionKey) }
        let decoding = TapeDecoding(tape)
        do {
            let record = try decoding.decode(Record.self)
            // Older files are migrated by their decoding; a save rewrites their retired fields on purpose.
            let unknown = version == newestSchemaVersion ? UnknownFields(decoding) : UnknownFields()
            return DecodedRecord(record: record, schemaVersion: version, unknownFields: unknown)
        } catch let error as DecodingError {
            throw RecordProblem(error)
        } catch {
            // A record type's own validation threw something other than a DecodingError.
            throw .invalidValue(path: "(record)")
        }
    }
}

/// A decoded record and the schema version its file was written with (older ones may need migrating).
public struct DecodedRecord<Record> {
    /// The decoded value.
    public let record: Record
    /// The file's `schemaVersion`.
    public let schemaVersion: Int
    /// What the file holds that `Record` does not read (see `UnknownFields`).
    let unknownFields: UnknownFields
}

extension DecodedRecord: Sendable where Record: Sendable {}
extension DecodedRecord: Equatable where Record: Equatable {}

/// Adds `schemaVersion` beside a record's own fields, so domain types need not carry it.
/// Also writes back fields the record's type does not know (see `UnknownFields`); they come
/// first, so a field of the record's own always wins.
private struct Stamped<Record: Encodable>: Encodable {
    let record: Record
    let schemaVersion: Int
    let unknown: [String: JSONValue]

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (name, value) in unknown { try container.encode(value, forKey: Key(stringValue: name)) }
        try record.encode(to: encoder)
        try container.encode(schemaVersion, forKey: Key(stringValue: RecordCoding.schemaVersionKey))
    }
}


extension RecordProblem {
    /// Translates a decoding failure into damage that names the field but not its value.
    init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self = .missingField(path: Self.fieldPath(context.codingPath + [key]))
        case .valueNotFound(_, let context):
            self = .missingField(path: Self.fieldPath(context.codingPath))
        case .typeMismatch(let type, let context):
            self = .wrongType(path: Self.fieldPath(context.codingPath), expected: Self.kindName(type))
        case .dataCorrupted(let context):
            self = .invalidValue(path: Self.fieldPath(context.codingPath))
        @unknown default:
            self = .invalidValue(path: "(record)")
        }
    }

    /// "sessions[3].start"; "(record)" for the top level.
    static func fieldPath(_ keys: [any CodingKey]) -> String {
        var path = ""
        for key in keys {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += (path.isEmpty ? "" : ".") + FieldName.displayable(key.stringValue)
            }
        }
        return path.isEmpty ? "(record)" : path
    }

    private static func kindName(_ type: Any.Type) -> String {
        switch type {
        case is any BinaryInteger.Type: "a whole number"
        case is any BinaryFloatingPoint.Type: "a number"
        case is String.Type: "text"
        case is Bool.Type: "true or false"
        case is Date.Type: "a date"
        default:
            switch String(describing: type) {
            case let name where name.hasPrefix("Array"): "a list"
            case let name where name.hasPrefix("Dictionary"): "an object"
            default: "a different kind of value"
            }
        }
    }
}
