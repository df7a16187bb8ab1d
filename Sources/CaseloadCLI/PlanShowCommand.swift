import ArgumentParser
import CaseloadCore

extension PlanCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show the plan with its ids, how many notes addressed each objective and when last, and every review.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Participant id.") var participant: String

        /// What `--json` prints: the plan as stored, and the notes that addressed each objective.
        struct Shown: Encodable {
            let participant: ParticipantID
            let plan: TreatmentPlan
            let objectiveNotes: [String: ObjectiveNotes]
            let reviewOverdue: Bool
        }

        func run() throws {
            let acting = try store.open()
            let person = try acting.store.participant(ParticipantID(participant))
            acting.recordAccess(.participantView(person.id))
            let today = try acting.today()
            let plan = person.treatmentPlan
            let sessions = acting.store.sessions(from: plan.startedOn, through: today)
            let notes = plan.noteActivity(of: person.id, in: sessions.records)
            if output.json {
                return try Output.json(Shown(participant: person.id, plan: plan, objectiveNotes: notes,
                                             reviewOverdue: plan.isReviewOverdue(on: today)))
            }
            Output.line("Treatment plan of \(person.id), started \(plan.startedOn)")
            for problem in plan.problems {
                Output.line("\(problem.id)  Problem: \(problem.statement)")
                for goal in problem.goals {
                    Output.line("  \(goal.id)  Goal: \(goal.statement)")
                    for objective in goal.objectives {
                        let touched = notes[objective.id].map { "\($0.count) note\($0.count == 1 ? "" : "s"), last \($0.lastOn)" }
                            ?? "no notes yet"
                        Output.line("    \(objective.id)  [\(objective.status.title)] \(objective.statement) "
                                    + "(target \(objective.targetDate); \(touched))")
                    }
                }
            }
            if plan.problems.isEmpty { Output.line("No problems written yet.") }
            if let due = plan.nextReviewDue {
                Output.line("Next review due \(due)\(plan.isReviewOverdue(on: today) ? " (overdue)" : "")")
            }
            if plan.reviews.isEmpty, let last = plan.lastReviewedOn { Output.line("Last reviewed \(last)") }
            for review in plan.reviews.reversed() {
                Output.line("Reviewed \(review.date) by \(review.by): \(review.note)")
            }
            reportDamage(sessions.damaged)
        }
    }
}
