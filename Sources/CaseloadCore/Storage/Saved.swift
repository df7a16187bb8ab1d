/// A record as the store saved it, with anything that went wrong around it after the record
/// itself was safely on disk.
public struct Saved<Record: Sendable>: Sendable {
    /// The record with its new revision.
    public let record: Record
    /// Problems that did not stop the save.
    public let warnings: [SaveWarning]
}

/// Something that went wrong after a record was saved; the save itself stands.
public enum SaveWarning: Sendable, Hashable, CustomStringConvertible {
    /// The roster index still describes the record as it was; the next reader rebuilds it.
    case rosterIndexNotUpdated(StorePath, FailureReason)
    /// The note search index lags behind the record; the next search reads every session file and rebuilds it.
    case noteIndexNotUpdated(StorePath, FailureReason)

    public var description: String {
        switch self {
        case .rosterIndexNotUpdated(let file, let reason):
            "\(file) was saved, but the roster index could not be updated because \(reason); it will be rebuilt "
                + "the next time the roster is read, or now with `caseload check --repair`."
        case .noteIndexNotUpdated(let file, let reason):
            "\(file) was saved, but the note search index could not be updated because \(reason); the next "
                + "note search will rebuild it, or run `caseload check --repair` now."
        }
    }
}
