/// A file in the data folder that cannot be used as a record, and why: what listings and `check` report.
public struct RecordDamage: Error, Sendable, Hashable, CustomStringConvertible {
    /// The damaged file.
    public let file: StorePath
    /// What is wrong with it.
    public let problem: RecordProblem

    /// Names the damage `problem` in `file`.
    public init(_ file: StorePath, _ problem: RecordProblem) {
        self.file = file
        self.problem = problem
    }

    /// One sentence: the file, what is wrong, what to do.
    public var description: String { "\(file) \(problem.problem); \(problem.advice)." }
}

/// What is wrong with a record file, described without quoting any of its content.
///
/// Field names come from Caseload's own schema, so naming them leaks nothing; values are
/// never repeated, because they are health information.
public enum RecordProblem: Error, Sendable, Hashable {
    /// The file has no bytes.
    case empty
    /// The file is larger than any record Caseload writes.
    case tooLarge(bytes: Int)
    /// The path is a symbolic link.
    case symbolicLink
    /// The file has more than one name, so a change through one name would silently change another.
    case hardLinked(links: Int)
    /// The path is a folder, device, socket or FIFO.
    case notARegularFile
    /// The bytes are not UTF-8 text.
    case invalidUTF8(line: Int, column: Int)
    /// The text is not JSON.
    case invalidJSON(line: Int, column: Int, problem: JSONSyntaxProblem)
    /// An object has the same field twice; decoders disagree on which one wins, so neither is trusted.
    case duplicateField(name: String, line: Int)
    /// The top level is valid JSON but not an object.
    case notAnObject
    /// The file has no `schemaVersion`.
    case missingSchemaVersion
    /// The file was written by a newer Caseload.
    case newerSchemaVersion(found: Int, newestSupported: Int)
    /// A required field is absent.
    case missingField(path: String)
    /// A field holds the wrong kind of value.
    case wrongType(path: String, expected: String)
    /// A field holds a value of the right kind that is not allowed (an impossible date, an unknown status).
    case invalidValue(path: String)
    /// The file could not be read at all.
    case unreadable(FailureReason)
    /// The record inside belongs at another path (its id, participant or date says so).
    case misfiled(expectedPath: String)

    /// What is wrong, as the predicate of a sentence whose subject is the file: "is empty".
    public var problem: String {
        switch self {
        case .empty:
            "is empty"
        case .tooLarge(let bytes):
            "is \(ByteCountText.describe(bytes)), larger than any Caseload record; it was not read"
        case .symbolicLink:
            "is a symbolic link; Caseload does not follow links in its data folder"
        case .hardLinked(let links):
            "has \(links) names (hard links), so changing it here would silently change it elsewhere"
        case .notARegularFile:
            "is not a regular file"
        case .invalidUTF8(let line, let column):
            "is not UTF-8 text (line \(line), column \(column))"
        case .invalidJSON(let line, let column, .unexpectedEnd):
            "ends unexpectedly at line \(line), column \(column), as if it was cut short"
        case .invalidJSON(let line, let column, let problem):
            "is not valid JSON at line \(line), column \(column): \(problem)"
        case .duplicateField(let name, let line):
            "has the field \"\(name)\" twice (the second at line \(line))"
        case .notAnObject:
            "does not hold a Caseload record (its top level is not a JSON object)"
        case .missingSchemaVersion:
            "has no schemaVersion, so Caseload cannot tell how to read it"
        case .newerSchemaVersion(let found, let newest):
            "was written by a newer Caseload (schema version \(found); this one reads up to \(newest))"
        case .missingField(let path):
            "lacks the required field \"\(path)\""
        case .wrongType(let path, let expected):
            "has the wrong kind of value in \"\(path)\" (expected \(expected))"
        case .invalidValue(let path):
            "has a value Caseload does not accept in \"\(path)\""
        case .unreadable(let reason):
            "could not be read because \(reason)"
        case .misfiled(let expected):
            "holds a record that belongs at \(expected)"
        }
    }

    /// What to do about it, as a clause: "restore it from a backup".
    public var advice: String {
        switch self {
        case .newerSchemaVersion:
            "update Caseload on this computer to open it; the file was left unchanged"
        case .symbolicLink:
            "replace the link with the file it points to; the link was left unchanged"
        case .hardLinked:
            "replace it with a plain copy of itself; the file was left unchanged"
        case .tooLarge, .notARegularFile:
            "move it out of the data folder or restore the real record from a backup"
        case .unreadable(let reason):
            reason.advice
        case .misfiled:
            "move it there or restore this file from a backup; Caseload has not changed it"
        default:
            "restore it from a backup; Caseload has not changed it"
        }
    }
}

/// A JSON syntax error, named by what the parser expected rather than by what it found.
public enum JSONSyntaxProblem: Sendable, Hashable, CustomStringConvertible {
    /// The text stops inside a value (the usual sign of a cut-short file).
    case unexpectedEnd
    /// A different character was required here ("a value", "',' or '}'").
    case expected(String)
    /// A backslash escape that JSON does not define, or a lone UTF-16 surrogate.
    case invalidEscape
    /// A raw control character (such as a tab or newline) inside a string.
    case controlCharacterInString
    /// A number that JSON does not allow (leading zero, missing digits).
    case invalidNumber
    /// Arrays or objects nested deeper than any record needs.
    case nestedTooDeeply
    /// More text after the record ended.
    case textAfterRecord

    /// The problem as a noun phrase.
    public var description: String {
        switch self {
        case .unexpectedEnd: "the text ends too early"
        case .expected(let what): "expected \(what)"
        case .invalidEscape: "a backslash escape is not valid"
        case .controlCharacterInString: "a text value contains a raw control character"
        case .invalidNumber: "a number is not written the way JSON requires"
        case .nestedTooDeeply: "values are nested too deeply"
        case .textAfterRecord: "there is more text after the record ends"
        }
    }
}

/// Sizes in decimal units, as file managers show them.
enum ByteCountText {
    /// "512 bytes", "8.4 MB", "100 MB".
    static func describe(_ bytes: Int) -> String {
        let units = ["KB", "MB", "GB", "TB"]
        guard bytes >= 1000 else { return "\(bytes) bytes" }
        var value = Double(bytes)
        var unit = -1
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return "\(text) \(units[unit])"
    }
}

extension RecordProblem {
    /// True for problems with what the path is (a link, a folder, a file with several names),
    /// which a walk of the folder finds without reading anything.
    var isAboutTheEntryItself: Bool {
        switch self {
        case .symbolicLink, .hardLinked, .notARegularFile: true
        default: false
        }
    }
}
