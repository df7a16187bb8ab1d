/// A record the store keeps in a file whose path follows from the record itself.
///
/// The layout (README, "The data folder"): `caseload.json`, `staff/<id>.json`,
/// `participants/<id>.json`, `checkins/<participant>/<id>.json`; a session in
/// `sessions/<ISO week of the id's date>/<id>.json` (time, facilitators, attendance), each member's
/// note in `sessions/<week>/<id>/<participant>.json` and a group's shared narrative in
/// `sessions/<week>/<id>/narrative.json`, so each has a revision of its own; a staff member's
/// unsigned draft in `drafts/<staff>/<session>--<target>.json`.
public protocol FiledRecord: StoredRecord {
    /// The kind as messages and conflict file names say it: "participant".
    static var kindName: String { get }
    /// The record's file inside the data folder; fails for an id that cannot name a file.
    func relativePath() throws(StoreError) -> String
}

/// A filed record whose every revision has its line in the audit log (everything but drafts).
public protocol AuditedRecord: FiledRecord {
    /// The kind as audit lines name it: one word from a fixed vocabulary, never typed text.
    static var auditKind: AuditIdentifier { get }
}

extension ProgramSettings: AuditedRecord {
    public static let kindName = "program"
    public static let auditKind = AuditIdentifier("program")!
    /// The file whose presence marks a folder as a caseload.
    public static let fileName = "caseload.json"

    public func relativePath() throws(StoreError) -> String { Self.fileName }
}

extension Staff: AuditedRecord {
    public static let kindName = "staff member"
    public static let auditKind = AuditIdentifier("staff")!

    public func relativePath() throws(StoreError) -> String { try Self.relativePath(of: id) }

    /// `staff/<id>.json`.
    static func relativePath(of id: StaffID) throws(StoreError) -> String {
        "staff/\(try RecordFileName.checked(id.rawValue, kind: kindName)).json"
    }
}

extension Participant: AuditedRecord {
    public static let kindName = "participant"
    public static let auditKind = AuditIdentifier("participant")!

    public func relativePath() throws(StoreError) -> String { try Self.relativePath(of: id) }

    /// `participants/<id>.json`.
    static func relativePath(of id: ParticipantID) throws(StoreError) -> String {
        "participants/\(try RecordFileName.checked(id.rawValue, kind: kindName)).json"
    }
}

extension CheckIn: AuditedRecord {
    public static let kindName = "check-in"
    public static let auditKind = AuditIdentifier("checkin")!

    public func relativePath() throws(StoreError) -> String { try Self.relativePath(of: id, participant: participant) }

    /// `checkins/<participant>/<id>.json`.
    static func relativePath(of id: CheckInID, participant: ParticipantID) throws(StoreError) -> String {
        "\(try checkInFolder(of: participant))/\(try RecordFileName.checked(id.rawValue, kind: kindName)).json"
    }

    /// `checkins/<participant>`.
    static func checkInFolder(of participant: ParticipantID) throws(StoreError) -> String {
        "checkins/\(try RecordFileName.checked(participant.rawValue, kind: Participant.kindName))"
    }
}

extension Session {
    /// `sessions/<week>/<id>.json`, the week being the one of the date inside the id, so the
    /// path never changes when a session is moved to another day.
    static func relativePath(of id: SessionID) throws(StoreError) -> String {
        "\(try partsFolder(of: id)).json"
    }

    /// `sessions/<week>/<id>`: the folder beside the session's file that holds its notes and narrative.
    static func partsFolder(of id: SessionID) throws(StoreError) -> String {
        let name = try RecordFileName.checked(id.rawValue, kind: SessionFile.kindName)
        guard let date = RecordIDs.date(inSessionID: id) else {
            throw .invalidRecordID(kind: SessionFile.kindName, id: id.rawValue)
        }
        return "\(weekFolder(date.isoWeek))/\(name)"
    }

    /// `sessions/<week>`.
    static func weekFolder(_ week: ISOWeek) -> String { "sessions/\(week)" }
}

extension Draft: FiledRecord {
    public static let kindName = "draft"

    public func relativePath() throws(StoreError) -> String { try Self.place(of: staff, session: session, target: target) }

    /// `drafts/<staff>/<session>--<target>.json`.
    static func place(of staff: StaffID, session: SessionID, target: EditTarget) throws(StoreError) -> String {
        _ = try RecordFileName.checked(session.rawValue, kind: SessionFile.kindName)
        if let participant = target.participant { _ = try RecordFileName.member(participant) }
        return "\(try folder(of: staff))/\(id(session: session, target: target).rawValue).json"
    }

    /// `drafts/<staff>`: one staff member's drafts.
    static func folder(of staff: StaffID) throws(StoreError) -> String {
        "drafts/\(try RecordFileName.checked(staff.rawValue, kind: Staff.kindName))"
    }
}

/// Ids as file names.
enum RecordFileName {
    /// `id` when it is safe as a file name and as an audit identifier (no "/", no leading ".", no spaces).
    static func checked(_ id: String, kind: String) throws(StoreError) -> String {
        guard AuditIdentifier(id) != nil else { throw .invalidRecordID(kind: kind, id: id) }
        return id
    }

    /// A session member's id as the name of their note's (or draft's) file; "narrative" is the
    /// narrative's. Participant ids are "P-" and a number, so only a hand-made id could clash.
    static func member(_ participant: ParticipantID) throws(StoreError) -> String {
        let name = try checked(participant.rawValue, kind: Participant.kindName)
        guard name != NarrativeFile.fileStem else { throw .invalidRecordID(kind: Participant.kindName, id: name) }
        return name
    }

    /// The id in a record file name: "P-0001.json" → "P-0001"; nil for temporary files, the lock and anything else.
    static func id(inFileName name: String) -> String? {
        guard name.hasSuffix(".json"), !name.hasPrefix(".") else { return nil }
        return String(name.dropLast(5))
    }
}
