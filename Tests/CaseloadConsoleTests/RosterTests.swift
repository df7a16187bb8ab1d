@testable import CaseloadConsole
import CaseloadCore
import Testing
import TerminalKit

/// Transcripts of a counselor working the roster at 80×24 (no side pane) unless said otherwise.
@Suite struct RosterTests {
    static let mine = ["Al-Sayed, Fatima", "Ávila, Ana María", "Brooks, Aaliyah", "Nguyễn Thị Hoa",
                       "Núñez, José (Pepe)", "Tanaka, Hiroshi", "Washington, Darnell"]
    static let everyone = ["Al-Sayed, Fatima", "Ávila, Ana María", "Brooks, Aaliyah", "Dubois, Chloé",
                           "Lindqvist, Björn", "Nguyễn Thị Hoa", "Núñez, José (Pepe)", "O'Connor, Emily",
                           "Tanaka, Hiroshi", "Washington, Darnell", "李 小龍", "김 은혜 (Grace)"]

    func onRoster(size: Size = Size(cols: 80, rows: 24)) -> Harness {
        var harness = Harness(size: size)
        harness.go(.showRoster)
        return harness
    }

    @Test func aCounselorLandsOnTodayAndSeesTheirCaseloadOnTheRoster() {
        var harness = Harness()
        #expect(harness.state.page == .today)
        harness.press(.showRoster) { $0.page = .roster }
        #expect(harness.rosterNames == Self.mine)
        #expect(harness.selectedName == "Al-Sayed, Fatima")
    }

    @Test func jAndKStopAtTheEnds() {
        var harness = onRoster()
        harness.press(.moveUp)
        harness.press(.moveDown) { $0.roster.cursor.selected = 1 }
        harness.press(.moveToBottom) { $0.roster.cursor.selected = 6 }
        harness.press(.moveDown)
        harness.press(.pageUp) { $0.roster.cursor.selected = 0 }
        harness.press(.moveToTop)
        #expect(harness.selectedName == "Al-Sayed, Fatima")
    }

    @Test func pagingScrollsByWhatIsOnScreen() {
        var harness = onRoster(size: Size(cols: 80, rows: 24))
        harness.go(.showAll)
        // 12 participants, 18 rows on screen: one page reaches the end.
        harness.press(.pageDown) {
            $0.roster.cursor.selected = 11
            $0.status = nil
        }
        var small = Harness(size: Size(cols: 80, rows: 24))
        small.go(.showRoster)
        small.go(.showAll)
        small.send(.resized(Size(cols: 80, rows: 10))) { $0.size = Size(cols: 80, rows: 10) }
        // The window is too small to draw, but paging still follows its 4 rows.
        small.press(.pageDown) {
            $0.roster.cursor = ListCursor(selected: 3, top: 0)
            $0.status = nil
        }
        small.press(.pageDown) { $0.roster.cursor = ListCursor(selected: 6, top: 3) }
        small.press(.moveToBottom) { $0.roster.cursor = ListCursor(selected: 11, top: 8) }
    }

    @Test func myCaseloadAndEveryoneKeepTheSelection() {
        var harness = onRoster()
        harness.go(.moveDown)
        harness.go(.moveDown)
        #expect(harness.selectedName == "Brooks, Aaliyah")
        let everyone = harness.rows(Self.everyone)
        harness.press(.showAll) {
            $0.roster.scope = .all
            $0.roster.visible = everyone
            $0.roster.cursor.selected = 2
            $0.status = .info("All participants: 12 participants")
        }
        #expect(harness.rosterNames.count == 12)
        #expect(harness.selectedName == "Brooks, Aaliyah")
        harness.go(.moveDown)
        #expect(harness.selectedName == "Dubois, Chloé")
        harness.go(.showMine)
        // Chloé is James's: the selection falls back to the top.
        #expect(harness.selectedName == "Al-Sayed, Fatima")
        #expect(harness.state.status == .info("My caseload: 7 participants"))
    }

    @Test func sortCyclesThroughColumnsAndReverses() {
        var harness = onRoster()
        harness.go(.nextSort)
        #expect(harness.state.roster.sort == .level)
        #expect(harness.rosterNames.prefix(2) == ["Nguyễn Thị Hoa", "Washington, Darnell"])
        #expect(harness.state.status == .info("Sorted by level of care, PHP first"))
        harness.go(.nextSort)
        #expect(harness.state.roster.sort == .hours)
        #expect(harness.rosterNames.first == "Al-Sayed, Fatima")
        harness.go(.nextSort)
        #expect(harness.rosterNames.first == "Washington, Darnell", "no check-in at all sorts first")
        harness.go(.nextSort)
        #expect(harness.state.roster.sort == .score)
        #expect(harness.rosterNames.prefix(2) == ["Nguyễn Thị Hoa", "Núñez, José (Pepe)"])
        #expect(harness.rosterNames.last == "Washington, Darnell")
        harness.go(.reverseSort)
        #expect(harness.rosterNames.first == "Washington, Darnell")
        #expect(harness.state.status == .info("Sorted by PHQ-9 score, reversed"))
        harness.go(.nextSort)
        #expect(harness.state.roster.sort == .name)
        #expect(harness.state.roster.reversed == false)
        #expect(harness.rosterNames == Self.mine)
    }

    @Test func filterNarrowsAsYouTypeIgnoringAccentsAndCase() {
        var harness = onRoster()
        harness.press(.filter) { $0.roster.isEditingQuery = true }
        #expect(harness.state.keyMode == .filter)
        harness.type("n")
        #expect(harness.rosterNames == ["Ávila, Ana María", "Nguyễn Thị Hoa", "Núñez, José (Pepe)",
                                        "Tanaka, Hiroshi", "Washington, Darnell"])
        harness.type("UN")
        #expect(harness.rosterNames == ["Núñez, José (Pepe)"])
        harness.press(.deleteCharacter) { $0.roster.query = "nU" }
        let mine = harness.rows(Self.mine)
        harness.press(.clearInput) {
            $0.roster.query = ""
            $0.roster.visible = mine
            $0.roster.cursor.selected = 4
        }
        harness.type("nguyen")
        harness.press(.acceptFilter) {
            $0.roster.isEditingQuery = false
            $0.status = .info("1 of 7 match \"nguyen\"")
        }
        #expect(harness.state.keyMode == .roster)
        #expect(harness.selectedName == "Nguyễn Thị Hoa")
        // Esc on the roster clears a kept filter before anything else.
        harness.go(.back)
        #expect(harness.state.roster.query == "")
        #expect(harness.rosterNames.count == 7)
        #expect(harness.selectedName == "Nguyễn Thị Hoa", "the selection survives clearing")
        #expect(harness.state.status == .info("Filter cleared: My caseload: 7 participants"))
    }

    @Test func filterMatchesIdsCounselorsAndNonLatinNames() {
        var harness = onRoster()
        harness.go(.showAll)
        harness.go(.filter)
        harness.type("p-0003")
        #expect(harness.rosterNames == ["李 小龍"])
        harness.go(.clearInput)
        harness.type("小龍")
        #expect(harness.rosterNames == ["李 小龍"])
        harness.go(.clearInput)
        harness.type("grace")
        #expect(harness.rosterNames == ["김 은혜 (Grace)"])
        harness.go(.clearInput)
        harness.type("chen")
        #expect(harness.rosterNames.count == 5)
        harness.go(.clearInput)
        harness.type("zzz")
        #expect(harness.rosterNames.isEmpty)
        harness.go(.back)
        #expect(harness.state.keyMode == .roster)
        #expect(harness.rosterNames.count == 12)
    }

    @Test func typingInTheFilterDoesNotRunCommands() {
        var harness = onRoster()
        harness.go(.filter)
        harness.type("q")
        #expect(harness.state.roster.query == "q")
        harness.press(key: .char("j")) {
            $0.roster.query = "qj"
            $0.roster.visible = []
        }
    }

    @Test func enterOpensTheParticipantAndAsksForTheirRecord() {
        var harness = onRoster()
        harness.go(.moveDown)
        let effects = harness.press(.open, effects: [.loadParticipant("P-0005")]) {
            $0.participantScreen = ParticipantScreen(id: "P-0005")
            $0.detail = .loading("P-0005")
        }
        harness.perform(effects)
        #expect(harness.state.loadedDetail(of: "P-0005")?.participant.firstName == "Ana María")
        #expect(harness.state.keyMode == .participant)
    }

    @Test func anEmptyRosterExplainsWhyEnterDoesNothing() {
        var harness = onRoster()
        harness.go(.filter)
        harness.type("zzz")
        harness.go(.acceptFilter)
        harness.press(.open) { $0.status = .error("No participant matches \"zzz\"; Esc clears the filter") }
    }

    @Test func tabNeedsTheSidePaneAndSaysSo() {
        var narrow = onRoster()
        narrow.press(.switchPane) {
            $0.status = .error("The detail pane shows beside the roster at 120 columns or wider (now 80); "
                               + "Enter opens the participant")
        }
        // Wide enough for the side pane, short enough that the detail scrolls.
        var wide = Harness(size: Size(cols: 130, rows: 24))
        let effects = wide.press(.showRoster, effects: [.loadParticipant("P-0010")]) {
            $0.page = .roster
            $0.detail = .loading("P-0010")
        }
        wide.perform(effects)
        wide.press(.switchPane) { $0.roster.focus = .detail }
        // j now scrolls the detail, not the roster.
        wide.press(.moveDown) { $0.roster.detailScroll = 1 }
        wide.press(.back) { $0.roster.focus = .list }
        wide.press(.moveDown, effects: [.loadParticipant("P-0005")]) {
            $0.roster.cursor.selected = 1
            $0.roster.detailScroll = 0
            $0.detail = .loading("P-0005")
        }
    }

    @Test func narrowingTheWindowGivesFocusBackToTheList() {
        var wide = Harness(size: Size(cols: 160, rows: 48))
        wide.go(.showRoster)
        wide.go(.switchPane)
        wide.send(.resized(Size(cols: 100, rows: 30))) {
            $0.size = Size(cols: 100, rows: 30)
            $0.roster.focus = .list
        }
    }
}
