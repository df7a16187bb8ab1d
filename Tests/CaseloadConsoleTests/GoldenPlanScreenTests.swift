@testable import CaseloadConsole
import CaseloadCore
import SnapshotTesting
import Testing
import TerminalKit

/// The Plan tab with an objective selected and the notes on each, the plan item form, the status
/// and review forms, and Ctrl-O's checklist in the editor, at 80×24 and 160×48. Regenerate with
/// SNAPSHOT_TESTING_RECORD=all after a deliberate change; review the diff.
@Suite struct GoldenPlanScreenTests {
    static let sizes = [Size(cols: 80, rows: 24), Size(cols: 160, rows: 48)]

    func snapshot(_ harness: Harness, _ name: String) {
        let size = harness.state.size
        assertSnapshot(of: harness.screenText, as: .lines, named: "\(name)-\(size.cols)x\(size.rows)", testName: "plan")
    }

    /// José's Plan tab with objective 1.1.2 selected.
    func onObjective(_ size: Size) -> Harness {
        var harness = PlanTabTests.onPlan(size: size)
        for _ in 0..<3 { harness.go(.moveDown) }
        return harness
    }

    @Test func tabWithSelectionAndCounts() {
        for size in Self.sizes { snapshot(onObjective(size), "tab") }
    }

    @Test func addingUnderAnObjective() {
        for size in Self.sizes {
            var harness = onObjective(size)
            harness.go(.addPlanItem)
            harness.go(.nextTab)
            harness.type("Names three people to call when craving is high.")
            snapshot(harness, "add-item")
        }
    }

    @Test func editingAnObjective() {
        for size in Self.sizes {
            var harness = onObjective(size)
            harness.go(.editPlanItem)
            snapshot(harness, "edit-item")
        }
    }

    @Test func settingAStatus() {
        for size in Self.sizes {
            var harness = onObjective(size)
            harness.go(.setObjectiveStatus)
            harness.go(.nextChoice)
            snapshot(harness, "status")
        }
    }

    @Test func recordingAReview() {
        for size in Self.sizes {
            var harness = PlanTabTests.onPlan(size: size)
            harness.go(.reviewPlan)
            harness.go(.nextTab)
            harness.type("Attending well; relapse prevention plan still to write.")
            snapshot(harness, "review")
        }
    }

    @Test func linkingANote() {
        for size in Self.sizes {
            var harness = ObjectiveLinkTests.editor(size: size)
            ObjectiveLinkTests.press(.ctrl("o"), &harness)
            ObjectiveLinkTests.press(.char(" "), &harness)
            ObjectiveLinkTests.press(.down, &harness)
            snapshot(harness, "checklist")
        }
    }
}
