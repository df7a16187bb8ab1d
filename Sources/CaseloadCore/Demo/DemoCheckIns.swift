import Foundation

/// Turns a stay's planned check-in into the record: who took it and when, its id, and for a
/// flagged one, the acknowledgement staff wrote (or none, for the one left open). A check-in
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
            try checkIn.acknowledgeSafetyFlag(
                by: responder, at: at, action: random.pick(DemoCheckInText.acknowledgementActions))
            checkIn.revision = checkIn.revision.next(at: at, by: responder)
        }
        return checkIn
    }
}
