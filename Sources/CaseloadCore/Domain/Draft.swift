import Foundation

/// A staff member's unfinished text for a note, a shared narrative or an addendum, saved by the
/// editor a moment after typing stops, so a closed terminal or a dropped connection loses at most
/// that moment. It is the writer's own working copy, not part of the clinical record: only its
/// author reads it, and writing the note, narrative or addendum removes it.
public struct Draft: StoredRecord {
    public static let schemaVersion = 1

    /// Its author.
    public var staff: StaffID
    public var session: SessionID
    public var target: EditTarget
    /// As typed: the rules on note text apply when it is written to the note, not to a draft, so
    /// an autosave never throws away what was typed.
    public var text: WrittenText
    /// A note's draft: the plan objectives linked in the editor, checked like the text when the
    /// note is written; nil when none were chosen (and in drafts saved before links existed).
    public var objectives: [String]?
    /// The version of the note or narrative the editor started from, so writing the draft later
    /// can tell whether someone else saved it meanwhile.
    public var startedFrom: EditBase
    public var revision: Revision

    public init(
        staff: StaffID, session: SessionID, target: EditTarget, text: WrittenText, objectives: [String]? = nil,
        startedFrom: EditBase, revision: Revision
    ) {
        self.staff = staff
        self.session = session
        self.target = target
        self.text = text
        self.objectives = objectives
        self.startedFrom = startedFrom
        self.revision = revision
    }

    /// When it was last saved.
    public var savedAt: Date { revision.updatedAt }

    /// "S-20261120-0900-k3x9qa--P-0007", "…--narrative", "…--P-0007--addendum": its file's name.
    public var id: RecordID<Draft> { Self.id(session: session, target: target) }

    static func id(session: SessionID, target: EditTarget) -> RecordID<Draft> {
        let stem = "\(session.rawValue)--"
        return switch target {
        case .note(let participant): RecordID(stem + participant.rawValue)
        case .narrative: RecordID(stem + "narrative")
        case .addendum(let participant): RecordID(stem + participant.rawValue + "--addendum")
        }
    }

    private enum CodingKeys: String, CodingKey {
        case staff, session, target, participant, format, sections, text, objectives, startedFrom, revision
    }

    private enum TargetKind: String, Codable {
        case note, narrative, addendum
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        staff = try container.decode(StaffID.self, forKey: .staff)
        session = try container.decode(SessionID.self, forKey: .session)
        switch try container.decode(TargetKind.self, forKey: .target) {
        case .note: target = .note(try container.decode(ParticipantID.self, forKey: .participant))
        case .narrative: target = .narrative
        case .addendum: target = .addendum(try container.decode(ParticipantID.self, forKey: .participant))
        }
        if let format = try container.decodeIfPresent(NoteFormat.self, forKey: .format) {
            text = .sections(format, try container.decode([String: String].self, forKey: .sections))
        } else {
            text = .text(try container.decode(String.self, forKey: .text))
        }
        objectives = try container.decodeIfPresent([String].self, forKey: .objectives)
        startedFrom = try container.decodeIfPresent(Int.self, forKey: .startedFrom).map(EditBase.revision) ?? .nothing
        revision = try container.decode(Revision.self, forKey: .revision)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(staff, forKey: .staff)
        try container.encode(session, forKey: .session)
        switch target {
        case .note(let participant):
            try container.encode(TargetKind.note, forKey: .target)
            try container.encode(participant, forKey: .participant)
        case .narrative:
            try container.encode(TargetKind.narrative, forKey: .target)
        case .addendum(let participant):
            try container.encode(TargetKind.addendum, forKey: .target)
            try container.encode(participant, forKey: .participant)
        }
        switch text {
        case .sections(let format, let sections):
            try container.encode(format, forKey: .format)
            try container.encode(sections, forKey: .sections)
        case .text(let text):
            try container.encode(text, forKey: .text)
        }
        try container.encodeIfPresent(objectives, forKey: .objectives)
        if case .revision(let number) = startedFrom { try container.encode(number, forKey: .startedFrom) }
        try container.encode(revision, forKey: .revision)
    }
}
