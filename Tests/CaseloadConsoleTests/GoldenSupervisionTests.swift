@testable import CaseloadConsole
@testable import CaseloadCore
import SnapshotTesting
import Testing
import TerminalKit

/// The supervision screens at 80×24 and 160×48: a high-risk assessment pinned on the roster and
/// the dashboard, the discharged list, and the reports `:report` shows.
/// Regenerate with SNAPSHOT_TESTING_RECORD=all after a deliberate change; review the diff.
@Suite struct GoldenSupervisionTests {
    static let sizes = [Size(cols: 80, rows: 24), Size(cols: 160, rows: 48)]

    /// The fixture with Hiroshi Tanaka (P-0012, last on Maria's roster by name) assessed at high
    /// risk on Friday, not yet reviewed.
    static func highRiskSource() -> InMemoryDataSource {
        var flagged = Fixture.checkIn("P-0012", "2026-11-20", phq: 14, gad: 6, itemNine: 2)
        flagged.id = "C-20261120-hr0012"
        try! flagged.assessSafetyFlag(RiskAssessment(
            by: Fixture.maria, at: Fixture.instant("2026-11-20", "15:00"),
            answers: try! RiskAnswers(Dictionary(uniqueKeysWithValues: RiskQuestion.allCases.map { ($0, $0 == .thoughtsOfDeath) })),
            protectiveFactors: "Daughter visits weekly", riskLevel: .high, actions: [.safetyPlan, .supervisorConsulted],
            otherAction: nil, followUp: Fixture.date("2026-11-24")))
        let checkIns = Fixture.checkIns + [flagged]
        var source = Fixture.source()
        source.checkIns = checkIns
        source.data.roster = Fixture.index(checkIns)
        return source
    }

    static func harness(_ size: Size, source: InMemoryDataSource, as staff: StaffID = Fixture.maria) -> Harness {
        var harness = Harness(as: staff, size: size, source: source)
        harness.perform([.reloadCaseload])
        return harness
    }

    static func snapshot(_ harness: Harness, _ name: String, testName: String = #function) {
        let size = harness.state.size
        assertSnapshot(of: text(of: render(harness.state, size: size)), as: .lines,
                       named: "\(name)-\(size.cols)x\(size.rows)", testName: testName)
    }

    @Test func highRiskIsPinnedOnTheRosterAndDashboard() throws {
        for size in Self.sizes {
            var harness = Self.harness(size, source: Self.highRiskSource())
            harness.go(.showRoster)
            harness.go(.moveToTop)
            #expect(harness.state.selectedRosterParticipant == "P-0012", "pinned above Al-Sayed, first by name")
            harness.go(.nextSort)
            harness.go(.moveToTop)
            #expect(harness.state.selectedRosterParticipant == "P-0012", "pinned whatever the sort")
            Self.snapshot(harness, "roster")
            harness.go(.showDashboard)
            #expect(harness.state.digest.dashboard.sections.first?.rows.first?.participant == "P-0012")
            Self.snapshot(harness, "dashboard")
        }
    }

    @Test func theDischargedListOpensReadOnlyCharts() throws {
        for size in Self.sizes {
            var harness = Self.harness(size, source: Fixture.source())
            harness.go(.showRoster)
            harness.go(.showDischarged)
            #expect(harness.state.selectedRosterParticipant == "P-0013")
            Self.snapshot(harness, "discharged")
            harness.go(.open)
            #expect(harness.state.whyChartReadOnly("P-0013") == "Discharged on 13 Nov 2026; the chart is read-only")
            Self.snapshot(harness, "discharged-chart")
        }
    }

    @Test func reports() throws {
        for size in Self.sizes {
            var harness = Self.harness(size, source: Self.highRiskSource())
            harness.go(.showRoster)
            harness.go(.showReport)
            #expect(harness.state.keyMode == .reading)
            Self.snapshot(harness, "progress")
            harness.go(.back)
            harness.go(.openPalette)
            harness.type("report program")
            harness.go(.runCommand)
            Self.snapshot(harness, "program")
        }
    }
}

/// What the supervision keys do, pressed by name.
@Suite struct SupervisionNavigationTests {
    @Test func enterOnACounselorLineListsTheirCaseload() throws {
        var harness = Harness(as: Fixture.sandra)
        let report = harness.state.digest.dashboard
        let index = try #require((0..<report.rowCount).first { report.row(at: $0)?.opens == .caseload(Fixture.james) })
        for _ in 0..<index { harness.go(.moveDown) }
        harness.go(.open)
        #expect(harness.state.page == .roster && harness.state.roster.scope == .caseload(of: Fixture.james))
        #expect(harness.state.roster.visible.allSatisfy { harness.state.rosterRows[$0].entry.primaryCounselor == Fixture.james })
        #expect(harness.state.status == .info("Caseload of James Chen: 5 participants"))
    }

    @Test func enterOnAPlanReviewOverdueOpensThePlanTab() throws {
        var harness = Harness(as: Fixture.sandra)
        let report = harness.state.digest.dashboard
        let index = try #require((0..<report.rowCount).first {
            if case .chart(_, tab: .plan) = report.row(at: $0)?.opens { true } else { false }
        })
        guard case .chart(let id, _) = report.row(at: index)?.opens else { return }
        for _ in 0..<index { harness.go(.moveDown) }
        harness.go(.open)
        #expect(harness.state.participantScreen == ParticipantScreen(id: id, tab: .plan))
    }

    @Test func theDischargedListIsReadAgainAfterAReloadWhileShown() {
        var harness = Harness()
        harness.go(.showRoster)
        harness.press(.showDischarged, effects: [.loadDischarged]) {
            $0.roster.scope = .discharged
            $0.roster.visible = []
            $0.status = .info("Reading the discharged participants' files…")
        }
        #expect(harness.state.update(.dataLoaded(Fixture.data())).contains(.loadDischarged))
        harness.go(.showAll)
        #expect(!harness.state.update(.dataLoaded(Fixture.data())).contains(.loadDischarged))
        #expect(harness.state.discharged == nil, "forgotten once not shown, so d reads it fresh")
    }

    @Test func reportWordsAreCheckedBeforeAnythingIsRead() {
        var harness = Harness()
        harness.go(.openPalette)
        harness.type("report program 23/11/2026")
        harness.press(.runCommand) {
            $0.overlay = nil
            $0.status = .error("Write the week as one of its days, YYYY-MM-DD, for example 2026-11-23")
        }
        harness.go(.openPalette)
        harness.type("report weekly")
        harness.press(.runCommand) {
            $0.overlay = nil
            $0.status = .error("Ask for :report program, :report program DATE or :report progress P-0007")
        }
        harness.go(.openPalette)
        harness.type("report program 2026-11-16")
        let request = ReportRequest.program(Fixture.date("2026-11-16").isoWeek, now: Fixture.now)
        harness.press(.runCommand, effects: [.loadReport(request)]) {
            $0.overlay = nil
            $0.modals.push(ReportScreen(request: request))
        }
    }
}
