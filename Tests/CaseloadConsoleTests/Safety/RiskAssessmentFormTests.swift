@testable import CaseloadConsole
@testable import CaseloadCore
import Testing
import TerminalKit

/// `A` closes an open flag only through the structured assessment; `R` is a supervisor's; `F`
/// raises a flag by hand. Who may and what must be filled are the core's: the keys only say why
/// they cannot run.
@Suite struct RiskAssessmentFormTests {
    /// José Núñez: PHQ-9 item 9 answered 1 on 20 Nov, not assessed.
    static let flagged: ParticipantID = "P-0001"

    @Test("A opens the assessment of the oldest open flag, naming how it was raised")
    func opensOnTheOpenFlag() throws {
        var harness = Harness.onParticipant(Self.flagged)
        harness.go(.assessFlag)
        let form = try #require(harness.form(RiskAssessmentForm.self))
        #expect(form.kind.checkIn == "C-20261120-0001")
        #expect(harness.screenText.contains("Safety flag of 2026-11-20 (C-20261120-0001): PHQ-9 item 9 answered 1"))
    }

    @Test("Every answer goes to the core as given; the core decides what is missing")
    func request() throws {
        var harness = Harness.onParticipant(Self.flagged)
        harness.go(.assessFlag)
        harness.type("ynnnnn")
        harness.type("Sister nearby; engaged in group")
        harness.go(.nextTab)
        harness.type("m")
        harness.go(.nextTab)
        harness.type(" ")
        harness.go(.nextTab)
        harness.type(" ")
        // Supervisor consulted, emergency evaluation, other action, then the follow-up.
        for _ in 0..<4 { harness.go(.nextTab) }
        harness.type("2026-11-24")
        let effects = harness.state.update(.command(.save))
        let expected = RiskAssessmentRequest(
            participant: Self.flagged, checkIn: "C-20261120-0001",
            answers: [.thoughtsOfDeath: true, .thoughtsOfSelfHarm: false, .method: false, .intent: false, .plan: false,
                      .recentBehavior: false],
            protectiveFactors: "Sister nearby; engaged in group", riskLevel: .moderate,
            actions: [.safetyPlan, .crisisLine], otherAction: nil, followUp: Fixture.date("2026-11-24"))
        #expect(effects == [.write(.assessSafetyFlag(expected))])
    }

    @Test("A follow-up date that cannot be read is named in place, with the focus on it")
    func badDate() throws {
        var harness = Harness.onParticipant(Self.flagged)
        harness.go(.assessFlag)
        let fields = try #require(harness.form(RiskAssessmentForm.self)).shownFields
        for _ in 0..<(fields.count - 1) { harness.go(.nextTab) }
        harness.type("tomorrow")
        #expect(harness.state.update(.command(.save)).isEmpty)
        let form = try #require(harness.form(RiskAssessmentForm.self))
        #expect(form.focus == .followUp)
        #expect(form.problem?.contains("\"tomorrow\" is not a date") == true)
    }

    @Test("High risk saved: the form closes and the status says it waits for a supervisor's review")
    func highRiskWaits() throws {
        var harness = Harness.onParticipant(Self.flagged)
        harness.go(.assessFlag)
        harness.type("nnnnnn")
        harness.type("Family")
        harness.go(.nextTab)
        harness.type("h")
        let effects = harness.state.update(.command(.save))
        guard case .write(let request) = try #require(effects.first) else { Issue.record("no write"); return }
        var assessed = try #require(Fixture.checkIns.first { $0.id == "C-20261120-0001" })
        assessed.safetyFlag?.assessment = RiskAssessment(
            by: Fixture.maria, at: Fixture.now,
            answers: try RiskAnswers(Dictionary(uniqueKeysWithValues: RiskQuestion.allCases.map { ($0, false) })),
            protectiveFactors: "Family", riskLevel: .high, actions: [.emergencyEvaluation], otherAction: nil,
            followUp: Fixture.today)
        _ = harness.state.update(.written(WriteReply(
            request: request, result: .saved(SavedChange(session: nil, checkIn: assessed)))))
        #expect(harness.state.modals.count == 0)
        #expect(harness.state.status == .error("Risk assessment recorded: high risk, waiting for a supervisor's review (R)"))
    }

    @Test("Without an open flag, A says why and what to do instead")
    func noOpenFlag() {
        var harness = Harness.onParticipant("P-0005")
        harness.go(.assessFlag)
        #expect(harness.state.modals.count == 0)
        #expect(harness.state.status == .error("No open safety flag to assess; F raises one"))
    }

    @Test("R is a supervisor's: a counselor is told the rule")
    func reviewIsForSupervisors() {
        var harness = Harness.onParticipant(Self.flagged)
        harness.go(.reviewAssessment)
        #expect(harness.state.modals.count == 0)
        #expect(harness.state.status?.text.hasPrefix("Only a supervisor") == true)
    }

    @Test("F raises a flag by hand for today unless another day is typed")
    func raiseByHand() throws {
        var harness = Harness.onParticipant("P-0005")
        harness.go(.raiseFlag)
        harness.type("Said she has been thinking about not waking up")
        let effects = harness.state.update(.command(.save))
        #expect(effects == [.write(.raiseSafetyFlag("P-0005", on: Fixture.today,
                                                    concern: "Said she has been thinking about not waking up"))])
    }
}
