import Foundation

/// Turns a stay's planned check-in into the record: who took it and when, its id, and for a
/// flagged one, the risk assessment staff recorded (or none, for the one left open). A check-in
/// from before `notBefore` (go-live) was entered then, like the participant it belongs to.
enum DemoCheckIns {
    static func record(
        of stay: DemoStay, number: Int, answers: DemoCheckInAnswers, counselor: StaffID,
        staff: DemoStaff, clock: DemoClock, notBefore: Date, ids: inout DemoIDs, seed: UInt64
    ) throws(DomainError) -> CheckIn {
        var random = DemoRandom(seed: seed, .checkIn, stay.key, number, 1)
        let date = stay.checkInDate(number)
        // The first is taken at intake; later ones whenever the participant comes in that day.
        let minute = number == 0 ? random.int(600...690) : random.int(510...990)
        let time = max(notBefore, clock.instant(date, minute: minute))
        let recordedBy = random.chance(0.25) ? staff.administrator.id : counselor
        var checkIn = try CheckIn(
            id: ids.checkIn(on: date, random: &random), participant: stay.id, date: date,
            recordedBy: recordedBy, phq9: answers.phq9, gad7: answers.gad7,
            craving: answers.craving, substanceUse: answers.substanceUse,
            drugScreen: answers.drugScreen, comment: answers.comment,
            revision: Revision(createdAt: time, createdBy: recordedBy))
        if case .acknowledged(let flagged) = stay.safetyFlag, flagged == number {
            let responder = random.chance(0.3) ? staff.supervisors[0].id : counselor
            let at = time.addingTimeInterval(Double(random.int(20...150)) * 60)
            try checkIn.assessSafetyFlag(assessment(by: responder, at: at, on: date, random: &random))
            checkIn.revision = checkIn.revision.next(at: at, by: responder)
        }
        return checkIn
    }

    /// Passive thoughts without method, intent, plan or recent behavior: low or moderate risk,
    /// so history holds no flag still waiting for a supervisor.
    private static func assessment(
        by responder: StaffID, at time: Date, on date: LocalDate, random: inout DemoRandom
    ) throws(DomainError) -> RiskAssessment {
        let answers = try RiskAnswers([
            .thoughtsOfDeath: true, .thoughtsOfSelfHarm: random.chance(0.4), .method: false, .intent: false,
            .plan: false, .recentBehavior: false,
        ])
        let actions: [RiskAction] = random.chance(0.5) ? [.safetyPlan, .crisisLine] : [.safetyPlan, .supervisorConsulted]
        return RiskAssessment(
            by: responder, at: time, answers: answers,
            protectiveFactors: random.pick(DemoCheckInText.protectiveFactors),
            riskLevel: answers.thoughtsOfSelfHarm ? .moderate : .low, actions: actions, otherAction: nil,
            followUp: date.adding(days: random.int(1...3)))
    }
}
