import Foundation

/// Everything the store can fail with; each message is one sentence that names the file or
/// folder, says what is wrong and what to do, and never contains record content.
public enum StoreError: Error, Sendable, Hashable {
    /// A save did not happen; the previous version of the file is unchanged.
    case saveFailed(StorePath, FailureReason)
    /// A save failed after the new file was put in place and putting the old one back failed too.
    case saveUnconfirmed(StorePath, FailureReason)
    /// A file could not be read (as opposed to read and found damaged).
    case readFailed(StorePath, FailureReason)
    /// A file was read and is not a usable record.
    case damaged(RecordDamage)
    /// A line could not be added to the audit log; a save that needed it was not made.
    case auditAppendFailed(StorePath, FailureReason)
    /// Another process held the write lock for longer than the wait allows.
    case lockTimedOut(folder: String)
    /// The lock file could not be opened or locked.
    case lockFailed(folder: String, FailureReason)
    /// The data folder could not be created or examined.
    case folderUnavailable(folder: String, FailureReason)
    /// A folder inside the data folder could not be created.
    case folderNotCreated(StorePath, FailureReason)
    /// The data folder path names something that is not a folder.
    case notAFolder(String)
    /// The data folder, or an entry in it, can be read or changed by other users of the computer;
    /// `holdsCaseload` when the folder has a caseload.json, so it is Caseload's to tighten.
    case openToOtherUsers(StorePath, permissions: UInt32, holdsCaseload: Bool)
    /// The data folder would be the whole disk, the home folder itself, or an empty path (which
    /// would quietly mean the current folder).
    case dataFolderTooBroad(String)
    /// The data folder is on a network file system, where locks are not reliable.
    case networkFileSystem(folder: String, kind: String)
    /// The folder has no `caseload.json`.
    case notACaseload(folder: String)
    /// `caseload init` was pointed at a folder that holds other files.
    case folderNotEmpty(folder: String)
    /// An id that cannot name a file or appear in the audit log.
    case invalidRecordID(kind: String, id: String)
    /// No record with this id.
    case recordNotFound(kind: String, id: String, file: StorePath)
    /// An add found a record with the same id; the user's new record was written to `keptAt`.
    case recordExists(kind: String, id: String, file: StorePath, keptAt: StorePath)
    /// Someone saved the record after the user opened it; the user's version was written to `keptAt`.
    case staleRecord(StorePath, changedBy: String, changedAt: Date, keptAt: StorePath)
    /// The record on disk was removed (problem nil) or is damaged; the user's version was written to `keptAt`.
    case saveRefused(StorePath, RecordProblem?, keptAt: StorePath)
    /// A save had to be refused and the user's version could not be kept in conflicts/ either.
    case conflictNotKept(StorePath, FailureReason)
    /// The record holds a value JSON cannot express (a number that is not finite).
    case unencodable(StorePath)
    /// The record would be larger than the store reads back, so it was not saved.
    case recordTooLarge(StorePath, bytes: Int)
    /// A save asked to refuse a record identical to the file found nothing to change.
    case unchanged(StorePath)
    /// The file holds a field this build does not know inside one of the record's values, where a
    /// save could not keep it; the user's version was written to `keptAt`.
    case unknownFieldNotKept(StorePath, field: String, keptAt: StorePath)
}

extension StoreError {
    /// Damage to `file`.
    static func damaged(_ file: StorePath, _ problem: RecordProblem) -> StoreError {
        .damaged(RecordDamage(file, problem))
    }

    /// The system-level reason behind a failed read or write, for errors that wrap one.
    var failureReason: FailureReason? {
        switch self {
        case .saveFailed(_, let reason), .saveUnconfirmed(_, let reason), .readFailed(_, let reason),
            .auditAppendFailed(_, let reason), .lockFailed(_, let reason), .folderUnavailable(_, let reason),
            .folderNotCreated(_, let reason), .conflictNotKept(_, let reason):
            reason
        case .damaged(let damage):
            if case .unreadable(let reason) = damage.problem { reason } else { nil }
        default:
            nil
        }
    }
}

extension StoreError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case .saveFailed(let file, let reason):
            "Could not save \(file) because \(reason); the previous version is unchanged, so \(reason.advice)."
        case .saveUnconfirmed(let file, let reason):
            "\(file) was saved, but the disk did not confirm it because \(reason), so after a power cut it could "
                + "hold the previous version; \(reason.advice), then open it to check."
        case .readFailed(let file, let reason):
            "Could not read \(file) because \(reason); \(reason.advice)."
        case .damaged(let damage):
            damage.description
        case .auditAppendFailed(let file, let reason):
            "Could not add to the audit log \(file) because \(reason), so the change was not made; \(reason.advice)."
        case .lockTimedOut(let folder):
            "Another Caseload process is still saving to \(folder); try again in a moment."
        case .lockFailed(let folder, let reason):
            "Could not lock \(folder) for saving because \(reason); \(reason.advice)."
        case .folderUnavailable(let folder, let reason):
            "Could not use the data folder \(folder) because \(reason); \(reason.advice)."
        case .folderNotCreated(let folder, let reason):
            "Could not create the folder \(folder) in \(folder.root) because \(reason); \(reason.advice)."
        case .notAFolder(let path):
            "The data folder \(path) exists but is not a folder; choose another path with --data."
        case .openToOtherUsers(let path, let permissions, true):
            "\(path.relative.isEmpty ? "The data folder \(path.root)" : path.relative) can be used by other "
                + "accounts on this computer (permissions \(String(permissions, radix: 8))), which is not safe "
                + "for health records; run `chmod -R go-rwx \(path.root)` and start Caseload again."
        // Not a caseload: changing the permissions of someone's own folder is not ours to suggest.
        case .openToOtherUsers(let path, let permissions, false):
            "The data folder \(path.root) can be used by other accounts on this computer (permissions "
                + "\(String(permissions, radix: 8))) and holds no caseload; give --data a new folder, which "
                + "Caseload creates private."
        case .dataFolderTooBroad(let path) where path.isEmpty:
            "The data folder path is empty; give --data the folder that holds the caseload."
        case .dataFolderTooBroad(let path):
            "\(path) cannot be a data folder: Caseload keeps it private, and that would lock others out of "
                + "everything in it; give --data a folder of its own, such as \(path == "/" ? "/srv" : path)/caseload."
        case .networkFileSystem(let folder, let kind):
            "The data folder \(folder) is on a network disk (\(kind)), where two computers could save over each "
                + "other's changes; move it to a local disk."
        case .notACaseload(let folder):
            "\(folder) does not hold a caseload (it has no caseload.json); create one with `caseload init` or "
                + "point --data at the right folder."
        case .folderNotEmpty(let folder):
            "\(folder) already holds other files and no caseload.json, so no caseload was created there; choose "
                + "an empty folder."
        case .invalidRecordID(let kind, let id):
            "\"\(id)\" cannot be used as a \(kind) id; use 1 to 64 letters, digits, '-', '_' or '.', not starting with '.'."
        case .recordNotFound(let kind, let id, let file):
            "There is no \(kind) \(id) in this caseload (\(file) does not exist); check the id."
        case .recordExists(let kind, let id, let file, let kept):
            "A \(kind) \(id) already exists (\(file)), so the new one was not saved but kept in \(kept); try again "
                + "to get a fresh id."
        case .staleRecord(let file, let staff, let time, let kept):
            "\(file) was changed by \(staff) at \(Self.utcText(time)) after you opened it, so your save was refused "
                + "and your version was kept in \(kept); reopen the record and apply your changes again."
        case .saveRefused(let file, nil, let kept):
            "\(file) was removed after you opened it, so your save was refused and your version was kept in "
                + "\(kept); restore the file from a backup, then apply your changes again."
        case .saveRefused(let file, let problem?, let kept):
            "\(file) \(problem.problem), so your save was refused and your version was kept in \(kept); "
                + "\(problem.advice)."
        case .conflictNotKept(let file, let reason):
            "Your changes to \(file) were not saved because someone else changed or removed it, and they could not "
                + "be kept in conflicts/ either because \(reason); copy your text somewhere safe before closing Caseload."
        case .unchanged(let file):
            "\(file) already holds exactly this, so nothing was saved."
        case .recordTooLarge(let file, let bytes):
            "\(file) was not saved because it would be \(ByteCountText.describe(bytes)), more than a record may hold "
                + "(\(ByteCountText.describe(RecordReader.recordSizeLimit))); the previous version is unchanged. Shorten "
                + "what was added, or split it across records."
        case .unencodable(let file):
            "\(file) was not saved because one of its values cannot be written down (such as a number that is not "
                + "finite); correct it and save again."
        case .unknownFieldNotKept(let file, let field, let kept):
            "\(file) holds the field \"\(field)\", which this version of Caseload does not know and could not keep, "
                + "so your save was refused and your version was kept in \(kept); update Caseload on this computer, "
                + "then apply your changes again."
        }
    }

    public var errorDescription: String? { description }

    /// "2026-11-23 13:05 UTC".
    private static func utcText(_ time: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: time)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    }
}
