import Foundation

// A theme file (see themes/README.md):
//
//   {
//     "schemaVersion": 1,
//     "name": "dark",
//     "roles": {
//       "border.focused": { "fg": "cyan", "bold": true },
//       "roster.selected": { "fg": 16, "bg": "bright-cyan" }
//     }
//   }
//
// Colors are "default", an ANSI name ("red", "bright-red") or a 256-color number 0–255.
// Attributes are bold, dim, underline and reverse (true/false). "name" defaults to the file name.
// Every field is checked and every mistake is reported with the file and the field path.

extension Theme {
    /// The newest theme file format this version reads.
    public static let schemaVersion = 1

    private static let styleFields = ["fg", "bg", "bold", "dim", "underline", "reverse"]
    private static let topLevelFields = ["schemaVersion", "name", "roles"]

    /// Decodes a theme file; `source` names it in errors, `knownRoles` are the roles it may style.
    public static func decode(from data: Data, source: String, knownRoles: Set<Role>) throws(ThemeError) -> Theme {
        let document: JSONValue
        switch JSONValue.parse(data) {
        case .success(let value): document = value
        case .failure(let error): throw .invalidJSON(source: source, line: error.line, column: error.column)
        }
        func invalid(_ field: String, _ problem: String) -> ThemeError {
            .invalidField(source: source, field: field, problem: problem)
        }
        guard case .object(let top) = document else {
            throw invalid("(top level)", "expected an object with schemaVersion, name and roles, found \(document.shown)")
        }
        if let extra = top.keys.sorted().first(where: { !topLevelFields.contains($0) }) {
            throw invalid(extra, "unknown field (expected \(topLevelFields.joined(separator: ", ")))")
        }

        guard let versionValue = top["schemaVersion"] else { throw invalid("schemaVersion", "missing (expected \(schemaVersion))") }
        guard case .number(let versionNumber) = versionValue, let version = Int(exactly: versionNumber), version >= 1 else {
            throw invalid("schemaVersion", "expected a whole number such as \(schemaVersion), found \(versionValue.shown)")
        }
        guard version <= schemaVersion else {
            throw .unsupportedSchemaVersion(source: source, found: version, supported: schemaVersion)
        }

        var name = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
        if let nameValue = top["name"] {
            guard case .string(let value) = nameValue, !value.isEmpty else {
                throw invalid("name", "expected a non-empty string, found \(nameValue.shown)")
            }
            name = value
        }

        guard let rolesValue = top["roles"] else { throw invalid("roles", "missing (expected an object of role styles)") }
        guard case .object(let roles) = rolesValue else {
            throw invalid("roles", "expected an object of role styles, found \(rolesValue.shown)")
        }
        let unknown = roles.keys.filter { !knownRoles.contains(Role($0)) }.sorted()
        guard unknown.isEmpty else {
            throw .unknownRoles(source: source, roles: unknown, known: knownRoles.map(\.name).sorted())
        }

        var styles: [Role: Style] = [:]
        for (roleName, value) in roles.sorted(by: { $0.key < $1.key }) {
            let path = "roles.\"\(roleName)\""
            guard case .object(let fields) = value else {
                throw invalid(path, "expected an object such as {\"fg\": \"cyan\", \"bold\": true}, found \(value.shown)")
            }
            var style = Style()
            for (field, fieldValue) in fields.sorted(by: { $0.key < $1.key }) {
                let fieldPath = "\(path).\(field)"
                switch field {
                case "fg", "bg":
                    guard let color = color(from: fieldValue) else {
                        throw invalid(fieldPath, "\(fieldValue.shown) is not a color (use a name such as \"red\" or a number 0–255)")
                    }
                    if field == "fg" { style.fg = color } else { style.bg = color }
                case "bold", "dim", "underline", "reverse":
                    guard case .bool(let flag) = fieldValue else {
                        throw invalid(fieldPath, "expected true or false, found \(fieldValue.shown)")
                    }
                    switch field {
                    case "bold": style.bold = flag
                    case "dim": style.dim = flag
                    case "underline": style.underline = flag
                    default: style.reverse = flag
                    }
                default:
                    throw invalid(fieldPath, "unknown field (expected \(styleFields.joined(separator: ", ")))")
                }
            }
            styles[Role(roleName)] = style
        }
        return Theme(name: name, styles: styles)
    }

    private static func color(from value: JSONValue) -> Color? {
        switch value {
        case .string(let name): Color(name: name)
        case .number(let number): Int(exactly: number).flatMap(UInt8.init(exactly:)).map(Color.index)
        default: nil
        }
    }
}
