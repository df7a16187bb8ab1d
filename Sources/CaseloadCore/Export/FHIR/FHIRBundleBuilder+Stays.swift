/// One stay, earlier or current, as the export numbers them: 1 for the first admission.
struct FHIRStay {
    let number: Int
    let admission: LocalDate
    let levels: [LevelOfCareChange]
    let discharge: Discharge?
    let plan: TreatmentPlan
    let isCurrent: Bool

    var name: String { "stay/\(number)" }

    /// Whether `date` falls within the stay.
    func holds(_ date: LocalDate) -> Bool {
        date >= admission && discharge.map { date <= $0.date } ?? true
    }
}

extension FHIRBundleBuilder {
    var stays: [FHIRStay] {
        let earlier = participant.previousEpisodes.enumerated().map { index, episode in
            FHIRStay(
                number: index + 1, admission: episode.admissionDate, levels: episode.levelOfCareHistory,
                discharge: episode.discharge, plan: episode.treatmentPlan, isCurrent: false)
        }
        return earlier + [
            FHIRStay(
                number: earlier.count + 1, admission: participant.admissionDate, levels: participant.levelOfCareHistory,
                discharge: participant.discharge, plan: participant.treatmentPlan, isCurrent: true)
        ]
    }

    func episode(_ stay: FHIRStay) -> FHIRReference {
        Self.reference("EpisodeOfCare/\(participant.id)/\(stay.name)")
    }

    /// An EpisodeOfCare, a CarePlan and its Goals for each stay.
    mutating func addStays() {
        for stay in stays {
            addEpisode(stay)
            addPlan(stay)
        }
    }

    private mutating func addEpisode(_ stay: FHIRStay) {
        let levels = CareTimeline(
            admission: stay.admission, discharge: stay.discharge?.date,
            levels: stay.levels.map { CareTimeline.Step(level: $0.level, effective: $0.effective) })
        let status = stay.discharge != nil ? "finished" : participant.status == .onHold ? "onhold" : "active"
        var extensions = stay.levels.enumerated().map { index, change in
            let next = stay.levels.dropFirst(index + 1).first?.effective
            // A change replaced on its own day ends that day.
            let end = next.map { max(change.effective, $0.adding(days: -1)) } ?? stay.discharge?.date
            return FHIRExtension(
                url: FHIRIdentity.extensionURL("level-of-care"),
                extension: [
                    FHIRExtension(url: "level", valueCoding: Self.level(change.level)),
                    FHIRExtension(url: "period", valuePeriod: FHIRPeriod(start: Self.date(change.effective), end: end.map(Self.date))),
                    change.reason.fhirText.map { FHIRExtension(url: "reason", valueString: $0) },
                    FHIRExtension(url: "decidedBy", valueReference: practitioner(change.decidedBy)),
                ].compactMap { $0 })
        }
        if let discharge = stay.discharge { extensions.append(dischargeExtension(discharge)) }
        let onDay = stay.discharge?.date ?? stay.levels.map(\.effective).max() ?? stay.admission
        add(
            FHIREpisodeOfCare(
                id: Self.id("EpisodeOfCare/\(participant.id)/\(stay.name)"), extension: extensions,
                identifier: [FHIRIdentifier(system: FHIRIdentity.System.stay, value: "\(participant.id)/\(stay.number)")],
                status: status, type: [FHIRConcept(Self.level(levels.levelOfCare(on: onDay)))],
                diagnosis: stay.isCurrent ? diagnoses.map { .init(condition: $0) }.nonEmpty : nil,
                patient: patient, managingOrganization: organization,
                period: FHIRPeriod(start: Self.date(stay.admission), end: stay.discharge.map { Self.date($0.date) }),
                careManager: stay.isCurrent ? practitioner(participant.primaryCounselor) : nil))
    }

    /// How the stay ended: type, summary, who discharged, the aftercare plan, and a supervisor's
    /// reason for discharging with a safety flag open.
    private mutating func dischargeExtension(_ discharge: Discharge) -> FHIRExtension {
        let aftercare = discharge.aftercare
        let parts: [FHIRExtension?] = [
            FHIRExtension(url: "type", valueCoding: FHIRCoding(system: FHIRIdentity.System.dischargeType, code: discharge.type.rawValue, display: discharge.type.title)),
            FHIRExtension(url: "date", valueDate: Self.date(discharge.date)),
            discharge.summary.fhirText.map { FHIRExtension(url: "summary", valueString: $0) },
            FHIRExtension(url: "dischargedBy", valueReference: practitioner(discharge.dischargedBy)),
            discharge.openFlagOverride?.fhirText.map { FHIRExtension(url: "openFlagOverride", valueString: $0) },
            aftercare.soberLiving?.fhirText.map { FHIRExtension(url: "soberLiving", valueString: $0) },
        ]
        let groups = aftercare.supportGroups.compactMap { $0.fhirText.map { FHIRExtension(url: "supportGroup", valueString: $0) } }
        let followUps = aftercare.followUps.map {
            FHIRExtension(url: "followUp", valueString: "\($0.date), with \($0.with): \($0.purpose)")
        }
        return FHIRExtension(url: FHIRIdentity.extensionURL("discharge"), extension: parts.compactMap { $0 } + groups + followUps)
    }

    private mutating func addPlan(_ stay: FHIRStay) {
        let planName = "\(participant.id)/\(stay.name)"
        var goals: [FHIRReference] = []
        var activities: [FHIRCarePlan.Activity] = []
        for problem in stay.plan.problems {
            for goal in problem.goals {
                let goalName = "Goal/\(planName)/\(goal.id)"
                let reference = Self.reference(goalName, display: goal.statement.fhirText)
                goals.append(reference)
                let met = !goal.objectives.isEmpty && goal.objectives.allSatisfy { $0.status == .met }
                let achievement = met ? ("achieved", "Achieved") : stay.discharge == nil ? ("in-progress", "In Progress") : ("not-achieved", "Not Achieved")
                add(
                    FHIRGoal(
                        id: Self.id(goalName),
                        identifier: [FHIRIdentifier(system: FHIRIdentity.System.planItem, value: "\(planName)/\(goal.id)")],
                        lifecycleStatus: met || stay.discharge != nil ? "completed" : "active",
                        achievementStatus: FHIRConcept(FHIRCoding(system: FHIRTerminology.goalAchievement, code: achievement.0, display: achievement.1)),
                        description: FHIRConcept(text: goal.statement.fhirText ?? goal.id), subject: patient,
                        startDate: Self.date(stay.plan.startedOn),
                        target: goal.objectives.map { .init(measure: FHIRConcept(text: $0.statement.fhirText ?? $0.id), dueDate: Self.date($0.targetDate)) }.nonEmpty,
                        note: [FHIRAnnotation(text: "Problem \(problem.id): \(problem.statement)")]))
                for objective in goal.objectives {
                    activities.append(
                        .init(
                            detail: .init(
                                status: Self.activityStatus(objective.status),
                                description: "\(objective.id) (\(objective.status.title)): \(objective.statement)", goal: [reference],
                                scheduledPeriod: FHIRPeriod(end: Self.date(objective.targetDate)))))
                }
            }
        }
        add(
            FHIRCarePlan(
                id: Self.id("CarePlan/\(planName)"),
                identifier: [FHIRIdentifier(system: FHIRIdentity.System.planItem, value: planName)],
                status: stay.discharge == nil ? "active" : "completed", subject: patient,
                period: FHIRPeriod(start: Self.date(stay.plan.startedOn), end: stay.discharge.map { Self.date($0.date) }),
                author: stay.isCurrent ? practitioner(participant.primaryCounselor) : nil,
                addresses: stay.isCurrent ? diagnoses.nonEmpty : nil, goal: goals.nonEmpty, activity: activities.nonEmpty,
                note: stay.plan.problems.map { FHIRAnnotation(text: "Problem \($0.id): \($0.statement)") }.nonEmpty))
    }

    static func level(_ level: LevelOfCare) -> FHIRCoding {
        FHIRCoding(system: FHIRIdentity.System.levelOfCare, code: level.rawValue, display: level.title)
    }

    /// An objective's status as a care plan activity's.
    static func activityStatus(_ status: ObjectiveStatus) -> String {
        switch status {
        case .notStarted: "not-started"
        case .inProgress: "in-progress"
        case .met: "completed"
        case .discontinued, .notMet: "stopped"
        case .revised: "cancelled"
        }
    }
}
