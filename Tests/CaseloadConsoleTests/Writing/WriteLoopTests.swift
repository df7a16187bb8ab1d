@testable import CaseloadConsole
import CaseloadCore
import Foundation
import Testing
import TerminalKit

/// A writer that answers every request with `result` and keeps what it was asked.
final class RecordingWriter: ConsoleWriter, @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [WriteRequest] = []
    let result: @Sendable (WriteRequest) -> WriteResult

    init(result: @escaping @Sendable (WriteRequest) -> WriteResult) { self.result = result }

    func perform(_ request: WriteRequest) -> WriteResult {
        lock.withLock { requests.append(request) }
        return result(request)
    }

    var asked: [WriteRequest] { lock.withLock { requests } }
}

/// Saves run off the key loop and come back as actions the loop collects between keys.
@Suite struct WriteLoopTests {
    @Test func aSaveRunsOffTheLoopAndItsAnswerReachesTheScreen() throws {
        let target = NoteTarget(session: "S-20261118-0900-grojch", participant: "P-0003")
        let writer = RecordingWriter { _ in .refused("Only a supervisor can co-sign a note; mgarcia is a counselor.") }
        let backend = TestBackend(size: Size(cols: 80, rows: 24), keys: [.char("y")])
        var state = ConsoleState(session: Fixture.session(), data: Fixture.data(), size: backend.size)
        _ = state.open(Question("Co-sign?", effects: [.write(.coSignNote(target))]))
        let loop = ConsoleLoop(state: state, backend: backend, source: Fixture.source(), writer: writer,
                               clock: { (Fixture.now, Fixture.today) })
        loop.start()
        #expect(loop.step(timeout: 0) == nil)
        // The key was handled without waiting for the save; the answer arrives on a later turn.
        var turns = 0
        while loop.state.writesInFlight > 0, turns < 200 {
            _ = loop.step(timeout: 10)
            turns += 1
        }
        #expect(writer.asked == [.coSignNote(target)])
        #expect(loop.state.status == .error("Only a supervisor can co-sign a note; mgarcia is a counselor."))
        #expect(text(of: backend.display).contains("Only a supervisor can co-sign"))
    }

    @Test func withoutAWriterASaveSaysTheConsoleIsReadOnly() {
        let backend = TestBackend(size: Size(cols: 80, rows: 24), keys: [.char("y")])
        var state = ConsoleState(session: Fixture.session(), data: Fixture.data(), size: backend.size)
        _ = state.open(Question("Co-sign?", effects: [.write(.coSignNote(NoteTarget(session: "S-1", participant: "P-1")))]))
        let loop = ConsoleLoop(state: state, backend: backend, source: Fixture.source(),
                               clock: { (Fixture.now, Fixture.today) })
        loop.start()
        _ = loop.step(timeout: 0)
        #expect(loop.state.status == .error("Not saved: this console was opened read-only"))
        #expect(loop.state.writesInFlight == 0)
    }

    @Test func typedTextIsKeptAsADraftWhenTypingPauses() throws {
        let writer = RecordingWriter { _ in .saved(SavedChange(session: nil)) }
        let backend = TestBackend(size: Size(cols: 80, rows: 24), keys: [.char("3"), .enter, .enter, .char("x")])
        let state = ConsoleState(session: Fixture.session(), data: Fixture.data(), size: backend.size)
        let loop = ConsoleLoop(state: state, backend: backend, source: Fixture.source(), writer: writer,
                               clock: { (Fixture.now, Fixture.today) })
        loop.autosaveSeconds = 0
        loop.start()
        while !backend.pendingKeys.isEmpty { _ = loop.step(timeout: 0) }
        var turns = 0
        while writer.asked.isEmpty || loop.state.writesInFlight > 0, turns < 200 {
            _ = loop.step(timeout: 10)
            turns += 1
        }
        guard case .saveDraft(let session, let target, .sections(.dap, let sections), _, _) = writer.asked.first else {
            Issue.record("expected a draft save, got \(writer.asked)")
            return
        }
        #expect(session == "S-20261123-0900-gromga")
        #expect(target == .note("P-0001"))
        #expect(sections["data"]?.hasSuffix("x") == true)
        #expect(!loop.state.hasUnsavedText, "the saved draft marks the text saved")
    }
}
