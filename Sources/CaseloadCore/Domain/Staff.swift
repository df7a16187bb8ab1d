/// A member of staff; the id is their login name, so `--as` and `$USER` find them.
public struct Staff: StoredRecord {
    public static let schemaVersion = 1

    public var id: StaffID
    public var revision: Revision
    public var displayName: String
    /// Licensure as written after the name, e.g. "LCSW", "LPC, LCDC".
    public var credentials: String
    public var role: StaffRole
    public var isActive: Bool

    public init(
        id: StaffID, displayName: String, credentials: String, role: StaffRole, isActive: Bool = true,
        revision: Revision
    ) {
        self.id = id
        self.displayName = displayName
        self.credentials = credentials
        self.role = role
        self.isActive = isActive
        self.revision = revision
    }

    /// "Maria Garcia, LCSW".
    public var signatureLine: String {
        credentials.isEmpty ? displayName : "\(displayName), \(credentials)"
    }
}

public enum StaffRole: String, Codable, Sendable, CaseIterable {
    case counselor
    case supervisor
    case admin
}
