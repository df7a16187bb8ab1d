@testable import CaseloadConsole
import CaseloadCore
import Testing
import TerminalKit

/// `c`: one digit per item, live totals, the item 9 banner, and the risk assessment next when
/// the saved check-in raised a flag.
@Suite struct CheckInFormTests {
    /// Ana María Ávila: on Maria's caseload, no flag.
    static let participant: ParticipantID = "P-0005"

    func opened() -> Harness {
        var harness = Harness.onParticipant(Self.participant)
        harness.go(.recordCheckIn)
        return harness
    }

    @Test func itOpensFromTheRosterToo() throws {
        var harness = Harness()
        harness.go(.showRoster)
        let selected = try #require(harness.state.selectedRosterParticipant)
        harness.go(.recordCheckIn)
        #expect(harness.form(CheckInForm.self)?.kind.participant == selected)
        #expect(harness.state.keyMode == .form)
    }

    @Test("Each digit answers an item and moves to the next; the totals follow")
    func digitsMoveOn() throws {
        var harness = opened()
        harness.type("1210")
        let form = try #require(harness.form(CheckInForm.self))
        #expect(form.focus == .item(.phq9, 4))
        #expect(harness.screenText.contains("PHQ-9 4 of 9 items answered"))
        harness.type("11002")
        #expect(harness.form(CheckInForm.self)?.focus == .item(.gad7, 0))
        #expect(harness.screenText.contains("PHQ-9 8 of 27, mild"))
    }

    @Test("A key that is not a score is refused with the reason, and nothing moves")
    func wrongKeys() throws {
        var harness = opened()
        harness.type("5")
        #expect(harness.state.status == .error("1. Little interest or pleasure in doing things: Scored 0 to 3: 5 is not a score here"))
        harness.type("a")
        #expect(harness.state.status == .error("1. Little interest or pleasure in doing things: Type a number from 0 to 3"))
        #expect(harness.form(CheckInForm.self)?.focus == .item(.phq9, 0))
    }

    @Test("Item 9 above 0 shows the banner at once")
    func itemNineBanner() {
        var harness = opened()
        harness.type("00000000")
        #expect(!harness.screenText.contains("Saving raises a safety flag"))
        harness.type("2")
        #expect(harness.screenText.contains("PHQ-9 item 9 answered 2 (more than half the days): thoughts of death"))
        #expect(harness.screenText.contains("Saving raises a safety flag, and the risk assessment opens next."))
    }

    @Test("A questionnaire half answered names the first item without an answer and moves there")
    func partialQuestionnaire() throws {
        var harness = opened()
        harness.type("123")
        let effects = harness.state.update(.command(.save))
        #expect(effects.isEmpty)
        let form = try #require(harness.form(CheckInForm.self))
        #expect(form.focus == .item(.phq9, 3))
        #expect(form.problem == "PHQ-9 item 4 has no answer: answer every item, or none to leave PHQ-9 out.")
    }

    @Test("Ctrl-S sends every answer to the core; use and screen details only when they apply")
    func request() throws {
        var harness = opened()
        harness.type("000000000" + "1111111")
        harness.type("10")
        harness.go(.nextTab)
        harness.type("y")
        harness.type("two beers")
        harness.go(.nextTab)
        harness.type("p")
        harness.go(.nextTab)
        harness.type("THC")
        harness.go(.nextTab)
        harness.type("Slept badly")
        let effects = harness.state.update(.command(.save))
        let expected = CheckInRequest(
            participant: Self.participant, date: Fixture.today, phq9: Array(repeating: 0, count: 9),
            gad7: Array(repeating: 1, count: 7), craving: 10, substanceUse: SubstanceUse(used: true, details: "two beers"),
            drugScreen: DrugScreen(result: .positive, substances: "THC"), comment: "Slept badly")
        #expect(effects == [.write(.recordCheckIn(expected))])
    }

    @Test("Craving, use and the screen may stay empty")
    func optionalParts() throws {
        var harness = opened()
        harness.type("000000000")
        let effects = harness.state.update(.command(.save))
        #expect(effects == [.write(.recordCheckIn(CheckInRequest(
            participant: Self.participant, date: Fixture.today, phq9: Array(repeating: 0, count: 9))))])
    }

    @Test("Saved with a flag: the risk assessment for that check-in takes the form's place")
    func assessmentFollows() throws {
        var harness = opened()
        harness.type("000000001")
        let effects = harness.state.update(.command(.save))
        guard case .write(let request) = try #require(effects.first) else { Issue.record("no write"); return }
        let saved = try CheckIn(
            id: "C-20261123-abcdef", participant: Self.participant, date: Fixture.today, recordedBy: Fixture.maria,
            phq9: [0, 0, 0, 0, 0, 0, 0, 0, 1], gad7: nil, craving: nil, substanceUse: nil,
            revision: Fixture.revision("2026-11-23"))
        _ = harness.state.update(.written(WriteReply(request: request, result: .saved(SavedChange(session: nil, checkIn: saved)))))
        let assessment = try #require(harness.form(RiskAssessmentForm.self))
        #expect(assessment.kind.checkIn == saved.id)
        #expect(harness.state.modals.count == 1)
        #expect(harness.state.status == .error("Check-in recorded and a safety flag raised: complete the risk assessment now"))
    }

    @Test("A refusal is shown in place and every answer is kept")
    func refusal() throws {
        var harness = opened()
        harness.type("000000000")
        let effects = harness.state.update(.command(.save))
        guard case .write(let request) = try #require(effects.first) else { Issue.record("no write"); return }
        let before = try #require(harness.form(CheckInForm.self)).fields
        _ = harness.state.update(.written(WriteReply(request: request, result: .refused("A check-in cannot be dated in the future."))))
        let form = try #require(harness.form(CheckInForm.self))
        #expect(form.problem == "A check-in cannot be dated in the future.")
        #expect(form.fields == before)
    }

    @Test("Esc on an untouched form closes it; on answers it asks first, and a second Esc discards")
    func escape() {
        var harness = opened()
        harness.go(.back)
        #expect(harness.state.modals.count == 0)
        harness.go(.recordCheckIn)
        harness.type("1")
        harness.go(.back)
        #expect(harness.state.modals.count == 1)
        #expect(harness.state.status == .error("Esc again discards this check-in; Ctrl-S saves it"))
        harness.go(.back)
        #expect(harness.state.modals.count == 0)
    }
}
