import CaseloadCore

/// How a `WriteRequest` ended, sent back to the console as an action.
public struct WriteReply: Sendable, Equatable {
    public var request: WriteRequest
    public var result: WriteResult

    public init(request: WriteRequest, result: WriteResult) {
        self.request = request
        self.result = result
    }

    /// What the status line says about it.
    var status: StatusMessage {
        switch result {
        case .saved(let saved): return saved.status(saying: saved.summary ?? request.savedMessage)
        case .refused(let reason): return .error(reason)
        case .namesOtherMembers(_, let message): return .error(message)
        case .conflict(let conflict): return .error(conflict.description)
        case .failed(let reason): return .error("Not saved: \(reason)")
        }
    }

    /// The session as saved, when the change was to a session.
    var savedSession: Session? {
        if case .saved(let saved) = result { return saved.session }
        return nil
    }
}

public enum WriteResult: Sendable, Equatable {
    case saved(SavedChange)
    /// A rule of the core said no; nothing was written and the user's text is kept.
    case refused(String)
    /// A member's own entry names other members of the session: signing needs a second yes.
    case namesOtherMembers([ParticipantID], message: String)
    /// Someone else saved the same note or narrative first; their text is here, the user's is
    /// still in the editor.
    case conflict(EditConflict)
    /// The data folder could not be written.
    case failed(String)
}

extension SavedChange {
    /// `message` and then each warning; shown as an error when there are warnings, so they are read.
    func status(saying message: String) -> StatusMessage {
        // Warnings are sentences: their full stops go, but the last one's, or they would read ".;".
        let parts = [message] + warnings
        let text = parts.enumerated().map { index, part in
            index < parts.count - 1 && part.hasSuffix(".") ? String(part.dropLast()) : part
        }.joined(separator: "; ")
        return warnings.isEmpty ? .info(text) : .error(text)
    }
}

/// What a save left behind.
public struct SavedChange: Sendable, Equatable {
    /// The session as saved, for a change to a session.
    public var session: Session?
    /// What the user should know that did not stop the save.
    public var warnings: [String]
    /// Said instead of the request's own message when there is more to say ("5 notes signed …").
    public var summary: String?
    /// Members whose notes were held back only because their own entry names another member:
    /// they can be signed once the user confirms.
    public var namesToConfirm: [ParticipantID]
    /// The check-in as saved, for a check-in or a change to its safety flag.
    public var checkIn: CheckIn?
    /// The participant as saved, for a change of level of care, a discharge or a readmission.
    public var participant: Participant?

    public init(session: Session?, warnings: [String] = [], summary: String? = nil, namesToConfirm: [ParticipantID] = [],
                checkIn: CheckIn? = nil, participant: Participant? = nil) {
        self.session = session
        self.checkIn = checkIn
        self.participant = participant
        self.warnings = warnings
        self.summary = summary
        self.namesToConfirm = namesToConfirm
    }
}
