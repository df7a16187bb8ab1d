import Testing
import TerminalKit

@Suite struct ScreenCursorTests {
    @Test func aNewScreenHidesTheCursor() {
        #expect(Screen(size: Size(cols: 4, rows: 2)).cursor == nil)
    }

    /// The cursor is not a cell: moving it redraws nothing, and a diff never carries it.
    @Test func changesIgnoreTheCursor() {
        var screen = Screen(lines: ["ab", "cd"])
        let before = screen
        screen.cursor = Point(x: 1, y: 1)
        #expect(screen.changes(from: before).isEmpty)
        #expect(screen != before)
    }

    @Test func descriptionShowsTheCursorWhenThereIsOne() {
        var screen = Screen(lines: ["ab"])
        #expect(screen.description == "Screen 2×1\n\"ab\"")
        screen.cursor = Point(x: 1, y: 0)
        #expect(screen.description == "Screen 2×1 cursor (1,0)\n\"ab\"")
    }
}

@Suite struct TestBackendCursorTests {
    @Test func theCursorShowsWhereTheScreenPutsItAndHidesWhenNil() {
        let backend = TestBackend(size: Size(cols: 10, rows: 3))
        var screen = Screen(size: backend.size)
        screen.put("Data", x: 0, y: 0)
        screen.cursor = Point(x: 4, y: 0)
        backend.draw(screen, previous: nil)
        #expect(backend.display.cursor == nil, "nothing shows before the flush")
        backend.flush()
        #expect(backend.display.cursor == Point(x: 4, y: 0))

        var next = screen
        next.cursor = nil
        backend.draw(next, previous: screen)
        backend.flush()
        #expect(backend.display.cursor == nil)
        #expect(backend.runCounts.last == 0)
    }

    @Test func aCursorOffTheScreenIsHidden() {
        let backend = TestBackend(size: Size(cols: 4, rows: 2))
        var screen = Screen(size: backend.size)
        screen.cursor = Point(x: 4, y: 0)
        backend.draw(screen, previous: nil)
        backend.flush()
        #expect(backend.display.cursor == nil)
    }
}

@Suite struct TestBackendSuspendTests {
    /// Another program wrote over the terminal while it was handed over, so the first frame
    /// after `resume` writes every cell even when the app passes the previous frame.
    @Test func theFirstDrawAfterResumeWritesEverything() {
        let backend = TestBackend(size: Size(cols: 6, rows: 2))
        let screen = Screen(lines: ["Plan  ", "Data  "])
        backend.draw(screen, previous: nil)
        backend.flush()
        backend.suspend()
        #expect(backend.isSuspended)
        #expect(backend.display.lines == ["      ", "      "])
        backend.resume()
        #expect(!backend.isSuspended)
        backend.draw(screen, previous: screen)
        backend.flush()
        #expect(backend.display.lines == screen.lines)
        #expect(backend.runCounts.last == 2)
        backend.draw(screen, previous: screen)
        #expect(backend.runCounts.last == 0, "only the first frame after resume is drawn whole")
        #expect(backend.suspendCount == 1)
    }
}
