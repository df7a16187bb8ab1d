#if canImport(Glibc)
import Glibc
#endif

/// What to look for in the caseload's notes.
public struct NoteSearchQuery: Sendable, Equatable {
    /// The words to find, matched ignoring case and accents.
    public var text: String
    /// Only this participant's notes (and narratives of groups they were in).
    public var participant: ParticipantID?
    /// Only sessions dated on or after this day.
    public var from: LocalDate?
    /// Only sessions dated on or before this day.
    public var through: LocalDate?

    /// A query; nil limits mean no limit.
    public init(text: String, participant: ParticipantID? = nil, from: LocalDate? = nil, through: LocalDate? = nil) {
        self.text = text
        self.participant = participant
        self.from = from
        self.through = through
    }
}

/// One place a note search found the text.
public struct NoteSearchHit: Sendable, Equatable, Encodable {
    /// The session whose note or narrative holds the text.
    public let session: SessionID
    /// The session's date.
    public let date: LocalDate
    /// Whose note; nil for a group's shared narrative, which is part of every member's note.
    public let participant: ParticipantID?
    /// Where in the note: a section title ("Assessment"), "Shared narrative" or "Addendum".
    public let field: String
    /// The words around the match, on one line.
    public let excerpt: String
}

/// What a note search found, and the session files it could not read.
public struct NoteSearchResult: Sendable {
    /// Newest session first; within a session, in member and section order.
    public var hits: [NoteSearchHit]
    /// Session files that could not be searched, each naming its problem.
    public var damaged: [RecordDamage]
}

extension CaseloadStore {
    /// Finds `query.text` in note sections, shared narratives and addenda.
    ///
    /// Reads every file of the sessions in the date range (each session's own file, its members'
    /// notes and its narrative) but decodes only those whose raw bytes, folded, contain the folded
    /// query: decoding is most of the cost of reading a record, and a search matches few files.
    /// Nothing is cached, so a search always sees what other processes saved. Like
    /// `sessions(from:through:)`, the range picks week folders by the date in each session's id.
    public func searchNotes(_ query: NoteSearchQuery) -> NoteSearchResult {
        var folding = TextFolding()
        let needle = folding.fold(query.text)
        var result = NoteSearchResult(hits: [], damaged: [])
        guard !needle.isEmpty else { return result }
        let screen = RawSessionScreen(needle: needle, participant: query.participant)
        let matcher = NoteMatcher(needle: needle, participant: query.participant)
        // List every week folder and the sessions' part folders first, then read, screen, parse
        // and match all sessions on every core; results are put back in folder and name order.
        var sessions: [SearchedFiles] = []
        for weekFolder in sessionFolders(from: query.from, through: query.through) {
            let listed = searchedFiles(in: weekFolder, participant: query.participant)
            result.damaged += listed.damaged
            sessions += listed.records
        }
        // Chunks of sessions, so each worker's folding cache (non-ASCII letters) is reused across many files.
        let all = sessions
        let chunkSize = Swift.max(1, Swift.min(256, all.count / 64))
        let chunks = stride(from: 0, to: all.count, by: chunkSize).map { $0..<Swift.min($0 + chunkSize, all.count) }
        let outcomes = chunks.concurrentMap { chunk in
            var folding = TextFolding()
            return chunk.map { index in
                search(all[index], screen: screen, matcher: matcher, query: query, folding: &folding)
            }
        }.flatMap { $0 }
        for outcome in outcomes {
            result.hits += outcome.hits
            result.damaged += outcome.damaged
        }
        result.hits.sort { ($0.date, $0.session.rawValue) > ($1.date, $1.session.rawValue) }
        return result
    }

    /// One session's search: its own file, then the note and narrative files that may match laid
    /// over it (a part file wins, as for every reader). A damaged part is named and the rest searched.
    private func search(
        _ files: SearchedFiles, screen: RawSessionScreen, matcher: NoteMatcher, query: NoteSearchQuery,
        folding: inout TextFolding
    ) -> (hits: [NoteSearchHit], damaged: [RecordDamage]) {
        let sessionBytes: [UInt8]
        do {
            guard let bytes = try reader.readIfPresent(files.session) else { return ([], []) }
            sessionBytes = bytes
        } catch {
            return ([], [RecordDamage(reading: files.session, error)])
        }
        guard screen.listsParticipant(sessionBytes) else { return ([], []) }
        var damaged: [RecordDamage] = []
        var parts: [(path: StorePath, bytes: [UInt8], mayMatch: Bool)] = []
        for path in files.parts {
            do {
                guard let bytes = try reader.readIfPresent(path) else { continue }
                parts.append((path, bytes, screen.mayMatch(bytes, folding: &folding)))
            } catch {
                damaged.append(RecordDamage(reading: path, error))
            }
        }
        guard screen.mayMatch(sessionBytes, folding: &folding) || parts.contains(where: \.mayMatch) else { return ([], damaged) }
        var session: SearchableSession
        do {
            session = try SearchableSession(sessionFile: sessionBytes, at: files.session.relative, store: self)
        } catch {
            return ([], damaged + [RecordDamage(reading: files.session, error)])
        }
        guard query.from.map({ $0 <= session.date }) ?? true, query.through.map({ session.date <= $0 }) ?? true else {
            return ([], damaged)
        }
        // The narrative is read whenever the session is: a note signed with it is searched only
        // where its signed copy no longer matches it.
        for part in parts where part.mayMatch || part.path.name == NarrativeFile.fileStem + ".json" {
            do {
                try session.lay(part: part.bytes, at: part.path.relative, store: self)
            } catch {
                damaged.append(RecordDamage(reading: part.path, error))
            }
        }
        return (matcher.hits(in: session, folding: &folding), damaged)
    }

    /// The week folders that can hold sessions dated `from` through `through`, oldest first.
    private func sessionFolders(from: LocalDate?, through: LocalDate?) -> [String] {
        let first = from.map { Session.weekFolder($0.isoWeek) }
        let last = through.map { Session.weekFolder($0.isoWeek) }
        return subfolders(of: "sessions").filter { folder in
            first.map { $0 <= folder } ?? true && last.map { folder <= $0 } ?? true
        }
    }

    /// The sessions in one week folder, each with the part files a search reads (with a
    /// participant, only theirs and the narrative); an unlistable folder is damage.
    private func searchedFiles(in weekFolder: String, participant: ParticipantID?) -> Loaded<SearchedFiles> {
        let names: [String]
        switch listing(of: weekFolder) {
        case .missing, .notAFolder: return Loaded()
        case .unreadable(let damage): return Loaded(damaged: [damage])
        case .names(let listed): names = listed
        }
        let entries = Set(names)
        var loaded = Loaded<SearchedFiles>()
        for name in names where RecordFileName.id(inFileName: name) != nil {
            let stem = String(name.dropLast(".json".count))
            var files = SearchedFiles(session: folder.path(weekFolder + "/" + name), parts: [])
            if entries.contains(stem) {
                let partsFolder = weekFolder + "/" + stem
                switch listing(of: partsFolder) {
                case .missing, .notAFolder: break
                case .unreadable(let damage): loaded.damaged.append(damage)
                case .names(let parts):
                    let wanted = participant.map { [$0.rawValue + ".json", NarrativeFile.fileStem + ".json"] }
                    files.parts = parts.filter { part in
                        RecordFileName.id(inFileName: part) != nil && wanted.map { $0.contains(part) } ?? true
                    }
                        .map { folder.path(partsFolder + "/" + $0) }
                }
            }
            loaded.records.append(files)
        }
        return loaded
    }
}

/// A session's own file and the note and narrative files a search reads.
private struct SearchedFiles: Sendable {
    let session: StorePath
    var parts: [StorePath]
}

/// Decides from a session file's raw bytes whether it can hold a match, so most files are never decoded.
///
/// Sound, never missing a match: JSON keeps a string's characters as they are, except the ones it
/// escapes (quote, backslash, control characters, and anything a hand-edited file wrote as `\u`).
/// So the longest stretch of the folded query without such characters appears in the folded raw
/// bytes of every file whose decoded text contains the query, and a file with a `\u` escape is
/// always decoded.
private struct RawSessionScreen {
    let stretch: [UInt8]
    let participantBytes: [UInt8]?

    init(needle: [UInt8], participant: ParticipantID?) {
        // "/" too: a hand-edited file may write it as "\/".
        let escaped: Set<UInt8> = [0x22, 0x5C, 0x2F]
        stretch = needle.split { $0 < 0x20 || escaped.contains($0) }.max { $0.count < $1.count }.map(Array.init) ?? []
        participantBytes = participant.map { Array("\"\($0.rawValue)\"".utf8) }
    }

    private static let unicodeEscape = Array(#"\u"#.utf8)

    /// Whether a session file (its raw bytes) can list the participant searched for; true without one.
    func listsParticipant(_ bytes: [UInt8]) -> Bool {
        guard let participantBytes else { return true }
        return bytes.withUnsafeBufferPointer { ByteSearch.contains(participantBytes, in: $0) }
    }

    func mayMatch(_ bytes: [UInt8], folding: inout TextFolding) -> Bool {
        bytes.withUnsafeBufferPointer { raw in
            if stretch.isEmpty || ByteSearch.contains(Self.unicodeEscape, in: raw) { return true }
            guard let folded = folding.fold(utf8: raw) else { return true }
            return folded.withUnsafeBufferPointer { ByteSearch.contains(stretch, in: $0) }
        }
    }
}

/// Finds the folded query in one decoded session's notes.
private struct NoteMatcher {
    let needle: [UInt8]
    let participant: ParticipantID?

    func hits(in session: SearchableSession, folding: inout TextFolding) -> [NoteSearchHit] {
        let id = SessionID(session.id)
        var hits: [NoteSearchHit] = []
        func look(in text: String, field: String, of member: ParticipantID?) {
            guard let excerpt = Excerpt.around(needle, in: text, folding: &folding) else { return }
            hits.append(NoteSearchHit(session: id, date: session.date, participant: member, field: field, excerpt: excerpt))
        }
        if let narrative = session.sharedNarrative,
            participant.map({ wanted in session.members.contains { $0.participant == wanted.rawValue } }) ?? true
        {
            look(in: narrative, field: "Shared narrative", of: nil)
        }
        for member in session.members where participant.map({ $0.rawValue == member.participant }) ?? true {
            guard let note = member.note else { continue }
            let owner = ParticipantID(member.participant)
            for section in note.format.sections { look(in: note.sections[section.key] ?? "", field: section.title, of: owner) }
            // The narrative as signed is searched only where it no longer matches the session's.
            if let signed = note.signedSharedNarrative, signed != session.sharedNarrative {
                look(in: signed, field: "Shared narrative as signed", of: owner)
            }
            for addendum in note.addenda { look(in: addendum, field: "Addendum", of: owner) }
        }
        return hits
    }
}

/// The words around a match, for a result line.
enum Excerpt {
    /// Characters of context kept on each side of the match.
    static let context = 30

    /// The first match of `needle` in `text` with its context on one line, "…" marking cut ends; nil without a match.
    static func around(_ needle: [UInt8], in text: String, folding: inout TextFolding) -> String? {
        // Most texts do not match: rule them out by folding their bytes, which is much cheaper than
        // folding with origins. Both fold scalar by scalar, so they agree on valid UTF-8 (all a String holds).
        var text = text
        let quick = text.withUTF8 { utf8 -> Bool in
            guard let folded = folding.fold(utf8: utf8) else { return true }
            return folded.withUnsafeBufferPointer { ByteSearch.contains(needle, in: $0) }
        }
        guard quick else { return nil }
        let (bytes, origins) = folding.foldKeepingOrigins(text)
        guard let start = bytes.withUnsafeBufferPointer({ ByteSearch.firstOffset(of: needle, in: $0) }) else { return nil }
        let matchStart = origins[start]
        let matchEnd = text.unicodeScalars.index(after: origins[start + needle.count - 1])
        let from = text.index(matchStart, offsetBy: -context, limitedBy: text.startIndex) ?? text.startIndex
        let to = text.index(matchEnd, offsetBy: context, limitedBy: text.endIndex) ?? text.endIndex
        let words = text[from..<to].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return (from > text.startIndex ? "…" : "") + words + (to < text.endIndex ? "…" : "")
    }
}

/// Plain substring search over bytes.
enum ByteSearch {
    static func contains(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        firstOffset(of: needle, in: haystack) != nil
    }

    /// Where `needle` first occurs in `haystack`; an empty needle occurs at 0.
    static func firstOffset(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first else { return 0 }
        guard needle.count <= haystack.count, let base = haystack.baseAddress else { return nil }
        return needle.withUnsafeBufferPointer { pattern -> Int? in
            let last = haystack.count - needle.count
            var start = 0
            // memchr finds candidate first bytes at vector speed; memcmp confirms.
            while start <= last, let found = memchr(base + start, Int32(first), last - start + 1) {
                let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + offset, pattern.baseAddress!, needle.count) == 0 { return offset }
                start = offset + 1
            }
            return nil
        }
    }
}
