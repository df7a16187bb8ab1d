@testable import CaseloadConsole
@testable import CaseloadCore
import Testing
import TerminalKit

/// A session's screen as a child state: opened from a report row, loaded by an effect, moved in,
/// and closed with Esc back to the page beneath.
@Suite struct SessionScreenTests {
    static let group: SessionID = "S-20261123-0900-gromga"

    /// Today's 09:00 group, opened from the Sessions screen.
    func openedGroup() -> Harness {
        var harness = Harness()
        harness.go(.showSessions)
        #expect(harness.state.selectedReportRow?.opens == .session(Self.group, selecting: nil))
        harness.go(.open)
        return harness
    }

    @Test func enterOpensTheSessionAndItsMembersArrive() throws {
        var harness = Harness()
        harness.go(.showSessions)
        harness.press(.open, effects: [.loadSession(Self.group)]) { $0.modals.push(SessionScreen(id: Self.group)) }
        #expect(text(of: render(harness.state, size: harness.state.size)).contains("Loading the session…"))
        harness.perform([.loadSession(Self.group)])
        let screen = try #require(harness.state.modals.top as? SessionScreen)
        #expect(screen.session?.members.map(\.participant) == ["P-0001", "P-0002", "P-0004", "P-0008"])
        let shown = text(of: render(harness.state, size: harness.state.size))
        #expect(shown.contains("Relapse prevention"))
        #expect(shown.contains("Unexcused"))
        #expect(harness.state.keyMode == .session)
    }

    @Test func jMovesDownTheMembersAndEscGoesBack() throws {
        var harness = openedGroup()
        harness.go(.moveDown)
        harness.go(.moveDown)
        #expect((harness.state.modals.top as? SessionScreen)?.selectedMember?.participant == "P-0004")
        harness.go(.moveToBottom)
        harness.go(.moveDown)
        #expect((harness.state.modals.top as? SessionScreen)?.selectedMember?.participant == "P-0008")
        harness.press(.back) { $0.modals.popTop() }
        #expect(harness.state.keyMode == .report)
    }

    @Test func enterWritesAnUnsignedNoteAndReadsASignedOne() throws {
        var harness = openedGroup()
        harness.go(.open)
        let editor = try #require(harness.state.modals.top as? NoteEditorScreen)
        #expect(editor.sessionID == Self.group)
        #expect(editor.target == .note("P-0001"))
        #expect(harness.state.keyMode == .editor)
        #expect(text(of: render(harness.state, size: harness.state.size)).contains("Participated and described"))
        harness.press(.back) {
            $0.modals.popTop()
            $0.status = .info("Closed; nothing new to save")
        }
        // Today's 13:00 individual session has a signed note: Enter reads it.
        harness.go(.back)
        harness.go(.moveToBottom)
        harness.go(.open)
        harness.go(.open)
        let reader = try #require(harness.state.modals.top as? NoteReader)
        #expect(reader.target == NoteTarget(session: "S-20261123-1300-indmga", participant: "P-0005"))
        #expect(harness.state.keyMode == .note)
    }

    @Test func theNarrativeIsOnlyForGroups() {
        var harness = Harness()
        harness.go(.showSessions)
        harness.go(.moveToBottom)
        harness.go(.open)
        harness.press(.writeNarrative) { $0.status = .error("Only a group session has a shared narrative") }
    }

    @Test func aSaveOfThisSessionShowsAtOnceAndItsMessageOutlivesTheReload() throws {
        var harness = openedGroup()
        var saved = try #require((harness.state.modals.top as? SessionScreen)?.session)
        saved.sharedNarrative = "The group named three relapse warning signs each."
        let reply = WriteReply(request: .writeNarrative(Self.group, text: saved.sharedNarrative!, startedFrom: .nothing),
                               result: .saved(SavedChange(session: saved)))
        let effects = harness.state.update(.written(reply))
        #expect(effects == [.reloadCaseload])
        #expect((harness.state.modals.top as? SessionScreen)?.session == saved)
        #expect(harness.state.status == .info("Shared narrative saved"))
        harness.perform(effects)
        #expect(harness.state.status == .info("Shared narrative saved"), "the reload keeps the save's message")
    }

    @Test func aRefusalIsShownAndNothingChanges() throws {
        var harness = openedGroup()
        let before = harness.state.modals
        _ = harness.state.update(.written(WriteReply(
            request: .signNote(NoteTarget(session: Self.group, participant: "P-0001"), acknowledgingNames: false),
            result: .refused("The Data section is empty; write it before signing."))))
        #expect(harness.state.status == .error("The Data section is empty; write it before signing."))
        #expect(harness.state.modals == before)
    }

    @Test func aSessionThatCannotBeLoadedSaysWhy() {
        var harness = Harness()
        _ = harness.state.update(.command(.showSessions))
        let missing: SessionID = "S-20261123-0800-gone00"
        _ = harness.state.open(SessionScreen(id: missing), effects: [.loadSession(missing)])
        harness.perform([.loadSession(missing)])
        let shown = text(of: render(harness.state, size: harness.state.size))
        #expect(shown.contains("No session S-20261123-0800-gone00 in this caseload"))
        harness.press(.moveDown) { $0.status = .error("No session S-20261123-0800-gone00 in this caseload; it may have been removed.") }
    }

    @Test func aLongNarrativeStaysOnOneLineAboveTheGrid() throws {
        var harness = openedGroup()
        var saved = try #require((harness.state.modals.top as? SessionScreen)?.session)
        saved.sharedNarrative = String(repeating: "Members described coping plans for the holiday weekend. ", count: 6)
        _ = harness.state.update(.sessionLoaded(saved))
        let lines = text(of: render(harness.state, size: harness.state.size)).split(separator: "\n")
        let narrative = try #require(lines.firstIndex { $0.contains("Narrative") })
        #expect(lines[narrative].contains("…"))
        #expect(lines[narrative + 2].contains("Member") && lines[narrative + 2].contains("Attendance"))
    }

    @Test("S says how many notes it will sign, counted by the core's readiness rule")
    func signingCountsTheReadyNotes() throws {
        var harness = openedGroup()
        harness.go(.signAllReady)
        // José's draft has every section written; the other three have no note yet.
        let question = try #require(harness.state.modals.top as? Question)
        #expect(question.text == "Sign the 1 ready note of this session, each with its member's own entry and the shared "
                    + "narrative as it stands? 3 others are not ready and stay unsigned.")
    }

    @Test("With no note ready, S says why instead of asking")
    func nothingReady() throws {
        let harness = Harness()
        var session = try #require(Fixture.sessions.first { $0.id == Self.group })
        for index in session.members.indices { session.members[index].note = nil }
        var screen = SessionScreen(id: Self.group)
        _ = screen.receive(.sessionLoaded(session), in: harness.state)
        #expect(screen.whyUnavailable(.signAllReady, in: harness.state)?.hasPrefix("No note is ready to sign. ") == true)
    }
}
