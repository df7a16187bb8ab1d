import Foundation
import Testing

@testable import CaseloadCore

@Suite("Level of care, discharge and readmission")
struct StayRuleTests {
    static let transitions: [(String, LevelOfCare, String, String, DomainError?)] = [
        ("step down today", .op, "2026-11-23", "Met IOP goals", nil),
        ("step down scheduled ahead", .op, "2026-12-07", "Met IOP goals", nil),
        ("before the current level's date", .op, "2026-11-01", "Met IOP goals",
         .transitionBeforeCurrent(LifecycleCaseload.date("2026-11-01"), current: LifecycleCaseload.date("2026-11-02"))),
        ("the level already in force", .iop, "2026-11-23", "Still IOP", .sameLevelOfCare(.iop, on: LifecycleCaseload.date("2026-11-23"))),
        ("no reason", .op, "2026-11-23", " ", .emptyField("The reason for the change")),
        ("the last day it may be scheduled", .op, "2027-02-21", "Met IOP goals", nil),
        ("further ahead than 90 days", .op, "2027-02-22", "Met IOP goals",
         .transitionTooFarAhead(LifecycleCaseload.date("2027-02-22"), latest: LifecycleCaseload.date("2027-02-21"))),
    ]

    @Test("transition rules", arguments: transitions)
    func transition(_ label: String, level: LevelOfCare, on day: String, reason: String, expected: DomainError?) throws {
        let world = try LifecycleCaseload()
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.transition(
                world.participant, to: level, on: LifecycleCaseload.date(day), reason: reason, by: LifecycleCaseload.counselor)
        }
        #expect(error == expected.map(CaseloadError.refused), "\(label)")
    }

    @Test("a future-dated change takes effect on its date, and the level then in force cannot be chosen again")
    func scheduledTransition() throws {
        let world = try LifecycleCaseload()
        let scheduled = try world.caseload.transition(
            world.participant, to: .op, on: LifecycleCaseload.date("2026-12-07"), reason: "Met IOP goals", by: LifecycleCaseload.counselor
        ).record
        #expect(scheduled.levelOfCare(on: LifecycleCaseload.today) == .iop)
        #expect(scheduled.levelOfCare(on: LifecycleCaseload.date("2026-12-07")) == .op)
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.transition(
                world.participant, to: .op, on: LifecycleCaseload.date("2026-12-14"), reason: "x", by: LifecycleCaseload.counselor)
        }
        #expect(error == .refused(.sameLevelOfCare(.op, on: LifecycleCaseload.date("2026-12-14"))))
    }

    static let discharges: [(String, DischargeRequest, DomainError?)] = [
        ("completed with aftercare", LifecycleCaseload.discharge(), nil),
        ("against advice without aftercare", LifecycleCaseload.discharge(type: .againstAdvice, aftercare: false), nil),
        ("completed without aftercare", LifecycleCaseload.discharge(aftercare: false), .aftercarePlanNeeded(.completed)),
        ("step-down without aftercare", LifecycleCaseload.discharge(type: .stepDown, aftercare: false), .aftercarePlanNeeded(.stepDown)),
        ("before admission", LifecycleCaseload.discharge(on: "2026-11-01"),
         .dateBeforeAdmission(.discharge, LifecycleCaseload.date("2026-11-01"), participant: "P-0001", admission: LifecycleCaseload.date("2026-11-02"))),
        ("tomorrow", LifecycleCaseload.discharge(on: "2026-11-24"),
         .dateInFuture(.discharge, LifecycleCaseload.date("2026-11-24"), today: LifecycleCaseload.today)),
        ("completed with only a blank support group", aftercare(AftercarePlan(supportGroups: ["  "])), .aftercarePlanNeeded(.completed)),
        ("completed with only a Hangul filler", aftercare(AftercarePlan(supportGroups: ["\u{3164}"], soberLiving: "\u{3164} ")),
         .aftercarePlanNeeded(.completed)),
        ("a follow-up with nobody and no purpose", aftercare(AftercarePlan(followUps: [followUp("2026-12-01", " ", " ")])),
         .followUpIncomplete),
        ("a follow-up with an invisible purpose", aftercare(AftercarePlan(followUps: [followUp("2026-12-01", "Dr. Patel", "\u{3164}")])),
         .followUpIncomplete),
        ("a follow-up before the discharge", aftercare(AftercarePlan(followUps: [followUp("2026-11-19", "Dr. Patel", "Medication")])),
         .followUpBeforeDischarge(LifecycleCaseload.date("2026-11-19"), discharge: LifecycleCaseload.date("2026-11-20"))),
        ("a follow-up on the discharge day", aftercare(AftercarePlan(followUps: [followUp("2026-11-20", "Dr. Patel", "Medication")])), nil),
    ]

    static func aftercare(_ plan: AftercarePlan) -> DischargeRequest {
        var request = LifecycleCaseload.discharge()
        request.aftercare = plan
        return request
    }

    static func followUp(_ day: String, _ with: String, _ purpose: String) -> FollowUpAppointment {
        FollowUpAppointment(date: LifecycleCaseload.date(day), with: with, purpose: purpose)
    }

    @Test("discharge rules", arguments: discharges)
    func discharge(_ label: String, request: DischargeRequest, expected: DomainError?) throws {
        let world = try LifecycleCaseload()
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.discharge(world.participant, request, by: LifecycleCaseload.counselor)
        }
        #expect(error == expected.map(CaseloadError.refused), "\(label)")
    }

    @Test("discharge is refused while sessions after its date list the participant, naming them")
    func sessionsAfterDischarge() throws {
        let world = try LifecycleCaseload()
        try world.addSession("S-20261119-0900-aaaaaa", on: "2026-11-19")
        try world.addSession("S-20261123-0900-cccccc", on: "2026-11-23")
        try world.addSession("S-20261121-0900-bbbbbb", on: "2026-11-21")
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.discharge(world.participant, LifecycleCaseload.discharge(on: "2026-11-19"), by: LifecycleCaseload.counselor)
        }
        #expect(error?.description
            == "P-0001 is on sessions dated after 2026-11-19 (S-20261121-0900-bbbbbb, S-20261123-0900-cccccc); "
            + "discharge them on or after the last of those sessions, or correct the sessions first.")
        let saved = try world.caseload.discharge(
            world.participant, LifecycleCaseload.discharge(on: "2026-11-23"), by: LifecycleCaseload.counselor)
        #expect(saved.record.status == .discharged)
    }

    @Test("an open safety flag stops a discharge until a supervisor overrides it with a reason the discharge keeps")
    func openSafetyFlag() throws {
        let world = try LifecycleCaseload()
        let flag = try world.raiseSafetyFlag()
        let plain = refusal { () throws(CaseloadError) in
            _ = try world.caseload.discharge(world.participant, LifecycleCaseload.discharge(), by: LifecycleCaseload.supervisor)
        }
        #expect(plain == .refused(.openSafetyFlag("P-0001", checkIns: [flag])))
        #expect(plain?.description
            == "P-0001 has an open safety flag (check-in \(flag)); close it with a risk assessment first (a high-risk one "
            + "also needs a supervisor's review), or have a supervisor discharge with the reason for going ahead "
            + "(`--override-open-flag`).")
        let emptyReason = refusal { () throws(CaseloadError) in
            _ = try world.caseload.discharge(world.participant, LifecycleCaseload.discharge(override: " "), by: LifecycleCaseload.supervisor)
        }
        #expect(emptyReason == .refused(.emptyField("The reason for discharging with an open safety flag")))
        let saved = try world.caseload.discharge(
            world.participant, LifecycleCaseload.discharge(override: "Admitted to inpatient unit"), by: LifecycleCaseload.supervisor)
        #expect(saved.record.discharge?.openFlagOverride == "Admitted to inpatient unit")
        #expect(saved.record.discharge?.dischargedBy == LifecycleCaseload.supervisor)
        #expect(saved.warnings.isEmpty)
    }

    @Test("an override given when no flag is open is not recorded, and the outcome says so")
    func overrideWithoutFlag() throws {
        let world = try LifecycleCaseload()
        let saved = try world.caseload.discharge(
            world.participant, LifecycleCaseload.discharge(override: "Just in case"), by: LifecycleCaseload.supervisor)
        #expect(saved.record.discharge?.openFlagOverride == nil)
        #expect(saved.warnings == [.overrideNotNeeded])
    }

    static let readmissions: [(String, String, DomainError?)] = [
        ("the day after discharge", "2026-11-21", nil),
        ("today", "2026-11-23", nil),
        ("on the discharge day", "2026-11-20",
         .readmissionNotAfterDischarge(LifecycleCaseload.date("2026-11-20"), discharge: LifecycleCaseload.date("2026-11-20"))),
        ("tomorrow", "2026-11-24", .dateInFuture(.readmission, LifecycleCaseload.date("2026-11-24"), today: LifecycleCaseload.today)),
    ]

    @Test("readmission rules", arguments: readmissions)
    func readmission(_ label: String, on day: String, expected: DomainError?) throws {
        let world = try LifecycleCaseload()
        let id = try world.discharged()
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.readmit(id, on: LifecycleCaseload.date(day), to: .php, reason: "Returned to use", by: LifecycleCaseload.counselor)
        }
        #expect(error == expected.map(CaseloadError.refused), "\(label)")
    }

    @Test("a participant in care cannot be readmitted")
    func readmitInCare() throws {
        let world = try LifecycleCaseload()
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.readmit(world.participant, on: LifecycleCaseload.today, to: .php, reason: "x", by: LifecycleCaseload.counselor)
        }
        #expect(error?.description == "P-0001 has not been discharged; only a discharged participant can be readmitted.")
    }

    @Test("readmission starts a new stay and keeps the old one whole")
    func readmissionKeepsEpisode() throws {
        let world = try LifecycleCaseload()
        _ = try world.caseload.editPlan(world.participant, .addProblem("Alcohol use"), by: LifecycleCaseload.counselor)
        let id = try world.discharged()
        let before = try world.store.participant(id)
        let readmitted = try world.caseload.readmit(
            id, on: LifecycleCaseload.today, to: .php, reason: "Returned to use", by: LifecycleCaseload.counselor
        ).record
        #expect(readmitted.status == .active)
        #expect(readmitted.discharge == nil)
        #expect(readmitted.admissionDate == LifecycleCaseload.today)
        #expect(readmitted.levelOfCareHistory.map(\.level) == [.php])
        #expect(readmitted.treatmentPlan.problems.isEmpty)
        #expect(readmitted.previousEpisodes == [
            Episode(
                admissionDate: before.admissionDate, levelOfCareHistory: before.levelOfCareHistory,
                discharge: before.discharge!, treatmentPlan: before.treatmentPlan)
        ])
        #expect(readmitted.supportMembers == before.supportMembers)
        #expect(try world.store.participant(id) == readmitted)
    }

    @Test("a participant file written before readmission existed reads with no previous stays")
    func olderFileDecodes() throws {
        let world = try LifecycleCaseload()
        let current = try world.store.participant(world.participant)
        var json = try #require(
            try JSONSerialization.jsonObject(with: RecordCoding.makeEncoder().encode(current)) as? [String: Any])
        json.removeValue(forKey: "previousEpisodes")
        let decoded = try RecordCoding.makeDecoder().decode(Participant.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(decoded.previousEpisodes.isEmpty)
        #expect(decoded == current)
    }
}
