import Foundation

/// A JSON value as a file holds it, for fields this build does not read, so a save can write them back.
enum JSONValue: Codable, Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

/// The fields of a record file that its type does not read: written by a newer Caseload or
/// another tool. A save must not silently drop them, and `check` names them.
///
/// Only a file of the current schema version has unknown fields: an older file's retired fields
/// are read by its migration, and a save rewrites them in the current form on purpose.
struct UnknownFields: Sendable, Equatable {
    /// Unknown fields at the top level, which a save writes back beside the record's own.
    var topLevel: [String: JSONValue] = [:]
    /// Unknown fields inside the record's values ("supportMembers[0].nickname"): a save cannot
    /// tell where they belong once those values change, so it is refused instead.
    var nested: [String] = []

    var paths: [String] { topLevel.keys.sorted().map(FieldName.displayable) + nested }

    /// None.
    init() {}

    /// Compares the file's JSON with what `record`, decoded from it, writes back.
    init<Record: Encodable>(in bytes: [UInt8], decodedAs record: Record) throws {
        let decoder = RecordCoding.makeDecoder()
        let found = try decoder.decode(JSONValue.self, from: Data(bytes))
        let written = try decoder.decode(JSONValue.self, from: Data(RecordCoding.encode(record, schemaVersion: 0)))
        guard case .object(let foundFields) = found, case .object(let writtenFields) = written else { return }
        for (key, value) in foundFields where writtenFields[key] == nil && value != .null {
            topLevel[key] = value
        }
        for (key, value) in foundFields.sorted(by: { $0.key < $1.key }) {
            if let known = writtenFields[key] { nested += Self.missing(in: known, from: value, at: FieldName.displayable(key)) }
        }
    }

    /// The paths of fields in `found` that `written` lacks, objects matched by key, lists by position.
    private static func missing(in written: JSONValue, from found: JSONValue, at path: String) -> [String] {
        switch (found, written) {
        case (.object(let foundFields), .object(let writtenFields)):
            foundFields.sorted { $0.key < $1.key }.flatMap { key, value -> [String] in
                let here = path + "." + FieldName.displayable(key)
                guard let known = writtenFields[key] else { return value == .null ? [] : [here] }
                return missing(in: known, from: value, at: here)
            }
        case (.array(let foundItems), .array(let writtenItems)) where foundItems.count == writtenItems.count:
            zip(foundItems, writtenItems).enumerated().flatMap { index, pair in
                missing(in: pair.1, from: pair.0, at: "\(path)[\(index)]")
            }
        default:
            []
        }
    }
}
