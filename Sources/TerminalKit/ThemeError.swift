/// Why a theme could not be used; every message names the file (or the name asked for) and,
/// for a bad value, the field, so the user can fix it without reading code.
public enum ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(source: String, reason: String)
    /// The file is not JSON; line and column are 1-based when known.
    case invalidJSON(source: String, line: Int?, column: Int?)
    /// A field holds something it cannot (`field` is a path such as `roles."header".fg`).
    case invalidField(source: String, field: String, problem: String)
    /// The file styles roles the console does not have (usually a typo).
    case unknownRoles(source: String, roles: [String], known: [String])
    /// The file was written for a newer Caseload.
    case unsupportedSchemaVersion(source: String, found: Int, supported: Int)
    /// No theme of that name in any theme folder.
    case notFound(name: String, searched: [String], available: [String])

    public var description: String {
        switch self {
        case .unreadable(let source, let reason):
            return "\(source): cannot be read: \(reason)"
        case .invalidJSON(let source, let line?, let column?):
            return "\(source): not valid JSON near line \(line), column \(column)"
        case .invalidJSON(let source, _, _):
            return "\(source): not valid JSON"
        case .invalidField(let source, let field, let problem):
            return "\(source): \(field): \(problem)"
        case .unknownRoles(let source, let roles, let known):
            let noun = roles.count == 1 ? "role" : "roles"
            return "\(source): roles: unknown \(noun) \(roles.map { "\"\($0)\"" }.joined(separator: ", "))"
                + " (known roles: \(known.joined(separator: ", ")))"
        case .unsupportedSchemaVersion(let source, let found, let supported):
            return "\(source): schemaVersion \(found) is newer than this Caseload understands (\(supported)); upgrade Caseload or use an older theme"
        case .notFound(let name, let searched, let available):
            let places = searched.isEmpty ? "no theme folder found" : "looked in \(searched.joined(separator: ", "))"
            let choices = available.isEmpty ? "no themes are installed" : "available: \(available.joined(separator: ", "))"
            return "no theme named \"\(name)\" (\(places); \(choices))"
        }
    }
}
