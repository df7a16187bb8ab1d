/// A written consent to disclose, with the elements 42 CFR §2.31 requires: who may receive the
/// information, why, what kinds of information, when it was signed, when it ends, and whether the
/// participant has revoked it.
public struct DisclosureConsent: Codable, Sendable, Equatable {
    /// The person or organisation that may receive the information.
    public var recipient: String
    /// Why the information is disclosed ("family involvement in treatment").
    public var purpose: String
    /// What may be disclosed; only a consent covering session participation admits the
    /// recipient to a family session.
    public var categories: [DisclosureCategory]
    public var signedOn: LocalDate
    /// Consents recorded since schemaVersion 2 always have one; older ones may not.
    public var expiresOn: LocalDate?
    public var revokedOn: LocalDate?

    public init(
        recipient: String, purpose: String, categories: [DisclosureCategory], signedOn: LocalDate,
        expiresOn: LocalDate?, revokedOn: LocalDate? = nil
    ) {
        self.recipient = recipient
        self.purpose = purpose
        self.categories = DisclosureCategory.allCases.filter(categories.contains)
        self.signedOn = signedOn
        self.expiresOn = expiresOn
        self.revokedOn = revokedOn
    }

    /// Signed, not yet expired and not revoked on `date`.
    public func isCurrent(on date: LocalDate) -> Bool {
        guard date >= signedOn else { return false }
        if let expiresOn, date > expiresOn { return false }
        if let revokedOn, date >= revokedOn { return false }
        return true
    }

    public func covers(_ category: DisclosureCategory) -> Bool { categories.contains(category) }

    /// Whether the recipient may take part in a family session on `date`.
    public func admitsToFamilySession(on date: LocalDate) -> Bool {
        isCurrent(on: date) && covers(.sessionParticipation)
    }

    private enum CodingKeys: String, CodingKey {
        case recipient, purpose, categories, signedOn, expiresOn, revokedOn
        /// Schema 1 kept one free-text field for what could be shared.
        case scope
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        signedOn = try container.decode(LocalDate.self, forKey: .signedOn)
        expiresOn = try container.decodeIfPresent(LocalDate.self, forKey: .expiresOn)
        revokedOn = try container.decodeIfPresent(LocalDate.self, forKey: .revokedOn)
        if let categories = try container.decodeIfPresent([DisclosureCategory].self, forKey: .categories) {
            self.categories = categories
            recipient = try container.decode(String.self, forKey: .recipient)
            purpose = try container.decode(String.self, forKey: .purpose)
        } else {
            // Schema 1: the scope's own words say what was consented to; the recipient is the
            // support member the consent is filed under (filled in by `SupportMember`).
            let scope = try container.decode(String.self, forKey: .scope)
            categories = DisclosureCategory.named(in: scope)
            purpose = scope
            recipient = ""
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(recipient, forKey: .recipient)
        try container.encode(purpose, forKey: .purpose)
        try container.encode(categories, forKey: .categories)
        try container.encode(signedOn, forKey: .signedOn)
        try container.encodeIfPresent(expiresOn, forKey: .expiresOn)
        try container.encodeIfPresent(revokedOn, forKey: .revokedOn)
    }
}

/// What a consent lets staff disclose.
public enum DisclosureCategory: String, Codable, Sendable, CaseIterable {
    case attendance
    case progress
    case drugScreens = "drug-screens"
    case dischargeStatus = "discharge-status"
    case sessionParticipation = "session-participation"

    public var title: String {
        switch self {
        case .attendance: "Attendance"
        case .progress: "Progress"
        case .drugScreens: "Drug screens"
        case .dischargeStatus: "Discharge status"
        case .sessionParticipation: "Family sessions"
        }
    }

    /// The categories a schema-1 consent's free-text scope names ("Attendance and participation
    /// in family sessions").
    static func named(in scope: String) -> [DisclosureCategory] {
        let words = scope.lowercased()
        let cues: [(DisclosureCategory, [String])] = [
            (.attendance, ["attendance"]),
            (.progress, ["progress"]),
            (.drugScreens, ["drug screen", "screen result"]),
            (.dischargeStatus, ["discharge"]),
            (.sessionParticipation, ["participation", "family session"]),
        ]
        return cues.filter { _, phrases in phrases.contains(where: words.contains) }.map(\.0)
    }
}
