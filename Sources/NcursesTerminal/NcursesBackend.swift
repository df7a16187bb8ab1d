#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CNcursesw
import TerminalKit

/// The real terminal, through ncursesw on /dev/tty.
///
/// Use it with `defer { backend.close() }`; `close()` is idempotent and also runs from deinit
/// and at process exit. SIGINT, SIGTERM, SIGHUP and SIGQUIT are reported through
/// `terminationSignal` (see `TerminalRestoration`). Ctrl-S/Ctrl-Q, Ctrl-V/Ctrl-O and Ctrl-Z reach
/// the app as keys (flow control, literal-next and the suspend character are off); a SIGTSTP sent
/// from elsewhere still suspends through ncurses' own handler.
public final class NcursesBackend: TerminalBackend {
    /// Choices the app makes before the terminal opens.
    public struct Options: Sendable {
        /// False for NO_COLOR or `--no-color`: colors are never started.
        public var useColor: Bool
        /// How long ncurses and the decoder wait after Esc for the rest of a sequence.
        public var escapeDelayMilliseconds: Int32
        /// How long a bracketed paste may pause before what arrived is delivered.
        public var pasteGapMilliseconds: Int32

        public init(useColor: Bool = true, escapeDelayMilliseconds: Int32 = 25, pasteGapMilliseconds: Int32 = 1000) {
            self.useColor = useColor
            self.escapeDelayMilliseconds = escapeDelayMilliseconds
            self.pasteGapMilliseconds = pasteGapMilliseconds
        }
    }

    private static let bracketedPasteOn: [UInt8] = Array("\u{1B}[?2004h".utf8)
    private static let bracketedPasteOff: [UInt8] = Array("\u{1B}[?2004l".utf8)
    /// Longest single wait, so a termination signal is noticed promptly during a long timeout.
    private static let pollSliceMilliseconds = 100

    public let capabilities: TerminalCapabilities
    /// The theme cells are drawn with; after changing it, draw with `previous: nil`.
    public var theme: Theme {
        get { attributes.theme }
        set { attributes.theme = newValue }
    }

    private let options: Options
    private let tty: UnsafeMutablePointer<FILE>
    private let screenHandle: OpaquePointer
    private var attributes: CellAttributes
    private var decoder: KeyDecoder
    /// The terminal's modified keys ncurses numbered at start (Ctrl-Left is kLFT5).
    private let extendedKeyCodes: [Int32: Key]
    private var queuedKeys: [Key] = []
    private var isClosed = false
    private var isSuspended = false
    /// Whether the cursor is shown, nil when not known (at start and after a resume).
    private var cursorShown: Bool?
    /// Set by `resume`: what `previous` describes is no longer on the terminal.
    private var mustRedrawEverything = false

    /// Holds termination signals pending: before a backend opens (they then end its loop like any
    /// other), or once its loop is over, so the way out finishes before the process exits.
    public static func holdTerminationSignals() {
        TerminalRestoration.holdTerminationSignals()
    }

    /// Opens /dev/tty in the user's locale and takes over the screen.
    public init(options: Options = Options(), theme: Theme) throws(TerminalError) {
        self.options = options
        setlocale(LC_ALL, "")
        let utf8 = caseload_codeset().map { String(cString: $0) } == "UTF-8"
        // Under LANG=C a UTF-8 terminal still sends "é" as two bytes, which an ASCII locale reads
        // as nothing: typed text would be lost. Input is read as UTF-8 when the system has that
        // locale; what is drawn stays ASCII, as the capabilities below say.
        if !utf8 { setlocale(LC_CTYPE, "C.UTF-8") }
        guard let tty = fopen("/dev/tty", "r+") else {
            throw .noTerminal(reason: String(cString: strerror(errno)))
        }
        let descriptor = fileno(tty)
        TerminalRestoration.install(descriptor: descriptor)
        guard let screenHandle = newterm(nil, tty, tty) else {
            TerminalRestoration.uninstall()
            fclose(tty)
            throw .unknownTerminalType(getenv("TERM").map { String(cString: $0) } ?? "")
        }
        self.tty = tty
        self.screenHandle = screenHandle
        Self.configureInput(descriptor: descriptor, escapeDelay: options.escapeDelayMilliseconds)
        extendedKeyCodes = Self.extendedKeyCodes()
        decoder = KeyDecoder(extendedKeyCodes: extendedKeyCodes)

        var depth = ColorDepth.none
        var hasDefaultColors = false
        if options.useColor, has_colors() {
            start_color()
            hasDefaultColors = use_default_colors() == caseload_ok()
            depth = ColorDepth(colors: Int(caseload_colors()))
        }
        let terminalType = getenv("TERM").map { String(cString: $0) } ?? ""
        // vt100-class terminals (and their emulations) lack Unicode line art even under a UTF-8 locale.
        let lineArt = utf8 && !terminalType.hasPrefix("vt")
        capabilities = TerminalCapabilities(colorDepth: depth, unicode: utf8, glyphs: lineArt ? .unicode : .ascii)
        attributes = CellAttributes(theme: theme, depth: depth, hasDefaultColors: hasDefaultColors)

        TerminalRestoration.setResetSequence(Self.resetSequence())
        Self.write(Self.bracketedPasteOn, to: descriptor)
        TerminalRestoration.registerAtExit { [weak self] in self?.close() }
    }

    deinit { close() }

    public var size: Size {
        Size(cols: Int(caseload_cols()), rows: Int(caseload_lines()))
    }

    public var terminationSignal: Int32? {
        let signal = TerminalRestoration.receivedSignal.load(ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// Leaves the screen as the shell had it. Safe to call more than once.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        Self.write(Self.bracketedPasteOff, to: fileno(tty))
        endwin()
        delscreen(screenHandle)
        TerminalRestoration.uninstall()
        fclose(tty)
    }

    public func draw(_ screen: Screen, previous: Screen?) {
        guard !isClosed, !isSuspended else { return }
        let window = caseload_stdscr()
        let previous = mustRedrawEverything ? nil : previous
        mustRedrawEverything = false
        if previous == nil { clearok(window, true) }
        for run in screen.changes(from: previous) {
            let look = attributes.resolve(run.role)
            var column = run.x
            for (character, width) in DisplayWidth.graphemes(run.text) where width > 0 {
                for (offset, cell) in cellContents(character, width: width).enumerated() {
                    cell.withUnsafeBufferPointer { chars in
                        _ = caseload_put_cell(window, Int32(run.y), Int32(column + offset), chars.baseAddress,
                                              Int32(chars.count), look.attributes, look.pair)
                    }
                }
                column += width
            }
        }
        placeCursor(screen.cursor.flatMap { screen.area.contains($0) ? $0 : nil })
    }

    /// Moves the window's cursor after drawing (the refresh leaves the terminal's cursor where
    /// the window's is), or hides it.
    private func placeCursor(_ point: Point?) {
        if let point { wmove(caseload_stdscr(), Int32(point.y), Int32(point.x)) }
        let shown = point != nil
        guard shown != cursorShown else { return }
        curs_set(shown ? 1 : 0)
        cursorShown = shown
    }

    public func suspend() {
        guard !isClosed, !isSuspended else { return }
        isSuspended = true
        Self.write(Self.bracketedPasteOff, to: fileno(tty))
        def_prog_mode()
        endwin()
    }

    public func resume() {
        guard !isClosed, isSuspended else { return }
        isSuspended = false
        reset_prog_mode()
        Self.write(Self.bracketedPasteOn, to: fileno(tty))
        // A sequence half read before the hand-over means nothing now.
        decoder = KeyDecoder(extendedKeyCodes: extendedKeyCodes)
        cursorShown = nil
        mustRedrawEverything = true
        clearok(caseload_curscr(), true)
        wrefresh(caseload_stdscr())
    }

    public func flush() {
        guard !isClosed, !isSuspended else { return }
        wrefresh(caseload_stdscr())
    }

    public func nextKey(timeout milliseconds: Int) -> Key? {
        if !queuedKeys.isEmpty { return queuedKeys.removeFirst() }
        guard !isClosed, !isSuspended else { return nil }
        let window = caseload_stdscr()
        var remaining = milliseconds
        while terminationSignal == nil {
            let wait: Int32
            switch decoder.pending {
            case .sequence: wait = options.escapeDelayMilliseconds
            case .paste: wait = options.pasteGapMilliseconds
            case nil:
                if remaining == 0 { return nil }
                wait = Int32(remaining < 0 ? Self.pollSliceMilliseconds : min(remaining, Self.pollSliceMilliseconds))
                if remaining > 0 { remaining -= Int(wait) }
            }
            wtimeout(window, wait)
            var value: wint_t = 0
            let status = wget_wch(window, &value)
            let event: InputEvent
            if status == caseload_ok() {
                event = .codepoint(value)
            } else if status == caseload_key_code_yes() {
                event = .keyCode(Int32(bitPattern: value))
            } else if decoder.pending != nil {
                event = .timeout
            } else if Self.hasHungUp(fileno(tty)) {
                // The terminal is gone (a dropped SSH connection, a closed window): nothing will
                // ever be read again, so stop as a hang-up signal would, instead of spinning.
                TerminalRestoration.receivedSignal.store(SIGHUP, ordering: .relaxed)
                return nil
            } else {
                continue
            }
            queuedKeys += decoder.feed(event)
            if !queuedKeys.isEmpty { return queuedKeys.removeFirst() }
        }
        return nil
    }

    /// True when the terminal reports a hang-up or an error instead of waiting for input.
    private static func hasHungUp(_ descriptor: Int32) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, 0) >= 0 else { return errno != EINTR }
        return request.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// The wide characters for each terminal cell a grapheme covers. Under a non-UTF-8 locale a
    /// non-ASCII grapheme is spelled in ASCII when that takes its exact width ("é" → "e"), else it
    /// becomes one "?" per column, so everything after it stays aligned. (Names are spelled in
    /// ASCII before layout, where their length may change; see the console's `ShownName`.)
    private func cellContents(_ character: Character, width: Int) -> [[wchar_t]] {
        let scalars = character.unicodeScalars
        if !capabilities.unicode, !(scalars.count == 1 && scalars.first!.isASCII) {
            let spelled = ASCIITransliteration.ascii(String(character)).map { Array($0.utf8) }
            let letters = spelled?.count == width ? spelled! : Array(repeating: UInt8(ascii: "?"), count: width)
            return letters.map { [wchar_t($0)] }
        }
        // One spacing character followed by the combining ones ncurses can attach to its cell.
        let combining = scalars.dropFirst().filter { DisplayWidth.of(Character($0)) == 0 }
        return [([scalars.first!] + combining).prefix(Int(caseload_cchar_max()) - 1).map { wchar_t(bitPattern: $0.value) }]
    }

    /// Flow control (IXON), literal-next and discard (IEXTEN), and the interrupt, quit and suspend
    /// characters are switched off so Ctrl-S, Ctrl-Q, Ctrl-V, Ctrl-O, Ctrl-Z (the editor's undo),
    /// Ctrl-C and Ctrl-\ arrive as keys: Ctrl-C quits with the interrupt's status, but steps back
    /// like Esc from a form with answers, so a stray one never loses them; Ctrl-\ means nothing.
    /// The signals themselves, sent from outside, still end the loop after saving drafts. Ctrl-W, Ctrl-Y and Ctrl-E mean nothing to a Linux tty outside canonical
    /// mode. def_prog_mode makes ncurses restore this mode after a suspend.
    private static func configureInput(descriptor: Int32, escapeDelay: Int32) {
        cbreak()
        noecho()
        nonl()
        let window = caseload_stdscr()
        keypad(window, true)
        intrflush(window, false)
        set_escdelay(escapeDelay)
        curs_set(0)
        var mode = termios()
        if tcgetattr(descriptor, &mode) == 0 {
            mode.c_iflag &= ~tcflag_t(IXON)
            mode.c_lflag &= ~tcflag_t(IEXTEN)
            // 0 is _POSIX_VDISABLE on Linux: no key suspends.
            withUnsafeMutableBytes(of: &mode.c_cc) { characters in
                characters[Int(VSUSP)] = 0
                characters[Int(VINTR)] = 0
                characters[Int(VQUIT)] = 0
            }
            tcsetattr(descriptor, TCSANOW, &mode)
            def_prog_mode()
        }
    }

    /// The modified keys this terminal's entry defines beyond the standard ones, by the codes
    /// ncurses gave them (they differ between terminals and ncurses builds).
    private static func extendedKeyCodes() -> [Int32: Key] {
        var keys: [Int32: Key] = [:]
        for code in NcursesKeyCode.maximum + 1...NcursesKeyCode.maximum + extendedCodeSearchLimit {
            guard let name = keyname(code).map({ String(cString: $0) }),
                  let key = NcursesKeyCode.key(forExtendedName: name) else { continue }
            keys[code] = key
        }
        return keys
    }

    /// How many codes past KEY_MAX to name; xterm-256color's extended keys take under a hundred.
    private static let extendedCodeSearchLimit: Int32 = 1024

    /// What a crash handler writes: attributes off, cursor shown, main screen back, paste off.
    private static func resetSequence() -> [UInt8] {
        let capabilities = ["sgr0", "cnorm", "rmcup"]
        let terminfo = capabilities.flatMap { name in
            caseload_terminfo_string(name).map { Array(String(cString: $0).utf8) } ?? []
        }
        return terminfo + Array("\r\n".utf8) + bracketedPasteOff
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBufferPointer { _ = Glibc.write(descriptor, $0.baseAddress, $0.count) }
    }
}
