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
              caseload plan edit P-0007 P1.G1.O1 "Attends 4 mutual-support meetings a week" --target 2027-01-15
              caseload plan status P-0007 P1.G1.O1 met
              caseload plan review P-0007 --note "Reviewed with the participant; objectives kept."
              caseload plan show P-0007
            """,
        subcommands: [Show.self, AddProblem.self, AddGoal.self, AddObjective.self, Edit.self, Status.self, Review.self])

    /// Applies one edit through the core and returns what it saved.
    static func edit(_ store: StoreOptions, _ participantID: String, _ edit: (LocalDate) throws -> PlanEdit) throws -> PlanEdited {
        let acting = try store.open()
        let outcome = try acting.caseload.editPlan(
            ParticipantID(participantID), try edit(try acting.today()), by: acting.staff.id)
        defer { Output.warnings(outcome.warnings) }
        return outcome.record
    }

    struct AddProblem: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-problem", abstract: "Add a problem; prints its id.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var participant: String
        @Argument(help: "The problem, in the participant's terms.") var statement: String

        func run() throws {
            Output.line(try PlanCommand.edit(store, participant) { _ in .addProblem(statement) }.newItemID ?? "")
        }
    }

    struct AddGoal: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-goal", abstract: "Add a goal under a problem; prints its id.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var participant: String
        @Argument(help: "The problem's id, e.g. P1.") var problem: String
        @Argument(help: "The goal.") var statement: String

        func run() throws {
            Output.line(try PlanCommand.edit(store, participant) { _ in .addGoal(statement, toProblem: problem) }.newItemID ?? "")
        }
    }

    struct AddObjective: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-objective", abstract: "Add a measurable objective under a goal; prints its id.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var participant: String
        @Argument(help: "The goal's id, e.g. P1.G1.") var goal: String
        @Argument(help: "The objective, written so it can be measured.") var statement: String
        @Option(help: "Target date, YYYY-MM-DD.") var target: String

        func run() throws {
            let edited = try PlanCommand.edit(store, participant) { today in
                .addObjective(statement, target: try parseDate(target, today: today), toGoal: goal)
            }
            Output.line(edited.newItemID ?? "")
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Rewrite a problem, goal or objective; --target moves an objective's target date.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var participant: String
        @Argument(help: "The item's id: P1, P1.G1 or P1.G1.O1.") var item: String
        @Argument(help: "The statement as it should now read.") var statement: String
        @Option(help: "An objective's new target date, YYYY-MM-DD.") var target: String?

        func run() throws {
            _ = try PlanCommand.edit(store, participant) { today in
                .edit(item, statement: statement, target: try target.map { try parseDate($0, today: today) })
            }
            Output.line("\(item) saved.")
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Set an objective's status: "
                + ObjectiveStatus.choices.map(\.rawValue).joined(separator: ", ") + ".")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var participant: String
        @Argument(help: "The objective's id, e.g. P1.G1.O1.") var objective: String
        @Argument(help: "The new status.") var status: ObjectiveStatus

        func run() throws {
            _ = try PlanCommand.edit(store, participant) { _ in .setStatus(status, ofObjective: objective) }
            Output.line("\(objective): \(status.title).")
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "Record a plan review, what it concluded, and when the next is due.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var participant: String
        @Option(help: "Date of the review (default today).") var date = "today"
        @Option(help: "What the review concluded.") var note: String
        @Option(help: "When the next review is due (default: the program's interval on, `caseload settings show`).")
        var next: String?

        func run() throws {
            let plan = try PlanCommand.edit(store, participant) { today in
                .review(on: try parseDate(date, today: today), note: note,
                        nextDue: try next.map { try parseDate($0, today: today) })
            }.participant.treatmentPlan
            Output.line("Plan reviewed on \(plan.lastReviewedOn!); next review due \(plan.nextReviewDue!).")
        }
    }
}

extension ObjectiveStatus: ExpressibleByArgument {
    /// Only the statuses an objective can be given; "not-met" is read from older plans, never set.
    public init?(argument: String) {
        guard let status = ObjectiveStatus(rawValue: argument), Self.choices.contains(status) else { return nil }
        self = status
    }

    public static var allValueStrings: [String] { choices.map(\.rawValue) }
}
