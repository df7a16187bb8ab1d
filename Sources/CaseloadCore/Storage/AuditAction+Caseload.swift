/// Every change Caseload records in the audit log.
extension AuditAction {
    public static let programCreate = AuditAction("program.create")
    public static let programEdit = AuditAction("program.edit")
    public static let staffAdd = AuditAction("staff.add")
    public static let staffEdit = AuditAction("staff.edit")
    public static let participantAdd = AuditAction("participant.add")
    public static let participantEdit = AuditAction("participant.edit")
    public static let participantTransition = AuditAction("participant.transition")
    public static let participantDischarge = AuditAction("participant.discharge")
    public static let sessionAdd = AuditAction("session.add")
    public static let sessionEdit = AuditAction("session.edit")
    public static let noteSign = AuditAction("note.sign")
    public static let noteCoSign = AuditAction("note.cosign")
    public static let noteAddendum = AuditAction("note.addendum")
    public static let checkInAdd = AuditAction("checkin.add")
    public static let checkInEdit = AuditAction("checkin.edit")
    public static let flagAcknowledge = AuditAction("flag.acknowledge")
}
