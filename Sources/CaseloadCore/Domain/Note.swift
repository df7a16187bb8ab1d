import Foundation

/// A clinical note. It starts as a draft, is signed once (then read-only: corrections are dated
/// addenda), and may take a supervisor's co-signature.
public struct Note: Codable, Sendable, Equatable {
    public var format: NoteFormat
    /// Text by section key (see `NoteFormat.sections`); a free note uses the key "note".
    public var sections: [String: String]
    public var author: StaffID
    public var lastEditedAt: Date
    public var status: NoteStatus
    public var signature: Signature?
    /// Groups: the shared narrative exactly as it stood when this note was signed.
    public var signedSharedNarrative: String?
    public var coSignature: Signature?
    public var addenda: [Addendum]

    public init(format: NoteFormat, author: StaffID, at time: Date, sections: [String: String] = [:]) {
        self.format = format
        self.sections = sections
        self.author = author
        self.lastEditedAt = time
        self.status = .draft
        self.addenda = []
    }

    public var isSigned: Bool { status == .signed }

    /// The sections in the order the format reads, with empty ones included.
    public var orderedSections: [(section: NoteSection, text: String)] {
        format.sections.map { ($0, sections[$0.key] ?? "") }
    }

    public mutating func edit(section key: String, text: String, at time: Date) throws(DomainError) {
        guard !isSigned else { throw .noteIsSigned }
        sections[key] = text
        lastEditedAt = time
    }

    public mutating func sign(by staff: StaffID, at time: Date, sharedNarrative: String? = nil)
        throws(DomainError)
    {
        guard !isSigned else { throw .noteIsSigned }
        guard sections.values.contains(where: { !$0.trimmed.isEmpty }) else { throw .noteEmpty }
        status = .signed
        signature = Signature(by: staff, at: time)
        signedSharedNarrative = sharedNarrative
    }

    /// Who may co-sign is `Permissions.checkCoSignature`'s rule; the note only checks its state.
    public mutating func coSign(by supervisor: StaffID, at time: Date) throws(DomainError) {
        guard isSigned else { throw .noteNotSigned }
        guard coSignature == nil else { throw .noteAlreadyCoSigned }
        coSignature = Signature(by: supervisor, at: time)
    }

    public mutating func addAddendum(_ text: String, by staff: StaffID, at time: Date)
        throws(DomainError)
    {
        guard isSigned else { throw .noteNotSigned }
        guard !text.trimmed.isEmpty else { throw .emptyField("The addendum") }
        addenda.append(Addendum(by: staff, at: time, text: text))
    }
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

public struct Signature: Codable, Sendable, Equatable {
    public var by: StaffID
    public var at: Date

    public init(by: StaffID, at: Date) {
        self.by = by
        self.at = at
    }
}

/// A dated correction or addition to a signed note; the signed text itself never changes.
public struct Addendum: Codable, Sendable, Equatable {
    public var by: StaffID
    public var at: Date
    public var text: String
}
