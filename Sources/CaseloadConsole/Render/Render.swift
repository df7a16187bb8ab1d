import CaseloadCore
import TerminalKit

/// Draws the whole console for `size`. Pure: the same state and size always give the same
/// screen, and nothing here changes the state or touches the terminal.
public func render(_ state: ConsoleState, size: Size) -> Screen {
    var screen = Screen(size: size)
    guard ConsoleLayout.fits(size) else {
        SmallWindowView.draw(size: size, glyphs: state.session.glyphs, into: &screen)
        return screen
    }
    let shell = ConsoleLayout.shell(size)
    ShellView.drawHeader(state, in: shell.header, into: &screen)
    ShellView.drawScreens(state, in: shell.screens, into: &screen)
    if let open = state.participantScreen {
        ParticipantView.draw(state, open, size: size, into: &screen)
    } else if let report = state.digest.report(state.page) {
        ReportView.draw(state, report, title: reportTitle(state), in: shell.body, into: &screen)
    } else {
        let panes = ConsoleLayout.roster(size)
        RosterView.draw(state, in: panes.list, into: &screen)
        if let detail = panes.detail { DetailPane.draw(state, in: detail, into: &screen) }
    }
    // Modal screens cover the body; a question draws over the screen it is asked on.
    let screens = state.modals.screens
    let firstShown = screens.lastIndex { !$0.isOverlay } ?? 0
    for modal in screens.dropFirst(firstShown) {
        modal.draw(state, in: shell.body, into: &screen)
    }
    switch state.overlay {
    case .help(let scroll): HelpOverlay.draw(state, scroll: scroll, size: size, into: &screen)
    case .palette(let palette): PaletteOverlay.draw(state, palette, size: size, into: &screen)
    case nil: break
    }
    ShellView.drawStatus(state, in: shell.status, into: &screen)
    return screen
}

private func reportTitle(_ state: ConsoleState) -> String {
    let separator = state.session.glyphs.separator
    switch state.page {
    case .today: return "Today \(separator) \(Format.longDate(state.session.today)) \(separator) \(ShownName.of(state.session.staff.displayName, id: state.session.staff.id.rawValue, glyphs: state.session.glyphs))"
    case .sessions:
        let week = state.sessionsWeek.week
        let whose = state.sessionsWeek.mineOnly ? "mine" : "everyone's"
        return "Sessions \(separator) week of \(Format.date(week.monday)) (\(week)) \(separator) \(whose)"
    case .dashboard: return "Dashboard \(separator) whole program"
    case .roster: return "Roster"
    }
}
