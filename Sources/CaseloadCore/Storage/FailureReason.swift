#if canImport(Glibc)
import Glibc
#endif

/// Why a system call failed, in words a clinician or an IT person acts on.
public enum FailureReason: Sendable, Hashable, CustomStringConvertible {
    /// `ENOSPC` or `EDQUOT`.
    case diskFull
    /// `EROFS`.
    case readOnly
    /// `EACCES` or `EPERM`.
    case permissionDenied
    /// `EIO`: the device reported an error.
    case deviceError
    /// `EMFILE` or `ENFILE`.
    case tooManyOpenFiles
    /// `ENOENT`: something expected to exist is gone.
    case missing
    /// Any other `errno`, kept for IT.
    case other(code: Int32)

    /// Classifies an `errno` value.
    public init(errno code: Int32) {
        switch code {
        case ENOSPC, EDQUOT: self = .diskFull
        case EROFS: self = .readOnly
        case EACCES, EPERM: self = .permissionDenied
        case EIO: self = .deviceError
        case EMFILE, ENFILE: self = .tooManyOpenFiles
        case ENOENT: self = .missing
        default: self = .other(code: code)
        }
    }

    /// The reason as a clause: "the disk is full".
    public var description: String {
        switch self {
        case .diskFull: "the disk is full"
        case .readOnly: "the folder is on a read-only disk"
        case .permissionDenied: "permission was denied"
        case .deviceError: "the disk reported an input/output error"
        case .tooManyOpenFiles: "too many files are open"
        case .missing: "a file or folder it needs is missing"
        case .other(let code): "the system reported error \(code) (\(String(cString: strerror(code))))"
        }
    }

    /// What the person should do about it, as a clause: "free some space on the disk".
    public var advice: String {
        switch self {
        case .diskFull: "free some space on the disk and try again"
        case .readOnly: "ask IT to make the disk writable, then try again"
        case .permissionDenied: "make sure your account owns the data folder, then try again"
        case .deviceError: "the disk may be failing, so ask IT to check it and copy the data folder somewhere safe"
        case .tooManyOpenFiles: "close other programs and try again"
        case .missing: "run `caseload check` to see what is missing"
        case .other: "try again, and if it keeps happening, give this message to IT"
        }
    }
}
