extension FHIRBundleBuilder {
    /// The Patient, a RelatedPerson per support member, and a Condition per diagnosis.
    mutating func addPeople() {
        let p = participant
        var names = [
            FHIRHumanName(use: "official", text: "\(p.firstName) \(p.lastName)", family: p.lastName, given: [p.firstName])
        ]
        if let preferred = p.preferredName?.fhirText {
            names.append(FHIRHumanName(use: "usual", text: "\(preferred) \(p.lastName)", family: p.lastName, given: [preferred]))
        }
        add(
            FHIRPatient(
                id: Self.id("Patient/\(p.id)"),
                identifier: [FHIRIdentifier(system: FHIRIdentity.System.participant, value: p.id.rawValue)],
                active: p.status != .discharged, name: names,
                telecom: p.phone?.fhirText.map { [FHIRContactPoint(system: "phone", value: $0)] },
                birthDate: Self.date(p.dateOfBirth), managingOrganization: organization))
        for member in p.supportMembers {
            add(
                FHIRRelatedPerson(
                    id: Self.id(Self.supportMemberName(p.id, member.id)),
                    identifier: [FHIRIdentifier(system: FHIRIdentity.System.supportMember, value: "\(p.id)/\(member.id)")],
                    patient: patient, relationship: member.relationship.fhirText.map { [FHIRConcept(text: $0)] },
                    name: member.name.fhirText.map { [FHIRHumanName(text: $0)] },
                    telecom: member.phone?.fhirText.map { [FHIRContactPoint(system: "phone", value: $0)] }))
        }
        var keys: Set<String> = []
        // A diagnosis listed twice is one Condition.
        for diagnosis in p.diagnoses where keys.insert(Self.diagnosisKey(diagnosis)).inserted {
            let key = Self.diagnosisKey(diagnosis)
            let code = diagnosis.icd10.map { FHIRCoding(system: FHIRTerminology.icd10CM, code: $0, display: diagnosis.description.fhirText) }
            add(
                FHIRCondition(
                    id: Self.id("Condition/\(p.id)/\(key)"),
                    identifier: [FHIRIdentifier(system: FHIRIdentity.System.diagnosis, value: "\(p.id)/\(key)")],
                    category: [
                        FHIRConcept(FHIRCoding(system: FHIRTerminology.conditionCategory, code: "encounter-diagnosis", display: "Encounter Diagnosis"))
                    ],
                    code: FHIRConcept(coding: code.map { [$0] }, text: diagnosis.description.fhirText), subject: patient))
        }
    }

    static func supportMemberName(_ participant: ParticipantID, _ member: String) -> String {
        "RelatedPerson/\(participant)/\(member)"
    }

    /// What names a diagnosis across exports: its code, or its description's letters.
    static func diagnosisKey(_ diagnosis: Diagnosis) -> String {
        diagnosis.icd10 ?? diagnosis.description.foldedLetters
    }

    /// References to the participant's diagnoses, for the current stay's episode and plan.
    var diagnoses: [FHIRReference] {
        var keys: Set<String> = []
        return participant.diagnoses.filter { keys.insert(Self.diagnosisKey($0)).inserted }.map { Self.reference("Condition/\(participant.id)/\(Self.diagnosisKey($0))", display: $0.description.fhirText) }
    }
}
