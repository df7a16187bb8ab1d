#if canImport(Glibc)
import Glibc
#endif

/// The note search index, `index/note-search` (see `NoteIndexFile`), and the store's generation
/// number that says whether it is current.
///
/// The session files stay the only source of truth: the index is derived from them and can be
/// deleted at any time. The store's generation is the number in the name of
/// `index/note-search.generation-N` (0 when there is none). A save that can change note text first
/// raises it, durably, then writes the record, then appends the session's texts to the index
/// tagged with the new number. A save killed in between, or an index update that failed, leaves
/// the index a generation behind, so the next search rebuilds it instead of trusting it; a failed
/// index update never fails the save.
enum NoteIndex {
    static let relativePath = "index/note-search"
    static let generationPrefix = "note-search.generation-"

    /// The marker file naming the store's generation `number`.
    static func generationMarker(_ number: UInt64) -> String { "index/\(generationPrefix)\(number)" }
}

/// The state of the note search index as a search finds it.
enum NoteIndexState {
    /// Current: its generation is the store's. `damage`: the session files it could not read when built, as they read now.
    case current(NoteIndexContents, damage: [RecordDamage])
    /// No index file.
    case missing
    /// A save has happened since it was last brought up to date, or a file it could not read has since been restored.
    case outOfDate
    /// Not an index this build can read: damaged, cut short, or written by another version.
    case damaged
    /// The index or its folder could not be read.
    case unreadable(FailureReason)
}

/// Why a search could not use the note search index as it was, and what it did instead.
public enum NoteIndexNotice: Sendable, Equatable, CustomStringConvertible {
    /// Why the index could not be used.
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        case missing, outOfDate, damaged
        case unreadable(FailureReason)

        public var description: String {
            switch self {
            case .missing: "was missing"
            case .outOfDate: "was out of date"
            case .damaged: "was damaged"
            case .unreadable(let reason): "could not be read because \(reason)"
            }
        }
    }

    /// The search read every session file and saved a new index from them.
    case rebuilt(Reason)
    /// The search read every session file, but the new index could not be saved.
    case notRebuilt(Reason, FailureReason)

    public var description: String {
        switch self {
        case .rebuilt(let reason):
            "The note search index \(reason), so this search read every session file and rebuilt the index; "
                + "the next search will be quick."
        case .notRebuilt(let reason, let failure):
            "The note search index \(reason), so this search read every session file; a new index could not be "
                + "saved because \(failure), so the next search will be slow too (\(failure.advice))."
        }
    }
}

/// How big the index is, for `caseload check`.
public struct NoteIndexSize: Sendable, Equatable, Encodable {
    /// The index file's size in bytes.
    public let bytes: Int
    /// Sessions with note text in it.
    public let sessions: Int
    /// Texts (sections, narratives, addenda) in it.
    public let texts: Int

    /// "index/note-search: 84 MB, 554,415 texts from 50,900 sessions".
    public var description: String {
        "\(NoteIndex.relativePath): \(ByteCountText.describe(bytes)), \(texts) text\(texts == 1 ? "" : "s") "
            + "from \(sessions) session\(sessions == 1 ? "" : "s")"
    }
}

extension CaseloadStore {
    // MARK: Reading

    /// The store's generation: the highest number among the markers (0 when there is none).
    func noteIndexStoreGeneration() throws(StoreError) -> UInt64 {
        let folderPath = folder.path("index")
        let names: [String]
        do {
            names = try folder.fileSystem.listDirectory(folderPath.absolute)
        } catch where error.code == ENOENT {
            return 0
        } catch {
            throw .readFailed(folderPath, FailureReason(errno: error.code))
        }
        return names.compactMap { name in
            name.hasPrefix(NoteIndex.generationPrefix) ? UInt64(name.dropFirst(NoteIndex.generationPrefix.count)) : nil
        }.max() ?? 0
    }

    /// The index as it is on disk, and whether it can be trusted.
    func readNoteIndex() -> NoteIndexState {
        let path = folder.path(NoteIndex.relativePath)
        let storeGeneration: UInt64
        let bytes: NoteIndexBytes?
        do {
            storeGeneration = try noteIndexStoreGeneration()
            bytes = try reader.noteIndexBytesIfPresent(path, limit: NoteIndexFile.sizeLimit)
        } catch .damaged {
            return .damaged  // a link, a file with several names, or oversized: not the index Caseload wrote
        } catch {
            return .unreadable(error.failureReason ?? .deviceError)
        }
        guard let bytes else { return .missing }
        let contents: NoteIndexContents
        do {
            contents = try NoteIndexContents(bytes)
        } catch {
            return .damaged
        }
        guard contents.generation == storeGeneration else { return .outOfDate }
        // A file restored since the build may hold notes the index has never seen.
        var damage: [RecordDamage] = []
        for file in contents.damagedFiles {
            guard let problem = sessionFileDamage(file) else { return .outOfDate }
            damage.append(problem)
        }
        return .current(contents, damage: damage)
    }

    /// How a session file (or week folder) listed as unreadable reads now; nil once it reads.
    private func sessionFileDamage(_ relative: String) -> RecordDamage? {
        let path = folder.path(relative)
        if (try? folder.fileSystem.status(path.absolute, followingLinks: false))?.kind == .directory {
            do {
                _ = try folder.fileSystem.listDirectory(path.absolute)
                return nil
            } catch {
                return RecordDamage(path, .unreadable(FailureReason(errno: error.code)))
            }
        }
        do {
            guard let bytes = try reader.readIfPresent(path) else { return nil }
            // A session's own file sits in its week folder; its notes and narrative one folder deeper.
            if path.parent.parent.relative == "sessions" {
                _ = try decodeFiled(SessionFile.self, from: bytes, at: relative)
            } else if path.name == NarrativeFile.fileStem + ".json" {
                _ = try decodeFiled(NarrativeFile.self, from: bytes, at: relative)
            } else {
                _ = try decodeFiled(MemberNoteFile.self, from: bytes, at: relative)
            }
            return nil
        } catch {
            return RecordDamage(reading: path, error)
        }
    }

    // MARK: Building

    /// The index the session files call for, read through the store's session loaders, and the files
    /// that could not be read (kept in the index so every search names them).
    func noteIndexFromRecords(generation: UInt64) -> (bytes: [UInt8], damage: [RecordDamage]) {
        let sessions = allSessions()
        let bytes = NoteIndexFile.built(
            from: sessions.records.map(SearchedSession.init), damagedFiles: sessions.damaged.map(\.file.relative), generation: generation)
        return (bytes, sessions.damaged)
    }

    /// Rebuilds the index from the session files and saves it; returns what it holds.
    @discardableResult
    func rebuildNoteIndex(holding lock: WriteLock) throws(StoreError) -> NoteIndexContents {
        let built = noteIndexFromRecords(generation: try noteIndexStoreGeneration())
        try writeNoteIndex(built.bytes, holding: lock)
        // Parsing what was just built cannot fail.
        return try! NoteIndexContents(built.bytes)
    }

    /// Rewrites the index without the entries later saves superseded, reading no session file.
    func compactNoteIndex(_ contents: NoteIndexContents, holding lock: WriteLock) throws(StoreError) {
        var frames: [UInt8] = []
        for entry in contents.entries { frames += contents.bytes[entry.frame.range] }
        if !contents.damagedFiles.isEmpty {
            frames += NoteIndexFile.damagedFrame(contents.damagedFiles, generation: contents.generation)
        }
        let header = NoteIndexFile.header(generation: contents.generation, builtEnd: NoteIndexFile.headerSize + frames.count)
        try writeNoteIndex(header + frames, holding: lock)
    }

    /// An empty, current index, for a new caseload.
    func writeEmptyNoteIndex(holding lock: WriteLock) throws(StoreError) {
        try writeNoteIndex(
            NoteIndexFile.header(generation: try noteIndexStoreGeneration(), builtEnd: NoteIndexFile.headerSize), holding: lock)
    }

    func writeNoteIndex(_ bytes: [UInt8], holding lock: WriteLock) throws(StoreError) {
        let path = folder.path(NoteIndex.relativePath)
        _ = try folder.ensureFolder(path.parent.relative)
        try writer.replace(path, with: bytes, holding: lock, limit: NoteIndexFile.sizeLimit)
    }

    // MARK: Keeping it current on every save

    /// The one place that knows which saved records feed the note search index: the session whose
    /// note text saving `record` can change, or nil. Keyed by session id: a session is kept in its
    /// own file and a file for each member's note and for its narrative, and the index holds the
    /// session as the store assembles it from all of them.
    func noteIndexedSession<Record: FiledRecord>(changedBy record: Record, previous: Record?) -> SessionID? {
        switch record {
        case let file as SessionFile:
            // Its own file holds no note text, but its date and list decide which searches find the notes.
            let before = (previous as? SessionFile)?.session
            let after = file.session
            guard before?.date != after.date || before?.members.map(\.participant) != after.members.map(\.participant)
            else { return nil }
            return file.id
        case let note as MemberNoteFile:
            // Any change to the note: its sections, addenda and the narrative it was signed with are searched.
            guard (previous as? MemberNoteFile)?.note != note.note else { return nil }
            return note.session
        case let narrative as NarrativeFile:
            guard (previous as? NarrativeFile)?.text != narrative.text else { return nil }
            return narrative.session
        default:
            return nil
        }
    }

    /// Before the record is written: raises the store's generation, durably, so the index reads as
    /// behind until the session is re-indexed. The marker of the generation before stays until the
    /// record is written (`settleNoteIndexGeneration`), so a failed write can step back leaving nothing.
    func raiseNoteIndexGeneration(holding lock: WriteLock) throws(StoreError) -> UInt64 {
        let current = try noteIndexStoreGeneration()
        let markers = try folder.ensureFolder("index")
        let next = folder.path(NoteIndex.generationMarker(current + 1))
        let fileSystem = folder.fileSystem
        do {
            try fileSystem.close(try fileSystem.createExclusive(next.absolute, mode: 0o600))
            try fileSystem.syncDirectory(markers.absolute)
        } catch {
            throw .saveFailed(next, FailureReason(errno: error.code))
        }
        return current + 1
    }

    /// After the write of a record whose notes the index holds: `written` says whether the record
    /// may have changed. If so, the marker before `raised` goes (only the highest counts, so one left
    /// by a crash does no harm); if not, `raised` goes and the index is as current as before. When the
    /// generation could not be raised at all, a changed record takes the index with it, so it can
    /// never look current while missing a save (the next search rebuilds it).
    func settleNoteIndexGeneration(_ raised: Result<UInt64, StoreError>, written: Bool) {
        let fileSystem = folder.fileSystem
        switch (raised, written) {
        case (.success(let generation), true):
            if generation > 1 { fileSystem.removeQuietly(folder.path(NoteIndex.generationMarker(generation - 1)).absolute) }
        case (.success(let generation), false):
            fileSystem.removeQuietly(folder.path(NoteIndex.generationMarker(generation)).absolute)
        case (.failure, true):
            fileSystem.removeQuietly(folder.path(NoteIndex.relativePath).absolute)
        case (.failure, false):
            break
        }
    }

    /// After the record is written: appends the session's texts, as the store now assembles the
    /// session, tagged with `generation`. Does nothing when there is no index (a search builds one).
    func appendToNoteIndex(_ id: SessionID, generation: UInt64, holding lock: WriteLock) throws(StoreError) {
        let path = folder.path(NoteIndex.relativePath)
        guard try exists(path.relative) else { return }
        let read = try sessionWithParts(id)
        // A note or narrative file that cannot be read: left without this generation's entry, the
        // index reads as behind, so the next search rebuilds it and names the file.
        guard read.damaged.isEmpty else { return }
        var folding = TextFolding()
        let frame = NoteIndexFile.frame(for: SearchedSession(read.session), generation: generation, folding: &folding)
        let fileSystem = folder.fileSystem
        let descriptor: FileDescriptor
        do {
            descriptor = try fileSystem.openForAppending(path.absolute, mode: 0o600)
        } catch {
            throw .saveFailed(path, FailureReason(errno: error.code))
        }
        defer { fileSystem.closeQuietly(descriptor) }
        do {
            // Not synced: a frame lost to a power cut leaves the index a generation behind the
            // durable marker, which is exactly what makes the next search rebuild it.
            try fileSystem.writeAll(descriptor, frame)
        } catch {
            throw .saveFailed(path, FailureReason(errno: error.code))
        }
    }
}
