import Foundation
import Testing

@testable import CaseloadCore

/// Editing a plan's lines, objective statuses and reviews through `editPlan`, at each rule's edges.
@Suite("Treatment plan: edits, statuses and reviews")
struct PlanEditingTests {
    typealias World = LifecycleCaseload

    /// A plan with P1, P1.G1 and P1.G1.O1 (target 2026-12-15), for mgarcia's participant.
    static func world() throws -> World {
        let world = try World()
        for edit: PlanEdit in [
            .addProblem("Alcohol use"), .addGoal("Abstinence", toProblem: "P1"),
            .addObjective("Attends 3 meetings a week", target: World.date("2026-12-15"), toGoal: "P1.G1"),
        ] {
            _ = try world.caseload.editPlan(world.participant, edit, by: World.counselor)
        }
        return world
    }

    static func plan(_ world: World) throws -> TreatmentPlan {
        try world.store.participant(world.participant).treatmentPlan
    }

    static let edits: [(String, PlanEdit, DomainError?)] = [
        ("a problem reworded", .edit("P1", statement: "Alcohol use with loss of control", target: nil), nil),
        ("a goal reworded", .edit("P1.G1", statement: "Maintain abstinence", target: nil), nil),
        ("an objective reworded", .edit("P1.G1.O1", statement: "Attends 4 meetings a week", target: nil), nil),
        ("an objective's target moved", .edit("P1.G1.O1", statement: "Attends 3 meetings a week", target: World.date("2027-01-10")), nil),
        ("a target on the day the plan started", .edit("P1.G1.O1", statement: "Attends 3 meetings a week", target: World.date("2026-11-02")), nil),
        ("a target the day before the plan started",
         .edit("P1.G1.O1", statement: "Attends 3 meetings a week", target: World.date("2026-11-01")),
         .objectiveTargetBeforePlan(World.date("2026-11-01"), started: World.date("2026-11-02"))),
        ("a target two years after the plan started",
         .edit("P1.G1.O1", statement: "Attends 3 meetings a week", target: World.date("2028-11-01")), nil),
        ("a target a day later",
         .edit("P1.G1.O1", statement: "Attends 3 meetings a week", target: World.date("2028-11-02")),
         .objectiveTargetTooFar(World.date("2028-11-02"), latest: World.date("2028-11-01"))),
        ("a statement of 1,000 letters", .edit("P1.G1", statement: String(repeating: "a", count: 1_000), target: nil), nil),
        ("a statement of 1,001", .edit("P1.G1", statement: String(repeating: "a", count: 1_001), target: nil),
         .textTooLong("The goal", limit: 1_000)),
        ("an objective of accents alone", .edit("P1.G1.O1", statement: "\u{301}\u{301}", target: nil), .emptyField("The objective")),
        ("a target on a goal", .edit("P1.G1", statement: "Abstinence", target: World.date("2026-12-01")), .targetOnlyForObjectives("P1.G1")),
        ("a problem as it was", .edit("P1", statement: "Alcohol use", target: nil), .nothingToChange),
        ("an objective as it was, spaces aside", .edit("P1.G1.O1", statement: " Attends 3 meetings a week ", target: World.date("2026-12-15")),
         .nothingToChange),
        ("an empty objective", .edit("P1.G1.O1", statement: "  ", target: nil), .emptyField("The objective")),
        ("an empty goal", .edit("P1.G1", statement: "", target: nil), .emptyField("The goal")),
        ("an item not in the plan", .edit("P1.G2", statement: "Sleep", target: nil), .unknownPlanItem("P1.G2")),
        ("a status each objective can have", .setStatus(.discontinued, ofObjective: "P1.G1.O1"), nil),
        ("the status it has", .setStatus(.notStarted, ofObjective: "P1.G1.O1"), .nothingToChange),
        ("the retired status", .setStatus(.notMet, ofObjective: "P1.G1.O1"), .objectiveStatusRetired(.notMet)),
        ("a status on a goal", .setStatus(.met, ofObjective: "P1.G1"), .unknownPlanItem("P1.G1")),
    ]

    @Test("editing a line", arguments: edits)
    func editing(_ label: String, edit: PlanEdit, expected: DomainError?) throws {
        let world = try Self.world()
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.editPlan(world.participant, edit, by: World.counselor)
        }
        #expect(error == expected.map(CaseloadError.refused), "\(label)")
    }

    @Test("An edit of a line someone changed since it was shown is refused; one of another line is not")
    func staleLine() throws {
        let world = try Self.world()
        let shown = try #require(try Self.plan(world).item("P1.G1.O1"))
        _ = try world.caseload.editPlan(
            world.participant, .edit("P1.G1.O1", statement: "Attends 4 meetings a week", target: nil), by: World.supervisor)
        let stale = refusal { () throws(CaseloadError) in
            _ = try world.caseload.editPlan(
                world.participant, .setStatus(.met, ofObjective: "P1.G1.O1"), expecting: shown, by: World.counselor)
        }
        #expect(stale == .refused(.planLineChangedSince("P1.G1.O1", by: World.supervisor)))
        #expect(try Self.plan(world).item("P1.G1.O1")?.statement == "Attends 4 meetings a week")
        // The problem above it is a line of its own: a change under it is no conflict.
        let problem = try #require(try Self.plan(world).item("P1"))
        _ = try world.caseload.editPlan(world.participant, .addGoal("Sleep", toProblem: "P1"), by: World.supervisor)
        _ = try world.caseload.editPlan(
            world.participant, .edit("P1", statement: "Alcohol use disorder", target: nil), expecting: problem, by: World.counselor)
    }

    @Test("An edit saves the new wording and target; the id stays")
    func editSaved() throws {
        let world = try Self.world()
        _ = try world.caseload.editPlan(
            world.participant, .edit("P1.G1.O1", statement: " Attends 4 meetings a week", target: World.date("2027-01-10")),
            by: World.counselor)
        let objective = try Self.plan(world).objectives[0]
        #expect(objective == Objective(id: "P1.G1.O1", statement: "Attends 4 meetings a week", targetDate: World.date("2027-01-10")))
    }

    @Test("Every status a form offers can be set, in order, and each is saved")
    func statuses() throws {
        let world = try Self.world()
        #expect(ObjectiveStatus.choices.map(\.title) == ["Not started", "In progress", "Met", "Revised", "Discontinued"])
        for status in ObjectiveStatus.choices.dropFirst() {
            _ = try world.caseload.editPlan(world.participant, .setStatus(status, ofObjective: "P1.G1.O1"), by: World.counselor)
            #expect(try Self.plan(world).objectives[0].status == status)
        }
        #expect(ObjectiveStatus.choices.filter(\.isOpen) == [.notStarted, .inProgress])
    }

    @Test("An administrator cannot edit the plan")
    func administrator() throws {
        let world = try Self.world()
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.editPlan(world.participant, .edit("P1", statement: "Sleep", target: nil), by: World.admin)
        }
        #expect(error != nil)
        #expect(try Self.plan(world).problems[0].statement == "Alcohol use")
    }

    @Test("A review keeps its date, note and reviewer in the plan's history")
    func reviewHistory() throws {
        let world = try Self.world()
        _ = try world.caseload.editPlan(
            world.participant, .review(on: World.date("2026-11-16"), note: "Steady progress.", nextDue: nil), by: World.counselor)
        _ = try world.caseload.editPlan(
            world.participant, .review(on: World.today, note: "Objectives kept.\nAttendance discussed.", nextDue: nil),
            by: World.supervisor)
        let plan = try Self.plan(world)
        #expect(plan.reviews == [
            PlanReview(date: World.date("2026-11-16"), note: "Steady progress.", by: World.counselor, nextDue: World.date("2026-12-16")),
            PlanReview(date: World.today, note: "Objectives kept.\nAttendance discussed.", by: World.supervisor,
                       nextDue: World.date("2026-12-23")),
        ])
        #expect(plan.lastReviewedOn == World.today)
        #expect(plan.nextReviewDue == World.date("2026-12-23"))
    }

    static let reviews: [(String, String, String, DomainError?)] = [
        ("on the day of the latest review", "2026-11-16", "Reviewed again.", nil),
        ("the day before the latest review", "2026-11-15", "Reviewed.",
         .reviewBeforeLatest(World.date("2026-11-15"), latest: World.date("2026-11-16"))),
        ("without a note", "2026-11-20", " \n ", .emptyField("The review note")),
        ("with a control character in the note", "2026-11-20", "Reviewed\u{1B}[2J", .controlCharacter("The review note", .multiLine)),
    ]

    @Test("a second review", arguments: reviews)
    func secondReview(_ label: String, day: String, note: String, expected: DomainError?) throws {
        let world = try Self.world()
        _ = try world.caseload.editPlan(
            world.participant, .review(on: World.date("2026-11-16"), note: "Steady progress.", nextDue: nil), by: World.counselor)
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.editPlan(world.participant, .review(on: World.date(day), note: note, nextDue: nil), by: World.counselor)
        }
        #expect(error == expected.map(CaseloadError.refused), "\(label)")
        #expect(try Self.plan(world).reviews.count == (expected == nil ? 2 : 1), "\(label)")
    }

    @Test("The program's interval sets when reviews fall due, from admission and after each review")
    func interval() throws {
        let world = try World()
        #expect(try world.caseload.program().planReviewDays == 30)
        #expect(try Self.plan(world).nextReviewDue == World.date("2026-12-02"))
        _ = try world.caseload.changeSettings(SettingsChange(planReviewDays: 14), by: World.admin)
        // A due date already set stays; the next review counts the new interval.
        #expect(try Self.plan(world).nextReviewDue == World.date("2026-12-02"))
        _ = try world.caseload.editPlan(world.participant, .review(on: World.today, note: "Reviewed.", nextDue: nil), by: World.counselor)
        #expect(try Self.plan(world).nextReviewDue == World.date("2026-12-07"))
        let admitted = try world.caseload.admit(World.admission(first: "Ana", admitted: "2026-11-20"), by: World.counselor)
        #expect(admitted.record.treatmentPlan.nextReviewDue == World.date("2026-12-04"))
    }

    @Test("A readmission's new plan falls due the program's interval after it")
    func readmission() throws {
        let world = try World()
        _ = try world.caseload.changeSettings(SettingsChange(planReviewDays: 7), by: World.admin)
        let id = try world.discharged()
        let readmitted = try world.caseload.readmit(id, on: World.date("2026-11-22"), to: .op, reason: "Relapse", by: World.counselor)
        #expect(readmitted.record.treatmentPlan.nextReviewDue == World.date("2026-11-29"))
    }

    static let intervals: [(Int, DomainError?)] = [
        (0, .planReviewIntervalOutOfRange(0)), (1, nil), (365, nil), (366, .planReviewIntervalOutOfRange(366)),
    ]

    @Test("Plan reviews fall every 1 to 365 days", arguments: intervals)
    func intervalRange(days: Int, expected: DomainError?) throws {
        let world = try World()
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.changeSettings(SettingsChange(planReviewDays: days), by: World.admin)
        }
        #expect(error == expected.map(CaseloadError.refused))
    }

    @Test("A review is overdue from the day after it was due, not on the day")
    func overdue() throws {
        let plan = try Self.plan(try World())
        #expect(!plan.isReviewOverdue(on: World.date("2026-12-02")))
        #expect(plan.isReviewOverdue(on: World.date("2026-12-03")))
    }
}
