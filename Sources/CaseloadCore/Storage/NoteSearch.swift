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

/// What a note search found, the session files it could not read, and whether it had to do without the index.
public struct NoteSearchResult: Sendable {
    /// Newest session first; within a session, in member and section order.
    public var hits: [NoteSearchHit]
    /// Session files that could not be searched, each naming its problem.
    public var damaged: [RecordDamage]
    /// Set when the note search index could not be used as it was, saying what the search did instead.
    public var indexNotice: NoteIndexNotice?
}

extension CaseloadStore {
    /// Finds `query.text` in note sections, shared narratives and addenda, from the note search
    /// index (see `NoteIndex`) when it is current.
    ///
    /// When it is missing, out of date or damaged, the search waits for any save in progress, reads
    /// every session file as the store's loaders assemble it, answers from that, and saves it as the
    /// new index; `indexNotice` says so. Either way the same texts are matched the same way.
    public func searchNotes(_ query: NoteSearchQuery) -> NoteSearchResult {
        var folding = TextFolding()
        let needle = folding.fold(query.text)
        guard !needle.isEmpty else { return NoteSearchResult(hits: [], damaged: []) }
        let reason: NoteIndexNotice.Reason
        switch readNoteIndex() {
        case .current(let contents, let damage):
            guard let hits = try? Self.hits(of: needle, for: query, in: contents) else {
                reason = .damaged  // a session's texts do not fit its frame
                break
            }
            compactNoteIndexIfWorthIt(contents)
            return NoteSearchResult(hits: hits, damaged: damage)
        case .missing: reason = .missing
        case .outOfDate: reason = .outOfDate
        case .damaged: reason = .damaged
        case .unreadable(let failure): reason = .unreadable(failure)
        }
        return searchRebuildingNoteIndex(needle, for: query, because: reason)
    }

    /// The search without a usable index: under the write lock (so a save in progress finishes
    /// first), from every session file, saving the result as the new index when it can.
    private func searchRebuildingNoteIndex(_ needle: [UInt8], for query: NoteSearchQuery, because reason: NoteIndexNotice.Reason) -> NoteSearchResult {
        let lock: WriteLock
        do {
            lock = try folder.lockForWriting(timeout: lockTimeout)
        } catch {
            // A read-only copy, or a writer that holds the lock too long: search without saving.
            let built = noteIndexFromRecords(generation: 0)
            return NoteSearchResult(
                hits: try! Self.hits(of: needle, for: query, in: NoteIndexContents(built.bytes)), damaged: built.damage,
                indexNotice: .notRebuilt(reason, error.failureReason ?? .deviceError))
        }
        defer { lock.release() }
        // Another search may have rebuilt it, or the save being waited for brought it level.
        if case .current(let contents, let damage) = readNoteIndex(), let hits = try? Self.hits(of: needle, for: query, in: contents) {
            return NoteSearchResult(hits: hits, damaged: damage)
        }
        let generation = Result { () throws(StoreError) in try noteIndexStoreGeneration() }
        let built = noteIndexFromRecords(generation: (try? generation.get()) ?? 0)
        let notice: NoteIndexNotice
        do {
            _ = try generation.get()
            try writeNoteIndex(built.bytes, holding: lock)
            notice = .rebuilt(reason)
        } catch {
            notice = .notRebuilt(reason, error.failureReason ?? .deviceError)
        }
        // Built a moment ago from the session files, so it reads.
        return NoteSearchResult(
            hits: try! Self.hits(of: needle, for: query, in: NoteIndexContents(built.bytes)), damaged: built.damage, indexNotice: notice)
    }

    /// Once more than half the index is entries later saves superseded, rewrites it without them,
    /// if no one else is saving; the next search would try again.
    private func compactNoteIndexIfWorthIt(_ contents: NoteIndexContents) {
        guard contents.supersededBytes > contents.bytes.count / 2,
            let lock = try? folder.lockForWriting(timeout: .zero)
        else { return }
        defer { lock.release() }
        if case .current(let current, _) = readNoteIndex() { try? compactNoteIndex(current, holding: lock) }
    }

    /// The hits for `needle` in `contents`, newest session first; throws when a matching session's texts do not read.
    static func hits(of needle: [UInt8], for query: NoteSearchQuery, in contents: NoteIndexContents) throws(NoteIndexContents.Problem)
        -> [NoteSearchHit]
    {
        let first = query.from?.dayNumber ?? Int.min
        let last = query.through?.dayNumber ?? Int.max
        guard first <= last else { return [] }
        let wanted = query.participant.map { Array($0.rawValue.utf8) }
        let count = contents.entries.count
        // Chunks of entries on every core; each keeps its own folding cache for the excerpts.
        let chunkSize = Swift.max(1, Swift.min(4096, count / 16))
        let chunks = stride(from: 0, to: count, by: chunkSize).map { $0..<Swift.min($0 + chunkSize, count) }
        let found = try chunks.concurrentMap { chunk in
            Result { () throws(NoteIndexContents.Problem) in
                try hits(of: needle, in: chunk, of: contents, days: first...last, participant: wanted)
            }
        }.map { chunk throws(NoteIndexContents.Problem) in try chunk.get() }.flatMap { $0 }
        return found.sorted { ($0.hits[0].date, $0.hits[0].session.rawValue) > ($1.hits[0].date, $1.hits[0].session.rawValue) }
            .flatMap(\.hits)
    }

    /// The hits in the entries `chunk`, each entry's together, with its index.
    private static func hits(
        of needle: [UInt8], in chunk: Range<Int>, of contents: NoteIndexContents, days: ClosedRange<Int>, participant wanted: [UInt8]?
    ) throws(NoteIndexContents.Problem) -> [(entry: Int, hits: [NoteSearchHit])] {
        var folding = TextFolding()
        var found: [(entry: Int, hits: [NoteSearchHit])] = []
        for index in chunk {
            let entry = contents.entries[index]
            guard days.contains(entry.dayNumber) else { continue }
            var member: Int?
            if let wanted {
                let members = entry.membersStart..<(entry.membersStart + entry.memberCount)
                guard let position = members.firstIndex(where: { contents.bytes[contents.members[$0].range].elementsEqual(wanted) })
                else { continue }
                member = position - entry.membersStart
            }
            guard ByteSearch.firstOffset(of: needle, in: contents.bytes, entry.folded.range) != nil else { continue }
            let hits = try hits(of: needle, in: entry, of: contents, onlyFor: member, folding: &folding)
            if !hits.isEmpty { found.append((index, hits)) }
        }
        return found
    }

    /// The texts of one entry holding `needle`, with their excerpts; `member`: only that member's
    /// texts and the group's narratives.
    private static func hits(
        of needle: [UInt8], in entry: NoteIndexContents.Entry, of contents: NoteIndexContents, onlyFor member: Int?,
        folding: inout TextFolding
    ) throws(NoteIndexContents.Problem) -> [NoteSearchHit] {
        var hits: [NoteSearchHit] = []
        var offset = Int(entry.folded.start)
        let session = SessionID(contents.string(entry.id))
        let date = LocalDate(dayNumber: entry.dayNumber)
        for text in try contents.texts(of: entry) {
            let folded = offset..<(offset + text.foldedCount)
            offset = folded.upperBound + 1
            if let member, text.owner >= 0, text.owner != member { continue }
            guard let match = ByteSearch.firstOffset(of: needle, in: contents.bytes, folded),
                let excerpt = Excerpt.around(
                    needle.count, in: UnsafeBufferPointer(rebasing: contents.bytes[text.text.range]),
                    foldedMatch: match - folded.lowerBound, foldedCount: text.foldedCount)
                    ?? Excerpt.around(needle, in: contents.string(text.text), folding: &folding)
            else { continue }
            let owner = text.owner < 0 ? nil : ParticipantID(contents.string(contents.members[entry.membersStart + text.owner]))
            hits.append(NoteSearchHit(session: session, date: date, participant: owner, field: contents.string(text.field), excerpt: excerpt))
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
        var text = text
        if let excerpt = text.withUTF8({ aroundASCII(needle, in: $0) }) { return excerpt }
        return aroundAnyText(needle, in: text, folding: &folding)
    }

    /// `around` for any text: folds it keeping where each folded byte came from, and counts context in characters.
    static func aroundAnyText(_ needle: [UInt8], in text: String, folding: inout TextFolding) -> String? {
        let (bytes, origins) = folding.foldKeepingOrigins(text)
        guard let start = bytes.withUnsafeBufferPointer({ ByteSearch.firstOffset(of: needle, in: $0) }) else { return nil }
        let matchStart = origins[start]
        let matchEnd = text.unicodeScalars.index(after: origins[start + needle.count - 1])
        let from = text.index(matchStart, offsetBy: -context, limitedBy: text.startIndex) ?? text.startIndex
        let to = text.index(matchEnd, offsetBy: context, limitedBy: text.endIndex) ?? text.endIndex
        let words = text[from..<to].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return (from > text.startIndex ? "…" : "") + words + (to < text.endIndex ? "…" : "")
    }

    /// `around` for a text whose folded form the index holds, with the match `foldedMatch` bytes
    /// into that form: for the common note, plain ASCII without carriage returns, each byte is one
    /// character and folds to one byte in place, so the excerpt comes from that offset with no
    /// folding at all. Nil for any other text.
    static func around(
        _ needleCount: Int, in text: UnsafeBufferPointer<UInt8>, foldedMatch start: Int, foldedCount: Int
    ) -> String? {
        guard text.count == foldedCount, isPlainASCII(text) else { return nil }
        return asciiExcerpt(text, matchStart: start, matchCount: needleCount)
    }

    /// `around` for plain ASCII without carriage returns, from byte arithmetic (`.some(nil)` when
    /// nothing matches), or nil for any other text.
    private static func aroundASCII(_ needle: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> String?? {
        guard isPlainASCII(text) else { return nil }
        let folded = text.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
        guard let start = folded.withUnsafeBufferPointer({ ByteSearch.firstOffset(of: needle, in: $0) }) else { return .some(nil) }
        return .some(asciiExcerpt(text, matchStart: start, matchCount: needle.count))
    }

    /// Whether every byte of `text` is ASCII other than a carriage return ("\r\n" is one character).
    private static func isPlainASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        !text.contains { $0 >= 0x80 || $0 == 0x0D }
    }

    /// The words around `text[matchStart..<matchStart + matchCount]` on one line, for plain ASCII text.
    private static func asciiExcerpt(_ text: UnsafeBufferPointer<UInt8>, matchStart start: Int, matchCount: Int) -> String {
        let from = Swift.max(0, start - context)
        let to = Swift.min(text.count, start + matchCount + context)
        // The words between, one space apart: white space as `Character.isWhitespace` finds it among
        // ASCII (tab, line feed, vertical tab, form feed, space), none at either end.
        var line: [UInt8] = []
        line.reserveCapacity(to - from + 6)
        if from > 0 { line += "…".utf8 }
        let wordsStart = line.count
        var spacePending = false
        for byte in text[from..<to] {
            if byte == 0x20 || (0x09...0x0C).contains(byte) {
                spacePending = line.count > wordsStart
            } else {
                if spacePending { line.append(0x20) }
                spacePending = false
                line.append(byte)
            }
        }
        if to < text.count { line += "…".utf8 }
        return String(decoding: line, as: UTF8.self)
    }
}

/// Plain substring search over bytes.
enum ByteSearch {
    /// Where `needle` first occurs in `haystack`; an empty needle occurs at 0.
    static func firstOffset(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty else { return 0 }
        guard needle.count <= haystack.count, let base = haystack.baseAddress else { return nil }
        // memchr finds candidates at vector speed; looking for the needle's least common byte
        // (by English letter frequency) makes false candidates rare; memcmp confirms.
        let pivot = needle.indices.min { rank(needle[$0]) < rank(needle[$1]) }!
        let byte = Int32(needle[pivot])
        return needle.withUnsafeBufferPointer { pattern -> Int? in
            let last = haystack.count - needle.count
            var start = 0
            while start <= last, let found = memchr(base + start + pivot, byte, last - start + 1) {
                let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) - pivot
                if memcmp(base + offset, pattern.baseAddress!, needle.count) == 0 { return offset }
                start = offset + 1
            }
            return nil
        }
    }

    /// Where `needle` first occurs in `bytes[range]`, counted from the start of `bytes`.
    static func firstOffset(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        firstOffset(of: needle, in: UnsafeBufferPointer(rebasing: bytes[range])).map { $0 + range.lowerBound }
    }

    /// Lower for bytes folded text holds less often: letters by English frequency, after space,
    /// the commonest byte; everything else (digits, punctuation, non-ASCII) counts as rare.
    private static func rank(_ byte: UInt8) -> Int {
        frequencies[Int(byte)]
    }

    private static let frequencies: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for (position, letter) in " etaoinshrdlcumwfgypbvkjxqz".utf8.reversed().enumerated() { table[Int(letter)] = position + 1 }
        return table
    }()
}
