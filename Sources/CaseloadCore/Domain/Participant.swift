/// A person in treatment: who they are, how they came, the care they are in and have been in,
/// who may hear about their treatment, their plan, and how they left.
public struct Participant: StoredRecord {
    /// 2: a consent names its recipient. 3: the name order.
    public static let schemaVersion = 3

    public var id: ParticipantID
    public var revision: Revision
    public var firstName: String
    public var lastName: String
    public var preferredName: String?
    /// Whether the family name is written first; files before schema 3 are all given name first.
    public var nameOrder: NameOrder
    public var pronouns: String?
    public var dateOfBirth: LocalDate
    public var phone: String?
    public var emergencyContact: EmergencyContact?
    public var admissionDate: LocalDate
    public var referralSource: String
    public var track: Track
    public var diagnoses: [Diagnosis]
    public var primaryCounselor: StaffID
    public var status: ParticipantStatus
    /// Every level of care since admission, oldest first. The last entry may not be in force yet
    /// (a step-down recorded ahead of its date): ask `levelOfCare(on:)` for the level on a day.
    public var levelOfCareHistory: [LevelOfCareChange]
    public var supportMembers: [SupportMember]
    public var treatmentPlan: TreatmentPlan
    public var discharge: Discharge?
    /// Earlier stays, oldest first; the fields above describe the current one.
    public var previousEpisodes: [Episode]

    public init(
        id: ParticipantID, firstName: String, lastName: String, dateOfBirth: LocalDate,
        admissionDate: LocalDate, referralSource: String, track: Track, primaryCounselor: StaffID,
        levelOfCare: LevelOfCare, revision: Revision
    ) {
        self.id = id
        self.revision = revision
        self.firstName = firstName
        self.lastName = lastName
        self.nameOrder = .givenFirst
        self.dateOfBirth = dateOfBirth
        self.admissionDate = admissionDate
        self.referralSource = referralSource
        self.track = track
        self.diagnoses = []
        self.primaryCounselor = primaryCounselor
        self.status = .active
        self.levelOfCareHistory = [
            LevelOfCareChange(
                level: levelOfCare, effective: admissionDate, reason: "Admission",
                decidedBy: primaryCounselor)
        ]
        self.supportMembers = []
        self.treatmentPlan = TreatmentPlan(startedOn: admissionDate)
        self.previousEpisodes = []
    }

    private enum CodingKeys: String, CodingKey {
        case id, revision, firstName, lastName, preferredName, nameOrder, pronouns, dateOfBirth, phone, emergencyContact
        case admissionDate, referralSource, track, diagnoses, primaryCounselor, status, levelOfCareHistory
        case supportMembers, treatmentPlan, discharge, previousEpisodes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(ParticipantID.self, forKey: .id)
        revision = try container.decode(Revision.self, forKey: .revision)
        firstName = try container.decode(String.self, forKey: .firstName)
        lastName = try container.decode(String.self, forKey: .lastName)
        preferredName = try container.decodeIfPresent(String.self, forKey: .preferredName)
        nameOrder = try container.decodeIfPresent(NameOrder.self, forKey: .nameOrder) ?? .givenFirst
        pronouns = try container.decodeIfPresent(String.self, forKey: .pronouns)
        dateOfBirth = try container.decode(LocalDate.self, forKey: .dateOfBirth)
        phone = try container.decodeIfPresent(String.self, forKey: .phone)
        emergencyContact = try container.decodeIfPresent(EmergencyContact.self, forKey: .emergencyContact)
        admissionDate = try container.decode(LocalDate.self, forKey: .admissionDate)
        referralSource = try container.decode(String.self, forKey: .referralSource)
        track = try container.decode(Track.self, forKey: .track)
        diagnoses = try container.decode([Diagnosis].self, forKey: .diagnoses)
        primaryCounselor = try container.decode(StaffID.self, forKey: .primaryCounselor)
        status = try container.decode(ParticipantStatus.self, forKey: .status)
        levelOfCareHistory = try container.decode([LevelOfCareChange].self, forKey: .levelOfCareHistory)
        supportMembers = try container.decode([SupportMember].self, forKey: .supportMembers)
        treatmentPlan = try container.decode(TreatmentPlan.self, forKey: .treatmentPlan)
        discharge = try container.decodeIfPresent(Discharge.self, forKey: .discharge)
        // Files written before readmission existed hold one stay only.
        previousEpisodes = try container.decodeIfPresent([Episode].self, forKey: .previousEpisodes) ?? []
    }

    /// "Núñez, José" (or "李 雪梅", family name first): the roster shows people this way.
    public var sortName: String { nameOrder.listed(given: firstName, family: lastName) }

    /// The name staff call the person by: preferred first name when they gave one, in the
    /// person's name order.
    public var displayName: String { nameOrder.written(given: preferredName ?? firstName, family: lastName) }

    /// What lists sort by (`NameOrder.sortKey`).
    public var nameSortKey: String { NameOrder.sortKey(given: firstName, family: lastName) }

    /// Admission, discharge and the levels of care, as the hours and level rules read them.
    public var careTimeline: CareTimeline {
        CareTimeline(
            admission: admissionDate, discharge: discharge?.date,
            levels: levelOfCareHistory.map { CareTimeline.Step(level: $0.level, effective: $0.effective) })
    }

    /// The level of care in force on `date`: a future-dated change takes effect only on its date.
    public func levelOfCare(on date: LocalDate) -> LevelOfCare { careTimeline.levelOfCare(on: date) }

    /// The newest entry of the history, even when it takes effect only later.
    public var latestLevelOfCare: LevelOfCare { levelOfCareHistory.last!.level }

    /// The level the newest change moved from: the one in force on its date before it was made,
    /// which is not the day before's level when another change fell on the same date.
    public var levelOfCareBeforeLatestChange: LevelOfCare {
        let earlier = CareTimeline(
            admission: admissionDate, discharge: discharge?.date,
            levels: levelOfCareHistory.dropLast().map { CareTimeline.Step(level: $0.level, effective: $0.effective) })
        guard !earlier.levels.isEmpty else { return latestLevelOfCare }
        return earlier.levelOfCare(on: levelOfCareHistory.last!.effective)
    }

    /// Removes the changes dated after `cutoff` and returns them, oldest first; the level at
    /// admission always stays. Used when a decision or a discharge means they will never happen.
    public mutating func withdrawLevelChanges(effectiveAfter cutoff: LocalDate) -> [LevelOfCareChange] {
        let kept = [levelOfCareHistory[0]] + levelOfCareHistory.dropFirst().filter { $0.effective <= cutoff }
        let withdrawn = levelOfCareHistory.dropFirst().filter { $0.effective > cutoff }
        levelOfCareHistory = kept
        return withdrawn
    }

    /// Age in whole years on `date`.
    public func age(on date: LocalDate) -> Int {
        let hadBirthday = (date.month, date.day) >= (dateOfBirth.month, dateOfBirth.day)
        return date.year - dateOfBirth.year - (hadBirthday ? 0 : 1)
    }

    /// Steps the participant to another level of care (down, or back up when they need more).
    public mutating func changeLevelOfCare(
        to level: LevelOfCare, on date: LocalDate, reason: String, by staff: StaffID
    ) throws(DomainError) {
        guard status != .discharged else { throw .participantDischarged(id) }
        let current = levelOfCareHistory.last!.effective
        guard date >= current else { throw .transitionBeforeCurrent(date, current: current) }
        guard level != levelOfCare(on: date) else { throw .sameLevelOfCare(level, on: date) }
        try refuseControls(reason, "The reason for the change")
        guard reason.hasVisibleText else { throw .emptyField("The reason for the change") }
        levelOfCareHistory.append(
            LevelOfCareChange(level: level, effective: date, reason: reason, decidedBy: staff))
    }

    public mutating func discharge(_ discharge: Discharge) throws(DomainError) {
        guard status != .discharged else { throw .participantDischarged(id) }
        try refuseControls(discharge.summary, "The discharge summary", .multiLine)
        guard discharge.summary.hasVisibleText else { throw .emptyField("The discharge summary") }
        self.discharge = discharge
        status = .discharged
    }

    /// Closes the finished stay into `previousEpisodes` and starts a new one on `date` at `level`,
    /// with a fresh plan: the old stay's history stays readable as it was.
    public mutating func readmit(
        on date: LocalDate, to level: LevelOfCare, reason: String, by staff: StaffID
    ) throws(DomainError) {
        guard let discharge, status == .discharged else { throw .participantNotDischarged(id) }
        guard date > discharge.date else { throw .readmissionNotAfterDischarge(date, discharge: discharge.date) }
        let reason = try requiredText(reason, "The reason for readmission")
        previousEpisodes.append(
            Episode(
                admissionDate: admissionDate, levelOfCareHistory: levelOfCareHistory, discharge: discharge,
                treatmentPlan: treatmentPlan))
        admissionDate = date
        levelOfCareHistory = [LevelOfCareChange(level: level, effective: date, reason: reason, decidedBy: staff)]
        treatmentPlan = TreatmentPlan(startedOn: date)
        self.discharge = nil
        status = .active
    }

    /// Support members whose consent lets staff disclose to them on `date`.
    public func membersWithCurrentConsent(on date: LocalDate) -> [SupportMember] {
        supportMembers.filter { $0.consent?.isCurrent(on: date) ?? false }
    }
}

public enum Track: String, Codable, Sendable, CaseIterable {
    case substanceUse = "substance-use"
    case mentalHealth = "mental-health"
    case coOccurring = "co-occurring"

    public var title: String {
        switch self {
        case .substanceUse: "Substance use"
        case .mentalHealth: "Mental health"
        case .coOccurring: "Co-occurring"
        }
    }
}

public enum ParticipantStatus: String, Codable, Sendable, CaseIterable {
    case active
    case onHold = "on-hold"
    case discharged

    public var title: String {
        switch self {
        case .active: "Active"
        case .onHold: "On hold"
        case .discharged: "Discharged"
        }
    }
}

public struct EmergencyContact: Codable, Sendable, Equatable {
    public var name: String
    public var relationship: String
    public var phone: String

    public init(name: String, relationship: String, phone: String) {
        self.name = name
        self.relationship = relationship
        self.phone = phone
    }
}

public struct Diagnosis: Codable, Sendable, Equatable {
    public var description: String
    /// ICD-10-CM code such as "F10.20", when the program records one.
    public var icd10: String?

    public init(description: String, icd10: String? = nil) {
        self.description = description
        self.icd10 = icd10
    }

    /// The diagnosis trimmed, its code upper-cased, refused when the description is empty or the
    /// code does not have the ICD-10-CM form: a letter, two digits or letters, then optionally a
    /// dot and one to four more ("F10.20", "Z63.8").
    public func validated() throws(DomainError) -> Diagnosis {
        try refuseControls(description, "The diagnosis")
        guard description.hasVisibleText else { throw .emptyField("The diagnosis") }
        guard let code = icd10?.trimmed.uppercased(), !code.isEmpty else {
            return Diagnosis(description: description.trimmed)
        }
        guard code.wholeMatch(of: #/[A-Z][0-9A-Z]{2}(\.[0-9A-Z]{1,4})?/#) != nil else { throw .invalidICD10Code }
        return Diagnosis(description: description.trimmed, icd10: code)
    }
}

/// One entry of the level-of-care history: the level, from when, why, and who decided.
public struct LevelOfCareChange: Codable, Sendable, Equatable {
    /// How far ahead a change may be scheduled: further out, the decision would rest on a
    /// clinical picture that will have changed by then.
    public static let schedulingHorizonDays = 90

    public var level: LevelOfCare
    public var effective: LocalDate
    public var reason: String
    public var decidedBy: StaffID

    public init(level: LevelOfCare, effective: LocalDate, reason: String, decidedBy: StaffID) {
        self.level = level
        self.effective = effective
        self.reason = reason
        self.decidedBy = decidedBy
    }
}

/// A family member or other support person, with the participant's consent to disclose to them.
public struct SupportMember: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var relationship: String
    public var phone: String?
    /// The consent that governs disclosure to them now.
    public var consent: DisclosureConsent?
    /// Every version a later add, renewal or revocation replaced, oldest first: what could be
    /// disclosed on a past date must stay answerable.
    public var earlierConsents: [DisclosureConsent]

    public init(id: String, name: String, relationship: String, phone: String? = nil,
                consent: DisclosureConsent? = nil) {
        self.id = id
        self.name = name
        self.relationship = relationship
        self.phone = phone
        self.consent = consent
        self.earlierConsents = []
    }

    private enum CodingKeys: String, CodingKey { case id, name, relationship, phone, consent, earlierConsents }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        relationship = try container.decode(String.self, forKey: .relationship)
        phone = try container.decodeIfPresent(String.self, forKey: .phone)
        consent = try container.decodeIfPresent(DisclosureConsent.self, forKey: .consent)
        earlierConsents = try container.decodeIfPresent([DisclosureConsent].self, forKey: .earlierConsents) ?? []
        // A schema-1 consent named no recipient: it was always this support member.
        if consent?.recipient.isEmpty == true { consent?.recipient = name }
    }
}

extension String {
    /// Without the spaces and line breaks around it.
    public var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
