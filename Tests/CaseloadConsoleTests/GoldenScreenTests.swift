@testable import CaseloadConsole
import CaseloadCore
import SnapshotTesting
import Testing
import TerminalKit

/// Every screen `caseload render` can print, at 80×24 and 160×48, from the fixture.
/// Regenerate with SNAPSHOT_TESTING_RECORD=all after a deliberate change; review the diff.
@Suite struct GoldenScreenTests {
    static let sizes = [Size(cols: 80, rows: 24), Size(cols: 160, rows: 48)]

    static let cases: [(ScreenName, ParticipantID?)] = ScreenName.allCases.map { name in
        switch name {
        case .discharge: (name, "P-0013")
        case _ where name.needsParticipant: (name, "P-0001")
        default: (name, nil)
        }
    }

    @Test(arguments: cases.map(\.0))
    func screen(_ name: ScreenName) throws {
        let participant = Self.cases.first { $0.0 == name }!.1
        for size in Self.sizes {
            let state = try ConsoleState.forRender(
                screen: name, participant: participant, session: Fixture.session(), source: Fixture.source(),
                size: size)
            assertSnapshot(of: text(of: render(state, size: size)), as: .lines,
                           named: "\(name.rawValue)-\(size.cols)x\(size.rows)", testName: "screen")
        }
    }

    @Test func supervisorLandsOnTheDashboard() throws {
        let state = try ConsoleState.forRender(
            screen: .dashboard, session: Fixture.session(as: Fixture.sandra), source: Fixture.source(
                damaged: ["sessions/2026-W47/S-20261119-0900-x7k2pq.json", "checkins/P-0004/C-20261101-aa11bb.json"]),
            size: Size(cols: 120, rows: 40))
        assertSnapshot(of: text(of: render(state, size: Size(cols: 120, rows: 40))), as: .lines,
                       named: "dashboard-supervisor-120x40")
    }

    @Test func asciiRoster() throws {
        let state = try ConsoleState.forRender(
            screen: .roster, session: Fixture.session(glyphs: .ascii), source: Fixture.source(),
            size: Size(cols: 120, rows: 30))
        assertSnapshot(of: text(of: render(state, size: Size(cols: 120, rows: 30))), as: .lines,
                       named: "roster-ascii-120x30")
    }

    /// The screens with tables at the sizes people use (80×24 is in `screen`): a column with room
    /// is never cut, every cut ends in "…", titles are cut between words and the sort arrow stays.
    @Test(arguments: [ScreenName.today, .roster, .sessions, .dashboard, .participant, .notes, .progress])
    func tables(_ name: ScreenName) throws {
        let participant = Self.cases.first { $0.0 == name }!.1
        for size in [Size(cols: 120, rows: 40), Size(cols: 250, rows: 50)] {
            let state = try ConsoleState.forRender(
                screen: name, participant: participant, session: Fixture.session(), source: Fixture.source(),
                size: size)
            assertSnapshot(of: text(of: render(state, size: size)), as: .lines,
                           named: "\(name.rawValue)-\(size.cols)x\(size.rows)", testName: "tables")
        }
    }

    /// LANG=C: ASCII borders and marks, names spelled in ASCII ("Li Xiao Long", "Nunez").
    @Test(arguments: [(ScreenName.today, ParticipantID?.none), (.participant, "P-0003"), (.family, "P-0001")])
    func asciiScreens(_ name: ScreenName, participant: ParticipantID?) throws {
        let size = Size(cols: 80, rows: 24)
        let state = try ConsoleState.forRender(
            screen: name, participant: participant, session: Fixture.session(glyphs: .ascii), source: Fixture.source(),
            size: size)
        let screen = text(of: render(state, size: size))
        #expect(screen.allSatisfy { $0.isASCII }, "\(screen)")
        assertSnapshot(of: screen, as: .lines, named: "\(name.rawValue)-ascii-80x24", testName: "ascii")
    }

    @Test(arguments: [Size(cols: 79, rows: 24), Size(cols: 40, rows: 10), Size(cols: 12, rows: 3)])
    func smallWindow(_ size: Size) throws {
        let state = try ConsoleState.forRender(screen: .roster, session: Fixture.session(), source: Fixture.source(),
                                               size: size)
        assertSnapshot(of: text(of: render(state, size: size)), as: .lines,
                       named: "\(size.cols)x\(size.rows)", testName: "small")
    }
}
