// The people and the program an export names: the participant, their support members, the staff
// who cared for them, and the program itself.

struct FHIRPatient: FHIRResource {
    let resourceType = "Patient"
    var id: String
    var identifier: [FHIRIdentifier]
    var active: Bool
    var name: [FHIRHumanName]
    var telecom: [FHIRContactPoint]? = nil
    var birthDate: String
    var managingOrganization: FHIRReference
}

struct FHIRRelatedPerson: FHIRResource {
    let resourceType = "RelatedPerson"
    var id: String
    var identifier: [FHIRIdentifier]
    var patient: FHIRReference
    var relationship: [FHIRConcept]? = nil
    var name: [FHIRHumanName]? = nil
    var telecom: [FHIRContactPoint]? = nil
}

struct FHIRPractitioner: FHIRResource {
    struct Qualification: Encodable, Equatable, Sendable {
        var code: FHIRConcept
    }

    let resourceType = "Practitioner"
    var id: String
    var identifier: [FHIRIdentifier]
    var active: Bool
    var name: [FHIRHumanName]? = nil
    var qualification: [Qualification]? = nil
}

struct FHIROrganization: FHIRResource {
    let resourceType = "Organization"
    var id: String
    var active = true
    var name: String
}

struct FHIRCondition: FHIRResource {
    let resourceType = "Condition"
    var id: String
    var identifier: [FHIRIdentifier]
    var category: [FHIRConcept]
    var code: FHIRConcept
    var subject: FHIRReference
}
