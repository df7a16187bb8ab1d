/// The parts of a session that a note search reads: its notes' texts, where they sit, and the date.
///
/// Parsed straight from a session file's bytes when the file is plain (see `init?(parsing:)`),
/// which is several times faster than decoding a whole `Session`; built from a decoded `Session`
/// otherwise. Either way the matcher sees the same texts in the same order.
struct SearchableSession: Equatable {
    struct Member: Equatable {
        var participant: String
        var note: NoteText?
    }

    struct NoteText: Equatable {
        var format: NoteFormat
        var sections: [String: String]
        var signedSharedNarrative: String?
        var addenda: [String]

        init(format: NoteFormat, sections: [String: String], signedSharedNarrative: String?, addenda: [String]) {
            self.format = format
            self.sections = sections
            self.signedSharedNarrative = signedSharedNarrative
            self.addenda = addenda
        }

        init(_ note: Note) {
            self.init(
                format: note.format, sections: note.sections, signedSharedNarrative: note.signedSharedNarrative,
                addenda: note.addenda.map(\.text))
        }
    }

    var id: String
    var date: LocalDate
    var sharedNarrative: String?
    var members: [Member]

    init(_ session: Session) {
        id = session.id.rawValue
        date = session.date
        sharedNarrative = session.sharedNarrative
        members = session.members.map { member in
            Member(participant: member.participant.rawValue, note: member.note.map(NoteText.init))
        }
    }

    /// The session in `bytes`, filed at `relative`; nil for anything but a well-formed file of a
    /// schema version this build reads (the fields read here are the same in each) that holds the fields a search reads, with the expected types, and is
    /// filed where its id says. The caller then decodes the file in full, which reports any damage.
    init?(parsing bytes: UnsafeBufferPointer<UInt8>, at relative: String) {
        var scanner = JSONScanner(bytes: bytes)
        var id: String?
        var date: LocalDate?
        var version: Int?
        var narrative: String?
        var members: [Member]?
        var first = true
        guard scanner.begin(0x7B) else { return nil }
        while let key = scanner.nextKey(first: &first) {
            switch key {
            case "id": id = scanner.string()
            case "date":
                guard let text = scanner.string(), let day = try? LocalDate(text) else { return nil }
                date = day
            case "schemaVersion": version = scanner.integer()
            case "sharedNarrative": narrative = scanner.optionalString()
            case "members": members = Self.members(&scanner)
            default: break
            }
            if scanner.failed { return nil }
            if key != "id", key != "date", key != "schemaVersion", key != "sharedNarrative", key != "members" {
                guard scanner.skipValue() else { return nil }
            }
        }
        guard !scanner.failed, scanner.atEnd(), let id, let date, let members, let version, (1...Session.schemaVersion).contains(version),
            (try? Session.relativePath(of: SessionID(id))) == relative
        else { return nil }
        self.id = id
        self.date = date
        // Since schema 3 the notes and narrative are files of their own; a session file's copy is not read.
        let holdsParts = version < 3
        self.sharedNarrative = holdsParts ? narrative : nil
        self.members = holdsParts ? members : members.map { Member(participant: $0.participant, note: nil) }
    }

    /// The session in a session file's `bytes`, parsed quickly when the file is plain and decoded
    /// in full otherwise (which reports any damage).
    init(sessionFile bytes: [UInt8], at relative: String, store: CaseloadStore) throws(StoreError) {
        if let parsed = bytes.withUnsafeBufferPointer({ SearchableSession(parsing: $0, at: relative) }) {
            self = parsed
        } else {
            self.init(Session(try store.decodeFiled(SessionFile.self, from: bytes, at: relative), parts: SessionParts()))
        }
    }

    /// Lays a note or narrative file over the session, as every reader does; a note for someone
    /// not on the list is not searched (`check` names it).
    mutating func lay(part bytes: [UInt8], at relative: String, store: CaseloadStore) throws(StoreError) {
        if relative.hasSuffix("/" + NarrativeFile.fileStem + ".json") {
            if let text = bytes.withUnsafeBufferPointer({ Self.narrativeText(parsing: $0, at: relative) }) {
                sharedNarrative = text
            } else {
                sharedNarrative = try store.decodeFiled(NarrativeFile.self, from: bytes, at: relative).text
            }
            return
        }
        let member: String
        let note: NoteText
        if let parsed = bytes.withUnsafeBufferPointer({ Self.noteFile(parsing: $0, at: relative) }) {
            (member, note) = parsed
        } else {
            let file = try store.decodeFiled(MemberNoteFile.self, from: bytes, at: relative)
            member = file.participant.rawValue
            note = NoteText(file.note)
        }
        guard let index = members.firstIndex(where: { $0.participant == member }) else { return }
        members[index].note = note
    }

    /// A narrative file's text, or nil to leave the file to the full decode (as `init?(parsing:at:)`).
    private static func narrativeText(parsing bytes: UnsafeBufferPointer<UInt8>, at relative: String) -> String? {
        var scanner = JSONScanner(bytes: bytes)
        var session: String?
        var text: String?
        var version: Int?
        var first = true
        guard scanner.begin(0x7B) else { return nil }
        while let key = scanner.nextKey(first: &first) {
            switch key {
            case "session": session = scanner.string()
            case "text": text = scanner.string()
            case "schemaVersion": version = scanner.integer()
            default: guard scanner.skipValue() else { return nil }
            }
            if scanner.failed { return nil }
        }
        guard !scanner.failed, scanner.atEnd(), let session, let text, version == NarrativeFile.schemaVersion,
            (try? Session.partsFolder(of: SessionID(session))).map({ $0 + "/" + NarrativeFile.fileStem + ".json" }) == relative
        else { return nil }
        return text
    }

    /// A note file's member and note, or nil to leave the file to the full decode (as `init?(parsing:at:)`).
    private static func noteFile(parsing bytes: UnsafeBufferPointer<UInt8>, at relative: String) -> (String, NoteText)? {
        var scanner = JSONScanner(bytes: bytes)
        var session: String?
        var participant: String?
        var note: NoteText?
        var version: Int?
        var first = true
        guard scanner.begin(0x7B) else { return nil }
        while let key = scanner.nextKey(first: &first) {
            switch key {
            case "session": session = scanner.string()
            case "participant": participant = scanner.string()
            case "note": note = Self.note(&scanner)
            case "schemaVersion": version = scanner.integer()
            default: guard scanner.skipValue() else { return nil }
            }
            if scanner.failed { return nil }
        }
        guard !scanner.failed, scanner.atEnd(), let session, let participant, let note, version == MemberNoteFile.schemaVersion
        else { return nil }
        let filed = MemberNoteFile(
            session: SessionID(session), participant: ParticipantID(participant),
            revision: Revision(createdAt: .distantPast, createdBy: ""), note: Note(format: .free, author: "", at: .distantPast))
        guard (try? filed.relativePath()) == relative else { return nil }
        return (participant, note)
    }

    private static func members(_ scanner: inout JSONScanner) -> [Member]? {
        var members: [Member] = []
        var first = true
        guard scanner.begin(0x5B) else { return nil }
        while scanner.nextElement(first: &first) {
            var participant: String?
            var note: NoteText?
            var firstKey = true
            guard scanner.begin(0x7B) else { return nil }
            while let key = scanner.nextKey(first: &firstKey) {
                switch key {
                case "participant": participant = scanner.string()
                case "note":
                    if scanner.null() {
                        note = nil
                    } else {
                        guard let text = Self.note(&scanner) else { return nil }
                        note = text
                    }
                default: guard scanner.skipValue() else { return nil }
                }
                if scanner.failed { return nil }
            }
            guard !scanner.failed, let participant else { return nil }
            members.append(Member(participant: participant, note: note))
        }
        return scanner.failed ? nil : members
    }

    private static func note(_ scanner: inout JSONScanner) -> NoteText? {
        var format: NoteFormat?
        var sections: [String: String]?
        var signed: String?
        var addenda: [String]?
        var first = true
        guard scanner.begin(0x7B) else { return nil }
        while let key = scanner.nextKey(first: &first) {
            switch key {
            case "format": format = scanner.string().flatMap(NoteFormat.init(rawValue:))
            case "signedSharedNarrative": signed = scanner.optionalString()
            case "sections":
                var texts: [String: String] = [:]
                var firstSection = true
                guard scanner.begin(0x7B) else { return nil }
                while let section = scanner.nextKey(first: &firstSection) {
                    guard let text = scanner.string() else { return nil }
                    texts[section] = text
                }
                sections = texts
            case "addenda":
                var texts: [String] = []
                var firstAddendum = true
                guard scanner.begin(0x5B) else { return nil }
                while scanner.nextElement(first: &firstAddendum) {
                    var text: String?
                    var firstKey = true
                    guard scanner.begin(0x7B) else { return nil }
                    while let key = scanner.nextKey(first: &firstKey) {
                        if key == "text" { text = scanner.string() } else { guard scanner.skipValue() else { return nil } }
                        if scanner.failed { return nil }
                    }
                    guard !scanner.failed, let text else { return nil }
                    texts.append(text)
                }
                addenda = texts
            default: guard scanner.skipValue() else { return nil }
            }
            if scanner.failed { return nil }
        }
        guard !scanner.failed, let format, let sections, let addenda else { return nil }
        return NoteText(format: format, sections: sections, signedSharedNarrative: signed, addenda: addenda)
    }
}

/// A strict, minimal JSON reader over bytes: it reads the values asked for and skips the rest,
/// and gives up (sets `failed`) on anything that is not well-formed JSON.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0
    var failed = false

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func skipSpace() {
        while at < bytes.count {
            let byte = bytes[at]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            at += 1
        }
    }

    mutating func atEnd() -> Bool {
        skipSpace()
        return at == bytes.count
    }

    /// Consumes `byte` (after white space), or fails.
    mutating func begin(_ byte: UInt8) -> Bool {
        skipSpace()
        guard at < bytes.count, bytes[at] == byte else {
            failed = true
            return false
        }
        at += 1
        return true
    }

    /// The next key of the object being read, having consumed its colon; nil at the object's end or on failure.
    mutating func nextKey(first: inout Bool) -> String? {
        guard !failed else { return nil }
        skipSpace()
        guard at < bytes.count else {
            failed = true
            return nil
        }
        if bytes[at] == 0x7D {
            at += 1
            return nil
        }
        if !first {
            guard begin(0x2C) else { return nil }
        }
        first = false
        guard let key = string(), begin(0x3A) else {
            failed = true
            return nil
        }
        return key
    }

    /// Whether the array being read has another element (any comma consumed); false at its end or on failure.
    mutating func nextElement(first: inout Bool) -> Bool {
        guard !failed else { return false }
        skipSpace()
        guard at < bytes.count else {
            failed = true
            return false
        }
        if bytes[at] == 0x5D {
            at += 1
            return false
        }
        if !first {
            guard begin(0x2C) else { return false }
        }
        first = false
        return true
    }

    /// Consumes `null` if it comes next.
    mutating func null() -> Bool {
        skipSpace()
        return literal("null")
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        let matches = word.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[at + $0] == expected[$0] }
        }
        if matches { at += count }
        return matches
    }

    /// A string or null.
    mutating func optionalString() -> String? {
        if null() { return nil }
        return string()
    }

    /// A non-negative integer.
    mutating func integer() -> Int? {
        skipSpace()
        var value = 0
        let start = at
        while at < bytes.count, bytes[at] &- 0x30 < 10, at - start < 9 {
            value = value * 10 + Int(bytes[at] - 0x30)
            at += 1
        }
        guard at > start, at == bytes.count || !Self.isNumberByte(bytes[at]) else {
            failed = true
            return nil
        }
        return value
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || byte == 0x2D || byte == 0x2B || byte == 0x2E || byte == 0x65 || byte == 0x45
    }

    /// A string's decoded text; fails on anything that is not a well-formed JSON string of valid UTF-8.
    mutating func string() -> String? {
        skipSpace()
        guard at < bytes.count, bytes[at] == 0x22 else {
            failed = true
            return nil
        }
        at += 1
        let start = at
        var plain = true
        while at < bytes.count {
            let byte = bytes[at]
            if byte == 0x22 { break }
            if byte < 0x20 {
                failed = true
                return nil
            }
            if byte == 0x5C {
                plain = false
                at += 2
            } else {
                at += 1
            }
        }
        guard at < bytes.count else {
            failed = true
            return nil
        }
        let end = at
        at += 1
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if plain {
            // Nearly every string is ASCII, which needs no validating.
            var ascii = true
            for byte in raw where byte >= 0x80 {
                ascii = false
                break
            }
            if ascii { return String(decoding: raw, as: UTF8.self) }
            if let text = String(validating: raw, as: UTF8.self) { return text }
        }
        if !plain, let text = Self.unescape(raw) { return text }
        failed = true
        return nil
    }

    private static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var index = 0
        func hex4(_ from: Int) -> UInt32? {
            guard from + 4 <= raw.count else { return nil }
            var value: UInt32 = 0
            for offset in 0..<4 {
                let byte = raw[from + offset]
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x41...0x46: digit = byte - 0x41 + 10
                case 0x61...0x66: digit = byte - 0x61 + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
            }
            return value
        }
        while index < raw.count {
            let byte = raw[index]
            guard byte == 0x5C else {
                output.append(byte)
                index += 1
                continue
            }
            guard index + 1 < raw.count else { return nil }
            let kind = raw[index + 1]
            index += 2
            switch kind {
            case 0x22, 0x5C, 0x2F: output.append(kind)
            case 0x62: output.append(0x08)
            case 0x66: output.append(0x0C)
            case 0x6E: output.append(0x0A)
            case 0x72: output.append(0x0D)
            case 0x74: output.append(0x09)
            case 0x75:
                guard var value = hex4(index) else { return nil }
                index += 4
                if value >= 0xD800, value < 0xDC00 {
                    guard index + 6 <= raw.count, raw[index] == 0x5C, raw[index + 1] == 0x75, let low = hex4(index + 2),
                        low >= 0xDC00, low < 0xE000
                    else { return nil }
                    index += 6
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(value) else { return nil }
                output.append(contentsOf: String(Character(scalar)).utf8)
            default: return nil
            }
        }
        return String(validating: output, as: UTF8.self)
    }

    /// Skips one value of any kind.
    mutating func skipValue(depth: Int = 0) -> Bool {
        guard !failed, depth < 64 else {
            failed = true
            return false
        }
        skipSpace()
        guard at < bytes.count else {
            failed = true
            return false
        }
        switch bytes[at] {
        case 0x22: return string() != nil
        case 0x7B:
            at += 1
            var first = true
            while nextKey(first: &first) != nil {
                guard skipValue(depth: depth + 1) else { return false }
            }
            return !failed
        case 0x5B:
            at += 1
            var first = true
            while nextElement(first: &first) {
                guard skipValue(depth: depth + 1) else { return false }
            }
            return !failed
        case 0x74: if literal("true") { return true }
        case 0x66: if literal("false") { return true }
        case 0x6E: if literal("null") { return true }
        default:
            let start = at
            while at < bytes.count, Self.isNumberByte(bytes[at]) { at += 1 }
            if at > start { return true }
        }
        failed = true
        return false
    }
}
