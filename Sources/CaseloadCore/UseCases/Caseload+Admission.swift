/// An admission as the user gave it, before any rule has looked at it.
public struct AdmissionRequest: Sendable, Equatable {
    public var firstName: String
    public var lastName: String
    public var preferredName: String?
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
        firstName: String, lastName: String, preferredName: String? = nil, pronouns: String? = nil,
        dateOfBirth: LocalDate, admissionDate: LocalDate, levelOfCare: LevelOfCare, track: Track,
        primaryCounselor: StaffID? = nil, referralSource: String = "Self", phone: String? = nil,
        diagnoses: [Diagnosis] = []
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.preferredName = preferredName
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
    /// primary counselor; the admission cannot be future-dated and must follow the birth date.
    public func admit(_ request: AdmissionRequest, by actor: StaffID) throws(CaseloadError) -> Outcome<Participant> {
        try writing { lock throws(CaseloadError) in
            let staff = try actingStaff(actor)
            try rule { () throws(DomainError) in try Permissions.check(.admit, by: staff) }
            let today = try today()
            let (first, last) = try rule { () throws(DomainError) in
                let names = (try requiredText(request.firstName, "The first name"), try requiredText(request.lastName, "The last name"))
                try checkNotFuture(request.admissionDate, .admission, today: today)
                guard request.dateOfBirth <= today else { throw .birthDateInFuture(request.dateOfBirth, today: today) }
                guard request.dateOfBirth < request.admissionDate else {
                    throw .birthDateNotBeforeAdmission(request.dateOfBirth, admission: request.admissionDate)
                }
                return names
            }
            let counselor = try primaryCounselor(request.primaryCounselor ?? staff.id)
            var participant = Participant(
                id: "P-0000", firstName: first, lastName: last, dateOfBirth: request.dateOfBirth,
                admissionDate: request.admissionDate, referralSource: request.referralSource.trimmed,
                track: request.track, primaryCounselor: counselor, levelOfCare: request.levelOfCare,
                revision: Revision(createdAt: clock.now(), createdBy: staff.id))
            participant.preferredName = request.preferredName.nonEmpty
            participant.pronouns = request.pronouns.nonEmpty
            participant.phone = request.phone.nonEmpty
            participant.diagnoses = request.diagnoses
            // Numbered under the save's lock, so admissions at the same moment never clash.
            let saved = try stored { () throws(StoreError) in try store.addParticipant(participant, by: staff.id, holding: lock) }
            return Outcome(saved, warnings: [])
        }
    }
}

extension Optional<String> {
    /// The text trimmed, or nil when there is none: an empty option clears a field.
    var nonEmpty: String? {
        guard let text = self?.trimmed, !text.isEmpty else { return nil }
        return text
    }
}
