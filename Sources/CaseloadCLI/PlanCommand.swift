import ArgumentParser
import CaseloadCore
import Foundation

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Build and review a participant's treatment plan: problems, goals, measurable objectives.",
        discussion: """
            Items have stable ids: problems P1, goals P1.G1, objectives P1.G1.O1.
              caseload plan add-problem P-0007 "Alcohol use with loss of control"
              caseload plan add-goal P-0007 P1 "Maintain abstinence"
              caseload plan add-objective P-0007 P1.G1 "Attends 3 mutual-support meetings a week" --target 2026-12-31
              caseload plan status P-0007 P1.G1.O1 met
              caseload plan review P-0007
            """,
        subcommands: [AddProblem.self, AddGoal.self, AddObjective.self, Status.self, Review.self])

    /// Loads the participant, applies `change` to their plan, saves, and prints what changed.
    static func edit(
        _ store: StoreOptions, _ participantID: String,
        _ change: (inout TreatmentPlan, LocalDate) throws -> String
    ) throws {
        let acting = try store.open()
            let (caseload, staff) = (acting.store, acting.staff)
        var participant = try caseload.participant(ParticipantID(participantID))
        guard participant.status != .discharged else { throw DomainError.participantDischarged(participant.id) }
        let message = try change(&participant.treatmentPlan, try acting.today())
        try caseload.save(participant, action: .participantEdit, by: staff.id)
        Output.line(message)
    }

    struct AddProblem: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a problem; prints its id.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var participant: String
        @Argument(help: "The problem, in the participant's terms.") var statement: String

        func run() throws {
            try PlanCommand.edit(store, participant) { plan, _ in try plan.addProblem(statement) }
        }
    }

    struct AddGoal: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a goal under a problem; prints its id.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var participant: String
        @Argument(help: "The problem's id, e.g. P1.") var problem: String
        @Argument(help: "The goal.") var statement: String

        func run() throws {
            try PlanCommand.edit(store, participant) { plan, _ in try plan.addGoal(statement, to: problem) }
        }
    }

    struct AddObjective: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a measurable objective under a goal; prints its id.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var participant: String
        @Argument(help: "The goal's id, e.g. P1.G1.") var goal: String
        @Argument(help: "The objective, written so it can be measured.") var statement: String
        @Option(help: "Target date, YYYY-MM-DD.") var target: String

        func run() throws {
            try PlanCommand.edit(store, participant) { plan, today in
                try plan.addObjective(statement, targetDate: try parseDate(target, today: today), to: goal)
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set an objective's status: not-started, in-progress, met, not-met or revised.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var participant: String
        @Argument(help: "The objective's id, e.g. P1.G1.O1.") var objective: String
        @Argument(help: "The new status.") var status: ObjectiveStatus

        func run() throws {
            try PlanCommand.edit(store, participant) { plan, _ in
                try plan.setStatus(status, ofObjective: objective)
                return "\(objective): \(status.title)."
            }
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a plan review and when the next is due.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var participant: String
        @Option(help: "Date of the review (default today).") var date = "today"
        @Option(help: "When the next review is due (default 30 days on).") var next: String?

        func run() throws {
            try PlanCommand.edit(store, participant) { plan, today in
                let reviewed = try parseDate(date, today: today)
                try plan.review(on: reviewed, nextDue: try next.map { try parseDate($0, today: today) })
                return "Plan reviewed on \(reviewed); next review due \(plan.nextReviewDue!)."
            }
        }
    }
}

extension ObjectiveStatus: ExpressibleByArgument {}
