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

extension JSONValue {
    /// The JSON in `bytes`, read by the store's strict scanner: `check` compares every record file
    /// this way, and going through `Decodable` costs several times more. Bytes the scanner does
    /// not take (it reads what Caseload writes) go to the decoder.
    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        let scanned = bytes.withUnsafeBufferPointer { buffer -> JSONValue? in
            var scanner = JSONScanner(bytes: buffer)
            guard let value = scanner.value(), scanner.atEnd() else { return nil }
            return value
        }
        return try scanned ?? RecordCoding.makeDecoder().decode(JSONValue.self, from: Data(bytes))
    }
}

extension JSONScanner {
    /// One value of any kind; nil (and `failed`) on anything the scanner does not read, such as a
    /// number it cannot hold.
    mutating func value(depth: Int = 0) -> JSONValue? {
        guard !failed, depth < 64 else {
            failed = true
            return nil
        }
        switch peek() {
        case 0x22: return string().map(JSONValue.string)
        case 0x7B:
            _ = begin(0x7B)
            var fields: [String: JSONValue] = [:]
            var first = true
            while let key = nextKey(first: &first) {
                guard let value = value(depth: depth + 1) else { return nil }
                fields[key] = value
            }
            return failed ? nil : .object(fields)
        case 0x5B:
            _ = begin(0x5B)
            var items: [JSONValue] = []
            var first = true
            while nextElement(first: &first) {
                guard let value = value(depth: depth + 1) else { return nil }
                items.append(value)
            }
            return failed ? nil : .array(items)
        case 0x6E: return null() ? .null : nil
        default:
            // true, false and numbers: only whether a field is there, and whether it is null,
            // matter to the comparison, so their text is kept as a number or a flag.
            guard let literal = scalarText() else { return nil }
            if literal == "true" || literal == "false" { return .bool(literal == "true") }
            if let integer = Int(literal) { return .integer(integer) }
            return Double(literal).map(JSONValue.number)
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
        let found = try JSONValue.parse(bytes)
        let written = try JSONValue.parse(RecordCoding.encode(record, schemaVersion: 0))
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
