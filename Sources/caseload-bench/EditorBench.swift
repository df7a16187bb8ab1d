import CaseloadBenchSupport
import CaseloadConsole
import CaseloadCore
import TerminalKit

/// Writing in the note editor: each keystroke is one editor update and one 200×60 frame of the
/// editor pane, what the console does between a key and the screen. The 5,000-word note is the
/// default demo's own note text laid end to end; the reference is the demo's longest note.
enum EditorBench {
    static func run(small: BenchCaseload, rounds: Int) throws -> [Figure] {
        let notes = try demoNotes(small)
        guard let longest = notes.max(by: { words(in: $0.sections) < words(in: $1.sections) }) else {
            throw BenchFailure("The default demo has no written notes to type into.")
        }
        let long = try keystrokes(into: longNote(from: notes, words: 5_000), rounds: rounds)
        let reference = try keystrokes(into: longest, rounds: rounds)
        let name = "Editor: keystroke on a 5,000-word note, update + 200×60 frame"
        return [
            Figure(name: "\(name) (median)", measured: long.median, reference: reference.median,
                   referenceName: "the demo's longest note", unit: "ms", limit: 5, ratioLimit: nil),
            Figure(name: "\(name) (p99)", measured: long.p99, reference: reference.p99,
                   referenceName: "the demo's longest note", unit: "ms", limit: 5, ratioLimit: nil),
        ]
    }

    /// Every written note of the demo's sessions of the past year.
    private static func demoNotes(_ caseload: BenchCaseload) throws -> [Note] {
        let today = Clock.system.today(in: try caseload.store.program().timeZone)
        return caseload.store.sessions(from: today.adding(days: -366), through: today).records
            .flatMap { $0.members.compactMap(\.note) }
            .filter { words(in: $0.sections) > 0 }
    }

    private static func words(in sections: [String: String]) -> Int {
        sections.values.reduce(0) { $0 + $1.split(whereSeparator: \.isWhitespace).count }
    }

    /// A DAP note of at least `count` words: the demo's sections as paragraphs, dealt out to
    /// Data, Assessment and Plan in turn.
    private static func longNote(from notes: [Note], words count: Int) -> Note {
        var sections: [String: [String]] = [:]
        let keys = NoteFormat.dap.sections.map(\.key)
        var total = 0
        var turn = 0
        while total < count {
            for text in notes.flatMap({ $0.orderedSections.map(\.text) }) where total < count && !text.isEmpty {
                sections[keys[turn % keys.count], default: []].append(text)
                total += text.split(whereSeparator: \.isWhitespace).count
                turn += 1
            }
        }
        return Note(format: .dap, author: notes[0].author, at: notes[0].lastEditedAt,
                    sections: sections.mapValues { $0.joined(separator: "\n\n") })
    }

    /// Typing a sentence in the middle of the note, correcting it, and moving about by word,
    /// row and page, `rounds` times; each key timed with its frame.
    private static func keystrokes(into note: Note, rounds: Int) throws -> Samples {
        let size = Size(cols: 200, rows: 60)
        let pane = Rect(size).inset(by: 1)
        var editor = NoteEditor(format: note.format, text: note.sections, viewport: NoteEditorView.viewport(for: pane))
        editor.apply(.noteStart)
        for _ in 0..<(editor.texts[0].rowCount / 2) { editor.apply(.down) }
        let sentence = "Client reported sleeping better since the last session. ".map { EditorCommand.type(String($0)) }
        let corrections: [EditorCommand] = Array(repeating: .deleteBackward, count: 10)
            + Array(repeating: .wordLeft, count: 5) + Array(repeating: .down, count: 5) + Array(repeating: .up, count: 5)
            + [.pageDown, .pageUp, .rowEnd, .rowStart, .deleteWordBackward, .undo, .wordRight, .newline]
        var samples = Samples()
        for _ in 0..<rounds {
            for command in sentence + corrections {
                samples.time {
                    editor.apply(command)
                    var screen = Screen(size: size)
                    NoteEditorView.draw(editor, in: pane, into: &screen, glyphs: .unicode)
                    return screen
                }
            }
        }
        guard editor.revision > 0 else { throw BenchFailure("The editor bench typed nothing into the note.") }
        return samples
    }
}
