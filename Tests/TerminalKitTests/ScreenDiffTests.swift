import Testing
import TerminalKit

@Suite struct ScreenDiffTests {
    @Test func firstFrameAndSizeChangeRedrawEverything() {
        var screen = Screen(size: Size(cols: 4, rows: 2))
        screen.put("ab", x: 0, y: 0, role: "key")
        #expect(screen.changes(from: nil) == [
            ScreenRun(x: 0, y: 0, text: "ab", role: "key"),
            ScreenRun(x: 2, y: 0, text: "  ", role: .normal),
            ScreenRun(x: 0, y: 1, text: "    ", role: .normal),
        ])
        #expect(screen.changes(from: Screen(size: Size(cols: 5, rows: 2))).count == 3)
    }

    @Test func onlyChangedCellsAreWritten() {
        let before = Screen(lines: ["hello world", "second line"])
        var after = before
        after.put("W", x: 6, y: 0)
        after.put("LINE", x: 7, y: 1, role: "match")
        #expect(after.changes(from: before) == [
            ScreenRun(x: 6, y: 0, text: "W", role: .normal),
            ScreenRun(x: 7, y: 1, text: "LINE", role: "match"),
        ])
        #expect(after.changes(from: after) == [])
    }

    @Test func wideCharactersAreWrittenWhole() {
        let before = Screen(lines: ["李小龍"])
        var after = before
        after.put("a", x: 3, y: 0)
        #expect(after.changes(from: before) == [ScreenRun(x: 2, y: 0, text: " a", role: .normal)])
        var wide = Screen(lines: ["abcd"])
        let narrow = wide
        wide.put("中", x: 1, y: 0)
        #expect(wide.changes(from: narrow) == [ScreenRun(x: 1, y: 0, text: "中", role: .normal)])
    }

    @Test func testBackendShowsExactlyTheDrawnScreens() {
        let backend = TestBackend(size: Size(cols: 10, rows: 3), keys: [.char("j"), .ctrl("s")])
        var first = Screen(size: backend.size)
        first.box(first.area, title: "李", glyphs: .ascii)
        backend.draw(first, previous: nil)
        backend.flush()
        var second = first
        second.put("Zoë", x: 1, y: 1, role: "value")
        backend.draw(second, previous: first)
        #expect(backend.display == first)
        backend.flush()
        #expect(backend.display == second)
        #expect(backend.runCounts == [3, 1])
        #expect(backend.nextKey(timeout: 0) == .char("j"))
        backend.resize(to: Size(cols: 5, rows: 2))
        #expect(backend.nextKey(timeout: 0) == .resize)
        #expect(backend.nextKey(timeout: 0) == .ctrl("s"))
        #expect(backend.nextKey(timeout: 0) == nil)
        backend.terminationSignal = 15
        #expect(backend.terminationSignal == 15)
    }
}

@Suite struct ScreenDiffCompletenessTests {
    /// Random overlapping writes of wide and narrow text: applying the diff must always
    /// reproduce the new screen exactly.
    @Test func diffReproducesEveryFrame() {
        var generator = SplitMix(seed: 7)
        let words = ["李小龍", "Nguyễn", "a", "Zoë", "中文字", "x李y", "😀", "  "]
        let roles: [Role] = [.normal, "key", "match"]
        let backend = TestBackend(size: Size(cols: 13, rows: 3))
        var previous: Screen?
        var screen = Screen(size: backend.size)
        for _ in 0..<300 {
            let word = words[Int(generator.next() % UInt64(words.count))]
            let role = roles[Int(generator.next() % UInt64(roles.count))]
            screen.put(word, x: Int(generator.next() % 14) - 1, y: Int(generator.next() % 3), role: role)
            backend.draw(screen, previous: previous)
            backend.flush()
            #expect(backend.display == screen)
            previous = screen
        }
    }
}

/// A tiny deterministic generator so the test is reproducible.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
