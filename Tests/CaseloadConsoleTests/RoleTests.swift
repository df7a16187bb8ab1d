@testable import CaseloadConsole
import CaseloadCore
import Testing
import TerminalKit

/// The console's roles are the names themes style: no more, no fewer, and every one drawn is known.
@Suite struct RoleTests {
    @Test func theRoleSetIsExactlyWhatThemesStyle() throws {
        for name in ThemeCatalog(searchDirectories: []).availableNames() {
            let theme = try ThemeCatalog(searchDirectories: []).load(name, knownRoles: Role.all)
            #expect(Role.all == Set(theme.styles.keys), "\(name)")
        }
        #expect(Role.all.count == 35)
    }

    @Test(arguments: ScreenName.allCases)
    func everyDrawnCellUsesAKnownRole(_ name: ScreenName) throws {
        let state = try ConsoleState.forRender(
            screen: name, participant: name == .discharge ? "P-0013" : "P-0001", session: Fixture.session(),
            source: Fixture.source(damaged: ["staff/x.json"]), size: Size(cols: 160, rows: 48))
        let roles = Set(render(state, size: Size(cols: 160, rows: 48)).cells.map(\.role))
        #expect(roles.allSatisfy { $0.isKnown }, "unknown: \(roles.filter { !$0.isKnown })")
    }

    @Test func severitiesAndFlagsAreDrawnInTheirRoles() throws {
        let size = Size(cols: 160, rows: 48)
        var state = try ConsoleState.forRender(screen: .roster, session: Fixture.session(), source: Fixture.source(),
                                               size: size)
        _ = state.update(.command(.moveToBottom))  // move the highlight off the rows checked below
        let screen = render(state, size: size)
        func role(of text: String, onRowWith name: String) -> Role? {
            guard let y = (0..<size.rows).first(where: { screen.lines[$0].contains(name) }) else { return nil }
            let x = (0..<size.cols).first { x in
                (0..<text.count).map { screen[x + $0, y].text }.joined() == text
            }
            return x.map { screen[$0, y].role }
        }
        #expect(role(of: "⚑", onRowWith: "Núñez") == .flagSafety)
        #expect(role(of: "15", onRowWith: "Núñez") == .scoreModeratelySevere)
        #expect(role(of: "16", onRowWith: "Nguyễn") == .scoreModeratelySevere)
        #expect(role(of: "C+15", onRowWith: "Brooks") == .flagWarning)
        #expect(role(of: "3/20h", onRowWith: "Nguyễn") == .meterShort)
        #expect(role(of: "1/1h", onRowWith: "Ávila") == .value)
    }
}
