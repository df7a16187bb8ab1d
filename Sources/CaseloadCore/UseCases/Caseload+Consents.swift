/// A signed consent to disclose as the user gave it, before any rule has looked at it.
public struct ConsentRequest: Sendable, Equatable {
    public var recipient: String
    public var purpose: String
    public var categories: [DisclosureCategory]
    public var signedOn: LocalDate
    public var expiresOn: LocalDate

    public init(
        recipient: String, purpose: String, categories: [DisclosureCategory], signedOn: LocalDate,
        expiresOn: LocalDate
    ) {
        self.recipient = recipient
        self.purpose = purpose
        self.categories = categories
        self.signedOn = signedOn
        self.expiresOn = expiresOn
    }
}

extension Caseload {
    /// Records the consent a participant signed for one support member. A newly signed form is
    /// what now governs disclosure to them; the one it replaces is kept among the earlier ones,
    /// so the new one cannot be signed before it, nor before its revocation.
    public func addConsent(
        _ id: ParticipantID, member: String, _ request: ConsentRequest, by actor: StaffID
    ) throws(CaseloadError) -> Outcome<Participant> {
        try changeConsent(id, member: member, .consentAdd, by: actor) { _, existing, dates throws(DomainError) in
            try dates.checkSigning(request.signedOn)
            if case .success(let replaced) = existing {
                guard request.signedOn >= replaced.signedOn else {
                    throw .consentSignedBeforeReplaced(request.signedOn, replacedSigned: replaced.signedOn)
                }
                if let revoked = replaced.revokedOn, request.signedOn < revoked {
                    throw .consentSignedBeforeRevocation(request.signedOn, revoked: revoked)
                }
            }
            guard request.expiresOn > request.signedOn else {
                throw .consentExpiryNotAfterSigning(request.expiresOn, signed: request.signedOn)
            }
            guard !request.categories.isEmpty else { throw .consentNeedsCategory }
            return DisclosureConsent(
                recipient: try requiredText(request.recipient, "The consent's recipient"),
                purpose: try requiredText(request.purpose, "The consent's purpose"),
                categories: request.categories, signedOn: request.signedOn, expiresOn: request.expiresOn)
        }
    }

    /// Records that the participant revoked a consent on `date`; disclosure stops from that day,
    /// so it cannot be dated on or before a family session the member has already taken part in.
    public func revokeConsent(
        _ id: ParticipantID, member: String, on date: LocalDate, by actor: StaffID
    ) throws(CaseloadError) -> Outcome<Participant> {
        try changeConsent(id, member: member, .consentRevoke, by: actor) { supportMember, existing, dates throws(DomainError) in
            var consent = try existing.get()
            if let revoked = consent.revokedOn { throw .consentAlreadyRevoked(member, on: revoked) }
            try checkNotFuture(date, .revocation, today: dates.today)
            guard date >= consent.signedOn else { throw .revocationBeforeSigning(date, signed: consent.signedOn) }
            let attended = familySessions(attendedBy: supportMember, of: id, from: date, through: dates.today)
            guard attended.isEmpty else {
                throw .revocationBeforeFamilySessions(id, supportMember: member, date, sessions: attended)
            }
            consent.revokedOn = date
            return consent
        }
    }

    /// Extends a consent that has not been revoked to a new expiry date, not yet passed, optionally
    /// re-signed on or after the day it was first signed; a revoked consent is over, and only a
    /// new one can take its place.
    public func renewConsent(
        _ id: ParticipantID, member: String, expiresOn: LocalDate, signedOn: LocalDate? = nil, by actor: StaffID
    ) throws(CaseloadError) -> Outcome<Participant> {
        try changeConsent(id, member: member, .consentRenew, by: actor) { _, existing, dates throws(DomainError) in
            var consent = try existing.get()
            if let revoked = consent.revokedOn { throw .revokedConsentCannotBeRenewed(member, revokedOn: revoked) }
            guard expiresOn >= dates.today else { throw .renewalExpiryPassed(expiresOn, today: dates.today) }
            if let signedOn {
                try dates.checkSigning(signedOn)
                guard signedOn >= consent.signedOn else { throw .renewalSignedEarlier(signedOn, signed: consent.signedOn) }
                consent.signedOn = signedOn
            }
            guard expiresOn > consent.signedOn else {
                throw .consentExpiryNotAfterSigning(expiresOn, signed: consent.signedOn)
            }
            // A renewal extends; ending a consent early is a revocation, dated when it ends.
            if let current = consent.expiresOn, expiresOn < current {
                throw .renewalShortens(expiresOn, current: current)
            }
            consent.expiresOn = expiresOn
            return consent
        }
    }

    /// The family sessions dated `date` through `today` that disclosed to `member` under the
    /// participant's consent, oldest first.
    private func familySessions(
        attendedBy member: SupportMember, of participant: ParticipantID, from date: LocalDate, through today: LocalDate
    ) -> [SessionID] {
        store.sessions(from: date, through: today).records
            .filter { session in
                FamilyConsent.disclosed(to: member, of: participant, in: session) { other in
                    (try? store.participant(other))?.supportMembers ?? []
                }
            }
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            .map(\.id)
    }

    /// Loads the participant, hands `change` the support member and their current consent (or
    /// why there is none) and saves what it returns in its place, keeping the replaced version
    /// in the history.
    private func changeConsent(
        _ id: ParticipantID, member memberID: String, _ action: AuditAction, by actor: StaffID,
        _ change: (SupportMember, Result<DisclosureConsent, DomainError>, ConsentDates) throws(DomainError) -> DisclosureConsent
    ) throws(CaseloadError) -> Outcome<Participant> {
        try writing { lock throws(CaseloadError) in
            let staff = try permitted(.manageConsents, actor)
            var participant = try loadParticipant(id)
            let today = try today()
            try rule { () throws(DomainError) in
                try refuseControls(memberID, "The support member id")
                guard let index = participant.supportMembers.firstIndex(where: { $0.id == memberID }) else {
                    throw .unknownSupportMember(participant.id, memberID)
                }
                let existing: Result<DisclosureConsent, DomainError> =
                    participant.supportMembers[index].consent.map { .success($0) } ?? .failure(.noConsent(participant.id, memberID))
                let changed = try change(
                    participant.supportMembers[index], existing, ConsentDates(today: today, admission: participant.admissionDate))
                guard changed != (try? existing.get()) else { throw .nothingToChange }
                if case .success(let replaced) = existing { participant.supportMembers[index].earlierConsents.append(replaced) }
                participant.supportMembers[index].consent = changed
            }
            return try saved(holding: lock, participant, action, by: staff)
        }
    }
}

/// The days a consent's dates are checked against.
private struct ConsentDates {
    let today: LocalDate
    let admission: LocalDate

    /// Refuses a signing date in the future, or more than a year before admission: a form that
    /// old is almost always a mistyped year, and too stale to govern disclosure.
    func checkSigning(_ date: LocalDate) throws(DomainError) {
        try checkNotFuture(date, .consent, today: today)
        guard !date.isMoreThanAYear(before: admission) else {
            throw .consentSignedLongBeforeAdmission(date, admission: admission)
        }
    }
}
