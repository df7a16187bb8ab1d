// A stay and what happened in it: the episode, sessions and their notes, the plan.

struct FHIREpisodeOfCare: FHIRResource {
    struct Diagnosis: Encodable, Equatable, Sendable {
        var condition: FHIRReference
    }

    let resourceType = "EpisodeOfCare"
    var id: String
    var `extension`: [FHIRExtension]? = nil
    var identifier: [FHIRIdentifier]
    var status: String
    var type: [FHIRConcept]
    var diagnosis: [Diagnosis]? = nil
    var patient: FHIRReference
    var managingOrganization: FHIRReference
    var period: FHIRPeriod
    var careManager: FHIRReference? = nil
}

struct FHIREncounter: FHIRResource {
    struct Participant: Encodable, Equatable, Sendable {
        var type: [FHIRConcept]
        var individual: FHIRReference
    }

    let resourceType = "Encounter"
    var id: String
    var `extension`: [FHIRExtension]
    var identifier: [FHIRIdentifier]
    var status = "finished"
    var `class` = FHIRTerminology.ambulatory
    var type: [FHIRConcept]
    var subject: FHIRReference
    var episodeOfCare: [FHIRReference]? = nil
    var participant: [Participant]? = nil
    var period: FHIRPeriod
    var length: FHIRMinutes
}

struct FHIRDocumentReference: FHIRResource {
    struct Content: Encodable, Equatable, Sendable {
        var attachment: FHIRAttachment
    }

    struct Context: Encodable, Equatable, Sendable {
        var encounter: [FHIRReference]? = nil
        var period: FHIRPeriod
    }

    let resourceType = "DocumentReference"
    var id: String
    var `extension`: [FHIRExtension]? = nil
    var identifier: [FHIRIdentifier]
    var status = "current"
    var docStatus: String
    var type = FHIRConcept(FHIRTerminology.progressNote)
    var subject: FHIRReference
    var date: String
    var author: [FHIRReference]
    var authenticator: FHIRReference
    var description: String
    var content: [Content]
    var context: Context
}

struct FHIRCarePlan: FHIRResource {
    struct Activity: Encodable, Equatable, Sendable {
        var detail: Detail
    }

    struct Detail: Encodable, Equatable, Sendable {
        var status: String
        var description: String
        var goal: [FHIRReference]
        var scheduledPeriod: FHIRPeriod
    }

    let resourceType = "CarePlan"
    var id: String
    var identifier: [FHIRIdentifier]
    var status: String
    var intent = "plan"
    var title = "Treatment plan"
    var subject: FHIRReference
    var period: FHIRPeriod
    var author: FHIRReference? = nil
    var addresses: [FHIRReference]? = nil
    var goal: [FHIRReference]? = nil
    var activity: [Activity]? = nil
    var note: [FHIRAnnotation]? = nil
}

struct FHIRGoal: FHIRResource {
    struct Target: Encodable, Equatable, Sendable {
        var measure: FHIRConcept
        var dueDate: String
    }

    let resourceType = "Goal"
    var id: String
    var identifier: [FHIRIdentifier]
    var lifecycleStatus: String
    var achievementStatus: FHIRConcept
    var description: FHIRConcept
    var subject: FHIRReference
    var startDate: String
    var target: [Target]? = nil
    var note: [FHIRAnnotation]
}
