/// The treatment plan as it stands today (or at discharge): problems from the diagnoses, goals,
/// objectives with target dates, statuses that follow the stay's trajectory, and 30-day reviews,
/// the latest occasionally missed so the console has an overdue review to show.
enum DemoTreatmentPlans {
    static func plan(for stay: DemoStay, hasSupport: Bool, today: LocalDate,
                     random: inout DemoRandom) -> TreatmentPlan
    {
        var templates: [DemoProblemTemplate] = []
        if stay.substance != nil { templates.append(.substance) }
        if let focus = stay.disorder?.focus { templates.append(DemoProblemTemplate.byFocus[focus]!) }
        if hasSupport, random.chance(0.35) { templates.append(.family) }

        let asOf = stay.exit?.date ?? today
        let substance = stay.substance?.name ?? ""
        let problems = templates.enumerated().map { problemIndex, template in
            let problemID = "P\(problemIndex + 1)"
            let goals = template.goals.prefix(random.int(1...template.goals.count)).enumerated()
                .map { goalIndex, goal in
                    let goalID = "\(problemID).G\(goalIndex + 1)"
                    let chosen = random.sample(goal.objectives, count: random.int(1...goal.objectives.count))
                    let objectives = chosen.enumerated().map { objectiveIndex, statement in
                        let target = stay.admission.adding(days: random.pick([30, 45, 60, 90]))
                        return Objective(
                            id: "\(goalID).O\(objectiveIndex + 1)",
                            statement: statement.fill { _ in substance }, targetDate: target,
                            status: status(target: target, asOf: asOf, stay: stay, random: &random))
                    }
                    return Goal(id: goalID, statement: goal.statement.fill { _ in substance },
                                objectives: objectives)
                }
            return Problem(id: problemID, statement: template.statement.fill { _ in substance },
                           goals: goals)
        }

        var plan = TreatmentPlan(startedOn: stay.admission, problems: problems)
        let reviewsDue = max(0, stay.admission.days(until: min(asOf, today.adding(days: -1))) / 30)
        let missedLatest = stay.exit == nil && reviewsDue > 0 && random.chance(0.15)
        let reviews = reviewsDue - (missedLatest ? 1 : 0)
        if reviews > 0 {
            let reviewed = stay.admission.adding(days: 30 * reviews)
            plan.lastReviewedOn = reviewed
            plan.nextReviewDue = reviewed.adding(days: 30)
        }
        return plan
    }

    private static func status(target: LocalDate, asOf: LocalDate, stay: DemoStay,
                               random: inout DemoRandom) -> ObjectiveStatus
    {
        if stay.admission.days(until: asOf) < 7 { return .notStarted }
        if asOf < target { return random.chance(0.15) ? .notStarted : .inProgress }
        let metChance = switch stay.trajectory.kind {
        case .improving: 0.8
        case .steady: 0.5
        case .volatile: 0.4
        case .worsening: 0.2
        }
        if random.chance(metChance) { return .met }
        return random.chance(0.3) ? .revised : .notMet
    }
}
