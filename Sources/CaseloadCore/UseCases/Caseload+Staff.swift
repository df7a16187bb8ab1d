/// A change to a staff member's record; nil fields stay as they are.
public struct StaffChange: Sendable, Equatable {
    public var displayName: String?
    public var credentials: String?
    public var role: StaffRole?
    public var isActive: Bool?

    public init(displayName: String? = nil, credentials: String? = nil, role: StaffRole? = nil, isActive: Bool? = nil) {
        self.displayName = displayName
        self.credentials = credentials
        self.role = role
        self.isActive = isActive
    }
}

extension Caseload {
    /// Adds a staff member. The first one on an empty caseload adds themselves and must be an
    /// administrator, who then adds everyone else; after that only an administrator adds staff.
    /// `actor` may be nil only for that first one, who needs no one to vouch for them.
    public func addStaff(
        _ id: StaffID, displayName: String, credentials: String, role: StaffRole, by actor: StaffID?
    ) throws(CaseloadError) -> Outcome<Staff> {
        try writing { lock throws(CaseloadError) in
            try rule { () throws(DomainError) in try refuseControls(id.rawValue, "The staff id") }
            let existing = store.staff()
            let acting: Staff
            if existing.records.isEmpty && existing.damaged.isEmpty {
                guard role == .admin else { throw .refused(.firstStaffMustBeAdmin(id)) }
                acting = Staff(
                    id: id, displayName: displayName, credentials: credentials, role: role,
                    revision: Revision(createdAt: clock.now(), createdBy: id))
            } else {
                guard let actor else { throw .refused(.noActingStaff) }
                acting = try permitted(.manageStaff, actor)
            }
            let name = try rule { () throws(DomainError) in
                try refuseControls(credentials, "The credentials")
                return try requiredText(displayName, "The staff member's name")
            }
            // Ids are logins and file names: two that differ only in case would share a file on
            // some disks and confuse everyone reading a signature.
            if let taken = existing.records.first(where: { $0.id.rawValue.lowercased() == id.rawValue.lowercased() }) {
                throw .refused(.staffIDTaken(id, existing: taken.id))
            }
            let member = Staff(
                id: id, displayName: name, credentials: credentials.trimmed, role: role,
                revision: Revision(createdAt: clock.now(), createdBy: acting.id))
            return try added(holding: lock, member, .staffAdd, by: acting)
        }
    }

    /// Changes a staff member's name, credentials, role or whether they are active. The last
    /// active administrator cannot be removed, or nobody could manage staff again.
    public func changeStaff(_ id: StaffID, _ change: StaffChange, by actor: StaffID) throws(CaseloadError) -> Outcome<Staff> {
        try writing { lock throws(CaseloadError) in
            let acting = try permitted(.manageStaff, actor)
            try rule { () throws(DomainError) in try refuseControls(id.rawValue, "The staff id") }
            let original = try stored { () throws(StoreError) in try store.staffMember(id) }
            var member = original
            if change.isActive == false, !original.isActive { throw .refused(.alreadyDeactivated(id)) }
            if let name = change.displayName {
                member.displayName = try rule { () throws(DomainError) in try requiredText(name, "The staff member's name") }
            }
            if let credentials = change.credentials {
                try rule { () throws(DomainError) in try refuseControls(credentials, "The credentials") }
                member.credentials = credentials.trimmed
            }
            if let role = change.role { member.role = role }
            if let active = change.isActive { member.isActive = active }
            guard member != original else { throw .refused(.nothingToChange) }
            let remainsAdmin = member.role == .admin && member.isActive
            let others = store.staff().records.filter { $0.id != id && $0.role == .admin && $0.isActive }
            if !remainsAdmin, others.isEmpty {
                throw .refused(.lastAdministrator(id))
            }
            let action: AuditAction = change.isActive == false ? .staffDeactivate : .staffEdit
            return try saved(holding: lock, member, action, by: acting, warnings: caseloadLeftBehind(by: member))
        }
    }
}

extension Caseload {
    /// A warning when `member` can no longer counsel (deactivated, or now an administrator) but is
    /// still the primary counselor of people in care. Read from the roster index without taking
    /// its lock (the operation holds the write lock); no index means no warning, never a wait.
    fileprivate func caseloadLeftBehind(by member: Staff) -> [Warning] {
        guard !member.isActive || member.role == .admin else { return [] }
        let count = ((try? store.readRosterIndex()) ?? nil)?.entries
            .filter { $0.isInCare && $0.primaryCounselor == member.id }.count ?? 0
        return count == 0 ? [] : [.caseloadNeedsReassigning(member.id, participants: count)]
    }
}
