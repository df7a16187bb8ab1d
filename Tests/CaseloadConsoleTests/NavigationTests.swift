@testable import CaseloadConsole
import CaseloadCore
import Testing
import TerminalKit

/// Screens, the participant screen's tabs, Esc and q, help and the palette.
@Suite struct NavigationTests {
    @Test func numbersSwitchTopLevelScreensAndQQuitsFromThem() {
        var harness = Harness()
        harness.press(.showSessions) { $0.page = .sessions }
        harness.press(.showDashboard) { $0.page = .dashboard }
        harness.press(.showToday) { $0.page = .today }
        harness.press(.quit, effects: [.quit])
    }

    @Test func escOnATopLevelScreenSaysHowToQuit() {
        var harness = Harness()
        harness.press(.back) { $0.status = .error("Already on a top-level screen; q quits") }
    }

    @Test func theParticipantScreenHasTabsAndEscReturnsWhereYouWere() {
        var harness = Harness()
        harness.go(.showRoster)
        harness.go(.moveDown)
        harness.go(.moveDown)
        harness.go(.moveDown)
        harness.go(.moveDown)  // Núñez
        harness.go(.open)
        #expect(harness.state.participantScreen == ParticipantScreen(id: "P-0001"))
        harness.press(.nextTab) { $0.participantScreen?.tab = .sessions }
        harness.press(.moveDown) { $0.participantScreen?.scroll = 1 }
        harness.press(.nextTab) { $0.participantScreen = ParticipantScreen(id: "P-0001", tab: .progress) }
        harness.press(.previousTab) { $0.participantScreen?.tab = .sessions }
        harness.press(key: .char("]")) { $0.participantScreen?.tab = .progress }
        harness.press(key: .char("[")) { $0.participantScreen?.tab = .sessions }
        harness.press(key: .backTab) { $0.participantScreen?.tab = .overview }
        harness.press(key: .backTab) { $0.participantScreen?.tab = .discharge }
        harness.press(.quit) {
            $0.status = .error("q quits from a top-level screen; press Esc to go back first")
        }
        harness.press(.back) {
            $0.participantScreen = nil
            $0.status = nil
        }
        #expect(harness.state.page == .roster)
        #expect(harness.selectedName == "Núñez, José (Pepe)")
    }

    @Test func scrollingAParticipantTabStopsAtItsEnd() {
        var harness = Harness()
        harness.go(.showRoster)
        harness.go(.moveToBottom)
        harness.go(.open)
        let lines = harness.state.participantLineCount(harness.state.participantScreen!)
        let height = ConsoleLayout.participantLines(harness.state.size)
        harness.press(.moveToBottom) { $0.participantScreen?.scroll = lines - height }
        harness.press(.moveDown)
        harness.press(.pageUp) { $0.participantScreen?.scroll = max(0, lines - height - (height - 1)) }
    }

    @Test func enterOnTodayOpensWhatTheRowIsAbout() {
        var harness = Harness()
        #expect(harness.state.selectedReportRow?.participant == "P-0001")
        // A safety flag opens the participant; a session of mine today opens the session.
        harness.press(.moveDown) { $0.reportCursors[.today] = ListCursor(selected: 1, top: 0) }
        guard case .session(let id, let member) = harness.state.selectedReportRow?.opens else {
            Issue.record("a row of my sessions today should open its session")
            return
        }
        #expect(member == "P-0001", "the row's member is selected when the session opens")
        harness.press(.open, effects: [.loadSession(id)]) { $0.modals.push(SessionScreen(id: id, selecting: member)) }
        #expect(harness.state.keyMode == .session)
    }

    @Test func enterOnASessionOpensItWhateverItsKind() {
        var harness = Harness()
        harness.go(.showSessions)
        guard case .session(let group, nil) = harness.state.selectedReportRow?.opens else {
            Issue.record("a session row should open its session")
            return
        }
        harness.press(.open, effects: [.loadSession(group)]) { $0.modals.push(SessionScreen(id: group)) }
    }

    @Test func reportCursorsScrollSoTheSectionTitleShows() {
        var harness = Harness(as: Fixture.sandra, size: Size(cols: 80, rows: 24))
        #expect(harness.state.page == .dashboard)
        let report = harness.state.digest.dashboard
        harness.go(.moveToBottom)
        let cursor = harness.state.reportCursors[.dashboard]!
        #expect(cursor.selected == report.rowCount - 1)
        let height = ConsoleLayout.reportLines(harness.state.size)
        #expect(report.line(ofRow: cursor.selected) < cursor.top + height)
        harness.press(.moveToTop) { $0.reportCursors[.dashboard] = ListCursor() }
    }

    @Test func helpOpensOverAnyScreenAndClosesWithEscQOrQuestionMark() {
        var harness = Harness()
        harness.press(.toggleHelp) { $0.overlay = .help(scroll: 0) }
        #expect(harness.state.keyMode == .help)
        harness.press(.moveDown) { $0.overlay = .help(scroll: 1) }
        harness.press(.back) { $0.overlay = nil }
        harness.go(.toggleHelp)
        harness.press(key: .char("q")) { $0.overlay = nil }
        harness.go(.toggleHelp)
        harness.press(.toggleHelp) { $0.overlay = nil }
    }

    @Test func thePaletteMatchesFuzzilyAndRunsTheCommand() {
        var harness = Harness()
        harness.press(.openPalette) { $0.overlay = .palette(PaletteState()) }
        harness.type("dash")
        guard case .palette(let palette) = harness.state.overlay else { return #expect(Bool(false)) }
        #expect(palette.matches.first?.command == .showDashboard)
        harness.go(.clearInput)
        harness.type("sort")
        guard case .palette(let sorting) = harness.state.overlay else { return #expect(Bool(false)) }
        #expect(sorting.matches.map(\.command).prefix(2) == [.nextSort, .reverseSort])
        harness.go(.clearInput)
        harness.type("rostr")
        harness.press(.runCommand) {
            $0.overlay = nil
            $0.page = .roster
        }
    }

    @Test func aPaletteCommandThatCannotRunHereSaysWhy() {
        var harness = Harness()
        harness.go(.openPalette)
        harness.type("next tab")
        harness.press(.runCommand) {
            $0.overlay = nil
            $0.status = .error("\"Next tab\" is not available on this screen")
        }
        harness.go(.openPalette)
        harness.type("xyzzy")
        harness.press(.runCommand) { $0.status = .error("No command matches \"xyzzy\"") }
        harness.press(.back) {
            $0.overlay = nil
            $0.status = nil
        }
    }

    @Test func anUnboundKeySaysWhereItWorks() {
        var harness = Harness()
        harness.press(key: .char("/")) {
            $0.status = .error("/: \"Filter the roster by name, id or counselor\" works on: Roster")
        }
        harness.press(key: .char("z")) { $0.status = .error("z does nothing on this screen; press ? for the keys") }
    }

    @Test func reloadAsksForDataAndKeepsTheOpenParticipantFresh() {
        var harness = Harness()
        harness.go(.open)
        #expect(harness.state.loadedDetail(of: "P-0001") != nil)
        let effects = harness.press(.reload, effects: [.reloadCaseload]) { $0.status = .info("Reloading…") }
        #expect(effects == [.reloadCaseload])
        harness.send(.dataLoaded(Fixture.data()), effects: [.loadParticipant("P-0001")]) {
            $0.status = .info("Reloaded: 12 participants in care")
            $0.detail = .loading("P-0001")
        }
        harness.send(.reloadFailed("caseload.json: not valid JSON near line 3, column 1")) {
            $0.status = .error("Could not reload: caseload.json: not valid JSON near line 3, column 1")
        }
    }

    @Test func aFailedLoadShowsWhyAndIsRetriedOnTheNextOpen() {
        var harness = Harness()
        harness.go(.showRoster)
        harness.go(.open)
        harness.send(.participantLoadFailed("P-0010", "participants/P-0010.json: not valid JSON")) {
            $0.detail = .failed("P-0010", "participants/P-0010.json: not valid JSON")
            $0.status = .error("participants/P-0010.json: not valid JSON")
        }
        let screen = render(harness.state, size: harness.state.size)
        #expect(text(of: screen).contains("Could not open P-0010: participants/P-0010.json: not valid JSON"))
        harness.go(.back)
        harness.press(.open, effects: [.loadParticipant("P-0010")]) {
            $0.participantScreen = ParticipantScreen(id: "P-0010")
            $0.detail = .loading("P-0010")
        }
    }

    @Test func aNewDayRebuildsAndReloads() {
        var harness = Harness()
        let tomorrow = Fixture.today.adding(days: 1)
        let effects = harness.state.update(.clock(now: Fixture.now.addingTimeInterval(86_400), today: tomorrow))
        #expect(effects == [.reloadCaseload])
        #expect(harness.state.session.today == tomorrow)
        #expect(harness.state.update(.clock(now: Fixture.now.addingTimeInterval(86_460), today: tomorrow)) == [])
    }
}
