import ArgumentParser
import CaseloadConsole
import CaseloadCore
import Foundation
import TerminalKit

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print a console screen as text, without a terminal (for scripts, tests and support).",
        discussion: """
            Screens: \(ScreenName.allCases.map(\.rawValue).joined(separator: ", ")). Participant screens need --participant.
            With --theme, the screen is printed in that theme's ANSI colors.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The screen to print.") var screen: ScreenName
    @Option(help: ArgumentHelp("Window size as COLSxROWS.", valueName: "COLSxROWS")) var size = "120x40"
    @Option(help: "The participant shown by participant screens.") var participant: String?
    /// With a theme, the screen is printed in its ANSI colors.
    @OptionGroup var console: ConsoleOptions
    @Option(help: "Draw with ascii or unicode borders and marks.") var glyphs: GlyphSet = .unicode

    enum GlyphSet: String, ExpressibleByArgument, CaseIterable { case unicode, ascii }

    func run() throws {
        let dimensions = try parseSize(size)
        // Before opening the caseload: a theme that does not exist is the first thing to fix.
        let theme = try console.requestedTheme(from: .forCurrentProcess())
        let acting = try store.open()
        let now = acting.caseload.clock.now()
        let session = ConsoleSession(
            staff: acting.staff, today: try acting.today(), now: now,
            glyphs: glyphs == .ascii ? .ascii : .unicode)
        let state = try ConsoleState.forRender(
            screen: screen, participant: participant.map { ParticipantID($0) }, session: session,
            source: StoreDataSource(caseload: acting.caseload, staff: acting.staff.id), size: dimensions)
        let frame = CaseloadConsole.render(state, size: dimensions)
        if let theme {
            Output.frame(frame.ansiText(theme: theme))
        } else {
            Output.frame(frame.lines.joined(separator: "\n"))
        }
    }

    private func parseSize(_ text: String) throws -> Size {
        let parts = text.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, (1...1000).contains(parts[0]), (1...1000).contains(parts[1]) else {
            throw ValidationError("--size takes COLSxROWS, for example 80x24; \"\(text)\" was given.")
        }
        return Size(cols: parts[0], rows: parts[1])
    }
}

extension ScreenName: ExpressibleByArgument {}

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "List every key the console understands, by screen.")

    func run() {
        for line in KeyTable.listing() { Output.line(line) }
    }
}
