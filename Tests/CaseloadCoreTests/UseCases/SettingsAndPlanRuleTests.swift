import Testing

@testable import CaseloadCore

@Suite("Program settings and the treatment plan")
struct SettingsAndPlanRuleTests {
    static let changes: [(String, SettingsChange, DomainError?)] = [
        ("a real time zone", SettingsChange(timeZoneIdentifier: "America/New_York"), nil),
        ("hours, cadence and due window", SettingsChange(requiredHours: [.iop: 12, .aftercare: 0], checkInCadenceDays: 1, noteDueHours: 1), nil),
        ("a new topic", SettingsChange(addTopics: ["Sleep hygiene"]), nil),
        ("a topic removed", SettingsChange(removeTopics: ["grief and loss"]), nil),
        ("an unknown time zone", SettingsChange(timeZoneIdentifier: "Mars/Olympus"), .unknownTimeZone("Mars/Olympus")),
        ("check-ins every 0 days", SettingsChange(checkInCadenceDays: 0), .checkInCadenceOutOfRange(0)),
        ("check-ins every 366 days", SettingsChange(checkInCadenceDays: 366), .checkInCadenceOutOfRange(366)),
        ("notes due in 0 hours", SettingsChange(noteDueHours: 0), .noteDueWindowOutOfRange(0)),
        ("notes due in 721 hours", SettingsChange(noteDueHours: 721), .noteDueWindowOutOfRange(721)),
        ("negative hours", SettingsChange(requiredHours: [.op: -1]), .weeklyHoursOutOfRange(.op, -1)),
        ("more hours than a week has", SettingsChange(requiredHours: [.iop: 169]), .weeklyHoursOutOfRange(.iop, 169)),
        ("a week's every hour", SettingsChange(requiredHours: [.php: 168]), nil),
        ("a new name", SettingsChange(name: "Lakeside Recovery"), nil),
        ("an empty name", SettingsChange(name: "  "), .emptyField("The program's name")),
        ("nothing at all", SettingsChange(), .nothingToChange),
        ("an empty topic", SettingsChange(addTopics: ["  "]), .emptyField("A topic name")),
        ("a topic twice", SettingsChange(addTopics: ["coping skills"]), .duplicateTopic("coping skills")),
        ("a topic twice with other spacing", SettingsChange(addTopics: ["Coping   Skills "]), .duplicateTopic("Coping   Skills")),
        ("a topic twice, split and full-width", SettingsChange(addTopics: ["Ｍind fulness"]), .duplicateTopic("Ｍind fulness")),
        ("a topic over two lines", SettingsChange(addTopics: ["Sleep\nhygiene"]), .controlCharacter("A topic name", .oneLine)),
        ("a topic with an escape", SettingsChange(addTopics: ["Sleep\u{1B}[2J"]), .controlCharacter("A topic name", .oneLine)),
        ("a very long topic", SettingsChange(addTopics: [String(repeating: "x", count: 81)]), .topicTooLong(limit: 80)),
        ("every topic removed", SettingsChange(removeTopics: ProgramSettings.defaultTopics), .programNeedsATopic),
        ("a topic removed with other spacing", SettingsChange(removeTopics: ["GRIEF  AND LOSS"]), nil),
        ("removing a topic not in the catalog", SettingsChange(removeTopics: ["Yoga"]),
         .unknownTopic(known: ProgramSettings.defaultTopics)),
    ]

    @Test("settings rules", arguments: changes)
    func change(_ label: String, change: SettingsChange, expected: DomainError?) throws {
        let world = try LifecycleCaseload()
        let error = refusal { () throws(CaseloadError) in _ = try world.caseload.changeSettings(change, by: LifecycleCaseload.admin) }
        #expect(error == expected.map(CaseloadError.refused), "\(label)")
    }

    @Test("a saved change is what the program then runs on")
    func savedSettings() throws {
        let world = try LifecycleCaseload()
        _ = try world.caseload.changeSettings(
            SettingsChange(requiredHours: [.iop: 12], checkInCadenceDays: 14, addTopics: ["Sleep hygiene"]), by: LifecycleCaseload.admin)
        let settings = try world.caseload.program()
        #expect(settings.requiredHours(for: .iop) == 12)
        #expect(settings.checkInCadenceDays == 14)
        #expect(settings.topics.last == "Sleep hygiene")
    }

    @Test("moving the program to another time zone is saved with a warning that nothing recorded moves")
    func timeZoneWarning() throws {
        let world = try LifecycleCaseload()
        let outcome = try world.caseload.changeSettings(SettingsChange(timeZoneIdentifier: "America/Denver"), by: LifecycleCaseload.admin)
        #expect(outcome.warnings == [.timeZoneChanged("America/Denver")])
        #expect(outcome.warnings.first?.description
            == "Dates already recorded stay as they were written; times are now shown in America/Denver.")
    }

    @Test("caseload check finds settings that break the same rules")
    func checkFindsInvalidSettings() throws {
        let world = try LifecycleCaseload()
        var settings = try world.caseload.program()
        settings.checkInCadenceDays = 0
        try world.store.save(settings, action: .programEdit, by: LifecycleCaseload.admin)
        let report = try world.store.check()
        #expect(report.findings.map(\.kind) == [.settings])
        #expect(report.findings.first?.description
            == "caseload.json has a setting the program cannot use: Check-ins are due every 1 to 365 days; 0 was given. "
            + "An administrator can correct it with `caseload settings set`.")
    }

    static let planEdits: [(String, PlanEdit, DomainError?)] = [
        ("a review today", .review(on: LifecycleCaseload.today, note: "Reviewed with the participant.", nextDue: nil), nil),
        ("a review tomorrow", .review(on: LifecycleCaseload.date("2026-11-24"), note: "Reviewed with the participant.", nextDue: nil),
         .dateInFuture(.planReview, LifecycleCaseload.date("2026-11-24"), today: LifecycleCaseload.today)),
        ("a review before admission", .review(on: LifecycleCaseload.date("2026-11-01"), note: "Reviewed with the participant.", nextDue: nil),
         .dateBeforeAdmission(.planReview, LifecycleCaseload.date("2026-11-01"), participant: "P-0001", admission: LifecycleCaseload.date("2026-11-02"))),
        ("a next review before this one", .review(on: LifecycleCaseload.today, note: "Reviewed with the participant.", nextDue: LifecycleCaseload.date("2026-11-20")),
         .reviewDueBeforeReview(LifecycleCaseload.date("2026-11-20"), reviewed: LifecycleCaseload.today)),
        ("a next review a year on", .review(on: LifecycleCaseload.today, note: "Reviewed with the participant.", nextDue: LifecycleCaseload.date("2027-11-23")), nil),
        ("a next review more than a year on", .review(on: LifecycleCaseload.today, note: "Reviewed with the participant.", nextDue: LifecycleCaseload.date("2027-11-24")),
         .reviewDueTooFar(LifecycleCaseload.date("2027-11-24"), reviewed: LifecycleCaseload.today)),
        ("an objective due the day the plan started", .addObjective("Attends 3 meetings a week", target: LifecycleCaseload.date("2026-11-02"), toGoal: "P1.G1"), nil),
        ("an objective due before the plan started", .addObjective("Attends 3 meetings a week", target: LifecycleCaseload.date("2026-11-01"), toGoal: "P1.G1"),
         .objectiveTargetBeforePlan(LifecycleCaseload.date("2026-11-01"), started: LifecycleCaseload.date("2026-11-02"))),
        ("an empty problem", .addProblem(" "), .emptyField("The problem statement")),
        ("a goal under no problem", .addGoal("Stay sober", toProblem: "P4"), .unknownPlanItem("P4")),
    ]

    @Test("plan rules", arguments: planEdits)
    func plan(_ label: String, edit: PlanEdit, expected: DomainError?) throws {
        let world = try LifecycleCaseload()
        _ = try world.caseload.editPlan(world.participant, .addProblem("Alcohol use"), by: LifecycleCaseload.counselor)
        _ = try world.caseload.editPlan(world.participant, .addGoal("Abstinence", toProblem: "P1"), by: LifecycleCaseload.counselor)
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.editPlan(world.participant, edit, by: LifecycleCaseload.counselor)
        }
        #expect(error == expected.map(CaseloadError.refused), "\(label)")
    }

    @Test("plan edits report the id they added, and a discharged participant's plan is closed")
    func planIDs() throws {
        let world = try LifecycleCaseload()
        let problem = try world.caseload.editPlan(world.participant, .addProblem("Alcohol use"), by: LifecycleCaseload.counselor)
        #expect(problem.record.newItemID == "P1")
        let goal = try world.caseload.editPlan(world.participant, .addGoal("Abstinence", toProblem: "P1"), by: LifecycleCaseload.counselor)
        #expect(goal.record.newItemID == "P1.G1")
        let id = try world.discharged()
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.editPlan(id, .addProblem("Sleep"), by: LifecycleCaseload.counselor)
        }
        #expect(error == .refused(.participantDischarged(id)))
    }
}
