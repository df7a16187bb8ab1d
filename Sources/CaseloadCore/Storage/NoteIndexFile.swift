/// The bytes of the note search index, `index/note-search`: every note text with its folded form
/// (`TextFolding`), so a search is one substring scan over a few tens of megabytes instead of
/// reading and decoding every session file.
///
/// Layout (little-endian): a header (magic, format, the generation it was built at, where the
/// built part ends), then frames, each a length, an FNV-1a checksum and a payload. A rebuild
/// writes one frame per session; each save that changes a session's notes appends a frame that
/// supersedes the session's earlier one. A frame holds the generation of the save that wrote it,
/// so the index is as current as the store when its newest frame's generation is the store's.
enum NoteIndexFile {
    static let magic: [UInt8] = Array("CLNI".utf8)
    static let format: UInt32 = 1
    static let headerSize = 24
    /// Offsets are 32-bit; a caseload's notes come nowhere near.
    static let sizeLimit = Int(Int32.max)
    /// The separator after each folded text: never part of UTF-8, so no match runs from one text into the next.
    static let separator: UInt8 = 0xFF

    enum FrameKind: UInt8 {
        /// One session's texts.
        case session = 1
        /// The session files a rebuild could not read, so searches keep naming them.
        case damaged = 2
    }

    /// A whole index built at `generation`: `sessions` with any text, then the files that could not be read.
    static func built(from sessions: [SearchedSession], damagedFiles: [String], generation: UInt64) -> [UInt8] {
        var frames: [UInt8] = []
        var folding = TextFolding()
        for session in sessions where !session.texts.isEmpty {
            frames += frame(for: session, generation: generation, folding: &folding)
        }
        if !damagedFiles.isEmpty { frames += damagedFrame(damagedFiles, generation: generation) }
        return header(generation: generation, builtEnd: headerSize + frames.count) + frames
    }

    /// A header for an index built at `generation` whose built part ends at `builtEnd`.
    static func header(generation: UInt64, builtEnd: Int) -> [UInt8] {
        var writer = ByteWriter()
        writer.bytes += magic
        writer.append(format)
        writer.append(generation)
        writer.append(UInt64(builtEnd))
        return writer.bytes
    }

    /// The frame for one session's texts. The folded texts come before the texts themselves, so
    /// a search reads a session's date, members and folded texts and skips the rest unless it matches.
    static func frame(for session: SearchedSession, generation: UInt64, folding: inout TextFolding) -> [UInt8] {
        framed(payload(for: session, generation: generation, folding: &folding))
    }

    /// The frame's payload, without its length and checksum: what `check` compares with the index's.
    static func payload(for session: SearchedSession, generation: UInt64, folding: inout TextFolding) -> [UInt8] {
        let folded = session.texts.map { fold($0.text, &folding) }
        var payload = ByteWriter()
        payload.append(FrameKind.session.rawValue)
        payload.append(generation)
        payload.appendShort(Array(session.id.rawValue.utf8))
        payload.append(Int32(truncatingIfNeeded: session.date.dayNumber))
        payload.append(UInt16(truncatingIfNeeded: session.members.count))
        for member in session.members { payload.appendShort(Array(member.rawValue.utf8)) }
        payload.appendLong(folded.flatMap { $0 + [separator] })
        payload.append(UInt32(session.texts.count))
        for (text, foldedText) in zip(session.texts, folded) {
            let owner = text.participant.flatMap { session.members.firstIndex(of: $0) }
            payload.append(owner.map { UInt16($0) } ?? UInt16.max)
            payload.appendShort(Array(text.field.utf8))
            payload.appendLong(Array(text.text.utf8))
            payload.append(UInt32(foldedText.count))
        }
        return payload.bytes
    }

    /// `text` folded through the byte-at-a-time fast path, which agrees with folding it scalar by scalar.
    private static func fold(_ text: String, _ folding: inout TextFolding) -> [UInt8] {
        var text = text
        return text.withUTF8 { folding.fold(utf8: $0) } ?? folding.fold(text)
    }

    /// The frame naming the session files a rebuild could not read.
    static func damagedFrame(_ files: [String], generation: UInt64) -> [UInt8] {
        var payload = ByteWriter()
        payload.append(FrameKind.damaged.rawValue)
        payload.append(generation)
        payload.append(UInt32(files.count))
        for file in files { payload.appendShort(Array(file.utf8)) }
        return framed(payload.bytes)
    }

    private static func framed(_ payload: [UInt8]) -> [UInt8] {
        var writer = ByteWriter()
        writer.append(UInt32(payload.count))
        writer.append(checksum(payload[...]))
        writer.bytes += payload
        return writer.bytes
    }

    /// FNV-1a: catches a torn or hand-edited frame; not a defence against anyone.
    static func checksum<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
        bytes.reduce(0x811C_9DC5 as UInt32) { ($0 ^ UInt32($1)) &* 0x0100_0193 }
    }
}

/// Little-endian encoding for `NoteIndexFile`.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func append<Integer: FixedWidthInteger>(_ value: Integer) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    /// Up to 65,535 bytes (ids, field titles, file names) with their length.
    mutating func appendShort(_ value: [UInt8]) {
        append(UInt16(Swift.min(value.count, Int(UInt16.max))))
        bytes += value.prefix(Int(UInt16.max))
    }

    /// Any bytes (note texts) with their length.
    mutating func appendLong(_ value: [UInt8]) {
        append(UInt32(value.count))
        bytes += value
    }
}

/// A byte range of the index file.
struct ByteSpan: Equatable {
    var start: Int32
    var end: Int32
    var range: Range<Int> { Int(start)..<Int(end) }
}

/// The index file's bytes in memory: mapped from the file where the file system can (nothing
/// copied, pages shared with the page cache), otherwise a copy. Only ever replaced by a rename
/// or appended to, never cut short in place, so a mapping stays valid while it is read.
final class NoteIndexBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
    /// Gives a mapping back; nil for a copy, which is deallocated.
    private let unmap: (@Sendable (UnsafeRawBufferPointer) -> Void)?

    init(copying bytes: [UInt8]) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Swift.max(bytes.count, 1))
        _ = copy.initialize(from: bytes)
        buffer = UnsafeBufferPointer(start: copy.baseAddress, count: bytes.count)
        unmap = nil
    }

    init(mapped region: UnsafeRawBufferPointer, unmap: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) {
        buffer = region.bindMemory(to: UInt8.self)
        self.unmap = unmap
    }

    deinit {
        if let unmap {
            unmap(UnsafeRawBufferPointer(buffer))
        } else {
            UnsafeMutablePointer(mutating: buffer.baseAddress)?.deallocate()
        }
    }
}

/// An index file read into flat tables that point into its bytes: nothing is copied or turned
/// into text until a search finds something, and a session's texts are read only then.
struct NoteIndexContents {
    struct Entry {
        /// The whole frame, as compaction copies it.
        var frame: ByteSpan
        var generation: UInt64
        var id: ByteSpan
        var dayNumber: Int
        /// `members[membersStart..<membersStart + memberCount]`.
        var membersStart: Int
        var memberCount: Int
        /// The folded texts, each followed by the separator.
        var folded: ByteSpan
        /// Where the texts themselves start, and how many there are.
        var textsStart: Int
        var textCount: Int
    }

    struct Text {
        /// An index into the entry's members; -1 for a group's shared narrative.
        var owner: Int
        var field: ByteSpan
        var text: ByteSpan
        var foldedCount: Int
    }

    private let storage: NoteIndexBytes
    /// The file's bytes; valid while this value is.
    var bytes: UnsafeBufferPointer<UInt8> { storage.buffer }
    /// The generation the index was last built (or compacted) at.
    let builtGeneration: UInt64
    /// The newest generation any part of the file holds: the store's when the index is current.
    let generation: UInt64
    /// Each session's newest entry, in file order.
    let entries: [Entry]
    let members: [ByteSpan]
    /// Session files a rebuild could not read, relative to the data folder.
    let damagedFiles: [String]
    /// Bytes of entries superseded by later ones.
    let supersededBytes: Int

    /// Why an index file cannot be used.
    enum Problem: Error, Equatable {
        case notAnIndex, unknownFormat(UInt32), damaged
    }

    init(_ bytes: [UInt8]) throws(Problem) {
        try self.init(NoteIndexBytes(copying: bytes))
    }

    init(_ storage: NoteIndexBytes) throws(Problem) {
        let bytes = storage.buffer
        guard bytes.count >= NoteIndexFile.headerSize, bytes[0..<4].elementsEqual(NoteIndexFile.magic) else { throw .notAnIndex }
        var reader = ByteReader(bytes: bytes, at: 4)
        let format: UInt32 = try reader.read()
        guard format == NoteIndexFile.format else { throw .unknownFormat(format) }
        builtGeneration = try reader.read()
        let builtEnd = Int(try reader.read() as UInt64)
        guard builtEnd >= NoteIndexFile.headerSize, builtEnd <= bytes.count, bytes.count <= NoteIndexFile.sizeLimit else { throw .damaged }

        // Room for every frame from the start (a session's frame runs to a kilobyte or two), so
        // the tables are never copied as they grow; untouched room costs no memory.
        var entries: [Entry] = []
        entries.reserveCapacity(bytes.count / 512 + 16)
        var members: [ByteSpan] = []
        members.reserveCapacity(bytes.count / 128 + 16)
        var damaged: [String] = []
        var newest = builtGeneration
        while reader.offset < bytes.count {
            let frameStart = reader.offset
            let length = Int(try reader.read() as UInt32)
            let sum: UInt32 = try reader.read()
            let payloadStart = reader.offset
            guard length <= bytes.count - payloadStart else { throw .damaged }  // a torn append
            let payloadEnd = payloadStart + length
            // Only the newest frame is checksummed on every read: it is the one a killed save tears.
            // `check` verifies them all.
            if payloadEnd == bytes.count, NoteIndexFile.checksum(bytes[payloadStart..<payloadEnd]) != sum { throw .damaged }
            var payload = ByteReader(bytes: bytes, at: payloadStart, end: payloadEnd)
            let kind: UInt8 = try payload.read()
            let generation: UInt64 = try payload.read()
            newest = Swift.max(newest, generation)
            switch NoteIndexFile.FrameKind(rawValue: kind) {
            case .session:
                let id = try payload.short()
                let day = Int(try payload.read() as Int32)
                let memberCount = Int(try payload.read() as UInt16)
                let membersStart = members.count
                for _ in 0..<memberCount { members.append(try payload.short()) }
                let folded = try payload.long()
                let textCount = Int(try payload.read() as UInt32)
                entries.append(
                    Entry(
                        frame: ByteSpan(start: Int32(frameStart), end: Int32(payloadEnd)), generation: generation, id: id,
                        dayNumber: day, membersStart: membersStart, memberCount: memberCount, folded: folded,
                        textsStart: payload.offset, textCount: textCount))
                payload.offset = payloadEnd  // the texts are read when a search finds something
            case .damaged:
                let count = Int(try payload.read() as UInt32)
                damaged = []
                for _ in 0..<count { damaged.append(String(decoding: bytes[try payload.short().range], as: UTF8.self)) }
            case nil:
                throw .damaged
            }
            guard payload.offset == payloadEnd else { throw .damaged }
            reader.offset = payloadEnd
        }

        // A session saved since the build has a later entry; only its newest one counts. The built
        // entries name each session once, so only ids that appear among the appended ones are compared.
        var superseded = 0
        if let firstAppended = entries.firstIndex(where: { Int($0.frame.start) >= builtEnd }) {
            func key(_ entry: Entry) -> UInt64 {
                bytes[entry.id.range].reduce(0xCBF2_9CE4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x0100_0000_01B3 }
            }
            var appended: [UInt64: [Int]] = [:]
            for position in firstAppended..<entries.count { appended[key(entries[position]), default: []].append(position) }
            var dropped = Set<Int>()
            for (position, entry) in entries.enumerated() {
                guard let candidates = appended[key(entry)],
                    candidates.contains(where: { $0 > position && bytes[entries[$0].id.range].elementsEqual(bytes[entry.id.range]) })
                else { continue }
                dropped.insert(position)
                superseded += entry.frame.range.count
            }
            if !dropped.isEmpty { entries = entries.enumerated().filter { !dropped.contains($0.offset) }.map(\.element) }
        }
        self.storage = storage
        self.generation = newest
        self.entries = entries
        self.members = members
        self.damagedFiles = damaged
        self.supersededBytes = superseded
    }

    /// An entry's texts, in order; checks they fit the frame and the folded texts.
    func texts(of entry: Entry) throws(Problem) -> [Text] {
        var reader = ByteReader(bytes: bytes, at: entry.textsStart, end: Int(entry.frame.end))
        var texts: [Text] = []
        texts.reserveCapacity(entry.textCount)
        var foldedTotal = 0
        for _ in 0..<entry.textCount {
            let owner = Int(try reader.read() as UInt16)
            let field = try reader.short()
            let text = try reader.long()
            let foldedCount = Int(try reader.read() as UInt32)
            guard owner == Int(UInt16.max) || owner < entry.memberCount else { throw .damaged }
            texts.append(Text(owner: owner == Int(UInt16.max) ? -1 : owner, field: field, text: text, foldedCount: foldedCount))
            foldedTotal += foldedCount + 1
        }
        guard reader.offset == Int(entry.frame.end), foldedTotal == entry.folded.range.count else { throw .damaged }
        return texts
    }

    /// Every frame's checksum, for `check`.
    func checksumsHold() -> Bool {
        var reader = ByteReader(bytes: bytes, at: NoteIndexFile.headerSize)
        while reader.offset < bytes.count {
            guard let length = try? reader.read() as UInt32, let sum = try? reader.read() as UInt32,
                Int(length) <= bytes.count - reader.offset
            else { return false }
            let end = reader.offset + Int(length)
            guard NoteIndexFile.checksum(bytes[reader.offset..<end]) == sum else { return false }
            reader.offset = end
        }
        return true
    }

    /// An entry's session, with its texts as text.
    func session(_ entry: Entry) throws(Problem) -> SearchedSession {
        let memberIDs = (entry.membersStart..<(entry.membersStart + entry.memberCount)).map { ParticipantID(string(members[$0])) }
        let texts = try texts(of: entry).map { text in
            SearchedSession.Text(
                participant: text.owner < 0 ? nil : memberIDs[text.owner], field: string(text.field), text: string(text.text))
        }
        return SearchedSession(id: SessionID(string(entry.id)), date: LocalDate(dayNumber: entry.dayNumber), members: memberIDs, texts: texts)
    }

    func string(_ span: ByteSpan) -> String { String(decoding: bytes[span.range], as: UTF8.self) }
}

/// Reads little-endian values from the index file, refusing to run past the end.
private struct ByteReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset: Int
    var end: Int

    init(bytes: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int? = nil) {
        self.bytes = bytes
        self.offset = offset
        self.end = end ?? bytes.count
    }

    mutating func read<Integer: FixedWidthInteger>() throws(NoteIndexContents.Problem) -> Integer {
        let size = MemoryLayout<Integer>.size
        guard end - offset >= size else { throw .damaged }
        let value = UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: Integer.self)
        offset += size
        return Integer(littleEndian: value)
    }

    mutating func short() throws(NoteIndexContents.Problem) -> ByteSpan {
        try span(Int(try read() as UInt16))
    }

    mutating func long() throws(NoteIndexContents.Problem) -> ByteSpan {
        try span(Int(try read() as UInt32))
    }

    private mutating func span(_ count: Int) throws(NoteIndexContents.Problem) -> ByteSpan {
        guard end - offset >= count else { throw .damaged }
        defer { offset += count }
        return ByteSpan(start: Int32(offset), end: Int32(offset + count))
    }
}
