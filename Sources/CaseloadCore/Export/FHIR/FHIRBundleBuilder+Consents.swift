extension FHIRBundleBuilder {
    /// A Consent for every version of every disclosure consent, oldest first (version 1 is the
    /// first recorded): the recipient, purpose, what may be disclosed, the period from signing to
    /// expiry, and the revocation. Only the latest version, neither revoked nor expired, is active.
    mutating func addConsents() {
        for member in participant.supportMembers {
            let versions = member.earlierConsents + [member.consent].compactMap { $0 }
            for (index, consent) in versions.enumerated() {
                let name = "\(participant.id)/\(member.id)/\(index + 1)"
                let current = index == versions.count - 1 && consent.revokedOn == nil && consent.expiresOn.map { $0 >= today } ?? true
                let revoked = consent.revokedOn.map {
                    [FHIRExtension(url: FHIRIdentity.extensionURL("consent-revoked"), valueDate: Self.date($0))]
                }
                add(
                    FHIRConsent(
                        id: Self.id("Consent/\(name)"), extension: revoked,
                        identifier: [FHIRIdentifier(system: FHIRIdentity.System.consent, value: name)],
                        status: current ? "active" : "inactive", patient: patient, dateTime: Self.date(consent.signedOn),
                        performer: [patient], organization: [organization],
                        provision: .init(
                            period: FHIRPeriod(start: Self.date(consent.signedOn), end: consent.expiresOn.map(Self.date)),
                            actor: [
                                .init(
                                    role: FHIRConcept(FHIRCoding(system: FHIRTerminology.participationType, code: "IRCP", display: "information recipient")),
                                    reference: Self.reference(
                                        Self.supportMemberName(participant.id, member.id),
                                        display: consent.recipient.fhirText ?? member.name.fhirText))
                            ],
                            purpose: consent.purpose.fhirText.map { [FHIRCoding(system: nil, code: nil, display: $0)] },
                            code: consent.categories.map {
                                FHIRConcept(FHIRCoding(system: FHIRIdentity.System.disclosureCategory, code: $0.rawValue, display: $0.title))
                            }.nonEmpty)))
            }
        }
    }
}
