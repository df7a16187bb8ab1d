#if canImport(Glibc)
import Glibc
#endif

/// Every file of the sessions in some week folders, as read: the sessions' own files, their
/// members' notes and their narratives.
struct SessionFiles {
    var files = Loaded<SessionFile>()
    var notes = Loaded<MemberNoteFile>()
    var narratives = Loaded<NarrativeFile>()
    /// Folders of notes with no session file beside them (named by `check`).
    var orphanFolders: [StorePath] = []

    mutating func append(_ other: SessionFiles) {
        files.append(other.files)
        notes.append(other.notes)
        narratives.append(other.narratives)
        orphanFolders += other.orphanFolders
    }

    /// Each session with its notes and narrative laid over it; damage to any of their files.
    var sessions: Loaded<Session> {
        var parts: [SessionID: SessionParts] = [:]
        for note in notes.records { parts[note.session, default: SessionParts()].notes[note.participant] = note }
        for narrative in narratives.records { parts[narrative.session, default: SessionParts()].narrative = narrative }
        var loaded = Loaded<Session>(
            records: files.records.map { Session($0, parts: parts[$0.id] ?? SessionParts()) },
            damaged: files.damaged + notes.damaged + narratives.damaged)
        loaded.unknownFields = files.unknownFields + notes.unknownFields + narratives.unknownFields
        return loaded
    }
}

/// The files found in week folders, by kind, before any is read.
private struct SessionFileListing {
    var sessionFiles: [String] = []
    var noteFiles: [String] = []
    var narrativeFiles: [String] = []
    var orphanFolders: [StorePath] = []
}

/// One session read with its part files, and the part files that could not be read, by path.
struct SessionRead {
    let file: SessionFile
    let parts: SessionParts
    let damaged: [String: RecordDamage]

    var session: Session { Session(file, parts: parts) }
}

extension CaseloadStore {
    /// The files of every session in one week folder (`sessions/<week>`).
    func sessionFiles(in weekFolder: String, findingUnknownFields: Bool = false) -> SessionFiles {
        sessionFiles(in: [weekFolder], findingUnknownFields: findingUnknownFields)
    }

    /// The files of every session ever, for `check`.
    func allSessionFiles(findingUnknownFields: Bool) -> SessionFiles {
        sessionFiles(in: subfolders(of: "sessions"), findingUnknownFields: findingUnknownFields)
    }

    /// The files of every session in `weekFolders`: every folder listed first, then each kind of
    /// file read and decoded in one go, so reading and decoding overlap across the weeks.
    private func sessionFiles(in weekFolders: [String], findingUnknownFields: Bool) -> SessionFiles {
        var found = SessionFiles()
        var listed = SessionFileListing()
        for weekFolder in weekFolders {
            switch listing(of: weekFolder) {
            case .missing: continue
            case .notAFolder:
                found.files.damaged.append(RecordDamage(folder.path(weekFolder), .unreadable(FailureReason(errno: ENOTDIR))))
            case .unreadable(let damage): found.files.damaged.append(damage)
            case .names(let names): list(names, in: weekFolder, into: &listed, damage: &found)
            }
        }
        found.orphanFolders = listed.orphanFolders
        found.files.append(loadFiles(SessionFile.self, at: listed.sessionFiles, findingUnknownFields: findingUnknownFields))
        found.notes.append(loadFiles(MemberNoteFile.self, at: listed.noteFiles, findingUnknownFields: findingUnknownFields))
        found.narratives.append(loadFiles(NarrativeFile.self, at: listed.narrativeFiles, findingUnknownFields: findingUnknownFields))
        return found
    }

    /// Sorts one week folder's `names` into session files and the note and narrative files of
    /// each session's folder; a part folder that cannot be listed is damage.
    private func list(_ names: [String], in weekFolder: String, into listed: inout SessionFileListing, damage: inout SessionFiles) {
        let sessionFiles = names.filter { RecordFileName.id(inFileName: $0) != nil }
        let stems = Set(sessionFiles.map { String($0.dropLast(".json".count)) })
        listed.sessionFiles += sessionFiles.map { weekFolder + "/" + $0 }
        // Anything else not hidden may be a session's folder of notes.
        for name in names where !name.hasPrefix(".") && RecordFileName.id(inFileName: name) == nil {
            let partsFolder = weekFolder + "/" + name
            let partNames: [String]
            switch listing(of: partsFolder) {
            case .missing, .notAFolder: continue
            case .unreadable(let problem):
                damage.notes.damaged.append(problem)
                continue
            case .names(let names): partNames = names
            }
            if !stems.contains(name) { listed.orphanFolders.append(folder.path(partsFolder)) }
            for part in partNames where RecordFileName.id(inFileName: part) != nil {
                if part == NarrativeFile.fileStem + ".json" {
                    listed.narrativeFiles.append(partsFolder + "/" + part)
                } else {
                    listed.noteFiles.append(partsFolder + "/" + part)
                }
            }
        }
    }

    /// One session's file and its part files; the session file must be usable, a damaged part is
    /// left out and named in `damaged`.
    func sessionWithParts(_ id: SessionID) throws(StoreError) -> SessionRead {
        let file = try require(SessionFile.self, at: Session.relativePath(of: id), id: id.rawValue)
        let parts = try parts(of: id)
        return SessionRead(file: file, parts: parts.parts, damaged: parts.damaged)
    }

    /// The note and narrative files of one session; a damaged one is left out and named in
    /// `damaged` by its relative path.
    func parts(of id: SessionID) throws(StoreError) -> (parts: SessionParts, damaged: [String: RecordDamage]) {
        let partsFolder = try Session.partsFolder(of: id)
        var parts = SessionParts()
        var damaged: [String: RecordDamage] = [:]
        switch listing(of: partsFolder) {
        case .missing, .notAFolder: break
        case .unreadable(let damage): damaged[partsFolder] = damage
        case .names(let names):
            for name in names where RecordFileName.id(inFileName: name) != nil {
                let relative = partsFolder + "/" + name
                do {
                    if name == NarrativeFile.fileStem + ".json" {
                        parts.narrative = try load(NarrativeFile.self, at: relative)
                    } else if let note = try load(MemberNoteFile.self, at: relative) {
                        parts.notes[note.participant] = note
                    }
                } catch {
                    damaged[relative] = RecordDamage(reading: folder.path(relative), error)
                }
            }
        }
        return (parts, damaged)
    }
}
