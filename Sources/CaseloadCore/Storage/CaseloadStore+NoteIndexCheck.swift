extension CaseloadStore {
    /// What `check` finds wrong with the note search index, compared with the sessions it read:
    /// a missing, damaged or behind index, and any session whose texts the index holds otherwise
    /// (a file restored or edited outside Caseload, which no generation number can see).
    func noteIndexFindings(sessions: Loaded<Session>) -> [CheckFinding] {
        let file = NoteIndex.relativePath
        func finding(_ what: String) -> [CheckFinding] {
            [CheckFinding(kind: .index, file: file, description: "\(file) \(what)")]
        }
        let contents: NoteIndexContents
        switch readNoteIndex() {
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
        let skip = 8 + 1 + 8  // length and checksum, kind, generation
        var indexed: [String: ArraySlice<UInt8>] = [:]
        for entry in contents.entries where entry.textCount > 0 {
            indexed[contents.string(entry.id)] = contents.bytes[(Int(entry.frame.start) + skip)..<Int(entry.frame.end)]
        }
        var folding = TextFolding()
        var differing: [String] = []
        for session in sessions.records {
            let searched = SearchedSession(session)
            let expected = searched.texts.isEmpty ? nil : NoteIndexFile.frame(for: searched, generation: 0, folding: &folding).dropFirst(skip)
            if indexed.removeValue(forKey: session.id.rawValue).map(Array.init) != expected.map(Array.init) { differing.append(session.id.rawValue) }
        }
        // Left over: indexed sessions with no readable file; a damaged one is reported as damaged already.
        let unreadable = Set(sessions.damaged.compactMap { RecordFileName.id(inFileName: $0.file.name) })
        differing += indexed.keys.filter { !unreadable.contains($0) }
        return differing.sorted()
    }

    /// The index's size, for `check` to report; nil when it cannot be read.
    func noteIndexSize() -> NoteIndexSize? {
        guard case .current(let contents, _) = readNoteIndex() else { return nil }
        let sessions = contents.entries.filter { $0.textCount > 0 }
        return NoteIndexSize(bytes: contents.bytes.count, sessions: sessions.count, texts: sessions.reduce(0) { $0 + $1.textCount })
    }
}
