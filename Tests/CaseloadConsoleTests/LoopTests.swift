@testable import CaseloadConsole
import CaseloadCore
import Foundation
import Testing
import TerminalKit

/// The run loop on the test backend: keys in, frames out, effects performed in between.
@Suite struct LoopTests {
    func loop(keys: [Key], size: Size = Size(cols: 80, rows: 24)) -> (ConsoleLoop<TestBackend>, TestBackend) {
        let backend = TestBackend(size: size, keys: keys)
        let state = ConsoleState(session: Fixture.session(), data: Fixture.data(), size: size)
        let loop = ConsoleLoop(state: state, backend: backend, source: Fixture.source(),
                               clock: { (Fixture.now, Fixture.today) })
        return (loop, backend)
    }

    /// Steps until the keys run out or the loop stops.
    func drive(_ loop: ConsoleLoop<TestBackend>, _ backend: TestBackend) -> ConsoleLoop<TestBackend>.Exit? {
        loop.start()
        while !backend.pendingKeys.isEmpty {
            if let exit = loop.step(timeout: 0) { return exit }
        }
        return nil
    }

    @Test func keysOpenAParticipantAndTheTerminalShowsThem() {
        let (loop, backend) = loop(keys: [.char("2"), .char("j"), .enter, .char("]"), .char("]")])
        #expect(drive(loop, backend) == nil)
        #expect(loop.state.participantScreen == ParticipantScreen(id: "P-0005", tab: .progress))
        #expect(loop.state.loadedDetail(of: "P-0005") != nil, "the load effect ran")
        // What the terminal shows, built only from diffs, equals the last frame rendered.
        #expect(backend.display == backend.drawnScreens.last)
        #expect(text(of: backend.display).contains("Ávila, Ana María · P-0005 · OP"))
    }

    @Test func qQuitsAndNothingAfterItRuns() {
        let (loop, backend) = loop(keys: [.char("q"), .char("2")])
        #expect(drive(loop, backend) == .quit)
        #expect(loop.state.page == .today)
        #expect(backend.pendingKeys == [.char("2")])
    }

    @Test func movingRedrawsOnlyWhatChanged() {
        let (loop, backend) = loop(keys: [.char("2"), .char("j")])
        _ = drive(loop, backend)
        #expect(backend.runCounts.last! * 4 < backend.runCounts.first!)
    }

    @Test func aResizeRedrawsEverythingAtTheNewSize() {
        let (loop, backend) = loop(keys: [.char("2")])
        _ = drive(loop, backend)
        backend.resize(to: Size(cols: 160, rows: 48))
        _ = loop.step(timeout: 0)
        #expect(loop.state.size == Size(cols: 160, rows: 48))
        #expect(backend.display.size == Size(cols: 160, rows: 48))
        #expect(backend.display == render(loop.state, size: Size(cols: 160, rows: 48)))
        #expect(loop.state.loadedDetail(of: "P-0010") != nil, "the side pane was loaded on resize")
        backend.resize(to: Size(cols: 30, rows: 5))
        _ = loop.step(timeout: 0)
        #expect(text(of: backend.display).contains("Need 80×24, now 30×5") || text(of: backend.display).contains("Enlarge"))
    }

    @Test func anIdleTimeoutReadsTheClock() {
        let backend = TestBackend(size: Size(cols: 80, rows: 24), keys: [])
        let later = Fixture.now.addingTimeInterval(3600)
        let loop = ConsoleLoop(state: ConsoleState(session: Fixture.session(), data: Fixture.data(),
                                                   size: backend.size),
                               backend: backend, source: Fixture.source(), clock: { (later, Fixture.today) })
        loop.start()
        #expect(loop.step(timeout: 0) == nil)
        #expect(loop.state.session.now == later)
    }

    @Test func aSignalEndsTheLoop() {
        let backend = TestBackend(size: Size(cols: 80, rows: 24), keys: [.char("j")])
        backend.terminationSignal = 15
        let loop = ConsoleLoop(state: ConsoleState(session: Fixture.session(), data: Fixture.data(),
                                                   size: backend.size),
                               backend: backend, source: Fixture.source(), clock: { (Fixture.now, Fixture.today) })
        #expect(loop.run() == .signal(15))
    }

    @Test func aMissingParticipantComesBackAsAFailure() {
        let runner = EffectRunner(source: Fixture.source())
        #expect(runner.run(.loadParticipant("P-9999"), today: Fixture.today)
                == .participantLoadFailed("P-9999", "No participant P-9999 in this caseload."))
        #expect(runner.run(.quit, today: Fixture.today) == nil)
    }
}
