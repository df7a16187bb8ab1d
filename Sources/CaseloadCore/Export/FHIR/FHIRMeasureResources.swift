// Check-ins, consents and safety flags.

struct FHIRQuestionnaireResponse: FHIRResource {
    struct Item: Encodable, Equatable, Sendable {
        var linkId: String
        var text: String
        var answer: [Answer]
    }

    struct Answer: Encodable, Equatable, Sendable {
        var valueCoding: FHIRCoding? = nil
        var valueInteger: Int? = nil
    }

    let resourceType = "QuestionnaireResponse"
    var id: String
    var identifier: FHIRIdentifier
    var questionnaire: String
    var status = "completed"
    var subject: FHIRReference
    var authored: String
    var author: FHIRReference
    var source: FHIRReference
    var item: [Item]
}

struct FHIRObservation: FHIRResource {
    struct Component: Encodable, Equatable, Sendable {
        var code: FHIRConcept
        var valueCodeableConcept: FHIRConcept
    }

    let resourceType = "Observation"
    var id: String
    var identifier: [FHIRIdentifier]
    var status = "final"
    var category = [FHIRConcept(FHIRCoding(system: FHIRTerminology.observationCategory, code: "survey", display: "Survey"))]
    var code: FHIRConcept
    var subject: FHIRReference
    var effectiveDateTime: String
    var performer: [FHIRReference]
    var valueInteger: Int? = nil
    var interpretation: [FHIRConcept]? = nil
    var hasMember: [FHIRReference]? = nil
    var derivedFrom: [FHIRReference]
    var component: [Component]? = nil
}

struct FHIRConsent: FHIRResource {
    struct Provision: Encodable, Equatable, Sendable {
        var type = "permit"
        var period: FHIRPeriod
        var actor: [Actor]
        var purpose: [FHIRCoding]? = nil
        var code: [FHIRConcept]? = nil
    }

    struct Actor: Encodable, Equatable, Sendable {
        var role: FHIRConcept
        var reference: FHIRReference
    }

    let resourceType = "Consent"
    var id: String
    var `extension`: [FHIRExtension]? = nil
    var identifier: [FHIRIdentifier]
    var status: String
    var scope = FHIRConcept(FHIRCoding(system: FHIRTerminology.consentScope, code: "patient-privacy", display: "Privacy Consent"))
    var category = [FHIRConcept(FHIRTerminology.consentDocument)]
    var patient: FHIRReference
    var dateTime: String
    var performer: [FHIRReference]
    var organization: [FHIRReference]
    var policyRule = FHIRConcept(FHIRTerminology.part2)
    var provision: Provision
}

struct FHIRFlag: FHIRResource {
    let resourceType = "Flag"
    var id: String
    var `extension`: [FHIRExtension]
    var identifier: [FHIRIdentifier]
    var status = "active"
    var category = [FHIRConcept(FHIRCoding(system: FHIRTerminology.flagCategory, code: "safety", display: "Safety"))]
    var code: FHIRConcept
    var subject: FHIRReference
    var period: FHIRPeriod
    var author: FHIRReference
}
