/// What an editor writes in a session: a member's note, a group's shared narrative, or an
/// addendum to a member's signed note. Drafts and conflicts name their text by it.
public enum EditTarget: Hashable, Sendable {
    case note(ParticipantID)
    case narrative
    case addendum(ParticipantID)

    /// The member whose note it is; nil for the narrative.
    public var participant: ParticipantID? {
        switch self {
        case .note(let participant), .addendum(let participant): participant
        case .narrative: nil
        }
    }

    /// "note for P-0007", "shared narrative", "addendum to P-0007's note", for messages.
    public var title: String {
        switch self {
        case .note(let participant): "note for \(participant)"
        case .narrative: "shared narrative"
        case .addendum(let participant): "addendum to \(participant)'s note"
        }
    }
}

/// The version of a note or narrative an editor started from, so a save can tell whether someone
/// else saved it in between (`Session.editBase(of:)` gives it).
public enum EditBase: Hashable, Sendable {
    /// There was no note or narrative yet.
    case nothing
    /// The revision number of the note's or narrative's own record.
    case revision(Int)

    init(_ revision: Revision?) {
        self = revision.map { .revision($0.number) } ?? .nothing
    }
}

/// The text of a note (its format and sections) or of a narrative or addendum (one text).
public enum WrittenText: Hashable, Sendable {
    case sections(NoteFormat, [String: String])
    case text(String)
}

extension Session {
    /// The version of `target` as this session holds it, for an editor to hand back when it saves;
    /// an addendum starts from the signed note it is added to.
    public func editBase(of target: EditTarget) -> EditBase {
        switch target {
        case .note(let participant), .addendum(let participant): EditBase(member(participant)?.noteRevision)
        case .narrative: EditBase(narrativeRevision)
        }
    }

    /// The text `target` holds now: the note's sections, the narrative, or nothing (an addendum
    /// is new text, and a note or narrative not written yet has none).
    public func storedText(of target: EditTarget) -> WrittenText? {
        switch target {
        case .note(let participant): member(participant)?.note.map { .sections($0.format, $0.sections) }
        case .narrative: sharedNarrative.map(WrittenText.text)
        case .addendum: nil
        }
    }
}
