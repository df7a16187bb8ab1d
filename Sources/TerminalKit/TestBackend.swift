/// A backend for tests: scripted keys in, drawn screens recorded. It keeps its own copy of the
/// "terminal" updated only through `changes(from:)`, so tests also prove the diff is complete.
public final class TestBackend: TerminalBackend {
    public var size: Size
    public var capabilities: TerminalCapabilities
    public var terminationSignal: Int32?
    /// Keys still to be returned by `nextKey`, first one next.
    public var pendingKeys: [Key]
    /// Every screen passed to `draw`, in order.
    public private(set) var drawnScreens: [Screen] = []
    /// What the terminal shows after the last `flush`.
    public private(set) var display: Screen
    /// How many runs each `draw` wrote (to check minimal redraw).
    public private(set) var runCounts: [Int] = []
    /// True between `suspend` and `resume`, while another program has the terminal.
    public private(set) var isSuspended = false
    /// How many times the terminal was handed over with `suspend`.
    public private(set) var suspendCount = 0
    private var unflushed: Screen
    /// Set by `resume`: the program that had the terminal left its own output behind.
    private var mustRedrawEverything = false

    public init(size: Size = Size(cols: 80, rows: 24),
                capabilities: TerminalCapabilities = TerminalCapabilities(colorDepth: .c256, unicode: true),
                keys: [Key] = []) {
        self.size = size
        self.capabilities = capabilities
        pendingKeys = keys
        display = Screen(size: size)
        unflushed = display
    }

    public func draw(_ screen: Screen, previous: Screen?) {
        drawnScreens.append(screen)
        if unflushed.size != screen.size { unflushed = Screen(size: screen.size) }
        let runs = screen.changes(from: mustRedrawEverything ? nil : previous)
        mustRedrawEverything = false
        runCounts.append(runs.count)
        for run in runs { unflushed.put(run.text, x: run.x, y: run.y, role: run.role) }
        // As a terminal does: the cursor shows only on the screen.
        unflushed.cursor = screen.cursor.flatMap { screen.area.contains($0) ? $0 : nil }
    }

    public func nextKey(timeout milliseconds: Int) -> Key? {
        guard terminationSignal == nil, !pendingKeys.isEmpty else { return nil }
        return pendingKeys.removeFirst()
    }

    public func flush() {
        display = unflushed
    }

    /// Forgets what the terminal showed, as another program writing to it would.
    public func suspend() {
        isSuspended = true
        suspendCount += 1
        unflushed = Screen(size: size)
        display = unflushed
    }

    public func resume() {
        isSuspended = false
        mustRedrawEverything = true
    }

    /// Changes the size and queues the `.resize` key a real terminal would send.
    public func resize(to newSize: Size) {
        size = newSize
        pendingKeys.insert(.resize, at: 0)
    }
}
