/// One thing `caseload check` found: which file, and a sentence saying what is wrong and what to do.
public struct CheckFinding: Sendable, Hashable, Encodable, CustomStringConvertible {
    /// What sort of problem, for scripts.
    public enum Kind: String, Sendable, Hashable, Encodable {
        /// A file that cannot be used as a record.
        case damaged
        /// A record names a staff member or participant that does not exist.
        case reference
        /// A record sits where its own date says it should not.
        case location
        /// The roster index disagrees with the records.
        case index
        /// A temporary file left by an interrupted save.
        case leftover
        /// Something other accounts can read or change.
        case permissions
        /// A link or special file in the data folder.
        case entry
        /// Unreadable audit lines, or a record revision with no audit line.
        case audit
        /// Program settings the program cannot run on.
        case settings
        /// Fields this version does not read (a warning: saves keep them).
        case unknownField
    }

    /// What sort of problem.
    public let kind: Kind
    /// The file, relative to the data folder.
    public let file: String
    /// The whole finding as one sentence.
    public let description: String

    private enum CodingKeys: String, CodingKey { case kind, file, description = "message" }
}

/// Everything `caseload check` found, and what `--repair` fixed.
public struct CheckReport: Sendable, Encodable {
    /// Problems still present.
    public let findings: [CheckFinding]
    /// Worth knowing but not wrong: fields this version of Caseload does not read. They leave
    /// the caseload healthy (exit 0), because saves keep them.
    public let warnings: [CheckFinding]
    /// What the repair did, one sentence each.
    public let repairs: [String]
    /// How many record files were read.
    public let recordsChecked: Int
    /// The note search index's size, when it is current.
    public let noteIndex: NoteIndexSize?

    /// True when nothing is wrong.
    public var isHealthy: Bool { findings.isEmpty }

    /// The closing line of `caseload check`.
    public var summary: String {
        let checked = "Checked \(recordsChecked) record file\(recordsChecked == 1 ? "" : "s")"
        let repaired = repairs.isEmpty ? "" : "; repaired \(repairs.count) problem\(repairs.count == 1 ? "" : "s")"
        let warned = warnings.isEmpty ? "" : " \(warnings.count) warning\(warnings.count == 1 ? "" : "s") listed above."
        return isHealthy
            ? "\(checked)\(repaired): no problems found.\(warned)"
            : "\(checked)\(repaired): \(findings.count) problem\(findings.count == 1 ? "" : "s") found, listed above.\(warned)"
    }

    private enum CodingKeys: String, CodingKey { case findings, warnings, repairs, recordsChecked, noteIndex, healthy, summary }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(findings, forKey: .findings)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(repairs, forKey: .repairs)
        try container.encode(recordsChecked, forKey: .recordsChecked)
        try container.encodeIfPresent(noteIndex, forKey: .noteIndex)
        try container.encode(isHealthy, forKey: .healthy)
        try container.encode(summary, forKey: .summary)
    }
}

extension CaseloadStore {
    /// Reads every file and reports every problem; with `repair`, rebuilds the roster index and
    /// removes leftover temporary files (it never rewrites or deletes a record).
    public func check(repair: Bool = false) throws(StoreError) -> CheckReport {
        // The folder walk, the audit log and the note search index are read on other threads while the records load here.
        let folder = folder
        let walk = Background { folder.inspectEntries() }
        let audit = Background { AuditLog(dataFolder: folder).readAll() }
        let noteIndex = Background { [self] in self.readNoteIndex() }
        var settingsFindings: [CheckFinding] = []

        var damaged: [RecordDamage] = []
        var programCount = 0
        var programRecord: [ProgramSettings] = []
        var programUnknown: [UnknownFieldsFound] = []
        do {
            let settings = try program()
            if let fields = try loadForRewrite(ProgramSettings.self, at: ProgramSettings.fileName)?.unknown.paths,
                !fields.isEmpty
            {
                programUnknown = [UnknownFieldsFound(file: folder.path(ProgramSettings.fileName), fields: fields)]
            }
            programCount = 1
            programRecord = [settings]
            do {
                try settings.validate()
            } catch {
                settingsFindings.append(
                    CheckFinding(
                        kind: .settings, file: ProgramSettings.fileName,
                        description: "\(ProgramSettings.fileName) has a setting the program cannot use: \(error) "
                            + "An administrator can correct it with `caseload settings set`."))
            }
        } catch {
            damaged.append(RecordDamage(reading: folder.path(ProgramSettings.fileName), error))
        }
        let staff = loadAll(Staff.self, in: "staff", findingUnknownFields: true)
        let participants = loadAll(Participant.self, in: "participants", findingUnknownFields: true)
        let checkIns = allCheckIns(findingUnknownFields: true)
        let sessionFiles = allSessionFiles(findingUnknownFields: true)
        let sessions = sessionFiles.sessions
        let drafts = allDrafts()
        damaged += staff.damaged + participants.damaged + checkIns.damaged + sessions.damaged + drafts.damaged
        var findings = (walk.value + folder.auditIssues(audit.value)).map(CheckFinding.init) + settingsFindings
        // Links and special files were already named by the folder walk.
        findings += damaged.filter { !$0.problem.isAboutTheEntryItself }
            .map { CheckFinding(kind: .damaged, file: $0.file.relative, description: $0.description) }

        // What follows compares what was loaded, reading nothing more (the indexes aside): each
        // part on a core of its own, the findings joined in this order whatever finishes first.
        let references = Background { [self] in
            referenceFindings(staff: staff, participants: participants, checkIns: checkIns.records, sessions: sessionFiles.files.records)
                + partFindings(sessionFiles)
        }
        let programRecords = programRecord
        let gaps = Background { [self] in
            // Drafts are their authors' working copies, never audited (see `saveDraft`).
            var revisions = Self.revisions(programRecords) + Self.revisions(staff.records) + Self.revisions(participants.records)
            revisions += Self.revisions(checkIns.records) + Self.revisions(sessionFiles.files.records)
            revisions += Self.revisions(sessionFiles.notes.records) + Self.revisions(sessionFiles.narratives.records)
            return auditGapFindings(for: revisions, readings: audit.value)
        }
        let roster = Background { [self] in
            // A participant whose file or check-in is damaged cannot be judged: the index entry from
            // before the damage is the best summary left, and a rebuild would drop them.
            let unjudged = Set(
                (participants.damaged.compactMap { RecordFileName.id(inFileName: $0.file.name) }
                    + checkIns.damaged.map(\.file.parent.name)).map { ParticipantID($0) })
            return indexFindings(
                participants: participants.records, checkIns: checkIns.records, skipping: unjudged,
                damaged: RosterIndex.damagedParticipants(participants, checkInDamage: checkIns.damaged))
        }
        let noteIndexFound = noteIndexFindings(noteIndex.value, sessions: sessions)
        findings += references.value + gaps.value + roster.value + noteIndexFound

        var repairs: [String] = []
        if repair {
            let lock = try folder.lockForWriting(timeout: lockTimeout)
            defer { lock.release() }
            if findings.contains(where: { $0.kind == .index && $0.file == RosterIndex.relativePath }) {
                try rebuildRosterIndex(holding: lock)
                repairs.append("Rebuilt \(RosterIndex.relativePath) from the records.")
                findings.removeAll { $0.kind == .index && $0.file == RosterIndex.relativePath }
            }
            if findings.contains(where: { $0.kind == .index && $0.file == NoteIndex.relativePath }) {
                // Read again under the lock: a save since the check began is in the files, not in `sessions`.
                try rebuildNoteIndex(holding: lock)
                repairs.append("Rebuilt \(NoteIndex.relativePath) from the session files.")
                findings.removeAll { $0.kind == .index && $0.file == NoteIndex.relativePath }
            }
            for removed in try folder.removeLeftoverTemporaryFiles(holding: lock) {
                repairs.append("Removed the temporary file \(removed) left by an interrupted save.")
                findings.removeAll { $0.kind == .leftover && $0.file == removed.relative }
            }
        }
        var recordsChecked = programCount + staff.records.count + participants.records.count + checkIns.records.count
        recordsChecked += sessionFiles.files.records.count + sessionFiles.notes.records.count
        recordsChecked += sessionFiles.narratives.records.count + drafts.records.count + damaged.count
        let unknownFields = programUnknown + staff.unknownFields + participants.unknownFields + checkIns.unknownFields
        let warnings = (unknownFields + sessions.unknownFields + drafts.unknownFields).map(CheckFinding.init)
        return CheckReport(
            findings: findings, warnings: warnings, repairs: repairs, recordsChecked: recordsChecked,
            // The index as read beside the records, unless the repair just rebuilt it.
            noteIndex: repairs.isEmpty ? noteIndexSize(noteIndex.value) : noteIndexSize(readNoteIndex()))
    }

    /// Where each record sits and which revision it holds, for matching against the audit log.
    private static func revisions<Record: AuditedRecord>(
        _ records: [Record]
    ) -> [(file: String, kind: AuditIdentifier, id: String, revision: Int)] {
        records.compactMap { record in
            (try? record.relativePath()).map { ($0, Record.auditKind, record.id.rawValue, record.revision.number) }
        }
    }

    /// References to people who have no record. A damaged file still names its person, so
    /// references to them are not reported again: the damage finding already says what to restore.
    private func referenceFindings(
        staff: Loaded<Staff>, participants: Loaded<Participant>, checkIns: [CheckIn], sessions: [SessionFile]
    ) -> [CheckFinding] {
        let staffIDs = Set(staff.records.map(\.id) + staff.damaged.compactMap { RecordFileName.id(inFileName: $0.file.name) }.map { StaffID($0) })
        let participantIDs = Set(
            participants.records.map(\.id)
                + participants.damaged.compactMap { RecordFileName.id(inFileName: $0.file.name) }.map { ParticipantID($0) })
        var findings: [CheckFinding] = []
        func reference<Record: FiledRecord>(_ record: Record, _ what: String) {
            let file = (try? record.relativePath()) ?? ""
            findings.append(
                CheckFinding(
                    kind: .reference, file: file,
                    description: "\(file) names \(what), who is not in this caseload; restore the missing record from a backup or correct the reference."))
        }
        for participant in participants.records where !staffIDs.contains(participant.primaryCounselor) {
            reference(participant, "the counselor \(participant.primaryCounselor)")
        }
        for checkIn in checkIns {
            if !staffIDs.contains(checkIn.recordedBy) { reference(checkIn, "the staff member \(checkIn.recordedBy)") }
            if !participantIDs.contains(checkIn.participant) { reference(checkIn, "the participant \(checkIn.participant)") }
        }
        for file in sessions {
            let session = file.session
            for facilitator in session.facilitators where !staffIDs.contains(facilitator) {
                reference(file, "the facilitator \(facilitator)")
            }
            for member in session.members where !participantIDs.contains(member.participant) {
                reference(file, "the participant \(member.participant)")
            }
            let file = (try? file.relativePath()) ?? ""
            if !file.hasPrefix(Session.weekFolder(session.date.isoWeek) + "/") {
                findings.append(
                    CheckFinding(
                        kind: .location, file: file,
                        description: "\(file) is dated \(session.date), outside the week it is filed under, so week views "
                            + "show it in the wrong week; re-enter it as a new session on the right date."))
            }
        }
        return findings
    }

    /// Note and narrative files that belong to no session: a folder of them with no session file
    /// beside it, or a note for someone not on the session's list. Readers leave them out, so
    /// they are named here rather than lost without a word.
    private func partFindings(_ files: SessionFiles) -> [CheckFinding] {
        var findings = files.orphanFolders.map { folder in
            CheckFinding(
                kind: .reference, file: folder.relative,
                description: "\(folder) holds notes of a session that has no file (\(folder).json); restore that file "
                    + "from a backup, or the notes are not shown anywhere.")
        }
        let lists = Dictionary(
            files.files.records.map { ($0.id, Set($0.session.members.map(\.participant))) }, uniquingKeysWith: { first, _ in first })
        for note in files.notes.records {
            guard let list = lists[note.session], !list.contains(note.participant) else { continue }
            let file = (try? note.relativePath()) ?? ""
            findings.append(
                CheckFinding(
                    kind: .reference, file: file,
                    description: "\(file) is a note for \(note.participant), who is not on the attendance list of "
                        + "session \(note.session), so it is not shown; restore the session file from a backup, or "
                        + "add them to the session with `caseload session add-member`."))
        }
        return findings
    }

    /// Compares the roster index with what the records call for, without re-reading them.
    /// `damaged`: who the index must list as having unreadable files, so the roster can say so.
    private func indexFindings(
        participants: [Participant], checkIns: [CheckIn], skipping unjudged: Set<ParticipantID>, damaged: [ParticipantID]
    ) -> [CheckFinding] {
        let file = RosterIndex.relativePath
        let index: RosterIndex
        do {
            guard let read = try readRosterIndex() else {
                let why = try reader.readIfPresent(folder.path(file)) == nil
                    ? "is missing" : "was written by an earlier version of Caseload"
                return [
                    CheckFinding(
                        kind: .index, file: file,
                        description: "\(file) \(why); Caseload rebuilds it when the roster is next opened, or run `caseload check --repair`.")
                ]
            }
            index = read
        } catch {
            let damage = RecordDamage(reading: folder.path(file), error)
            return [
                CheckFinding(
                    kind: .index, file: file,
                    description: "\(file) \(damage.problem.problem); it is derived from the records, so run `caseload check --repair` to rebuild it.")
            ]
        }
        let checkInsByParticipant = Dictionary(grouping: checkIns, by: \.participant)
        let expected = Dictionary(
            uniqueKeysWithValues: participants
                .map { RosterEntry(participant: $0, checkIns: checkInsByParticipant[$0.id] ?? []) }
                .filter(\.belongsInIndex).map { ($0.id, $0) })
        let indexed = Dictionary(index.entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var findings: [CheckFinding] = []
        func mismatch(_ what: String) {
            findings.append(
                CheckFinding(
                    kind: .index, file: file,
                    description: "\(file) \(what); run `caseload check --repair` to rebuild it from the records."))
        }
        for id in expected.keys.sorted() where !unjudged.contains(id) {
            guard let entry = indexed[id] else {
                mismatch("lacks the participant \(id)")
                continue
            }
            if entry != expected[id] { mismatch("is out of date for the participant \(id)") }
        }
        for id in indexed.keys.sorted() where expected[id] == nil && !unjudged.contains(id) {
            mismatch("lists the participant \(id), who is discharged with no open safety flag or has no record")
        }
        if index.damagedParticipants != damaged {
            mismatch("does not list the participants whose files cannot be read now")
        }
        return findings
    }
}

extension CheckFinding {
    /// A folder-walk issue as a finding.
    init(_ issue: DataFolderIssue) {
        switch issue {
        case .leftoverTemporaryFile(let path): self.init(kind: .leftover, file: path.relative, description: issue.description)
        case .openToOtherUsers(let path, _): self.init(kind: .permissions, file: path.relative, description: issue.description)
        case .symbolicLink(let path), .notARegularFile(let path), .hardLinked(let path, _), .unreadable(let path, _):
            self.init(kind: .entry, file: path.relative, description: issue.description)
        case .unusableFile(let error):
            let file: String = if case .damaged(let damage) = error { damage.file.relative } else { "" }
            self.init(kind: .damaged, file: file, description: issue.description)
        case .unreadableAuditLines(let path, _, _): self.init(kind: .audit, file: path.relative, description: issue.description)
        }
    }
}

extension CheckFinding {
    /// Fields a newer Caseload or another tool added: kept by every save, named so someone can see where they came from.
    init(_ unknown: UnknownFieldsFound) {
        let names = unknown.fields.map { "\"\($0)\"" }.joined(separator: ", ")
        let plural = unknown.fields.count != 1
        self.init(
            kind: .unknownField, file: unknown.file.relative,
            description: "\(unknown.file) holds \(plural ? "fields" : "the field") \(names) that this version of Caseload "
                + "does not read; no save drops \(plural ? "them" : "it") (one inside a value refuses the save), and a "
                + "newer Caseload may need \(plural ? "them" : "it").")
    }
}
