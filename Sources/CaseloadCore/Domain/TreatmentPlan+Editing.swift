/// Building and reviewing the plan: ids are stable ("P2", "P2.G1", "P2.G1.O3") so notes and
/// reports can cite an objective, and nothing is ever renumbered.
extension TreatmentPlan {
    /// Adds a problem and returns its id.
    @discardableResult
    public mutating func addProblem(_ statement: String) throws(DomainError) -> String {
        let id = "P\(problems.count + 1)"
        problems.append(Problem(id: id, statement: try requiredText(statement, "The problem statement"), goals: []))
        return id
    }

    /// Adds a goal under `problemID` and returns its id.
    @discardableResult
    public mutating func addGoal(_ statement: String, to problemID: String) throws(DomainError) -> String {
        guard let p = problems.firstIndex(where: { $0.id == problemID }) else { throw .unknownPlanItem(problemID) }
        let id = "\(problemID).G\(problems[p].goals.count + 1)"
        problems[p].goals.append(Goal(id: id, statement: try requiredText(statement, "The goal"), objectives: []))
        return id
    }

    /// Adds a measurable objective under `goalID` and returns its id; its target cannot come
    /// before the plan started.
    @discardableResult
    public mutating func addObjective(_ statement: String, targetDate: LocalDate, to goalID: String)
        throws(DomainError) -> String
    {
        guard let (p, g) = goalIndex(goalID) else { throw .unknownPlanItem(goalID) }
        guard targetDate >= startedOn else { throw .objectiveTargetBeforePlan(targetDate, started: startedOn) }
        let id = "\(goalID).O\(problems[p].goals[g].objectives.count + 1)"
        problems[p].goals[g].objectives.append(
            Objective(id: id, statement: try requiredText(statement, "The objective"), targetDate: targetDate))
        return id
    }

    public mutating func setStatus(_ status: ObjectiveStatus, ofObjective objectiveID: String) throws(DomainError) {
        for p in problems.indices {
            for g in problems[p].goals.indices {
                if let o = problems[p].goals[g].objectives.firstIndex(where: { $0.id == objectiveID }) {
                    problems[p].goals[g].objectives[o].status = status
                    return
                }
            }
        }
        throw .unknownPlanItem(objectiveID)
    }

    /// Records a plan review on `date`; the next is due `nextDue`, 30 days on by default, and
    /// never more than a year on: a plan goes unreviewed no longer than that.
    public mutating func review(on date: LocalDate, nextDue: LocalDate? = nil) throws(DomainError) {
        let next = nextDue ?? date.adding(days: 30)
        guard next > date else { throw .reviewDueBeforeReview(next, reviewed: date) }
        guard !date.isMoreThanAYear(before: next) else { throw .reviewDueTooFar(next, reviewed: date) }
        lastReviewedOn = date
        nextReviewDue = next
    }

    private func goalIndex(_ goalID: String) -> (Int, Int)? {
        for p in problems.indices {
            if let g = problems[p].goals.firstIndex(where: { $0.id == goalID }) { return (p, g) }
        }
        return nil
    }
}
