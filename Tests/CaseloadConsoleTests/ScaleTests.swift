@testable import CaseloadConsole
import CaseloadCore
import Foundation
import Testing
import TerminalKit

/// 3,000 participants: the roster filters as you type and a frame renders without re-sorting.
/// Debug builds are several times slower than release; the bounds here catch accidental
/// quadratic work, and `caseload-bench` measures the release numbers.
@Suite struct ScaleTests {
    static let source = LargeCaseload.source(count: 3_000)
    static let size = Size(cols: 200, rows: 60)

    func milliseconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }

    @Test func filteringThreeThousandRowsNarrowsAsYouType() throws {
        var harness = Harness(as: Fixture.sandra, size: Self.size, source: Self.source)
        harness.state = ConsoleState(session: Fixture.session(as: Fixture.sandra),
                                     data: try Self.source.loadConsoleData(today: Fixture.today), size: Self.size)
        harness.go(.showRoster)
        #expect(harness.state.roster.visible.count == 3_000)
        harness.go(.filter)
        var elapsed: [Double] = []
        for character in "nunez 1" {
            elapsed.append(milliseconds { harness.type(String(character)) })
        }
        #expect(harness.rosterNames.allSatisfy { $0.hasPrefix("Núñez 1") })
        let expected = Self.source.participants.values.filter { $0.lastName.hasPrefix("Núñez 1") }.count
        #expect(harness.rosterNames.count == expected)
        #expect(expected > 50)
        #expect(elapsed.max()! < 100, "typing took \(elapsed) ms")
    }

    @Test func aFullRosterFrameRendersQuickly() throws {
        var state = ConsoleState(session: Fixture.session(as: Fixture.sandra),
                                 data: try Self.source.loadConsoleData(today: Fixture.today), size: Self.size)
        _ = state.update(.command(.showRoster))
        _ = state.update(.participantLoaded(try Self.source.loadParticipant("P-0001", today: Fixture.today)))
        _ = render(state, size: Self.size)
        let runs = 20
        let total = milliseconds { for _ in 0..<runs { _ = render(state, size: Self.size) } }
        #expect(total / Double(runs) < 100, "a frame took \(total / Double(runs)) ms")
    }
}
