import CaseloadConsole
import CaseloadCore
import Foundation
import NcursesTerminal
import TerminalKit

/// Opens the console: finds the caseload and the signed-in staff member, picks a theme the
/// terminal can show, and runs the loop until the user quits, always restoring the terminal.
struct ConsoleLauncher {
    let store: StoreOptions
    let console: ConsoleOptions

    func run(demo: Bool) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure(
                "The console needs a terminal; run a subcommand for scripts (see caseload --help).")
        }
        // A termination signal ended the loop: leave with the status a shell expects for it.
        if let status = demo ? try runDemo() : try runConsole(try openCaseload()) {
            exit(status)
        }
    }

    /// The console on a demo caseload in a temporary folder, removed on every way out: quit, an
    /// error, or a signal. A signal that comes before the console is up waits for it, then ends
    /// the loop like one that comes later. SIGKILL cannot be caught, so each start also removes
    /// the folders of earlier demos whose process is gone.
    private func runDemo() throws -> Int32? {
        NcursesBackend.holdTerminationSignals()
        DemoFolder.removeLeftovers()
        let folder = try DemoFolder.makeTemporary()
        defer {
            // Also on an error's way out: a signal must not cut the removal short.
            NcursesBackend.holdTerminationSignals()
            DemoFolder.remove(folder.path)
        }
        return try runConsole(try openDemo(in: folder))
    }

    /// Runs the loop until the user quits; the exit status a termination signal asks for, or nil.
    private func runConsole(_ opened: (CaseloadStore, Staff)) throws -> Int32? {
        let (caseload, staff) = opened
        let program = try caseload.program()
        let (theme, themeProblem) = try loadTheme()
        let environment = ProcessInfo.processInfo.environment
        let useColor = environment["NO_COLOR"].map(\.isEmpty) ?? true
        let backend: NcursesBackend
        do {
            backend = try NcursesBackend(options: .init(useColor: useColor), theme: theme)
        } catch {
            throw CommandFailure(error.description)
        }
        defer { backend.close() }
        let timeZone = program.timeZone
        let clock = caseload.clock
        let now = clock.now()
        let session = ConsoleSession(
            staff: staff, today: LocalDate(now, in: timeZone), now: now,
            glyphs: ConsoleGlyphs(backend.capabilities))
        let source = StoreDataSource(caseload: Caseload(store: caseload), staff: staff.id)
        let data: ConsoleData
        do {
            data = try source.loadConsoleData(today: session.today)
        } catch {
            throw CommandFailure(error.description)
        }
        let state = ConsoleState(session: session, data: data, size: backend.size)
        let loop = ConsoleLoop(
            state: state, backend: backend, source: source,
            writer: CaseloadWriter(caseload: Caseload(store: caseload), staff: staff.id),
            externalEditor: OutsideEditor.fromEnvironment(folder: caseload.folder.root),
            searcher: CaseloadNoteSearcher(caseload: Caseload(store: caseload), staff: staff.id)
        ) {
            let now = clock.now()
            return (now, LocalDate(now, in: timeZone))
        }
        if let themeProblem {
            loop.send(.notice("\(themeProblem.description) Using the default theme."))
        }
        let exit = loop.run()
        // The loop is over and so is the choice of exit status: a signal now (the hang-up that
        // follows a closing terminal's SIGTERM, say) waits, so restoring the terminal and removing
        // a demo folder finish instead of dying half-way under the default action.
        NcursesBackend.holdTerminationSignals()
        if case .signal(let number) = exit {
            backend.close()
            return 128 + number
        }
        return nil
    }

    private func openCaseload() throws -> (CaseloadStore, Staff) {
        let acting = try store.open()
        return (acting.store, acting.staff)
    }

    /// A fresh demo caseload in `folder`, signed in as its first counselor.
    private func openDemo(in folder: URL) throws -> (CaseloadStore, Staff) {
        let clock = try store.clock()
        let caseload = try DemoWriter.write(
            DemoWriter.defaultOptions(clock: clock), into: folder, clock: clock, showProgress: false
        ).store
        let staff = caseload.staff().records.sorted { $0.id < $1.id }
        guard let counselor = staff.first(where: { $0.role == .counselor }) ?? staff.first else {
            throw CommandFailure("The demo caseload has no staff.")
        }
        Output.notice("Demo caseload in \(folder.path), signed in as \(counselor.displayName).")
        return (caseload, counselor)
    }

    /// The theme asked for with --theme (an unknown one is an error before the terminal is
    /// taken over), else $CASELOAD_THEME (an unknown one is named in the status line), else the
    /// default, which is built in: a start with nothing asked for shows no theme error unless
    /// the user's own file of the default's name is broken.
    private func loadTheme() throws -> (Theme, ThemeError?) {
        let catalog = ThemeCatalog.forCurrentProcess()
        if let requested = try console.requestedTheme(from: catalog) { return (requested, nil) }
        guard let wanted = ProcessInfo.processInfo.environment["CASELOAD_THEME"], !wanted.isEmpty else {
            return catalog.loadDefault(knownRoles: Role.all)
        }
        do {
            return (try catalog.load(wanted, knownRoles: Role.all), nil)
        } catch {
            return (catalog.loadDefault(knownRoles: Role.all).theme, error)
        }
    }
}
