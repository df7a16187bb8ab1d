@testable import CaseloadConsole
import CaseloadCore
import SnapshotTesting
import Testing
import TerminalKit

/// The Discharge tab of someone in care and the forms it opens (step down or up, discharge,
/// readmit) at 80×24 and 160×48. The tab of a discharged participant is `screen.discharge` in
/// `GoldenScreenTests`. Regenerate with SNAPSHOT_TESTING_RECORD=all after a deliberate change.
@Suite struct GoldenStayScreenTests {
    static let sizes = [Size(cols: 80, rows: 24), Size(cols: 160, rows: 48)]

    func chart(_ participant: ParticipantID, as staff: StaffID = Fixture.maria, size: Size) throws -> Harness {
        var harness = Harness(as: staff, size: size)
        harness.state = try ConsoleState.forRender(
            screen: .discharge, participant: participant, session: Fixture.session(as: staff), source: Fixture.source(),
            size: size)
        return harness
    }

    func snapshot(_ harness: Harness, _ name: String) {
        let size = harness.state.size
        assertSnapshot(of: text(of: render(harness.state, size: size)), as: .lines,
                       named: "\(name)-\(size.cols)x\(size.rows)", testName: "stay")
    }

    @Test func dischargeTabInCare() throws {
        for size in Self.sizes { snapshot(try chart("P-0004", size: size), "discharge-tab") }
    }

    @Test func stepForm() throws {
        for size in Self.sizes {
            var harness = try chart("P-0004", size: size)
            harness.go(.changeLevelOfCare)
            harness.type("o")
            harness.go(.nextTab)
            harness.go(.nextTab)
            harness.type("Stable mood for three weeks; back at work part time.")
            snapshot(harness, "step-form")
        }
    }

    /// A supervisor discharging someone whose safety flag is open: the banner, the aftercare
    /// and the override reason.
    @Test func dischargeForm() throws {
        for size in Self.sizes {
            var harness = try chart("P-0001", as: Fixture.sandra, size: size)
            harness.go(.discharge)
            harness.type("t")
            harness.go(.nextTab)
            harness.go(.nextTab)
            harness.type("Transferred to inpatient care at Mercy after a relapse.")
            harness.go(.nextTab)
            harness.type("Admitted inpatient today; the unit assesses him there.")
            harness.go(.nextTab)
            harness.type("SMART Recovery, Tuesdays")
            harness.go(.nextTab)
            harness.go(.nextTab)
            harness.type("2026-11-30")
            harness.go(.nextTab)
            harness.type("Dr. Ruiz")
            harness.go(.nextTab)
            snapshot(harness, "discharge-form")
        }
    }

    @Test func readmitForm() throws {
        for size in Self.sizes {
            var harness = try chart("P-0013", size: size)
            harness.go(.readmit)
            harness.go(.nextTab)
            harness.type("i")
            snapshot(harness, "readmit-form")
        }
    }
}
