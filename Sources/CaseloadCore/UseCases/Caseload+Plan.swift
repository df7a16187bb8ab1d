/// One change to a treatment plan.
public enum PlanEdit: Sendable, Equatable {
    case addProblem(String)
    case addGoal(String, toProblem: String)
    case addObjective(String, target: LocalDate, toGoal: String)
    case setStatus(ObjectiveStatus, ofObjective: String)
    /// A review on the date, with the next one due on the given date (30 days on when nil).
    case review(on: LocalDate, nextDue: LocalDate?)
}

/// A plan as saved, with the id of the item the edit added, if it added one.
public struct PlanEdited: Sendable {
    public let participant: Participant
    public let newItemID: String?
}

extension Caseload {
    /// Changes the treatment plan of a participant in care; a review is recorded only for a day
    /// that has come, during the stay.
    public func editPlan(_ id: ParticipantID, _ edit: PlanEdit, by actor: StaffID) throws(CaseloadError) -> Outcome<PlanEdited> {
        try writing { lock throws(CaseloadError) in
            let staff = try permitted(.editPlan, actor)
            var participant = try loadParticipant(id)
            let today = try today()
            let newItemID = try rule { () throws(DomainError) -> String? in
                guard participant.status != .discharged else { throw .participantDischarged(participant.id) }
                switch edit {
                case .addProblem(let statement):
                    return try participant.treatmentPlan.addProblem(statement)
                case .addGoal(let statement, let problem):
                    return try participant.treatmentPlan.addGoal(statement, to: problem)
                case .addObjective(let statement, let target, let goal):
                    return try participant.treatmentPlan.addObjective(statement, targetDate: target, to: goal)
                case .setStatus(let status, let objective):
                    try participant.treatmentPlan.setStatus(status, ofObjective: objective)
                    return nil
                case .review(let date, let next):
                    try participant.checkDuringCurrentStay(date, .planReview, today: today)
                    try participant.treatmentPlan.review(on: date, nextDue: next)
                    return nil
                }
            }
            return try saved(holding: lock, participant, .planEdit, by: staff).map { PlanEdited(participant: $0, newItemID: newItemID) }
        }
    }
}
