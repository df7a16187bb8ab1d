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
        case .saved(let saved):
            let text = ([request.savedMessage] + saved.warnings).joined(separator: "; ")
            return saved.warnings.isEmpty ? .info(text) : .error(text)
        case .refused(let reason): return .error(reason)
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
    /// The data folder could not be written.
    case failed(String)
}

/// What a save left behind.
public struct SavedChange: Sendable, Equatable {
    /// The session as saved, for a change to a session.
    public var session: Session?
    /// What the user should know that did not stop the save.
    public var warnings: [String]

    public init(session: Session?, warnings: [String] = []) {
        self.session = session
        self.warnings = warnings
    }
}
