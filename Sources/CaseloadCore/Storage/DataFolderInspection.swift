/// Something `caseload check` reports about the data folder's files, apart from record content.
public enum DataFolderIssue: Sendable, Hashable, CustomStringConvertible {
    /// A temporary file from a save that was interrupted.
    case leftoverTemporaryFile(StorePath)
    /// An entry other accounts can read or change.
    case openToOtherUsers(StorePath, permissions: UInt32)
    /// A symbolic link, which Caseload never follows.
    case symbolicLink(StorePath)
    /// A file with more than one name.
    case hardLinked(StorePath, links: Int)
    /// A device, socket or FIFO.
    case notARegularFile(StorePath)
    /// A folder that could not be listed or an entry that could not be examined.
    case unreadable(StorePath, FailureReason)
    /// A file that was examined and cannot be used, with the store's own message.
    case unusableFile(StoreError)
    /// Audit lines that could not be read and are skipped.
    case unreadableAuditLines(StorePath, lines: [Int], lastLineIsTorn: Bool)

    public var description: String {
        switch self {
        case .leftoverTemporaryFile(let file):
            "\(file) is a temporary file left by a save that was interrupted; it is not a record, and the next "
                + "save in that folder removes it."
        case .openToOtherUsers(let entry, let permissions):
            "\(entry) can be used by other accounts on this computer (permissions \(String(permissions, radix: 8))); "
                + "run `chmod -R go-rwx \(entry.root)`."
        case .symbolicLink(let entry):
            "\(entry) is a symbolic link; Caseload does not follow links in its data folder, so replace it with "
                + "the file it points to."
        case .hardLinked(let file, let links):
            "\(file) has \(links) names (hard links), so changing it here would silently change it elsewhere; "
                + "replace it with a plain copy of itself."
        case .notARegularFile(let entry):
            "\(entry) is not a regular file or folder; move it out of the data folder."
        case .unreadable(let entry, let reason):
            "Could not examine \(entry) because \(reason); \(reason.advice)."
        case .unusableFile(let error):
            error.description
        case .unreadableAuditLines(let file, let lines, true) where lines.count == 1:
            "The last line of \(file) is incomplete, left by a save that was interrupted; it is skipped and "
                + "the log continues after it."
        case .unreadableAuditLines(let file, let lines, _):
            "\(file) has \(lines.count) unreadable line\(lines.count == 1 ? "" : "s") "
                + "(\(lines.map(String.init).joined(separator: ", "))); they are skipped, and the rest of the log is intact."
        }
    }
}

extension DataFolder {
    /// Walks the whole data folder without following links and returns everything `caseload check` should report.
    public func inspect() -> [DataFolderIssue] {
        inspectEntries() + auditIssues(AuditLog(dataFolder: self).readAll())
    }

    /// The walk alone: what each entry is and who may use it, reading no file.
    func inspectEntries() -> [DataFolderIssue] {
        var issues: [DataFolderIssue] = []
        var folders = [path("")]
        while let folder = folders.popLast() {
            let names: [String]
            do {
                names = try fileSystem.listDirectory(folder.absolute)
            } catch {
                issues.append(.unreadable(folder, FailureReason(errno: error.code)))
                continue
            }
            for name in names.sorted() {
                let entry = folder.appending(name)
                let status: FileStatus
                do {
                    status = try fileSystem.status(entry.absolute, followingLinks: false)
                } catch {
                    issues.append(.unreadable(entry, FailureReason(errno: error.code)))
                    continue
                }
                issues += Self.issues(of: entry, status: status)
                if status.kind == .directory { folders.append(entry) }
            }
        }
        return issues
    }

    /// Removes leftover temporary files in every folder, for `caseload check` to tidy up.
    public func removeLeftoverTemporaryFiles(holding lock: WriteLock) throws(StoreError) -> [StorePath] {
        let leftovers = LeftoverTemporaryFiles(fileSystem: fileSystem)
        var removed: [StorePath] = []
        var folders = [path("")]
        while let folder = folders.popLast() {
            removed += try leftovers.remove(in: folder, holding: lock)
            let names: [String]
            do {
                names = try fileSystem.listDirectory(folder.absolute)
            } catch {
                throw .readFailed(folder, FailureReason(errno: error.code))
            }
            for name in names.sorted() {
                let entry = folder.appending(name)
                if (try? fileSystem.status(entry.absolute, followingLinks: false))?.kind == .directory {
                    folders.append(entry)
                }
            }
        }
        return removed.sorted { $0.relative < $1.relative }
    }

    private static func issues(of entry: StorePath, status: FileStatus) -> [DataFolderIssue] {
        var issues: [DataFolderIssue] = []
        switch status.kind {
        case .symbolicLink:
            return [.symbolicLink(entry)]  // a link's permission bits are always 0777 and mean nothing
        case .other:
            issues.append(.notARegularFile(entry))
        case .regular:
            if TemporaryFileName.isTemporary(entry.name) { issues.append(.leftoverTemporaryFile(entry)) }
            if status.linkCount > 1 { issues.append(.hardLinked(entry, links: status.linkCount)) }
        case .directory:
            break
        }
        if status.isOpenToOtherUsers { issues.append(.openToOtherUsers(entry, permissions: status.permissions)) }
        return issues
    }

    /// The audit log's unreadable lines and files, from `readings` (`AuditLog.readAll()`).
    func auditIssues(_ readings: [Result<AuditReading, StoreError>]) -> [DataFolderIssue] {
        var issues: [DataFolderIssue] = []
        for result in readings {
            do {
                let reading = try result.get()
                if !reading.unreadableLines.isEmpty {
                    issues.append(
                        .unreadableAuditLines(reading.file, lines: reading.unreadableLines, lastLineIsTorn: reading.lastLineIsTorn))
                }
            } catch {
                if case .damaged(let damage) = error, damage.problem.isAboutTheEntryItself {
                    continue  // already reported by the walk
                }
                issues.append(.unusableFile(error))
            }
        }
        return issues
    }
}
