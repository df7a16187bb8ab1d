/// A record file read once: strict RFC 8259 syntax, UTF-8 and duplicate fields checked, and every
/// value laid out in a flat list of nodes that `TapeDecoder` decodes from without parsing again.
///
/// Foundation's `JSONDecoder` on this toolchain reports syntax errors without a position, accepts
/// trailing commas, and silently keeps the first of two equal keys, so a hand-edited record with
/// `"status"` twice would load with whichever value the decoder picked. This reader turns each of
/// those into a `RecordProblem` with a line and column, and it is also the only JSON parse a read
/// makes: checking and decoding share this one pass (`caseload check` reads every file this way).
///
/// Layout: an object's node is followed by each member's key node and then its value's nodes; an
/// array's by its elements' nodes. A container's `end` is the index just past its last node.
struct JSONTape {
    enum Kind: UInt8 { case object, array, string, escapedString, number, `true`, `false`, null }

    struct Node {
        var kind: Kind
        /// Strings: where the text between the quotes starts; numbers: where the number starts.
        var start: Int32
        /// Strings and numbers: where their bytes end; containers: the index just past their last node.
        var end: Int32
        /// Containers: how many members or elements.
        var count: Int32
        /// The container holding this node; -1 for the top level.
        var parent: Int32
    }

    let bytes: [UInt8]
    let nodes: [Node]
    /// The node of the top-level `schemaVersion` value, when there is one.
    let schemaVersionNode: Int?

    /// Reads `bytes`, refusing anything but one well-formed JSON object without duplicate fields.
    init(_ bytes: [UInt8]) throws(RecordProblem) {
        var tokenizer = Tokenizer(count: bytes.count)
        let outcome = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(TapeStop) in try tokenizer.scanDocument(buffer) }
        }
        switch outcome {
        case .success(let isObject):
            guard isObject else { throw .notAnObject }
        case .failure(let stop):
            // A file that is not UTF-8 is named as such wherever its first bad byte is, even past a syntax error.
            if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
                let position = TextPosition(of: offset, in: bytes)
                throw .invalidUTF8(line: position.line, column: position.column)
            }
            let position = TextPosition(of: stop.offset, in: bytes)
            switch stop.kind {
            case .syntax(let problem):
                throw .invalidJSON(line: position.line, column: position.column, problem: problem)
            case .duplicateField(let name):
                throw .duplicateField(name: FieldName.displayable(name), line: position.line)
            case .invalidUTF8:
                // Found inside a string; the whole-file check above names it first. Unreachable in practice.
                throw .invalidUTF8(line: position.line, column: position.column)
            }
        }
        self.bytes = bytes
        self.nodes = tokenizer.nodes
        self.schemaVersionNode = tokenizer.schemaVersionNode
    }

    /// The first problem in `bytes`, or nil when they are one well-formed JSON object without duplicate fields.
    static func firstProblem(in bytes: [UInt8]) -> RecordProblem? {
        do {
            _ = try JSONTape(bytes)
            return nil
        } catch {
            return error
        }
    }
}

/// Where a scan stopped and why.
struct TapeStop: Error {
    enum Kind { case syntax(JSONSyntaxProblem), duplicateField(String), invalidUTF8 }
    let offset: Int
    let kind: Kind
}

private struct Tokenizer {
    var nodes: [JSONTape.Node] = []
    var schemaVersionNode: Int?
    private var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private var index = 0
    private static let schemaVersionName = Array(RecordCoding.schemaVersionKey.utf8)
    /// Records nest a handful of levels; the limit keeps a hostile file from exhausting the stack.
    static let maximumDepth = 128

    init(count: Int) {
        // Pretty-printed records run to about one node per 12 bytes.
        nodes.reserveCapacity(count / 12 + 8)
    }

    /// Scans one value and trailing whitespace; returns whether the value was an object.
    mutating func scanDocument(_ buffer: UnsafeBufferPointer<UInt8>) throws(TapeStop) -> Bool {
        bytes = buffer
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }  // Foundation accepts a byte-order mark.
        skipWhitespace()
        let isObject = current == UInt8(ascii: "{")
        try scanValue(depth: 0, parent: -1)
        skipWhitespace()
        guard index == bytes.count else { throw stop(.textAfterRecord) }
        return isObject
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func stop(_ problem: JSONSyntaxProblem) -> TapeStop {
        TapeStop(offset: index, kind: .syntax(index < bytes.count ? problem : .unexpectedEnd))
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    private mutating func expect(_ byte: UInt8, _ description: String) throws(TapeStop) {
        guard current == byte else { throw stop(.expected(description)) }
        index += 1
    }

    private mutating func append(_ kind: JSONTape.Kind, _ start: Int, _ end: Int, parent: Int) {
        nodes.append(JSONTape.Node(kind: kind, start: Int32(start), end: Int32(end), count: 0, parent: Int32(parent)))
    }

    private mutating func scanValue(depth: Int, parent: Int) throws(TapeStop) {
        guard depth < Self.maximumDepth else { throw stop(.nestedTooDeeply) }
        switch current ?? 0 {  // at the end, `stop` reports .unexpectedEnd
        case UInt8(ascii: "{"): try scanObject(depth: depth, parent: parent)
        case UInt8(ascii: "["): try scanArray(depth: depth, parent: parent)
        case UInt8(ascii: "\""):
            let start = index + 1
            let escaped = try scanString()
            append(escaped ? .escapedString : .string, start, index - 1, parent: parent)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            try scanNumber()
            append(.number, start, index, parent: parent)
        case UInt8(ascii: "t"):
            try scanLiteral("true")
            append(.true, index - 4, index, parent: parent)
        case UInt8(ascii: "f"):
            try scanLiteral("false")
            append(.false, index - 5, index, parent: parent)
        case UInt8(ascii: "n"):
            try scanLiteral("null")
            append(.null, index - 4, index, parent: parent)
        default: throw stop(.expected("a value"))
        }
    }

    private mutating func scanObject(depth: Int, parent: Int) throws(TapeStop) {
        let me = nodes.count
        append(.object, index, 0, parent: parent)
        index += 1
        skipWhitespace()
        var count: Int32 = 0
        defer {
            nodes[me].count = count
            nodes[me].end = Int32(nodes.count)
        }
        if current == UInt8(ascii: "}") {
            index += 1
            return
        }
        var names = FieldNames()
        while true {
            guard current == UInt8(ascii: "\"") else { throw stop(.expected("a field name in double quotes")) }
            let nameStart = index
            let escaped = try scanString()
            let name = FieldNames.Name(content: (nameStart + 1)..<(index - 1), escaped: escaped)
            guard names.insert(name, in: bytes) else {
                let decoded = JSONTape.unescaped(UnsafeBufferPointer(rebasing: bytes[name.content]))
                throw TapeStop(offset: nameStart, kind: .duplicateField(String(decoding: decoded, as: UTF8.self)))
            }
            append(escaped ? .escapedString : .string, name.content.lowerBound, name.content.upperBound, parent: me)
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "':' after a field name")
            skipWhitespace()
            let valueNode = nodes.count
            try scanValue(depth: depth + 1, parent: me)
            count += 1
            if depth == 0, name.isEqual(to: Self.schemaVersionName, in: bytes) { schemaVersionNode = valueNode }
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                index += 1
                return
            default:
                throw stop(.expected("',' or '}'"))
            }
        }
    }

    private mutating func scanArray(depth: Int, parent: Int) throws(TapeStop) {
        let me = nodes.count
        append(.array, index, 0, parent: parent)
        index += 1
        skipWhitespace()
        var count: Int32 = 0
        defer {
            nodes[me].count = count
            nodes[me].end = Int32(nodes.count)
        }
        if current == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            try scanValue(depth: depth + 1, parent: me)
            count += 1
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                index += 1
                return
            default:
                throw stop(.expected("',' or ']'"))
            }
        }
    }

    /// Scans a string from its opening quote to just past its closing one, checking its escapes
    /// and its UTF-8; returns whether it had an escape.
    private mutating func scanString() throws(TapeStop) -> Bool {
        index += 1
        var escaped = false
        let count = bytes.count
        let base = UnsafeRawPointer(bytes.baseAddress)
        while true {
            // Eight plain bytes at a time, the common case: none a quote, a backslash, a control
            // character or part of a multi-byte character.
            if let base {
                while index + 8 <= count {
                    let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let ones: UInt64 = 0x0101_0101_0101_0101
                    let high: UInt64 = 0x8080_8080_8080_8080
                    let quote = word ^ (ones &* 0x22)
                    let backslash = word ^ (ones &* 0x5C)
                    let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | (word &- ones &* 0x20) | word
                    if special & high != 0 { break }
                    index += 8
                }
            }
            guard index < count else { throw stop(.unexpectedEnd) }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return escaped
            case UInt8(ascii: "\\"):
                escaped = true
                try scanEscape()
            case 0x00..<0x20:
                throw stop(.controlCharacterInString)
            case 0x80...:
                guard let length = UTF8Validation.sequenceLength(at: index, in: bytes) else {
                    throw TapeStop(offset: index, kind: .invalidUTF8)
                }
                index += length
            default:
                index += 1
            }
        }
    }

    private mutating func scanEscape() throws(TapeStop) {
        index += 1
        guard let byte = current else { throw stop(.unexpectedEnd) }
        if JSONTape.simpleEscapes[Int(byte)] != 0 {
            index += 1
            return
        }
        guard byte == UInt8(ascii: "u") else { throw stop(.invalidEscape) }
        index += 1
        let unit = try scanHexQuad()
        if (0xD800...0xDBFF).contains(unit) {
            guard current == UInt8(ascii: "\\") else { throw stop(.invalidEscape) }
            index += 1
            guard current == UInt8(ascii: "u") else { throw stop(.invalidEscape) }
            index += 1
            let low = try scanHexQuad()
            guard (0xDC00...0xDFFF).contains(low) else { throw stop(.invalidEscape) }
        } else if (0xDC00...0xDFFF).contains(unit) {
            throw stop(.invalidEscape)
        }
    }

    private mutating func scanHexQuad() throws(TapeStop) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard let byte = current else { throw stop(.unexpectedEnd) }
            guard let digit = JSONTape.hexDigit(byte) else { throw stop(.invalidEscape) }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    private mutating func scanNumber() throws(TapeStop) {
        if current == UInt8(ascii: "-") { index += 1 }
        if current == UInt8(ascii: "0") {
            index += 1
        } else {
            try scanDigits()
        }
        if current == UInt8(ascii: ".") {
            index += 1
            try scanDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            try scanDigits()
        }
        if let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            throw stop(.invalidNumber)  // a leading zero such as 012
        }
    }

    private mutating func scanDigits() throws(TapeStop) {
        let start = index
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
        guard index > start else { throw stop(.invalidNumber) }
    }

    private mutating func scanLiteral(_ literal: StaticString) throws(TapeStop) {
        for offset in 0..<literal.utf8CodeUnitCount {
            guard let byte = current else { throw stop(.unexpectedEnd) }
            guard byte == literal.utf8Start[offset] else { throw stop(.expected("a value")) }
            index += 1
        }
    }
}

extension JSONTape {
    /// For each byte that may follow a backslash (other than `u`), the byte it stands for; 0 for the rest.
    static let simpleEscapes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for (escape, byte) in [("\"", 0x22), ("\\", 0x5C), ("/", 0x2F), ("b", 0x08), ("f", 0x0C), ("n", 0x0A), ("r", 0x0D), ("t", 0x09)] {
            table[Int(UInt8(ascii: Unicode.Scalar(escape)!))] = UInt8(byte)
        }
        return table
    }()

    static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The UTF-8 bytes a string's content stands for, escapes resolved; the content was checked by the scan.
    static func unescaped(_ content: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(content.count)
        var index = 0
        func hexQuad(_ from: Int) -> UInt32 {
            (from..<(from + 4)).reduce(0) { $0 << 4 | UInt32(hexDigit(content[$1]) ?? 0) }
        }
        while index < content.count {
            let byte = content[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < content.count else {
                output.append(byte)
                index += 1
                continue
            }
            let kind = content[index + 1]
            index += 2
            guard kind == UInt8(ascii: "u") else {
                output.append(simpleEscapes[Int(kind)])
                continue
            }
            var value = hexQuad(index)
            index += 4
            if (0xD800..<0xDC00).contains(value), index + 6 <= content.count {
                value = 0x10000 + ((value - 0xD800) << 10) + (hexQuad(index + 2) - 0xDC00)
                index += 6
            }
            output.append(contentsOf: String(Character(Unicode.Scalar(value) ?? "\u{FFFD}")).utf8)
        }
        return output
    }
}

/// The field names of one object, to find a duplicate without copying each name.
///
/// Names are compared as byte ranges of the file while none has an escape and there are few of
/// them (every record object); an escaped name, or a long object, switches to a set of decoded names.
private struct FieldNames {
    struct Name {
        /// The bytes between the quotes.
        let content: Range<Int>
        let escaped: Bool

        /// The name's UTF-8 bytes with escapes resolved.
        func decoded(in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
            escaped ? JSONTape.unescaped(UnsafeBufferPointer(rebasing: bytes[content])) : Array(bytes[content])
        }

        func isEqual(to name: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            escaped ? decoded(in: bytes) == name : bytes[content].elementsEqual(name)
        }
    }

    /// Past this many names a linear search costs more than hashing.
    private static let linearLimit = 24
    private var plain: [Range<Int>] = []
    private var decoded: Set<[UInt8]>?

    /// Adds `name`; false when the object already has it.
    mutating func insert(_ name: Name, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if decoded == nil, !name.escaped, plain.count < Self.linearLimit {
            for other in plain where other.count == name.content.count && bytes[other].elementsEqual(bytes[name.content]) {
                return false
            }
            plain.append(name.content)
            return true
        }
        if decoded == nil {
            decoded = Set(plain.map { Array(bytes[$0]) })
            plain = []
        }
        return decoded!.insert(name.decoded(in: bytes)).inserted
    }
}

/// A 1-based line and column (in characters) of a byte offset, computed only when reporting.
struct TextPosition: Equatable {
    let line: Int
    let column: Int

    init(of offset: Int, in bytes: [UInt8]) {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1  // count characters, not the continuation bytes inside them
            }
        }
        self.line = line
        self.column = column
    }
}

/// UTF-8 well-formedness as Unicode defines it (no overlong forms, surrogates or values above U+10FFFF).
enum UTF8Validation {
    /// The offset of the first byte that starts an ill-formed sequence, or nil when all of `bytes` is UTF-8.
    static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                if buffer[index] < 0x80 {
                    index += 1
                    continue
                }
                guard let length = sequenceLength(at: index, in: buffer) else { return index }
                index += length
            }
            return nil
        }
    }

    /// The length of the well-formed multi-byte sequence starting at `index`, or nil when it is ill-formed.
    @inline(__always)
    static func sequenceLength(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let secondRange: ClosedRange<UInt8>
        let length: Int
        switch bytes[index] {
        case 0xC2...0xDF: (secondRange, length) = (0x80...0xBF, 2)
        case 0xE0: (secondRange, length) = (0xA0...0xBF, 3)
        case 0xE1...0xEC, 0xEE...0xEF: (secondRange, length) = (0x80...0xBF, 3)
        case 0xED: (secondRange, length) = (0x80...0x9F, 3)
        case 0xF0: (secondRange, length) = (0x90...0xBF, 4)
        case 0xF1...0xF3: (secondRange, length) = (0x80...0xBF, 4)
        case 0xF4: (secondRange, length) = (0x80...0x8F, 4)
        default: return nil
        }
        guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return nil }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return nil }
        return length
    }
}

/// Field names as they may appear in messages.
enum FieldName {
    /// The name itself when it looks like a schema field name; otherwise a placeholder, because a key
    /// that is not an identifier could be data (a name used as a dictionary key) and must not leak.
    static func displayable(_ name: String) -> String {
        let allowed = name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "-")
        }
        return allowed && !name.isEmpty && name.utf8.count <= 64 ? name : "(unnamed field)"
    }
}
