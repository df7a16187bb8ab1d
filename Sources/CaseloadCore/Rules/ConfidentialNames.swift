/// A session member's names as a note might write them.
public struct MemberNames: Sendable, Equatable {
    public let participant: ParticipantID
    /// First, last and preferred name, as on their record.
    public let names: [String]

    public init(participant: ParticipantID, names: [String]) {
        self.participant = participant
        self.names = names
    }

    public init(_ participant: Participant) {
        self.init(
            participant: participant.id,
            names: [participant.firstName, participant.lastName] + [participant.preferredName].compactMap { $0 })
    }
}

/// A place where a member's own entry names another member of the session.
public struct NameMention: Sendable, Equatable {
    /// The member named.
    public let participant: ParticipantID
    /// The name found, as on their record.
    public let name: String
    /// The section's key ("data").
    public let section: String
    /// Where in the section's text, in characters (grapheme clusters) from its start.
    public let characters: Range<Int>
}

/// Confidentiality in a group: a participant may read their own note, so a member's own entry
/// should not name the others in the room. The shared narrative is written about the group and is
/// not searched.
public enum ConfidentialNames {
    /// Where `sections`, a member's own entry, name anyone in `others` by first, last or preferred
    /// name: whole words, case and accents aside ("jose" finds "José"), in the format's section
    /// order and then by position. A name the member shares (`own`) is left out, since it may be
    /// their own.
    public static func mentions(
        in sections: [String: String], format: NoteFormat, own: MemberNames?, others: [MemberNames]
    ) -> [NameMention] {
        var folding = TextFolding()
        let ownNames = Set((own?.names ?? []).map { folding.fold($0.trimmed) })
        let wanted = others.flatMap { member in
            member.names.map { (member.participant, $0, folding.fold($0.trimmed)) }
        }.filter { !$0.2.isEmpty && !ownNames.contains($0.2) }
        guard !wanted.isEmpty else { return [] }
        var mentions: [NameMention] = []
        for section in format.sections {
            guard let text = sections[section.key], !text.isEmpty else { continue }
            let (bytes, origins) = folding.foldKeepingOrigins(text)
            let characters = CharacterOffsets(text)
            var found: [NameMention] = []
            for (participant, name, folded) in wanted {
                for start in wholeWords(folded, in: bytes) {
                    let first = characters.offset(containing: origins[start])
                    let last = characters.offset(containing: origins[start + folded.count - 1])
                    let mention = NameMention(participant: participant, name: name, section: section.key, characters: first..<(last + 1))
                    if !found.contains(mention) { found.append(mention) }
                }
            }
            mentions += found.sorted { ($0.characters.lowerBound, $0.characters.upperBound) < ($1.characters.lowerBound, $1.characters.upperBound) }
        }
        return mentions
    }

    /// The members `mentions` name, each once, in the order first named.
    public static func named(in mentions: [NameMention]) -> [ParticipantID] {
        mentions.reduce(into: []) { named, mention in
            if !named.contains(mention.participant) { named.append(mention.participant) }
        }
    }

    /// Where `needle` stands as a whole word (or words) in `haystack`, both folded.
    private static func wholeWords(_ needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        var starts: [Int] = []
        var from = 0
        haystack.withUnsafeBufferPointer { buffer in
            while from + needle.count <= buffer.count,
                let offset = ByteSearch.firstOffset(of: needle, in: UnsafeBufferPointer(rebasing: buffer[from...]))
            {
                let start = from + offset
                let end = start + needle.count
                if (start == 0 || !isWordByte(buffer[start - 1])) && (end == buffer.count || !isWordByte(buffer[end])) {
                    starts.append(start)
                }
                from = start + 1
            }
        }
        return starts
    }

    /// Letters and digits, and every byte of a non-ASCII character (folded text keeps letters of
    /// other scripts as they are).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte)
    }
}

/// Character (grapheme cluster) offsets of a text's positions.
private struct CharacterOffsets {
    private let starts: [String.Index]

    init(_ text: String) {
        starts = Array(text.indices)
    }

    /// The offset of the character holding `index` (a scalar's start).
    func offset(containing index: String.Index) -> Int {
        var low = 0
        var high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= index { low = middle } else { high = middle }
        }
        return low
    }
}
