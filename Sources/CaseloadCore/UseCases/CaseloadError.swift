/// Why an operation did not happen: a rule refused it, or the store could not do it.
public enum CaseloadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A rule refused the operation; nothing was written.
    case refused(DomainError)
    /// Reading or writing the data folder failed; the message says what happened to the data.
    case store(StoreError)

    public var description: String {
        switch self {
        case .refused(let error): error.description
        case .store(let error): error.description
        }
    }
}
