import Foundation

/// A parsed JSON value that keeps booleans, numbers and strings apart, so a theme loader can say
/// exactly which field has the wrong type.
enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
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

    /// How the value reads in an error message: strings quoted, containers named.
    var shown: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .string(let value): "\"\(value)\""
        case .array: "a list"
        case .object: "an object"
        }
    }

    /// Parses `data`, or reports the 1-based line and column where it stops being JSON.
    static func parse(_ data: Data) -> Result<JSONValue, JSONSyntaxError> {
        if let value = try? JSONDecoder().decode(JSONValue.self, from: data) { return .success(value) }
        return .failure(JSONSyntaxError(data: data))
    }
}

/// Where a document stops being JSON, as far as Foundation tells.
struct JSONSyntaxError: Error {
    var line: Int?
    var column: Int?

    init(data: Data) {
        // Foundation reports only "… around character N." (a byte offset); turn it into line:column.
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            guard let range = detail.range(of: "character "),
                  let offset = Int(detail[range.upperBound...].prefix { $0.isNumber }) else { return }
            let prefix = data.prefix(offset)
            line = prefix.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            column = offset - (prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
        }
    }
}
