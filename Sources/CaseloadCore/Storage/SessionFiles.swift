import Foundation

/// A session's own file: when, who led it, who came and how long. Since schema 3 each member's
/// note and a group's shared narrative are files of their own (`MemberNoteFile`, `NarrativeFile`),
/// so a co-facilitator's note, an attendance change and an autosave never make each other stale.
///
/// A file written before schema 3 still holds the notes and the narrative (`holdsParts`); it is
/// read as it is, and the first save to the session moves them into files of their own.
struct SessionFile: AuditedRecord {
    static let schemaVersion = Session.schemaVersion
    static let kindName = "session"
    static let auditKind = AuditIdentifier("session")!

    /// The session; holding notes and a narrative only when read from an older file.
    var session: Session
    /// Read from a file older than schema 3, which holds the notes and narrative itself.
    let holdsParts: Bool

    /// The file for `session`; its notes and narrative are not part of it.
    init(_ session: Session) {
        self.session = session.withoutParts()
        holdsParts = false
    }

    var id: SessionID { session.id }

    var revision: Revision {
        get { session.revision }
        set { session.revision = newValue }
    }

    func relativePath() throws(StoreError) -> String { try Session.relativePath(of: session.id) }

    private enum CodingKeys: String, CodingKey {
        case id, revision, kind, date, startTime, durationMinutes, facilitators, topic, supportMembersPresent, members
    }

    private enum VersionKey: String, CodingKey { case schemaVersion }

    /// A member's line in the file: their attendance, without the note.
    private struct MemberLine: Encodable {
        let participant: ParticipantID
        let attendance: Attendance
    }

    init(from decoder: any Decoder) throws {
        let version = try decoder.container(keyedBy: VersionKey.self).decodeIfPresent(Int.self, forKey: .schemaVersion)
        let session = try Session(from: decoder)
        holdsParts = (version ?? Self.schemaVersion) < 3
        // A current file's notes live beside it; anything a hand edit put inside is not read as a
        // note (and `check` names it as a field this version does not read).
        self.session = holdsParts ? session : session.withoutParts()
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(session.id, forKey: .id)
        try container.encode(session.revision, forKey: .revision)
        try container.encode(session.kind, forKey: .kind)
        try container.encode(session.date, forKey: .date)
        try container.encode(session.startTime, forKey: .startTime)
        try container.encode(session.durationMinutes, forKey: .durationMinutes)
        try container.encode(session.facilitators, forKey: .facilitators)
        try container.encodeIfPresent(session.topic, forKey: .topic)
        try container.encode(session.supportMembersPresent, forKey: .supportMembersPresent)
        try container.encode(
            session.members.map { MemberLine(participant: $0.participant, attendance: $0.attendance) }, forKey: .members)
    }
}

/// One member's note in a session, in `sessions/<week>/<session>/<participant>.json`.
struct MemberNoteFile: AuditedRecord {
    static let schemaVersion = 1
    static let kindName = "note"
    static let auditKind = AuditIdentifier("note")!

    var session: SessionID
    var participant: ParticipantID
    var revision: Revision
    var note: Note

    /// "S-20261120-0900-k3x9qa.P-0007": the session and the member, as the audit log names the note.
    var id: RecordID<MemberNoteFile> { RecordID("\(session.rawValue).\(participant.rawValue)") }

    func relativePath() throws(StoreError) -> String { try Self.place(of: participant, in: session) }

    /// `sessions/<week>/<session>/<participant>.json`.
    static func place(of participant: ParticipantID, in session: SessionID) throws(StoreError) -> String {
        "\(try Session.partsFolder(of: session))/\(try RecordFileName.member(participant)).json"
    }
}

/// A group's shared narrative and everyone who wrote it, in `sessions/<week>/<session>/narrative.json`.
struct NarrativeFile: AuditedRecord {
    static let schemaVersion = 1
    static let kindName = "shared narrative"
    static let auditKind = AuditIdentifier("narrative")!
    static let fileStem = "narrative"

    var session: SessionID
    var revision: Revision
    var text: String
    /// Everyone who wrote to it, in the order they first did.
    var contributors: [StaffID]

    /// The session's id: the audit log tells the narrative from the session by its kind.
    var id: SessionID { session }

    func relativePath() throws(StoreError) -> String { try Self.place(of: session) }

    /// `sessions/<week>/<session>/narrative.json`.
    static func place(of session: SessionID) throws(StoreError) -> String {
        "\(try Session.partsFolder(of: session))/\(fileStem).json"
    }
}

/// One of the records a session is kept in, for a save to name what it changes.
public enum SessionRecord: Hashable, Sendable {
    /// The session's own file: when, who led it, who came and how long.
    case session
    /// A group's shared narrative.
    case narrative
    /// A member's note, with its signatures and addenda.
    case note(ParticipantID)

    /// The record that holds `target`'s text.
    public init(_ target: EditTarget) {
        switch target {
        case .narrative: self = .narrative
        case .note(let participant), .addendum(let participant): self = .note(participant)
        }
    }
}

/// The note and narrative files found beside one session's file.
struct SessionParts: Sendable {
    var notes: [ParticipantID: MemberNoteFile] = [:]
    var narrative: NarrativeFile?
}

extension Session {
    /// The session without notes, narrative or their revisions: what its own file holds.
    func withoutParts() -> Session {
        var core = self
        core.sharedNarrative = nil
        core.narrativeContributors = []
        core.narrativeRevision = nil
        for index in core.members.indices {
            core.members[index].note = nil
            core.members[index].noteRevision = nil
        }
        return core
    }

    /// The session `file` holds with `parts` laid over it. A part file wins over what an older
    /// session file holds: a save that stopped between writing the parts and rewriting the
    /// session file leaves both, and the part is never older. The parts of an older file share
    /// its revision until they are files of their own. A note for someone not on the list is not
    /// shown (`check` names it).
    init(_ file: SessionFile, parts: SessionParts) {
        var session = file.session
        if file.holdsParts {
            if session.sharedNarrative != nil { session.narrativeRevision = session.revision }
            for index in session.members.indices where session.members[index].note != nil {
                session.members[index].noteRevision = session.revision
            }
        }
        if let narrative = parts.narrative {
            session.sharedNarrative = narrative.text
            session.narrativeContributors = narrative.contributors
            session.narrativeRevision = narrative.revision
        }
        for index in session.members.indices {
            guard let part = parts.notes[session.members[index].participant] else { continue }
            session.members[index].note = part.note
            session.members[index].noteRevision = part.revision
        }
        self = session
    }
}
