import Foundation

/// Decodes a record straight from its `JSONTape`, with the conventions of `RecordCoding`
/// (ISO-8601 dates) and the same `DecodingError`s Foundation's decoder throws, so every damage
/// message stays as it was. It also notes which fields the record's type read, so the fields a
/// newer Caseload wrote are found without encoding the record again (`unknownFields()`).
final class TapeDecoding {
    let tape: JSONTape
    /// Per node: a key the decoder looked up, or an object it opened as a keyed container.
    private(set) var touched: [Bool]

    init(_ tape: JSONTape) {
        self.tape = tape
        touched = Array(repeating: false, count: tape.nodes.count)
    }

    /// Decodes the top-level value as `type`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decode(type, at: 0) }

    func decode<T: Decodable>(_ type: T.Type, at node: Int) throws -> T {
        // Foundation decodes these from text, not from their own `Decodable` conformance.
        if T.self == String.self { return try string(at: node) as! T }
        if T.self == Date.self { return try date(at: node) as! T }
        if T.self == Int.self { return try integer(Int.self, at: node) as! T }
        return try T(from: TapeDecoder(decoding: self, node: node))
    }

    // MARK: Values

    func kind(_ node: Int) -> JSONTape.Kind { tape.nodes[node].kind }

    func isNull(_ node: Int) -> Bool { tape.nodes[node].kind == .null }

    /// The text of a string node, escapes resolved.
    func text(of node: Int) -> String {
        let entry = tape.nodes[node]
        return tape.bytes.withUnsafeBufferPointer { buffer in
            let content = UnsafeBufferPointer(rebasing: buffer[Int(entry.start)..<Int(entry.end)])
            return entry.kind == .escapedString
                ? String(decoding: JSONTape.unescaped(content), as: UTF8.self) : String(decoding: content, as: UTF8.self)
        }
    }

    func string(at node: Int) throws -> String {
        switch kind(node) {
        case .string, .escapedString: return text(of: node)
        default: throw mismatch(String.self, at: node)
        }
    }

    func bool(at node: Int) throws -> Bool {
        switch kind(node) {
        case .true: return true
        case .false: return false
        default: throw mismatch(Bool.self, at: node)
        }
    }

    /// A whole number: plain digits directly; "1.0" or "1e2" as Foundation takes them; anything
    /// fractional or out of range is a value Caseload does not accept.
    func integer<T: FixedWidthInteger>(_ type: T.Type, at node: Int) throws -> T {
        guard kind(node) == .number else { throw mismatch(T.self, at: node) }
        let entry = tape.nodes[node]
        let digits = tape.bytes[Int(entry.start)..<Int(entry.end)]
        if let value = RecordCoding.plainInteger(digits), let exact = T(exactly: value) { return exact }
        if let double = Double(String(decoding: digits, as: UTF8.self)), double.rounded() == double, let exact = T(exactly: double) {
            return exact
        }
        throw corrupted(at: node, "The number does not fit in \(T.self).")
    }

    func floatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(_ type: T.Type, at node: Int) throws -> T {
        guard kind(node) == .number else { throw mismatch(T.self, at: node) }
        let entry = tape.nodes[node]
        guard let value = T(String(decoding: tape.bytes[Int(entry.start)..<Int(entry.end)], as: UTF8.self)), value.isFinite
        else { throw corrupted(at: node, "The number does not fit in \(T.self).") }
        return value
    }

    /// An ISO-8601 instant. Caseload writes "2026-11-20T15:00:00Z", read here directly; anything
    /// else goes to Foundation, which decides exactly as it always has (offsets, fractions, rollover).
    func date(at node: Int) throws -> Date {
        let text = try string(at: node)
        if let date = Self.canonicalInstant(text) { return date }
        let decoder = RecordCoding.makeDecoder()
        guard let date = try? decoder.decode(Date.self, from: Data(("\"" + text + "\"").utf8)) else {
            throw corrupted(at: node, "Expected date string to be ISO8601-formatted.")
        }
        return date
    }

    /// "YYYY-MM-DDTHH:MM:SSZ" with every part in range; nil for any other text.
    static func canonicalInstant(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
                bytes[16] == 0x3A, bytes[19] == 0x5A
            else { return nil }
            func number(_ from: Int, _ count: Int) -> Int? {
                var value = 0
                for index in from..<(from + count) {
                    let digit = Int(bytes[index]) - 0x30
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
                let minute = number(14, 2), let second = number(17, 2), year >= 1, hour < 24, minute < 60, second < 60,
                let day = LocalDate(year: year, month: month, day: day)
            else { return nil }
            return Date(timeIntervalSince1970: Double(day.dayNumber * 86_400 + hour * 3_600 + minute * 60 + second))
        }
    }

    // MARK: Objects and arrays

    /// The value node of `key` in `object`, marking the key as read; nil when the object lacks it.
    func member(_ key: String, of object: Int) -> Int? {
        var key = key
        return key.withUTF8 { wanted -> Int? in
            tape.bytes.withUnsafeBufferPointer { bytes -> Int? in
                var child = object + 1
                let end = Int(tape.nodes[object].end)
                while child < end {
                    let name = tape.nodes[child]
                    let value = child + 1
                    let matches: Bool
                    if name.kind == .string {
                        let length = Int(name.end - name.start)
                        matches = length == wanted.count
                            && (length == 0 || memcmp(bytes.baseAddress! + Int(name.start), wanted.baseAddress!, length) == 0)
                    } else {
                        matches = text(of: child).utf8.elementsEqual(wanted)
                    }
                    if matches {
                        touched[child] = true
                        return value
                    }
                    child = next(after: value)
                }
                return nil
            }
        }
    }

    /// The key nodes of `object`, in file order.
    func keyNodes(of object: Int) -> [Int] {
        var keys: [Int] = []
        var child = object + 1
        let end = Int(tape.nodes[object].end)
        while child < end {
            keys.append(child)
            child = next(after: child + 1)
        }
        return keys
    }

    /// The node after `node` and everything inside it.
    func next(after node: Int) -> Int {
        let entry = tape.nodes[node]
        return entry.kind == .object || entry.kind == .array ? Int(entry.end) : node + 1
    }

    func openObject(_ node: Int) throws -> Int {
        guard kind(node) == .object else { throw mismatch([String: Any].self, at: node) }
        touched[node] = true
        return node
    }

    func openArray(_ node: Int) throws -> Int {
        guard kind(node) == .array else { throw mismatch([Any].self, at: node) }
        return node
    }

    // MARK: Coding paths and errors, built only when asked for

    /// The keys and indexes leading from the top level to `node`.
    func codingPath(of node: Int) -> [any CodingKey] {
        var path: [any CodingKey] = []
        var child = node
        var parent = Int(tape.nodes[node].parent)
        while parent >= 0 {
            if kind(parent) == .object {
                path.append(TapeKey(stringValue: text(of: child - 1)))
            } else {
                var index = 0
                var sibling = parent + 1
                while sibling < child {
                    sibling = next(after: sibling)
                    index += 1
                }
                path.append(TapeKey(index: index))
            }
            child = parent
            parent = Int(tape.nodes[parent].parent)
        }
        return path.reversed()
    }

    func mismatch(_ type: Any.Type, at node: Int) -> DecodingError {
        let path = codingPath(of: node)
        if isNull(node) {
            return .valueNotFound(type, .init(codingPath: path, debugDescription: "Cannot get \(type) -- found null value instead"))
        }
        return .typeMismatch(type, .init(codingPath: path, debugDescription: "Expected to decode \(type) but found another kind of value."))
    }

    func corrupted(at node: Int, _ description: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: codingPath(of: node), debugDescription: description))
    }

    func missing(_ key: any CodingKey, in object: Int) -> DecodingError {
        .keyNotFound(key, .init(codingPath: codingPath(of: object), debugDescription: "No value associated with key \(key.stringValue)."))
    }
}

/// A key or index in a coding path.
struct TapeKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }

    init?(intValue: Int) { self.init(index: intValue) }
}

/// The `Decoder` a record's `init(from:)` sees for one node.
struct TapeDecoder: Decoder {
    let decoding: TapeDecoding
    let node: Int

    var codingPath: [any CodingKey] { decoding.codingPath(of: node) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(TapeKeyedContainer<Key>(decoding: decoding, object: try decoding.openObject(node)))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        TapeUnkeyedContainer(decoding: decoding, array: try decoding.openArray(node))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        TapeSingleValueContainer(decoding: decoding, node: node)
    }
}

private struct TapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoding: TapeDecoding
    let object: Int

    var codingPath: [any CodingKey] { decoding.codingPath(of: object) }

    var allKeys: [Key] {
        decoding.keyNodes(of: object).compactMap { Key(stringValue: decoding.text(of: $0)) }
    }

    func contains(_ key: Key) -> Bool { decoding.member(key.stringValue, of: object) != nil }

    private func value(_ key: Key) throws -> Int {
        guard let node = decoding.member(key.stringValue, of: object) else { throw decoding.missing(key, in: object) }
        return node
    }

    /// The value of `key`, or nil when it is absent or null.
    private func present(_ key: Key) -> Int? {
        guard let node = decoding.member(key.stringValue, of: object), !decoding.isNull(node) else { return nil }
        return node
    }

    func decodeNil(forKey key: Key) throws -> Bool { decoding.isNull(try value(key)) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoding.bool(at: value(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoding.string(at: value(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoding.floatingPoint(type, at: value(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoding.floatingPoint(type, at: value(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoding.integer(type, at: value(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoding.integer(type, at: value(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoding.integer(type, at: value(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoding.integer(type, at: value(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoding.integer(type, at: value(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoding.integer(type, at: value(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoding.integer(type, at: value(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoding.integer(type, at: value(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoding.integer(type, at: value(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoding.integer(type, at: value(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoding.decode(type, at: value(key)) }

    // One lookup instead of the default's three (contains, decodeNil, decode).
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try present(key).map { try decoding.string(at: $0) }
    }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try present(key).map { try decoding.bool(at: $0) }
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try present(key).map { try decoding.integer(type, at: $0) }
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try present(key).map { try decoding.floatingPoint(type, at: $0) }
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try present(key).map { try decoding.decode(type, at: $0) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(TapeKeyedContainer<NestedKey>(decoding: decoding, object: try decoding.openObject(value(key))))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        TapeUnkeyedContainer(decoding: decoding, array: try decoding.openArray(value(key)))
    }

    func superDecoder() throws -> any Decoder {
        TapeDecoder(decoding: decoding, node: try value(Key(stringValue: "super")!))
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { TapeDecoder(decoding: decoding, node: try value(key)) }
}

private struct TapeUnkeyedContainer: UnkeyedDecodingContainer {
    let decoding: TapeDecoding
    let array: Int
    private(set) var currentIndex = 0
    private var cursor: Int

    init(decoding: TapeDecoding, array: Int) {
        self.decoding = decoding
        self.array = array
        cursor = array + 1
    }

    var codingPath: [any CodingKey] { decoding.codingPath(of: array) }
    var count: Int? { Int(decoding.tape.nodes[array].count) }
    var isAtEnd: Bool { currentIndex >= count! }

    /// The next element's node, moving past it.
    private mutating func next(_ type: Any.Type) throws -> Int {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type, .init(codingPath: codingPath + [TapeKey(index: currentIndex)], debugDescription: "Unkeyed container is at end."))
        }
        let node = cursor
        cursor = decoding.next(after: node)
        currentIndex += 1
        return node
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, decoding.isNull(cursor) else { return false }
        _ = try next(Never.self)
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try decoding.bool(at: next(type)) }
    mutating func decode(_ type: String.Type) throws -> String { try decoding.string(at: next(type)) }
    mutating func decode(_ type: Double.Type) throws -> Double { try decoding.floatingPoint(type, at: next(type)) }
    mutating func decode(_ type: Float.Type) throws -> Float { try decoding.floatingPoint(type, at: next(type)) }
    mutating func decode(_ type: Int.Type) throws -> Int { try decoding.integer(type, at: next(type)) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try decoding.integer(type, at: next(type)) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try decoding.integer(type, at: next(type)) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try decoding.integer(type, at: next(type)) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try decoding.integer(type, at: next(type)) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try decoding.integer(type, at: next(type)) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decoding.integer(type, at: next(type)) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decoding.integer(type, at: next(type)) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decoding.integer(type, at: next(type)) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decoding.integer(type, at: next(type)) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoding.decode(type, at: next(type)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(TapeKeyedContainer<NestedKey>(decoding: decoding, object: try decoding.openObject(next(type))))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        TapeUnkeyedContainer(decoding: decoding, array: try decoding.openArray(next([Any].self)))
    }

    mutating func superDecoder() throws -> any Decoder { TapeDecoder(decoding: decoding, node: try next(Any.self)) }
}

private struct TapeSingleValueContainer: SingleValueDecodingContainer {
    let decoding: TapeDecoding
    let node: Int

    var codingPath: [any CodingKey] { decoding.codingPath(of: node) }

    func decodeNil() -> Bool { decoding.isNull(node) }
    func decode(_ type: Bool.Type) throws -> Bool { try decoding.bool(at: node) }
    func decode(_ type: String.Type) throws -> String { try decoding.string(at: node) }
    func decode(_ type: Double.Type) throws -> Double { try decoding.floatingPoint(type, at: node) }
    func decode(_ type: Float.Type) throws -> Float { try decoding.floatingPoint(type, at: node) }
    func decode(_ type: Int.Type) throws -> Int { try decoding.integer(type, at: node) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoding.integer(type, at: node) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoding.integer(type, at: node) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoding.integer(type, at: node) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoding.integer(type, at: node) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoding.integer(type, at: node) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoding.integer(type, at: node) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoding.integer(type, at: node) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoding.integer(type, at: node) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoding.integer(type, at: node) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoding.decode(type, at: node) }
}
