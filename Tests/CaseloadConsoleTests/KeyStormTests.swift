@testable import CaseloadConsole
import CaseloadCore
import Foundation
import Testing
import TerminalKit

/// Random keys, pastes and resizes through the real update loop, headless: the console never
/// crashes or hangs, and every frame it draws has exactly the terminal's size. Short: two storms
/// of 6,000 keys (about 3 ms a key in a debug build, so they run side by side);
/// `CASELOAD_LONG_FAULT_TESTS=1`: four of 60,000. `CASELOAD_FAULT_SEED` replays a failing storm.
@Suite("Faults: key storm through the console loop")
struct KeyStormTests {
    static let isLong = ProcessInfo.processInfo.environment["CASELOAD_LONG_FAULT_TESTS"] == "1"
    static let firstSeed: UInt64 = ProcessInfo.processInfo.environment["CASELOAD_FAULT_SEED"].flatMap { UInt64($0) } ?? 20_261_123
    static let seeds: [UInt64] = (0..<(isLong ? 4 : 2)).map { firstSeed + $0 }
    static let keysPerStorm = isLong ? 60_000 : 6_000

    @Test("Random keys of every kind, pastes and resizes down to 0×0", .timeLimit(.minutes(10)), arguments: seeds)
    func stormThroughTheLoop(seed: UInt64) {
        let keyCount = Self.keysPerStorm
        let backend = StormBackend(seed: seed, keys: keyCount)
        var quits = 0
        var slowestStep: Duration = .zero
        let clock = ContinuousClock()
        while backend.keysLeft > 0 {
            // `q` on a top-level screen quits, as it should, and Ctrl-C where nothing would be lost
            // leaves with the interrupt's status; the storm then goes on in a new loop
            // that keeps the state, as if the user had opened the console again where they were.
            let loop = ConsoleLoop(
                state: backend.lastState ?? ConsoleState(session: Fixture.session(), data: Fixture.data(), size: backend.size),
                backend: backend, source: Fixture.source(), clock: { (Fixture.now, Fixture.today) })
            loop.start()
            while backend.keysLeft > 0 {
                let started = clock.now
                let exit = loop.step(timeout: 0)
                slowestStep = max(slowestStep, clock.now - started)
                backend.lastState = loop.state
                if exit != nil {
                    #expect(exit == .quit || exit == .signal(SIGINT), "seed \(seed)")
                    quits += 1
                    break
                }
            }
        }
        print("Key storm, seed \(seed): \(keyCount) keys, \(backend.framesDrawn) frames, \(backend.resizes) resizes, \(quits) quits, slowest step \(slowestStep)")
        #expect(backend.wrongSizedFrames.isEmpty, "seed \(seed): frames not matching the terminal: \(backend.wrongSizedFrames.prefix(5))")
        #expect(backend.framesDrawn >= keyCount, "a frame after every key, seed \(seed)")
        #expect(slowestStep < .seconds(2), "no key takes long enough to look like a hang, seed \(seed)")
    }
}

/// A terminal that types random keys and checks every frame drawn on it.
private final class StormBackend: TerminalBackend {
    var size = Size(cols: 80, rows: 24)
    let capabilities = TerminalCapabilities(colorDepth: .c256, unicode: true)
    let terminationSignal: Int32? = nil
    private(set) var keysLeft: Int
    private(set) var framesDrawn = 0
    private(set) var resizes = 0
    private(set) var wrongSizedFrames: [String] = []
    /// The state when the last loop stopped, for the next loop to carry on from.
    var lastState: ConsoleState?
    private var random: RobustnessTests.SplitMix

    init(seed: UInt64, keys: Int) {
        random = RobustnessTests.SplitMix(state: seed)
        keysLeft = keys
    }

    func draw(_ screen: Screen, previous: Screen?) {
        framesDrawn += 1
        if screen.size != size {
            wrongSizedFrames.append("frame \(framesDrawn): \(screen.size) on \(size)")
        }
        // The text itself is measured on a sample: measuring every line of every frame would
        // take longer than the storm.
        guard framesDrawn % Self.measuredEvery == 0 else { return }
        let widths = Set(screen.lines.map(DisplayWidth.of))
        if screen.lines.count != size.rows || !(widths.isEmpty || widths == [size.cols]) {
            wrongSizedFrames.append("frame \(framesDrawn): \(size.rows) rows wanted, \(screen.lines.count) drawn, widths \(widths.sorted()) on \(size)")
        }
    }

    private static let measuredEvery = 97

    func flush() {}

    // The console hands the terminal to no other program during a storm.
    func suspend() {}
    func resume() {}

    func nextKey(timeout milliseconds: Int) -> Key? {
        guard keysLeft > 0 else { return nil }
        keysLeft -= 1
        let key = randomKey()
        if key == .resize {
            size = randomSize()
            resizes += 1
        }
        return key
    }

    // MARK: Random input

    private static let printable: [Character] = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
    private static let international: [Character] = ["é", "ñ", "ü", "ß", "李", "龍", "한", "ệ", "Ω", "🙂", "👩‍👩‍👧", "e\u{301}", "\u{200B}", "\u{FE0F}"]
    private static let ctrlCharacters: [Character] = Array("abcdefghijklmnopqrstuvwxyz@\\]^_")
    private static let specialKeys: [Key] = [
        .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .tab, .backTab, .enter, .escape,
        .backspace, .delete, .insert, Key.left.with(.ctrl), Key.right.with([.ctrl, .shift]),
        Key.backspace.with(.alt), Key.backspace.with(.ctrl), Key.delete.with(.ctrl), Key.home.with(.ctrl),
    ]
    /// Keys the key table binds, so the storm reaches every screen and overlay, not just typing.
    private static let boundKeys: [Key] = Array(Set(KeyTable.bindings.flatMap(\.keys))).sorted { $0.description < $1.description }

    private func randomKey() -> Key {
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<35: Self.boundKeys.randomElement(using: &random)!
        case 35..<55: .char(Self.printable.randomElement(using: &random)!)
        case 55..<62: .char(Self.international.randomElement(using: &random)!)
        case 62..<77: Self.specialKeys.randomElement(using: &random)!
        case 77..<81: .function(Int.random(in: 1...24, using: &random))
        case 81..<86: .ctrl(Self.ctrlCharacters.randomElement(using: &random)!)
        case 86..<91: .alt((Self.printable + Self.international).randomElement(using: &random)!)
        case 91..<95: .paste(randomPaste())
        default: .resize
        }
    }

    /// Long, short, multi-line, wide and combining text, with tabs and control characters.
    private func randomPaste() -> String {
        let pieces = ["José Núñez", "P-0003", "\n", "\t", "李小龍 ", "👩‍👩‍👧", "e\u{301}", "\u{7}", "\r\n", "   ", "Reflected on triggers; ", "ﷺ", "\u{202E}"]
        let count = Int.random(in: 0...(Int.random(in: 0..<10, using: &random) == 0 ? 3_000 : 30), using: &random)
        return (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    /// Mostly ordinary windows, sometimes degenerate (0×0, 1×1, one row or column) or huge.
    private func randomSize() -> Size {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: [Size(cols: 0, rows: 0), Size(cols: 1, rows: 1), Size(cols: 1, rows: 40), Size(cols: 200, rows: 1)]
            .randomElement(using: &random)!
        case 1: Size(cols: Int.random(in: 200...400, using: &random), rows: Int.random(in: 60...120, using: &random))
        default: Size(cols: Int.random(in: 2...200, using: &random), rows: Int.random(in: 2...60, using: &random))
        }
    }
}
