import Foundation

/// Why an operation did not happen: a rule refused it, someone else saved the same text first,
/// or the store could not do it.
public enum CaseloadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A rule refused the operation; nothing was written.
    case refused(DomainError)
    /// The note or narrative was saved by someone else after the editor opened it; nothing was
    /// written, and the conflict carries their text so the user can choose which to keep.
    case conflict(EditConflict)
    /// Reading or writing the data folder failed; the message says what happened to the data.
    case store(StoreError)

    public var description: String {
        switch self {
        case .refused(let error): error.description
        case .conflict(let conflict): conflict.description
        case .store(let error): error.description
        }
    }
}

/// A note or narrative that changed between opening it in the editor and saving it. The user's
/// own text is wherever they had it (the editor, their draft); this carries the other one.
public struct EditConflict: Sendable, Equatable, CustomStringConvertible {
    public let session: SessionID
    public let target: EditTarget
    /// What is stored now: the note's format and sections, or the narrative.
    public let stored: WrittenText
    /// Who saved it last, and when.
    public let savedBy: StaffID
    public let savedAt: Date
    /// The version stored now: save again starting from it to keep the user's text (or a merge) over it.
    public let current: EditBase

    public init(session: SessionID, target: EditTarget, stored: WrittenText, savedBy: StaffID, savedAt: Date,
                current: EditBase) {
        self.session = session
        self.target = target
        self.stored = stored
        self.savedBy = savedBy
        self.savedAt = savedAt
        self.current = current
    }

    public var description: String {
        "\(savedBy) saved the \(target.title) in session \(session) after you opened it, so yours was not saved over "
            + "it; both texts are kept: choose which to keep, or merge them, and save again."
    }
}
