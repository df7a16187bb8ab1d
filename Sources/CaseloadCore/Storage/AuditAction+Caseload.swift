/// Every change, and every read of health information, Caseload records in the audit log.
extension AuditAction {
    public static let programCreate = AuditAction("program.create")
    public static let programEdit = AuditAction("program.edit")
    public static let staffAdd = AuditAction("staff.add")
    public static let staffEdit = AuditAction("staff.edit")
    public static let staffDeactivate = AuditAction("staff.deactivate")
    public static let participantAdd = AuditAction("participant.add")
    public static let participantEdit = AuditAction("participant.edit")
    public static let participantTransition = AuditAction("participant.transition")
    public static let participantDischarge = AuditAction("participant.discharge")
    public static let participantReadmit = AuditAction("participant.readmit")
    public static let planEdit = AuditAction("plan.edit")
    public static let consentAdd = AuditAction("consent.add")
    public static let consentRevoke = AuditAction("consent.revoke")
    public static let consentRenew = AuditAction("consent.renew")
    public static let sessionAdd = AuditAction("session.add")
    public static let sessionEdit = AuditAction("session.edit")
    public static let sessionAddMember = AuditAction("session.add-member")
    public static let attendanceEdit = AuditAction("attendance.edit")
    public static let noteWrite = AuditAction("note.write")
    public static let narrativeWrite = AuditAction("narrative.write")
    public static let noteSign = AuditAction("note.sign")
    public static let noteCoSign = AuditAction("note.cosign")
    public static let noteAddendum = AuditAction("note.addendum")
    public static let noteLink = AuditAction("note.link")
    public static let checkInAdd = AuditAction("checkin.add")
    public static let checkInEdit = AuditAction("checkin.edit")
    public static let flagAcknowledge = AuditAction("flag.acknowledge")
    public static let flagRaise = AuditAction("flag.raise")
    public static let flagReview = AuditAction("flag.review")
    /// A record written by a bulk load (the demo), not by a person's save.
    public static let recordImport = AuditAction("record.import")
    /// A note or narrative moved out of an older session file into a file of its own, unchanged,
    /// or that session file rewritten without them, by the first save to the session.
    public static let recordMigrate = AuditAction("record.migrate")

    // Reads: a line without a kind or revision, naming the record read or "all".
    /// A participant's record opened (`participant show`, the console).
    public static let participantView = AuditAction("participant.view")
    /// Notes searched, for one participant or across the caseload.
    public static let noteSearch = AuditAction("note.search")
    /// The whole caseload exported.
    public static let recordExport = AuditAction("record.export")
    /// The audit log itself listed (`audit list`).
    public static let auditReview = AuditAction("audit.review")

    /// Actions that look at records and change none: `check` does not match them to a revision.
    static let reads: Set<AuditAction> = [.participantView, .noteSearch, .recordExport, .auditReview]

    /// Whether the line records a look rather than a change.
    public var isRead: Bool { Self.reads.contains(self) }
}
