@testable import CaseloadConsole
import CaseloadCore
import TerminalKit

extension Harness {
    /// The participant's screen, opened from the roster as a user would.
    static func onParticipant(_ id: ParticipantID, as staff: StaffID = Fixture.maria,
                              size: Size = Size(cols: 80, rows: 24)) -> Harness {
        var harness = Harness(as: staff, size: size)
        harness.go(.showRoster)
        harness.go(.showAll)
        for _ in harness.state.roster.visible where harness.state.selectedRosterParticipant != id {
            harness.go(.moveDown)
        }
        harness.go(.open)
        return harness
    }

    /// The form on top, as its kind.
    func form<Kind: FormKind>(_ kind: Kind.Type) -> FormScreen<Kind>? {
        state.modals.top as? FormScreen<Kind>
    }

    var screenText: String { text(of: render(state, size: state.size)) }
}
