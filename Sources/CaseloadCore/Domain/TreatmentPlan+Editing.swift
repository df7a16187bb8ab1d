/// Building and reviewing the plan: ids are stable ("P2", "P2.G1", "P2.G1.O3") so notes and
/// reports can cite an objective, and nothing is ever renumbered.
extension TreatmentPlan {
    /// A plan line is a sentence or two: the limit keeps a pasted document out of the plan.
    public static let statementLimit = 1_000
    /// An objective is met, revised or dropped well within two years of the plan's start.
    public static let targetHorizonDays = 730

    /// The statement as written, refused when blank or longer than a plan line.
    private static func statement(_ text: String, _ field: String) throws(DomainError) -> String {
        let text = try requiredText(text, field)
        guard text.unicodeScalars.count <= statementLimit else { throw .textTooLong(field, limit: statementLimit) }
        return text
    }

    /// Refuses a target before the plan started or past the horizon.
    private func checkTarget(_ target: LocalDate) throws(DomainError) {
        guard target >= startedOn else { throw .objectiveTargetBeforePlan(target, started: startedOn) }
        let latest = startedOn.adding(days: Self.targetHorizonDays)
        guard target <= latest else { throw .objectiveTargetTooFar(target, latest: latest) }
    }

    /// Adds a problem and returns its id.
    @discardableResult
    public mutating func addProblem(_ statement: String) throws(DomainError) -> String {
        let id = "P\(problems.count + 1)"
        problems.append(Problem(id: id, statement: try Self.statement(statement, "The problem statement"), goals: []))
        return id
    }

    /// Adds a goal under `problemID` and returns its id.
    @discardableResult
    public mutating func addGoal(_ statement: String, to problemID: String) throws(DomainError) -> String {
        guard let p = problems.firstIndex(where: { $0.id == problemID }) else { throw .unknownPlanItem(problemID) }
        let id = "\(problemID).G\(problems[p].goals.count + 1)"
        problems[p].goals.append(Goal(id: id, statement: try Self.statement(statement, "The goal"), objectives: []))
        return id
    }

    /// Adds a measurable objective under `goalID` and returns its id; its target cannot come
    /// before the plan started.
    @discardableResult
    public mutating func addObjective(_ statement: String, targetDate: LocalDate, to goalID: String)
        throws(DomainError) -> String
    {
        guard let (p, g) = goalIndex(goalID) else { throw .unknownPlanItem(goalID) }
        try checkTarget(targetDate)
        let id = "\(goalID).O\(problems[p].goals[g].objectives.count + 1)"
        problems[p].goals[g].objectives.append(
            Objective(id: id, statement: try Self.statement(statement, "The objective"), targetDate: targetDate))
        return id
    }

    /// Rewrites the statement of a problem, goal or objective, and for an objective its target
    /// date (nil leaves it); refused when nothing would change, and a target date on a problem or
    /// goal, which have none.
    public mutating func edit(_ itemID: String, statement: String, target: LocalDate? = nil) throws(DomainError) {
        let text = try Self.statement(statement, Self.fieldName(of: itemID))
        if let (p, g, o) = objectiveIndex(itemID) {
            var objective = problems[p].goals[g].objectives[o]
            if let target {
                try checkTarget(target)
                objective.targetDate = target
            }
            objective.statement = text
            guard objective != problems[p].goals[g].objectives[o] else { throw .nothingToChange }
            problems[p].goals[g].objectives[o] = objective
            return
        }
        guard target == nil else { throw .targetOnlyForObjectives(itemID) }
        if let (p, g) = goalIndex(itemID) {
            guard problems[p].goals[g].statement != text else { throw .nothingToChange }
            problems[p].goals[g].statement = text
        } else if let p = problems.firstIndex(where: { $0.id == itemID }) {
            guard problems[p].statement != text else { throw .nothingToChange }
            problems[p].statement = text
        } else {
            throw .unknownPlanItem(itemID)
        }
    }

    /// Sets an objective's status to one of `ObjectiveStatus.choices`; the status it already has
    /// is refused as changing nothing.
    public mutating func setStatus(_ status: ObjectiveStatus, ofObjective objectiveID: String) throws(DomainError) {
        guard ObjectiveStatus.choices.contains(status) else { throw .objectiveStatusRetired(status) }
        guard let (p, g, o) = objectiveIndex(objectiveID) else { throw .unknownPlanItem(objectiveID) }
        guard problems[p].goals[g].objectives[o].status != status else { throw .nothingToChange }
        problems[p].goals[g].objectives[o].status = status
    }

    /// Records a plan review on `date` by `staff`, with what was concluded, and keeps it in the
    /// plan's history. The next is due `nextDue`, or `everyDays` on (the program's setting); never
    /// on or before the review, nor more than a year on: a plan goes unreviewed no longer than
    /// that. Reviews are recorded in order: one dated before the latest is refused.
    public mutating func review(
        on date: LocalDate, note: String, by staff: StaffID, everyDays: Int, nextDue: LocalDate? = nil
    ) throws(DomainError) {
        let note = try requiredText(note, "The review note", .multiLine)
        try checkNoteTextLength(note, "The review note")
        if let latest = lastReviewedOn, date < latest { throw .reviewBeforeLatest(date, latest: latest) }
        let next = nextDue ?? date.adding(days: everyDays)
        guard next > date else { throw .reviewDueBeforeReview(next, reviewed: date) }
        guard !date.isMoreThanAYear(before: next) else { throw .reviewDueTooFar(next, reviewed: date) }
        lastReviewedOn = date
        nextReviewDue = next
        reviews.append(PlanReview(date: date, note: note, by: staff, nextDue: next))
    }

    /// The first review of a new plan falls `days` after it starts (the program's setting).
    public mutating func scheduleFirstReview(everyDays days: Int) {
        nextReviewDue = startedOn.adding(days: days)
    }

    /// The item `id` names, for a form to show what it edits.
    public func item(_ id: String) -> PlanItem? {
        if let (p, g, o) = objectiveIndex(id) { return .objective(problems[p].goals[g].objectives[o]) }
        if let (p, g) = goalIndex(id) { return .goal(problems[p].goals[g]) }
        return problems.first { $0.id == id }.map(PlanItem.problem)
    }

    /// "The problem statement", "The goal", "The objective": how a refusal names the field.
    static func fieldName(of itemID: String) -> String {
        switch itemID.split(separator: ".").count {
        case 1: "The problem statement"
        case 2: "The goal"
        default: "The objective"
        }
    }

    private func objectiveIndex(_ objectiveID: String) -> (Int, Int, Int)? {
        for p in problems.indices {
            for g in problems[p].goals.indices {
                if let o = problems[p].goals[g].objectives.firstIndex(where: { $0.id == objectiveID }) { return (p, g, o) }
            }
        }
        return nil
    }

    private func goalIndex(_ goalID: String) -> (Int, Int)? {
        for p in problems.indices {
            if let g = problems[p].goals.firstIndex(where: { $0.id == goalID }) { return (p, g) }
        }
        return nil
    }
}

/// One line of a plan: a problem, a goal or an objective.
public enum PlanItem: Sendable, Equatable {
    case problem(Problem)
    case goal(Goal)
    case objective(Objective)

    public var id: String {
        switch self {
        case .problem(let problem): problem.id
        case .goal(let goal): goal.id
        case .objective(let objective): objective.id
        }
    }

    public var statement: String {
        switch self {
        case .problem(let problem): problem.statement
        case .goal(let goal): goal.statement
        case .objective(let objective): objective.statement
        }
    }

    /// The same line as written: its words, and an objective's target and status; what lies
    /// under a problem or goal is a line of its own.
    public func isSameLine(as other: PlanItem) -> Bool {
        switch (self, other) {
        case (.objective(let mine), .objective(let theirs)): mine == theirs
        default: id == other.id && statement == other.statement
        }
    }
}
