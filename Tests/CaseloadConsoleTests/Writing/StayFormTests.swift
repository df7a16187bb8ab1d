@testable import CaseloadConsole
import CaseloadCore
import Testing
import TerminalKit

/// The Discharge tab's keys and forms: `t` steps down or up, `D` discharges, `N` readmits. The
/// forms only read what was typed into the core's requests; what the core says comes back in
/// place (a refusal) or on the status line (a warning).
@Suite struct StayFormTests {
    /// `participant`'s chart open on `tab`, as `as` sees it.
    func chart(_ participant: ParticipantID, tab: ParticipantTab = .discharge, as staff: StaffID = Fixture.maria,
               size: Size = Size(cols: 80, rows: 24)) throws -> Harness {
        var harness = Harness(as: staff, size: size)
        harness.state = try ConsoleState.forRender(
            screen: .discharge, participant: participant, session: Fixture.session(as: staff), source: Fixture.source(),
            size: size)
        harness.state.participantScreen?.tab = tab
        return harness
    }

    func form<Kind: FormKind>(_ harness: Harness, _ kind: Kind.Type) -> FormScreen<Kind>? {
        harness.state.modals.top as? FormScreen<Kind>
    }

    func screenText(_ harness: Harness) -> String { text(of: render(harness.state, size: harness.state.size)) }

    // MARK: Keys

    @Test func theKeysWorkOnTheDischargeTabAndSayWhereOtherwise() throws {
        var harness = try chart("P-0004", tab: .overview)
        harness.press(.changeLevelOfCare) { $0.status = .error("Works on the Discharge tab; Tab moves to it") }
        harness.press(.discharge) { $0.status = .error("Works on the Discharge tab; Tab moves to it") }
        harness.press(.readmit) {
            $0.status = .error("In care since 12 Oct 2026: only a discharged participant is readmitted")
        }
        harness.state.participantScreen?.tab = .discharge
        #expect(screenText(harness).contains("t step down/up   D discharge"))
        harness.go(.changeLevelOfCare)
        #expect(form(harness, LevelOfCareForm.self)?.kind.person.id == "P-0004")
        #expect(harness.state.keyMode == .form)
    }

    @Test func aDischargedChartSaysWhyAndOffersOnlyReadmission() throws {
        var harness = try chart("P-0013")
        harness.press(.changeLevelOfCare) {
            $0.status = .error("Discharged on 13 Nov 2026; the chart is read-only. N readmits for a new stay")
        }
        harness.press(.discharge) { $0.status = .error("Already discharged on 13 Nov 2026; N readmits for a new stay") }
        let shown = screenText(harness)
        #expect(shown.contains("N readmit"))
        #expect(!shown.contains("D discharge"))
        harness.go(.readmit)
        #expect(form(harness, ReadmitForm.self)?.kind.person.id == "P-0013")
    }

    // MARK: Step down or up

    @Test func aStepIsReadIntoTheCoresRequest() throws {
        var harness = try chart("P-0004")
        harness.go(.changeLevelOfCare)
        // No level chosen: said in place, the focus stays on it and nothing is sent.
        #expect(harness.state.update(.command(.save)) == [])
        var opened = try #require(form(harness, LevelOfCareForm.self))
        #expect(opened.problem == "Choose the new level of care: Left/Right, or its first letter.")
        #expect(opened.focus == .level)
        harness.type("o")
        #expect(screenText(harness).contains("IOP → OP from 23 Nov 2026: a step down."))
        harness.go(.nextTab)
        harness.type("2026-12-07")
        #expect(screenText(harness).contains("IOP → OP from 7 Dec 2026: a step down, scheduled."))
        harness.go(.nextTab)
        harness.type("Stable for three weeks; back at work.")
        let request = WriteRequest.changeLevelOfCare(
            "P-0004", to: .op, on: Fixture.date("2026-12-07"), reason: "Stable for three weeks; back at work.")
        #expect(harness.state.update(.command(.save)) == [.write(request)])
        opened = try #require(form(harness, LevelOfCareForm.self))
        #expect(opened.sent == request)
    }

    @Test func aDateThatCannotBeReadIsNamedInPlace() throws {
        var harness = try chart("P-0004")
        harness.go(.changeLevelOfCare)
        harness.type("p")
        harness.go(.nextTab)
        harness.type("2026-13-01")
        #expect(harness.state.update(.command(.save)) == [])
        let opened = try #require(form(harness, LevelOfCareForm.self))
        #expect(opened.focus == .date)
        #expect(opened.problem?.isEmpty == false)
    }

    @Test func theCoresRefusalShowsInPlaceWithEveryAnswerKept() throws {
        var harness = try chart("P-0004")
        harness.go(.changeLevelOfCare)
        harness.type("i")
        let request = try #require(sendSave(&harness))
        let refusal = "The participant is already in Intensive Outpatient (IOP) on 2026-11-23."
        _ = harness.state.update(.written(WriteReply(request: request, result: .refused(refusal))))
        let opened = try #require(form(harness, LevelOfCareForm.self))
        #expect(opened.problem == refusal)
        #expect(opened.fields.choice(.level) == 1)
        #expect(screenText(harness).contains(refusal))
    }

    @Test func aSavedStepClosesTheFormAndItsWarningsReachTheStatusLine() throws {
        var harness = try chart("P-0004")
        harness.go(.changeLevelOfCare)
        harness.type("o")
        let request = try #require(sendSave(&harness))
        var saved = Fixture.participants.first { $0.id == "P-0004" }!
        try saved.changeLevelOfCare(to: .op, on: Fixture.today, reason: "Stable", by: Fixture.maria)
        let warning = "The change to Outpatient (OP) scheduled for 2026-12-01 was replaced."
        _ = harness.state.update(.written(WriteReply(
            request: request, result: .saved(SavedChange(session: nil, warnings: [warning], participant: saved)))))
        #expect(harness.state.modals.isEmpty)
        #expect(harness.state.status == .error("Step down IOP → OP from 23 Nov 2026; \(warning)"))
    }

    // MARK: Discharge

    /// Ctrl-S on the form on top: the request it sent, or nil when it sent none.
    /// Ctrl-S; a discharge asks once more first, and `y` sends it.
    func sendSave(_ harness: inout Harness) -> WriteRequest? {
        var effects = harness.state.update(.command(.save))
        if let question = harness.state.modals.top as? Question {
            #expect(question.text.contains("The chart becomes read-only; only a readmission reopens it."))
            effects = harness.state.update(.command(.confirm))
        }
        guard case .write(let request) = effects.first else { return nil }
        return request
    }

    @Test("A discharge asks once more; n leaves the form as it was, and Ctrl-S asks again")
    func aDischargeIsConfirmed() throws {
        var harness = try chart("P-0004")
        harness.go(.discharge)
        harness.type("a")
        #expect(harness.state.update(.command(.save)).isEmpty)
        #expect(harness.state.modals.top is Question)
        _ = harness.state.update(.command(.decline))
        #expect(harness.state.status == .info("Not saved; the form is as you left it"))
        let opened = try #require(form(harness, DischargeForm.self))
        #expect(opened.sent == nil)
        #expect(harness.state.update(.command(.save)).isEmpty)
        #expect(harness.state.modals.top is Question)
    }

    @Test func aDischargeWithAftercareIsReadIntoTheCoresRequest() throws {
        var harness = try chart("P-0004")
        harness.go(.discharge)
        var opened = try #require(form(harness, DischargeForm.self))
        // One support group and one follow-up to begin with; the next appears once one is used.
        #expect(opened.shownFields.filter { if case .supportGroup = $0.key { true } else { false } }.count == 1)
        #expect(!opened.shownFields.contains { $0.key == .overrideReason })
        harness.type("c")  // Completed program
        harness.go(.nextTab)
        harness.go(.nextTab)  // the date stays today
        harness.type("Met every objective; PHQ-9 down from 12 to 4.")
        harness.go(.nextTab)
        harness.type("SMART Recovery, Tuesdays")
        harness.go(.nextTab)
        opened = try #require(form(harness, DischargeForm.self))
        #expect(opened.focus == .supportGroup(1))
        harness.go(.nextTab)  // leaves the second group empty
        #expect(form(harness, DischargeForm.self)?.focus == .followUpDate(0))
        harness.go(.nextTab)
        harness.type("Dr. Ruiz")
        harness.go(.nextTab)
        harness.type("Medication review")
        // A follow-up without its date: the form says so and takes the focus there.
        #expect(harness.state.update(.command(.save)) == [])
        opened = try #require(form(harness, DischargeForm.self))
        #expect(opened.focus == .followUpDate(0))
        #expect(opened.problem == "Follow-up 1 needs its date, as YYYY-MM-DD.")
        harness.type("2026-11-30")
        #expect(form(harness, DischargeForm.self)?.shownFields.contains { $0.key == .followUpDate(1) } == true)
        let expected = WriteRequest.discharge("P-0004", DischargeRequest(
            date: Fixture.today, type: .completed, summary: "Met every objective; PHQ-9 down from 12 to 4.",
            aftercare: AftercarePlan(
                supportGroups: ["SMART Recovery, Tuesdays"],
                followUps: [FollowUpAppointment(date: Fixture.date("2026-11-30"), with: "Dr. Ruiz",
                                                purpose: "Medication review")])))
        #expect(sendSave(&harness) == expected)
    }

    @Test func aLongSummaryWrapsUnderItselfWhileTyped() throws {
        var harness = try chart("P-0004")
        harness.go(.discharge)
        harness.go(.nextTab)
        harness.go(.nextTab)
        harness.type("Aaliyah attended every PHP and IOP day, built a safety plan with her sister and returned "
                     + "to her job at the library with a graded schedule agreed with her manager.")
        let shown = screenText(harness)
        #expect(shown.contains("library with a graded schedule agreed with her"))
        #expect(shown.contains("manager. "))
        #expect(!shown.contains("…"))
    }

    @Test func aCounselorIsToldAboutAnOpenFlagAndGetsNoOverride() throws {
        var harness = try chart("P-0001")
        harness.go(.discharge)
        let opened = try #require(form(harness, DischargeForm.self))
        #expect(!opened.kind.offersOverride)
        #expect(!opened.shownFields.contains { $0.key == .overrideReason })
        #expect(screenText(harness).contains("A safety flag is open (20 Nov 2026)."))
        harness.type("a")  // Administrative discharge
        harness.go(.nextTab)
        harness.go(.nextTab)
        harness.type("Moved out of state.")
        let request = try #require(sendSave(&harness))
        guard case .discharge(_, let discharge) = request else {
            Issue.record("\(request)")
            return
        }
        #expect(discharge.openFlagOverride == nil)
        // The core refuses it; the reason shows in the form.
        let refusal = "P-0001 has an open safety flag (C-20261120-0001): assess it first, or ask a supervisor."
        _ = harness.state.update(.written(WriteReply(request: request, result: .refused(refusal))))
        #expect(form(harness, DischargeForm.self)?.problem == refusal)
    }

    @Test func aSupervisorWritesWhyTheDischargeGoesAheadWithAFlagOpen() throws {
        var harness = try chart("P-0001", as: Fixture.sandra)
        harness.go(.discharge)
        let opened = try #require(form(harness, DischargeForm.self))
        #expect(opened.kind.offersOverride)
        #expect(opened.shownFields.map(\.key).prefix(4) == [.type, .date, .summary, .overrideReason])
        harness.type("t")  // Transferred to another provider
        harness.go(.nextTab)
        harness.go(.nextTab)
        harness.type("Transferred to inpatient care at Mercy.")
        harness.go(.nextTab)
        harness.type("Admitted inpatient today; the unit assesses him there.")
        let request = try #require(sendSave(&harness))
        guard case .discharge(_, let discharge) = request else {
            Issue.record("\(request)")
            return
        }
        #expect(discharge.type == .transferred)
        #expect(discharge.openFlagOverride == "Admitted inpatient today; the unit assesses him there.")
        #expect(discharge.aftercare.isEmpty)
    }

    @Test func aSavedDischargeClosesTheFormAndSaysSo() throws {
        var harness = try chart("P-0004")
        harness.go(.discharge)
        harness.type("a")
        harness.go(.nextTab)
        harness.go(.nextTab)
        harness.type("Stopped attending.")
        let request = try #require(sendSave(&harness))
        var saved = Fixture.participants.first { $0.id == "P-0004" }!
        try saved.discharge(Discharge(date: Fixture.today, type: .administrative, summary: "Stopped attending.",
                                      aftercare: AftercarePlan(), dischargedBy: Fixture.maria))
        _ = harness.state.update(.written(WriteReply(
            request: request, result: .saved(SavedChange(session: nil, participant: saved)))))
        #expect(harness.state.modals.isEmpty)
        #expect(harness.state.status == .info("Discharged"))
        #expect(harness.state.keepStatusOnReload)
    }

    // MARK: Readmit

    @Test func aReadmissionIsReadIntoTheCoresRequest() throws {
        var harness = try chart("P-0013")
        harness.go(.readmit)
        #expect(screenText(harness).contains("Discharged on 13 Nov 2026: completed program."))
        harness.go(.nextTab)
        harness.type("i")
        harness.go(.nextTab)
        harness.type("Relapsed after losing his job.")
        let request = try #require(sendSave(&harness))
        #expect(request == .readmit("P-0013", on: Fixture.today, to: .iop, reason: "Relapsed after losing his job."))
        var saved = Fixture.participants.first { $0.id == "P-0013" }!
        try saved.readmit(on: Fixture.today, to: .iop, reason: "Relapsed after losing his job.", by: Fixture.maria)
        _ = harness.state.update(.written(WriteReply(
            request: request, result: .saved(SavedChange(session: nil, participant: saved)))))
        #expect(harness.state.status == .info("Readmitted to IOP on 23 Nov 2026; the earlier stay is kept"))
    }
}
