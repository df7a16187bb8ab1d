extension CaseloadStore {
    /// What `check` finds wrong with the note search index, compared with the sessions it read:
    /// a missing, damaged or behind index, and any session whose texts the index holds otherwise
    /// (a file restored or edited outside Caseload, which no generation number can see).
    /// `state`: the index as `readNoteIndex()` found it, read while the sessions loaded.
    func noteIndexFindings(_ state: NoteIndexState, sessions: Loaded<Session>) -> [CheckFinding] {
        let file = NoteIndex.relativePath
        func finding(_ what: String) -> [CheckFinding] {
            [CheckFinding(kind: .index, file: file, description: "\(file) \(what)")]
        }
        let contents: NoteIndexContents
        switch state {
        case .missing:
            return finding("is missing; the next note search rebuilds it, or run `caseload check --repair`.")
        case .outOfDate:
            return finding(
                "is behind the session files (a save was interrupted or could not update it); the next note search "
                    + "rebuilds it, or run `caseload check --repair`.")
        case .damaged:
            return finding(
                "is damaged or was written by another version of Caseload; it is derived from the session files, so run "
                    + "`caseload check --repair` to rebuild it.")
        case .unreadable(let reason):
            return finding("could not be read because \(reason); \(reason.advice).")
        case .current(let current, _):
            contents = current
        }
        guard contents.checksumsHold() else {
            return finding("has a damaged entry; it is derived from the session files, so run `caseload check --repair` to rebuild it.")
        }
        if Set(contents.damagedFiles) != Set(sessions.damaged.map(\.file.relative)) {
            return finding(
                "does not list the session files that cannot be read now, so searches would not name them; run "
                    + "`caseload check --repair` to rebuild it from the session files.")
        }
        let differing = noteIndexDifferences(contents, sessions: sessions)
        guard let first = differing.first else { return [] }
        let others = differing.count > 1 ? " and \(differing.count - 1) more" : ""
        return finding(
            "does not match the session \(first)\(others), changed outside Caseload since it was built; run "
                + "`caseload check --repair` to rebuild it from the session files.")
    }

    /// The sessions, by id, whose texts differ between the index and the files, and those only one of them has.
    private func noteIndexDifferences(_ contents: NoteIndexContents, sessions: Loaded<Session>) -> [String] {
        // Frames compared past their generation, which differs by when each was written.
        let header = 8  // length and checksum, before the payload
        let skip = 1 + 8  // the payload's kind and generation
        var indexed: [String: Range<Int>] = [:]
        for entry in contents.entries where entry.textCount > 0 {
            indexed[contents.string(entry.id)] = (Int(entry.frame.start) + header + skip)..<Int(entry.frame.end)
        }
        // Encoding a session's frame folds its texts, the bulk of the work: on every core.
        let records = sessions.records
        let chunkSize = Swift.max(1, records.count / 64)
        let chunks = stride(from: 0, to: records.count, by: chunkSize).map { $0..<Swift.min($0 + chunkSize, records.count) }
        let lookup = indexed
        var differing = chunks.concurrentMap { chunk -> [String] in
            var folding = TextFolding()
            return chunk.compactMap { index in
                let searched = SearchedSession(records[index])
                let expected = searched.texts.isEmpty ? nil : NoteIndexFile.payload(for: searched, generation: 0, folding: &folding).dropFirst(skip)
                let found = lookup[searched.id.rawValue]
                let same = switch (found, expected) {
                case (nil, nil): true
                case (let found?, let expected?): contents.bytes[found].elementsEqual(expected)
                default: false
                }
                return same ? nil : searched.id.rawValue
            }
        }.flatMap { $0 }
        // Left over: indexed sessions with no readable file; a damaged one is reported as damaged already.
        let readable = Set(records.map(\.id.rawValue))
        let unreadable = Set(sessions.damaged.compactMap { RecordFileName.id(inFileName: $0.file.name) })
        differing += indexed.keys.filter { !readable.contains($0) && !unreadable.contains($0) }
        return differing.sorted()
    }

    /// The index's size, for `check` to report; nil unless `state` (`readNoteIndex()`) is current.
    func noteIndexSize(_ state: NoteIndexState) -> NoteIndexSize? {
        guard case .current(let contents, _) = state else { return nil }
        let sessions = contents.entries.filter { $0.textCount > 0 }
        return NoteIndexSize(bytes: contents.bytes.count, sessions: sessions.count, texts: sessions.reduce(0) { $0 + $1.textCount })
    }
}
