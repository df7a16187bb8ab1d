import Testing

@testable import CaseloadCore

@Suite("Treatment plan editing")
struct TreatmentPlanTests {
    @Test("Problems, goals and objectives get stable ids and statuses")
    func building() throws {
        var plan = TreatmentPlan(startedOn: Fixture.date("2026-11-02"))
        #expect(try plan.addProblem("Alcohol use with loss of control") == "P1")
        #expect(try plan.addProblem("Panic attacks at work") == "P2")
        #expect(try plan.addGoal("Maintain abstinence", to: "P1") == "P1.G1")
        #expect(try plan.addObjective(
            "Attends 3 mutual-support meetings a week", targetDate: Fixture.date("2026-12-31"), to: "P1.G1") == "P1.G1.O1")
        try plan.setStatus(.inProgress, ofObjective: "P1.G1.O1")
        #expect(plan.objectives.map(\.status) == [.inProgress])
        #expect(plan.problems[1].goals.isEmpty)
    }

    @Test("Unknown ids and empty statements are refused")
    func refusals() throws {
        var plan = TreatmentPlan(startedOn: Fixture.date("2026-11-02"))
        #expect(throws: DomainError.unknownPlanItem("P9")) { try plan.addGoal("Goal", to: "P9") }
        #expect(throws: DomainError.emptyField("The problem statement")) { try plan.addProblem("  ") }
        try plan.addProblem("Problem")
        #expect(throws: DomainError.unknownPlanItem("P1.G4")) {
            try plan.addObjective("Objective", targetDate: Fixture.date("2026-12-01"), to: "P1.G4")
        }
        #expect(throws: DomainError.unknownPlanItem("P1.G1.O1")) { try plan.setStatus(.met, ofObjective: "P1.G1.O1") }
    }

    @Test("A review sets the next due date, 30 days on unless given")
    func review() throws {
        var plan = TreatmentPlan(startedOn: Fixture.date("2026-11-02"))
        #expect(plan.nextReviewDue == Fixture.date("2026-12-02"))
        try plan.review(on: Fixture.date("2026-11-20"), note: "Reviewed with the participant.", by: "mgarcia", everyDays: 30)
        #expect(plan.lastReviewedOn == Fixture.date("2026-11-20"))
        #expect(plan.nextReviewDue == Fixture.date("2026-12-20"))
        #expect(!plan.isReviewOverdue(on: Fixture.date("2026-12-20")))
        #expect(plan.isReviewOverdue(on: Fixture.date("2026-12-21")))
        #expect(throws: DomainError.reviewDueBeforeReview(Fixture.date("2026-11-19"), reviewed: Fixture.date("2026-11-20"))) {
            try plan.review(on: Fixture.date("2026-11-20"), note: "Reviewed.", by: "mgarcia", everyDays: 30,
                            nextDue: Fixture.date("2026-11-19"))
        }
    }
}
