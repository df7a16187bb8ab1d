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
            let (first, last) = try rule { () throws(DomainError) in
                let names = (try requiredText(request.firstName, "The first name"), try requiredText(request.lastName, "The last name"))
                try refuseControls(request.preferredName, "The preferred name")
                try refuseControls(request.pronouns, "The pronouns")
                try refuseControls(request.referralSource, "The referral source")
                try refuseControls(request.phone, "The phone number")
                try checkNotFuture(request.admissionDate, .admission, today: today)
                guard request.dateOfBirth <= today else { throw .birthDateInFuture(request.dateOfBirth, today: today) }
                guard request.dateOfBirth < request.admissionDate else {
                    throw .birthDateNotBeforeAdmission(request.dateOfBirth, admission: request.admissionDate)
                }
                return names
            }
            let diagnoses = try rule { () throws(DomainError) in try request.diagnoses.map { (d) throws(DomainError) in try d.validated() } }
            let counselor = try primaryCounselor(request.primaryCounselor ?? staff.id)
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
            let age = participant.age(on: request.admissionDate)
            try rule { () throws(DomainError) in
                guard age <= 120 else { throw .birthDateImplausible(request.dateOfBirth, admission: request.admissionDate) }
            }
            var warnings: [Warning] = age < 12 ? [.youngAtAdmission(age: age)] : []
            let namesakes = sameNameAndBirthDate(as: participant)
            if !namesakes.isEmpty { warnings.append(.sameNameAndBirthDate(namesakes)) }
            return try addedParticipant(holding: lock, participant, by: staff, warnings: warnings)
        }
    }

    /// The participants on file, discharged included, with the same date of birth and the same
    /// first and last name regardless of case and accents, in id order.
    private func sameNameAndBirthDate(as newcomer: Participant) -> [ParticipantID] {
        func same(_ a: String, _ b: String) -> Bool {
            a.compare(b, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame
        }
        return store.participants().records
            .filter { $0.dateOfBirth == newcomer.dateOfBirth && same($0.firstName, newcomer.firstName) && same($0.lastName, newcomer.lastName) }
            .map(\.id).sorted()
    }
}

extension Optional<String> {
    /// The text trimmed, or nil when there is none: an empty option clears a field.
    var nonEmpty: String? {
        guard let text = self?.trimmed, !text.isEmpty else { return nil }
        return text
    }
}
