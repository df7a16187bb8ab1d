@testable import CaseloadConsole
import CaseloadCore
import Testing

/// A question asks before a save: `y` sends it, `n` and Esc leave everything as it was.
@Suite struct QuestionTests {
    static let target = NoteTarget(session: "S-20261118-0900-grojch", participant: "P-0003")

    func asked() -> Harness {
        var harness = Harness(as: Fixture.sandra)
        _ = harness.state.open(Question("Co-sign this note?", effects: [.write(.coSignNote(Self.target))]))
        return harness
    }

    @Test func yesSendsTheSaveAndClosesTheQuestion() {
        var harness = asked()
        harness.press(.confirm, effects: [.write(.coSignNote(Self.target))]) {
            $0.modals.popTop()
            $0.status = .info("Saving…")
            $0.writesInFlight = 1
        }
    }

    @Test func noAndEscLeaveIt() {
        var harness = asked()
        harness.press(.decline) {
            $0.modals.popTop()
            $0.status = .info("Nothing was changed")
        }
        harness = asked()
        harness.press(.back) {
            $0.modals.popTop()
            $0.status = .info("Nothing was changed")
        }
    }

    @Test func otherKeysDoNothingButSaySo() {
        var harness = asked()
        harness.press(key: .char("q")) { $0.status = .error("q: \"Quit Caseload\" works on: Roster, Today, Sessions, Dashboard, Participant screen") }
    }
}
