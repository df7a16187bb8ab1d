import Foundation

/// A clinical note. It starts as a draft, is signed once (then read-only: corrections are dated
/// addenda), and may take a supervisor's co-signature.
public struct Note: Codable, Sendable, Equatable {
    public var format: NoteFormat
    /// Text by section key (see `NoteFormat.sections`); a free note uses the key "note".
    public var sections: [String: String]
    /// The first to write to the note.
    public var author: StaffID
    /// Everyone who wrote to the note, in the order they first did, and for a group note the
    /// writers of the shared narrative it was signed with; none of them may co-sign it.
    public var contributors: [StaffID]
    public var lastEditedAt: Date
    public var status: NoteStatus
    public var signature: Signature?
    /// Groups: the shared narrative exactly as it stood when this note was signed.
    public var signedSharedNarrative: String?
    public var coSignature: Signature?
    public var addenda: [Addendum]
    /// The plan objectives the session addressed ("P1.G1.O2"), in plan order; auditors look for
    /// notes tied to the plan. Set with the note's text, and fixed once it is signed.
    public var objectives: [String]

    public init(format: NoteFormat, author: StaffID, at time: Date, sections: [String: String] = [:]) {
        self.format = format
        self.sections = sections
        self.author = author
        self.contributors = [author]
        self.lastEditedAt = time
        self.status = .draft
        self.addenda = []
        self.objectives = []
    }

    private enum CodingKeys: String, CodingKey {
        case format, sections, author, contributors, lastEditedAt, status, signature, signedSharedNarrative
        case coSignature, addenda, objectives
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(NoteFormat.self, forKey: .format)
        sections = try container.decode([String: String].self, forKey: .sections)
        author = try container.decode(StaffID.self, forKey: .author)
        // Schema 1 kept only the first writer.
        contributors = try container.decodeIfPresent([StaffID].self, forKey: .contributors) ?? [author]
        lastEditedAt = try container.decode(Date.self, forKey: .lastEditedAt)
        status = try container.decode(NoteStatus.self, forKey: .status)
        signature = try container.decodeIfPresent(Signature.self, forKey: .signature)
        signedSharedNarrative = try container.decodeIfPresent(String.self, forKey: .signedSharedNarrative)
        coSignature = try container.decodeIfPresent(Signature.self, forKey: .coSignature)
        addenda = try container.decode([Addendum].self, forKey: .addenda)
        // Notes written before notes were linked to the plan name no objective.
        objectives = try container.decodeIfPresent([String].self, forKey: .objectives) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(sections, forKey: .sections)
        try container.encode(author, forKey: .author)
        try container.encode(contributors, forKey: .contributors)
        try container.encode(lastEditedAt, forKey: .lastEditedAt)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(signature, forKey: .signature)
        try container.encodeIfPresent(signedSharedNarrative, forKey: .signedSharedNarrative)
        try container.encodeIfPresent(coSignature, forKey: .coSignature)
        try container.encode(addenda, forKey: .addenda)
        // Left out while empty, so a note linked to nothing is written as before.
        if !objectives.isEmpty { try container.encode(objectives, forKey: .objectives) }
    }

    public var isSigned: Bool { status == .signed }

    /// The sections in the order the format reads, with empty ones included.
    public var orderedSections: [(section: NoteSection, text: String)] {
        format.sections.map { ($0, sections[$0.key] ?? "") }
    }

    public mutating func edit(section key: String, text: String, by staff: StaffID, at time: Date) throws(DomainError) {
        guard !isSigned else { throw .noteIsSigned }
        let title = format.sections.first { $0.key == key }?.title ?? key
        try refuseControls(text, "The \(title) section", .multiLine)
        try checkNoteTextLength(text, "The \(title) section")
        // Writing what the section already says changes nothing, and makes no one a contributor.
        guard sections[key] != text else { return }
        sections[key] = text
        if !contributors.contains(staff) { contributors.append(staff) }
        lastEditedAt = time
    }

    /// Signs the note; a group note keeps `sharedNarrative` as signed, and its writers
    /// (`writtenBy`) join the note's contributors.
    public mutating func sign(
        by staff: Staff, at time: Date, sharedNarrative: String? = nil, writtenBy narrativeWriters: [StaffID] = []
    ) throws(DomainError) {
        guard !isSigned else { throw .noteIsSigned }
        guard sections.values.contains(where: \.hasVisibleText) else { throw .noteEmpty }
        status = .signed
        signature = Signature(by: staff, at: time)
        signedSharedNarrative = sharedNarrative
        contributors += narrativeWriters.filter { !contributors.contains($0) }
    }

    /// Who may co-sign is `Permissions.checkCoSignature`'s rule; the note only checks its state.
    public mutating func coSign(by supervisor: Staff, at time: Date) throws(DomainError) {
        guard isSigned else { throw .noteNotSigned }
        guard coSignature == nil else { throw .noteAlreadyCoSigned }
        coSignature = Signature(by: supervisor, at: time)
    }

    public mutating func addAddendum(_ text: String, by staff: Staff, at time: Date)
        throws(DomainError)
    {
        guard isSigned else { throw .noteNotSigned }
        try refuseControls(text, "The addendum", .multiLine)
        guard text.hasVisibleText else { throw .emptyField("The addendum") }
        try checkNoteTextLength(text, "The addendum")
        addenda.append(Addendum(by: staff.id, signedAs: staff.signatureLine, at: time, text: text))
    }
}

/// The most a note section, shared narrative or addendum may hold: about eight pages. A session's
/// notes share one file, which the store reads whole and only up to a limit, so one runaway paste
/// must not hide every note of the session.
let noteTextLimit = 20_000

/// Refuses `text` longer than `noteTextLimit`. Unicode scalars are counted, not characters: one
/// character can carry any number of combining marks, and each takes room in the file.
func checkNoteTextLength(_ text: String, _ field: String) throws(DomainError) {
    guard text.unicodeScalars.count <= noteTextLimit else { throw .textTooLong(field, limit: noteTextLimit) }
}

public enum NoteStatus: String, Codable, Sendable {
    case draft
    case signed
}

public enum NoteFormat: String, Codable, Sendable, CaseIterable {
    case dap
    case soap
    case birp
    case free

    public var title: String {
        switch self {
        case .dap: "DAP"
        case .soap: "SOAP"
        case .birp: "BIRP"
        case .free: "Free text"
        }
    }

    public var sections: [NoteSection] {
        switch self {
        case .dap:
            [.init(key: "data", title: "Data"), .init(key: "assessment", title: "Assessment"),
             .init(key: "plan", title: "Plan")]
        case .soap:
            [.init(key: "subjective", title: "Subjective"),
             .init(key: "objective", title: "Objective"),
             .init(key: "assessment", title: "Assessment"), .init(key: "plan", title: "Plan")]
        case .birp:
            [.init(key: "behavior", title: "Behavior"),
             .init(key: "intervention", title: "Intervention"),
             .init(key: "response", title: "Response"), .init(key: "plan", title: "Plan")]
        case .free:
            [.init(key: "note", title: "Note")]
        }
    }
}

public struct NoteSection: Sendable, Equatable {
    public let key: String
    public let title: String
}

/// Who signed and when. The signature line is kept as it read at signing, so renaming a staff
/// member or changing their credentials never rewrites what they signed as.
public struct Signature: Codable, Sendable, Equatable {
    public var by: StaffID
    /// "María García, LCSW"; nil in notes signed before the line was kept.
    public var signedAs: String?
    public var at: Date

    public init(by: StaffID, signedAs: String?, at: Date) {
        self.by = by
        self.signedAs = signedAs
        self.at = at
    }

    init(by staff: Staff, at: Date) {
        self.init(by: staff.id, signedAs: staff.signatureLine, at: at)
    }
}

/// A dated correction or addition to a signed note; the signed text itself never changes.
public struct Addendum: Codable, Sendable, Equatable {
    public var by: StaffID
    /// The author's signature line when they wrote it; nil in addenda written before it was kept.
    public var signedAs: String?
    public var at: Date
    public var text: String
}
