import Foundation

/// An admission as the user gave it, before any rule has looked at it.
public struct AdmissionRequest: Sendable, Equatable {
    public var firstName: String
    public var lastName: String
    public var preferredName: String?
    public var nameOrder: NameOrder
    public var pronouns: String?
    public var dateOfBirth: LocalDate
    public var admissionDate: LocalDate
    public var levelOfCare: LevelOfCare
    public var track: Track
    /// Nil means the staff member admitting.
    public var primaryCounselor: StaffID?
    public var referralSource: String
    public var phone: String?
    public var diagnoses: [Diagnosis]

    public init(
        firstName: String, lastName: String, preferredName: String? = nil, nameOrder: NameOrder = .givenFirst,
        pronouns: String? = nil, dateOfBirth: LocalDate, admissionDate: LocalDate, levelOfCare: LevelOfCare, track: Track,
        primaryCounselor: StaffID? = nil, referralSource: String = "Self", phone: String? = nil,
        diagnoses: [Diagnosis] = []
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.preferredName = preferredName
        self.nameOrder = nameOrder
        self.pronouns = pronouns
        self.dateOfBirth = dateOfBirth
        self.admissionDate = admissionDate
        self.levelOfCare = levelOfCare
        self.track = track
        self.primaryCounselor = primaryCounselor
        self.referralSource = referralSource
        self.phone = phone
        self.diagnoses = diagnoses
    }
}

extension Caseload {
    /// Admits a participant under the next free id, with an active counselor or supervisor as
    /// primary counselor; the admission cannot be future-dated and must follow the birth date by
    /// no more than 120 years. A child under 12, or someone with the same name and date of birth
    /// as a participant on file, is admitted with a warning: both are usually a typing mistake.
    public func admit(_ request: AdmissionRequest, by actor: StaffID) throws(CaseloadError) -> Outcome<Participant> {
        try writing { lock throws(CaseloadError) in
            let staff = try permitted(.admit, actor)
            let today = try today()
            let reviewEvery = try program().planReviewDays
            let participant: Participant
            do throws(AdmissionRefusal) {
                participant = try admission(request, by: staff, today: today, reviewEvery: reviewEvery)
            } catch {
                throw error.error
            }
            var warnings = Self.ageWarnings(participant)
            let namesakes = store.participants().records.filter { $0.isNamesake(of: participant) }.map(\.id).sorted()
            if !namesakes.isEmpty { warnings.append(.sameNameAndBirthDate(namesakes)) }
            return try addedParticipant(holding: lock, participant, by: staff, warnings: warnings)
        }
    }

    /// The participant `request` admits, not yet numbered or saved, after every admission rule;
    /// a refusal names the field it is about, so a roster import can point at the column. Its plan's
    /// first review falls `reviewEvery` days after admission (the program's setting).
    func admission(
        _ request: AdmissionRequest, by staff: Staff, today: LocalDate, reviewEvery: Int
    ) throws(AdmissionRefusal) -> Participant {
        func check<T>(_ field: ParticipantField, _ body: () throws(DomainError) -> T) throws(AdmissionRefusal) -> T {
            do { return try body() } catch { throw AdmissionRefusal(field: field, error: .refused(error)) }
        }
        let first = try check(.firstName) { () throws(DomainError) in try requiredText(request.firstName, "The first name") }
        let last = try check(.lastName) { () throws(DomainError) in try requiredText(request.lastName, "The last name") }
        try check(.preferredName) { () throws(DomainError) in try refuseControls(request.preferredName, "The preferred name") }
        try check(.pronouns) { () throws(DomainError) in try refuseControls(request.pronouns, "The pronouns") }
        try check(.referralSource) { () throws(DomainError) in try refuseControls(request.referralSource, "The referral source") }
        try check(.phone) { () throws(DomainError) in try refuseControls(request.phone, "The phone number") }
        try check(.admissionDate) { () throws(DomainError) in try checkNotFuture(request.admissionDate, .admission, today: today) }
        try check(.dateOfBirth) { () throws(DomainError) in
            guard request.dateOfBirth <= today else { throw .birthDateInFuture(request.dateOfBirth, today: today) }
            guard request.dateOfBirth < request.admissionDate else {
                throw .birthDateNotBeforeAdmission(request.dateOfBirth, admission: request.admissionDate)
            }
        }
        let diagnoses = try check(.diagnoses) { () throws(DomainError) in
            try request.diagnoses.map { (d) throws(DomainError) in try d.validated() }
        }
        let counselor: StaffID
        do {
            counselor = try primaryCounselor(request.primaryCounselor ?? staff.id)
        } catch {
            throw AdmissionRefusal(field: .primaryCounselor, error: error)
        }
        var participant = Participant(
            id: "P-0000", firstName: first, lastName: last, dateOfBirth: request.dateOfBirth,
            admissionDate: request.admissionDate, referralSource: request.referralSource.trimmed,
            track: request.track, primaryCounselor: counselor, levelOfCare: request.levelOfCare,
            revision: Revision(createdAt: clock.now(), createdBy: staff.id))
        participant.preferredName = request.preferredName.nonEmpty
        participant.nameOrder = request.nameOrder
        participant.pronouns = request.pronouns.nonEmpty
        participant.phone = request.phone.nonEmpty
        participant.diagnoses = diagnoses
        participant.treatmentPlan.scheduleFirstReview(everyDays: reviewEvery)
        let age = participant.age(on: request.admissionDate)
        try check(.dateOfBirth) { () throws(DomainError) in
            guard age <= 120 else { throw .birthDateImplausible(request.dateOfBirth, admission: request.admissionDate) }
        }
        return participant
    }

    /// A child under 12 is admitted with a warning: usually a typing mistake in the birth date.
    static func ageWarnings(_ participant: Participant) -> [Warning] {
        let age = participant.age(on: participant.admissionDate)
        return age < 12 ? [.youngAtAdmission(age: age)] : []
    }
}

/// An admission rule's refusal with the field it is about.
struct AdmissionRefusal: Error {
    let field: ParticipantField
    let error: CaseloadError
}

extension Participant {
    /// The same date of birth, and the same first and last names by their letters alone (case,
    /// accents, spacing and punctuation aside: "De la Cruz" is "Dela Cruz"): perhaps the same
    /// person entered twice.
    public func isNamesake(of other: Participant) -> Bool {
        dateOfBirth == other.dateOfBirth && firstName.foldedLetters == other.firstName.foldedLetters
            && lastName.foldedLetters == other.lastName.foldedLetters
    }
}

extension Optional<String> {
    /// The text trimmed, or nil when there is none: an empty option clears a field.
    var nonEmpty: String? {
        guard let text = self?.trimmed, !text.isEmpty else { return nil }
        return text
    }
}
