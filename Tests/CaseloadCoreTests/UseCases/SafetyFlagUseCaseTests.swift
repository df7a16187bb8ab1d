@testable import CaseloadCore
import Testing

@Suite("Safety flags: raised, assessed, reviewed")
struct SafetyFlagUseCaseTests {
    static let allNo = Dictionary(uniqueKeysWithValues: RiskQuestion.allCases.map { ($0, false) })

    /// A complete low-risk assessment of `flag` on P-0001, changed by `change`.
    static func assessment(_ flag: CheckInID, _ change: (inout RiskAssessmentRequest) -> Void = { _ in }) -> RiskAssessmentRequest {
        var request = RiskAssessmentRequest(
            participant: "P-0001", checkIn: flag, answers: allNo.merging([.thoughtsOfDeath: true]) { $1 },
            protectiveFactors: "Two children at home; sees sponsor weekly", riskLevel: .low, actions: [.safetyPlan, .crisisLine],
            followUp: UseCaseCaseload.date("2026-11-24"))
        change(&request)
        return request
    }

    /// A check-in on 2026-11-20 whose item 9 answer raises a flag.
    static func raiseFlag(in fixture: UseCaseCaseload, participant: ParticipantID = "P-0001") throws -> CheckInID {
        let request = CheckInRequest(
            participant: participant, date: UseCaseCaseload.date("2026-11-20"), phq9: [1, 1, 1, 1, 1, 1, 1, 1, 2])
        return try fixture.caseload.recordCheckIn(request, by: "mgarcia").record.id
    }

    /// (case, who assesses, what changes in a complete request, the refusal or the status it leaves)
    static let assessments: [(String, StaffID, @Sendable (inout RiskAssessmentRequest) -> Void, Result<SafetyFlag.Status, DomainError>)] = [
        ("a counselor, low risk", "mgarcia", { _ in }, .success(.closed)),
        ("a supervisor, moderate risk", "lchen", { $0.riskLevel = .moderate }, .success(.closed)),
        ("high risk", "mgarcia", { $0.riskLevel = .high }, .success(.awaitingReview)),
        ("an administrator", "admin", { _ in },
         .failure(.notPermitted(.acknowledgeFlag, staff: "admin", because: .role(.admin)))),
        ("two questions left out", "mgarcia", { $0.answers[.plan] = nil; $0.answers[.method] = nil },
         .failure(.riskQuestionsUnanswered([.method, .plan]))),
        ("no protective factors", "mgarcia", { $0.protectiveFactors = " \u{200B} " },
         .failure(.emptyField("The protective factors"))),
        ("accents with no letter under them", "mgarcia", { $0.protectiveFactors = "\u{301}\u{301}\u{20DD}" },
         .failure(.emptyField("The protective factors"))),
        ("an escape in the protective factors", "mgarcia", { $0.protectiveFactors = "Sister\u{1B}[2J" },
         .failure(.controlCharacter("The protective factors", .multiLine))),
        ("no risk level", "mgarcia", { $0.riskLevel = nil }, .failure(.riskLevelNeeded)),
        ("no action", "mgarcia", { $0.actions = [] }, .failure(.riskActionNeeded)),
        ("only another action", "mgarcia", { $0.actions = []; $0.otherAction = "Called the sister with consent" },
         .success(.closed)),
        ("another action left blank", "mgarcia", { $0.otherAction = "  " }, .failure(.emptyField("The other action taken"))),
        ("no follow-up date", "mgarcia", { $0.followUp = nil }, .failure(.followUpDateNeeded)),
        ("a follow-up yesterday", "mgarcia", { $0.followUp = UseCaseCaseload.date("2026-11-22") },
         .failure(.followUpBeforeToday(UseCaseCaseload.date("2026-11-22"), today: UseCaseCaseload.date("2026-11-23")))),
        ("a follow-up today", "mgarcia", { $0.followUp = UseCaseCaseload.date("2026-11-23") }, .success(.closed)),
        ("a follow-up in two weeks", "mgarcia", { $0.followUp = UseCaseCaseload.date("2026-12-07") }, .success(.closed)),
        ("a follow-up a day past two weeks", "mgarcia", { $0.followUp = UseCaseCaseload.date("2026-12-08") },
         .failure(.followUpTooFar(UseCaseCaseload.date("2026-12-08"), today: UseCaseCaseload.date("2026-11-23"), withinDays: 14))),
        ("a method thought through, low risk", "mgarcia", { $0.answers[.method] = true },
         .failure(.riskLevelBelowAnswers(.low, needed: .moderate, because: [.method]))),
        ("a method thought through, moderate risk", "mgarcia", { $0.answers[.method] = true; $0.riskLevel = .moderate },
         .success(.closed)),
        ("intent and a plan, moderate risk", "mgarcia",
         { $0.answers[.intent] = true; $0.answers[.plan] = true; $0.riskLevel = .moderate },
         .failure(.riskLevelBelowAnswers(.moderate, needed: .high, because: [.intent, .plan]))),
        ("recent suicidal behavior, high risk", "mgarcia", { $0.answers[.recentBehavior] = true; $0.riskLevel = .high },
         .success(.awaitingReview)),
    ]

    @Test("Who may assess a flag, and what the assessment needs", arguments: assessments)
    func assess(
        _ name: String, actor: StaffID, change: @Sendable (inout RiskAssessmentRequest) -> Void,
        expected: Result<SafetyFlag.Status, DomainError>
    ) throws {
        let fixture = try UseCaseCaseload()
        let flag = try Self.raiseFlag(in: fixture)
        let outcome = Result { () throws(CaseloadError) in
            try fixture.caseload.assessSafetyFlag(Self.assessment(flag, change), by: actor).record
        }
        switch outcome {
        case .success(let saved):
            #expect(expected == .success(saved.safetyFlag!.status), "\(name)")
            let assessment = try #require(saved.safetyFlag?.assessment)
            #expect(assessment.by == actor && assessment.at == UseCaseCaseload.now)
            #expect((try? fixture.store.checkIn(flag, of: "P-0001")) == saved)
            let entry = try fixture.store.rosterIndex().first { $0.id == "P-0001" }
            #expect(entry?.openSafetyFlags.contains(flag) == saved.hasOpenSafetyFlag, "\(name): the index follows")
        case .failure(let error):
            guard case .failure(let rule) = expected else {
                Issue.record("\(name) was refused: \(error)")
                return
            }
            #expect(error.refusal == rule, "\(name)")
            #expect(try fixture.store.checkIn(flag, of: "P-0001").hasOpenSafetyFlag, "\(name) left the flag open")
        }
    }

    @Test("The questions and the refusals read as a clinician would write them")
    func wording() {
        #expect(CaseloadError.refused(.notPermitted(.acknowledgeFlag, staff: "admin", because: .role(.admin))).description
            == "Only a counselor or supervisor can assess a safety flag; admin is an administrator.")
        #expect(DomainError.riskActionNeeded.description.hasPrefix("Name at least one action taken"))
        #expect(RiskQuestion.allCases.allSatisfy { $0.question.hasSuffix("?") })
        #expect(RiskQuestion.recentBehavior.question.contains("three months"))
    }

    @Test("A flag already assessed, or a check-in without one, takes no assessment")
    func assessOnce() throws {
        let fixture = try UseCaseCaseload()
        let flag = try Self.raiseFlag(in: fixture)
        _ = try fixture.caseload.assessSafetyFlag(Self.assessment(flag) { $0.riskLevel = .high }, by: "mgarcia")
        #expect(throws: CaseloadError.refused(.flagAwaitingReview(flag))) {
            try fixture.caseload.assessSafetyFlag(Self.assessment(flag), by: "lchen")
        }
        let plain = try fixture.caseload.recordCheckIn(
            CheckInRequest(participant: "P-0001", date: UseCaseCaseload.date("2026-11-21"), craving: 2), by: "mgarcia").record
        #expect(throws: CaseloadError.refused(.safetyFlagNotOpen(plain.id))) {
            try fixture.caseload.assessSafetyFlag(Self.assessment(plain.id), by: "mgarcia")
        }
    }

    /// (case, reviewer, the risk level assessed or nil for none yet, the note, the refusal or nil)
    static let reviews: [(String, StaffID, RiskLevel?, String?, DomainError?)] = [
        ("a supervisor", "lchen", .high, nil, nil),
        ("a supervisor with a note", "lchen", .high, "Agree; daily check-in calls this week", nil),
        ("a counselor", "mgarcia", .high, nil, .notPermitted(.reviewRiskAssessment, staff: "mgarcia", because: .role(.counselor))),
        ("an administrator", "admin", .high, nil, .notPermitted(.reviewRiskAssessment, staff: "admin", because: .role(.admin))),
        ("a blank note", "lchen", .high, " ", .emptyField("The review note")),
        ("a moderate-risk assessment", "lchen", .moderate, nil, .noAssessmentAwaitingReview("")),
        ("a flag not yet assessed", "lchen", nil, nil, .noAssessmentAwaitingReview("")),
    ]

    @Test("Only a supervisor reviews a high-risk assessment, which closes the flag", arguments: reviews)
    func review(_ name: String, reviewer: StaffID, level: RiskLevel?, note: String?, refusal: DomainError?) throws {
        let fixture = try UseCaseCaseload()
        let flag = try Self.raiseFlag(in: fixture)
        if let level { _ = try fixture.caseload.assessSafetyFlag(Self.assessment(flag) { $0.riskLevel = level }, by: "mgarcia") }
        let expected = refusal == .noAssessmentAwaitingReview("") ? .noAssessmentAwaitingReview(flag) : refusal
        let outcome = Result { () throws(CaseloadError) in
            try fixture.caseload.reviewRiskAssessment(of: flag, participant: "P-0001", note: note, by: reviewer).record
        }
        switch outcome {
        case .success(let saved):
            #expect(expected == nil, "\(name) was saved")
            #expect(saved.safetyFlag?.review == SupervisorReview(by: reviewer, at: UseCaseCaseload.now, note: note))
            #expect(saved.safetyFlag?.status == .closed)
            #expect(try fixture.store.rosterIndex().first { $0.id == "P-0001" }?.openSafetyFlags == [])
        case .failure(let error):
            #expect(error.refusal == expected, "\(name)")
        }
    }

    @Test("A supervisor reviewing their own high-risk assessment says why in a note")
    func ownAssessment() throws {
        let fixture = try UseCaseCaseload()
        let flag = try Self.raiseFlag(in: fixture)
        _ = try fixture.caseload.assessSafetyFlag(Self.assessment(flag) { $0.riskLevel = .high }, by: "lchen")
        #expect(throws: CaseloadError.refused(.ownAssessmentReviewNeedsNote)) {
            try fixture.caseload.reviewRiskAssessment(of: flag, participant: "P-0001", by: "lchen")
        }
        let reviewed = try fixture.caseload.reviewRiskAssessment(
            of: flag, participant: "P-0001", note: "Only supervisor on site; crisis team consulted by phone", by: "lchen").record
        #expect(reviewed.safetyFlag?.status == .closed)
    }

    /// (case, who raises it, for whom, dated, the concern, the refusal or nil)
    static let raised: [(String, StaffID, ParticipantID, String, String, DomainError?)] = [
        ("a counselor, today", "mgarcia", "P-0001", "2026-11-23", "Spoke of giving belongings away", nil),
        ("a supervisor, last week", "lchen", "P-0001", "2026-11-16", "Said family would be better off without him", nil),
        ("an administrator", "admin", "P-0001", "2026-11-23", "Worried", .notPermitted(.raiseFlag, staff: "admin", because: .role(.admin))),
        ("tomorrow", "mgarcia", "P-0001", "2026-11-24", "Worried",
         .dateInFuture(.safetyFlag, UseCaseCaseload.date("2026-11-24"), today: UseCaseCaseload.date("2026-11-23"))),
        ("before admission", "mgarcia", "P-0001", "2026-11-01", "Worried",
         .dateBeforeAdmission(.safetyFlag, UseCaseCaseload.date("2026-11-01"), participant: "P-0001",
                              admission: UseCaseCaseload.date("2026-11-02"))),
        ("no concern written", "mgarcia", "P-0001", "2026-11-23", "\u{3164}", .emptyField("The concern")),
        ("after discharge", "mgarcia", "P-0003", "2026-11-11", "Worried",
         .dateAfterDischarge(.safetyFlag, UseCaseCaseload.date("2026-11-11"), participant: "P-0003",
                             discharge: UseCaseCaseload.date("2026-11-10"))),
    ]

    @Test("A counselor or supervisor raises a flag by hand on a day of the stay", arguments: raised)
    func raise(_ name: String, actor: StaffID, participant: ParticipantID, date: String, concern: String, refusal: DomainError?) throws {
        let fixture = try UseCaseCaseload()
        let outcome = Result { () throws(CaseloadError) in
            try fixture.caseload.raiseSafetyFlag(for: participant, on: UseCaseCaseload.date(date), concern: concern, by: actor).record
        }
        switch outcome {
        case .success(let saved):
            #expect(refusal == nil, "\(name) was saved")
            #expect(saved.safetyFlag?.raisedBy == actor && saved.safetyFlag?.concern == concern)
            #expect(saved.safetyFlag?.itemNineAnswer == nil && !saved.hasMeasure && saved.hasOpenSafetyFlag)
            let entry = try #require(try fixture.store.rosterIndex().first { $0.id == participant })
            #expect(entry.openSafetyFlags == [saved.id])
            #expect(entry.latestCheckIn == nil, "a flag is not a check-in with scores")
        case .failure(let error):
            #expect(error.refusal == refusal, "\(name)")
            #expect(fixture.store.checkIns(of: participant).records.isEmpty, "\(name) wrote nothing")
        }
    }

    @Test("A flag raised by hand for a discharged participant's stay warns and holds up nothing else")
    func raiseAfterDischarge() throws {
        let fixture = try UseCaseCaseload()
        let outcome = try fixture.caseload.raiseSafetyFlag(
            for: "P-0003", on: UseCaseCaseload.date("2026-11-09"), concern: "Reported by phone", by: "mgarcia")
        #expect(outcome.warnings == [.flagRaisedAfterDischarge("P-0003")])
        #expect(try fixture.store.rosterIndex().first { $0.id == "P-0003" }?.openSafetyFlags == [outcome.record.id])
    }

    @Test("A later check-in with item 9 answered 0 never closes the flag")
    func laterCheckIn() throws {
        let fixture = try UseCaseCaseload()
        let flag = try Self.raiseFlag(in: fixture)
        _ = try fixture.caseload.recordCheckIn(
            CheckInRequest(participant: "P-0001", date: UseCaseCaseload.date("2026-11-23"), phq9: [0, 0, 0, 0, 0, 0, 0, 0, 0]),
            by: "mgarcia")
        #expect(try fixture.store.checkIn(flag, of: "P-0001").hasOpenSafetyFlag)
        #expect(try fixture.store.rosterIndex().first { $0.id == "P-0001" }?.openSafetyFlags == [flag])
    }
}

extension CaseloadError {
    /// The rule that refused the operation, for tables that list refusals as domain errors.
    var refusal: DomainError? {
        if case .refused(let error) = self { return error }
        return nil
    }
}
