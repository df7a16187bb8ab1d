#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A caseload's records on disk: one JSON file per record, a roster index, and the audit log.
///
/// Reads take no lock (every file is replaced by an atomic rename, so each read sees one whole
/// version). Writes hold the data folder's write lock for their whole read-check-write.
public final class CaseloadStore: Sendable {
    /// The checked data folder.
    public let folder: DataFolder
    let reader: RecordReader
    let writer: AtomicWriter
    /// The program's one clock; every revision and audit time comes from it.
    public let clock: Clock
    let lockTimeout: Duration
    let stepTimer: (any SaveStepTimer)?

    init(
        folder: DataFolder, clock: Clock, lockTimeout: Duration,
        stepTimer: (any SaveStepTimer)? = nil
    ) {
        self.folder = folder
        self.reader = RecordReader(fileSystem: folder.fileSystem)
        self.writer = AtomicWriter(fileSystem: folder.fileSystem)
        self.clock = clock
        self.lockTimeout = lockTimeout
        self.stepTimer = stepTimer
    }

    /// Opens an existing caseload; the folder must hold `caseload.json` and pass the data folder checks.
    /// `stepTimer` is told how long each step of each save takes (the benchmark's breakdown).
    public static func open(
        at url: URL,
        fileSystem: any FileSystem = PosixFileSystem(),
        clock: Clock = .system,
        lockTimeout: Duration = WriteLock.defaultTimeout,
        stepTimer: (any SaveStepTimer)? = nil
    ) throws(StoreError) -> CaseloadStore {
        let folder = try DataFolder.open(url.path, creatingIfMissing: false, fileSystem: fileSystem)
        let store = CaseloadStore(folder: folder, clock: clock, lockTimeout: lockTimeout, stepTimer: stepTimer)
        guard try store.exists(ProgramSettings.fileName) else { throw .notACaseload(folder: folder.root) }
        return store
    }

    /// Creates a caseload (for `caseload init`); returns false, changing nothing, when the folder already holds one.
    ///
    /// Refuses a folder that holds other files, so `init` never mixes a caseload into unrelated data.
    @discardableResult
    public static func create(
        at url: URL, programName: String, timeZone: String, by staff: StaffID,
        fileSystem: any FileSystem = PosixFileSystem(),
        clock: Clock = .system, allowing ownFiles: Set<String> = []
    ) throws(StoreError) -> Bool {
        let folder = try DataFolder.open(url.path, creatingIfMissing: true, fileSystem: fileSystem)
        let store = CaseloadStore(folder: folder, clock: clock, lockTimeout: WriteLock.defaultTimeout)
        let lockExisted = try store.exists(WriteLock.fileName)
        let lock = try folder.lockForWriting()
        defer { lock.release() }
        if try store.exists(ProgramSettings.fileName) { return false }
        let names: [String]
        do {
            names = try fileSystem.listDirectory(folder.root)
        } catch {
            throw .folderUnavailable(folder: folder.root, FailureReason(errno: error.code))
        }
        // Only the lock this call just made, and files the caller made for it (`ownFiles`), may be
        // there: a hidden file is someone's too (".profile").
        guard names.allSatisfy({ $0 == WriteLock.fileName || ownFiles.contains($0) }) else {
            // Leave someone else's folder as it was found.
            if !lockExisted { fileSystem.removeQuietly(folder.path(WriteLock.fileName).absolute) }
            throw .folderNotEmpty(folder: folder.root)
        }

        let time = store.now()
        let program = ProgramSettings(
            name: programName, timeZoneIdentifier: timeZone, revision: Revision(createdAt: time, createdBy: staff))
        let audit = try store.auditEntry(for: program, action: .programCreate, by: staff, at: time)
        let path = folder.path(ProgramSettings.fileName)
        try store.appendBeforeWriting(audit, holding: lock)
        try store.write(program, at: path, holding: lock)
        // Empty indexes from the start, so `check` finds a new caseload healthy and the first search is quick.
        try store.writeRosterIndex(RosterIndex(entries: []), holding: lock)
        try store.writeEmptyNoteIndex(holding: lock)
        return true
    }

    /// The clock, to the whole second, because record files store whole seconds.
    func now() -> Date { clock.now() }

    // MARK: Reads

    /// The program's settings.
    public func program() throws(StoreError) -> ProgramSettings {
        guard let program = try load(ProgramSettings.self, at: ProgramSettings.fileName) else {
            throw .notACaseload(folder: folder.root)
        }
        return program
    }

    /// Every staff member.
    public func staff() -> Loaded<Staff> {
        loadAll(Staff.self, in: "staff")
    }

    /// One staff member.
    public func staffMember(_ id: StaffID) throws(StoreError) -> Staff {
        try require(Staff.self, at: Staff.relativePath(of: id), id: id.rawValue)
    }

    /// Every participant, discharged or not: the slow path, for listing everyone, `check` and export.
    public func participants() -> Loaded<Participant> {
        loadAll(Participant.self, in: "participants")
    }

    /// One participant.
    public func participant(_ id: ParticipantID) throws(StoreError) -> Participant {
        try require(Participant.self, at: Participant.relativePath(of: id), id: id.rawValue)
    }

    /// One participant's check-ins.
    public func checkIns(of participant: ParticipantID) -> Loaded<CheckIn> {
        guard let folder = try? CheckIn.checkInFolder(of: participant) else { return Loaded() }
        return loadAll(CheckIn.self, in: folder)
    }

    /// One check-in.
    public func checkIn(_ id: CheckInID, of participant: ParticipantID) throws(StoreError) -> CheckIn {
        try require(CheckIn.self, at: CheckIn.relativePath(of: id, participant: participant), id: id.rawValue)
    }

    /// Every check-in of every participant: the slow path, for `check` and export.
    public func allCheckIns() -> Loaded<CheckIn> { allCheckIns(findingUnknownFields: false) }

    func allCheckIns(findingUnknownFields: Bool) -> Loaded<CheckIn> {
        loadAll(CheckIn.self, in: subfolders(of: "checkins"), findingUnknownFields: findingUnknownFields)
    }

    /// The sessions filed under one ISO week, each with its notes and narrative.
    public func sessions(in week: ISOWeek) -> Loaded<Session> {
        sessionFiles(in: Session.weekFolder(week)).sessions
    }

    /// The sessions dated `first` through `last`, reading only the week folders in that range.
    public func sessions(from first: LocalDate, through last: LocalDate) -> Loaded<Session> {
        var loaded = Loaded<Session>()
        var monday = first.isoWeek.monday
        while monday <= last {
            loaded.append(sessions(in: monday.isoWeek))
            monday = monday.adding(days: 7)
        }
        loaded.records = loaded.records.filter { first <= $0.date && $0.date <= last }
        return loaded
    }

    /// One session with its notes and narrative; a damaged note or narrative file is refused like
    /// a damaged session file, so a reader never takes a session missing a note for the whole of it.
    public func session(_ id: SessionID) throws(StoreError) -> Session {
        let read = try sessionWithParts(id)
        if let damage = read.damaged.values.sorted(by: { $0.file.relative < $1.file.relative }).first {
            throw .damaged(damage)
        }
        return read.session
    }

    /// Every session ever: the slow path, for `check` and export.
    public func allSessions() -> Loaded<Session> { allSessionFiles(findingUnknownFields: false).sessions }

    /// Changes whenever any process saves anything: every interactive save appends to the
    /// current month's audit file, and the bulk writer rewrites the roster index. Two `stat`s and
    /// one short listing, so the console can poll it while idle and reload only what changed.
    public func changeStamp() -> ChangeStamp {
        let auditFile = (try? AuditLog(dataFolder: folder).months().last).map { month in
            "\(AuditLog.folderName)/\(month.fileName)"
        }
        return ChangeStamp(rosterIndex: stamp(of: RosterIndex.relativePath), audit: auditFile.flatMap(stamp(of:)))
    }

    private func stamp(of relative: String) -> FileStamp? {
        guard let status = try? folder.fileSystem.status(folder.path(relative).absolute, followingLinks: false)
        else { return nil }
        return FileStamp(inode: status.inode, size: status.size, modifiedNanoseconds: status.modifiedNanoseconds)
    }

    // MARK: Reading helpers

    /// The record at `relative`, or nil when there is no file; refuses a record filed under the wrong name.
    func load<Record: FiledRecord>(_ type: Record.Type, at relative: String) throws(StoreError) -> Record? {
        guard let bytes = try reader.readIfPresent(folder.path(relative)) else { return nil }
        return try decodeFiled(Record.self, from: bytes, at: relative)
    }

    /// The record at `relative` and the fields its type does not know, for a save that must keep them.
    func loadForRewrite<Record: FiledRecord>(
        _ type: Record.Type, at relative: String
    ) throws(StoreError) -> (record: Record, unknown: UnknownFields)? {
        guard let bytes = try reader.readIfPresent(folder.path(relative)) else { return nil }
        let decoded = try decodeFiledWithUnknownFields(Record.self, from: bytes, at: relative)
        return (decoded.record, decoded.unknownFields)
    }

    /// Decodes the bytes read from `relative`; refuses a record filed under the wrong name.
    func decodeFiled<Record: FiledRecord>(_ type: Record.Type, from bytes: [UInt8], at relative: String) throws(StoreError) -> Record {
        try decodeFiledWithUnknownFields(type, from: bytes, at: relative).record
    }

    private func decodeFiledWithUnknownFields<Record: FiledRecord>(
        _ type: Record.Type, from bytes: [UInt8], at relative: String
    ) throws(StoreError) -> DecodedRecord<Record> {
        let path = folder.path(relative)
        let decoded: DecodedRecord<Record>
        do {
            decoded = try RecordCoding.decode(Record.self, from: bytes, newestSchemaVersion: Record.schemaVersion)
        } catch {
            throw .damaged(path, error)
        }
        let expected = try? decoded.record.relativePath()
        guard expected == relative else {
            throw .damaged(path, .misfiled(expectedPath: expected ?? "(no valid place: its id is not usable)"))
        }
        return decoded
    }

    func require<Record: FiledRecord>(_ type: Record.Type, at relative: String, id: String) throws(StoreError) -> Record {
        guard let record = try load(type, at: relative) else {
            throw .recordNotFound(kind: Record.kindName, id: id, file: folder.path(relative))
        }
        return record
    }

    /// Every record file in one folder; a missing folder is an empty listing.
    /// `findingUnknownFields`: also name the fields each file holds that its type does not read (for `check`).
    func loadAll<Record: FiledRecord>(
        _ type: Record.Type, in relativeFolder: String, findingUnknownFields: Bool = false
    ) -> Loaded<Record> {
        loadAll(type, in: [relativeFolder], findingUnknownFields: findingUnknownFields)
    }

    /// Every record file in `relativeFolders`, in folder and name order; a path that is not a
    /// folder, or cannot be listed, is damage.
    func loadAll<Record: FiledRecord>(
        _ type: Record.Type, in relativeFolders: [String], findingUnknownFields: Bool = false
    ) -> Loaded<Record> {
        var files: [String] = []
        var damaged: [RecordDamage] = []
        for relativeFolder in relativeFolders {
            switch listing(of: relativeFolder) {
            case .missing: continue
            case .notAFolder: damaged.append(RecordDamage(folder.path(relativeFolder), .unreadable(FailureReason(errno: ENOTDIR))))
            case .unreadable(let damage): damaged.append(damage)
            case .names(let names): files += names.filter { RecordFileName.id(inFileName: $0) != nil }.map { relativeFolder + "/" + $0 }
            }
        }
        var loaded = loadFiles(Record.self, at: files, findingUnknownFields: findingUnknownFields)
        loaded.damaged = damaged + loaded.damaged
        return loaded
    }

    /// What a folder holds, sorted by name; a session's part folder sits beside files of other kinds.
    enum Listing {
        case names([String])
        case missing
        case notAFolder
        case unreadable(RecordDamage)
    }

    func listing(of relativeFolder: String) -> Listing {
        let folderPath = folder.path(relativeFolder)
        do {
            return .names(try folder.fileSystem.listDirectory(folderPath.absolute).sorted())
        } catch where error.code == ENOENT {
            return .missing
        } catch where error.code == ENOTDIR {
            return .notAFolder
        } catch {
            return .unreadable(RecordDamage(folderPath, .unreadable(FailureReason(errno: error.code))))
        }
    }

    /// The records in `files` (relative paths), in that order; a file that has gone is skipped.
    ///
    /// A few files (one participant's check-ins, one week) are read and decoded here, one at a
    /// time in that order, so an injected file-system fault always hits the same file. Many
    /// (`check`, export) are cut into runs of neighbouring files, each read and decoded on
    /// whichever core is free: the reading's system calls cost as much as the decoding, and
    /// neither waits for the other. Results keep the files' order either way.
    func loadFiles<Record: FiledRecord>(
        _ type: Record.Type, at files: [String], findingUnknownFields: Bool = false
    ) -> Loaded<Record> {
        typealias Outcome = Result<(Record, [String])?, StoreError>
        let outcomes = Slots<Outcome>(count: files.count)
        let runs = files.count < 256 ? 1 : Swift.min(files.count / 64, ProcessInfo.processInfo.activeProcessorCount * 8)
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            for index in (files.count * run / runs)..<(files.count * (run + 1) / runs) {
                outcomes.fill(
                    index,
                    with: Result { () throws(StoreError) -> (Record, [String])? in
                        guard let bytes = try self.reader.readIfPresent(self.folder.path(files[index])) else { return nil }
                        let decoded = try self.decodeFiledWithUnknownFields(Record.self, from: bytes, at: files[index])
                        return (decoded.record, findingUnknownFields ? decoded.unknownFields.paths : [])
                    })
            }
        }
        var loaded = Loaded<Record>()
        for (file, outcome) in zip(files, outcomes.values()) {
            switch outcome {
            case .success(let found):
                guard let (record, unknown) = found else { continue }
                loaded.records.append(record)
                if !unknown.isEmpty { loaded.unknownFields.append(UnknownFieldsFound(file: folder.path(file), fields: unknown)) }
            case .failure(let error): loaded.damaged.append(RecordDamage(reading: folder.path(file), error))
            }
        }
        return loaded
    }

    /// The subfolders of a top-level folder ("sessions/2026-W47", …), sorted; dot-names skipped.
    func subfolders(of relativeFolder: String) -> [String] {
        let fileSystem = folder.fileSystem
        guard let names = try? fileSystem.listDirectory(folder.path(relativeFolder).absolute) else { return [] }
        return names.sorted().filter { name in
            !name.hasPrefix(".")
                && (try? fileSystem.status(folder.path(relativeFolder + "/" + name).absolute, followingLinks: false))?.kind
                    == .directory
        }.map { relativeFolder + "/" + $0 }
    }

    /// Whether anything (even a damaged file or a link) is at `relative`.
    func exists(_ relative: String) throws(StoreError) -> Bool {
        do {
            _ = try folder.fileSystem.status(folder.path(relative).absolute, followingLinks: false)
            return true
        } catch where error.code == ENOENT {
            return false
        } catch {
            throw .readFailed(folder.path(relative), FailureReason(errno: error.code))
        }
    }
}

/// Identifies one version of a file: any rewrite (an atomic rename makes a new inode) changes it.
/// What `changeStamp()` compares: the roster index and the newest audit file.
public struct ChangeStamp: Hashable, Sendable {
    let rosterIndex: FileStamp?
    let audit: FileStamp?
}

public struct FileStamp: Hashable, Sendable {
    /// The file's inode.
    public let inode: UInt64
    /// The file's size in bytes.
    public let size: Int
    /// The file's modification time in nanoseconds since 1970.
    public let modifiedNanoseconds: Int64
}

extension Loaded {
    mutating func append(_ other: Loaded<Record>) {
        records += other.records
        damaged += other.damaged
        unknownFields += other.unknownFields
    }
}

extension RecordDamage {
    /// The damage a failed read of `file` amounts to in a listing.
    init(reading file: StorePath, _ error: StoreError) {
        if case .damaged(let damage) = error {
            self = damage
        } else {
            self.init(file, .unreadable(error.failureReason ?? .deviceError))
        }
    }
}
