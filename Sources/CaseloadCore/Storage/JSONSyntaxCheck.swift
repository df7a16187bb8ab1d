/// A strict RFC 8259 syntax check that also finds duplicate field names.
///
/// Foundation's `JSONDecoder` on this toolchain reports syntax errors without a position,
/// accepts trailing commas, and silently keeps the first of two equal keys, so a hand-edited
/// record with `"status"` twice would load with whichever value the decoder picked. This check
/// runs before decoding and turns each of those into a `RecordProblem` with a line and column.
enum JSONSyntaxCheck {
    /// The first problem in `bytes`, or nil when they are one well-formed JSON object without duplicate fields.
    static func firstProblem(in bytes: [UInt8]) -> RecordProblem? {
        do {
            _ = try check(bytes)
            return nil
        } catch {
            return error
        }
    }

    /// Checks `bytes` the way `firstProblem` does and, when they pass, returns where the value of
    /// the top-level `schemaVersion` field is, so reading it needs no second parse.
    static func check(_ bytes: [UInt8]) throws(RecordProblem) -> CheckedRecord {
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
            let position = TextPosition(of: offset, in: bytes)
            throw .invalidUTF8(line: position.line, column: position.column)
        }
        var scanner = Scanner(bytes: bytes)
        let isObject: Bool
        do {
            isObject = try scanner.scanDocument()
        } catch {
            let position = TextPosition(of: error.offset, in: bytes)
            switch error.kind {
            case .syntax(let problem):
                throw .invalidJSON(line: position.line, column: position.column, problem: problem)
            case .duplicateField(let name):
                throw .duplicateField(name: FieldName.displayable(name), line: position.line)
            }
        }
        guard isObject else { throw .notAnObject }
        return CheckedRecord(schemaVersionValue: scanner.schemaVersionValue)
    }
}

/// What a passed syntax check found out on the way.
struct CheckedRecord {
    /// The bytes of the top-level `schemaVersion` value (such as `1`); nil when there is no such field.
    let schemaVersionValue: Range<Int>?
}

/// Where a scan stopped and why.
private struct ScanStop: Error {
    enum Kind { case syntax(JSONSyntaxProblem), duplicateField(String) }
    let offset: Int
    let kind: Kind
}

private struct Scanner {
    let bytes: [UInt8]
    var index = 0
    /// Where the top-level `schemaVersion` value is, once scanned.
    var schemaVersionValue: Range<Int>?
    private static let schemaVersionName = Array(RecordCoding.schemaVersionKey.utf8)
    /// Records nest a handful of levels; the limit keeps a hostile file from exhausting the stack.
    static let maximumDepth = 128
    /// The one-character escapes and the byte each stands for.
    static let simpleEscapes: [UInt8: UInt8] = [
        UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
        UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
    ]

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Scans one value and trailing whitespace; returns whether the value was an object.
    mutating func scanDocument() throws(ScanStop) -> Bool {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }  // Foundation accepts a byte-order mark.
        skipWhitespace()
        let isObject = current == UInt8(ascii: "{")
        try scanValue(depth: 0)
        skipWhitespace()
        guard index == bytes.count else { throw stop(.textAfterRecord) }
        return isObject
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func stop(_ problem: JSONSyntaxProblem) -> ScanStop {
        ScanStop(offset: index, kind: .syntax(index < bytes.count ? problem : .unexpectedEnd))
    }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ description: String) throws(ScanStop) {
        guard current == byte else { throw stop(.expected(description)) }
        index += 1
    }

    private mutating func scanValue(depth: Int) throws(ScanStop) {
        guard depth < Self.maximumDepth else { throw stop(.nestedTooDeeply) }
        switch current ?? 0 {  // at the end, `stop` reports .unexpectedEnd
        case UInt8(ascii: "{"): try scanObject(depth: depth)
        case UInt8(ascii: "["): try scanArray(depth: depth)
        case UInt8(ascii: "\""): _ = try scanString(keepingBytes: false)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber()
        case UInt8(ascii: "t"): try scanLiteral("true")
        case UInt8(ascii: "f"): try scanLiteral("false")
        case UInt8(ascii: "n"): try scanLiteral("null")
        default: throw stop(.expected("a value"))
        }
    }

    private mutating func scanObject(depth: Int) throws(ScanStop) {
        index += 1
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return
        }
        var names = FieldNames()
        while true {
            guard current == UInt8(ascii: "\"") else { throw stop(.expected("a field name in double quotes")) }
            let nameStart = index
            let escaped = try skipString()
            let name = FieldNames.Name(content: (nameStart + 1)..<(index - 1), escaped: escaped)
            guard names.insert(name, in: bytes) else {
                throw ScanStop(offset: nameStart, kind: .duplicateField(String(decoding: name.decoded(in: bytes), as: UTF8.self)))
            }
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "':' after a field name")
            skipWhitespace()
            let valueStart = index
            try scanValue(depth: depth + 1)
            if depth == 0, name.isEqual(to: Self.schemaVersionName, in: bytes) { schemaVersionValue = valueStart..<index }
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

    private mutating func scanArray(depth: Int) throws(ScanStop) {
        index += 1
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            try scanValue(depth: depth + 1)
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

    /// Scans a string starting at its opening quote without keeping it; returns whether it had an escape.
    private mutating func skipString() throws(ScanStop) -> Bool {
        index += 1
        var escaped = false
        var ignored: [UInt8] = []
        while true {
            guard let byte = current else { throw stop(.unexpectedEnd) }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return escaped
            case UInt8(ascii: "\\"):
                escaped = true
                try scanEscape(into: &ignored)
            case 0x00..<0x20:
                throw stop(.controlCharacterInString)
            default:
                index += 1
            }
        }
    }

    /// Scans a string starting at its opening quote; returns its decoded UTF-8 bytes when asked to keep them.
    mutating func scanString(keepingBytes: Bool) throws(ScanStop) -> [UInt8] {
        index += 1
        var decoded: [UInt8] = []
        while true {
            guard let byte = current else { throw stop(.unexpectedEnd) }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return decoded
            case UInt8(ascii: "\\"):
                try scanEscape(into: &decoded)
            case 0x00..<0x20:
                throw stop(.controlCharacterInString)
            default:
                if keepingBytes { decoded.append(byte) }
                index += 1
            }
        }
    }

    private mutating func scanEscape(into decoded: inout [UInt8]) throws(ScanStop) {
        index += 1
        guard let byte = current else { throw stop(.unexpectedEnd) }
        if let replacement = Self.simpleEscapes[byte] {
            decoded.append(replacement)
            index += 1
            return
        }
        guard byte == UInt8(ascii: "u") else { throw stop(.invalidEscape) }
        index += 1
        let unit = try scanHexQuad()
        var scalarValue = UInt32(unit)
        if (0xD800...0xDBFF).contains(unit) {
            guard current == UInt8(ascii: "\\") else { throw stop(.invalidEscape) }
            index += 1
            guard current == UInt8(ascii: "u") else { throw stop(.invalidEscape) }
            index += 1
            let low = try scanHexQuad()
            guard (0xDC00...0xDFFF).contains(low) else { throw stop(.invalidEscape) }
            scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(unit) {
            throw stop(.invalidEscape)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else { throw stop(.invalidEscape) }
        decoded.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private mutating func scanHexQuad() throws(ScanStop) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard let byte = current else { throw stop(.unexpectedEnd) }
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw stop(.invalidEscape)
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    private mutating func scanNumber() throws(ScanStop) {
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

    private mutating func scanDigits() throws(ScanStop) {
        let start = index
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
        guard index > start else { throw stop(.invalidNumber) }
    }

    private mutating func scanLiteral(_ literal: String) throws(ScanStop) {
        for expected in literal.utf8 {
            guard let byte = current else { throw stop(.unexpectedEnd) }
            guard byte == expected else { throw stop(.expected("a value")) }
            index += 1
        }
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
        func decoded(in bytes: [UInt8]) -> [UInt8] {
            guard escaped else { return Array(bytes[content]) }
            var scanner = Scanner(bytes: bytes)
            scanner.index = content.lowerBound - 1
            // Already scanned once without error, so this cannot fail.
            return (try? scanner.scanString(keepingBytes: true)) ?? []
        }

        func isEqual(to name: [UInt8], in bytes: [UInt8]) -> Bool {
            escaped ? decoded(in: bytes) == name : bytes[content].elementsEqual(name)
        }
    }

    /// Past this many names a linear search costs more than hashing.
    private static let linearLimit = 24
    private var plain: [Range<Int>] = []
    private var decoded: Set<[UInt8]>?

    /// Adds `name`; false when the object already has it.
    mutating func insert(_ name: Name, in bytes: [UInt8]) -> Bool {
        if decoded == nil, !name.escaped, plain.count < Self.linearLimit {
            for other in plain where other.count == name.content.count && bytes[other] == bytes[name.content] {
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
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let secondRange: ClosedRange<UInt8>
            let length: Int
            switch lead {
            case 0xC2...0xDF: (secondRange, length) = (0x80...0xBF, 2)
            case 0xE0: (secondRange, length) = (0xA0...0xBF, 3)
            case 0xE1...0xEC, 0xEE...0xEF: (secondRange, length) = (0x80...0xBF, 3)
            case 0xED: (secondRange, length) = (0x80...0x9F, 3)
            case 0xF0: (secondRange, length) = (0x90...0xBF, 4)
            case 0xF1...0xF3: (secondRange, length) = (0x80...0xBF, 4)
            case 0xF4: (secondRange, length) = (0x80...0x8F, 4)
            default: return index
            }
            guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return index }
            for continuation in bytes[(index + 2)..<(index + length)] where continuation & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return nil
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
