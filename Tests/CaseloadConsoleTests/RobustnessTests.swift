@testable import CaseloadConsole
import CaseloadCore
import Testing
import TerminalKit

/// Any size, any key: the console never crashes and its cursors stay on real rows.
@Suite struct RobustnessTests {
    @Test(arguments: ScreenName.allCases)
    func everyScreenRendersAtEverySizeFromNothingUp(_ name: ScreenName) throws {
        for cols in [0, 1, 2, 5, 17, 79, 80, 81, 119, 120, 121, 200] {
            for rows in [0, 1, 2, 3, 23, 24, 25, 60] {
                let size = Size(cols: cols, rows: rows)
                let state = try ConsoleState.forRender(
                    screen: name, participant: name == .discharge ? "P-0013" : "P-0001", session: Fixture.session(),
                    source: Fixture.source(), size: size)
                let screen = render(state, size: size)
                #expect(screen.size == size)
                for line in screen.lines { #expect(DisplayWidth.of(line) == cols) }
            }
        }
    }

    /// A deterministic generator, so a failing storm can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func aKeyStormLeavesTheStateConsistent(_ seed: UInt64) {
        var random = SplitMix(state: seed)
        let keys: [Key] = Array(Set(KeyTable.bindings.flatMap(\.keys))).sorted { $0.description < $1.description }
            + [.char("x"), .char("é"), .char("李"), .paste("núñez\nP-0003"), .left, .function(5), .ctrl("x")]
        var harness = Harness(size: Size(cols: 130, rows: 30))
        for step in 0..<1_500 {
            var key = keys.randomElement(using: &random)!
            // Quitting would end the storm; keep going as if the user changed their mind.
            if key == .char("q") { key = .char("?") }
            if step % 500 == 499 {
                let size = [Size(cols: 80, rows: 24), Size(cols: 160, rows: 48), Size(cols: 40, rows: 10)]
                    .randomElement(using: &random)!
                harness.perform(harness.state.update(.resized(size)))
            }
            let effects = harness.state.update(KeyTable.action(for: key, in: harness.state))
            #expect(!effects.contains(.quit) || [.roster, .report].contains(harness.state.keyMode))
            harness.perform(effects.filter { $0 != .quit })
            let roster = harness.state.roster
            #expect(roster.visible.isEmpty ? roster.cursor.selected == 0
                    : roster.visible.indices.contains(roster.cursor.selected))
            _ = render(harness.state, size: harness.state.size)
        }
    }
}
