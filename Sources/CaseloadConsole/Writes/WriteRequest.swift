import CaseloadCore

/// A change the user asked for. The console never checks a rule itself: each request is one
/// use-case operation of the core, performed off the key loop by a `ConsoleWriter`.
public enum WriteRequest: Sendable, Equatable {
    case recordSession(SessionRequest)
    case writeNote(NoteTarget, format: NoteFormat, sections: [String: String])
    case writeNarrative(SessionID, text: String)
    case signNote(NoteTarget)
    case coSignNote(NoteTarget)
    case addAddendum(NoteTarget, text: String)

    /// The session the change is about, when it is about one.
    public var session: SessionID? {
        switch self {
        case .recordSession: nil
        case .writeNote(let target, _, _), .signNote(let target), .coSignNote(let target),
             .addAddendum(let target, _):
            target.session
        case .writeNarrative(let session, _): session
        }
    }

    /// What the status line says once the change is saved.
    var savedMessage: String {
        switch self {
        case .recordSession: "Session recorded"
        case .writeNote: "Note saved (not signed yet)"
        case .writeNarrative: "Shared narrative saved"
        case .signNote: "Note signed"
        case .coSignNote: "Note co-signed"
        case .addAddendum: "Addendum added"
        }
    }
}

/// One member's note in one session.
public struct NoteTarget: Sendable, Hashable {
    public var session: SessionID
    public var participant: ParticipantID

    public init(session: SessionID, participant: ParticipantID) {
        self.session = session
        self.participant = participant
    }
}
