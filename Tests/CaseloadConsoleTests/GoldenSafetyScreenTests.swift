@testable import CaseloadConsole
import CaseloadCore
import SnapshotTesting
import Testing
import TerminalKit

/// The check-in form with the item 9 banner, the risk assessment, and the flag history on the
/// Progress tab, at 80×24 and 160×48. Regenerate with SNAPSHOT_TESTING_RECORD=all after a
/// deliberate change; review the diff.
@Suite struct GoldenSafetyScreenTests {
    static let sizes = [Size(cols: 80, rows: 24), Size(cols: 160, rows: 48)]

    func snapshot(_ harness: Harness, _ name: String) {
        let size = harness.state.size
        assertSnapshot(of: harness.screenText, as: .lines, named: "\(name)-\(size.cols)x\(size.rows)", testName: "safety")
    }

    @Test func checkInWithItemNine() {
        for size in Self.sizes {
            var harness = Harness.onParticipant("P-0005", size: size)
            harness.go(.recordCheckIn)
            harness.type("110100102")
            snapshot(harness, "checkin")
        }
    }

    @Test func riskAssessment() {
        for size in Self.sizes {
            var harness = Harness.onParticipant("P-0001", size: size)
            harness.go(.assessFlag)
            harness.type("ynnnnn")
            harness.type("Sister nearby; engaged in group")
            snapshot(harness, "assessment")
        }
    }

    @Test func raisingAFlag() {
        for size in Self.sizes {
            var harness = Harness.onParticipant("P-0005", size: size)
            harness.go(.raiseFlag)
            harness.type("Said she has been thinking about not waking up")
            snapshot(harness, "raise-flag")
        }
    }
}
