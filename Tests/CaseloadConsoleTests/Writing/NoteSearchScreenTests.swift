@testable import CaseloadConsole
@testable import CaseloadCore
import Testing

/// `/` on a participant's Notes tab and `:search` for everyone's: type, Enter searches, Enter
/// on a result opens its note.
@Suite struct NoteSearchScreenTests {
    static let hit = NoteSearchHit(session: "S-20261123-0900-gromga", date: Fixture.today, participant: "P-0001",
                                   field: "Data", excerpt: "…described the week's cravings…")

    @Test func slashOnTheNotesTabSearchesThatParticipant() throws {
        var harness = Harness()
        harness.go(.showRoster)
        harness.go(.open)
        let id = try #require(harness.state.participantScreen?.id)
        harness.press(.searchNotes) { $0.status = .error("Search works on the Notes tab; Tab moves to it") }
        harness.go(.nextTab)
        harness.go(.searchNotes)
        #expect((harness.state.modals.top as? NoteSearchScreen)?.participant == id)
        harness.type("cravings")
        let effects = harness.state.update(.command(.open))
        #expect(effects == [.searchNotes(NoteSearchQuery(text: "cravings", participant: id))])
    }

    @Test func colonSearchRunsAtOnceAndEnterOpensTheNote() throws {
        var harness = Harness()
        harness.go(.openPalette)
        harness.type("search cravings")
        let effects = harness.state.update(.command(.runCommand))
        #expect(effects == [.searchNotes(NoteSearchQuery(text: "cravings"))])
        _ = harness.state.update(.notesFound(NoteSearchQuery(text: "cravings"), NotesFound(hits: [Self.hit])))
        #expect(harness.state.status == .info("1 place found"))
        #expect(text(of: render(harness.state, size: harness.state.size)).contains("described the week"))
        let opened = harness.state.update(.command(.open))
        #expect(opened == [.loadSession(Self.hit.session)])
        harness.perform(opened)
        #expect(harness.state.modals.top is NoteEditorScreen, "the draft note opens to be written")
    }

    @Test func nothingFoundSaysSo() {
        var harness = Harness()
        _ = harness.state.open(NoteSearchScreen(participant: nil))
        harness.type("court date")
        _ = harness.state.update(.command(.open))
        _ = harness.state.update(.notesFound(NoteSearchQuery(text: "court date"), NotesFound(hits: [])))
        #expect(harness.state.status == .info("No notes match \"court date\""))
    }
}

/// `+` and `-` change the minutes of the member just marked late or early, though the cursor moved on.
@Suite struct AttendanceMinutesTests {
    @Test func plusAndMinusFollowTheMemberJustMarked() throws {
        var harness = Harness()
        harness.go(.showSessions)
        harness.go(.open)
        let target = NoteTarget(session: "S-20261123-0900-gromga", participant: "P-0001")
        let marked = harness.state.update(.command(.markLate))
        #expect(marked == [.write(.setAttendance(target, status: .late, minutes: 165))])
        #expect((harness.state.modals.top as? SessionScreen)?.selectedMember?.participant == "P-0002")
        // The save comes back: José is late, 165 of 180 minutes.
        var saved = try #require((harness.state.modals.top as? SessionScreen)?.session)
        saved.members[0].attendance = Attendance(status: .late, minutesAttended: 165)
        _ = harness.state.update(.written(WriteReply(request: .setAttendance(target, status: .late, minutes: 165),
                                                     result: .saved(SavedChange(session: saved)))))
        #expect(harness.state.status == .info("Pepe Núñez: Late · 165 of 180 min"))
        let minus = harness.state.update(.command(.removeMinutes))
        #expect(minus == [.write(.setAttendance(target, status: .late, minutes: 150))], "the minus goes to José, not the cursor")
        harness.go(.moveDown)
        #expect((harness.state.modals.top as? SessionScreen)?.adjusting == nil, "moving by hand ends it")
    }
}
