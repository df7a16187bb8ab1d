/// One change to a treatment plan.
public enum PlanEdit: Sendable, Equatable {
    case addProblem(String)
    case addGoal(String, toProblem: String)
    case addObjective(String, target: LocalDate, toGoal: String)
    /// Rewrites a problem's, goal's or objective's statement; `target` moves an objective's
    /// target date (nil leaves it).
    case edit(String, statement: String, target: LocalDate?)
    case setStatus(ObjectiveStatus, ofObjective: String)
    /// A review on the date with what was concluded; the next one is due on the given date, or
    /// the program's interval on (`ProgramSettings.planReviewDays`) when nil.
    case review(on: LocalDate, note: String, nextDue: LocalDate?)
}

/// A plan as saved, with the id of the item the edit added, if it added one.
public struct PlanEdited: Sendable {
    public let participant: Participant
    public let newItemID: String?
}

extension Caseload {
    /// Changes the treatment plan of a participant in care; a review is recorded only for a day
    /// that has come, during the stay, by the acting staff member, and kept in the plan's history.
    ///
    /// `line` is the line as the user saw it before changing it: when someone else has changed it
    /// since, nothing is saved, so one person's edit never silently replaces another's.
    public func editPlan(
        _ id: ParticipantID, _ edit: PlanEdit, expecting line: PlanItem? = nil, by actor: StaffID
    ) throws(CaseloadError) -> Outcome<PlanEdited> {
        try writing { lock throws(CaseloadError) in
            let staff = try permitted(.editPlan, actor)
            var participant = try loadParticipant(id)
            let today = try today()
            let reviewEvery = try program().planReviewDays
            let newItemID = try rule { () throws(DomainError) -> String? in
                guard participant.status != .discharged else { throw .participantDischarged(participant.id) }
                if let line, let now = participant.treatmentPlan.item(line.id), !now.isSameLine(as: line) {
                    throw .planLineChangedSince(line.id, by: participant.revision.updatedBy)
                }
                switch edit {
                case .addProblem(let statement):
                    return try participant.treatmentPlan.addProblem(statement)
                case .addGoal(let statement, let problem):
                    return try participant.treatmentPlan.addGoal(statement, to: problem)
                case .addObjective(let statement, let target, let goal):
                    return try participant.treatmentPlan.addObjective(statement, targetDate: target, to: goal)
                case .edit(let item, let statement, let target):
                    try participant.treatmentPlan.edit(item, statement: statement, target: target)
                    return nil
                case .setStatus(let status, let objective):
                    try participant.treatmentPlan.setStatus(status, ofObjective: objective)
                    return nil
                case .review(let date, let note, let next):
                    try participant.checkDuringCurrentStay(date, .planReview, today: today)
                    try participant.treatmentPlan.review(
                        on: date, note: note, by: staff.id, everyDays: reviewEvery, nextDue: next)
                    return nil
                }
            }
            return try saved(holding: lock, participant, .planEdit, by: staff).map { PlanEdited(participant: $0, newItemID: newItemID) }
        }
    }
}
