import Foundation

/// A JSON value as a file holds it, for fields this build does not read, so a save can write them back.
enum JSONValue: Encodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The value at `node`; a number is an integer when it is a whole number that fits in an `Int`.
    init(_ decoding: TapeDecoding, at node: Int) {
        switch decoding.kind(node) {
        case .null: self = .null
        case .true: self = .bool(true)
        case .false: self = .bool(false)
        case .string, .escapedString: self = .string(decoding.text(of: node))
        case .number:
            if let whole = try? decoding.integer(Int.self, at: node) {
                self = .integer(whole)
            } else {
                self = .number((try? decoding.floatingPoint(Double.self, at: node)) ?? .nan)
            }
        case .array:
            var elements: [JSONValue] = []
            var element = node + 1
            while element < decoding.next(after: node) {
                elements.append(JSONValue(decoding, at: element))
                element = decoding.next(after: element)
            }
            self = .array(elements)
        case .object:
            self = .object(
                Dictionary(
                    decoding.keyNodes(of: node).map { (decoding.text(of: $0), JSONValue(decoding, at: $0 + 1)) },
                    uniquingKeysWith: { first, _ in first }))
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

    /// The fields `decoding` holds that the record's type did not read while decoding it: at the
    /// top level (except `schemaVersion`, which `RecordCoding` reads), and inside every object the
    /// type opened, objects by key in name order and lists by position. A null counts as absent.
    init(_ decoding: TapeDecoding) {
        guard decoding.tape.nodes.first?.kind == .object, Self.anyUnread(decoding) else { return }
        for key in decoding.keyNodes(of: 0) where !decoding.touched[key] && !decoding.isNull(key + 1) {
            let name = decoding.text(of: key)
            if name != RecordCoding.schemaVersionKey { topLevel[name] = JSONValue(decoding, at: key + 1) }
        }
        nested = Self.unread(in: 0, at: nil, decoding)
    }

    /// Whether any object the type opened has a non-null field it did not read (`schemaVersion` aside):
    /// one pass, no text made, for the usual record that has none.
    private static func anyUnread(_ decoding: TapeDecoding) -> Bool {
        let nodes = decoding.tape.nodes
        for (index, node) in nodes.enumerated() where node.kind == .object && decoding.touched[index] {
            var key = index + 1
            while key < Int(node.end) {
                if !decoding.touched[key], !decoding.isNull(key + 1),
                    index != 0 || decoding.tape.schemaVersionNode != key + 1
                {
                    return true
                }
                key = decoding.next(after: key + 1)
            }
        }
        return false
    }

    /// The paths of unread fields inside `node`, whose own path is `path` (nil for the top level, whose unread fields are `topLevel`).
    private static func unread(in node: Int, at path: String?, _ decoding: TapeDecoding) -> [String] {
        switch decoding.kind(node) {
        case .object where decoding.touched[node]:
            let keys = decoding.keyNodes(of: node).map { (name: decoding.text(of: $0), node: $0) }.sorted { $0.name < $1.name }
            return keys.flatMap { key -> [String] in
                let here = (path.map { $0 + "." } ?? "") + FieldName.displayable(key.name)
                guard decoding.touched[key.node] else { return path == nil || decoding.isNull(key.node + 1) ? [] : [here] }
                return unread(in: key.node + 1, at: here, decoding)
            }
        case .array:
            var paths: [String] = []
            var element = node + 1
            var index = 0
            while element < decoding.next(after: node) {
                paths += unread(in: element, at: "\(path ?? "")[\(index)]", decoding)
                element = decoding.next(after: element)
                index += 1
            }
            return paths
        default:
            return []
        }
    }
}
