@testable import CaseloadConsole
import CaseloadCore
import Testing
import TerminalKit

/// Ctrl-O in the note editor: the plan's current objectives as a checklist; the ticks go with
/// the note when it is written, and with its draft.
@Suite struct ObjectiveLinkTests {
    /// José's draft note in today's 09:00 group, opened from the Sessions screen (his record not
    /// loaded yet).
    static func editor(size: Size = Size(cols: 80, rows: 24)) -> Harness {
        var harness = Harness(size: size)
        harness.go(.showSessions)
        harness.go(.open)
        harness.go(.open)
        return harness
    }

    /// A key pressed without checking the whole state: these tests read the editor's links.
    static func press(_ key: Key, _ harness: inout Harness) {
        harness.perform(harness.state.update(KeyTable.action(for: key, in: harness.state)))
    }

    static func screen(_ harness: Harness) -> NoteEditorScreen? { harness.state.modals.top as? NoteEditorScreen }

    static let target = NoteTarget(session: "S-20261123-0900-gromga", participant: "P-0001")

    @Test("Ctrl-O loads the plan, then lists its open objectives; Space ticks, Enter keeps")
    func checklist() throws {
        var harness = Self.editor()
        #expect(harness.screenText.contains("no objective linked (Ctrl-O)"))
        let effects = harness.state.update(KeyTable.action(for: .ctrl("o"), in: harness.state))
        #expect(effects == [.loadParticipant("P-0001")])
        harness.perform(effects)
        let list = try #require(Self.screen(harness)?.checklist)
        // The met objective (2.1.2) is not offered.
        #expect(list.options.map(\.id) == ["1.1.1", "1.1.2", "2.1.1"])
        #expect(harness.state.keyMode == .checklist)
        Self.press(.char(" "), &harness)
        harness.go(.moveDown)
        harness.go(.moveDown)
        Self.press(.char(" "), &harness)
        Self.press(.enter, &harness)
        #expect(Self.screen(harness)?.links == ["1.1.1", "2.1.1"])
        #expect(harness.state.keyMode == .editor)
        #expect(harness.screenText.contains("2 objectives linked"))
    }

    @Test("Esc in the checklist leaves the links as they were")
    func cancel() throws {
        var harness = Self.editor()
        harness.perform(harness.state.update(KeyTable.action(for: .ctrl("o"), in: harness.state)))
        Self.press(.char(" "), &harness)
        Self.press(.escape, &harness)
        #expect(Self.screen(harness)?.links == [])
        #expect(Self.screen(harness)?.checklist == nil)
    }

    @Test("The links are saved in the draft and with the note on leaving, and only when they changed")
    func saving() throws {
        var harness = Self.editor()
        harness.perform(harness.state.update(KeyTable.action(for: .ctrl("o"), in: harness.state)))
        Self.press(.char(" "), &harness)
        Self.press(.enter, &harness)
        #expect(harness.state.hasUnsavedText)
        let leaving = harness.state.update(KeyTable.action(for: .escape, in: harness.state))
        let note = try #require(Self.screen(harness)?.session.member("P-0001")?.note)
        #expect(leaving == [
            .write(.saveDraft(Self.target.session, target: .note("P-0001"), text: .sections(.dap, note.sections),
                              objectives: ["1.1.1"], startedFrom: Self.screen(harness)!.startedFrom)),
            .write(.writeNote(Self.target, format: .dap, sections: note.sections, objectives: ["1.1.1"],
                              startedFrom: Self.screen(harness)!.startedFrom)),
        ])
    }

    @Test("Typing alone sends the note without links, so its links stay as stored")
    func unchangedLinks() throws {
        var harness = Self.editor()
        harness.type(" More.")
        let leaving = harness.state.update(KeyTable.action(for: .escape, in: harness.state))
        let record = leaving.compactMap { effect -> [String]?? in
            if case .write(.writeNote(_, _, _, let objectives, _)) = effect { return objectives }
            return nil
        }
        #expect(record == [nil])
    }
}
