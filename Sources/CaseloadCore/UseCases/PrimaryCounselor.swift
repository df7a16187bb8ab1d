/// Why a staff member cannot carry a caseload as primary counselor.
public enum CounselorReason: Sendable, Equatable {
    case role(StaffRole)
    case inactive

    func text(_ staff: StaffID) -> String {
        switch self {
        case .role(let role): "\(staff) is \(role.withArticle)"
        case .inactive: "\(staff) is no longer active"
        }
    }
}

extension Caseload {
    /// The staff member named as primary counselor, refused unless they are an active counselor
    /// or supervisor: an administrator or someone who has left cannot carry a caseload.
    func primaryCounselor(_ id: StaffID) throws(CaseloadError) -> StaffID {
        try rule { () throws(DomainError) in try refuseControls(id.rawValue, "The primary counselor's id") }
        let staff: Staff
        do {
            staff = try store.staffMember(id)
        } catch .recordNotFound, .invalidRecordID {
            throw .refused(.unknownCounselor(id))
        } catch {
            throw .store(error)
        }
        guard staff.role != .admin else { throw .refused(.notACounselor(id, because: .role(staff.role))) }
        guard staff.isActive else { throw .refused(.notACounselor(id, because: .inactive)) }
        return staff.id
    }
}
