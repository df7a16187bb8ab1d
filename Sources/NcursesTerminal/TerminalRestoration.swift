#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Synchronization

/// Puts the terminal back when the process is interrupted or crashes.
///
/// - SIGINT, SIGTERM, SIGHUP, SIGQUIT only record the signal (`TerminalBackend.terminationSignal`)
///   so the app can save drafts and close normally; a second one while the first is still
///   pending means the app is stuck: the terminal is reset and the process exits with 128 + signal.
///   Repeats within a second of the first are ignored: a terminal going away sends more than one.
/// - SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP reset the terminal, then re-raise the signal
///   under the handler that was there before (Swift's backtracer or the default), so crash reports
///   print on a sane terminal.
/// Handlers only call async-signal-safe functions: write(2), tcsetattr(2), sigaction(2), raise(3),
/// clock_gettime(2).
/// SIGTSTP and SIGWINCH are left to ncurses, which suspends/resumes and reports KEY_RESIZE.
enum TerminalRestoration {
    static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// The first termination signal received, 0 for none.
    static let receivedSignal = Atomic<Int32>(0)

    /// Everything a handler reads, prepared before any handler is installed.
    private struct Saved {
        var descriptor: Int32 = -1
        var shellMode = termios()
        var resetSequence: UnsafeMutableBufferPointer<UInt8> = .init(start: nil, count: 0)
        var previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    }
    nonisolated(unsafe) private static var saved = Saved()

    /// Records the terminal's shell mode and installs the handlers; call before ncurses starts so
    /// ncurses does not install its own SIGINT/SIGTERM handlers.
    static func install(descriptor: Int32) {
        receivedSignal.store(0, ordering: .relaxed)
        saved.descriptor = descriptor
        tcgetattr(descriptor, &saved.shellMode)
        for signal in terminationSignals { setHandler(signal, onTermination) }
        for signal in fatalSignals { setHandler(signal, onFatalSignal) }
        unblockTerminalSignals()
    }

    /// Holds Ctrl-C, SIGTERM, SIGHUP and SIGQUIT pending, for work done before the terminal
    /// opens that must not be cut short (a temporary folder to remove); `install` releases them
    /// to its handlers, and the loop then ends as it would for one that came later.
    static func holdTerminationSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in terminationSignals { sigaddset(&set, signal) }
        sigprocmask(SIG_BLOCK, &set, nil)
    }

    /// A parent (a terminal multiplexer's server, a service manager) may hand us a signal mask
    /// that blocks Ctrl-C, hang-up or resize; an interactive program must receive them.
    private static func unblockTerminalSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in terminationSignals + [SIGTSTP, SIGCONT, SIGWINCH] { sigaddset(&set, signal) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// The bytes written on an emergency reset; set once ncurses has read the terminfo entry.
    static func setResetSequence(_ bytes: [UInt8]) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        let old = saved.resetSequence
        saved.resetSequence = buffer
        old.deallocate()
    }

    /// Puts the previous handlers back (the terminal has been restored normally).
    static func uninstall() {
        for signal in terminationSignals + fatalSignals {
            sigaction(signal, saved.previousActions + Int(signal), nil)
        }
        saved.descriptor = -1
    }

    nonisolated(unsafe) private static var atExitAction: (() -> Void)?
    nonisolated(unsafe) private static var atExitRegistered = false

    /// Runs `action` when the process calls exit() (e.g. an argument parser exiting) without
    /// closing the terminal; only the latest action is kept.
    static func registerAtExit(_ action: @escaping () -> Void) {
        atExitAction = action
        guard !atExitRegistered else { return }
        atExitRegistered = true
        atexit { TerminalRestoration.atExitAction?() }
    }

    private static func setHandler(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, saved.previousActions + Int(signal))
    }

    /// Async-signal-safe: writes the reset sequence and restores the shell's tty mode.
    private static func resetTerminal() {
        let state = saved
        guard state.descriptor >= 0 else { return }
        if let bytes = state.resetSequence.baseAddress {
            _ = write(state.descriptor, bytes, state.resetSequence.count)
        }
        var mode = state.shellMode
        tcsetattr(state.descriptor, TCSANOW, &mode)
    }

    /// When the first termination signal came (CLOCK_MONOTONIC nanoseconds).
    private static let firstSignalNanoseconds = Atomic<Int64>(0)
    /// A terminal going away sends its signals together (tmux's SIGHUP then the kernel's hang-up;
    /// `script`'s SIGTERM then the hang-up): repeats this soon are the same event, not a sign of a
    /// stuck app, and exiting on them would skip the cleanup the loop is about to do.
    private static let repeatGraceNanoseconds: Int64 = 1_000_000_000

    private static let onTermination: @convention(c) (Int32) -> Void = { signal in
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let nanoseconds = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
        if receivedSignal.load(ordering: .relaxed) != 0 {
            guard nanoseconds - firstSignalNanoseconds.load(ordering: .relaxed) >= repeatGraceNanoseconds else { return }
            resetTerminal()
            _exit(128 + signal)
        }
        firstSignalNanoseconds.store(nanoseconds, ordering: .relaxed)
        receivedSignal.store(signal, ordering: .relaxed)
    }

    private static let onFatalSignal: @convention(c) (Int32) -> Void = { signal in
        resetTerminal()
        sigaction(signal, saved.previousActions + Int(signal), nil)
        raise(signal)
    }
}
