/// What staff do, each with its rule for who may do it. The table the operations check, the
/// tests walk role by role, and the README copies.
public enum StaffAction: String, CaseIterable, Sendable {
    case manageStaff
    case changeSettings
    case admit
    case editParticipant
    case transition
    case discharge
    case dischargeWithOpenFlag
    case readmit
    case manageConsents
    case editPlan
    case recordSession
    case changeAttendance
    case addMember
    case writeNote
    case signNote
    case coSignNote
    case addAddendum
    case recordCheckIn
    case acknowledgeFlag
    case raiseFlag
    case reviewRiskAssessment
    case reviewAuditLog

    /// The roles that may take the action at all.
    public var roles: Set<StaffRole> {
        switch self {
        case .manageStaff, .changeSettings: [.admin]
        case .coSignNote, .dischargeWithOpenFlag, .reviewRiskAssessment: [.supervisor]
        case .reviewAuditLog: [.admin, .supervisor]
        case .admit, .editParticipant, .transition, .discharge, .readmit, .manageConsents, .editPlan,
            .recordSession, .changeAttendance, .addMember, .writeNote, .signNote, .addAddendum, .recordCheckIn,
            .acknowledgeFlag, .raiseFlag:
            [.counselor, .supervisor]
        }
    }

    /// Whether the action is also limited, for `role`, to the facilitators of the session it concerns.
    func needsFacilitator(_ role: StaffRole) -> Bool {
        switch self {
        case .changeAttendance, .addMember, .writeNote, .signNote: true
        // An addendum corrects what the session's own clinicians wrote; a supervisor reviewing the
        // record may correct it too, though they did not lead the session.
        case .addAddendum: role != .supervisor
        default: false
        }
    }

    /// The rule as a refusal states it.
    public var rule: String {
        switch self {
        case .manageStaff: "Only an administrator can add, change or deactivate staff"
        case .changeSettings: "Only an administrator can change the program's settings"
        case .admit: "Only a counselor or supervisor can admit a participant"
        case .editParticipant: "Only a counselor or supervisor can change a participant's record"
        case .transition: "Only a counselor or supervisor can change a participant's level of care"
        case .discharge: "Only a counselor or supervisor can discharge a participant"
        case .dischargeWithOpenFlag: "Only a supervisor can discharge a participant whose safety flag is still open"
        case .readmit: "Only a counselor or supervisor can readmit a participant"
        case .manageConsents: "Only a counselor or supervisor can record, renew or revoke a consent to disclose"
        case .editPlan: "Only a counselor or supervisor can change a treatment plan"
        case .recordSession: "Only a counselor or supervisor can record a session"
        case .changeAttendance: "Only a facilitator of this session can change its attendance"
        case .addMember: "Only a facilitator of this session can add a member to it"
        case .writeNote: "Only a facilitator of this session can write its notes"
        case .signNote: "Only a facilitator of this session can sign its notes"
        case .coSignNote: "Only a supervisor who neither wrote nor signed a note can co-sign it"
        case .addAddendum: "Only a facilitator of the session or a supervisor can add an addendum to a signed note"
        case .recordCheckIn: "Only a counselor or supervisor can record a check-in"
        case .acknowledgeFlag: "Only a counselor or supervisor can assess a safety flag"
        case .raiseFlag: "Only a counselor or supervisor can raise a safety flag"
        case .reviewRiskAssessment: "Only a supervisor can review a high-risk assessment"
        case .reviewAuditLog: "Only an administrator or supervisor can review the audit log"
        }
    }
}

/// Why a staff member may not take an action.
public enum PermissionReason: Sendable, Equatable {
    case role(StaffRole)
    case notAFacilitator
    case wroteTheNote
    case signedTheNote

    /// The end of the refusal: "kbrown is an administrator".
    func text(_ staff: StaffID) -> String {
        switch self {
        case .role(let role): "\(staff) is \(role.withArticle)"
        case .notAFacilitator: "\(staff) is not one of its facilitators"
        case .wroteTheNote: "\(staff) wrote it"
        case .signedTheNote: "\(staff) signed it"
        }
    }
}

extension StaffRole {
    /// "a counselor", "an administrator".
    public var withArticle: String {
        switch self {
        case .counselor: "a counselor"
        case .supervisor: "a supervisor"
        case .admin: "an administrator"
        }
    }
}

/// Checks the permission table.
public enum Permissions {
    /// Refuses `staff` when their role may not take `action`, or, for note actions, when they do
    /// not facilitate `session`.
    public static func check(_ action: StaffAction, by staff: Staff, in session: Session? = nil) throws(DomainError) {
        guard action.roles.contains(staff.role) else {
            throw .notPermitted(action, staff: staff.id, because: .role(staff.role))
        }
        if action.needsFacilitator(staff.role), let session, !session.facilitators.contains(staff.id) {
            throw .notPermitted(action, staff: staff.id, because: .notAFacilitator)
        }
    }

    /// Refuses a co-signature by anyone but a supervisor who neither wrote nor signed `note`; a
    /// supervisor who co-wrote it is as much its writer as the one who started it.
    public static func checkCoSignature(of note: Note, by staff: Staff) throws(DomainError) {
        try check(.coSignNote, by: staff)
        if note.contributors.contains(staff.id) { throw .notPermitted(.coSignNote, staff: staff.id, because: .wroteTheNote) }
        if note.signature?.by == staff.id {
            throw .notPermitted(.coSignNote, staff: staff.id, because: .signedTheNote)
        }
    }

    /// Whether `staff` may co-sign `note`, for lists of what waits for them.
    public static func allowsCoSignature(of note: Note, by staff: Staff) -> Bool {
        (try? checkCoSignature(of: note, by: staff)) != nil
    }

    /// Why `staff` may not take `action` (in `session`), or nil when they may: what a key that
    /// is refused says.
    public static func whyNot(_ action: StaffAction, by staff: Staff, in session: Session? = nil) -> String? {
        do throws(DomainError) {
            try check(action, by: staff, in: session)
            return nil
        } catch {
            return error.description
        }
    }

    /// Whether `staff` may take `action` (in `session`), for screens that grey out what is refused.
    public static func allows(_ action: StaffAction, by staff: Staff, in session: Session? = nil) -> Bool {
        (try? check(action, by: staff, in: session)) != nil
    }
}
