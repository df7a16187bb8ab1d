/// The treatment plan as it stands today (or at discharge): problems from the diagnoses, goals,
/// objectives with target dates, statuses that follow the stay's trajectory, and 30-day reviews,
/// the latest now and then missed.
enum DemoTreatmentPlans {
    /// The plan and the days it was reviewed. `lapsing`: the counselor is behind on paperwork
    /// and the latest review due was missed.
    static func plan(for stay: DemoStay, hasSupport: Bool, lapsing: Bool, today: LocalDate,
                     random: inout DemoRandom) -> (plan: TreatmentPlan, reviews: [LocalDate])
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
        let missedLatest = stay.exit == nil && reviewsDue > 0 && (lapsing || random.chance(0.1))
        // Reviews fall every 30 days, on the Friday before when that is a weekend.
        let reviews = (0..<(reviewsDue - (missedLatest ? 1 : 0))).map { number in
            let due = stay.admission.adding(days: 30 * (number + 1))
            return due.adding(days: -max(0, due.weekday - 5))
        }
        if let reviewed = reviews.last {
            plan.lastReviewedOn = reviewed
            plan.nextReviewDue = reviewed.adding(days: 30)
        }
        return (plan, reviews)
    }

    /// Objectives past their target are met, revised, or (not met) still in progress during the
    /// stay and discontinued at its end; those of a completed stay are all closed at discharge,
    /// and mostly met.
    private static func status(target: LocalDate, asOf: LocalDate, stay: DemoStay,
                               random: inout DemoRandom) -> ObjectiveStatus
    {
        let completed = stay.exit.map { $0.type == .completed || $0.type == .stepDown } ?? false
        if !completed {
            if stay.admission.days(until: asOf) < 7 { return .notStarted }
            if asOf < target { return random.chance(0.15) ? .notStarted : .inProgress }
        }
        let metChance = switch stay.trajectory.kind {
        case .improving: 0.7
        case .steady: 0.5
        case .volatile: 0.4
        case .worsening: 0.2
        }
        if random.chance(metChance + (completed ? 0.25 : 0)) { return .met }
        return random.chance(0.3) ? .revised : stay.exit == nil ? .inProgress : .discontinued
    }
}
