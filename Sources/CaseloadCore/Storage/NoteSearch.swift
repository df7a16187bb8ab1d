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
    /// Reads every session file in the date range but decodes only those whose raw bytes, folded,
    /// contain the folded query: decoding is most of the cost of reading a record, and a search
    /// matches few files. Nothing is cached, so a search always sees what other processes saved.
    /// Like `sessions(from:through:)`, the range picks week folders by the date in each session's id.
    public func searchNotes(_ query: NoteSearchQuery) -> NoteSearchResult {
        var folding = TextFolding()
        let needle = folding.fold(query.text)
        var result = NoteSearchResult(hits: [], damaged: [])
        guard !needle.isEmpty else { return result }
        let screen = RawSessionScreen(needle: needle, participant: query.participant)
        for weekFolder in sessionFolders(from: query.from, through: query.through) {
            let listed = fileNames(in: weekFolder)
            result.damaged += listed.damaged
            // Read one file at a time, in name order; screen, decode and match on every core.
            let files = listed.records.map { name in
                let path = folder.path(weekFolder + "/" + name)
                return (path: path, bytes: Result { () throws(StoreError) in try reader.readIfPresent(path) })
            }
            let outcomes = files.concurrentMap { file in
                file.bytes.flatMap { bytes in
                    Result { () throws(StoreError) -> [NoteSearchHit] in
                        guard let bytes, screen.mayMatch(bytes) else { return [] }
                        let session = try decodeFiled(Session.self, from: bytes, at: file.path.relative)
                        guard query.from.map({ $0 <= session.date }) ?? true, query.through.map({ session.date <= $0 }) ?? true
                        else { return [] }
                        return NoteMatcher(needle: needle, participant: query.participant).hits(in: session)
                    }
                }
            }
            for (file, outcome) in zip(files, outcomes) {
                switch outcome {
                case .success(let hits): result.hits += hits
                case .failure(let error): result.damaged.append(RecordDamage(reading: file.path, error))
                }
            }
        }
        result.hits.sort { ($0.date, $0.session.rawValue) > ($1.date, $1.session.rawValue) }
        return result
    }

    /// The week folders that can hold sessions dated `from` through `through`, oldest first.
    private func sessionFolders(from: LocalDate?, through: LocalDate?) -> [String] {
        let first = from.map { Session.weekFolder($0.isoWeek) }
        let last = through.map { Session.weekFolder($0.isoWeek) }
        return subfolders(of: "sessions").filter { folder in
            first.map { $0 <= folder } ?? true && last.map { folder <= $0 } ?? true
        }
    }

    /// The record file names in one folder, sorted; an unlistable folder is damage.
    private func fileNames(in relativeFolder: String) -> Loaded<String> {
        let path = folder.path(relativeFolder)
        do {
            let names = try folder.fileSystem.listDirectory(path.absolute)
            return Loaded(records: names.filter { RecordFileName.id(inFileName: $0) != nil }.sorted())
        } catch {
            return Loaded(damaged: [RecordDamage(path, .unreadable(FailureReason(errno: error.code)))])
        }
    }
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

    func mayMatch(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { raw in
            if let participantBytes, !ByteSearch.contains(participantBytes, in: raw) { return false }
            if stretch.isEmpty || ByteSearch.contains(Self.unicodeEscape, in: raw) { return true }
            var folding = TextFolding()
            guard let folded = folding.fold(utf8: raw) else { return true }
            return folded.withUnsafeBufferPointer { ByteSearch.contains(stretch, in: $0) }
        }
    }
}

/// Finds the folded query in one decoded session's notes.
private struct NoteMatcher {
    let needle: [UInt8]
    let participant: ParticipantID?

    func hits(in session: Session) -> [NoteSearchHit] {
        var folding = TextFolding()
        var hits: [NoteSearchHit] = []
        func look(in text: String, field: String, of member: ParticipantID?) {
            guard let excerpt = Excerpt.around(needle, in: text, folding: &folding) else { return }
            hits.append(NoteSearchHit(session: session.id, date: session.date, participant: member, field: field, excerpt: excerpt))
        }
        if let narrative = session.sharedNarrative,
            participant.map({ session.member($0) != nil }) ?? true
        {
            look(in: narrative, field: "Shared narrative", of: nil)
        }
        for member in session.members where participant.map({ $0 == member.participant }) ?? true {
            guard let note = member.note else { continue }
            for (section, text) in note.orderedSections { look(in: text, field: section.title, of: member.participant) }
            // The narrative as signed is searched only where it no longer matches the session's.
            if let signed = note.signedSharedNarrative, signed != session.sharedNarrative {
                look(in: signed, field: "Shared narrative as signed", of: member.participant)
            }
            for addendum in note.addenda { look(in: addendum.text, field: "Addendum", of: member.participant) }
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
