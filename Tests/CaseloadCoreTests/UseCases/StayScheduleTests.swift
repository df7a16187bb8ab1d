import Foundation
import Testing

@testable import CaseloadCore

/// Scheduled level-of-care changes, what a discharge does with them, dates in earlier stays, and
/// the warnings an admission gives.
@Suite("Scheduled changes, earlier stays and admission warnings")
struct StayScheduleTests {
    typealias Day = LifecycleCaseload

    func step(_ world: LifecycleCaseload, to level: LevelOfCare, on day: String) throws(CaseloadError) -> Outcome<Participant> {
        try world.caseload.transition(world.participant, to: level, on: Day.date(day), reason: "Clinical review", by: Day.counselor)
    }

    @Test("stepping up today replaces a step-down scheduled later, and says so")
    func decisionReplacesScheduled() throws {
        let world = try LifecycleCaseload()
        _ = try step(world, to: .op, on: "2026-12-07")
        let outcome = try step(world, to: .php, on: "2026-11-23")
        #expect(outcome.warnings == [.scheduledLevelChangeReplaced(.op, effective: Day.date("2026-12-07"))])
        #expect(outcome.record.levelOfCareHistory.map(\.level) == [.iop, .php])
        #expect(outcome.warnings.first?.description == "The change to OP scheduled for 2026-12-07 was replaced by this decision.")
    }

    @Test("a second decision for the same future date replaces the first instead of sitting beside it")
    func sameFutureDate() throws {
        let world = try LifecycleCaseload()
        _ = try step(world, to: .op, on: "2026-12-07")
        let outcome = try step(world, to: .aftercare, on: "2026-12-07")
        #expect(outcome.record.levelOfCareHistory.map(\.level) == [.iop, .aftercare])
        #expect(outcome.warnings == [.scheduledLevelChangeReplaced(.op, effective: Day.date("2026-12-07"))])
    }

    @Test("a change already in force cannot be preceded, and a later scheduled one stays")
    func inForceStays() throws {
        let world = try LifecycleCaseload()
        _ = try step(world, to: .op, on: "2026-11-16")
        let error = refusal { () throws(CaseloadError) in try step(world, to: .php, on: "2026-11-10") }
        #expect(error == .refused(.transitionBeforeCurrent(Day.date("2026-11-10"), current: Day.date("2026-11-16"))))
        _ = try step(world, to: .aftercare, on: "2026-12-14")
        let outcome = try step(world, to: .iop, on: "2026-12-07")
        #expect(outcome.record.levelOfCareHistory.map(\.level) == [.iop, .op, .iop])
        #expect(outcome.warnings == [.scheduledLevelChangeReplaced(.aftercare, effective: Day.date("2026-12-14"))])
    }

    @Test("a same-day change reports the level it moved from that day, not the day before's")
    func sameDayFrom() throws {
        let world = try LifecycleCaseload()
        _ = try step(world, to: .op, on: "2026-11-23")
        let back = try step(world, to: .iop, on: "2026-11-23").record
        #expect(back.levelOfCareBeforeLatestChange == .op)
        #expect(back.levelOfCare(on: Day.today) == .iop)
    }

    @Test("a discharge drops the changes scheduled after it and says so")
    func dischargeDropsScheduled() throws {
        let world = try LifecycleCaseload()
        _ = try step(world, to: .op, on: "2026-12-07")
        let outcome = try world.caseload.discharge(world.participant, Day.discharge(on: "2026-11-23"), by: Day.counselor)
        #expect(outcome.record.levelOfCareHistory.map(\.level) == [.iop])
        #expect(outcome.warnings == [.scheduledLevelChangeDropped(.op, effective: Day.date("2026-12-07"))])
    }

    @Test("a discharge dated before a level change already in effect is refused, naming it; only later ones are dropped")
    func dischargeKeepsChangesInEffect() throws {
        let world = try LifecycleCaseload()
        _ = try world.caseload.discharge(world.participant, Day.discharge(on: "2026-11-09"), by: Day.counselor)
        _ = try world.caseload.readmit(world.participant, on: Day.date("2026-11-16"), to: .iop, reason: "Returned to use", by: Day.counselor)
        _ = try step(world, to: .php, on: "2026-11-16")
        _ = try step(world, to: .iop, on: "2026-11-17")
        _ = try step(world, to: .op, on: "2026-12-07")
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.discharge(world.participant, Day.discharge(on: "2026-11-16"), by: Day.counselor)
        }
        #expect(error == .refused(.levelChangesAfterDischarge(world.participant, Day.date("2026-11-16"), changes: [Day.date("2026-11-17")])))
        #expect(error?.description == "P-0001's level of care changed after 2026-11-16 (2026-11-17), and a change already in "
            + "effect stays on the record; discharge them on or after the last of those dates.")
        let outcome = try world.caseload.discharge(world.participant, Day.discharge(on: "2026-11-17"), by: Day.counselor)
        #expect(outcome.record.levelOfCareHistory.map(\.level) == [.iop, .php, .iop])
        #expect(outcome.warnings == [.scheduledLevelChangeDropped(.op, effective: Day.date("2026-12-07"))])
    }

    @Test("a change taking effect today is in effect: a discharge dated before it is refused")
    func changeTodayIsInEffect() throws {
        let world = try LifecycleCaseload()
        _ = try step(world, to: .op, on: "2026-11-23")
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.discharge(world.participant, Day.discharge(on: "2026-11-22"), by: Day.counselor)
        }
        #expect(error == .refused(.levelChangesAfterDischarge(world.participant, Day.date("2026-11-22"), changes: [Day.today])))
        #expect(try world.caseload.discharge(world.participant, Day.discharge(on: "2026-11-23"), by: Day.counselor)
            .record.levelOfCareHistory.map(\.level) == [.iop, .op])
    }

    @Test("a discharge dated before check-ins the participant has is refused, naming them")
    func checkInsAfterDischarge() throws {
        let world = try LifecycleCaseload()
        let request = CheckInRequest(participant: world.participant, date: Day.date("2026-11-21"), craving: 2)
        let checkIn = try world.caseload.recordCheckIn(request, by: Day.counselor).record.id
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.discharge(world.participant, Day.discharge(on: "2026-11-20"), by: Day.counselor)
        }
        #expect(error == .refused(.checkInsAfterDischarge(world.participant, Day.date("2026-11-20"), checkIns: [checkIn])))
        #expect(error?.description.contains("has check-ins dated after 2026-11-20 (\(checkIn))") == true)
        _ = try world.caseload.discharge(world.participant, Day.discharge(on: "2026-11-21"), by: Day.counselor)
    }

    @Test("the aftercare kept is trimmed, without the lines that show nothing")
    func aftercareKept() throws {
        let world = try LifecycleCaseload()
        var request = Day.discharge()
        request.aftercare = AftercarePlan(supportGroups: [" SMART Recovery ", "\u{3164}"], soberLiving: " ")
        let saved = try world.caseload.discharge(world.participant, request, by: Day.counselor).record
        #expect(saved.discharge?.aftercare == AftercarePlan(supportGroups: ["SMART Recovery"]))
    }

    /// Readmitted on 2026-11-23 after a stay from 2026-11-02 to 2026-11-16.
    func readmitted() throws -> LifecycleCaseload {
        let world = try LifecycleCaseload()
        _ = try world.caseload.discharge(world.participant, Day.discharge(on: "2026-11-16"), by: Day.counselor)
        _ = try world.caseload.readmit(world.participant, on: Day.today, to: .iop, reason: "Returned to use", by: Day.counselor)
        return world
    }

    @Test("after readmission, check-ins and attendance for the earlier stay are accepted; between stays is named")
    func earlierStay() throws {
        let world = try readmitted()
        let late = CheckInRequest(participant: world.participant, date: Day.date("2026-11-10"), craving: 4)
        _ = try world.caseload.recordCheckIn(late, by: Day.counselor)
        _ = try world.caseload.recordSession(
            UseCaseCaseload.request(on: "2026-11-13", members: [.init(world.participant)]), by: Day.counselor)
        let between = refusal { () throws(CaseloadError) in
            _ = try world.caseload.recordCheckIn(
                CheckInRequest(participant: world.participant, date: Day.date("2026-11-18"), craving: 4), by: Day.counselor)
        }
        #expect(between == .refused(.dateBetweenStays(
            .checkIn, Day.date("2026-11-18"), participant: world.participant, discharged: Day.date("2026-11-16"),
            readmitted: Day.today)))
        #expect(between?.description == "A check-in on 2026-11-18 falls between P-0001's stays (discharged 2026-11-16, "
            + "readmitted 2026-11-23), when they were not in care; check the date.")
        let beforeFirst = refusal { () throws(CaseloadError) in
            _ = try world.caseload.recordCheckIn(
                CheckInRequest(participant: world.participant, date: Day.date("2026-10-30"), craving: 4), by: Day.counselor)
        }
        #expect(beforeFirst == .refused(.dateBeforeAdmission(
            .checkIn, Day.date("2026-10-30"), participant: world.participant, admission: Day.date("2026-11-02"))))
    }

    @Test("a plan review still belongs to the current stay")
    func reviewCurrentStayOnly() throws {
        let world = try readmitted()
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.editPlan(world.participant, .review(on: Day.date("2026-11-10"), note: "Reviewed with the participant.", nextDue: nil), by: Day.counselor)
        }
        #expect(error == .refused(.dateBeforeAdmission(
            .planReview, Day.date("2026-11-10"), participant: world.participant, admission: Day.today)))
    }

    @Test("a child under 12 and a namesake born the same day are admitted with warnings naming ids only")
    func admissionWarnings() throws {
        let world = try LifecycleCaseload()
        let child = try world.caseload.admit(Day.admission(first: "Lía", born: "2016-01-05"), by: Day.counselor)
        #expect(child.warnings == [.youngAtAdmission(age: 10)])
        let twin = try world.caseload.admit(Day.admission(first: "JOSE", last: "Nuñez"), by: Day.counselor)
        #expect(twin.warnings == [.sameNameAndBirthDate(["P-0001"])])
        #expect(twin.warnings.first?.description
            == "P-0001 has the same name and date of birth; check this is not the same person admitted twice.")
        let other = try world.caseload.admit(Day.admission(first: "Ana"), by: Day.counselor)
        #expect(other.warnings.isEmpty)
    }

    @Test("an admission made while CASELOAD_NOW pins the clock says so, like every other save")
    func pinnedAdmission() throws {
        let world = try LifecycleCaseload()
        let clock = try Clock.from(environment: [Clock.environmentVariable: "2026-11-23T14:00:00-06:00"])
        let pinned = Caseload(store: try CaseloadStore.open(at: URL(fileURLWithPath: world.scratch.path), clock: clock))
        let outcome = try pinned.admit(Day.admission(first: "Ana"), by: Day.counselor)
        #expect(outcome.warnings == [.clockPinned(Day.now)])
    }

    @Test("refusals give a clinician something to do")
    func messages() {
        #expect(DomainError.readmissionNotAfterDischarge(Day.date("2026-11-23"), discharge: Day.date("2026-11-23")).description
            == "A readmission cannot fall on the discharge day (2026-11-23): a return the same day is a level-of-care "
            + "change made before discharging. If they came back after leaving, readmit them from 2026-11-24 on.")
        #expect(DomainError.transitionTooFarAhead(Day.date("2027-03-01"), latest: Day.date("2027-02-21")).description
            .contains("at most 90 days ahead (until 2027-02-21)"))
        #expect(!DomainError.invalidICD10Code.description.contains("alcohol"))
    }
}
