@testable import CaseloadConsole
import Foundation
import SnapshotTesting
import Testing
import TerminalKit

/// The editor drawn as the console will frame it, at 80×24 and 160×48. Golden files live with
/// the other screens' (regenerate with SNAPSHOT_TESTING_RECORD=all and review the diff).
@Suite struct NoteEditorViewTests {
    static let sizes = [Size(cols: 80, rows: 24), Size(cols: 160, rows: 48)]

    static let note: [String: String] = [
        "data": "Client attended the full 90-minute IOP group and arrived on time. Reported sleeping 6 hours most "
            + "nights this week, up from 4. Shared a relapse-prevention plan with José Núñez's family in mind; "
            + "practiced the 5-4-3-2-1 grounding exercise twice.\nDrug screen negative.",
        "assessment": "Mood brighter than last week; affect congruent. Engaged when the group discussed cravings "
            + "(rated 3/10). 今天感觉好多了 — client's words, translated: \"today I feel much better\".",
        "plan": "",
    ]

    /// The editor in a bordered pane the way a screen holds it, the cursor in Assessment.
    private func frame(_ size: Size, editor: NoteEditor? = nil, glyphs: ConsoleGlyphs = .unicode) -> Screen {
        var screen = Screen(size: size)
        let pane = Rect(size)
        screen.box(pane, title: "DAP note · Núñez, José", role: .borderFocused, titleRole: .titleFocused,
                   glyphs: glyphs.frame)
        let inner = pane.inset(by: 1)
        let viewport = NoteEditorView.viewport(for: inner)
        var shown = editor ?? {
            var note = NoteEditor(format: .dap, text: Self.note, viewport: viewport)
            note.apply(.nextSection, .up, .wordLeft)
            return note
        }()
        shown.setViewport(viewport)
        NoteEditorView.draw(shown, in: inner, into: &screen, glyphs: glyphs)
        return screen
    }

    private func snapshot(_ screen: Screen, named name: String, line: UInt = #line) {
        let cursor = screen.cursor.map { "cursor \($0)" } ?? "cursor hidden"
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("__Snapshots__/NoteEditorViewTests").path
        let failure = verifySnapshot(of: text(of: screen) + cursor + "\n", as: .lines, named: name,
                                     snapshotDirectory: directory, testName: "editor", line: line)
        #expect(failure == nil, "\(failure ?? "")")
    }

    @Test(arguments: sizes)
    func dapNote(size: Size) {
        snapshot(frame(size), named: "dap-\(size.cols)x\(size.rows)")
    }

    /// A note longer than the pane, the cursor far down: scrolled so the cursor shows.
    @Test(arguments: sizes)
    func longNoteScrolledToTheCursor(size: Size) {
        let inner = Rect(size).inset(by: 1)
        let paragraph = "Reviewed the week's sleep log and the triggers the client listed; discussed what helped. "
        var editor = NoteEditor(format: .soap, text: ["objective": String(repeating: paragraph, count: 30)],
                                viewport: NoteEditorView.viewport(for: inner))
        editor.apply(.nextSection)
        editor.apply(.noteEnd, .previousSection, .previousSection)
        editor.type("\nSecond paragraph typed here.")
        snapshot(frame(size, editor: editor), named: "soap-long-\(size.cols)x\(size.rows)")
    }

    @Test func asciiGlyphs() {
        snapshot(frame(Size(cols: 80, rows: 24), glyphs: .ascii), named: "dap-ascii-80x24")
    }

    /// The view's cursor reaches the terminal through the backend, and hides when not shown.
    @Test func theCursorReachesTheBackend() throws {
        let backend = TestBackend(size: Size(cols: 80, rows: 24))
        let screen = frame(backend.size)
        let cursor = try #require(screen.cursor)
        backend.draw(screen, previous: nil)
        backend.flush()
        #expect(backend.display.cursor == cursor)
        #expect(backend.display.lines[cursor.y].contains("discussed cravings"))

        var readOnly = Screen(size: backend.size)
        NoteEditorView.draw(NoteEditor(format: .dap, text: Self.note, viewport: Size(cols: 75, rows: 22)),
                            in: Rect(size: backend.size), into: &readOnly, glyphs: .unicode, showsCursor: false)
        backend.draw(readOnly, previous: screen)
        backend.flush()
        #expect(backend.display.cursor == nil)
        #expect(!backend.display.lines.joined().contains("›"), "no section is marked as current")
    }

    /// The cursor stands on the first column of a wide character, never its second half, and
    /// after a row that fills the width it stands in the column kept for it.
    @Test func theCursorIsNeverInsideAWideCharacter() {
        var editor = NoteEditor(format: .free, text: ["note": "李李李李李"], viewport: Size(cols: 10, rows: 5))
        editor.apply(.noteStart)
        var columns: [Int] = []
        for _ in 0..<6 {
            var screen = Screen(size: Size(cols: 13, rows: 5))
            NoteEditorView.draw(editor, in: Rect(size: screen.size), into: &screen, glyphs: .unicode)
            columns.append(screen.cursor!.x)
            editor.apply(.right)
        }
        #expect(columns == [2, 4, 6, 8, 10, 12])
    }
}

extension Rect {
    fileprivate init(size: Size) { self.init(size) }
}
