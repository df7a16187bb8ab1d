import Foundation

/// One audit line: which staff member did what to which record, and when.
///
/// It holds identifiers, numbers and a fixed action only, so no name, note or score can reach the
/// audit log: there is no field to put one in, and `AuditIdentifier` rejects anything with a space.
/// Lines written before revision numbers and the hash chain were recorded lack `kind`, `revision`,
/// `line` and `previous`; they are read as before.
public struct AuditEntry: Codable, Equatable, Sendable {
    /// What was done.
    public let action: AuditAction
    /// When, stored to the second in UTC.
    public let at: Date
    /// The record it was done to.
    public let record: AuditIdentifier
    /// Who did it.
    public let staff: AuditIdentifier
    /// The record's kind ("participant", "checkin"), since a staff id may look like a record id.
    public let kind: AuditIdentifier?
    /// The record revision the write produced, so `check` can match every record file to its line.
    public let revision: Int?
    /// This line's number in its month file, set by the log when appended: a deleted or moved line
    /// leaves a number out of place.
    public internal(set) var line: Int?
    /// SHA-256 (hex) of the line before it in the log, set by the log when appended: an edited line
    /// no longer hashes to what its successor says.
    public internal(set) var previous: String?

    /// An entry; `at` is truncated to whole seconds, as the file stores it.
    public init(
        action: AuditAction, at: Date, record: AuditIdentifier, staff: AuditIdentifier,
        kind: AuditIdentifier? = nil, revision: Int? = nil
    ) {
        self.action = action
        self.at = Date(timeIntervalSince1970: at.timeIntervalSince1970.rounded(.down))
        self.record = record
        self.staff = staff
        self.kind = kind
        self.revision = revision
    }
}

/// What was done, from a vocabulary fixed in code: "checkin.add", "note.sign".
public struct AuditAction: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The dotted lowercase name.
    public let rawValue: String

    /// An action named by a string literal; `StaticString` means text typed at run time can never become one.
    public init(_ literal: StaticString) {
        let name = literal.description
        precondition(Self.isWellFormed(name), "audit actions are dotted lowercase words, like checkin.add")
        rawValue = name
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard Self.isWellFormed(name) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an audit action")
        }
        rawValue = name
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    private static func isWellFormed(_ name: String) -> Bool {
        let words = name.split(separator: ".", omittingEmptySubsequences: false)
        return name.utf8.count <= 40 && words.count >= 2
            && words.allSatisfy { word in
                !word.isEmpty && word.utf8.allSatisfy { (0x61...0x7A).contains($0) || $0 == UInt8(ascii: "-") }
            }
    }
}

/// A record or staff identifier: 1 to 64 letters, digits, '-', '_' or '.', not starting with '.',
/// so never a full name or a sentence, and always safe as a file name.
public struct AuditIdentifier: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The identifier text.
    public let rawValue: String

    /// Accepts `text` only when it has the shape of an identifier.
    public init?(_ text: String) {
        guard Self.isWellFormed(text) else { return nil }
        rawValue = text
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard Self.isWellFormed(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an identifier")
        }
        rawValue = text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    private static func isWellFormed(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count) && !text.hasPrefix(".")
            && text.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            }
    }
}
