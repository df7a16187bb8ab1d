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
    /// The quit came from Ctrl-C: the exit status says so, as it would for the signal.
    private var interrupted = false
    private var lastStamp: AnyHashable?
    private var lastClockTick: Date
    private let writes: WriteQueue?
    private let externalEditor: (any ExternalEditor)?
    private let searcher: (any NoteSearcher)?
    /// When the last key came and when text first went unsaved (uptime seconds), for autosave.
    private var lastKeyAt: TimeInterval = 0
    private var unsavedSince: TimeInterval?

    /// How long to wait for a key before looking for saves by other sessions.
    public var idleMilliseconds = 2_000
    /// How often the clock is read while idle (a new day reloads).
    public var clockSeconds: TimeInterval = 30
    /// Unsaved text is saved as a draft once typing pauses this long, or has gone on this long.
    public var autosaveSeconds: TimeInterval = 2
    /// How long to wait for a key while a save is out or text is unsaved.
    private let busyMilliseconds = 50

    /// `clock` gives the time and the program's date; the CLI passes the real clock in the
    /// program's time zone, tests a fixed one.
    public init(state: ConsoleState, backend: Backend, source: any ConsoleDataSource,
                writer: (any ConsoleWriter)? = nil, externalEditor: (any ExternalEditor)? = nil,
                searcher: (any NoteSearcher)? = nil,
                clock: @escaping @Sendable () -> (now: Date, today: LocalDate)) {
        self.state = state
        self.backend = backend
        self.runner = EffectRunner(source: source)
        self.writes = writer.map(WriteQueue.init)
        self.externalEditor = externalEditor
        self.searcher = searcher
        self.clock = clock
        self.lastClockTick = state.session.now
        self.lastStamp = source.changeStamp()
    }

    /// Runs until the user quits or the terminal is told to stop.
    public func run() -> Exit {
        start()
        while true {
            let busy = writes?.isBusy == true || state.hasUnsavedText
            if let exit = step(timeout: busy ? busyMilliseconds : idleMilliseconds) { return exit }
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
            if let signal = backend.terminationSignal {
                // A closing terminal or a shutdown: what was typed is saved before leaving.
                finishWrites()
                return .signal(signal)
            }
            collectWrites()
            autosaveIfDue()
            idle()
            draw()
            return nil
        }
        lastKeyAt = ProcessInfo.processInfo.systemUptime
        if key == .resize {
            // Whatever the terminal showed before is gone: draw every cell.
            previous = nil
            send(.resized(backend.size))
        } else {
            send(KeyTable.action(for: key, in: state))
        }
        collectWrites()
        if state.hasUnsavedText, unsavedSince == nil { unsavedSince = lastKeyAt }
        // Typing that never pauses is saved too, every `autosaveSeconds`.
        autosaveIfDue()
        if quitRequested {
            finishWrites()
            return interrupted ? .signal(SIGINT) : .quit
        }
        draw()
        return nil
    }

    /// Saves unsaved text as a draft once typing has paused, or has gone on, `autosaveSeconds`.
    private func autosaveIfDue() {
        guard state.hasUnsavedText, let since = unsavedSince else { return }
        let now = ProcessInfo.processInfo.systemUptime
        guard now - lastKeyAt >= autosaveSeconds || now - since >= autosaveSeconds else { return }
        unsavedSince = nil
        send(.autosaveDue)
    }

    /// Hands finished saves back to the state; a save of our own is already on screen, so the
    /// change it makes on disk is not taken for someone else's.
    private func collectWrites() {
        guard let writes else { return }
        let replies = writes.collect()
        guard !replies.isEmpty else { return }
        for reply in replies { send(.written(reply)) }
        lastStamp = runner.source.changeStamp()
    }

    /// Before the console exits: unsaved text becomes a draft and every save lands.
    private func finishWrites() {
        if state.hasUnsavedText { send(.autosaveDue) }
        writes?.waitUntilDone()
        collectWrites()
    }

    /// Updates with `action` and with every action the resulting effects answer with.
    public func send(_ action: Action) {
        var queue = [action]
        while !queue.isEmpty {
            for effect in state.update(queue.removeFirst()) {
                switch effect {
                case .quit:
                    quitRequested = true
                case .interrupt:
                    quitRequested = true
                    interrupted = true
                case .write(let request):
                    if let writes {
                        writes.submit(request)
                    } else {
                        queue.append(.written(WriteReply(
                            request: request, result: .failed("this console was opened read-only"))))
                    }
                case .editExternally(let text):
                    queue.append(.externalEditFinished(editExternally(text)))
                case .searchNotes(let query):
                    let found = searcher?.search(query)
                        ?? NotesFound(hits: [], notices: ["Searching notes is not available here"])
                    queue.append(.notesFound(query, found))
                default:
                    if let answer = runner.run(effect, today: state.session.today) { queue.append(answer) }
                }
            }
        }
    }

    /// Reloads when another session saved, and moves the clock on every `clockSeconds`.
    private func idle() {
        let stamp = runner.source.changeStamp()
        // While a save of ours is on its way the change on disk is most likely it: its answer
        // reloads the caseload and keeps its own message, where this would say "Reloaded".
        if stamp != lastStamp, writes?.isBusy != true {
            lastStamp = stamp
            send(.caseloadChanged)
        }
        let time = clock()
        if time.now.timeIntervalSince(lastClockTick) >= clockSeconds || time.today != state.session.today {
            lastClockTick = time.now
            send(.clock(now: time.now, today: time.today))
        }
    }

    /// The outside editor takes the terminal; the whole screen is drawn again afterwards.
    private func editExternally(_ text: String) -> ExternalEditResult {
        guard let externalEditor else { return .failed("No outside editor is available here") }
        backend.suspend()
        let result = externalEditor.edit(text)
        backend.resume()
        previous = nil
        return result
    }

    private func draw() {
        let screen = render(state, size: backend.size)
        backend.draw(screen, previous: previous)
        backend.flush()
        previous = screen
    }
}
