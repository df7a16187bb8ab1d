import CaseloadCore
import Foundation
import TerminalKit

/// Runs the console on a terminal: render, draw what changed, wait for a key, look it up in the
/// key table, update, perform the effects, and again, until the user quits or a signal arrives.
public final class ConsoleLoop<Backend: TerminalBackend> {
    /// Why `run` returned.
    public enum Exit: Sendable, Equatable {
        case quit
        /// SIGINT, SIGTERM, SIGHUP or SIGQUIT; exit with 128 + the number.
        case signal(Int32)
    }

    public private(set) var state: ConsoleState
    private let backend: Backend
    private let runner: EffectRunner
    private let clock: @Sendable () -> (now: Date, today: LocalDate)
    private var previous: Screen?
    private var quitRequested = false
    private var lastStamp: AnyHashable?
    private var lastClockTick: Date

    /// How long to wait for a key before looking for saves by other sessions.
    public var idleMilliseconds = 2_000
    /// How often the clock is read while idle (a new day reloads).
    public var clockSeconds: TimeInterval = 30

    /// `clock` gives the time and the program's date; the CLI passes the real clock in the
    /// program's time zone, tests a fixed one.
    public init(state: ConsoleState, backend: Backend, source: any ConsoleDataSource,
                clock: @escaping @Sendable () -> (now: Date, today: LocalDate)) {
        self.state = state
        self.backend = backend
        self.runner = EffectRunner(source: source)
        self.clock = clock
        self.lastClockTick = state.session.now
        self.lastStamp = source.changeStamp()
    }

    /// Runs until the user quits or the terminal is told to stop.
    public func run() -> Exit {
        start()
        while true {
            if let exit = step(timeout: idleMilliseconds) { return exit }
        }
    }

    /// Takes the terminal's size and draws the first frame.
    public func start() {
        send(.resized(backend.size))
        draw()
    }

    /// Handles one key (or one idle timeout) and redraws; returns why to stop, if it is time.
    public func step(timeout milliseconds: Int) -> Exit? {
        guard let key = backend.nextKey(timeout: milliseconds) else {
            if let signal = backend.terminationSignal { return .signal(signal) }
            idle()
            draw()
            return nil
        }
        if key == .resize {
            // Whatever the terminal showed before is gone: draw every cell.
            previous = nil
            send(.resized(backend.size))
        } else {
            send(KeyTable.action(for: key, in: state))
        }
        if quitRequested { return .quit }
        draw()
        return nil
    }

    /// Updates with `action` and with every action the resulting effects answer with.
    public func send(_ action: Action) {
        var queue = [action]
        while !queue.isEmpty {
            for effect in state.update(queue.removeFirst()) {
                if effect == .quit {
                    quitRequested = true
                } else if let answer = runner.run(effect, today: state.session.today) {
                    queue.append(answer)
                }
            }
        }
    }

    /// Reloads when another session saved, and moves the clock on every `clockSeconds`.
    private func idle() {
        let stamp = runner.source.changeStamp()
        if stamp != lastStamp {
            lastStamp = stamp
            send(.caseloadChanged)
        }
        let time = clock()
        if time.now.timeIntervalSince(lastClockTick) >= clockSeconds || time.today != state.session.today {
            lastClockTick = time.now
            send(.clock(now: time.now, today: time.today))
        }
    }

    private func draw() {
        let screen = render(state, size: backend.size)
        backend.draw(screen, previous: previous)
        backend.flush()
        previous = screen
    }
}
