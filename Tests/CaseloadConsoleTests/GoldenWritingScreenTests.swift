@testable import CaseloadConsole
import CaseloadCore
import SnapshotTesting
import Testing
import TerminalKit

/// The writing screens at 80×24 and 160×48: a session and its attendance grid, the note editor,
/// the new-session form, and the supervisor's co-sign queue. Regenerate with
/// SNAPSHOT_TESTING_RECORD=all after a deliberate change; review the diff.
@Suite struct GoldenWritingScreenTests {
    static let sizes = [Size(cols: 80, rows: 24), Size(cols: 160, rows: 48)]

    func snapshot(_ harness: Harness, _ name: String) {
        let size = harness.state.size
        assertSnapshot(of: text(of: render(harness.state, size: size)), as: .lines,
                       named: "\(name)-\(size.cols)x\(size.rows)", testName: "writing")
    }

    /// Today's 09:00 group on its screen, the second member selected.
    func groupScreen(_ size: Size) -> Harness {
        var harness = Harness(size: size)
        harness.go(.showSessions)
        harness.go(.open)
        harness.go(.moveDown)
        return harness
    }

    @Test func sessionAndGrid() {
        for size in Self.sizes { snapshot(groupScreen(size), "session") }
    }

    @Test func editorOnADraftNote() {
        for size in Self.sizes {
            var harness = groupScreen(size)
            harness.go(.moveUp)
            harness.go(.open)
            harness.type(" Named a new trigger.")
            snapshot(harness, "editor")
        }
    }

    @Test func narrativeEditor() {
        for size in Self.sizes {
            var harness = groupScreen(size)
            harness.go(.writeNarrative)
            snapshot(harness, "narrative")
        }
    }

    @Test func signingAsks() {
        for size in Self.sizes {
            var harness = groupScreen(size)
            harness.go(.moveUp)
            harness.go(.open)
            harness.go(.signNote)
            snapshot(harness, "sign-question")
        }
    }

    @Test func newSessionForm() {
        for size in Self.sizes {
            var harness = Harness(size: size)
            harness.go(.newSession)
            for _ in 0..<6 { harness.go(.nextTab) }
            harness.type("n")
            snapshot(harness, "new-session")
        }
    }

    @Test func coSignQueue() throws {
        for size in Self.sizes {
            var harness = Harness(as: Fixture.sandra, size: size)
            let sections = harness.state.digest.dashboard.sections
            let index = try #require(sections.firstIndex { $0.title.hasPrefix("Notes waiting for your co-signature") })
            for _ in 0..<sections.prefix(index).reduce(0, { $0 + $1.rows.count }) { harness.go(.moveDown) }
            snapshot(harness, "cosign-queue")
            harness.go(.open)
            snapshot(harness, "cosign-note")
        }
    }
}

/// A 12-member group's attendance takes at most 13 keys: one a member, the cursor moving down.
@Suite struct AttendanceKeyCountTests {
    @Test func twelveMembersInTwelveKeys() throws {
        let members = (1...12).map { Fixture.member(ParticipantID(String(format: "P-%04d", $0)), .present, 90) }
        let big = Fixture.meeting("2026-11-23", "11:00", .group, 90, by: Fixture.maria, topic: "Coping skills", members)
        var source = Fixture.source()
        source.allSessions.append(big)
        var harness = Harness(source: source)
        _ = harness.state.open(SessionScreen(id: big.id), effects: [])
        harness.perform([.loadSession(big.id)])
        var keys = 0
        var marked: [ParticipantID] = []
        let marks: [Command] = [.markPresent, .markLate, .markPresent, .markUnexcused, .markPresent, .markLeftEarly,
                                .markPresent, .markExcused, .markPresent, .markPresent, .markPresent, .markPresent]
        for command in marks {
            let key = try #require(harness.key(for: command))
            keys += 1
            for case .write(.setAttendance(let target, _, _)) in harness.state.update(KeyTable.action(for: key, in: harness.state)) {
                marked.append(target.participant)
            }
        }
        #expect(keys <= 13)
        #expect(marked == members.map(\.participant))
    }
}

/// Someone else saved the note first: both versions show, and the user chooses.
@Suite struct EditConflictTests {
    static let group: SessionID = "S-20261123-0900-gromga"

    func inConflict(_ size: Size = Size(cols: 80, rows: 24)) throws -> Harness {
        var harness = Harness(size: size)
        harness.go(.showSessions)
        harness.go(.open)
        harness.go(.open)
        harness.type(" Mine.")
        let conflict = EditConflict(
            session: Self.group, target: .note("P-0001"),
            stored: .sections(.dap, ["data": "Theirs: arrived late, left calm.", "assessment": "Stable.", "plan": "Same."]),
            savedBy: Fixture.james, savedAt: Fixture.instant("2026-11-23", "13:05"), current: .revision(4))
        _ = harness.state.update(.written(WriteReply(
            request: .writeNote(NoteTarget(session: Self.group, participant: "P-0001"), format: .dap, sections: [:], objectives: nil,
                                startedFrom: .revision(3)),
            result: .conflict(conflict))))
        #expect(harness.state.keyMode == .conflict)
        return harness
    }

    var editor: (Harness) -> NoteEditorScreen? { { $0.state.modals.top as? NoteEditorScreen } }

    @Test func bothVersionsShow() throws {
        for size in GoldenWritingScreenTests.sizes {
            let harness = try inConflict(size)
            assertSnapshot(of: text(of: render(harness.state, size: size)), as: .lines,
                           named: "conflict-\(size.cols)x\(size.rows)", testName: "writing")
        }
    }

    @Test func keepingMineStartsFromTheirVersion() throws {
        var harness = try inConflict()
        harness.go(.keepMine)
        #expect(editor(harness)?.conflict == nil)
        #expect(editor(harness)?.startedFrom == .revision(4))
        #expect(editor(harness)?.editor.text["data"]?.hasSuffix("Mine.") == true)
    }

    @Test func takingTheirsReplacesTheTextAndDropsTheDraft() throws {
        var harness = try inConflict()
        let key = try #require(harness.key(for: .keepTheirs))
        let effects = harness.state.update(KeyTable.action(for: key, in: harness.state))
        #expect(effects == [.write(.discardDraft(Self.group, target: .note("P-0001")))])
        #expect(editor(harness)?.editor.text["data"] == "Theirs: arrived late, left calm.")
    }

    @Test func mergingPutsBothInTheEditor() throws {
        var harness = try inConflict()
        harness.go(.mergeByHand)
        let data = try #require(editor(harness)?.editor.text["data"])
        #expect(data.contains("Mine.") && data.contains("Theirs: arrived late"))
        #expect(harness.state.keyMode == .editor)
    }

    @Test func typingWaitsForAChoice() throws {
        var harness = try inConflict()
        harness.type("x")
        #expect(harness.state.status == .error("Choose first: m keeps yours, t takes theirs, e merges"))
    }
}
